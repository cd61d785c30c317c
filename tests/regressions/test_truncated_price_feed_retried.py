"""Regression: a price-feed response cut off mid-body (a 200 with half the JSON) was not retried:
the ticker failed at once. It is retried like a 503 now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import pytest

from aicycle.market import chart

DATA = Path(__file__).resolve().parents[1] / "data" / "yahoo_chart"


def test_a_truncated_body_is_fetched_again(monkeypatch: pytest.MonkeyPatch) -> None:
    body = (DATA / "MU_2026-05-01_2026-07-02.json").read_bytes()
    calls: list[int] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(200, content=body[: len(body) // 2] if len(calls) == 1 else body)

    monkeypatch.setattr(chart, "RETRY_WAIT", 0.0)
    with httpx.Client(transport=httpx.MockTransport(answer)) as client:
        payload = chart.fetch_chart(client, "http://127.0.0.1", "MU", dt.date(2026, 5, 1), dt.date(2026, 7, 2))
    assert len(calls) == 2 and payload["chart"]["result"]
