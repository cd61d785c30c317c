""""Amazon says most of its 2026 capex goes to AWS" stayed unclear after the call that says of the capital
"we are spending and intend to spend this year, it's predominantly in AWS": "predominantly" was not read as a
majority share."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.rumor.shares import stated_shares
from aicycle.store import Store


def test_predominantly_is_most() -> None:
    assert stated_shares("it's predominantly in AWS") == [(0.5, "above", "cloud")]


def test_amazons_capex_mostly_aws(store: Store) -> None:
    claim = "Amazon says most of its 2026 capex goes to AWS"
    assert check(store, claim, "2026-02-03")["verdict"] == "unclear"  # before the Q4 2025 call
    result = check(store, claim, "2026-02-08")
    assert result["verdict"] == "supported"
    assert any("predominantly in AWS" in e["text"] for e in result["evidence"])
