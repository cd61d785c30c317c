"""Claims read wrongly until round 5: a guide stated as a range ("guides 2026 capex to $115-135bn") or by one
end ("tops out at $190bn"), "more than doubles" borne out by +76%, "overshoots $75bn", "second-quarter" and
"fiscal Q3" with no year, "trims its guide at Q2 results" before those results, a cloud business's growth rate
("Azure growth slows to about 30%"), and a GPU price on a named day or in a named month ("on 15 July 2026",
"in September 2026")."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def _read(claim: str, day: str):  # type: ignore[no-untyped-def]
    return read(parse_claim(claim), dt.date.fromisoformat(day))


def test_a_named_range_is_a_level_with_two_ends() -> None:
    level = _read("Meta guides 2026 capex to $115-135bn", "2026-01-29").level
    assert level is not None and (level.op, level.value, level.high) == ("at", 115e9, 135e9)


def test_a_revision_to_a_range_is_judged_as_a_move() -> None:
    assert _read("Meta raises 2026 capex guidance to $125-145B (from $115-135B)", "2026-04-28").level is None


def test_tops_out_at_names_the_top_of_the_range() -> None:
    assert _read("Alphabet's 2026 capex guide tops out at $190bn", "2026-05-01").range_end == "high"


@pytest.mark.parametrize(("claim", "day", "key"), [
    ("Meta's second-quarter capex tops $30bn", "2026-07-20", ("calendar_quarter", "2026Q2")),
    ("Microsoft's fiscal Q3 capex comes in under $32bn", "2026-04-20", ("fiscal_period", "FY2026Q3")),
])
def test_a_quarter_with_no_year_is_the_nearest(claim: str, day: str, key: tuple[str, str]) -> None:
    assert _read(claim, day).period.quarter_key() == key


def test_results_named_as_the_occasion_are_not_the_period() -> None:
    period = _read("Meta trims its 2026 capex guide at Q2 results", "2026-07-20").period
    assert period.quarter is None and period.year == 2026
    assert period.results_of is not None and period.results_of.quarter_key() == ("calendar_quarter", "2026Q2")


@pytest.mark.parametrize(("claim", "growth"), [
    ("NVIDIA's own capex more than doubles in fiscal 2026", 0.95),
    ("Nebius revenue jumps more than 40% in Q2 2026", 0.38),
    ("Micron revenue nearly triples", 1.6),
])
def test_the_least_rise_a_claim_names(claim: str, growth: float) -> None:
    assert _read(claim, "2026-03-01").growth == pytest.approx(growth)


def test_a_cloud_growth_rate_is_a_revenue_level_in_percent() -> None:
    reading = _read("Azure growth slows to about 30% in the June quarter", "2026-07-31")
    assert reading.object == "revenue" and reading.segment == "Azure"
    assert reading.level is not None and (reading.level.unit, reading.level.value) == ("pct", 0.30)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Meta guides 2026 capex to $115-135bn", "2026-01-29", "supported"),
    ("Alphabet's 2026 capex guide tops out at $190bn", "2026-05-01", "supported"),
    ("Alphabet's 2026 capex guide tops out at $190bn", "2026-07-24", "contradicted"),
    ("Meta's 2026 capex outlook tops out at $135bn", "2026-05-01", "contradicted"),
    ("Meta trims its 2026 capex guide at Q2 results", "2026-07-20", "unclear"),
    ("Meta trims its 2026 capex guide at Q2 results", "2026-07-31", "contradicted"),
    ("Meta's second-quarter capex tops $30bn", "2026-07-20", "unclear"),
    ("Meta's 2025 capex overshoots $75bn", "2026-01-29", "contradicted"),
    ("NVIDIA's own capex more than doubles in fiscal 2026", "2026-02-27", "contradicted"),
    ("Micron's revenue more than doubles quarter on quarter in fiscal Q2 2026", "2026-03-21", "contradicted"),
    ("NVIDIA's fiscal Q1 2027 revenue exceeds $80 billion", "2026-05-10", "unclear"),
    ("Azure growth slows to about 30% in the June quarter", "2026-07-31", "contradicted"),
    ("AWS revenue growth tops 35% in Q2 2026", "2026-08-01", "supported"),
    ("Google Cloud growth slips below 40% in the December quarter", "2026-02-05", "contradicted"),
    ("SF Compute's H100 average holds above $2/hr on 15 July 2026", "2026-07-17", "supported"),
    ("H100 market average slumps below $1.50/hr in September 2026", "2026-09-10", "unclear"),
    ("H100 market average slumps below $1.50/hr in September 2026", "2026-09-22", "contradicted"),
    ("Alphabet doubles down, raising its 2026 capex guide to $195-205bn", "2026-07-24", "supported"),
    ("Meta raises 2026 capex range to $125-145 billion", "2026-02-15", "unclear"),
    ("Meta lifts the low end of its 2026 capex range to $130bn", "2026-07-20", "unclear"),
    ("Meta lifts the low end of its 2026 capex range to $130bn", "2026-07-31", "supported"),
    ("Oracle's RPO climbs $85bn in fiscal Q4 to $638bn", "2026-06-11", "supported"),
    ("Micron's May-quarter revenue tops $40bn", "2026-06-20", "unclear"),
    ("A100 rental prices jump more than 50% between December 2025 and May 2026", "2026-05-15", "unclear"),
    ("A100 rental prices jump more than 50% between December 2025 and May 2026", "2026-06-01", "supported"),
    ("H100 rental prices fall in December 2026", "2027-01-10", "unclear"),
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


@pytest.mark.parametrize(("claim", "op", "value"), [
    ("Meta's 2025 capex overshot its original $60-65bn plan", "above", 65e9),
    ("Oracle's RPO climbs $85bn in fiscal Q4 to $638bn", "at", 638e9),
])
def test_which_figure_is_the_level(claim: str, op: str, value: float) -> None:
    level = _read(claim, "2026-06-11").level
    assert level is not None and (level.op, level.value) == (op, value)


def test_doubling_down_is_not_a_doubling() -> None:
    assert _read("Alphabet doubles down, raising its 2026 capex guide to $195-205bn", "2026-07-24").growth is None


def test_a_month_named_fiscal_quarter() -> None:
    period = _read("Micron's May-quarter revenue tops $40bn", "2026-06-20").period
    assert period.quarter_key() == ("fiscal_period", "FY2026Q3")
