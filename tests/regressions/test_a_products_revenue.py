""""Amazon says Trainium revenue commitments exceed $200 billion", as of March 2026, was supported by Amazon's
total quarterly revenue ($213.4 billion): revenue qualified by a product the claim names is a part of the
company's, which its totals do not give. Only the company's words on that product answer it ("over $225 billion
in revenue commitments for Trainium", on the April call)."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_trainium_commitments(store: Store) -> None:
    claim = "Amazon says Trainium revenue commitments exceed $200 billion"
    assert check(store, claim, "2026-03-01")["verdict"] == "unclear"
    result = check(store, claim, "2026-05-02")
    assert result["verdict"] == "supported"
    assert all("Trainium" in e["text"] for e in result["evidence"])


def test_a_month_named_quarter_is_no_product(store: Store) -> None:
    assert check(store, "NVIDIA's April-quarter revenue tops $80bn", "2026-05-21")["verdict"] == "supported"
