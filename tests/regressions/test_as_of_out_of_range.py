"""Regression: `--as-of 0001-01-01` gave an OverflowError traceback from `report` and `check`, and
POST /api/check answered 500. The date is bounded now: one line, exit 2; 422 from the API."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.web import create_app
from tests.web_client import TestClient


@pytest.mark.parametrize("args", [["report", "--as-of", "0001-01-01"], ["check", "capex up", "--as-of", "0001-01-01"],
                                  ["report", "--as-of", "9999-12-31"]])
def test_cli_refuses_an_impossible_as_of(home: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--as-of:" in result.stderr and "is outside 1990-01-01" in result.stderr


def test_api_check_refuses_it_with_422(home: Path) -> None:
    client = TestClient(create_app(), raise_server_exceptions=False)
    response = client.post("/api/check", json={"claim": "capex up", "as_of": "0001-01-01"},
                           headers={"host": "127.0.0.1"})
    assert response.status_code == 422 and "as_of" in response.json()["error"]
