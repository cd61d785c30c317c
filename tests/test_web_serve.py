"""`aicycle serve`: loopback by default, a loud warning otherwise, the port checked."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.web.security import is_loopback

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch, home: Path) -> list[dict[str, Any]]:
    """Record uvicorn.run instead of serving."""
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    return calls


def test_serve_binds_loopback_by_default(runs: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert runs[0]["host"] == "127.0.0.1" and runs[0]["port"] == 8000
    assert "WARNING" not in result.output
    assert "http://127.0.0.1:8000/" in result.output
    with TestClient(runs[0]["app"], base_url="http://evil.example") as client:  # DNS rebinding
        assert client.get("/api/companies").status_code == 400


def test_serve_warns_when_not_loopback(runs: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0
    assert runs[0]["host"] == "0.0.0.0" and runs[0]["port"] == 8123
    assert "WARNING" in result.output and "no login" in result.output
    with TestClient(runs[0]["app"], base_url="http://dashboard.lan") as client:
        assert client.get("/api/companies").status_code == 200


def test_serve_rejects_a_bad_port(runs: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and runs == []


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("example.com", False),
])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
