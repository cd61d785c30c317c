"""`aicycle refresh --only gpu` goes through the refresh registry and the store lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aicycle import refresh
from aicycle.gpu.providers import base as gpu_base
from aicycle.store import open_store
from tests.gpu_replay import ReplayServer, Reply, serve

VAST = "gpu_prices/api_captures/vastai_bundles_H100SXM_2026-07-15_macrogauge.json"


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    yield from serve()


def test_refresh_gpu_stores_a_snapshot_and_reports_each_provider(
        home: Path, server: ReplayServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gpu_base, "BACKOFF_SECONDS", 0.0)
    monkeypatch.setenv("AICYCLE_VAST_BASE_URL", server.url)
    server.route("/api/v0/bundles/", Reply(200, (data_dir / VAST).read_bytes()))
    with open_store() as s:
        before = s.count("gpu_prices")
    summary = refresh.run(only=["gpu"])
    gpu = summary["sources"]["gpu"]
    assert gpu["ok"] == ["vast.ai"] and not gpu["failed"]
    assert set(gpu["skipped"]) == {"lambda", "runpod", "shadeform"}  # no keys configured
    # the six captured offers, once as on-demand and once as interruptible (both searches replayed)
    assert gpu["changes"]["gpu_prices"]["inserted"] == 12
    with open_store() as s:
        assert s.count("gpu_prices") == before + 12
        assert s.count("gpu_snapshots") >= 1
