"""Regression: a curated row dated on its announcement day (Oracle's RPO for Q2 FY2026, announced
2025-12-10) was taken as the period end, because the period snapping allowed ±10 days. The quarter
ends 2025-11-30; the announcement is the public date."""

from __future__ import annotations

import datetime as dt

from aicycle.curated import periods as curated_periods


def test_announcement_day_is_not_the_period_end() -> None:
    period = curated_periods.parse("Q2 FY2026", dt.date(2025, 12, 10), "05-31")
    assert period is not None and period.end == dt.date(2025, 11, 30)


def test_52_53_week_end_still_snaps() -> None:
    period = curated_periods.parse("Q1 FY2027", dt.date(2026, 4, 26), "01-31")
    assert period is not None and period.end == dt.date(2026, 4, 26)
