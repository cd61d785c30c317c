"""Each period-arithmetic quirk on real companyfacts files, plus bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle import facts
from aicycle.cli import app
from aicycle.errors import DataError
from aicycle.sec import companyfacts, periods
from aicycle.sec.edgar_facts import load_file
from aicycle.store import Store, open_store
from tests.data_layer import raw_store

D = dt.date
NVDA = "edgar/companyfacts/CIK0001045810.json"
GOOGL = "edgar/companyfacts/CIK0001652044.json"
CRWV = "edgar/companyfacts_trimmed/CIK0001769628_coreweave_trimmed.json"
MU = "edgar/companyfacts_trimmed/CIK0000723125_micron_trimmed.json"
MSFT = "edgar/companyfacts_trimmed/CIK0000789019_msft_annual_trimmed.json"


@pytest.fixture(scope="module")
def store(data_dir: Path) -> Store:
    return raw_store(data_dir)


def _period(rows: list[dict], end: D) -> dict:
    return next(r for r in rows if r["period_end"] == end)


def test_ytd_difference_gives_the_quarter(store: Store) -> None:
    q2 = _period(facts.series(store, "GOOGL", "capex"), D(2025, 6, 30))
    assert q2["value"] == 22_446_000_000 and q2["kind"] == "derived"
    assert q2["method"].startswith("YTD difference: [2025-01-01..2025-06-30] 0001652044-25-000062")


def test_q4_is_annual_minus_nine_months(store: Store) -> None:
    q4 = _period(facts.series(store, "GOOGL", "capex"), D(2025, 12, 31))
    assert q4["value"] == 91_447_000_000 - 63_596_000_000
    assert q4["method"].startswith("Q4 = annual minus 9-month YTD") and q4["period_start"] == D(2025, 10, 1)


def test_no_ytd_or_annual_value_is_a_quarter(store: Store) -> None:
    for metric in ("capex", "revenue", "operating_income"):
        for row in facts.series(store, "NVDA", metric):
            assert 80 <= periods.days(row["period_start"], row["period_end"]) <= 100, row
    years = facts.series(store, "MSFT", "capex", freq="year")
    assert [r["value"] for r in years][-2:] == [44_477_000_000, 64_551_000_000]
    sec_quarters = [r for r in facts.series(store, "MSFT", "capex") if r["kind"] != "curated"]
    assert sec_quarters == []  # annual-only file: no quarters invented


def test_nvidia_capex_tag_chosen_per_period(store: Store) -> None:
    rows = facts.series(store, "NVDA", "capex")
    assert _period(rows, D(2019, 4, 28))["tag"] == "PaymentsToAcquirePropertyPlantAndEquipment"
    assert _period(rows, D(2026, 4, 26))["tag"] == "PaymentsToAcquireProductiveAssets"
    # Q3 FY2021 as first public: nine months under the new tag minus six months under the old one
    q3 = _period(facts.series(store, "NVDA", "capex", D(2020, 11, 18)), D(2020, 10, 25))
    assert q3["value"] == 845_000_000 - 372_000_000
    assert "PaymentsToAcquireProductiveAssets" in q3["method"]
    assert "PaymentsToAcquirePropertyPlantAndEquipment" in q3["method"]


def test_as_of_uses_only_what_was_public(store: Store) -> None:
    assert facts.latest(store, "NVDA", "capex", D(2000, 1, 1)) is None
    latest = facts.latest(store, "NVDA", "rpo", D(2026, 3, 1))
    assert latest is not None and latest["period_end"] == D(2026, 1, 25) and latest["value"] == 2.3e9
    for row in facts.series(store, "GOOGL", "revenue", D(2025, 1, 1)):
        assert row["filed"] <= D(2025, 1, 1)


def test_fiscal_calendar_alignment(store: Store) -> None:
    nvda = _period(facts.series(store, "NVDA", "revenue"), D(2026, 4, 26))
    assert (nvda["fiscal_period"], nvda["calendar_quarter"]) == ("FY2027Q1", "2026Q1")
    mu = _period(facts.series(store, "MU", "revenue"), D(2026, 5, 28))
    assert (mu["fiscal_period"], mu["calendar_quarter"]) == ("FY2026Q3", "2026Q2")
    mu_q4 = _period(facts.series(store, "MU", "revenue"), D(2020, 9, 3))  # 53-week year ends in September
    assert mu_q4["fiscal_period"] == "FY2020Q4"
    msft = facts.series(store, "MSFT", "revenue", freq="year")[-1]
    assert (msft["period_start"], msft["fiscal_period"]) == (D(2024, 7, 1), "FY2025")
    assert periods.fiscal_period(D(2024, 6, 1), D(2024, 8, 31), "05-31") == "FY2025Q1"  # Oracle


def _edited_crwv(data_dir: Path, tmp_path: Path, edit: object) -> Path:
    data = json.loads((data_dir / CRWV).read_text())
    edit(data["facts"]["us-gaap"]["PaymentsToAcquirePropertyPlantAndEquipment"]["units"]["USD"])  # type: ignore[operator]
    path = tmp_path / "crwv_edited.json"
    path.write_text(json.dumps(data))
    return path


def test_negative_derived_quarter_is_flagged(data_dir: Path, tmp_path: Path) -> None:
    def shrink_h1(entries: list[dict]) -> None:
        for e in entries:
            if e.get("start") == "2026-01-01" and e["end"] == "2026-06-30":
                e["val"] = 7_000_000_000  # below Q1's 7,695m: the derived Q2 goes negative
    s = open_store(memory=True, seed=False)
    load_file(s, _edited_crwv(data_dir, tmp_path, shrink_h1), "CRWV")
    q2 = _period(facts.series(s, "CRWV", "capex"), D(2026, 6, 30))
    assert q2["value"] == -695_000_000 and q2["flag"] == "negative_derived_quarter"


def test_misfitting_duration_is_flagged(data_dir: Path, tmp_path: Path) -> None:
    def stretch(entries: list[dict]) -> None:
        for e in entries:
            if e.get("start") == "2026-01-01" and e["end"] == "2026-06-30":
                e["end"] = "2026-07-20"  # 111 days after Q1's end: not a clean quarter
    s = open_store(memory=True, seed=False)
    load_file(s, _edited_crwv(data_dir, tmp_path, stretch), "CRWV")
    row = _period(facts.series(s, "CRWV", "capex"), D(2026, 7, 20))
    assert row["flag"] == "duration_misfit:111d" and row["kind"] == "derived"


def test_missing_concept_gives_an_empty_series_not_a_crash(data_dir: Path) -> None:
    s = open_store(memory=True, seed=False)
    summary = load_file(s, data_dir / CRWV, "CRWV")
    assert "rpo" in summary["missing"]
    assert facts.series(s, "CRWV", "rpo") == [] and facts.latest(s, "CRWV", "rpo") is None


def test_string_cik_is_accepted(data_dir: Path) -> None:
    cf = companyfacts.load(data_dir / CRWV, expected_cik="0001769628")
    assert cf.cik == 1769628


def test_truncated_json_is_a_data_error(data_dir: Path, tmp_path: Path) -> None:
    cut = tmp_path / "CIK0001045810.json"
    cut.write_bytes((data_dir / NVDA).read_bytes()[:100_000])
    with pytest.raises(DataError, match=r"CIK0001045810.json: not valid JSON \(100,000 bytes; truncated"):
        companyfacts.load(cut, expected_cik=1045810)


def test_invalid_json_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("<html>rate limited</html>")
    with pytest.raises(DataError, match="bad.json: not valid JSON"):
        companyfacts.load(bad)
    bad.write_text('{"hello": 1}')
    with pytest.raises(DataError, match="not a companyfacts document"):
        companyfacts.load(bad)


def test_wrong_cik_is_refused(data_dir: Path) -> None:
    s = open_store(memory=True, seed=False)
    with pytest.raises(DataError, match="companyfacts for CIK 1652044 .*expected CIK 1045810"):
        load_file(s, data_dir / GOOGL, "NVDA")
    assert s.count("facts") == 0


def test_cli_unknown_ticker_or_metric_exits_2(home: Path) -> None:
    runner = CliRunner()
    bad_ticker = runner.invoke(app, ["facts", "ZZZZ", "capex"])
    assert bad_ticker.exit_code == 2 and "unknown ticker" in bad_ticker.output
    bad_metric = runner.invoke(app, ["facts", "NVDA", "ebitda"])
    assert bad_metric.exit_code == 2 and "unknown metric" in bad_metric.output


def test_mixed_precision_difference_is_flagged(data_dir: Path) -> None:
    """CoreWeave's 2026 10-K states 2024 in millions, its 2025 10-Q the nine months in thousands."""
    s = open_store(memory=True, seed=False)
    load_file(s, data_dir / CRWV, "CRWV")
    q4 = _period(facts.series(s, "CRWV", "capex"), D(2024, 12, 31))
    assert q4["value"] == 3_497_749_000 and q4["flag"] == "mixed_precision"
    q1 = _period(facts.series(s, "CRWV", "capex"), D(2025, 3, 31))
    assert q1["flag"] is None  # a reported 3-month fact


