"""Whether growth slowed or quickened in a quarter: "NVIDIA's sequential revenue growth slowed in fiscal Q4
2026", "Alphabet's quarterly capex growth slows in Q3 2025", "Google Cloud's backlog growth slowed in Q4 2025".

The quarter's growth (the named one, else the latest reported) is set against the growth of the quarter before
it, on the claim's basis: against the quarter before when it says sequential, quarterly or q/q, against a year
earlier when it says year on year. With neither, a balance (backlog) is read quarter on quarter, the way the
companies state it, and a flow (revenue, capex) year on year, the way headlines mean it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from aicycle.rumor.evidence import Item, as_date, days, freshness, item_from_fact, money, pct
from aicycle.rumor.fundamentals import quarter_rows
from aicycle.rumor.levels import INSTANTS, MEASURES, up_to_named_quarter
from aicycle.rumor.reading import Reading
from aicycle.store import Store

_QUARTERLY = re.compile(r"\b(?:sequential\w*|q/q|qoq|quarter[- ](?:on|over)[- ]quarter|quarterly)\b", re.I)
_YEARLY = re.compile(r"\b(?:y/y|yoy|year[- ](?:on|over)[- ]year|annual)\b", re.I)
_OBJECTS = ("revenue", "capex", "ai_spend", "backlog", "profit", "division_profit")
_STEADY = 0.02  # growth within two points of the quarter before's is neither slower nor faster


def sequential_basis(text: str, obj: str) -> bool:
    """Whether a growth-pace claim compares each quarter with the one before (else with a year earlier)."""
    if _QUARTERLY.search(text):
        return True
    return not _YEARLY.search(text) and obj in INSTANTS


def pace_items(store: Store, reading: Reading, ticker: str, as_of: dt.date, text: str) -> list[Item]:
    """The quarter's growth against the quarter before's, from the store's quarterly figures."""
    obj = reading.object or ""
    if reading.direction not in ("slower_growth", "faster_growth") or obj not in _OBJECTS \
            or reading.modality not in ("fact", "report") or reading.level is not None:
        return []
    if reading.period.year is not None and reading.period.quarter is None and not reading.quarters_in_a_row:
        return []  # "capex growth slowed in 2025" is a year's pace, not its last quarter's
    sequential = sequential_basis(text, obj)
    for family in MEASURES[obj]:
        rows = up_to_named_quarter(quarter_rows(store, ticker, family, as_of, obj in INSTANTS), reading)
        pair = _growths(rows, sequential)
        if pair is not None:
            return [_item(ticker, rows[-1], pair, sequential, as_of)]
    return []


def _earlier(rows: list[dict[str, Any]], row: dict[str, Any], sequential: bool) -> dict[str, Any] | None:
    """The quarter a growth rate is measured from: the one before, or the one a year earlier."""
    end = as_date(row["period_end"])
    gap = 91 if sequential else 365
    near = [r for r in rows if end and abs((end - as_date(r["period_end"])).days - gap) <= 20]  # type: ignore[operator]
    return near[-1] if near else None


def _growths(rows: list[dict[str, Any]], sequential: bool) -> tuple[float, float] | None:
    if len(rows) < 2:
        return None
    latest, before = rows[-1], _earlier(rows, rows[-1], True)
    if before is None:
        return None
    base_now, base_then = _earlier(rows, latest, sequential), _earlier(rows, before, sequential)
    if base_now is None or base_then is None:
        return None
    now, then = pct(latest["value"], base_now["value"]), pct(before["value"], base_then["value"])
    return (now, then) if now is not None and then is not None else None


def _item(ticker: str, row: dict[str, Any], pair: tuple[float, float], sequential: bool, as_of: dt.date) -> Item:
    now, then = pair
    observed = "slower" if now < then - _STEADY else "faster" if now > then + _STEADY else "steady"
    basis = "on the quarter before" if sequential else "year on year"
    when = f"for the quarter to {row['period_end']}" if days(row) else f"at {row['period_end']}"
    text = (f"{ticker} {str(row['metric']).replace('_', ' ')} {money(row['value'], row.get('unit'))} {when}: "
            f"{now:+.0%} {basis}, against {then:+.0%} the quarter before "
            f"({'growth ' + observed if observed != 'steady' else 'growth about the same'})")
    return item_from_fact(row, "growth_pace", text, observed=observed, change=now,
                          weight=1.0 * freshness(as_date(row["filed"]), as_of),
                          method=f"derived: the quarter's growth {basis} against the growth of the quarter before it")
