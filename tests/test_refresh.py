"""The live SEC path against a real local server replaying the captured companyfacts/submissions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle import refresh
from aicycle.cli import app
from aicycle.errors import ConfigError
from aicycle.sec.client import SecConfig
from aicycle.store import open_store, writing
from tests.replay_server import ReplayServer

AGENT = "aicycle tests tests@example.com"
CF = "/api/xbrl/companyfacts/CIK{:010d}.json"
SUBS = "/submissions/CIK{:010d}.json"


def _routes(data_dir: Path) -> dict[str, Path]:
    edgar = data_dir / "edgar"
    return {
        CF.format(1045810): edgar / "companyfacts" / "CIK0001045810.json",
        CF.format(1652044): edgar / "companyfacts" / "CIK0001652044.json",
        CF.format(1769628): edgar / "companyfacts_trimmed" / "CIK0001769628_coreweave_trimmed.json",
        SUBS.format(1045810): edgar / "submissions" / "CIK0001045810.json",
        SUBS.format(1652044): edgar / "submissions" / "CIK0001652044.json",
        SUBS.format(1769628): edgar / "submissions" / "CIK0001769628_coreweave_trimmed.json",
        CF.format(789019): edgar / "companyfacts_trimmed" / "CIK0000789019_msft_annual_trimmed.json",
        SUBS.format(789019): edgar / "submissions" / "CIK0000789019.json",
        CF.format(1513845): edgar / "companyfacts_trimmed" / "CIK0001513845_nebius_trimmed.json",
        SUBS.format(1513845): edgar / "submissions" / "CIK0001513845_nebius_trimmed.json",
    }
SMALL = ["CRWV", "MSFT", "NBIS"]  # small real files: the store writes stay quick


@pytest.fixture
def server(data_dir: Path) -> Iterator[ReplayServer]:
    with ReplayServer(_routes(data_dir)) as s:
        yield s


@pytest.fixture
def env(home: Path, server: ReplayServer, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AICYCLE_SEC_USER_AGENT", AGENT)
    monkeypatch.setenv("AICYCLE_SEC_BASE_URL", server.url)
    open_store(seed=False).close()  # start empty: these tests count what the refresh writes
    return home


def _cfg(server: ReplayServer, home: Path, **kw: object) -> SecConfig:
    base = {"user_agent": AGENT, "base_url": server.url, "rate": 10.0, "timeout": 2.0, "attempts": 4,
            "backoff": 0.01, "cache_path": home / "http-cache" / "sec.sqlite"}
    return SecConfig(**{**base, **kw})  # type: ignore[arg-type]


def _run(server: ReplayServer, home: Path, tickers: list[str], **kw: object) -> dict:
    return refresh.run(["sec"], tickers, options={"sec_config": _cfg(server, home, **kw)})["sources"]["sec"]


def test_refresh_stores_everything_and_twice_changes_nothing(env: Path, server: ReplayServer) -> None:
    first = _run(server, env, SMALL)
    assert first["ok"] == SMALL and not first["failed"]
    assert first["changes"]["CRWV"]["inserted"] == 39 and first["changes"]["MSFT"]["inserted"] == 36
    second = _run(server, env, SMALL)
    assert all(c == {"inserted": 0, "changed": 0} for c in second["changes"].values())
    # the second run revalidated (If-None-Match) and got 304s instead of the bodies
    repeat = [r for r in server.requests[6:]]
    assert repeat and all(r.status == 304 for r in repeat)
    assert all(r.headers.get("User-Agent") == AGENT for r in server.requests)
    with open_store() as store:
        row = store.query("SELECT * FROM facts WHERE ticker='CRWV' AND metric='capex' AND kind='reported' "
                          "AND period_end = DATE '2026-03-31'")[0]
        assert row["value"] == 7_695_000_000 and row["fetched_at"] is not None
        assert row["url"] == "https://data.sec.gov/api/xbrl/companyfacts/CIK0001769628.json"
        assert store.get_meta("sec_submissions:MSFT")[0]["form"] in ("10-K", "10-Q", "8-K")


def test_faults_are_retried(env: Path, server: ReplayServer) -> None:
    msft, nbis, crwv = CF.format(789019), CF.format(1513845), CF.format(1769628)
    server.script(msft, ["429:0.3", "503", "ok"])
    server.script(nbis, ["truncate", "ok"])
    server.script(crwv, ["sleep:1.5", "cut", "ok"])
    result = _run(server, env, SMALL, timeout=0.5)
    assert result["ok"] == SMALL and not result["failed"]
    assert [h.status for h in server.hits(msft)] == [429, 503, 200]
    assert len(server.hits(nbis)) == 2 and len(server.hits(crwv)) == 3
    gap = server.hits(msft)[1].at - server.hits(msft)[0].at
    assert gap >= 0.3  # Retry-After honoured (our own backoff would be 0.01 s)


def test_a_failing_company_is_reported_and_loses_nothing(env: Path, server: ReplayServer) -> None:
    _run(server, env, ["MSFT", "NBIS"])
    with open_store() as store:
        before = store.count("facts")
    server.script(CF.format(789019), ["503"] * 10)
    server.script(CF.format(1513845), ["truncate"] * 10)
    result = _run(server, env, SMALL, attempts=3)
    assert result["ok"] == ["CRWV"]
    assert "HTTP 503 after 3 attempts" in result["failed"]["MSFT"]
    assert "not valid JSON" in result["failed"]["NBIS"]
    with open_store() as store:
        assert store.count("facts") == before + 39  # CRWV added, MSFT and NBIS rows kept
        assert store.query("SELECT count(*) n FROM facts WHERE ticker='MSFT'")[0]["n"] == 36


def test_companies_absent_upstream_fail_alone(env: Path, server: ReplayServer) -> None:
    result = _run(server, env, ["META", "CRWV"], attempts=1)
    assert result["ok"] == ["CRWV"] and "HTTP 404" in result["failed"]["META"]


def test_rate_limit_holds(env: Path, server: ReplayServer) -> None:
    _run(server, env, SMALL, rate=5.0, cache_path=None)
    times = sorted(r.at for r in server.requests)
    assert len(times) == 6
    for i, start in enumerate(times):  # never more than 5 in any one-second window, no bursts
        assert sum(1 for t in times[i:] if t < start + 1.0) <= 5
    assert min(b - a for a, b in pairwise(times)) >= 0.15


def test_refuses_without_user_agent(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AICYCLE_SEC_USER_AGENT", raising=False)
    with pytest.raises(ConfigError, match="AICYCLE_SEC_USER_AGENT"):
        refresh.run(["sec"], ["NVDA"])
    result = CliRunner().invoke(app, ["refresh", "--only", "sec"])
    assert result.exit_code == 2 and "AICYCLE_SEC_USER_AGENT" in result.output


def test_cli_refresh_then_facts(env: Path, server: ReplayServer) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["refresh", "--only", "sec", "--ticker", "CRWV"])
    assert result.exit_code == 0, result.output
    assert "CRWV: +39 new" in result.output
    again = runner.invoke(app, ["refresh", "--only", "sec", "--ticker", "CRWV"])
    assert again.exit_code == 0 and "nothing changed" in again.output
    out = runner.invoke(app, ["facts", "CRWV", "capex", "--format", "csv", "--as-of", "2026-06-01"])
    assert out.exit_code == 0
    lines = out.output.strip().splitlines()
    assert lines[0].startswith("period_start,period_end,fiscal_period,calendar_quarter,value,unit,kind,method")
    assert lines[-1].startswith("2026-01-01,2026-03-31,FY2026Q1,2026Q1,7695000000.0,USD,reported,")
    assert "0001769628-26-000222" in lines[-1]
    table = runner.invoke(app, ["facts", "CRWV", "capex"])
    assert table.exit_code == 0 and "6,422,000,000" in table.output


def test_writing_is_one_transaction(env: Path) -> None:
    with pytest.raises(RuntimeError), writing() as store:
        store.upsert("facts", [{"fact_key": "k", "ticker": "NVDA", "metric": "capex",
                                "period_end": dt.date(2026, 1, 1), "unit": "USD", "kind": "reported",
                                "source": "test"}])
        raise RuntimeError("crash mid-write")
    with open_store() as store:
        assert store.count("facts") == 0
