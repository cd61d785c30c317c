"""A reported quarter against its own guide, no figure named: "KLA June-qtr revenue beat guidance midpoint",
"SMCI smashed the top end of its June-qtr revenue guide". The results call states the figure beside the guide
("Revenue was $3.175 billion above the guidance midpoint of $3.075 billion"; "net sales of $5.8 billion ...
compared to our guidance of $5.6 billion to $6.4 billion"); the figure is set against the line the claim draws:
the guide's midpoint unless it names an end. A claim naming both figures ("MSFT June-qtr capex $41bn, short of its
'over $40bn' guide") sets the reported figure the store holds against the guide the claim names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from aicycle.rumor import vocab
from aicycle.rumor.amounts import Level
from aicycle.rumor.evidence import Item, money
from aicycle.rumor.figures import figures
from aicycle.rumor.levels import level_items
from aicycle.rumor.periods import quarter_end
from aicycle.rumor.reading import Reading
from aicycle.rumor.said import latest_said
from aicycle.rumor.scope import results_call_of
from aicycle.store import Store

# the verbs that set a result against its guide, above or below it
_VERB = (r"(?P<verb>beat\w*|top(?:s|ped)?|exceed\w*|smash\w*|surpass\w*|crush\w*|came in above|above|ahead of|"
         r"miss\w*|fell short of|falls? short of|short of|came in below|below|under)")
_CLAIM = re.compile(
    rf"\b{_VERB}\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(?P<end>top|high|upper|low|bottom)[- ]end\s+of\s+(?:the\s+|its\s+|their\s+)?)?(?:[\w-]+\s+){0,3}?"
    r"(?:guid(?:ance|e)|outlook|forecast)(?:\s+(?:mid-?point|range))?\b", re.I)
_UNDER = re.compile(r"miss|short|below|under", re.I)
_MONEY = r"\$\s?(\d+(?:\.\d+)?)\s*(billion|million|bn|m|b)?"
# "Revenue was $3.175 billion above the guidance midpoint of $3.075 billion"; "net sales of $5.8 billion, up 8%
# ..., compared to our guidance of $5.6 billion to $6.4 billion"
_SAID = re.compile(rf"\b(?:revenues?|net sales|sales)\b[^.;]{{0,40}}?{_MONEY}[^$;]{{0,120}}?"
                   rf"(?:above|below|at|compared (?:to|with)|versus|vs\.?|against)\s+(?:the\s+|our\s+)?"
                   rf"(?:guidance|guided|outlook)\s+(?:mid-?point\s+|range\s+)?(?:of\s+)?{_MONEY}"
                   rf"(?:\s*(?:to|-|–)\s*{_MONEY})?", re.I)


@dataclass(frozen=True)
class VsGuide:
    above: bool  # beat (True) or missed (False)
    line: str  # mid | high | low


def read_vs_guide(text: str) -> VsGuide | None:
    """What a claim with no figure says of a result against its guide; None when it says nothing of one."""
    m = _CLAIM.search(text)
    if m is None or re.search(r"\$\s?\d", text):
        return None
    end = (m.group("end") or "").lower()
    line = "high" if end in ("top", "high", "upper") else "low" if end in ("low", "bottom") else "mid"
    return VsGuide(not _UNDER.search(m.group("verb")), line)


# "short of its 'over $40bn' guide": the guide's figure, inside the comparison
_NAMED_GUIDE = re.compile(rf"\b{_VERB}\s+(?:its|the|their)\s+['\"\u2018\u201c]?"
                          r"(?:over |above |at least |about |roughly |~)?(?P<guide>\$\s?\d+(?:\.\d+)?\s*"
                          r"(?:bn|billion|b|m|mn|million)\b)['\"\u2019\u201d]?\s+(?:guid\w*|outlook|forecast)\b", re.I)


@dataclass(frozen=True)
class NamedGuide:
    above: bool  # the claim says the result beat the guide
    guide: float  # the guide's figure the claim names
    result: float  # the result the claim names


def read_named_guide(text: str) -> NamedGuide | None:
    m = _NAMED_GUIDE.search(text)
    guide = figures(m.group("guide")) if m else []
    rest = [high for _, high, unit in figures(text[:m.start()] + text[m.end():]) if unit == "USD"] if m else []
    if m is None or not guide or not rest:
        return None
    return NamedGuide(not _UNDER.search(m.group("verb")), guide[0][1], rest[0])


def named_guide_items(store: Store, claim: NamedGuide, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """The stored result the claim names (within the level check's tolerance), against the guide it names."""
    at = replace(reading, level=Level("at", claim.result, "USD", money(claim.result)), modality="fact")
    found = [i for i in level_items(store, at, ticker, as_of) if i.observed == "match" and i.value is not None]
    for item in found:
        value = float(item.value)  # type: ignore[arg-type]
        beat = value > claim.guide
        item.observed = "match" if beat == claim.above and value != claim.guide else "mismatch"
        item.text += f"; {'above' if beat else 'not above'} the {money(claim.guide)} guide the claim names"
    return found


def vs_guide_items(store: Store, claim: VsGuide, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """The results call's own figure against its guide, judged against the claim ("match" / "mismatch")."""
    ends = quarter_end(reading.period, reading.tickers)
    return latest_said(store, ticker, as_of, lambda sentence: _judge(claim, sentence), signal="vs_guide",
                       method=f"the reported figure against the guide's {claim.line} point",
                       speaks=lambda day, _: ends is None or results_call_of(reading, day))


def _judge(claim: VsGuide, sentence: str) -> str | None:
    m = _SAID.search(sentence)
    if m is None:
        return None
    # "$5.6 to $6.4 billion": the scale is said once, after the range
    figure, low = _money(m.group(1), m.group(2)), _money(m.group(3), m.group(4) or m.group(6) or m.group(2))
    high = _money(m.group(5), m.group(6) or m.group(4) or m.group(2)) if m.group(5) else low
    if figure is None or low is None or high is None:
        return None
    line = {"mid": (low + high) / 2, "high": high, "low": low}[claim.line]
    return "match" if (figure > line) == claim.above and figure != line else "mismatch"


def _money(value: str | None, scale: str | None) -> float | None:
    if value is None:
        return None
    return float(value) * vocab.SCALES.get((scale or "").lower(), 1.0)
