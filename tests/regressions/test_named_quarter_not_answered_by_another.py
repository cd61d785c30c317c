"""A claim about one quarter was answered by another: "Meta's second-quarter 2026 capex tops $30 billion" as
of 2026-07-10 (before Meta reported the quarter) came out `supported` on the full-year guide, "Microsoft's
June-quarter capex tops $40 billion" as of 2026-05-01 `contradicted` on the March quarter, and "CoreWeave's
quarterly capex fell in Q2 2026" before the report on Q1's year-on-year rise. Until the quarter is reported,
only what the company said about that quarter answers it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from tests import rumor_store


@pytest.mark.parametrize(("claim", "as_of", "key"), [
    ("Meta's second-quarter 2026 capex tops $30 billion", "2026-07-10", ("calendar_quarter", "2026Q2")),
    ("Microsoft's June-quarter capex tops $40 billion", "2026-05-01", ("calendar_quarter", "2026Q2")),
    ("Microsoft's December-quarter capex rose", "2026-01-10", ("calendar_quarter", "2025Q4")),
    ("Nvidia guides fiscal Q1 2027 revenue above $75 billion", "2026-02-27", ("fiscal_period", "FY2027Q1")),
])
def test_the_named_quarter_is_read(claim: str, as_of: str, key: tuple[str, str]) -> None:
    assert read(parse_claim(claim), dt.date.fromisoformat(as_of)).period.quarter_key() == key


@pytest.mark.parametrize(("claim", "as_of"), [
    ("Meta's second-quarter 2026 capex tops $30 billion", "2026-07-10"),
    ("Microsoft's June-quarter capex tops $40 billion", "2026-05-01"),
    ("CoreWeave's quarterly capex fell in Q2 2026", "2026-07-15"),
])
def test_an_unreported_quarter_is_unclear(data_dir: Path, claim: str, as_of: str) -> None:
    store = rumor_store.loaded_store(data_dir)
    assert check(store, claim, as_of)["verdict"] == "unclear"


def test_a_reported_quarter_is_answered_by_its_own_figure(data_dir: Path) -> None:
    store = rumor_store.loaded_store(data_dir)
    result = check(store, "Meta's second-quarter 2026 capex tops $30 billion", "2026-08-05")
    assert result["verdict"] in ("supported", "contradicted")
    assert "2026-06-30" in result["reasoning"] or "Q2" in result["reasoning"]
