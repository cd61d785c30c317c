""""Alphabet warns capex will fall next year as the build-out peaks" was read as a claim about data-center
projects: the reason clause ("as the build-out peaks") named the metric. What moved is capex; its 2027 outlook
("we expect our 2027 CapEx to significantly increase compared to 2026") contradicts it."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.store import Store


def test_the_metric_is_what_moved() -> None:
    assert parse_claim("Alphabet warns capex will fall next year as the build-out peaks").metric == "capex"
    assert parse_claim("Meta expands data centers as AI demand cools").metric is not None  # a reason is no metric


def test_alphabet_capex_falling_next_year(store: Store) -> None:
    result = check(store, "Alphabet warns capex will fall next year as the build-out peaks", "2026-05-01")
    assert result["reading"]["object"] == "capex"
    assert result["verdict"] == "contradicted"
    assert any("2027 CapEx to significantly increase" in e["text"] for e in result["evidence"])


def test_a_hot_build_out_is_a_reason(store: Store) -> None:
    claim = "Microsoft capex hits $34.9bn in September quarter as AI build-out runs hot"
    result = check(store, claim, "2025-11-01")
    assert result["reading"]["object"] == "capex"
    assert result["verdict"] == "supported"
