"""Power and permitting claims the check left unclear although the stored event decides them: "Constellation-
Microsoft Three Mile Island restart comes with a 10-year PPA" (20 years), "FERC OKs Talen's bid to lift co-located
load at Susquehanna to 480 MW" (FERC rejected it), "Texas PUCT's 'Batch Zero' is a moratorium" (a one-time review),
"AEP already holds ~180 GW of firm data-center contracts" (~180 GW is sought; firm contracts underpin >20 GW),
"xAI gets air permit for 15 permanent gas turbines at Colossus". A company halting its own build, a queue
"clearing", or a deal with another party than the event's is not read against the event."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Constellation-Microsoft Three Mile Island restart comes with a 10-year PPA", "2024-09-25", "contradicted"),
    ("Constellation-Microsoft Three Mile Island restart comes with a 20-year PPA", "2024-09-25", "supported"),
    ("FERC OKs Talen's bid to lift co-located data-center load at Susquehanna to 480 MW", "2024-11-05",
     "contradicted"),
    ("Texas PUCT's 'Batch Zero' is a moratorium on new 75MW+ data-center hookups", "2026-06-26", "contradicted"),
    ("AEP already holds ~180 GW of firm data-center contracts", "2025-05-10", "contradicted"),
    ("xAI gets air permit for 15 permanent gas turbines at Colossus, Memphis", "2025-07-10", "supported"),
    ("Siemens Energy booked a record 102 gas turbines in Q1 FY2026", "2026-03-05", "supported"),
    ("Data centres used about a fifth (21%) of Ireland's electricity in 2023", "2025-02-20", "supported"),
    # not the regulator's deed, nor the event's parties
    ("Meta halts construction at its Hyperion data center", "2026-05-01", "unclear"),
    ("Constellation inks a 20-year Clinton nuclear PPA with Meta", "2025-05-15", "unclear"),
])
def test_the_event_decides(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, dt.date.fromisoformat(as_of))["verdict"] == verdict


def test_the_reason_is_shown(store: Store) -> None:
    result = check(store, "Constellation-Microsoft Three Mile Island restart comes with a 10-year PPA",
                   dt.date(2024, 9, 25))
    assert any("20-year term, not the claim's 10-year term" in e["text"] for e in result["evidence"])
