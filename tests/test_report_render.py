"""Rendering the report: hostile text escaped, a self-contained page, the JSON shape, the CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from aicycle.checkpoints.base import Evidence, Metric
from aicycle.cli import app
from aicycle.cycle import CHECKPOINTS, Report, build_report
from aicycle.render import charts, html, terminal
from aicycle.render.json import render_report as render_json
from aicycle.store import Store, open_store
from tests.factsload import store_copy

REPO = Path(__file__).resolve().parents[1]
HOSTILE = '<script>alert("pwned")</script> & "quoted" \'single\' </script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def store(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    home = store_copy(data_dir, tmp_path_factory.mktemp("render"))
    return open_store(home / "aicycle.duckdb")


@pytest.fixture(scope="module")
def report(store: Store) -> Report:
    return build_report(store)


def _hostile(report: Report) -> Report:
    bad = Evidence(text=HOSTILE, value=1e9, unit="USD", period="2026Q2", source=f"source {HOSTILE}",
                   url="javascript:alert(1)", accession=None, filed=dt.date(2026, 1, 1), kind="curated",
                   ticker="META", metric="capex", method=HOSTILE)
    first = report.checkpoints[0]
    hostile = dataclasses.replace(first, headline=HOSTILE, evidence=[bad, *first.evidence],
                                  reasoning=[HOSTILE], metrics=[Metric("capex:META", 1.0, "USD", HOSTILE, HOSTILE)],
                                  charts={**first.charts, "capex_by_quarter": {HOSTILE: [{"x": HOSTILE, "y": 1.0}]}})
    return dataclasses.replace(report, checkpoints=[hostile, *report.checkpoints[1:]])


def test_hostile_evidence_is_escaped_in_html(report: Report) -> None:
    page = html.render_report(_hostile(report))
    assert '<script>alert("pwned")' not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt; &amp; &#34;quoted&#34; &#39;single&#39;" in page
    assert 'href="javascript:' not in page
    # chart data sits in JSON blocks where '<', '>' and '&' are escaped as \u003c, \u003e, \u0026
    assert "\\u003cscript\\u003ealert" in page
    # only the two script tags of the page itself open code: plotly.js and the figure loop
    assert page.count("<script>") == 2


def test_page_is_self_contained_with_plotly_once(report: Report) -> None:
    page = html.render_report(report)
    assert page.count(html.plotly_js()[:300]) == 1
    # nothing is fetched: no external script or stylesheet (plotly.js itself only names its CDN for
    # geo maps, which the report does not draw)
    assert "<script src" not in page and "<link" not in page
    assert page.count("cdn.plot.ly") == html.plotly_js().count("cdn.plot.ly")
    for cid in CHECKPOINTS:
        assert f'id="cp-{cid}"' in page
    assert page.count('data-figure="fig-capex-') == 2  # quarterly bars and guidance ranges
    assert 'data-figure="fig-backlog-0"' in page and "series break" in page
    assert "https://www.sec.gov/Archives/edgar/data/1326801/000162828026050596/" in page


def test_every_evidence_number_links_to_its_source(report: Report) -> None:
    for r in report.checkpoints:
        for e in r.evidence:
            if e.value is not None and (e.url or e.accession):
                assert html.source_url(e), e.text
    accession_only = Evidence(text="x", value=1.0, unit="USD", period=None, source="SEC", url=None,
                              accession="0001652044-26-000048", filed=None, kind="reported", ticker="GOOGL")
    assert html.source_url(accession_only) == "https://www.sec.gov/Archives/edgar/data/1652044/000165204426000048/"


def test_render_checkpoint_stands_alone(report: Report) -> None:
    card = html.render_checkpoint(report.reading("power"))
    assert card.startswith('<section class="card" id="cp-power"')
    assert "Contracted vs active power" in card
    # what another page needs to show such cards: the stylesheet and the chart loader
    assert ".card {" in html.report_css() and "Plotly.newPlot" in html.figures_js()


def test_chart_builders_return_plotly_figures(report: Report) -> None:
    for r in report.checkpoints:
        for fig in charts.figures(r):
            assert set(fig) == {"data", "layout"} and fig["data"]
            json.dumps(fig)
    # the gpu_rental checkpoint's chart data: line name -> points with sku, term and kind
    def line(sku: str, term: str, kind: str, ys: list[float]) -> list[dict[str, object]]:
        return [{"x": f"2026-0{i + 1}-01", "y": y, "sku": sku, "term": term, "kind": kind} for i, y in enumerate(ys)]

    gpu = charts.gpu_rental({
        "H100-SXM marketplace spot · index (computed)": line("H100-SXM", "spot", "computed", [1.5, 1.4]),
        "H100-SXM marketplace on_demand · index (computed)": line("H100-SXM", "on_demand", "computed", [2.1, 2.0]),
        "H200 cloud_list on_demand · index (computed)": line("H200", "on_demand", "computed", [3.7, 3.9]),
    })
    assert [f["layout"]["title"]["text"] for f in gpu] == ["H100 rental price", "H200 rental price"]
    first = gpu[0]["data"][0]  # the computed on-demand line leads, drawn solid
    assert first["y"] == [2.1, 2.0] and first["line"]["dash"] == "solid"
    assert gpu[0]["data"][1]["line"]["dash"] == "dot"
    assert charts.gpu_rental({"plain": [{"x": "2026-01-01", "y": 2.0}]})[0]["data"][0]["y"] == [2.0]


def test_json_shape(report: Report) -> None:
    data = json.loads(render_json(report))
    assert set(data) >= {"as_of", "verdict", "checkpoints"}
    assert set(data["verdict"]) >= {"state", "score", "summary", "diffusion", "reasoning"}
    assert [c["id"] for c in data["checkpoints"]] == list(CHECKPOINTS)
    for c in data["checkpoints"]:
        assert set(c) >= {"id", "title", "state", "headline", "metrics", "evidence"}
        for e in c["evidence"]:
            assert set(e) >= {"text", "value", "unit", "period", "source", "url", "accession", "filed", "kind"}
    assert dt.date.fromisoformat(data["as_of"]) == report.as_of


def test_terminal_dashboard(report: Report) -> None:
    console = Console(record=True, width=120)
    terminal.render(_hostile(report), console)
    out = console.export_text()
    assert "capex" in out and "backlog" in out and "evidence items" in out
    assert '<script>alert("pwned")' in out  # printed as text, not interpreted


def _home_with_facts(tmp: Path, data_dir: Path) -> Path:
    return store_copy(data_dir, tmp / "home")


def test_cli_report_json_in_a_fresh_process(tmp_path: Path, data_dir: Path) -> None:
    home = _home_with_facts(tmp_path, data_dir)
    env = {**os.environ, "AICYCLE_HOME": str(home), "PYTHONPATH": str(REPO / "src")}
    for args, as_of in ((["--as-of", "2025-06-30"], "2025-06-30"), ([], None)):
        proc = subprocess.run([sys.executable, "-m", "aicycle.cli", "report", "--json", *args],
                              capture_output=True, text=True, env=env, timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr
        data = json.loads(proc.stdout)
        assert [c["id"] for c in data["checkpoints"]] == list(CHECKPOINTS)
        if as_of:
            assert data["as_of"] == as_of
        assert data["verdict"]["state"] in ("expanding", "steady", "slowing", "contracting", "insufficient_data")


def test_fresh_install_reports_from_the_bundled_snapshot(tmp_path: Path) -> None:
    """A new, empty AICYCLE_HOME and no network: the store is seeded from the bundled snapshot."""
    from aicycle.store import snapshot_dir

    assert (snapshot_dir() / "facts.parquet").exists(), "the bundled snapshot is missing"
    env = {**os.environ, "AICYCLE_HOME": str(tmp_path / "fresh"), "PYTHONPATH": str(REPO / "src")}
    page = tmp_path / "report.html"
    runs = {name: subprocess.run([sys.executable, "-m", "aicycle.cli", "report", *args], capture_output=True,
                                 text=True, env=env, timeout=180, check=False)
            for name, args in (("json", ["--json"]), ("html", ["--html", str(page)]), ("terminal", []))}
    assert all(p.returncode == 0 for p in runs.values()), {k: p.stderr for k, p in runs.items()}
    data = json.loads(runs["json"].stdout)
    states = {c["id"]: c["state"] for c in data["checkpoints"]}
    assert states["capex"] != "insufficient_data" and states["backlog"] != "insufficient_data"
    assert data["verdict"]["state"] != "insufficient_data"
    assert all(e["source"] for c in data["checkpoints"] for e in c["evidence"])
    assert "Plotly.newPlot" in page.read_text() and "capex" in runs["terminal"].stdout


def test_cli_report_html_and_terminal(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = _home_with_facts(tmp_path, data_dir)
    monkeypatch.setenv("AICYCLE_HOME", str(home))
    page = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--html", str(page), "--as-of", "2026-06-30"])
    assert result.exit_code == 0, result.output
    assert "as of <b>2026-06-30</b>" in page.read_text()
    result = CliRunner().invoke(app, ["report"])
    assert result.exit_code == 0 and "verdict" not in result.output.lower() or "composite" in result.output


@pytest.mark.parametrize("args, message", [
    (["--as-of", "2025-13-01"], "is not a date"),
    (["--as-of", "yesterday"], "is not a date"),
    (["--html", "/nonexistent-dir/x.html"], "does not exist"),
])
def test_cli_report_bad_input_exits_2(home: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["report", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_report_links_the_latest_event_studied(store: Store) -> None:
    # As of 2026-07-15 the last event whose window has closed is the Meta Compute report of 2026-07-01.
    july = build_report(store, dt.date(2026, 7, 15))
    ev = render_json_dict(july)["latest_event"]
    assert (ev["id"], ev["date"]) == ("meta_compute_report", "2026-07-01")
    assert "Meta Compute" in ev["headline"] and ev["command"] == "aicycle event meta_compute_report"
    assert ev["portfolio_car"] < 0 and 0 < ev["bmp_kp"]["p"] < 1 and ev["securities"] > 5
    # what came next is cut at as_of: nothing after 2026-07-15 may show
    nxt = ev["fundamentals_next"]
    assert nxt["through"] == "2026-07-15" and all(i["filed"] <= "2026-07-15" for i in nxt["items"])
    console = Console(record=True, width=200)
    terminal.render(july, console)
    out = console.export_text()
    assert "Latest event 2026-07-01" in out and "Study it: aicycle event meta_compute_report" in out
    page = html.render_report(july)
    assert 'id="latest-event"' in page and "<code>aicycle event meta_compute_report</code>" in page
    # on 2025-01-01 no event's window had closed: no link anywhere
    early = build_report(store, dt.date(2025, 1, 1))
    assert early.latest_event is None and render_json_dict(early)["latest_event"] is None
    assert 'id="latest-event"' not in html.render_report(early)


def test_later_events_reach_the_link_only_after_their_window(store: Store) -> None:
    late = build_report(store, dt.date(2026, 8, 14))
    assert late.latest_event is not None and late.latest_event["id"] == "meta_q2_2026_results"
    items = late.latest_event["fundamentals_next"]["items"]
    assert items and all("2026-07-29" < i["filed"] <= "2026-08-14" for i in items)


def test_hostile_event_headline_is_escaped(report: Report) -> None:
    assert report.latest_event is not None
    hostile = dataclasses.replace(report, latest_event={**report.latest_event, "headline": HOSTILE,
                                                        "id": HOSTILE, "command": f"aicycle event {HOSTILE}"})
    page = html.render_report(hostile)
    assert '<script>alert("pwned")' not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in page
    assert page.count("<script>") == 2
    console = Console(record=True, width=400)
    terminal.render(hostile, console)
    assert '<script>alert("pwned")' in console.export_text()  # printed as text, not interpreted


def render_json_dict(report: Report) -> dict:  # type: ignore[type-arg]
    return json.loads(render_json(report))
