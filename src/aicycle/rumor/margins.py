"""An operating margin against a line: "SK hynix Q2 operating margin above 45%", "Micron's operating margin topped
80% last quarter". The store holds the quarter's operating income and revenue, each as reported; the margin is one
over the other for the same quarter (derived, and said so), the quarter the claim names or else the latest."""

from __future__ import annotations

import datetime as dt
import re

from aicycle.rumor import vocab
from aicycle.rumor.amounts import Level
from aicycle.rumor.evidence import Item, as_date, freshness, item_from_fact, money
from aicycle.rumor.fundamentals import quarter_rows
from aicycle.rumor.levels import up_to_named_quarter
from aicycle.rumor.reading import Reading
from aicycle.store import Store

_MARGIN = re.compile(r"\b(?:operating|op)[- ]margins?\b", re.I)
_ABOUT = 0.02  # "an operating margin of about 41%": within two points
_LINE = re.compile(rf"(?:(?P<cmp>{vocab.ABOVE}|{vocab.BELOW})\s+|(?:at|of|to|near|about|around|~)\s*)?"
                   r"(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent)", re.I)


def margin_line(text: str) -> Level | None:
    """The line an operating-margin claim draws ("above 45%", "topped 80%"); None when it is not one."""
    found = _MARGIN.search(text)
    line = _LINE.search(text, found.end()) if found else None
    if line is None:
        return None
    cmp = (line.group("cmp") or "").lower()
    op = "above" if cmp and re.fullmatch(vocab.ABOVE, cmp) else "below" if cmp else "at"
    return Level(op, float(line.group("pct")) / 100, "pct", line.group(0).strip())


def margin_items(store: Store, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """The quarter's operating income over its revenue, against the claim's percentage."""
    level = reading.level
    if level is None or level.unit != "pct":
        return []
    income = {r["period_end"]: r for r in quarter_rows(store, ticker, ("operating_income",), as_of, False)}
    revenue = up_to_named_quarter(quarter_rows(store, ticker, ("revenue",), as_of, False), reading)
    paired = [(r, income[r["period_end"]]) for r in revenue if r["period_end"] in income and r.get("unit") ==
              income[r["period_end"]].get("unit") and float(r["value"])]
    if not paired:
        return []
    sales, profit = paired[-1]
    margin = float(profit["value"]) / float(sales["value"])
    if level.op == "at":
        observed = "match" if abs(margin - level.value) <= _ABOUT else "mismatch"
    else:
        observed = "above" if margin >= level.value else "below"
    text = (f"{ticker} operating margin {margin:.1%} for the quarter to {sales['period_end']} (operating income "
            f"{money(profit['value'], profit.get('unit'))} on revenue {money(sales['value'], sales.get('unit'))})")
    later = max(profit, sales, key=lambda r: str(r.get("filed")))
    return [item_from_fact(later, "operating_margin", text, observed=observed, value=round(margin, 4), unit="pct",
                           kind="derived", weight=1.0 * freshness(as_date(later["filed"]), as_of),
                           method="derived: the quarter's operating income over its revenue, both as reported")]
