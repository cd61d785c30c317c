"""Numbers inside a sentence: a new guidance range against the prior one, or two years' amounts.

"…in the range of $125-145 billion, up from our prior outlook of $115-135 billion" gives a
direction by itself once the midpoints are compared ("narrowed from $125-145 billion" to $130-145
billion raises only the low end: `maintain`); so does "we spent $32.3 billion and $52.5
billion … in 2023 and 2024". Words like "narrowed" or "updated" do not.
"""

from __future__ import annotations

import re

_AMOUNT = r"\$\s?(\d[\d,]*(?:\.\d+)?)(?:\s*(?:billion|bn|b|million|m))?"
_RANGE = re.compile(
    _AMOUNT + r"\s*(?:-|–|—|to|and)\s*\$?\s?(\d[\d,]*(?:\.\d+)?)\s*(billion|bn|million)?", re.IGNORECASE
)
_SINGLE = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)\s*(billion|bn|million|m)\b", re.IGNORECASE)
_PRIOR = re.compile(r"\b(?:prior|previous|previously|earlier|last|(?:raised|increased|lowered|reduced|decreased"
                    r"|narrowed|cut|up|down|changed|revised|updated)? ?from (?:our|the|\$))", re.IGNORECASE)
_FIGURE = re.compile(_AMOUNT + r"(?:\s*(?:-|–|—|to)\s*\$?\s?(\d[\d,]*(?:\.\d+)?))?", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:fiscal (?:year )?)?(20\d\d)\b", re.IGNORECASE)
THRESHOLD = 0.01  # midpoints within ±1 % count as unchanged


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def guidance_revision(sentence: str) -> tuple[str, str] | None:
    """(label, cue) when the sentence states a new range and the prior one; else None.

    Midpoints decide, except that raising only the low end of a range is `maintain`
    (docs/stance_labels.md): the top of the plan has not moved."""
    if sentence.count("$") < 2:  # two figures at least; most sentences have none
        return None
    prior = _PRIOR.search(sentence)
    if not prior:
        return None
    ranges = [(m.start(), _bounds(m)) for m in _FIGURE.finditer(sentence)]
    before = [b for pos, b in ranges if pos < prior.start()]
    after = [b for pos, b in ranges if pos > prior.start()]
    if not before or not after:
        return None
    (new_low, new_high), (old_low, old_high) = before[-1], after[0]
    new, old = (new_low + new_high) / 2, (old_low + old_high) / 2
    cue = f"guidance midpoint {old:g} → {new:g}"
    if new_high == old_high and old_low < new_low <= new_high and old_low != old_high:
        return "maintain", f"range narrowed by raising only its low end ({old_low:g}–{old_high:g} → " \
                           f"{new_low:g}–{new_high:g})"
    change = (new - old) / old if old else 0.0
    if change > THRESHOLD:
        return "expand", cue
    if change < -THRESHOLD:
        return "cut", cue
    return "maintain", cue


def _bounds(match: re.Match[str]) -> tuple[float, float]:
    low = _num(match.group(1))
    high = _num(match.group(2)) if match.group(2) else low
    return (low, high) if high >= low else (low, low)


def yearly_amounts(sentence: str) -> tuple[str, str] | None:
    """Direction of two reported amounts given with their two years ("X and Y in 2023 and 2024")."""
    if sentence.count("$") != 2:
        return None
    amounts = [_num(m.group(1)) for m in _SINGLE.finditer(sentence)]
    years = [int(y) for y in _YEAR.findall(sentence)]
    if len(amounts) != 2 or len(set(years)) != 2 or len(years) != 2:
        return None
    (y1, y2), (a1, a2) = years, amounts
    later, earlier = (a2, a1) if y2 > y1 else (a1, a2)
    if earlier <= 0:
        return None
    change = (later - earlier) / earlier
    cue = f"{min(y1, y2)}→{max(y1, y2)}: {earlier:g} → {later:g}"
    if change > THRESHOLD:
        return "expand", cue
    if change < -THRESHOLD:
        return "cut", cue
    return "maintain", cue


_PLAN = re.compile(r"\b(?:anticipat|expect|plan|target|guid|budget|outlook|forecast|intend)\w*|\bwill be\b|\bgoing to be\b",
                   re.IGNORECASE)


def planned_amount(sentence: str) -> bool:
    """A forward-looking capex figure ("we anticipate capex of $60 billion to $65 billion")."""
    return "$" in sentence and bool(_PLAN.search(sentence) and (_SINGLE.search(sentence) or _RANGE.search(sentence)))


_PAST = re.compile(r"\b(?:was|were|totaled|totalled|amounted to|came in at|spent|invested)\b", re.IGNORECASE)


def past_amount(sentence: str) -> bool:
    """A reported amount with no plan word ("capital expenditures were $19.4 billion in the quarter"):
    a past figure with no direction or comparison says nothing about the stance (docs/stance_labels.md)."""
    return "$" in sentence and bool(_SINGLE.search(sentence)) and bool(_PAST.search(sentence)) \
        and not _PLAN.search(sentence)
