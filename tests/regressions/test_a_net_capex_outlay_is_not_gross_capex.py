""""Oracle FY26 net capex outlay (non-GAAP) above $50bn", as of 2026-08-20, was unclear: the release's non-GAAP
net cash outlay for capex ($47.7bn: purchases less short-term financing and customer prepayments) was stored only
as a statement, and a net claim is never answered by the gross purchases ($55.7bn). The net outlay is the
company's net capex figure."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_a_net_outlay_answers_a_net_claim(store: Store) -> None:
    assert check(store, "Oracle FY26 net capex outlay (non-GAAP) above $50bn", "2026-08-20")["verdict"] \
        == "contradicted"
    assert check(store, "Oracle's fiscal 2026 net capex outlay exceeded $45bn", "2026-08-20")["verdict"] == "supported"


def test_the_gross_figure_still_answers_a_plain_claim(store: Store) -> None:
    assert check(store, "Oracle's FY26 capex tops $50bn", "2026-08-20")["verdict"] == "supported"
