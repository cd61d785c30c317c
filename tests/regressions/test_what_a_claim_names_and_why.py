"""Claims misread on what they name: "still capped at $190bn" (the top of the range) was borne out by a range
of $195-205bn; "lowers its 2026 capex expectation to $175bn on lease reclassification" was read as a claim
about leases (the reason, not what moved); "Nvidia guides next quarter above $75bn" and "Applied Materials
guides fiscal Q4 lower" named no metric (a chip maker's guide is its revenue outlook); "AWS backlog doubles year
on year" was set against the previous quarter's backlog; "misses its own $65bn fourth-quarter outlook" was
read as a claim that the outlook was $65bn; and "lowers its 2026 capex figure to $175bn", said in 2026, was
looked for among money already spent."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def _read(text: str) -> tuple[str | None, str | None]:
    reading = read(parse_claim(text), dt.date(2026, 8, 2))
    return reading.object, reading.level.op if reading.level else None


def test_the_reading() -> None:
    assert _read("Microsoft lowers reported 2026 capex expectation to about $175bn on lease reclassification")[0] \
        in ("capex", "guidance")
    assert _read("Meta pauses data center lease talks")[0] == "leases"
    assert _read("Nvidia guides next quarter above $75bn")[0] == "revenue"
    assert _read("Meta guides 2027 higher")[0] != "revenue"  # a hyperscaler's guide is its capex guide
    assert _read("NVIDIA misses its own $65bn fourth-quarter outlook") == ("revenue", "below")
    assert _read("NVIDIA revenue beats its $65bn outlook") == ("revenue", "above")


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Google's 2026 capex guide still capped at $190bn", "2026-05-03", "supported"),
    ("Google's 2026 capex guide still capped at $190bn", "2026-07-27", "contradicted"),
    ("Microsoft lowers reported 2026 capex expectation to about $175bn on lease reclassification", "2026-08-02",
     "supported"),
    ("Nvidia guides next quarter above $75bn", "2026-03-01", "supported"),
    ("Applied Materials guides fiscal Q4 lower, citing China", "2025-09-20", "supported"),
    ("NVIDIA misses its own $65bn fourth-quarter outlook", "2026-02-26", "contradicted"),
    # a revision to a level in the current year is a revision of the plan, answered by the guide
    ("Microsoft lowers its 2026 capex figure to about $175 billion on a lease accounting change", "2026-07-31",
     "supported"),
    ("Oracle's RPO climbs $85bn in fiscal Q4 to $638bn", "2026-06-11", "supported"),  # a balance stays a balance
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


def test_year_on_year_is_not_quarter_on_quarter(store: Store) -> None:
    result = check(store, "AWS backlog doubles year on year", "2026-08-03")
    assert result["verdict"] != "contradicted"
    assert not any("the previous report" in e["text"] for e in result["evidence"])
