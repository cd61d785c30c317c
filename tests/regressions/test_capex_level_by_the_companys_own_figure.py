""""Alphabet's 2025 capex overshoots $93bn" was supported by a lease-inclusive sum ($93.4bn) that Alphabet never
states; its calls and filings give cash capex, $91.4bn. A capex level is read on the figure the company itself
states: with finance leases for Microsoft and Meta, cash for the others."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_alphabet_is_read_on_cash_capex(store: Store) -> None:
    result = check(store, "Alphabet's 2025 capex overshoots $93bn", "2026-02-06")
    assert result["verdict"] == "contradicted"
    assert "$91.4B" in result["evidence"][0]["text"]


def test_microsoft_is_read_with_finance_leases(store: Store) -> None:
    result = check(store, "Microsoft capex hits $34.9bn in September quarter", "2025-11-01")
    assert result["verdict"] == "supported"


def test_cash_capex_is_without_finance_leases(store: Store) -> None:
    """Microsoft's $34.9bn includes $11.1bn of finance leases: its cash capex was $19.4bn."""
    result = check(store, "Microsoft's Sept-qtr cash capex came in around $35bn", "2025-10-31")
    assert result["verdict"] == "contradicted"
    assert "$19.4B" in result["evidence"][0]["text"]
    assert check(store, "MSFT Sep-qtr capex incl. finance leases ~$35bn", "2025-10-31")["verdict"] == "supported"
