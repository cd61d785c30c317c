"""Claims about what a figure counts were unreadable or misread: "NVIDIA builds China data center sales into its
outlook" had no direction, and "AWS Q1 backlog of $364bn includes the $100bn Anthropic deal" was read as a backlog
level. The companies say it in so many words ("we are not assuming any data center compute revenue from China in
our outlook", "That does not include the recent deal that we announced with Anthropic"); the latest call decides."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.inclusion import read_inclusion
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "thing", "counted"), [
    ("NVIDIA builds China data center sales into its outlook", "China", True),
    ("NVIDIA puts China data center sales back into its outlook", "China", True),
    ("NVIDIA keeps China out of its outlook", "China", False),
    ("NVIDIA does not build China into its guidance", "China", False),
    ("AWS Q1 backlog of $364bn includes the $100bn Anthropic deal", "Anthropic", True),
])
def test_read(claim: str, thing: str, counted: bool) -> None:
    inclusion = read_inclusion(claim)
    assert inclusion is not None and (inclusion.thing, inclusion.counted) == (thing, counted)


@pytest.mark.parametrize("claim", ["Meta adds $10bn to its capex guidance", "Microsoft's capex guidance includes "
                                   "finance leases", "Microsoft's capex, including finance leases, falls"])
def test_not_an_inclusion_claim(claim: str) -> None:
    assert read_inclusion(claim) is None


def test_china_left_out_of_nvidias_outlook(store: Store) -> None:
    claim = "NVIDIA builds China data center sales into its outlook"
    assert check(store, claim, "2025-05-01")["verdict"] == "unclear"
    result = check(store, claim, "2026-02-27")
    assert result["verdict"] == "contradicted"
    assert "not assuming any data center compute revenue from China" in result["evidence"][0]["text"]
    later = check(store, "NVIDIA keeps China out of its outlook", "2026-08-28")
    assert later["verdict"] == "supported" and "forward outlook" in later["evidence"][0]["text"]


def test_anthropic_deal_not_in_aws_backlog(store: Store) -> None:
    result = check(store, "AWS Q1 backlog of $364bn includes the $100bn Anthropic deal", "2026-05-03")
    assert result["verdict"] == "contradicted"
    assert "does not include the recent deal" in result["evidence"][0]["text"]
