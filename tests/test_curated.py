"""Curated facts: mapping to the store vocabulary, public dates, validation that rejects a whole file."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from aicycle import facts
from aicycle.curated import facts as curated
from aicycle.errors import InputError
from aicycle.store import Store, open_store


@pytest.fixture(scope="module")
def store(data_dir: Path) -> Store:
    s = open_store(memory=True, seed=False)
    curated.load_raw(s, data_dir)
    return s


def test_units_and_metrics_map_to_the_store_vocabulary(store: Store) -> None:
    power = facts.series(store, "CRWV", "contracted_power_mw")
    assert [r["value"] for r in power][:2] == [1600.0, 2200.0] and power[0]["unit"] == "MW"  # GW x 1000
    backlog = facts.latest(store, "CRWV", "backlog")
    assert backlog is not None and backlog["value"] == 104e9 and backlog["kind"] == "curated"
    hynix = facts.series(store, "000660.KS", "operating_income")
    assert hynix[0]["value"] == 19.2e12 and hynix[0]["unit"] == "KRW"
    assert facts.latest(store, "MSFT", "rpo")["value"] == 684e9  # rpo_total -> rpo
    assert facts.latest(store, "AMZN", "rpo")["value"] == 496e9  # rpo_long_term_commitments -> rpo


def test_guidance_vintages_are_point_in_time(store: Store) -> None:
    lows = facts.series(store, "META", "capex_guidance_low", dt.date(2026, 5, 1))
    fy2026 = [r for r in lows if r["fiscal_period"] == "FY2026"]
    assert fy2026[0]["value"] == 125e9 and fy2026[0]["filed"] == dt.date(2026, 4, 29)
    high = facts.latest(store, "META", "capex_guidance_high", dt.date(2026, 2, 1))
    assert high is not None and high["value"] == 135e9  # from the row's note "high = 135B"
    assert facts.latest(store, "META", "capex_guidance_low", dt.date(2024, 1, 1)) is None


def test_public_dates(store: Store) -> None:
    rows = {(r["ticker"], r["metric"], r["period_end"]): r for r in store.query("SELECT * FROM facts")}
    googl = rows[("GOOGL", "capex", dt.date(2026, 3, 31))]
    assert googl["filed"] == dt.date(2026, 4, 30) and googl["flag"] is None  # 'filed 2026-04-30' in source
    crwv = rows[("CRWV", "rpo", dt.date(2024, 12, 31))]
    assert crwv["filed"] == dt.date(2025, 3, 3)  # S-1 accession found in the SEC submissions file
    orcl = rows[("ORCL", "rpo", dt.date(2025, 11, 30))]
    assert orcl["filed"] == dt.date(2025, 12, 10)  # the date column is the announcement, after the quarter
    estimated = rows[("NBIS", "arr", dt.date(2025, 3, 31))]
    assert estimated["filed"] == dt.date(2025, 5, 15) and estimated["flag"] == "public_date_estimated"


def test_quotes_are_statements(store: Store) -> None:
    quotes = facts.series(store, "META", "statement")
    assert any("$130-145 billion" in (r["text"] or "") for r in quotes)
    assert all(r["value"] is None for r in quotes)


def _broken_copy(tmp_path: Path, data_dir: Path, old: str, new: str) -> Path:
    path = tmp_path / "facts.csv"
    shutil.copy(data_dir / "facts" / "ai_capex_backlog_facts.csv", path)
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


@pytest.mark.parametrize(("old", "new", "problem"), [
    ("2025-03-31,CoreWeave,CRWV,revenue_backlog,25.9,", "2025-31-03,CoreWeave,CRWV,revenue_backlog,25.9,", "date"),
    ("CRWV,revenue_backlog,25.9,USD bn", "CRWV,revenue_backlog,lots,USD bn", "not a number"),
    ("CRWV,revenue_backlog,25.9,USD bn", "CRWV,revenue_backlog,25.9,USD kg", "unknown unit"),
    ("CoreWeave,CRWV,revenue_backlog", "CoreWeave,XXXX,revenue_backlog", "unknown ticker"),
    ("CRWV,revenue_backlog,25.9", "CRWV,mystery_metric,25.9", "cannot map metric"),
    ("CRWV,revenue_backlog,25.9,USD bn", "CRWV,revenue_backlog,25.9,text", "unit 'text' for the numeric"),
])
def test_a_bad_row_rejects_the_whole_file(tmp_path: Path, data_dir: Path, old: str, new: str,
                                           problem: str) -> None:
    path = _broken_copy(tmp_path, data_dir, old, new)
    s = open_store(memory=True, seed=False)
    with pytest.raises(InputError) as err:
        curated.load_file(s, path, data_dir)
    assert str(path) in str(err.value) and "row 56" in str(err.value) and problem in str(err.value)
    assert s.count("facts") == 0  # nothing half-written


def test_quoted_document_dates_a_fact(store: Store) -> None:
    orcl = facts.latest(store, "ORCL", "rpo")
    assert orcl is not None and orcl["value"] == 638e9
    assert orcl["filed"] == dt.date(2026, 6, 10) and orcl["flag"] is None  # the 8-K quoted in the quotes file


def test_filings_beat_curated_transcriptions(data_dir: Path) -> None:
    from tests.data_layer import raw_store

    s = raw_store(data_dir)
    q3 = next(r for r in facts.series(s, "GOOGL", "rpo") if r["period_end"] == dt.date(2025, 9, 30))
    assert q3["kind"] == "reported" and q3["filed"] == dt.date(2025, 10, 30)
    q2_2026 = facts.latest(s, "GOOGL", "rpo")  # no filing in the file yet: the curated row fills in
    assert q2_2026 is not None and q2_2026["kind"] == "curated" and q2_2026["value"] == 519.5e9


def test_cli_load_facts_own_csv(home: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from aicycle.cli import app

    own = tmp_path / "mine.csv"
    own.write_text(
        "date,company,ticker,metric,value,unit,period,source_type,source,source_url,seen_via,notes\n"
        "2026-11-12,CoreWeave,CRWV,revenue_backlog,111,USD bn,2026Q3,my notes,"
        "accession 0001769628-26-000999,,,\n")
    runner = CliRunner()
    result = runner.invoke(app, ["load-facts", str(own)])
    assert result.exit_code == 0, result.output
    assert "1 rows (1 new, 0 changed)" in result.output
    again = runner.invoke(app, ["load-facts", str(own)])
    assert "1 rows (0 new, 0 changed)" in again.output
    shown = runner.invoke(app, ["facts", "CRWV", "backlog", "--format", "json"])
    # a period no higher-ranked source covers (facts.PRECEDENCE): the user's own row is the one shown
    assert '"value": 111000000000.0' in shown.output and '"filed": "2026-11-12"' in shown.output
    own.write_text(own.read_text().replace("USD bn", "USD zillions"))
    bad = runner.invoke(app, ["load-facts", str(own)])
    assert bad.exit_code == 2 and "mine.csv: row 2: unknown unit" in " ".join(bad.output.split())


def test_prior_range_named_in_a_later_source_becomes_its_own_vintage(store: Store) -> None:
    # "range 195-205B; raised from 180-190B at Q1 2026": the earlier range is dated by Alphabet's Q1 2026
    # 10-Q (filed 2026-04-30, the CSV's own row), estimated because the call came on or before it.
    before = facts.series(store, "GOOGL", "capex_guidance_low", dt.date(2026, 7, 1))
    assert [(r["value"], r["filed"], r["flag"]) for r in before] == [(180e9, dt.date(2026, 4, 30),
                                                                      "public_date_estimated")]
    assert before[0]["method"].startswith("prior range stated in a later source")
    high = facts.latest(store, "GOOGL", "capex_guidance_high", dt.date(2026, 7, 1))
    assert high is not None and high["value"] == 190e9
    assert facts.latest(store, "GOOGL", "capex_guidance_low", dt.date(2026, 4, 29)) is None
    assert facts.latest(store, "GOOGL", "capex_guidance_low", dt.date(2026, 7, 22))["value"] == 195e9


def test_source_text_is_kept_and_an_undated_prior_is_not_invented(store: Store) -> None:
    msft = store.query("SELECT * FROM facts WHERE ticker = 'MSFT' AND metric LIKE 'capex_guidance%'")
    assert len(msft) == 1  # "down from ~USD190B" names no earlier report: no row for it
    assert "down from ~USD190B" in msft[0]["note"] and "lease classification" in msft[0]["note"]
