"""Capex guidance in an earnings release's own words, as `capex_guidance_*` facts.

Companies that guide capex in the release (EX-99.1) write one outlook sentence, e.g. Meta's 8-K of
2026-04-29: "We anticipate 2026 capital expenditures, including principal payments on finance leases,
to be in the range of $125-145 billion, increased from our prior range of $115-135 billion." The
first amount or range of such a sentence is the new guide for the year it names; what follows a
"prior"/"previous"/"from our" clause is the range it replaced, which the capex checkpoint reads from
the fact's note. A release without such a sentence gives no rows: nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from aicycle.store import fact_key
from aicycle.universe import get

METHOD = "outlook sentence of the earnings release (EX-99.1): the first amount or range it names"
_SENTENCE = re.compile(r"[^.!?]*?\bcapital expenditures\b[^.!?]*(?:\.\d[^.!?]*)*[.!?]?", re.IGNORECASE)
_FORWARD = re.compile(r"\b(?:anticipat\w*|expect\w*|outlook|plan\w*|guid\w*|forecast\w*)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:fiscal (?:year )?|full year )?(20\d\d)\b", re.IGNORECASE)
_NUM = r"(\d{1,4}(?:\.\d+)?)"
_RANGE = re.compile(rf"\${_NUM}\s*(?:billion\s*)?(?:-|–|to)\s*\$?{_NUM}\s*billion", re.IGNORECASE)
_POINT = re.compile(rf"\${_NUM}\s*billion", re.IGNORECASE)
_PRIOR = re.compile(r"\b(?:prior|previous(?:ly)?|from our)\b", re.IGNORECASE)


def outlook_sentences(text: str) -> list[str]:
    """Forward-looking sentences about capital expenditures that name a year and an amount."""
    out = []
    for found in _SENTENCE.finditer(text):
        sentence = " ".join(found.group(0).split())
        if _FORWARD.search(sentence) and _YEAR.search(sentence) and "$" in sentence:
            out.append(sentence)
    return out


def parse_guide(sentence: str) -> tuple[int, float | None, float | None, float | None] | None:
    """(year, low, high, point) in USD from one outlook sentence, or None."""
    cut = _PRIOR.search(sentence)
    head = sentence[: cut.start()] if cut else sentence
    year = _YEAR.search(head) or _YEAR.search(sentence)
    if year is None:
        return None
    if m := _RANGE.search(head):
        low, high = float(m[1]) * 1e9, float(m[2]) * 1e9
        return (int(year[1]), low, high, None) if low < high else None
    if m := _POINT.search(head):
        return int(year[1]), None, None, float(m[1]) * 1e9
    return None


def _fiscal_year(ticker: str, year: int) -> tuple[dt.date, dt.date]:
    month, day = (int(x) for x in get(ticker).fiscal_year_end.split("-"))
    end = dt.date(year, month, day)
    start = dt.date(year - 1, month, day) + dt.timedelta(days=1)
    return start, end


def guidance_facts(release: dict[str, Any]) -> list[dict[str, Any]]:
    """`facts` rows for the capex guide a release states (a `documents` row of kind 'release')."""
    ticker = release["ticker"]
    for sentence in outlook_sentences(release["text"]):
        guide = parse_guide(sentence)
        if guide is None:
            continue
        year, low, high, point = guide
        start, end = _fiscal_year(ticker, year)
        sides = {"low": low, "high": high} if point is None else {"point": point}
        return [_row(release, f"capex_guidance_{side}", value, start, end, year, sentence)
                for side, value in sides.items()]
    return []


def _row(release: dict[str, Any], metric: str, value: float | None, start: dt.date, end: dt.date, year: int,
         sentence: str) -> dict[str, Any]:
    return {
        "fact_key": fact_key(release["ticker"], metric, start, end, "derived", release.get("accession"),
                             release["date"]),
        "ticker": release["ticker"], "metric": metric, "period_start": start, "period_end": end,
        "fiscal_period": f"FY{year}", "calendar_quarter": None, "value": value, "text": None, "unit": "USD",
        "kind": "derived", "method": METHOD, "tag": None, "source": release["source"], "url": release.get("url"),
        "accession": release.get("accession"), "form": "8-K", "filed": release["date"],
        "fetched_at": release.get("fetched_at"), "flag": None, "note": f"source: '{sentence}'",
    }
