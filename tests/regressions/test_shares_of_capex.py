"""Claims about how a whole is split ("about two-thirds of Microsoft's quarterly capex went to GPUs and CPUs",
"most of Amazon's 2026 capex goes to its retail logistics network") came out `unclear` until round 6: no
direction was read. They are now read as a share of a whole going to one part and set against the shares the
company states in its calls, the latest first."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.rumor.shares import read_share, stated_shares


def test_a_share_claim_is_read_as_share_whole_and_part() -> None:
    share = read_share("Most of Alphabet's capex now goes into data-center buildings rather than servers")
    assert share is not None and (share.value, share.op, share.whole, share.part) == \
        (0.5, "above", "capex", "long-lived assets")
    reading = read(parse_claim("About 45% of Microsoft's commercial backlog is tied to OpenAI"), dt.date(2026, 1, 28))
    assert (reading.direction, reading.object, reading.share and reading.share.part) == ("share", "backlog", "OpenAI")


def test_a_period_half_is_not_a_share() -> None:
    assert read_share("Meta's capex in the first half of 2026 rises") is None


def test_a_call_sentence_states_each_part() -> None:
    sentence = ("The vast majority of our CapEx was invested in technical infrastructure with approximately 60% of "
                "that investment in servers and 40% in data centers and networking equipment.")
    assert stated_shares(sentence) == [(0.5, "above", "technical infrastructure"), (0.6, "at", "short-lived assets"),
                                       (0.4, "at", "long-lived assets")]


@pytest.mark.parametrize(("claim", "day", "verdict"), [
    # Microsoft, 2026-01-27: "roughly two-thirds of our CapEx, was on short-lived assets, primarily GPUs and CPUs"
    # (the call before said "roughly half": the latest split decides)
    ("About two-thirds of Microsoft's quarterly capex went to GPUs and CPUs", "2026-02-01", "supported"),
    ("Most of Microsoft's capex now goes to long-lived data-center sites rather than chips", "2026-01-29",
     "contradicted"),
    # Alphabet: "approximately 60% of ... in servers, and 40% ... in data centers and networking equipment"
    ("Most of Alphabet's capex now goes into data-center buildings rather than servers", "2026-05-01",
     "contradicted"),
    # Amazon, 2026-07-30: "$200 billion in cash CapEx in 2026, the majority of which to support AI and AWS"
    ("Most of Amazon's 2026 capex goes to its retail logistics network", "2026-08-01", "contradicted"),
    # Alphabet, 2026-02-03: "for 2026, just over half of our ML compute is expected to go towards the cloud business"
    ("Google will devote more than half of its 2026 ML compute to Cloud", "2026-02-05", "supported"),
    # Microsoft, 2026-01-27: "Approximately 45% of our commercial RPO balance is from OpenAI."
    ("About 45% of Microsoft's commercial backlog is tied to OpenAI", "2026-01-28", "supported"),
    ("About 45% of Microsoft's commercial backlog is tied to OpenAI", "2026-01-20", "unclear"),
])
def test_verdicts(store, claim: str, day: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(store, claim, day)["verdict"] == verdict
