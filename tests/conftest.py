"""Shared fixtures. No test touches the network: sockets to anything but loopback are refused."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"  # the real captured files the project carries (data/SOURCES.md)


def _data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return _data_dir()


BROWSER_MISSING = "Debian's chromium not found: apt-get install chromium"


def chromium_executable() -> str | None:
    """Debian's Chromium, which the browser tests drive through Playwright (no downloaded browser)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Browser tests skip, saying why, where Chromium is absent; AICYCLE_REQUIRE_BROWSER=1 (CI) fails them."""
    if item.get_closest_marker("browser") is None or chromium_executable():
        return
    if os.environ.get("AICYCLE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{BROWSER_MISSING} (AICYCLE_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(BROWSER_MISSING)


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_executable()
    assert path, BROWSER_MISSING
    return path


_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1")) \
            and self.family in (socket.AF_INET, socket.AF_INET6):
        raise OSError(f"test tried to reach {host}: tests run offline")
    return _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty aicycle home: the store is created (from the snapshot) on first use."""
    monkeypatch.setenv("AICYCLE_HOME", str(tmp_path / "home"))
    yield tmp_path / "home"
