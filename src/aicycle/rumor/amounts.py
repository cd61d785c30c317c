"""The figures a claim names: a level ("tops $500B", "$115-135bn", "below $1.50/hr", "about 30%"), which end of a
guided range it means ("tops out at $190bn"), and the least rise it claims ("more than doubles")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aicycle.rumor import vocab


@dataclass
class Level:
    op: str  # above | below | at
    value: float
    unit: str  # USD | MW
    text: str
    high: float | None = None  # "$115-135bn": the top of a named range (value is its bottom)


# how many times a figure a multiple word names: "doubles" is twice it
TIMES = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0}
_MULTIPLE = re.compile(r"\b(?P<hedge>nearly |almost |close to )?(?P<k>doubl|tripl|quadrupl)(?:e|es|ed|ing)\b"
                       r"(?!\s+down)", re.I)
_GROWS_BY = re.compile(r"\b(?:jump|ris|rise|rose|grow|grew|surg|soar|climb|increas|gain|leap|swell|up|rebound|"
                       r"recover)\w*"
                       r"\s+(?:by\s+)?(?P<hedge>nearly |almost |close to |about |around |roughly |some |~)?"
                       r"(?P<floor>more than |over |at least )?"
                       r"(?P<pct>\d+(?:\.\d+)?)\s?%"
                       # "more than 50% above its 2024 spending": the rise named after its size
                       r"|(?P<hedge2>nearly |almost |close to |about |around |roughly |some |~)?"
                       r"(?P<floor2>more than |over |at least )?(?P<pct2>\d+(?:\.\d+)?)\s?%\s+"
                       r"(?:above|higher than|more than|up (?:on|from))\s+(?:its |the |their )?"
                       r"(?:20\d\d|prior|previous|last|a year)\b", re.I)


def growth(text: str) -> float | None:
    """The least rise a claim names, a little short of it so that "doubles" holds at +96%."""
    m = _MULTIPLE.search(text)
    factor = TIMES[m.group("k").lower()] - 1 if m else None
    if m is None:
        m = _GROWS_BY.search(text)
        factor = float(m.group("pct") or m.group("pct2")) / 100 if m else None
    if m is None or factor is None:
        return None
    hedge = (m.group("hedge") or (m.groupdict().get("hedge2") or "")).strip().lower()
    # "nearly doubles" holds a little short of it; "about 40%" holds anywhere near it, either side
    return factor * (0.95 if not hedge else 0.8 if hedge in ("nearly", "almost", "close to") else 0.75)


_FALLS_BY = re.compile(r"\b(?:fell|falls?|drop\w*|slid|slides?|declin\w*|plung\w*|sank|sinks?|tumbl\w*|slump\w*|"
                       r"los[te]s?|shed\w*|down)\s+(?:by\s+)?"
                       r"(?P<hedge>nearly |almost |about |around |roughly |some |~)?"
                       r"(?P<floor>more than |over |at least )?(?P<pct>\d+(?:\.\d+)?)\s?%", re.I)


def decline(text: str) -> tuple[float, bool] | None:
    """The fall a claim names, as a fraction, and whether it is a floor ("fell more than 10%")."""
    m = _FALLS_BY.search(text)
    return (float(m.group("pct")) / 100, bool(m.group("floor"))) if m else None


def growth_ceiling(text: str) -> float | None:
    """The most rise a claim's size allows when it is not a floor: "roughly tripled" is not a 4.5-fold rise, nor
    "rose 66%" a 138% one; "more than doubles" and "up over 40%" have no ceiling."""
    m = _MULTIPLE.search(text)
    if m is not None:
        if re.search(r"\b(?:more than|over|at least|better than|well over)\s+$", text[:m.start()], re.I):
            return None
        return TIMES[m.group("k").lower()] * 1.2 - 1
    m = _GROWS_BY.search(text)
    if m is None or m.group("floor") or m.group("floor2"):
        return None
    size = float(m.group("pct") or m.group("pct2")) / 100
    return size + max(0.02, 0.25 * size)  # the same room short_of_fall gives a fall of a named size


# A revision ("raises its guide to $125-145B") is judged as a move, not as a range that must already hold.
REVISING = ("up", "down", "faster_growth", "slower_growth")


# "breaks above $4", "crashed ~47% to $4.20": a bare dollar figure of a GPU's hourly rent
_HOURLY = re.compile(rf"(?P<cmp>{vocab.ABOVE}|{vocab.BELOW}|to|at)\s+\$\s?(?P<v>\d+(?:\.\d+)?)"
                     r"(?![\d.,]|\s*(?:trillion|tn|billion|bn|b|million|mn|m)\b)", re.I)


def level(text: str, ranged: bool = True, hourly: bool = False) -> Level | None:
    """The line a claim draws; `hourly` for GPU rental prices, where a bare "$4" is dollars per GPU-hour."""
    rng = re.search(vocab.RANGE, text, re.I) if ranged else None
    if rng and not re.search(r"\bfrom\W*$", text[max(0, rng.start() - 8):rng.start()], re.I):
        factor = vocab.SCALES[rng.group("scale").lower()]
        low, high = float(rng.group(1)) * factor, float(rng.group(2)) * factor
        said = re.search(rf"(?:{vocab.ABOVE}|{vocab.BELOW})(?=\W+(?:\w+\W+){{0,5}}$)", text[:rng.start()], re.I)
        if low < high and said:  # "overshot its original $60-65bn plan": past the range's top (or under its bottom)
            above = _op(said.group(0)) == "above"
            return Level("above" if above else "below", high if above else low, "USD", rng.group(0).strip())
        if low < high:
            return Level("at", low, "USD", rng.group(0).strip(), high=high)
    rate = re.search(vocab.GROWTH_RATE, text, re.I)
    if rate:  # "Azure growth slows to about 30%": a growth rate, read against the rate the company states
        return Level(_op(rate.group("cmp")), float(rate.group("pct")) / 100, "pct", rate.group(0).strip())
    per = re.search(rf"(?:(?P<cmp>{vocab.ABOVE}|{vocab.BELOW})\s+)?" + vocab.PER_UNIT, text, re.I)
    if per:
        unit = "USD/MW-day" if "mw" in per.group(3).lower() or "mega" in per.group(3).lower() else "USD/hour"
        return Level(_op(per.group("cmp")), float(per.group(2)), unit, per.group(0).strip())
    bare = _HOURLY.search(text) if hourly else None
    if bare:  # "the H100 index breaks above $4"
        return Level(_op(bare.group("cmp")), float(bare.group("v")), "USD/hour", bare.group(0).strip())
    found: list[tuple[bool, Level]] = []
    text = re.sub(r"(?<!\w)([><≥≤])\s*(?=[$₩\d])", r"\1 ", text)  # "> ₩50tn", ">$50bn": above the figure
    for m in re.finditer(vocab.LEVEL, text, re.I):
        cmp = (m.group("cmp") or "").lower()
        number = m.group(2).lower().replace(",", "")
        value = vocab.WORD_NUMBERS.get(number)
        if value is None:
            try:
                value = float(number)
            except ValueError:
                continue
        scale = m.group("scale").lower()
        won = bool(m.group("won")) or bool(re.search(r"krw|₩", m.group(0), re.I))
        if scale in ("m", "b", "t") and not (won or re.search(r"\$|usd", m.group(0), re.I)):
            continue  # "5 m" without a currency is not a figure
        if not cmp and not won and not re.search(r"\$|usd|trillion|billion|gw|mw|gigawatt|megawatt", m.group(0), re.I):
            continue
        if re.search(r"\bfrom(?:\s+(?:last year's|20\d\d's|fy\s?'?\d\d's|the prior|its|the))?\W*$",
                     text[max(0, m.start() - 24):m.start()], re.I) or _REVISED.search(text[:m.start()]):
            continue  # "(from $125-145B)", "walks back its $500bn outlook": the old figure
        if re.search(r"\$\s?\d+(?:\.\d+)?\s*[-\u2013\u2014]\s*$", text[:m.start()]):
            continue  # "to $64-72 billion": the top of a dollar range, not a level of its own
        unit = "MW" if scale.startswith(("gw", "giga", "mw", "mega")) else "KRW" if won else "USD"
        found.append((not cmp, Level(_op(cmp), value * vocab.SCALES[scale], unit, m.group(0).strip())))
    # "climbs $85bn in Q4 to $638bn": the figure after "to" (or a comparator) is the level, a bare one the move
    return min(found, key=lambda f: f[0])[1] if found else None


# "walks back its", "cuts its": the figure that follows names the guide being revised, not a new level
_REVISED = re.compile(r"\b(?:walk\w* back|cut\w*|trim\w*|lower\w*|rais\w*|lift\w*|scrap\w*|abandon\w*|withdraw\w*|"
                      r"pull\w*|drop\w*|revis\w*)\s+(?:its|their|the)\s+(?:[\w-]+\s+)?$", re.I)


def _op(comparator: str | None) -> str:
    """'tops', 'more than' -> above; 'under', 'shy of' -> below; 'to', 'at' or none -> at."""
    word = (comparator or "").lower()
    return "above" if re.fullmatch(vocab.ABOVE, word) else "below" if re.fullmatch(vocab.BELOW, word) else "at"


def range_end(text: str) -> str | None:
    if re.search(r"\b(?:high|top|upper)[- ]end\b|\bceiling\b|\b(?:tops?|topping|maxe?s?|peaks?) out at\b|\bcapped at\b|"
                 r"\brange (?:now )?(?:reach\w*|extends?|stretch\w*|runs?)\b", text, re.I):
        return "high"
    if re.search(r"\b(?:low|bottom|lower)[- ]end\b|\bfloor\b", text, re.I):
        return "low"
    return None
