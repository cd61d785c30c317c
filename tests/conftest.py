"""Shared fixtures. No test touches the network: sockets to anything but loopback are refused."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
REPO = Path(__file__).resolve().parents[1]


def _shared_dir() -> Path:
    for candidate in (SHARED, REPO / ".." / "shared" / "data"):
        if candidate.exists():
            return candidate.resolve()
    raise RuntimeError("shared/data not found beside the repository")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return _shared_dir()


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
