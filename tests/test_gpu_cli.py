"""`aicycle gpu prices | collect | import` end to end, in a fresh home."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle import cli
from aicycle.cli import app
from tests.gpu_replay import ReplayServer, Reply, serve

runner = CliRunner()
CSV = """date,sku,price,term,source,url
2020-03-02,GH200,3.00,on_demand,Test curated index,https://example.org/1
2020-06-01,GH200,3.30,on_demand,Test curated index,https://example.org/2
"""


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    yield from serve()


def test_import_then_prices_json(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.console, "width", 200)
    path = tmp_path / "points.csv"
    path.write_text(CSV)
    result = runner.invoke(app, ["gpu", "import", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["inserted"] == 2
    out = runner.invoke(app, ["gpu", "prices", "--sku", "GH200", "--family", "index", "--as-of", "2020-06-30",
                              "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    (line,) = data["lines"]
    assert [p["value"] for p in line["points"]] == [3.0, 3.3]
    assert line["trend"]["change"] == pytest.approx(0.1)       # 2020-06-01 vs 2020-03-02 (91 days)
    assert line["kind"] == "published" and line["stale"] is False
    table = runner.invoke(app, ["gpu", "prices", "--sku", "GH200", "--as-of", "2020-06-30"])
    assert table.exit_code == 0 and "+10.0%" in table.stdout and "Test curated index" in table.stdout


def test_bad_inputs_exit_2_with_one_line(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV.replace("2020-06-01", "undated"))
    for args in (["gpu", "import", str(bad)], ["gpu", "prices", "--sku", "Z900"],
                 ["gpu", "prices", "--family", "retail"], ["gpu", "prices", "--as-of", "June"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("error:") and "Traceback" not in result.stderr


def test_collect_reports_every_provider(home: Path, server: ReplayServer, data_dir: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    capture = data_dir / "gpu_prices/api_captures/vastai_bundles_H100SXM_2026-07-15_macrogauge.json"
    server.route("/api/v0/bundles/", Reply(200, capture.read_bytes()))
    monkeypatch.setenv("AICYCLE_VAST_BASE_URL", server.url)
    monkeypatch.setenv("AICYCLE_SHADEFORM_BASE_URL", server.url)
    monkeypatch.setenv("AICYCLE_SHADEFORM_API_KEY", "k")  # configured, but the server has no such route
    for key in ("AICYCLE_LAMBDA_API_KEY", "AICYCLE_RUNPOD_API_KEY", "AICYCLE_VAST_API_KEY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("AICYCLE_HTTP_RETRIES", "1")
    result = runner.invoke(app, ["gpu", "collect", "--json"])
    assert result.exit_code == 0, result.output
    status = {p["provider"]: p["status"] for p in json.loads(result.stdout)["providers"]}
    assert status == {"vast.ai": "ok", "lambda": "skipped-no-key", "runpod": "skipped-no-key",
                      "shadeform": "error"}
    table = runner.invoke(app, ["gpu", "collect"])
    assert table.exit_code == 0 and "skipped-no-key" in table.stdout and "HTTP 404" in table.stdout
