"""Whether an amount is contracted or operating: "$4 billion of ARR is now contracted for our 2026 capacity and $1
billion of that is operating today". A claim that "$4bn of ARR is already up and running" names the contracted
figure as the operating one; "has $4bn of ARR under contract" on a call saying "$3.1 billion of ARR under
contract" names another figure for the same status."""

from __future__ import annotations

import re

from aicycle.rumor.figures import FIGURE, figures

OPERATING = re.compile(r"\b(?:up and running|operating|operational|in operation|live|energi[sz]ed|in service|"
                       r"producing revenue|already (?:reached|hit|at)|(?:already |now )?running at)\b", re.I)
CONTRACTED = re.compile(r"\b(?:under contract|contracted|signed|secured)\b", re.I)
_CLAIMED_CONTRACT = re.compile(r"\b(?:under contract|contracted)\b", re.I)
# the words after an amount up to the end of its clause: "$1 billion of that is operating today"
_CLAUSE_END = re.compile(r"[;.]|,\s*(?:and\b|but\b|while\b|\$)|\band\s+\$")


def claimed_status(text: str) -> str | None:
    """operating | contracted | None: the status a claim gives its amount."""
    return "operating" if OPERATING.search(text) else "contracted" if _CLAIMED_CONTRACT.search(text) else None


def statuses(sentence: str, unit: str) -> list[tuple[float, str]]:
    """(amount, status) for each amount of `unit` whose own clause gives it a status."""
    out = []
    for m in FIGURE.finditer(sentence):
        found = figures(m.group(0))
        if not found or found[0][2] != unit:
            continue
        end = _CLAUSE_END.search(sentence, m.end())
        clause = sentence[m.end():end.start() if end else len(sentence)]
        status = "operating" if OPERATING.search(clause) else "contracted" if CONTRACTED.search(clause) else None
        if status:
            out.append((found[0][1], status))
    return out


def status_check(claimed: str, value: float, sentence: str, unit: str, exact: bool = True) -> tuple[str, str] | None:
    """('match' | 'mismatch', why) when the sentence gives the claim's figure a status, or (for a claim of a figure,
    `exact`) gives the claim's status another figure of like size (not one site's part); None when it says
    neither."""
    given = statuses(sentence, unit)
    near = [status for amount, status in given if abs(amount - value) <= 0.05 * value]
    own = [amount for amount, status in given if status == claimed and exact and amount >= 0.5 * value]
    if claimed in near:
        return "match", f"the company gives that figure as {claimed}"
    if near:
        return "mismatch", f"the company gives that figure as {near[0]}, not {claimed}"
    if own:
        return "mismatch", f"the company's {claimed} figure is another"
    return None
