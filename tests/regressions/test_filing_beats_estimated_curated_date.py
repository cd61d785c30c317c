"""Regression: a curated transcription of Alphabet's RPO, whose public date was only estimated
(period end + 45 days, so later than the 10-Q), won over the 10-Q's own reported fact because the
latest filed row won regardless of kind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from aicycle import facts
from tests.data_layer import raw_store


def test_reported_rpo_wins_over_a_curated_copy(data_dir: Path) -> None:
    rows = facts.series(raw_store(data_dir), "GOOGL", "rpo")
    for end in (dt.date(2025, 9, 30), dt.date(2025, 12, 31), dt.date(2026, 3, 31)):
        row = next(r for r in rows if r["period_end"] == end)
        assert row["kind"] == "reported" and row["flag"] is None