def test_revenue_concept_chosen_per_period(store: Store) -> None:
    """Alphabet moved from RevenueFromContractWithCustomerExcludingAssessedTax to Revenues in 2025."""
    rows = facts.series(store, "GOOGL", "revenue")
    old = _period(rows, D(2023, 3, 31))
    assert old["tag"] == "RevenueFromContractWithCustomerExcludingAssessedTax" and old["value"] == 69_787_000_000
    assert _period(rows, D(2026, 3, 31))["tag"] == "Revenues"
    # Q1 2025 was first public under the old concept, later repeated under the new one: same value
    first = _period(facts.series(store, "GOOGL", "revenue", D(2025, 5, 1)), D(2025, 3, 31))
    later = _period(rows, D(2025, 3, 31))
    assert first["tag"] != later["tag"] and first["value"] == later["value"] == 90_234_000_000


def test_coverage_summary(store: Store) -> None:
    cov = facts.coverage(store, "sec_companyfacts")
    assert cov["NVDA"]["last_period"] == "2026-04-26" and cov["NVDA"]["latest_filed"] == "2026-05-20"
    assert set(cov) == {"CRWV", "GOOGL", "MSFT", "MU", "NBIS", "NVDA"}
    assert "rpo" in cov["GOOGL"]["metrics"] and "capex_incl_finance_leases" in cov["GOOGL"]["metrics"]


@pytest.mark.parametrize("ticker", ["NVDA", "GOOGL", "MU", "CRWV"])
def test_four_quarters_add_up_to_the_year(store: Store, ticker: str) -> None:
    """The strongest check of the arithmetic: reported and derived quarters sum to the 10-K figure."""
    for metric in ("capex", "revenue", "operating_income", "capex_incl_finance_leases"):
        problems = facts.quarters_not_summing_to_year(store, ticker, metric)
        if (ticker, metric) == ("MU", "operating_income"):
            # Micron restated FY2011 operating income in a later 10-K; the quarters keep the old basis
            assert [p["fiscal_period"] for p in problems] == ["FY2011"]
        else:
            assert problems == [], (metric, problems)
    years = facts.series(store, ticker, "capex", freq="year")
    quarters = facts.series(store, ticker, "capex")
    assert len(years) >= 3 and len(quarters) >= 10  # the check is not vacuous
