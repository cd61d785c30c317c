"""Alphabet's Q2 2026 10-Q sentence "As of June 30, 2026, we had $519.5 billion of remaining performance
obligations" is dated 2026-06-30 in the quotes file: the quarter's end, not the day the 10-Q became public.
It was stored as public that day, so "Google Cloud backlog tops half a trillion dollars" was supported on
2026-07-10, before the quarter's results were out. (March's $467.6 billion is what was public then.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from aicycle.curated import facts as curated_facts
from aicycle.rumor import check
from aicycle.store import Store


def test_a_periodic_report_quote_is_not_public_on_its_period_end(data_dir: Path) -> None:
    rows = curated_facts.read_quotes(data_dir / "facts" / "capex_guidance_quotes.csv",
                                     curated_facts.accession_dates(data_dir))
    for row in rows:
        if row["form"].startswith(("10-Q", "10-K")) and row["period_end"].strftime("%Y%m%d") in (row["url"] or ""):
            assert row["filed"] > row["period_end"] + dt.timedelta(days=14), row["text"][:60]
    call = next(r for r in rows if r["ticker"] == "MSFT" and r["form"] == "Q3 FY2024 earnings call")
    assert call["filed"] > dt.date(2024, 3, 31) and call["flag"] == "public_date_estimated"


def test_backlog_quote_waits_for_the_report(store: Store) -> None:
    early = check(store, "Google Cloud backlog tops half a trillion dollars", "2026-07-10")
    assert early["verdict"] != "supported"
    assert not any("519.5" in e["text"] for e in early["evidence"])
    assert check(store, "Google Cloud backlog tops half a trillion dollars", "2026-09-01")["verdict"] == "supported"
