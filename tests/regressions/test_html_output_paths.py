"""Regression: `event --html` to a directory or into a missing folder, and `report --html /proc/x.html`,
died with IsADirectoryError / FileNotFoundError tracebacks. Each is one line now, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app


@pytest.mark.parametrize(("args", "said"), [
    (["event", "deepseek_r1", "--html", "{tmp}"], "is a directory"),
    (["event", "deepseek_r1", "--html", "{tmp}/missing/x.html"], "does not exist"),
    (["report", "--html", "/proc/x.html"], "cannot write /proc/x.html"),
    (["economics", "--draws", "0", "--html", "{tmp}"], "is a directory"),
])
def test_an_unwritable_html_path_is_one_line(home: Path, tmp_path: Path, args: list[str], said: str) -> None:
    result = CliRunner().invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.startswith("error: --html:") and said in " ".join(result.stderr.split())
