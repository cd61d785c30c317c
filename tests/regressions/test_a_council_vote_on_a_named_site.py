""""Tucson council approves Amazon's $3.6bn Project Blue", a week after the council voted 7-0 to end the talks, was
unclear: the dollar figure left the claim without an object. A vote, approval or permit for a named site is a claim
about that project."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_a_vote_on_a_named_site_is_about_the_project(store: Store) -> None:
    claim = "Tucson council approves Amazon's $3.6bn Project Blue"
    assert check(store, claim, "2025-08-10")["verdict"] == "contradicted"
    assert check(store, claim, "2025-07-08")["verdict"] == "unclear"  # before the vote
