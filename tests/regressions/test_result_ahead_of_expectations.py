""""Azure growth slows below 38% in December quarter" was borne out by other figures of the call ("operating
income grew 28%"): the sentence that states Azure's growth ("revenue grew 39% in constant currency, slightly
ahead of expectations") was set aside as a look forward because of "expectations". A result set against
expectations is a statement of the result."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_result_against_expectations_is_the_result(store: Store) -> None:
    result = check(store, "Azure growth slows below 38% in December quarter", "2026-01-30")
    assert result["verdict"] == "contradicted"
    assert "revenue grew 39%" in result["reasoning"]
