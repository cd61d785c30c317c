"""Three readings from one set of chat-room claims: "Google lifts 2026 capex to $195-205bn" (2026-07-10) was read as
capex spent and supported by April's raise to $180-190bn, though a range is a guide and that range came on
2026-07-22; "Amazon signals 2026 capex will come DOWN from 2025's ~$125bn" took 2025's figure as the claim's level;
"will flatten out" had no direction."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.amounts import level
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_a_range_is_a_guide() -> None:
    assert read(parse_claim("Google lifts 2026 capex to $195-205bn"), dt.date(2026, 7, 10)).object == "guidance"
    # money spent, in a range, stays capex
    assert read(parse_claim("Alphabet capex came in at $91-93bn in 2025"), dt.date(2026, 2, 10)).object == "capex"


def test_the_figure_it_comes_down_from_is_not_the_level() -> None:
    assert level("2026 capex will come DOWN from 2025's ~$125bn") is None


def test_flatten_out_is_flat() -> None:
    assert parse_claim("Alphabet says 2027 capex will flatten out").direction == "flat"


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Google lifts 2026 capex to $195-205bn", "2026-07-10", "unclear"),
    ("Google lifts 2026 capex to $195-205bn", "2026-07-25", "supported"),
    ("Amazon signals 2026 capex will come DOWN from 2025's ~$125bn", "2025-11-01", "contradicted"),
    ("Alphabet hints 2027 capex will flatten out after the 2026 surge", "2026-05-01", "contradicted"),
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
