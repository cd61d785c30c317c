"""Stock moves sized on daily closes: "Microsoft shares plunged more than 10% after December-quarter results" was
borne out by a 9.99% fall (a floor was given half a point of slack), "Nebius stock soared ~60% on its Microsoft
deal" by +46% (an "about" size was given a quarter of itself either side), "CoreWeave stock closed up more than 13%
on the Meta deal day" and "GOOGL closes ~8% lower as 2026 capex guide spooks investors" were not read as stock
moves, "META sank >8% the session after ..." neither, and "Meta stock jumps ~9% on report it will rent out idle AI
compute", checked before that report, was answered by Meta's April results (a news report is not results)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.reaction import read_reaction
from aicycle.store import Store


def test_sizes_read() -> None:
    closed_up = read_reaction("CoreWeave stock closed up more than 13% on the Meta deal day")
    assert closed_up is not None and closed_up.up and closed_up.pct == 13 and closed_up.floor
    sank = read_reaction("META sank >8% the session after raising its capex outlook in late April 2026")
    assert sank is not None and not sank.up and sank.floor
    closes = read_reaction("GOOGL closes ~8% lower as 2026 capex guide spooks investors")
    assert closes is not None and not closes.up and closes.pct == 8 and not closes.floor


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Microsoft shares plunged more than 10% after December-quarter results", "2026-01-30", "contradicted"),  # -9.99%
    ("Nebius stock soared ~60% on its Microsoft deal", "2025-09-10", "contradicted"),  # +46%
    ("CoreWeave stock closed up more than 13% on the Meta deal day", "2025-10-01", "contradicted"),  # +11.7%
    ("CoreWeave stock closed up more than 11% on the Meta deal day", "2025-10-01", "supported"),
    ("GOOGL closes ~8% lower as 2026 capex guide spooks investors", "2026-02-06", "contradicted"),  # -0.5% on closes
    ("META sank >8% the session after raising its capex outlook in late April 2026", "2026-05-01", "supported"),
    ("Meta stock jumps ~9% on report it will rent out idle AI compute", "2026-06-30", "unclear"),  # the report: July 1
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
