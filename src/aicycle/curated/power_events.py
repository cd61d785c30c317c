"""Grid, permitting and power-supply events (data/facts/power_permitting_events.csv) → `power_events`.

Each row is one dated event: a utility's data-center load pipeline, a PJM capacity price, ERCOT's
large-load queue, a moratorium or a permit, a turbine order book, a transformer shortage, a power deal;
each tightening, easing or neutral for data-center power. Public date = the event's date; a month-only
date takes the month's last day (flagged `date_month_only`). A value stated "as of" an earlier day and
reported later ("as-of date; reported in ERCOT Nov-2025 board filing") is public at the end of the month
it was reported in. Weak rows (blogs, op-eds, advocacy statements) are flagged, not dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from aicycle.curated import sourced
from aicycle.errors import InputError
from aicycle.store import Store, fact_key

FILE = "power_permitting_events.csv"
SOURCE = f"curated:{FILE}"
COLUMNS = ("date", "region", "actor", "kind", "direction", "value", "unit", "value_text", "source_url",
           "source_type", "quote")
KINDS = ("load_pipeline", "capacity_price", "queue", "moratorium", "permit", "turbine_backlog", "transformer",
         "ppa", "other")
DIRECTIONS = ("tightening", "easing", "neutral")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                       "nov", "dec"), start=1)}
_REPORTED_LATER = re.compile(r"as-of date; reported in [^;)]*?\b([A-Za-z]{3})-(\d{4})\b")
_UNTIL = re.compile(r"\b(?:until|through|expires?|lifted on)\s+(\d{4}-\d{2}(?:-\d{2})?)\b", re.I)
_FOR_MONTHS = re.compile(r"\bfor (\d{1,2})(?:-| )months?\b", re.I)


def public_day(day: dt.date, value_text: str) -> tuple[dt.date, str | None]:
    """(public date, flag): the event's own day, unless the text says the value was reported later."""
    m = _REPORTED_LATER.search(value_text)
    if m and m[1].lower() in _MONTHS:
        reported = sourced.month_end(int(m[2]), _MONTHS[m[1].lower()])
        if reported > day:
            return reported, f"public_date_estimated: value as of {day}, reported {m[1]}-{m[2]}"
    return day, None


def moratorium_end(start: dt.date, value_text: str, where: str) -> dt.date | None:
    """A moratorium's stated end ('until 2026-06-30', 'for nine months' in digits), None if none stated."""
    if m := _UNTIL.search(value_text):
        return sourced.day(m[1], where, "moratorium end")[0]
    if m := _FOR_MONTHS.search(value_text):
        last = start.month - 1 + int(m[1]) - 1  # 9 months from March runs through November
        return sourced.month_end(start.year + last // 12, last % 12 + 1)
    return None


def row_to_event(row: dict[str, str], where: str) -> dict[str, Any]:
    """Validate one row and turn it into a `power_events` row (InputError names the row)."""
    sourced.require(row, where, "date", "actor", "kind", "direction", "value_text", "source_url", "source_type",
                    "quote")
    if row["kind"] not in KINDS:
        raise InputError(f"{where}: kind {row['kind']!r} is not one of {', '.join(KINDS)}")
    if row["direction"] not in DIRECTIONS:
        raise InputError(f"{where}: direction {row['direction']!r} is not one of {', '.join(DIRECTIONS)}")
    day, month_only = sourced.day(row["date"], where, "date")
    sourced.source_class(row["source_type"], where)
    value = sourced.number(row["value"], where, required=False)
    if value is not None and not row["unit"]:
        raise InputError(f"{where}: value {row['value']!r} has no unit")
    filed, later = public_day(day, row["value_text"])
    until = moratorium_end(day, row["value_text"], where) if row["kind"] == "moratorium" else None
    how = ("public date: the month's last day (day not stated)" if month_only else
           "public date: the end of the month it was reported in" if later else "public date: the event's date")
    return {
        "event_key": fact_key("power_event", row["date"], row["actor"], row["kind"], row["value"], row["unit"],
                              row["source_url"], row["value_text"]),
        "day": day, "day_precision": "month" if month_only else "day", "region": row["region"] or None,
        "actor": row["actor"], "event_kind": row["kind"], "direction": row["direction"], "value": value,
        "unit": row["unit"] or None, "value_text": row["value_text"], "quote": row["quote"],
        "source_type": row["source_type"], "until": until, "kind": "curated", "method": how, "source": SOURCE,
        "url": row["source_url"], "filed": filed, "fetched_at": None,
        "flag": sourced.flags(sourced.MONTH_ONLY if month_only else None, later,
                              *sourced.weak_reasons(row["source_type"], row["value_text"])),
    }


def read(path: Path) -> list[dict[str, Any]]:
    """Every row validated first: one bad row raises InputError and nothing is returned."""
    out = [row_to_event(row, where) for where, row in sourced.rows(path, COLUMNS)]
    keys = [r["event_key"] for r in out]
    if len(set(keys)) != len(keys):
        raise InputError(f"{path.name}: the same event appears twice")
    return out


def load_raw(store: Store, data_dir: Path) -> dict[str, Any]:
    """Snapshot loader: the power and permitting events of data/facts."""
    rows = read(data_dir / "facts" / FILE)
    store.upsert("power_events", rows)
    kinds: dict[str, int] = {}
    for r in rows:
        kinds[r["event_kind"]] = kinds.get(r["event_kind"], 0) + 1
    return {"rows": len(rows), "flagged": sum(1 for r in rows if r["flag"]),
            "primary": sum(1 for r in rows if r["source_type"].startswith("primary:")),
            "first": min(r["filed"] for r in rows).isoformat() if rows else None,
            "last": max(r["filed"] for r in rows).isoformat() if rows else None,
            "by_kind": dict(sorted(kinds.items()))}
