"""What may enter the store: one check for every row, whatever loader or refresh produced it.

`Store.upsert` runs `check_rows` on every batch before writing, so a new loader is covered without
doing anything. A loader that knows where a row came from (file and line) calls `check_row` while it
parses, so the error names the file and line rather than the table:

    check_row("facts", row, where=f"{path}: row {line}")      # raises InvalidRows on the first problem
    check_rows("facts", rows, where=[...one location per row...])  # the whole batch, or nothing

A failing batch raises `InvalidRows` (an `InputError`: exit status 2) whose one-line message names the
place, the field, the value and the problem, and counts the other failing rows; nothing is written.

The rules, in one place (docs/data.md lists them):
- dates and timestamps lie in [EARLIEST, today + 1 day]; a forecast period (a `facts` period of a
  forecast metric, or a column in FORECAST_COLUMNS) may reach FORECAST_YEARS ahead instead;
- numbers are finite, and within the plausible bounds of their column (COLUMN_BOUNDS) or, for a
  `metric`/`value`/`unit` row, of the metric's sign (NON_NEGATIVE; a row whose `flag` says why it
  needs review may break the sign) and the unit's magnitude (UNITS);
- a `unit` column holds a known unit (UNITS); a NOT NULL column is not empty.
To admit a new unit, metric or forecast column, add it to the tables below.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aicycle.errors import InputError

EARLIEST = dt.date(1990, 1, 1)
FORECAST_YEARS = 30  # a guidance year, a power target or a market-size forecast lies within this


@dataclass(frozen=True)
class Bounds:
    low: float
    high: float
    meaning: str  # said in the error: "USD per GPU-hour", "MW", ...

    def holds(self, value: float) -> bool:
        return self.low <= value <= self.high


# unit -> the largest plausible magnitude of one value in that unit (the value is in base units).
UNITS: dict[str, Bounds] = {
    "USD": Bounds(-5e12, 5e12, "USD (at most 5 trillion)"),
    "KRW": Bounds(-7e15, 7e15, "KRW (at most 7,000 trillion)"),
    "MW": Bounds(0, 1e6, "MW (0 to 1,000,000)"),
    "text": Bounds(0, 0, "text (no number)"),
    "share": Bounds(0, 1, "a share (0 to 1)"),
}
# Grid and permitting events keep the unit their source states; the known ones, with their magnitudes.
POWER_UNITS: dict[str, Bounds] = {
    "GW": Bounds(0, 1e4, "GW (0 to 10,000)"), "MW": Bounds(0, 1e7, "MW (0 to 10,000,000)"),
    "pct": Bounds(-100, 1000, "percent (-100 to 1,000)"), "years": Bounds(0, 100, "years (0 to 100)"),
    "USD/MW-day": Bounds(0, 1e5, "USD per MW-day (0 to 100,000)"), "USD bn": Bounds(0, 1e5, "USD bn"),
    "EUR bn": Bounds(0, 1e5, "EUR bn"), "gas turbines": Bounds(0, 1e5, "gas turbines"),
    "gas plants": Bounds(0, 1e5, "gas plants"), "booked-through year": Bounds(1990, 2100, "a year"),
}
TABLE_UNITS: dict[str, dict[str, Bounds]] = {"power_events": POWER_UNITS}
# Metrics that cannot be negative: spending, balances, sizes.
NON_NEGATIVE = re.compile(r"^(capex|rpo|backlog|arr|revenue|finance_lease|hbm_tam|active_power|contracted_power)")
# Metrics whose period may lie in the future: guidance, targets, market-size forecasts, statements about them.
FORECAST_METRICS = re.compile(r"(guidance|outlook|plan|target|forecast|tam|statement)")
# table -> date columns that may hold a forecast whatever the row.
FORECAST_COLUMNS: dict[str, frozenset[str]] = {}
GPU_HOUR = Bounds(0.001, 100.0, "USD per GPU-hour (0.001 to 100)")
COLUMN_BOUNDS: dict[tuple[str, str], Bounds] = {
    ("gpu_prices", "price_usd_per_gpu_hour"): GPU_HOUR,
    ("gpu_index", "median"): GPU_HOUR, ("gpu_index", "q1"): GPU_HOUR, ("gpu_index", "q3"): GPU_HOUR,
    **{("stock_prices", c): Bounds(1e-4, 1e8, "a share price (0.0001 to 100,000,000)")
       for c in ("open", "high", "low", "close", "adj_close")},
    ("stock_prices", "volume"): Bounds(0, 1e13, "shares traded (0 to 10 trillion)"),
}


class InvalidRows(InputError):
    """Rows the store refuses; `problems` holds one line per failing row."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" ({len(problems) - 1} more row(s) fail too)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}; nothing was stored")


