"""Spending so far against a whole earlier year: "Micron's capex in the first nine months of FY26 already exceeds
all of FY25", "CoreWeave's first-half 2026 capex already exceeds all of 2025". Neither figure is a filed one: the
quarters of the year so far are summed and set against the earlier year's reported total (or its four quarters).
Or against a level: "Micron spends over $20bn on capex in the first nine months of FY26"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from aicycle import facts
from aicycle.rumor.amounts import Level
from aicycle.rumor.evidence import Item, as_date
from aicycle.store import Store

_SO_FAR = re.compile(r"\b(?:already|so far|year[- ]to[- ]date|first[- ](?:half|six months|nine months|three quarters)|"
                     r"after (?:the first )?(?:six|nine) months|(?:six|nine)[- ]month|"
                     r"through (?:Q[1-4]|the \w+ quarter|(?:the end of )?(?:march|june|september)\b(?=\s+20\d\d)))\b",
                     re.I)
_EXCEEDS = re.compile(r"\b(?:exceed\w*|tops?|topp\w*|surpass\w*|outstrip\w*|eclips\w*|out-?spen[dt]\w*|more than|"
                      r"above|beyond|bigger than|larger than)\b", re.I)
_WHOLE_YEAR = re.compile(r"\b(?:all of|(?:its |the )?(?:whole|entire|full)(?:[- ]year)?)\s+(?:of\s+)?"
                         r"(?P<year>FY\s?'?\d{2}|fiscal(?: year)? (?:20)?\d{2}|(?:calendar )?20\d\d)\b", re.I)
# "above FY25's full-year total": the whole year named before its words
_WHOLE_YEAR_BEFORE = re.compile(r"\b(?P<year>FY\s?'?\d{2}|fiscal(?: year)? (?:20)?\d{2}|(?:calendar )?20\d\d)'s\s+"
                                r"(?:whole|entire|full)[- ]year\b", re.I)
_YEAR = re.compile(r"\b(?:FY\s?'?(\d{2})|fiscal(?:[- ]year)?[- ](?:20)?(\d{2})|(?:calendar )?20(\d\d))\b", re.I)
_MONEY = re.compile(r"\$\s?\d", re.I)
# "through September 2025": the calendar's quarters to that month's end
_COUNT = ((r"nine[- ]months?|three quarters|\bQ3\b|third quarter|through (?:the end of )?september", 3),
          (r"half|six[- ]months?|\bQ2\b|second quarter|through (?:the end of )?june", 2),
          (r"\bQ1\b|first quarter|through (?:the end of )?march", 1))


@dataclass(frozen=True)
class SoFar:
    year: int  # the year under way (fiscal years by the company's own numbering)
    earlier: int | None  # the whole year it is set against; None: the claim's level ("over $20bn")
    quarters: int | None  # how many quarters the claim counts, when it says


def read_so_far(text: str) -> SoFar | None:
    whole = _WHOLE_YEAR.search(text) or _WHOLE_YEAR_BEFORE.search(text)
    if not _SO_FAR.search(text):
        return None
    count = next((n for pattern, n in _COUNT if re.search(pattern, text, re.I)), None)
    if whole is None:  # "over $20bn on capex in the first nine months of FY26": the sum against a level
        named = _YEAR.search(text)
        if named is None or count is None or not _MONEY.search(text):
            return None
        return SoFar(_year_of(named.group(0)), None, count)
    if not _EXCEEDS.search(text):
        return None
    earlier = _year_of(whole.group("year"))
    others = [_year_of(m.group(0)) for m in _YEAR.finditer(text) if not whole.start() <= m.start() < whole.end()]
    year = next((y for y in others if y != earlier), earlier + 1)
    return SoFar(year, earlier, count)


def so_far_items(store: Store, ticker: str, so_far: SoFar, as_of: dt.date,
                 level: Level | None = None) -> list[Item]:
    """The year-so-far sum against the earlier year, from filings public by `as_of`; none when the quarters the
    claim counts are not all reported yet."""
    quarters = facts.headline_capex(store, ticker, as_of)
    now = [r for r in quarters if (r["fiscal_period"] or "").startswith(f"FY{so_far.year}Q")]
    if not now or (so_far.quarters is not None and len(now) < so_far.quarters):
        return []
    now = now[:so_far.quarters] if so_far.quarters else now
    if so_far.earlier is None:
        return _against_level(now, ticker, level) if level is not None and level.unit == "USD" else []
    before = _whole_year(store, ticker, so_far.earlier, as_of, quarters)
    if before is None:
        return []
    total, filed = sum(float(r["value"]) for r in now), max(as_date(r["filed"]) or as_of for r in now)
    label = f"FY{so_far.year}Q1" + (f"–Q{len(now)}" if len(now) > 1 else "")
    text = (f"{ticker} capex {label} sums to ${total / 1e9:.1f}B against ${before / 1e9:.1f}B for all of "
            f"FY{so_far.earlier}")
    return [Item(signal="capex_so_far", text=text, date=filed, source=str(now[-1]["source"]), kind="derived",
                 observed="above" if total > before else "below", weight=0.9, value=total, unit="USD",
                 period=label, url=now[-1].get("url"), accession=now[-1].get("accession"), ticker=ticker,
                 change=total / before - 1 if before else None,
                 method="derived: the quarters of the year so far summed, against the earlier year's reported total")]


def _against_level(now: list[dict[str, Any]], ticker: str, level: Level) -> list[Item]:
    total, filed = sum(float(r["value"]) for r in now), max(as_date(r["filed"]) or dt.date.min for r in now)
    label = f"{now[0]['fiscal_period'][:6]}Q1" + (f"–Q{len(now)}" if len(now) > 1 else "")
    if level.op == "at":
        observed = "match" if abs(total - level.value) <= 0.05 * level.value else "mismatch"
    else:
        observed = "above" if total > level.value else "below"
    return [Item(signal="capex_so_far", text=f"{ticker} capex {label} sums to ${total / 1e9:.2f}B", date=filed,
                 source=str(now[-1]["source"]), kind="derived", observed=observed, weight=0.9, value=total,
                 unit="USD", period=label, url=now[-1].get("url"), accession=now[-1].get("accession"),
                 ticker=ticker, method=f"derived: the quarters of the year so far summed, against the claim's "
                                       f"{level.text!r}")]


def _whole_year(store: Store, ticker: str, year: int, as_of: dt.date, quarters: list[dict[str, Any]]) -> float | None:
    annual = [r for r in facts.headline_capex(store, ticker, as_of, freq="year") if r["fiscal_period"] == f"FY{year}"]
    if annual:
        return float(annual[-1]["value"])
    parts = [r for r in quarters if (r["fiscal_period"] or "").startswith(f"FY{year}Q")]
    return sum(float(r["value"]) for r in parts) if len(parts) == 4 else None


def _year_of(text: str) -> int:
    digits = re.findall(r"\d+", text)[-1]
    return 2000 + int(digits[-2:])
