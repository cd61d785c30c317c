"""Regression: `load-facts`, `gpu import` and `language evaluate` died with FileNotFoundError or
UnicodeDecodeError tracebacks on a missing, binary or invalid-UTF-8 file; `ingest DIR` said "no such
file". Each now names the file and what is wrong with it, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app

COMMANDS = (["load-facts"], ["gpu", "import"], ["language", "evaluate", "--data"],
            ["ingest", "--company", "AMD", "--date", "2026-01-01"])


def _files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 8)
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("date,sku\n2026-01-01,caf\xe9\n".encode("latin-1"))
    return {"missing": (tmp_path / "nope.csv", "no such file"), "binary": (binary, "looks binary"),
            "latin1": (latin, "not valid UTF-8"), "directory": (tmp_path, "is a directory")}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("kind", ["missing", "binary", "latin1", "directory"])
def test_a_bad_file_is_named(home: Path, tmp_path: Path, command: list[str], kind: str) -> None:
    path, said = _files(tmp_path)[kind]
    args = [*command[:1], str(path), *command[1:]] if command[0] == "ingest" else [*command, str(path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert str(path) in result.stderr and said in " ".join(result.stderr.split())
