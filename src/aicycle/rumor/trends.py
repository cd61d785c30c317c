"""Figures from the store for trend claims: "revenue is falling", "risen five quarters in a row", "record
quarterly capex", "returns to profit". A trend reads the latest period against a year earlier (a
quarter-on-quarter claim against the quarter before); a swing to profit reads the sign of the latest quarter
against the one before it. "Growth slowing" is growth_pace's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from aicycle.rumor.evidence import Item, as_date, days, direction_of, freshness, item_from_fact, money, pct
from aicycle.rumor.fundamentals import CAPEX_FAMILIES, duration_trend, family_rows, instant_trend, quarter_rows
from aicycle.rumor.levels import INSTANTS, MEASURES, level_items, up_to_named_quarter
from aicycle.rumor.reading import Reading
from aicycle.store import Store

_SEQUENTIAL_MEASURES = {"capex": CAPEX_FAMILIES, "ai_spend": CAPEX_FAMILIES, "revenue": (("revenue",),),
                        "profit": (("operating_income",),), "backlog": MEASURES["backlog"], "arr": MEASURES["arr"]}


def sequential_items(store: Store, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """'Fell from the prior quarter', 'risen five quarters in a row': the latest quarters, each against the
    one before it (quarters for flows, quarter-end figures for backlog), not a year earlier."""
    n = reading.quarters_in_a_row
    for family in _SEQUENTIAL_MEASURES.get(reading.object or "", ()):
        # "fell in Q2 2026": up to that quarter, not the latest
        rows = up_to_named_quarter(quarter_rows(store, ticker, family, as_of, reading.object in INSTANTS), reading)
        if len(rows) < n + 1:
            continue
        moves = [direction_of(pct(rows[-1 - i]["value"], rows[-2 - i]["value"]), 0.005) for i in range(n)]
        wanted = reading.direction if reading.direction in ("up", "down") else moves[0]
        observed = wanted if all(m == wanted for m in moves) else next(m for m in moves if m != wanted)
        latest, before = rows[-1], rows[-1 - n]
        path = " → ".join(money(r["value"], r.get("unit")) for r in rows[-1 - n:])
        text = (f"{ticker} {family[0].replace('_', ' ')} by quarter to {latest['period_end']}: {path} "
                f"({'each quarter ' + str(observed) if observed == wanted else 'not every quarter ' + str(wanted)})")
        item = item_from_fact(latest, "sequential", text, observed=observed,
                              change=pct(latest["value"], before["value"]),
                              weight=1.0 * freshness(as_date(latest["filed"]), as_of))
        return [item]
    return []


def record_items(store: Store, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """'Record quarterly capex', 'its largest quarter yet': the quarter (the named one, else the latest) against
    every quarter before it that the store holds, not against a year earlier."""
    for family in _SEQUENTIAL_MEASURES.get(reading.object or "", ()):
        rows = up_to_named_quarter(quarter_rows(store, ticker, family, as_of, reading.object in INSTANTS), reading)
        if len(rows) < 2:
            continue
        latest, peak = rows[-1], max(rows[:-1], key=lambda r: float(r["value"]))
        above = float(latest["value"]) > float(peak["value"])
        if above and len(rows) < 4:
            continue  # below an earlier quarter is no record, but a high over two or three quarters is not one yet
        text = (f"{ticker} {family[0].replace('_', ' ')} {money(latest['value'], latest.get('unit'))} for the quarter "
                f"to {latest['period_end']}: " + ("a record, above every earlier quarter on record (the highest "
                f"before it {money(peak['value'], peak.get('unit'))}, to {peak['period_end']})" if above else
                f"not a record: {money(peak['value'], peak.get('unit'))} to {peak['period_end']} was higher"))
        # no `change`: how far above the old high says nothing of how strong a move the claim names
        return [item_from_fact(latest, "record", text, observed="up" if above else "down",
                               weight=1.0 * freshness(as_date(latest["filed"]), as_of),
                               method=f"derived: the quarter against the highest of the {len(rows) - 1} quarters "
                                      f"before it in the store")]
    return []


def trend_items(store: Store, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """Year-on-year trend of revenue, operating profit or ARR; growth speeding up or slowing."""
    obj = reading.object or ""
    if obj not in ("revenue", "profit", "division_profit", "arr"):
        return []
    metric = MEASURES[obj][0][0]
    if obj in ("profit", "division_profit") and (reading.to_profit or reading.to_loss):
        return _in_the_black(store, ticker, metric, as_of, reading)
    if obj == "arr":
        return instant_trend(store, ticker, as_of, metric, "arr_trend", "ARR")
    # a named year's trend is that year's: "fiscal 2028 revenue to grow" is not answered by 2026's quarters
    items = duration_trend(store, ticker, as_of, families=((metric,),), signal=f"{obj}_yoy", label=metric,
                           year=reading.period.year)
    items = [i for i in items if not (i.period and ".." in i.period and _span(i.period) > 100)] or items
    if reading.direction in ("slower_growth", "faster_growth"):
        return []  # the quarters' growth pace answers it (growth_pace), not the level's trend
    return items


def _in_the_black(store: Store, ticker: str, metric: str, as_of: dt.date, reading: Reading) -> list[Item]:
    """'Returns to profit': the latest quarter's sign (of the quarter the claim names, if it names one),
    against the quarter before it."""
    every = family_rows(store, ticker, (metric,), as_of)
    rows = [r for r in every if 80 <= (days(r) or 0) <= 100]
    year = reading.period.year
    if year is not None and reading.period.quarter is None:  # "was profitable in 2025": the year's own figure
        in_year = [r for r in every if str(r["period_end"])[:4] == str(year)]
        rows = [r for r in in_year if (days(r) or 0) > 350] or [r for r in rows if r in in_year]
    rows = up_to_named_quarter(rows, reading)
    if not rows:
        return []
    latest = rows[-1]
    before = f", after {money(rows[-2]['value'], rows[-2].get('unit'))} the quarter before" if len(rows) > 1 else ""
    observed = "up" if latest["value"] > 0 else "down"
    span = "year" if (days(latest) or 0) > 350 else "quarter"
    outcome = "a profit" if observed == "up" else "still a loss"
    if reading.to_profit and span == "quarter" and len(rows) > 1 and 0 < latest["value"] < rows[-2]["value"]:
        # "swings to a big Q2 profit" after a larger profit the quarter before: a profit, but no swing to one
        observed, outcome = "down", "a smaller profit than the quarter before's, not a swing to profit"
    text = (f"{ticker} {metric.replace('_', ' ')} {money(latest['value'], latest.get('unit'))} for the {span} "
            f"ending {latest['period_end']}{before}: {outcome}")
    return [item_from_fact(latest, f"{metric}_sign", text, observed=observed,
                           weight=1.0 * freshness(as_date(latest["filed"]), as_of))]


def _span(period: str) -> int:
    start, end = (dt.date.fromisoformat(p) for p in period.split(".."))
    return (end - start).days


def division_items(store: Store, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """A claim about a chip division's profit (Samsung's Device Solutions): that division's own figures."""
    if reading.object != "profit" or reading.segment != "Chips":
        return []
    scoped = replace(reading, object="division_profit")
    return level_items(store, scoped, ticker, as_of) if reading.level else trend_items(store, scoped, ticker, as_of)
