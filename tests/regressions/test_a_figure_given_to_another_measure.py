""""Google Cloud quarterly revenue tops $25bn", as of July 2026, was supported by "the vast majority of the 514
billion of cloud backlog is the GCP agreements": a sentence's only figure counted for the claim's measure even
when the words after it give it to another one. Google Cloud's revenue was $24.8 billion."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.observe import named_figures
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_a_backlog_figure_is_no_revenue_figure() -> None:
    reading = read(parse_claim("Google Cloud quarterly revenue tops $25bn"), dt.date(2026, 7, 26))
    assert named_figures(reading, "Now the vast majority of the 514 billion of cloud backlog is the GCP agreements") \
        == []
    arr = read(parse_claim("AWS annualized revenue run rate reaches $150bn"), dt.date(2026, 4, 30))
    assert named_figures(arr, "AWS is now a $150 billion annualized revenue run rate business.") \
        == [(1.5e11, 1.5e11, "USD")]


def test_google_clouds_quarter_under_the_line(store: Store) -> None:
    result = check(store, "Google Cloud quarterly revenue tops $25bn", "2026-07-26")
    assert result["verdict"] == "contradicted"
    assert "$24.8 billion" in result["evidence"][0]["text"]