def latest_day() -> dt.date:
    """The last day a public date may be: tomorrow (a source in a later time zone)."""
    return dt.date.today() + dt.timedelta(days=1)


def check_day(day: dt.date, name: str) -> dt.date:
    """An as-of or other date the user typed: within [EARLIEST, today + 1 day], or InputError."""
    if not EARLIEST <= day <= latest_day():
        raise InputError(f"{name}: {day.isoformat()} is outside {EARLIEST.isoformat()} .. "
                         f"{latest_day().isoformat()} (today + 1 day)")
    return day


def day_problem(day: dt.date) -> str | None:
    """Why a public date is out of range, or None (the rule for every non-forecast date)."""
    return _date_problem("", {}, "", day)


def check_row(table: str, row: Mapping[str, Any], where: str,
              not_null: Sequence[str] = ()) -> None:
    """Raise InvalidRows naming `where` when one field of `row` breaks a rule."""
    problem = row_problem(table, row, not_null)
    if problem:
        raise InvalidRows([f"{where}: {problem}"])


def check_rows(table: str, rows: Sequence[Mapping[str, Any]], where: str | Sequence[str] | None = None,
               not_null: Sequence[str] = ()) -> None:
    """Check a whole batch; raise InvalidRows listing every failing row (the batch is refused)."""
    problems = []
    for i, row in enumerate(rows):
        problem = row_problem(table, row, not_null)
        if problem:
            problems.append(f"{_where(table, row, i, where)}: {problem}")
    if problems:
        raise InvalidRows(problems)


def row_problem(table: str, row: Mapping[str, Any], not_null: Sequence[str] = ()) -> str | None:
    """The first rule `row` breaks, as "field value problem", or None."""
    for name in not_null:
        if name in row and (row[name] is None or row[name] == ""):
            return f"{name} is empty"
    for name, value in row.items():
        problem = _field_problem(table, row, name, value)
        if problem:
            return f"{name} {_shown(value)} {problem}"
    return None


def _field_problem(table: str, row: Mapping[str, Any], name: str, value: Any) -> str | None:
    if isinstance(value, dt.date):  # datetime is a date too
        return _date_problem(table, row, name, value if not isinstance(value, dt.datetime) else value.date())
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        known = TABLE_UNITS.get(table, UNITS)
        if name == "unit" and value is not None and value not in known:
            return f"is not a known unit (known: {', '.join(known)})"
        return None
    if not math.isfinite(value):
        return "is not a finite number"
    bounds = _bounds(table, row, name)
    if bounds is not None and not bounds.holds(value):
        return f"is outside the plausible range of {bounds.meaning}"
    # A flagged row is kept for review (a derived quarter gone negative after a restatement): the
    # flag already says what is odd, so only the sign rule yields to it.
    if name == "value" and NON_NEGATIVE.match(str(row.get("metric") or "")) and value < 0 and not row.get("flag"):
        return f"is negative, and {row.get('metric')} cannot be"
    return None


def _date_problem(table: str, row: Mapping[str, Any], name: str, day: dt.date) -> str | None:
    if day < EARLIEST:
        return f"is before {EARLIEST.isoformat()}"
    if _forecast(table, row, name):
        last = latest_day().replace(year=latest_day().year + FORECAST_YEARS, day=1)
        return f"is more than {FORECAST_YEARS} years ahead" if day > last else None
    if day > latest_day():
        return (f"is in the future (after {latest_day().isoformat()}); only a forecast period may be, "
                "use the date the number became public")
    return None


def _forecast(table: str, row: Mapping[str, Any], name: str) -> bool:
    if name in FORECAST_COLUMNS.get(table, frozenset()):
        return True
    return name in ("period_start", "period_end") and bool(FORECAST_METRICS.search(str(row.get("metric") or "")))


def _bounds(table: str, row: Mapping[str, Any], name: str) -> Bounds | None:
    if (table, name) in COLUMN_BOUNDS:
        return COLUMN_BOUNDS[(table, name)]
    if name == "value" and "unit" in row:
        return TABLE_UNITS.get(table, UNITS).get(str(row["unit"]))
    return None


def _shown(value: Any) -> str:
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


IDENTITY = ("ticker", "metric", "sku", "provider", "family", "term", "kind", "date", "observed_on", "period_end",
            "day", "news_date", "title")


def _where(table: str, row: Mapping[str, Any], i: int, where: str | Sequence[str] | None) -> str:
    if isinstance(where, str):
        return f"{where}: row {i + 1}"
    if where is not None:
        return where[i]
    said = ", ".join(f"{c} {_shown(row[c])}" for c in IDENTITY if row.get(c) not in (None, ""))
    return f"{table} row {i + 1}" + (f" ({said})" if said else "")
