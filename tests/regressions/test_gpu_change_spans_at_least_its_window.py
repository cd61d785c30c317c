"""A "90-day change" took the point nearest to 90 days back within +-30 days, so it could span 61
days (or 120) and still be called 90-day. The base is now 90 days back or the nearest earlier point
within the tolerance, and the span is said."""

from __future__ import annotations

import datetime as dt

from aicycle import rules
from aicycle.gpu import index as gi
from aicycle.store import open_store


def test_every_trend_spans_its_window_or_a_little_more() -> None:
    store = open_store(memory=True)
    for day in (dt.date(2025, 6, 30), dt.date(2026, 3, 31), dt.date(2026, 10, 5)):
        for line in gi.lines(store, day):
            for t in gi.line_trends(line, day):
                if t.base is not None:
                    assert rules.GPU_RENTAL_WINDOW_DAYS <= t.span_days <= (
                        rules.GPU_RENTAL_WINDOW_DAYS + rules.GPU_RENTAL_BASE_TOLERANCE_DAYS), (line.name, day)
