"""Digital Realty's lease claims ("book-not-billed lease backlog hits a record") were all unclear: a lease claim
naming no tenant took only sentences about cloud or compute deals, which a data-center landlord's calls do not
use. And "signed-but-not-commenced leases shrinks" was read as "not shrinking": the "not" of a compound
adjective negated the claim."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.store import Store


def test_not_inside_a_compound_adjective_negates_nothing() -> None:
    claim = parse_claim("Digital Realty's backlog of signed-but-not-commenced leases shrinks")
    assert claim.direction == "down" and not claim.negated
    assert parse_claim("Digital Realty's lease backlog does not shrink").negated


def test_record_lease_backlog(store: Store) -> None:
    result = check(store, "Digital Realty's book-not-billed lease backlog hits a record", "2025-06-20")
    assert result["verdict"] == "supported"
    assert any("signed but not commenced leases" in e["text"] for e in result["evidence"])


def test_backlog_shrinking_is_contradicted(store: Store) -> None:
    result = check(store, "Digital Realty's backlog of signed-but-not-commenced leases shrinks", "2025-06-15")
    assert result["verdict"] == "contradicted"


def test_a_tenants_lease_claim_still_needs_the_tenant(store: Store) -> None:
    # a named tenant still scopes the sentences: the AWS lease, not any lease
    result = check(store, "Cipher's AWS lease covers 300 MW", "2025-11-07")
    assert all("Amazon" in e["text"] or "AWS" in e["text"] for e in result["evidence"])
