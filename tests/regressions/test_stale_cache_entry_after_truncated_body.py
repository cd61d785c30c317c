"""Regression: a truncated 200 response was stored by the HTTP cache, and the retry (a conditional
request) got 304 and the same broken body back. The entry is now dropped before retrying."""

from __future__ import annotations

from pathlib import Path

from aicycle.sec.client import SecClient, SecConfig
from tests.replay_server import ReplayServer


def test_retry_after_truncation_gets_the_full_body(data_dir: Path, tmp_path: Path) -> None:
    body = (data_dir / "edgar" / "submissions" / "CIK0001045810.json").read_bytes()
    with ReplayServer({"/s.json": body}) as server:
        server.script("/s.json", ["truncate", "ok"])
        cfg = SecConfig(user_agent="t t@example.com", base_url=server.url, backoff=0.01,
                        cache_path=tmp_path / "cache.sqlite")
        with SecClient(cfg) as client:
            raw, parsed = client.get_json("/s.json")
        assert raw == body and parsed["cik"] == "0001045810" or int(parsed["cik"]) == 1045810
        assert [h.status for h in server.hits("/s.json")] == [200, 200]
