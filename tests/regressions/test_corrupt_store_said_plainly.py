"""Regression: a truncated or corrupted `aicycle.duckdb` gave "in use by another process" after 6 s, or
a DuckDB checksum traceback from `report`, while `store info` said all was well. A damaged store is
now named as such with what to run, `store check` finds it, and `store repair` rebuilds it from the
bundled snapshot with the user's earlier imports re-applied."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.store import open_store

runner = CliRunner()


def _ingest(tmp_path: Path) -> None:
    doc = tmp_path / "amd_q3.txt"
    doc.write_text("We expect to expand capital expenditures meaningfully next year.\n")
    assert runner.invoke(app, ["ingest", str(doc), "--company", "AMD", "--date", "2026-11-01"]).exit_code == 0


def _truncate(store: Path) -> None:
    os.truncate(store, 300_000)


def _garbage(store: Path) -> None:
    with open(store, "r+b") as fh:
        fh.seek(300_000)
        fh.write(os.urandom(store.stat().st_size - 300_000))


def _not_a_database(store: Path) -> None:
    store.write_bytes(os.urandom(100_000))


@pytest.mark.parametrize("damage", [_truncate, _garbage, _not_a_database])
def test_damage_is_said_and_repair_restores_the_users_document(home: Path, tmp_path: Path, damage: object) -> None:
    _ingest(tmp_path)
    store = home / "aicycle.duckdb"
    damage(store)  # type: ignore[operator]
    started = time.monotonic()
    report = runner.invoke(app, ["report"])
    assert time.monotonic() - started < 5  # no 6-second wait for a lock nobody holds
    said = " ".join(report.stderr.split())
    assert report.exit_code == 1 and "Traceback" not in said and "in use" not in said
    assert f"the store at {store} is damaged" in said and "aicycle store repair" in said
    assert runner.invoke(app, ["store", "check"]).exit_code == 1
    assert runner.invoke(app, ["store", "info"]).exit_code == 1
    repaired = runner.invoke(app, ["store", "repair"])
    assert repaired.exit_code == 0, repaired.output
    assert "re-applied: ingest amd_q3.txt" in repaired.stdout
    assert list(home.glob("aicycle.damaged-*.duckdb"))
    assert runner.invoke(app, ["store", "check"]).exit_code == 0
    assert runner.invoke(app, ["report"]).exit_code == 0
    with open_store() as s:
        assert s.query("SELECT ticker FROM documents WHERE title = 'amd_q3.txt'") == [{"ticker": "AMD"}]


def test_the_dashboard_shows_what_to_run(home: Path) -> None:
    from aicycle.web import create_app
    from tests.web_client import TestClient

    open_store().close()
    _garbage(home / "aicycle.duckdb")
    client = TestClient(create_app(), raise_server_exceptions=False)
    for url in ("/", "/company/NVDA", "/api/report"):
        response = client.get(url, headers={"host": "127.0.0.1"})
        assert response.status_code == 503, url
        assert "aicycle store repair" in response.text
