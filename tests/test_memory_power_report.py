"""Acceptance for the memory and power checkpoints in the report, and the `aicycle power` and
`aicycle facts … operating_profit` commands, on the real files in data/."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.cycle import build_report
from aicycle.store import Store, open_store
from tests.factsload import store_copy

LATE, EARLY = dt.date(2026, 6, 30), dt.date(2024, 1, 31)


@pytest.fixture(scope="module")
def home(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_copy(data_dir, tmp_path_factory.mktemp("memory_power"))


@pytest.fixture(scope="module")
def store(home: Path) -> Store:
    return open_store(home / "aicycle.duckdb")


def _cli(home: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.setenv("AICYCLE_HOME", str(home))
    result = CliRunner().invoke(app, list(args), terminal_width=80)
    return result.exit_code, result.output


def test_report_json_has_the_three_makers_and_hbm_supply(store: Store) -> None:
    data = build_report(store, LATE).to_dict()
    mem = next(c for c in data["checkpoints"] if c["id"] == "memory")
    figures = [e for e in mem["evidence"] if e["metric"] in ("revenue", "operating_income")]
    assert {e["ticker"] for e in figures} == {"MU", "000660.KS", "005930.KS"}
    for e in figures:
        assert e["filed"] and e["source"] and (e["url"] or e["accession"]), e
        assert dt.date.fromisoformat(e["filed"]) <= LATE
    # Micron from its SEC filings (the 10-Q's $41.456B), the Korean makers from their file, in KRW
    mu = next(e for e in figures if e["ticker"] == "MU" and e["metric"] == "revenue" and e["period"].endswith("2026Q2"))
    assert (mu["value"], mu["kind"]) == (41_456_000_000, "reported")
    assert {e["unit"] for e in figures if e["ticker"] != "MU"} == {"KRW"}
    hbm = [e for e in mem["evidence"] if e["text"].startswith("HBM:")]
    assert any("sold out" in e["text"] and "counts" in e["text"] for e in hbm)
    assert "HBM tight: sold out for 2026" in mem["headline"]
    # source types are shown with the figures, weak rows flagged
    hynix = next(e for e in figures if e["ticker"] == "000660.KS" and e["metric"] == "operating_income"
                 and e["period"] == "2026Q1")
    assert "[secondary; weak source: blog; single unverified source]" in hynix["text"]
    # the chart keeps each currency apart
    assert {p["unit"] for p in mem["charts"]["operating_income"]["MU"]} == {"USD"}
    assert {p["unit"] for p in mem["charts"]["operating_income"]["005930.KS"]} == {"KRW"}


def test_report_json_has_grid_events_and_running_levels(store: Store) -> None:
    data = build_report(store, LATE).to_dict()
    power = next(c for c in data["checkpoints"] if c["id"] == "power")
    events = [e for e in power["evidence"] if (e["metric"] or "").startswith("grid:")]
    assert len({(e["filed"], e["text"]) for e in events}) >= 5
    assert all(e["filed"] and e["url"] and dt.date.fromisoformat(e["filed"]) <= LATE for e in events)
    levels = {m["name"]: m for m in power["metrics"] if m["name"].startswith("grid:")}
    assert levels["grid:pjm_capacity_price"]["value"] == 333.44
    assert levels["grid:ercot_large_load_queue"]["value"] == 233
    assert levels["grid:gas_turbines_booked_through"]["value"] == 2029
    assert power["headline"].startswith("PJM capacity at the price cap ($333.44/MW-day); ERCOT large-load "
                                        "queue 233 GW; gas turbines booked through 2029")
    assert power["charts"]["grid_events"] and power["charts"]["grid_levels"]


def test_as_of_2024_01_31_nothing_later_appears(store: Store) -> None:
    report = build_report(store, EARLY)
    for cid in ("memory", "power"):
        reading = report.reading(cid)
        assert reading.evidence, cid
        assert all(e.filed is not None and e.filed <= EARLY for e in reading.evidence), cid
    mem = report.reading("memory")
    quarters = {m.period for m in mem.metrics if m.name.startswith(("revenue:", "operating_income:"))}
    assert max(quarters) == "2023Q4"
    # Samsung's 2023Q4 final came out that very day (2024-01-31); SK hynix's 2024Q1 not until April
    assert next(m for m in mem.metrics if m.name == "operating_income:005930.KS").value == 2.82e12
    power = report.reading("power")
    assert not [m for m in power.metrics if m.name.startswith("grid:")]  # no running level public yet
    assert power.state == "insufficient_data"  # two grid events are too few to read


def test_facts_operating_profit_answers_with_sources(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _cli(home, monkeypatch, "facts", "005930.KS", "operating_profit", "--as-of", "2026-04-20")
    assert code == 0
    assert "57,200,000,000,000" in out and "57,230,000,000,000" not in out  # the preliminary, not yet the final
    assert "FY2026Q1 (filed 2026-04-07): secondary:news_aggregator" in out and "preliminary" in out
    code, out = _cli(home, monkeypatch, "facts", "000660.KS", "operating_profit", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 13
    assert all(r["url"].startswith("http") for r in rows)
    ours = [r for r in rows if r["source"] == "curated:memory_makers_quarterly.csv"]
    assert len(ours) >= 12 and all(r["method"].startswith(("primary:", "secondary:")) for r in ours)


def test_power_command_lists_events_point_in_time(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _cli(home, monkeypatch, "power", "--as-of", "2024-01-31", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["events"]) == 2
    assert all(e["filed"] <= "2024-01-31" for e in data["events"])
    code, out = _cli(home, monkeypatch, "power", "--as-of", "2026-06-30")
    assert code == 0
    assert "What binds: PJM capacity at the price cap ($333.44/MW-day); ERCOT" in out.replace("\n", " ")
    assert max(len(line) for line in out.splitlines()) <= 80
    code, out = _cli(home, monkeypatch, "power", "--kind", "moratorium", "--json")
    assert code == 0 and {e["kind"] for e in json.loads(out)["events"]} == {"moratorium"}


def test_power_command_rejects_an_unknown_kind(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _cli(home, monkeypatch, "power", "--kind", "rumour")
    assert code == 2 and "--kind: 'rumour' is not one of" in out
