"""Period arithmetic helpers: durations, fiscal labels, calendar alignment.

Companies close their fiscal years in different months (Microsoft June, Oracle May, NVIDIA late
January, Micron late August or early September) and on 52/53-week calendars, so nothing here
assumes a period ends on a month end.
"""

from __future__ import annotations

import datetime as dt

# Day counts (end - start) that we accept as one quarter / one year. 13- and 14-week quarters are
# 90-97 days; 52/53-week years 363-371. Outside the clean window but inside the loose one, a period
# is kept with a flag; anything else is not a quarter (a half-year, nine months, a TTM...).
QUARTER_DAYS = (80, 100)
QUARTER_DAYS_LOOSE = (60, 120)
YEAR_DAYS = (350, 380)
YEAR_DAYS_LOOSE = (330, 400)

FYE_TOLERANCE_DAYS = 10  # 52/53-week fiscal years end up to a week after the nominal date


def days(start: dt.date, end: dt.date) -> int:
    return (end - start).days


def classify(start: dt.date, end: dt.date) -> tuple[str | None, str | None]:
    """('quarter' | 'year' | None, flag) for a duration; flag says why it is doubtful."""
    n = days(start, end)
    for name, clean, loose in (("quarter", QUARTER_DAYS, QUARTER_DAYS_LOOSE),
                               ("year", YEAR_DAYS, YEAR_DAYS_LOOSE)):
        if clean[0] <= n <= clean[1]:
            return name, None
        if loose[0] <= n <= loose[1]:
            return name, f"duration_misfit:{n}d"
    return None, None


def quarter_of(day: dt.date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def calendar_quarter(start: dt.date | None, end: dt.date) -> str | None:
    """The calendar quarter holding most of the period (instants: of the quarter ending at `end`).

    For a period of up to ~100 days the quarter containing its midpoint holds most of its days.
    """
    if start is None:
        return quarter_of(end - dt.timedelta(days=45))
    if days(start, end) > QUARTER_DAYS_LOOSE[1]:
        return None
    return quarter_of(start + (end - start) / 2)


def _anchor(year: int, month: int, day: int) -> dt.date:
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:  # 02-29 in a non-leap year
            day -= 1


def fiscal_year(end: dt.date, fiscal_year_end: str) -> int:
    """Fiscal year (named by the calendar year it ends in) that a period ending on `end` belongs to."""
    month, day = (int(p) for p in fiscal_year_end.split("-"))
    for year in (end.year - 1, end.year, end.year + 1):
        if end <= _anchor(year, month, day) + dt.timedelta(days=FYE_TOLERANCE_DAYS):
            return year
    return end.year + 1  # pragma: no cover - unreachable for valid dates


def fiscal_period(start: dt.date | None, end: dt.date, fiscal_year_end: str) -> str:
    """FY2027Q1 for a quarter (or an instant at its end), FY2026 for a fiscal year."""
    fy = fiscal_year(end, fiscal_year_end)
    if start is not None and classify(start, end)[0] == "year":
        return f"FY{fy}"
    month, day = (int(p) for p in fiscal_year_end.split("-"))
    to_year_end = (_anchor(fy, month, day) - end).days
    quarter = min(4, max(1, 4 - round(to_year_end / 91.31)))
    return f"FY{fy}Q{quarter}"
