"""Fuzzing the ways in: random bytes and random CSV rows to every loader, random strings to every
option. Whatever comes in: exit 0 or 2 with one line (never a traceback, never an "unexpected" error),
and a refused input leaves every table of the store exactly as it was."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from aicycle.cli import app
from aicycle.heal import fingerprint
from aicycle.store import SCHEMA, open_store

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
runner = CliRunner()


@pytest.fixture(scope="module")
def fuzz_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("fuzz-home")
    old = os.environ.get("AICYCLE_HOME")
    os.environ["AICYCLE_HOME"] = str(home)
    open_store().close()
    yield home
    if old is None:
        os.environ.pop("AICYCLE_HOME", None)
    else:
        os.environ["AICYCLE_HOME"] = old


def _stored(home: Path) -> dict[str, tuple[int, str]]:
    con = duckdb.connect(str(home / "aicycle.duckdb"), read_only=True)
    try:
        return {table: fingerprint(con, table) for table in SCHEMA}
    finally:
        con.close()


def _clean(result: Result, *codes: int) -> None:
    text = result.output + (result.stderr or "")
    assert result.exit_code in codes, (result.exit_code, text[-800:])
    assert "Traceback" not in text and "unexpected" not in (result.stderr or ""), text[-800:]
    if result.exit_code:
        lines = [ln for ln in (result.stderr or "").splitlines() if ln.strip()]
        assert lines and lines[0].startswith("error:"), text[-800:]


LOADERS = (["load-facts"], ["gpu", "import"], ["ingest", "--company", "AMD", "--date", "2026-11-02"],
           ["language", "evaluate", "--no-baseline", "--data"])


def _invoke(command: list[str], path: Path) -> Result:
    args = [command[0], str(path), *command[1:]] if command[0] == "ingest" else [*command, str(path)]
    return runner.invoke(app, args)


@pytest.mark.parametrize("command", LOADERS, ids=lambda c: " ".join(c[:2]))
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes_to_every_loader(fuzz_home: Path, tmp_path: Path, command: list[str], data: bytes) -> None:
    before = _stored(fuzz_home)
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    result = _invoke(command, path)
    _clean(result, 0, 2)
    if result.exit_code:
        assert _stored(fuzz_home) == before


TRICKY = st.sampled_from(["", "nan", "inf", "-1", "0", "1e400", "1e-400", "2099-01-01", "0001-01-01", "9999-12-31",
                          "2026-02-30", "Q4 9999", "FY10000", "FY2026", "Q1 2026", "USD", "USD bn", "KRW tn", "MW",
                          "text", "capex_cash_ppe", "capex_guidance_fy2026_low", "hbm_tam_9999",
                          "contracted_power_target_ye9999", "META", "NVDA", "H100", "on_demand", "index",
                          "\u202e", "\x00", "a,b", '"', "2026-09-30", "2.5", "1,000"])
CELL = st.one_of(TRICKY, st.text(max_size=12))
FACT_COLUMNS = ("date", "company", "ticker", "metric", "value", "unit", "period", "source_type", "source",
                "source_url", "seen_via", "notes")
GPU_COLUMNS = ("date", "sku", "price", "term", "source", "url", "family", "stat")


def _csv(columns: tuple[str, ...], rows: list[list[str]]) -> str:
    def cell(v: str) -> str:
        return '"' + v.replace('"', '""') + '"'
    return ",".join(columns) + "\n" + "".join(",".join(cell(v) for v in row) + "\n" for row in rows)


@FUZZ
@given(rows=st.lists(st.lists(CELL, min_size=len(FACT_COLUMNS), max_size=len(FACT_COLUMNS)), min_size=1,
                     max_size=3))
def test_random_rows_to_load_facts(fuzz_home: Path, tmp_path: Path, rows: list[list[str]]) -> None:
    before = _stored(fuzz_home)
    path = tmp_path / "rows.csv"
    path.write_text(_csv(FACT_COLUMNS, rows), encoding="utf-8")
    result = _invoke(["load-facts"], path)
    _clean(result, 0, 2)
    if result.exit_code:
        assert _stored(fuzz_home) == before


@FUZZ
@given(rows=st.lists(st.lists(CELL, min_size=len(GPU_COLUMNS), max_size=len(GPU_COLUMNS)), min_size=1,
                     max_size=3))
def test_random_rows_to_gpu_import(fuzz_home: Path, tmp_path: Path, rows: list[list[str]]) -> None:
    before = _stored(fuzz_home)
    path = tmp_path / "rows.csv"
    path.write_text(_csv(GPU_COLUMNS, rows), encoding="utf-8")
    result = _invoke(["gpu", "import"], path)
    _clean(result, 0, 2)
    if result.exit_code:
        assert _stored(fuzz_home) == before


# Each command with valid arguments, and the options to fill with random text. Commands that reach the
# network (refresh, gpu collect) or block (serve) are left out.
OPTIONS: list[tuple[list[str], str]] = [
    (["report"], "--as-of"),
    (["facts", "NVDA", "capex"], "--as-of"), (["facts", "NVDA", "capex"], "--format"),
    (["facts", "NVDA", "capex"], "--freq"), (["facts"], "TICKER"),
    (["check"], "CLAIM"), (["check", "Nvidia raised capex"], "--as-of"),
    (["gpu", "prices"], "--sku"), (["gpu", "prices"], "--family"), (["gpu", "prices"], "--term"),
    (["gpu", "prices"], "--as-of"),
    (["economics", "--draws", "200"], "--set"), (["economics", "--draws", "200"], "SCENARIO"),
    (["economics"], "--draws"), (["economics", "--draws", "200"], "--seed"),
    (["event", "deepseek_r1"], "--window"), (["event", "deepseek_r1"], "--model"),
    (["event", "deepseek_r1"], "--market"), (["event", "deepseek_r1"], "--tickers"),
    (["event", "deepseek_r1"], "--group"), (["event"], "--date"), (["event", "--date", "2025-01-27"], "--timing"),
    (["event"], "EVENT"), (["event", "deepseek_r1"], "--estimation"),
    (["language", "tone"], "TICKER"), (["language", "tone", "NVDA"], "--as-of"),
    (["language", "saydo"], "TICKER"), (["language", "scan", "--kind", "transcript"], "PATH"),
    (["language", "classify", "-"], "--format"), (["language", "classify", "-"], "--backend"),
    (["ingest", "x.txt", "--date", "2026-01-01"], "--company"),
    (["ingest", "x.txt", "--company", "AMD"], "--date"),
    (["ingest", "x.txt", "--company", "AMD", "--date", "2026-01-01"], "--kind"),
]


@pytest.mark.parametrize(("base", "option"), OPTIONS, ids=lambda v: v if isinstance(v, str) else " ".join(v[:2]))
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=st.one_of(st.text(max_size=30), TRICKY))
def test_random_strings_to_every_option(fuzz_home: Path, tmp_path: Path, base: list[str], option: str,
                                        value: str) -> None:
    if "\x00" in value:
        value = value.replace("\x00", "")  # argv cannot carry NUL
    before = _stored(fuzz_home)
    doc = tmp_path / "x.txt"
    doc.write_text("Capex will grow next year.\n")
    args = [a if a != "x.txt" else str(doc) for a in base]
    args = [*args, value] if option.isupper() else [*args, option, value]
    if option == "PATH":
        args[-1] = str(tmp_path / value.replace("/", "_")) if value else str(tmp_path)
    result = runner.invoke(app, args, input="Capex will grow.\n")
    _clean(result, 0, 2)
    if base[0] != "ingest" or result.exit_code:
        assert _stored(fuzz_home) == before
