"""Claims the check could not read or read against the wrong figure: levels in Korean won ("SK hynix's Q2
2025 operating profit tops 9 trillion won"), "beats its $65 billion outlook", "the December 2025 quarter",
"fell from Q1" (a sequential claim, judged on the year-on-year change), an ARR at a quarter's end, "has all
the supply it needs", "still has open gas-turbine slots", "all of its operational capacity is contracted",
"H100 SXM marketplace median"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from tests import rumor_store

DAY = dt.date(2026, 3, 1)


def test_a_level_in_won() -> None:
    level = read(parse_claim("SK hynix's Q2 2025 operating profit tops 9 trillion won"), DAY).level
    assert level is not None and (level.op, level.value, level.unit) == ("above", 9e12, "KRW")


def test_beats_its_outlook_is_a_floor() -> None:
    level = read(parse_claim("NVIDIA's fiscal Q4 2026 revenue beats its $65 billion outlook"), DAY).level
    assert level is not None and (level.op, level.value) == ("above", 65e9)


@pytest.mark.parametrize(("claim", "field", "want"), [
    ("Microsoft's commercial RPO for the December 2025 quarter tops $600 billion", "quarter_key",
     ("calendar_quarter", "2025Q4")),
    ("CoreWeave's Q2 2026 capex fell from Q1", "quarters_in_a_row", 1),
    ("Amazon says AWS already has all the supply it needs", "direction", "unconstrained"),
    ("GE Vernova says it still has open gas-turbine slots for 2029", "direction", "unconstrained"),
    ("IREN says all of its operational capacity is contracted", "direction", "sold_out"),
    ("H100 SXM marketplace median falls below $2 an hour", "object", "gpu_prices"),
])
def test_the_reading(claim: str, field: str, want: object) -> None:
    reading = read(parse_claim(claim), DAY)
    got = reading.period.quarter_key() if field == "quarter_key" else getattr(reading, field)
    assert got == want or (field == "quarters_in_a_row" and got >= 1)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("SK hynix's Q2 2025 operating profit tops 9 trillion won", "2025-07-26", "supported"),
    ("Nebius's ARR fell in Q4 2025", "2026-03-15", "contradicted"),
])
def test_verdicts(data_dir: Path, claim: str, as_of: str, verdict: str) -> None:
    store = rumor_store.loaded_store(data_dir)
    assert check(store, claim, as_of)["verdict"] == verdict
