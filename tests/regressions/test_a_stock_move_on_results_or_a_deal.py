""""MSFT tanks ~10% the session after its Dec-qtr print", "NBIS +49% on the Microsoft deal" and "NVDA -17% on
DeepSeek Monday" had no reading: a move written as a signed percentage, news that is the company's own results or a
deal in the ledger rather than a stored market event, and an event named by the outside company alone. Results are
dated by the quarter's first public figure (US companies report after the close); a deal's hour is not known, so its
move runs from the close before its day; "tanks" is judged on the size the claim names, not as a strong word."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.reaction import read_reaction
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "up", "pct", "news"), [
    ("NVDA -17% on DeepSeek Monday", False, 17.0, "DeepSeek Monday"),
    ("SK hynix -14.6% in Seoul after the Meta Compute report", False, 14.6, "the Meta Compute report"),
    ("MU +10% the day after its FQ1 beat", True, 10.0, "its FQ1 beat"),
    ("MSFT tanks ~10% the session after its Dec-qtr print", False, 10.0, "its Dec-qtr print"),
])
def test_claim_read(claim: str, up: bool, pct: float, news: str) -> None:
    found = read_reaction(claim)
    assert found is not None and (found.up, found.pct, found.news) == (up, pct, news)


@pytest.mark.parametrize(("claim", "as_of", "verdict", "said"), [
    ("MSFT tanks ~10% the session after its Dec-qtr print", "2026-01-29", "supported",
     "MSFT closed -9.99% on 2026-01-29"),
    ("AMZN +15% the day after its Q2 2026 print", "2026-07-31", "supported", "AMZN closed +15.32% on 2026-07-31"),
    ("CRWV sank ~16% the day after Q3 2025 results", "2025-11-11", "supported", "CRWV closed -16.31% on 2025-11-11"),
    ("CRWV jumped ~16% the day after Q3 2025 results", "2025-11-11", "contradicted", "-16.31%"),
    ("NBIS +49% on the Microsoft deal", "2025-09-09", "supported", "against 2025-09-05"),  # after the close
    ("ORCL +36% on the OpenAI compute-deal day", "2025-09-10", "supported", "ORCL closed +35.95% on 2025-09-10"),
    ("NVDA -17% on DeepSeek Monday", "2025-01-27", "supported", "NVDA closed -16.97% on 2025-01-27"),
    ("SK hynix -14.6% in Seoul after the Meta Compute report", "2026-07-02", "supported", "on 2026-07-02"),
])
def test_move_on_results_deals_and_events(store: Store, claim: str, as_of: str, verdict: str, said: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert said in result["reasoning"]


def test_the_stocks_own_company_is_not_an_outside_event(store: Store) -> None:
    # "after its Q1 2026 print": Meta's results (2026-04-29), not whichever later Meta event the word "Meta" names
    result = check(store, "META fell after its Q1 2026 print", "2026-04-30")
    assert result["verdict"] == "supported" and "META closed -8.55% on 2026-04-30" in result["reasoning"]
