""""IREN lifts its year-end 2026 ARR target", said two days after the call that restated the $3.4 billion target,
was borne out by IREN's words that contracted ARR grew. A claim that a company raised (or cut) its own target is
read on the latest call's target against the call before: a restated target refutes a raise said within
`rules.RUMOR_RAISE_ANSWERED_DAYS` of it, and weeks later leaves it open; a raise to another figure than the claim's
leaves it open too ("to about $4bn" in August, after May's raise to $3.7 billion)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("IREN lifts its year-end 2026 ARR target", "2026-02-06", "contradicted"),  # $3.4bn restated on Feb 4
    ("IREN raises its end-2026 ARR target", "2026-04-01", "unclear"),  # weeks later: a raise may still come
    ("IREN raises its end-2026 ARR target", "2026-05-09", "supported"),  # $3.7bn on May 7
    ("IREN now targets more than $3.4bn of ARR by end-2026", "2026-02-05", "contradicted"),
    ("IREN now targets more than $3.4bn of ARR by end-2026", "2026-05-08", "supported"),
    ("IREN lifts its year-end 2026 ARR goal to about $4bn", "2026-08-20", "unclear"),
    ("IREN lowers its end-2026 ARR target", "2026-05-09", "contradicted"),
])
def test_target_revision(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
