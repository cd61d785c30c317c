"""`aicycle event` end to end: a store built by the real loaders, JSON shape, HTML page, errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.eventstudy.fundamentals import fundamentals_next
from aicycle.market import events, prices
from aicycle.store import fact_key, open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    home = tmp_path_factory.mktemp("home")
    s = open_store(home / "aicycle.duckdb", write=True, seed=False)
    prices.load_raw(s, data_dir)
    events.load_raw(s, data_dir)
    s.upsert("facts", _meta_guidance())
    s.close()
    return home


def _meta_guidance() -> list[dict]:
    """Meta's FY2026 capex guidance as curated facts, values from data/facts/ai_capex_backlog_facts.csv."""
    rows = []
    for filed, low, high in (("2026-04-29", 125e9, 145e9), ("2026-07-29", 130e9, 145e9)):
        for metric, value in (("capex_guidance_low", low), ("capex_guidance_high", high)):
            rows.append({
                "fact_key": fact_key("META", metric, "2026-01-01", "2026-12-31", filed, "curated"),
                "ticker": "META", "metric": metric, "period_start": dt.date(2026, 1, 1),
                "period_end": dt.date(2026, 12, 31), "value": value, "unit": "USD", "kind": "curated",
                "method": "8-K EX-99.1 quote", "source": "data/facts/ai_capex_backlog_facts.csv",
                "url": "https://www.sec.gov/Archives/edgar/data/1326801/000162828026050596/meta-06302026xexhibit991.htm",
                "filed": dt.date.fromisoformat(filed)})
    return rows


def _run(home: Path, monkeypatch: pytest.MonkeyPatch, *args: str):
    monkeypatch.setenv("AICYCLE_HOME", str(home))
    return runner.invoke(app, ["event", *args])


