"""Prices as a source: the captured files, flags, calendars, and the live chart client on a replay server."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import httpx
import numpy as np
import pytest

from aicycle.errors import DataError
from aicycle.market import chart, prices
from aicycle.store import Store, open_store

DATA = Path(__file__).resolve().parent / "data" / "yahoo_chart"


@pytest.fixture(scope="module")
def store(data_dir: Path) -> Store:
    s = open_store(memory=True, seed=False)
    prices.load_raw(s, data_dir)
    return s


def test_each_series_has_one_adjusted_source_and_provenance(store: Store) -> None:
    rows = store.query("SELECT series, count(DISTINCT adj_source) AS n, any_value(adj_source) AS src, "
                       "count(*) FILTER (WHERE url IS NULL) AS no_url FROM stock_prices "
                       "WHERE adj_close IS NOT NULL GROUP BY series")
    assert {r["series"] for r in rows} == {"dsturdy", "stell0", "amars78", "sungkyu"}
    assert all(r["n"] == 1 and r["src"] == r["series"] and r["no_url"] == 0 for r in rows)
    # dsturdy's 2026-08-03 row was captured intraday: not stored.
    assert not store.query("SELECT 1 FROM stock_prices WHERE series = 'dsturdy' AND date > '2026-07-31'")
    # raw-only sources keep their quotes but never an adjusted close
    assert store.query("SELECT count(*) AS n FROM stock_prices WHERE series IN ('robinfrank', 'johnamcminn') "
                       "AND adj_close IS NOT NULL")[0]["n"] == 0


def test_dividend_adjusted_sungkyu_matches_an_independent_adjusted_source(store: Store) -> None:
    """ORCL: closes adjusted here from SungKyu's raw quotes + dividends give dsturdy's returns."""
    def returns(series: str) -> dict[dt.date, float]:
        rows = store.query("SELECT date, adj_close FROM stock_prices WHERE ticker = 'ORCL' AND series = ? "
                           "AND date BETWEEN '2025-01-01' AND '2026-05-29' ORDER BY date", [series])
        return {b["date"]: b["adj_close"] / a["adj_close"] - 1 for a, b in pairwise(rows)}
    ours, theirs = returns("sungkyu"), returns("dsturdy")
    diffs = np.array([ours[d] - theirs[d] for d in ours if d in theirs])
    assert len(diffs) > 300 and np.max(np.abs(diffs)) < 2e-3
    ex_dates = [dt.date(2025, 10, 9), dt.date(2026, 1, 9), dt.date(2026, 4, 9)]   # ORCL_dividends.csv
    assert all(abs(ours[d] - theirs[d]) < 1e-3 for d in ex_dates)


def test_flags_mark_gaps_stale_closes_and_jumps() -> None:
    days = [dt.date(2026, 7, d) for d in (1, 2, 6, 7, 8, 9, 10)]
    have = [days[0], days[2], days[3], days[4], days[5], days[6]]        # 07-02 missing
    values = [100.0, 101.0, 101.0, 101.0, 160.0, 150.0]
    flags = prices.flag_series(have, values, days)
    assert flags == [None, "gap:1", None, "stale", "jump:+58.4%", None]


def test_real_flags_are_the_known_big_moves(store: Store) -> None:
    jumps = store.query("SELECT DISTINCT ticker, date FROM stock_prices WHERE flag LIKE '%jump%' ORDER BY 1")
    assert {(r["ticker"], r["date"].isoformat()) for r in jumps} == {("CRWV", "2025-04-01"), ("NBIS", "2025-09-09")}


def test_calendars_come_from_the_data(store: Store) -> None:
    us, krx = prices.sessions(store, "US"), prices.sessions(store, "KRX")
    assert dt.date(2026, 4, 3) not in us and dt.date(2026, 4, 2) in us            # Good Friday
    assert dt.date(2025, 1, 27) in us and dt.date(2025, 1, 27) not in krx
    assert us[-1] == dt.date(2026, 8, 21)


# --- live source on a local replay server ----------------------------------------------------------

class _Replay(http.server.BaseHTTPRequestHandler):
    script: dict[str, list[str]] = {}
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        ticker = self.path.split("/v8/finance/chart/")[1].split("?")[0]
        self.seen.append(self.path)
        plan = self.script.get(ticker, ["404"])
        step = plan.pop(0) if len(plan) > 1 else plan[0]
        if step == "sleep":
            time.sleep(0.8)
            step = "ok"
        if step.isdigit():
            self.send_response(int(step))
            self.end_headers()
            return
        body = (DATA / "MU_2026-05-01_2026-07-02.json").read_bytes()
        if step == "truncated":
            body = body[: len(body) // 2]
        if step == "short":   # the connection drops mid-body: Content-Length promises more
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:100])
            self.close_connection = True
            return
        if step == "captured":
            body = (DATA / "DATA_2017-07-21_captured.json").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out first: that is the fault under test

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def replay(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(chart, "RETRY_WAIT", 0.0)
    monkeypatch.setenv("AICYCLE_HTTP_RETRIES", "3")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Replay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Replay.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_refresh_from_replay_server_with_faults(replay: str) -> None:
    s = open_store(memory=True, seed=False)
    _Replay.script = {"MU": ["429", "503", "ok"], "NVDA": ["503"], "AMD": ["truncated"], "META": ["404"],
                      "TSM": ["sleep"], "AVGO": ["short"]}
    with httpx.Client(timeout=0.3) as client:
        out = prices.refresh_prices(s, ["MU", "NVDA", "AMD", "META", "TSM", "AVGO"], base_url=replay,
                                         client=client, start=dt.date(2026, 5, 1), end=dt.date(2026, 7, 2))
    t = out["tickers"]
    assert t["MU"] == {"status": "ok", "rows": 43, "inserted": 43, "changed": 0}
    assert "after 3 attempts: HTTP 503" in t["NVDA"]["error"]
    assert "truncated or invalid JSON" in t["AMD"]["error"]
    assert "HTTP 404" in t["META"]["error"]
    assert "ReadTimeout" in t["TSM"]["error"]
    assert "RemoteProtocolError" in t["AVGO"]["error"]
    assert out["ok"] == 1 and out["failed"] == 5
    row = s.query("SELECT * FROM stock_prices WHERE ticker = 'MU' AND date = '2026-07-01'")[0]
    assert row["series"] == "yahoo_chart" and row["close"] == pytest.approx(1032.280029296875)
    assert row["adj_close"] == pytest.approx(1032.280029296875, rel=1e-3) and row["url"].startswith(replay)
    assert "period1=" in _Replay.seen[0] and "interval=1d" in _Replay.seen[0]
    # a second identical refresh changes nothing
    _Replay.script = {"MU": ["ok"]}
    again = prices.refresh_prices(s, ["MU"], base_url=replay, start=dt.date(2026, 5, 1))
    assert again["tickers"]["MU"]["inserted"] == 0 and again["tickers"]["MU"]["changed"] == 0


def test_parse_the_captured_response_and_drop_an_open_session() -> None:
    payload = json.loads((DATA / "DATA_2017-07-21_captured.json").read_text())
    after_close = dt.datetime(2017, 7, 22, tzinfo=dt.UTC)
    bars = chart.parse_chart(payload, "DATA", now=after_close)
    assert [(b["date"], b["close"], b["adj_close"]) for b in bars] == [(dt.date(2017, 7, 21), 63.77000045776367,
                                                                       63.77000045776367)]
    during = dt.datetime.fromtimestamp(1500650000, dt.UTC)        # between regular start and end
    assert chart.parse_chart(payload, "DATA", now=during) == []


def test_chart_error_is_a_data_error() -> None:
    with pytest.raises(DataError, match="Not Found"):
        chart.parse_chart({"chart": {"result": None, "error": {"code": "Not Found",
                                                                     "description": "No data found"}}}, "ZZZ")
    with pytest.raises(DataError, match="not a chart response"):
        chart.parse_chart({"quoteResponse": {}}, "ZZZ")


def test_aicycle_refresh_only_prices_reports_each_ticker(replay: str, home: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from aicycle import refresh

    monkeypatch.setenv("AICYCLE_PRICES_BASE_URL", replay)
    _Replay.script = {"MU": ["ok"], "NVDA": ["503"]}
    summary = refresh.run(only=["prices"], tickers=["MU", "NVDA"])["sources"]["prices"]
    assert summary["ok"] == ["MU"] and "HTTP 503" in summary["failed"]["NVDA"]
    assert summary["changes"]["MU"]["inserted"] == 43
    with open_store() as s:  # the bundled series are still there beside the new one
        series = {r["series"] for r in s.query("SELECT DISTINCT series FROM stock_prices WHERE ticker='MU'")}
    assert "yahoo_chart" in series and len(series) > 1
