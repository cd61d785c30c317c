"""Headline parsing: company, metric and direction read by meaning; odd input never raises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicycle.errors import InputError
from aicycle.rumor.parse import parse_claim


@pytest.mark.parametrize(("text", "company", "metric", "direction"), [
    ("Meta is cutting AI capex", "META", "capex", "down"),
    ("Meta raises 2026 capex guidance to $125-145B", "META", "capex_guidance", "up"),
    ("Report: $META pulls back from AI spending", "META", "ai_investment", "down"),
    ("Facebook parent slashes spending on AI", "META", "ai_investment", "down"),
    ("Google keeps raising its spending outlook", "GOOGL", "capex_guidance", "up"),
    ("AWS slows data-center construction", "AMZN", "data_center_construction", "down"),
    ("Hyperscalers cutting capex", "hyperscalers", "capex", "down"),
    ("Neo-clouds add gigawatts of power", "neoclouds", "power", "up"),
    ("Memory makers face an HBM glut", "memory makers", "memory_supply", "down"),
    ("Micron HBM sold out for 2026", "MU", "memory_supply", "up"),
    ("GPU rental prices are collapsing", None, "gpu_rental_prices", "down"),
    ("H100 rental rates soar", None, "gpu_rental_prices", "up"),
    ("CoreWeave's backlog shrank", "CRWV", "backlog", "down"),
    ("Microsoft holds capex outlook steady", "MSFT", "capex_guidance", "flat"),
    ("Meta shares fall as capex guidance raised", "META", "capex_guidance", "up"),
    ("Bloomberg: Meta is building 'Meta Compute', a cloud business selling idle AI capacity",
     "META", "ai_investment", "down"),
])
def test_headlines_parse_by_meaning(text: str, company: str | None, metric: str, direction: str) -> None:
    claim = parse_claim(text)
    assert claim.problem is None, claim.problem
    assert claim.parsed() == {"company": company, "metric": metric, "direction": direction}


def test_group_claims_list_their_members() -> None:
    claim = parse_claim("hyperscalers are pulling back")
    assert {"META", "MSFT", "GOOGL", "AMZN", "ORCL"} <= set(claim.tickers)


def test_negation_scope_and_hedges_are_marked() -> None:
    assert parse_claim("Meta is not cutting capex").negated
    assert parse_claim("Meta denies report it is cutting AI spending").negated
    scoped = parse_claim("Meta said to weigh pausing some early-stage data center projects")
    assert scoped.scoped and scoped.hedged and scoped.direction == "down"
    assert parse_claim("GPU prices collapse").strong
    assert not parse_claim("GPU prices ease lower").strong


@pytest.mark.parametrize(("text", "reason"), [
    ("", "empty"),
    ("\x00\x01\x02", "empty"),
    ("<b></b>", "empty"),
    ("x" * 50_000, "characters long"),
    ("DeepSeek R1: a frontier-class model said to be trained cheaply", "no metric"),
    ("Meta", "no metric"),
    ("capex is going up", "no company"),
    ("Meta capex", "no direction"),
])
def test_unreadable_claims_say_why(text: str, reason: str) -> None:
    claim = parse_claim(text)
    assert claim.problem and reason in claim.problem


def test_non_text_is_a_usage_error() -> None:
    with pytest.raises(InputError):
        parse_claim(None)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_without_raising(text: str) -> None:
    claim = parse_claim(text)
    assert claim.direction in (None, "up", "down", "flat")
