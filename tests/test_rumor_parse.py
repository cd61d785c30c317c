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


@pytest.mark.parametrize(("text", "metric", "direction"), [
    ("Meta capex growth to slow in 2027", "capex", "down"),
    ("Meta sees capex growth accelerating", "capex", "up"),
    ("GPU shortage eases", "gpu_rental_prices", "down"),
    ("Meta's AI capex boom is over", "capex", "down"),
    ("Big Tech doubles down on AI spending", "ai_investment", "up"),
    ("Microsoft walks back AI data center plans", "data_center_construction", "down"),
    ("Samsung faces HBM glut", "memory_supply", "down"),
    ("Google parent Alphabet hikes spending forecast", "capex_guidance", "up"),
    ("Rental rates for B200 crash", "gpu_rental_prices", "down"),
    ("Demand for accelerators is slowing", "gpu_rental_prices", "down"),
    ("Liquid cooling demand surges at Meta data centers", "data_center_construction", "up"),
    ("Meta puts data center projects on hold", "data_center_construction", "down"),
    ("Meta said to be mulling a slowdown in data-center build-out", "data_center_construction", "down"),
])
def test_phrasings_outside_the_claim_set(text: str, metric: str, direction: str) -> None:
    claim = parse_claim(text)
    assert (claim.metric, claim.direction) == (metric, direction), claim.cues


def test_no_company_reads_as_the_spenders() -> None:
    claim = parse_claim("AI spending slowdown")
    assert claim.problem is None and claim.company == "hyperscalers" and "META" in claim.tickers
    assert parse_claim("GPU rental prices fall").tickers == []


def test_the_new_figure_is_read_not_the_old_one() -> None:
    claim = parse_claim("Meta raises the low end of 2026 capex guidance to $130-145B (from $125-145B)")
    assert claim.amount == (130e9, 145e9) and claim.year == 2026
    assert parse_claim("Microsoft capex outlook cut to US$175 billion").amount == (175e9, 175e9)
    assert parse_claim("Meta cuts capex").amount is None


def test_a_list_of_companies_is_one_subject() -> None:
    claim = parse_claim("Nebius, CoreWeave and Oracle pull back on GPU purchases")
    assert claim.tickers == ["NBIS", "CRWV", "ORCL"] and claim.company == "NBIS,CRWV,ORCL"
    assert claim.metric == "ai_investment" and claim.direction == "down"
    context = parse_claim("Meta cuts capex, a blow to Nvidia")
    assert context.tickers == ["META"] and "also named: NVDA" in context.cues


def test_carrying_on_reads_as_up() -> None:
    assert parse_claim("Microsoft keeps spending on AI").direction == "up"
    assert parse_claim("Big tech AI capex bubble bursting").direction == "down"


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
    ("Meta stock falls on capex worries", "no direction"),
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
