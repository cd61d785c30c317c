"""Micron's quarter to 2026-05-28: a news page's row (nominal dates 03-01..05-31, $41.450B) was read
as a later period than the 10-Q's (02-27..05-28, $41.456B) and won. Rows of one fiscal quarter now
meet, and the SEC figure ranks first."""

from __future__ import annotations

import datetime as dt

from aicycle.checkpoints import common
from aicycle.store import open_store


def test_micron_10q_revenue_beats_the_news_page() -> None:
    store = open_store(memory=True)
    rows = common.series(store, "MU", "revenue", dt.date(2026, 10, 5))
    last = rows[-1]
    assert (last["value"], last["tier"], last["period_end"]) == (41_456_000_000, "sec", dt.date(2026, 5, 28))
    assert sum(r["fiscal_period"] == "FY2026Q3" for r in rows) == 1
