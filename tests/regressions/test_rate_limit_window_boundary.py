"""Regression: with spacing of exactly 1/rate, rate + 1 requests spanned exactly one second, and
network jitter put six requests inside one second at a rate of five. The limiter now keeps a margin."""

from __future__ import annotations

from aicycle.sec.client import RateLimiter


def test_rate_plus_one_requests_take_more_than_a_second() -> None:
    limiter = RateLimiter(10.0)
    for _ in range(11):
        limiter.acquire()
    assert limiter.sent[-1] - limiter.sent[0] > 1.0
