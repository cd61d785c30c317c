""""Meta signs firm $27bn Nebius contract", "OpenAI-Cerebras deal for 750MW valued under $5bn" and "TeraWulf Abernathy
JV lease worth $9.5bn over 10 years" came out `unclear`: the claims name a deal's value, megawatts or term but no
metric the usual reading knows, and claims naming only private companies were never tried against the ledger.
Each stated term is now set against the deal the ledger records between the parties the claim names."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.deal_terms import read_deal_terms
from aicycle.rumor.records import claimed_term
from aicycle.store import Store


def test_terms_read_from_the_claim() -> None:
    terms = read_deal_terms("OpenAI-Cerebras deal for 750MW valued under $5bn")
    assert terms is not None and terms.usd == (5e9, "below") and terms.megawatts == (750.0, "at")
    firm = read_deal_terms("Meta signs firm $27bn Nebius contract")
    assert firm is not None and firm.firm and firm.usd == (27e9, "at")
    monthly = read_deal_terms("Anthropic pays SpaceX $1.25bn a month for Colossus 1")
    assert monthly is not None and monthly.rate == "month" and monthly.usd == (1.25e9, "at")  # not 25bn from ".25bn"
    assert claimed_term("$9.5bn over 10 years") == 10
    assert read_deal_terms("Meta signs a deal with Nebius") is None


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    # The firm value is $12bn; $27bn counts capacity Meta may buy.
    ("Meta signs firm $27bn Nebius contract", "2026-03-17", "contradicted"),
    ("Meta signs $12bn Nebius contract", "2026-03-17", "supported"),
    # Two private companies: no ticker, still a deal in the ledger ("valued at over $10 billion").
    ("OpenAI-Cerebras deal for 750MW valued under $5bn", "2026-02-01", "contradicted"),
    ("OpenAI-Cerebras deal for 750MW valued at over $10bn", "2026-02-01", "supported"),
    # One party and the deal's site name it; the value is right, the term is 25 years.
    ("TeraWulf Abernathy JV lease worth $9.5bn over 10 years", "2025-10-29", "contradicted"),
    ("TeraWulf/Fluidstack Abernathy JV signs 25-year, ~$9.5B lease", "2025-10-30", "supported"),
    ("Cipher-Fluidstack Barber Lake deal ~$3bn over 10 years", "2025-09-26", "supported"),
    ("Anthropic to spend $100bn for up to 5GW of AWS compute", "2026-04-22", "supported"),
    ("OpenAI-Broadcom: up to 10GW of custom accelerators", "2025-10-14", "supported"),
    # A monthly payment is set against the deal's monthly figure, not its total.
    ("Google agrees to pay SpaceX $920 million a month for xAI data center capacity", "2026-06-08", "supported"),
])
def test_terms_against_the_ledger(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


@pytest.mark.parametrize(("claim", "as_of"), [
    # The price is only in the curator's note, citing another outlet: not the source's words.
    ("Anthropic pays SpaceX $1.25bn a month for Colossus 1", "2026-05-07"),
    # No disclosed value: an analyst's estimate or none at all does not decide the claim's figure.
    ("Nvidia confirms $50bn Meta GPU order", "2026-02-18"),
    ("Meta-AMD 6 GW deal valued at $100B", "2026-03-01"),
    # Before the deal: the parties' older $2.9bn deal is another deal, not a refutation.
    ("Meta commits $12bn to Nebius dedicated AI capacity", "2026-03-01"),
])
def test_undecided_deal_terms_stay_open(store: Store, claim: str, as_of: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == "unclear"
    assert "[note" not in str(result)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    # $7bn counts two optional five-year extensions; the ten-year deal is worth $3bn.
    ("Cipher's Fluidstack Barber Lake deal: $7bn over 10 years", "2025-11-05", "contradicted"),
    ("Cipher's Fluidstack Barber Lake deal could reach $7bn with options", "2025-11-05", "supported"),
    # "$920 million per month": not a year's payment.
    ("Google to pay SpaceX ~$920m a year for xAI capacity", "2026-06-10", "contradicted"),
    # The ledger: "through December 2032".
    ("Meta's April 2026 $21bn CoreWeave expansion runs through 2034", "2026-04-15", "contradicted"),
    ("TeraWulf-Fluidstack Lake Mariner: ~$3.7bn over 10 yrs, Google backstop", "2025-08-20", "supported"),
])
def test_options_rates_and_end_dates(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


def test_a_report_does_not_confirm(store: Store) -> None:
    # The $200bn figure is a news report (The Information); the claim says Alphabet confirmed it.
    claim = "Anthropic's ~$200B Google Cloud commitment confirmed by Alphabet"
    assert check(store, claim, "2026-05-10")["verdict"] == "unclear"
