"""A growth rate claimed for a reported figure: "Oracle RPO growing more than 400% a year", "Micron quarterly
revenue more than triples year on year". The store's own figures give it: the latest period (or the quarter the
claim names) against the same period a year earlier, or the quarter before when the claim says sequential. A
rate the company states in words is read elsewhere (observe's growth rate); this is the figures' rate."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aicycle.rumor.evidence import Item, as_date, days, freshness, item_from_fact, money
from aicycle.rumor.fundamentals import family_rows, period_before
from aicycle.rumor.levels import INSTANTS, MEASURES, in_quarter
from aicycle.rumor.reading import Reading
from aicycle.store import Store

_TOLERANCE = 0.02  # "about 440%" matches 438%: two points either way


def growth_level_items(store: Store, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """The figures' growth rate against the claim's rate; nothing when the store lacks the earlier period."""
    level = reading.level
    if level is None or level.unit != "pct" or reading.object not in MEASURES or reading.segment \
            or reading.modality != "fact" or reading.period.year is not None and reading.period.quarter is None:
        return []  # a guided rate, or a year's, is not a quarter's reported one
    for family in MEASURES[reading.object or ""]:
        rows = _same_kind(family_rows(store, ticker, family, as_of), reading.object in INSTANTS)
        named = in_quarter(rows, reading) if reading.period.quarter is not None else rows
        if not named:
            continue
        latest = named[-1]
        earlier = _earlier(rows, latest, sequential=bool(reading.quarters_in_a_row))
        if earlier is None or float(earlier["value"]) <= 0:
            continue
        change = float(latest["value"]) / float(earlier["value"]) - 1
        return [_item(latest, earlier, change, ticker, family[0], reading, as_of)]
    return []


def _same_kind(rows: list[dict[str, Any]], instant: bool) -> list[dict[str, Any]]:
    """Balances at a date, or quarters' flows: a year's total is not set against a quarter's."""
    if instant:
        return [r for r in rows if not days(r)]
    return [r for r in rows if 80 <= (days(r) or 0) <= 100]


def _earlier(rows: list[dict[str, Any]], latest: dict[str, Any], *, sequential: bool) -> dict[str, Any] | None:
    end = as_date(latest["period_end"])
    return None if end is None else period_before(rows, end, 91 if sequential else 365, 20)


def _item(latest: dict[str, Any], earlier: dict[str, Any], change: float, ticker: str, metric: str,
          reading: Reading, as_of: dt.date) -> Item:
    level = reading.level
    assert level is not None
    if level.op == "at":
        observed = "match" if abs(change - level.value) <= _TOLERANCE * max(1.0, level.value) else "mismatch"
    else:
        observed = "above" if change >= level.value else "below"
    basis = "the quarter before" if reading.quarters_in_a_row else "a year earlier"
    text = (f"{ticker} {metric.replace('_', ' ')} {money(latest['value'], latest.get('unit'))} at "
            f"{latest['period_end']} against {money(earlier['value'], earlier.get('unit'))} {basis} "
            f"({change:+.0%}), against the claim's {level.text}")
    return item_from_fact(latest, "growth_level", text, observed=observed, change=change,
                          weight=1.0 * freshness(as_date(latest["filed"]), as_of),
                          method=f"derived: the reported figure against {basis}")