def test_json_shape_and_fundamentals_next(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = _run(built, monkeypatch, "meta_compute_report", "--tickers", "MU,META,000660.KS,XXX", "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["event"]["id"] == "meta_compute_report" and out["event"]["timing"] == "during"
    assert out["model"] == "market" and out["market"] == "SPY"
    assert out["estimation_window"] == [-130, -11] and out["event_window"] == [-1, 1]
    sec = out["securities"][0]
    assert {"ticker", "day0", "alpha", "beta", "sigma", "abnormal_returns", "car", "tests"} <= set(sec)
    assert [a["day"] for a in sec["abnormal_returns"]] == [-1, 0, 1]
    assert sec["path"][0]["day"] == -1 and sec["car_after"]["day"] == 20       # did the reaction last?
    assert sec["path"][2]["car"] == pytest.approx(sec["car"], abs=1e-12)
    tests_run = set(out["portfolio"]["tests"])
    assert {"bmp", "bmp_kp", "patell", "portfolio", "corrado_rank", "generalized_sign"} <= tests_run
    assert out["errors"] == [{"ticker": "XXX",
                              "error": "XXX: no prices stored around 2026-07-02 (no adjusted series at all)"}]
    guidance = {f["metric"]: f for f in out["fundamentals_next"] if f["ticker"] == "META"}
    low = guidance["capex_guidance_low"]
    assert low["before"]["value"] == 125e9 and low["next"]["value"] == 130e9
    assert low["next"]["filed"] == "2026-07-29" and low["direction"] == "up"
    assert guidance["capex_guidance_high"]["direction"] == "unchanged"


def test_fundamentals_are_point_in_time(built: Path) -> None:
    s = open_store(built / "aicycle.duckdb")
    before_any = fundamentals_next(s, dt.date(2026, 4, 1))
    assert {f["next"]["filed"] for f in before_any} == {"2026-04-29"}      # only the first vintage is "next"
    assert fundamentals_next(s, dt.date(2026, 7, 30)) == []                 # nothing filed after yet
    s.close()


def test_html_page_is_self_contained(built: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    page = tmp_path / "event.html"
    res = _run(built, monkeypatch, "meta_compute_report", "--group", "memory", "--html", str(page))
    assert res.exit_code == 0, res.output
    html = page.read_text()
    assert "Plotly.newPlot(\"car\"" in html and "Plotly.newPlot(\"ar\"" in html
    assert "<script src=" not in html and "000660.KS" in html


def test_user_event_list_and_compare(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    res = _run(built, monkeypatch, "--date", "2026-07-01", "--timing", "during", "--tickers", "MU",
               "--window", "-1,5", "--model", "market_adjusted", "--market", "SOXX", "--json")
    out = json.loads(res.stdout)
    assert out["event"]["id"] == "custom_2026-07-01_during" and out["market"] == "SOXX"
    assert len(out["securities"][0]["abnormal_returns"]) == 7
    listed = json.loads(_run(built, monkeypatch, "--list", "--json").stdout)
    assert [e["event_id"] for e in listed][0] == "deepseek_r1" and len(listed) == 5
    cmp = json.loads(_run(built, monkeypatch, "compare", "meta_compute_report", "meta_q2_2026_results",
                          "--tickers", "MU,META", "--json").stdout)
    mu = cmp["rows"][0]
    assert mu["ticker"] == "MU" and mu["car_a"] < 0 and mu["day0_b"] == "2026-07-30"


@pytest.mark.parametrize(("args", "message"), [
    (["meta_compute_report", "--window", "1,x"], "--window"),
    (["meta_compute_report", "--estimation", "20"], "too short"),
    (["no_such_event"], "unknown event"),
    (["meta_compute_report", "--model", "capm"], "--model"),
    (["--date", "2026-13-01"], "--date"),
    (["--date", "2026-07-01", "--timing", "lunch"], "--timing"),
    (["--date", "2030-01-02", "--tickers", "MU,META"], "outside the US price data"),
    (["meta_compute_report", "--tickers", "MU", "--group", "semis"], "either --tickers or --group"),
])
def test_bad_input_exits_2_with_the_problem_named(built: Path, monkeypatch: pytest.MonkeyPatch,
                                                   args: list[str], message: str) -> None:
    res = _run(built, monkeypatch, *args)
    assert res.exit_code == 2
    assert message in " ".join(res.stderr.split())   # rich wraps long lines


def test_html_escapes_headlines(tmp_path: Path) -> None:
    from aicycle.render.event_html import render_event

    result = {"event": {"id": "x", "date": "2026-07-01", "timing": "during",
                        "headline": "<img src=x onerror=alert(1)></script>"},
              "model": "market", "market": "SPY", "estimation_window": [-130, -11], "event_window": [-1, 1],
              "securities": [], "portfolio": None, "errors": [{"ticker": "<b>", "error": "<b>bad</b>"}],
              "notes": [], "references": "docs/event_study.md", "fundamentals_next": []}
    html = render_event(result)
    assert "<img src=x" not in html and "&lt;img src=x" in html and "&lt;b&gt;bad" in html


def test_market_itself_is_reported_not_divided_by_zero(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = json.loads(_run(built, monkeypatch, "meta_compute_report", "--tickers", "SPY,MU", "--json").stdout)
    assert [s["ticker"] for s in out["securities"]] == ["MU"]
    assert "is the market (SPY) itself" in out["errors"][0]["error"]


def test_gpu_prices_before_and_after(built: Path) -> None:
    s = open_store(memory=True, seed=False)
    for day, price in (("2026-06-20", 2.10), ("2026-07-15", 1.94)):
        s.upsert("gpu_prices", [{
            "price_key": f"k{day}", "observed_at": dt.datetime.fromisoformat(day),
            "observed_on": dt.date.fromisoformat(day),
            "sku": "H100-SXM", "term": "on_demand", "family": "marketplace", "provider": "sfcompute",
            "price_usd_per_gpu_hour": price, "stat": "median", "kind": "reported", "source": "test"}])
    rows = fundamentals_next(s, dt.date(2026, 7, 1))
    assert rows[0]["metric"] == "gpu_price:H100-SXM:sfcompute:on_demand:median"
    assert rows[0]["before"]["value"] == 2.10 and rows[0]["next"]["value"] == 1.94 and rows[0]["direction"] == "down"


def test_latest_event_for_the_report_is_point_in_time(built: Path) -> None:
    from aicycle.eventstudy.latest import latest_event_summary

    s = open_store(built / "aicycle.duckdb")
    assert latest_event_summary(s, dt.date(2026, 7, 2))["event"]["id"] == "meta_annual_meeting_cloud"
    july = latest_event_summary(s, dt.date(2026, 7, 10))
    assert july["event"]["id"] == "meta_compute_report" and july["caar"] < 0
    assert july["command"] == "aicycle event meta_compute_report"
    s.close()


def test_named_event_timing_can_be_overridden(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = json.loads(_run(built, monkeypatch, "meta_compute_report", "--timing", "after_close",
                          "--tickers", "MU", "--json").stdout)
    assert out["event"]["timing"] == "after_close" and out["securities"][0]["day0"] == "2026-07-02"
