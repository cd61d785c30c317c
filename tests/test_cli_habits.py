"""CLI habits every command shares: an example in its help, flags not shown as `<bool>`, `--version`,
one `--format` option (parquet read back as typed columns), `--json` as its shortcut, completion."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pytest
import typer.main
from typer.testing import CliRunner

from aicycle.cli import app

runner = CliRunner()


def _commands() -> list[list[str]]:
    """Every command path, groups included: ["report"], ["gpu"], ["gpu", "prices"], ..."""
    paths: list[list[str]] = []

    def walk(cmd: object, prefix: list[str]) -> None:
        for name, sub in getattr(cmd, "commands", {}).items():
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return paths


@pytest.mark.parametrize("path", _commands(), ids=" ".join)
def test_every_help_has_an_example_and_no_bool_metavar(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    assert "Example: aicycle " in result.output, f"no example in `aicycle {' '.join(path)} --help`"
    assert "<bool>" not in result.output


def test_version_and_completion() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"aicycle {version('aicycle')}"
    top = runner.invoke(app, ["--help"], terminal_width=100).output
    assert "--install-completion" in top and "--show-completion" in top and "<bool>" not in top


def test_facts_arguments_have_help() -> None:
    out = runner.invoke(app, ["facts", "--help"], terminal_width=120).output
    assert "TICKER" in out and "Company ticker" in out and "METRIC" in out and "capex" in out


def _parquet(result_bytes: bytes, tmp_path: Path) -> list[tuple[object, ...]]:
    path = tmp_path / "out.parquet"
    path.write_bytes(result_bytes)
    return duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()


def test_format_parquet_on_facts_gpu_prices_and_event(home: Path, tmp_path: Path) -> None:
    facts = runner.invoke(app, ["facts", "CRWV", "backlog", "--format", "parquet"])
    assert facts.exit_code == 0, facts.output
    types = {r[0]: r[1] for r in _parquet(facts.stdout_bytes, tmp_path)}
    assert types["value"] == "DOUBLE" and types["period_end"] == "DATE" and "accession" in types
    path = tmp_path / "out.parquet"
    assert duckdb.sql(f"SELECT count(*) FROM '{path}' WHERE value > 1e10").fetchall()[0][0] >= 5

    gpu = runner.invoke(app, ["gpu", "prices", "--sku", "H100", "-f", "parquet"])
    assert gpu.exit_code == 0, gpu.output
    types = {r[0]: r[1] for r in _parquet(gpu.stdout_bytes, tmp_path)}
    assert types["median"] == "DOUBLE" and types["day"] == "DATE" and types["stale"] == "BOOLEAN"

    event = runner.invoke(app, ["event", "meta_compute_report", "--tickers", "META,MU", "--format", "parquet"])
    assert event.exit_code == 0, event.output
    types = {r[0]: r[1] for r in _parquet(event.stdout_bytes, tmp_path)}
    assert types["car"] == "DOUBLE" and types["ticker"] == "VARCHAR"
    tickers = {r[0] for r in duckdb.sql(f"SELECT ticker FROM '{path}'").fetchall()}
    assert tickers == {"META", "MU"}


def test_format_csv_and_json_shortcut(home: Path) -> None:
    csv_out = runner.invoke(app, ["gpu", "prices", "--sku", "H100", "--format", "csv"])
    assert csv_out.exit_code == 0
    header = csv_out.stdout.splitlines()[0].split(",")
    assert header[:4] == ["as_of", "sku", "family", "term"] and "change_90d" in header
    assert runner.invoke(app, ["store", "info", "--json"]).stdout == \
        runner.invoke(app, ["store", "info", "--format", "json"]).stdout
    clash = runner.invoke(app, ["store", "info", "--json", "--format", "csv"])
    assert clash.exit_code == 2 and "--json and --format csv" in clash.stderr
    bad = runner.invoke(app, ["store", "info", "--format", "xml"])
    assert bad.exit_code == 2


def test_parquet_refuses_a_terminal() -> None:
    from aicycle.errors import InputError
    from aicycle.render.output import write_parquet

    class Tty(io.BytesIO):
        def isatty(self) -> bool:
            return True

    with pytest.raises(InputError, match="redirect"):
        write_parquet(Tty(), [{"a": 1}])


def test_gpu_prices_default_as_of_is_the_store_data_date(home: Path) -> None:
    """Without --as-of, `gpu prices` reads the same day as `report` (its 30d/90d changes are not '—'
    because the default was today, past the data)."""
    import json

    report = json.loads(runner.invoke(app, ["report", "--json"]).stdout)
    prices = json.loads(runner.invoke(app, ["gpu", "prices", "--sku", "H100", "--json"]).stdout)
    assert prices["as_of"] == report["as_of"]
    assert any(line["trend"] and line["trend"]["change"] is not None for line in prices["lines"])
