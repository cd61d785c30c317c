"""Regression: a guidance row whose note says "high = 145B" and a separate high row for the same
announcement produced two identical capex_guidance_high vintages."""

from __future__ import annotations

from pathlib import Path

from aicycle.curated import facts as curated


def test_one_high_per_announcement(data_dir: Path) -> None:
    rows = curated.read_facts(data_dir / "facts" / curated.FACTS_FILE)
    highs = [(r["ticker"], r["period_end"], r["filed"]) for r in rows if r["metric"] == "capex_guidance_high"]
    assert len(highs) == len(set(highs))
