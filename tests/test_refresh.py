"""The live SEC path against a real local server replaying the captured companyfacts/submissions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle import refresh
from aicycle.cli import app
from aicycle.errors import ConfigError
from aicycle.sources.sec import SecConfig
from aicycle.store import open_store, writing
from tests.replay_server import ReplayServer

AGENT = "aicycle tests tests@example.com"
CF = "/api/xbrl/companyfacts/CIK{:010d}.json"
SUBS = "/submissions/CIK{:010d}.json"


def _routes(shared: Path) -> dict[str, Path]:
    edgar = shared / "edgar"
    return {
        CF.format(1045810): edgar / "companyfacts" / "CIK0001045810.json",
        CF.format(1652044): edgar / "companyfacts" / "CIK0001652044.json",
        CF.format(1769628): edgar / "companyfacts_trimmed" / "CIK0001769628_coreweave_trimmed.json",
        SUBS.format(1045810): edgar / "submissions" / "CIK0001045810.json",
        SUBS.format(1652044): edgar / "submissions" / "CIK0001652044.json",
        SUBS.format(1769628): edgar / "submissions" / "CIK0001769628_coreweave_trimmed.json",
    }


@pytest.fixture
def server(shared_data: Path) -> Iterator[ReplayServer]:
    with ReplayServer(_routes(shared_data)) as s:
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
    first = _run(server, env, ["NVDA", "GOOGL", "CRWV"])
    assert first["ok"] == ["CRWV", "GOOGL", "NVDA"] and not first["failed"]
    assert first["changes"]["NVDA"]["inserted"] > 500
    second = _run(server, env, ["NVDA", "GOOGL", "CRWV"])
    assert all(c == {"inserted": 0, "changed": 0} for c in second["changes"].values())
    # the second run revalidated (If-None-Match) and got 304s instead of the bodies
    repeat = [r for r in server.requests[6:]]
    assert repeat and all(r.status == 304 for r in repeat)
    assert all(r.headers.get("User-Agent") == AGENT for r in server.requests)
    with open_store() as store:
        row = store.query("SELECT * FROM facts WHERE ticker='NVDA' AND metric='capex' AND kind='reported' "
                          "AND period_end = DATE '2026-04-26'")[0]
        assert row["value"] == 1_757_000_000 and row["fetched_at"] is not None
        assert store.get_meta("sec_submissions:NVDA")[0]["form"] in ("10-K", "10-Q", "8-K")


def test_faults_are_retried(env: Path, server: ReplayServer) -> None:
    nvda, googl, crwv = CF.format(1045810), CF.format(1652044), CF.format(1769628)
    server.script(nvda, ["429:0.05", "503", "ok"])
    server.script(googl, ["truncate", "ok"])
    server.script(crwv, ["sleep:1.5", "cut", "ok"])
    result = _run(server, env, ["NVDA", "GOOGL", "CRWV"], timeout=0.5)
    assert result["ok"] == ["CRWV", "GOOGL", "NVDA"] and not result["failed"]
    assert [h.status for h in server.hits(nvda)] == [429, 503, 200]
    assert len(server.hits(googl)) == 2 and len(server.hits(crwv)) == 3
    gap = server.hits(nvda)[1].at - server.hits(nvda)[0].at
    assert gap >= 0.05  # Retry-After honoured


def test_a_failing_company_is_reported_and_loses_nothing(env: Path, server: ReplayServer) -> None:
    _run(server, env, ["GOOGL", "NVDA"])
    with open_store() as store:
        before = store.count("facts")
    server.script(CF.format(1652044), ["503"] * 10)
    server.script(CF.format(1045810), ["truncate"] * 10)
    result = _run(server, env, ["GOOGL", "NVDA", "CRWV"], attempts=3)
    assert result["ok"] == ["CRWV"]
    assert "HTTP 503 after 3 attempts" in result["failed"]["GOOGL"]
    assert "not valid JSON" in result["failed"]["NVDA"]
    with open_store() as store:
        assert store.count("facts") > before  # CRWV added, GOOGL and NVDA rows kept
        assert store.query("SELECT count(*) n FROM facts WHERE ticker='GOOGL'")[0]["n"] > 400


def test_companies_absent_upstream_fail_alone(env: Path, server: ReplayServer) -> None:
    result = _run(server, env, ["META", "CRWV"], attempts=1)
    assert result["ok"] == ["CRWV"] and "HTTP 404" in result["failed"]["META"]


def test_rate_limit_holds(env: Path, server: ReplayServer) -> None:
    _run(server, env, ["NVDA", "GOOGL", "CRWV"], rate=5.0, cache_path=None)
    times = sorted(r.at for r in server.requests)
    assert len(times) == 6
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.19  # 5 per second, no bursts


def test_refuses_without_user_agent(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AICYCLE_SEC_USER_AGENT", raising=False)
    with pytest.raises(ConfigError, match="AICYCLE_SEC_USER_AGENT"):
        refresh.run(["sec"], ["NVDA"])
    result = CliRunner().invoke(app, ["refresh", "--only", "sec"])
    assert result.exit_code == 2 and "AICYCLE_SEC_USER_AGENT" in result.output


def test_cli_refresh_then_facts(env: Path, server: ReplayServer) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["refresh", "--only", "sec", "--ticker", "NVDA"])
    assert result.exit_code == 0, result.output
    out = runner.invoke(app, ["facts", "NVDA", "capex", "--format", "csv", "--as-of", "2026-06-01"])
    assert out.exit_code == 0
    lines = out.output.strip().splitlines()
    assert lines[0].startswith("period_start,period_end,fiscal_period,calendar_quarter,value,unit,kind,method")
    assert lines[-1].startswith("2026-01-26,2026-04-26,FY2027Q1,2026Q1,1757000000.0,USD,reported")
    assert dt.date.fromisoformat(lines[-1].split(",")[-5]) <= dt.date(2026, 6, 1)


def test_writing_is_one_transaction(env: Path) -> None:
    with pytest.raises(RuntimeError), writing() as store:
        store.upsert("facts", [{"fact_key": "k", "ticker": "NVDA", "metric": "capex",
                                "period_end": dt.date(2026, 1, 1), "unit": "USD", "kind": "reported",
                                "source": "test"}])
        raise RuntimeError("crash mid-write")
    with open_store() as store:
        assert store.count("facts") == 0
