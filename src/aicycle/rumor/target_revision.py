"""A company's own target raised or cut: "IREN lifts its year-end 2026 ARR target", "IREN now targets more than
$3.4bn of ARR by end-2026", "IREN lifts its end-2026 ARR target to $3.7 billion". Each call restates the target
("we're on track to reach our targeted $3.4 billion ARR by the end of 2026"; "we are targeting ... $3.7 billion of
ARR by year end"); the latest call's target against the one before it decides. A call that restates the target
refutes a raise said within days of it; weeks later a raise may still be coming, and nothing decides it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle import rules
from aicycle.rumor.evidence import Item, as_date
from aicycle.rumor.said import company_sentences, recent_documents, sentence_item
from aicycle.store import Store

_ARR = r"(?:arr|annuali[sz]ed (?:revenue )?run[- ]rate(?: revenue)?)"
_CLAIM = re.compile(rf"\b(?P<verb>lifts?|raises?|hikes?|ups|boosts?|increases?|lowers?|cuts?|trims?|reduces?|"
                    rf"now targets?)\b[^;]{{0,60}}?\b{_ARR}\b|\b{_ARR}\s+(?:target|goal)\b", re.I)
_DOWN = re.compile(r"\b(?:lowers?|cuts?|trims?|reduces?)\b", re.I)
_TARGET_WORDS = re.compile(r"\b(?:target\w*|goal|on track to|expect\w*|aim\w*)\b", re.I)
_FIGURE = re.compile(rf"\$\s?(\d+(?:\.\d+)?)\s*(?:billion|bn|b)\b(?:\s+(?:of|in)\s+|\s+)(?:{_ARR})\b", re.I)
_CONTRACTED = re.compile(r"\b(?:under contract|contracted|operating today|signed)\b", re.I)


@dataclass(frozen=True)
class TargetRevision:
    up: bool  # the claim says the target was raised (True) or cut (False)
    value: float | None  # the target the claim names, in billions, when it names one
    above: bool  # "more than $3.4bn": past the figure, not at it


def read_target_revision(text: str, level_value: float | None, above: bool) -> TargetRevision | None:
    m = _CLAIM.search(text)
    if m is None or not (m.group("verb") or re.search(r"\b(?:lifts?|raises?|hikes?|lowers?|cuts?)\b", text, re.I)):
        return None
    if not re.search(r"\btarget|\bgoal", text, re.I):
        return None
    value = level_value / 1e9 if level_value else None
    return TargetRevision(up=not _DOWN.search(text), value=value, above=above)


def target_revision_items(store: Store, claim: TargetRevision, ticker: str, as_of: dt.date) -> list[Item]:
    """The latest call's target against the previous call's, judged against the claim."""
    targets = []  # (doc, day, value, sentence), newest first
    for doc in recent_documents(store, ticker, as_of):
        found = [(float(m.group(1)), s) for s in company_sentences(str(doc["doc_id"]), str(doc["text"]))
                 if _TARGET_WORDS.search(s) for m in _FIGURE.finditer(s)
                 if not (_CONTRACTED.search(s) and not re.search(r"\bexpect\w*\b", s, re.I))]
        day = as_date(doc["date"])
        if found and day is not None:
            value, sentence = max(found)
            targets.append((doc, day, value, sentence))
    if len(targets) < 2:
        return []
    (doc, day, latest, sentence), (_, _, before, _) = targets[0], targets[1]
    moved = "up" if latest > before * 1.005 else "down" if latest < before * 0.995 else "flat"
    named = claim.value is not None and not claim.above  # "lifts its target to $3.7 billion"
    if named and abs(latest - claim.value) <= 0.05 * latest:  # type: ignore[operator]
        observed = "match" if moved != "flat" and (moved == "up") == claim.up else "mismatch"
    elif named:
        return []  # another figure: a raise to the claim's may still come
    elif moved == "flat":
        if (as_of - day).days > rules.RUMOR_RAISE_ANSWERED_DAYS:
            return []  # weeks after a restated target, a revision may still be coming
        observed = "mismatch"
    elif (moved == "up") != claim.up:
        observed = "mismatch"
    else:
        observed = "match" if claim.value is None or latest > claim.value else "mismatch"
    return [sentence_item(doc, sentence, signal="target_revision", observed=observed, as_of=as_of,
                          method=f"the latest call's target (${latest:g}bn) against the one before (${before:g}bn)")]
