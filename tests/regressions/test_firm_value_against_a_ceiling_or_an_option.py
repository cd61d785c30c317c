""""Meta has locked in a firm $14.2bn commitment to CoreWeave" was borne out although the deal is "up to
approximately $14.2 billion" (the ledger records that wording in its note), and "Microsoft committed a firm
$19.4bn to Nebius" by a $17.4bn deal (within the 15% allowed for a rounded figure; $19.4bn adds the $2bn option).
A figure given to the decimal is matched to 5%; a firm claim on a ceiling is refuted; a value that adds an option
to the firm one says so. A claim about one deal's contracted revenue is read on that deal's terms, and a deal
stating the claim's figure (with its options) is the deal the claim means however old it is."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.deal_terms import read_deal_terms
from aicycle.store import Store


def test_a_figure_to_the_decimal_is_exact() -> None:
    exact = read_deal_terms("Microsoft committed a firm $19.4bn to Nebius")
    rough = read_deal_terms("Microsoft signs ~$19.4bn Nebius deal")
    assert exact is not None and exact.exact and rough is not None and not rough.exact


@pytest.mark.parametrize(("claim", "as_of", "want", "says"), [
    ("Meta has locked in a firm $14.2bn commitment to CoreWeave", "2025-11-11", "contradicted", "up to"),
    ("Microsoft committed a firm $19.4bn to Nebius", "2025-09-10", "contradicted", "only an option"),
    ("Meta signs $14.2bn CoreWeave deal", "2025-10-02", "supported", "$14.2B"),
    # one deal's contracted revenue, not Cipher's backlog: ~$3bn firm, $7bn with two optional extensions
    ("Cipher's Fluidstack deal carries ~$7bn of contracted revenue", "2025-11-05", "contradicted", "options"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str, says: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == want
    assert any(says in (e.get("method") or "") for e in result["evidence"])
