"""Period labels of the curated CSVs ("Q1 FY2027 (2026-01-26..2026-04-26)", "FY2026 Q4", "2025Q1",
"CY2028", "instant", ...) → dates, using the company's fiscal calendar."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.sec import periods

_EXPLICIT = re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})")
_FISCAL_Q = re.compile(r"\bF?Q([1-4]) FY(\d{4})\b|\bFY(\d{4}) Q([1-4])\b")
_CAL_Q = re.compile(r"\bQ([1-4]) (\d{4})\b|\b(\d{4})Q([1-4])\b")
_HALF = re.compile(r"\bH([12]) (\d{4})\b")
_FY = re.compile(r"\bFY(\d{4})\b")
_CY = re.compile(r"^(?:CY)?(\d{4})\b")


@dataclass(frozen=True)
class Period:
    start: dt.date | None  # None for an instant
    end: dt.date
    label: str  # FY2026Q1, FY2026, CY2026, FY2026H1, or "" for a plain instant


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def fiscal_quarter(fy: int, q: int, fye: str) -> tuple[dt.date, dt.date]:
    month = int(fye.split("-")[0])
    end_y, end_m = _shift_months(fy, month, -3 * (4 - q))
    start_y, start_m = _shift_months(end_y, end_m, -2)
    return dt.date(start_y, start_m, 1), _month_end(end_y, end_m)


def fiscal_year(fy: int, fye: str) -> tuple[dt.date, dt.date]:
    return fiscal_quarter(fy, 1, fye)[0], fiscal_quarter(fy, 4, fye)[1]


def _snap(end: dt.date, day: dt.date) -> dt.date:
    """Use the row's own date as the period end when it is that end on a 52/53-week calendar
    (NVIDIA's Q1 FY2027 ends 2026-04-26, not on the nominal 04-30)."""
    return day if -7 <= (day - end).days <= 4 else end


def parse(label: str, day: dt.date, fye: str) -> Period | None:
    """Dates of a period label; `day` is the row's date (used for instants and to snap ends)."""
    text = label.strip()
    instant = "instant" in text.lower()
    found = _dates(text, day, fye)
    if found is None:
        return Period(None, day, "") if instant else None
    if instant:
        return Period(None, found.end, found.label if "Q" in found.label else "")
    return found


def _dates(text: str, day: dt.date, fye: str) -> Period | None:
    if m := _EXPLICIT.search(text):
        start, end = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
        return Period(start, end, periods.fiscal_period(start, end, fye))
    if m := _FISCAL_Q.search(text):
        q, fy = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        start, end = fiscal_quarter(fy, q, fye)
        return Period(start, _snap(end, day), f"FY{fy}Q{q}")
    if m := _CAL_Q.search(text):
        q, year = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        start, end = dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        return Period(start, end, periods.fiscal_period(start, end, fye))
    if m := _HALF.search(text):
        half, year = int(m[1]), int(m[2])
        start, end = dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half)
        return Period(start, end, f"FY{year}H{half}")
    if m := _FY.search(text):
        start, end = fiscal_year(int(m[1]), fye)
        return Period(start, _snap(end, day), f"FY{m[1]}")
    if m := _CY.search(text):
        year = int(m[1])
        label = f"FY{year}" if fye == "12-31" else f"CY{year}"
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), label)
    return None
