"""Live daily prices from a Yahoo-v8-chart-style API (the format yfinance reads), behind one seam.

GET {prices_base_url}/v8/finance/chart/{symbol}?period1=..&period2=..&interval=1d&events=div,split
returns {"chart": {"result": [{"meta", "timestamp", "indicators": {"quote": [...], "adjclose": [...]}}],
"error": null}}. Bars are dated in the exchange's time zone (meta.gmtoffset). A bar whose regular
session has not closed when fetched is intraday and is dropped (it would be a wrong close).

Everything lands in the `yahoo_chart` series: quotes as open..close, the API's own adjusted close as
adj_close, so one return series never mixes sources. One failing ticker does not fail the refresh.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import tenacity

from aicycle import config
from aicycle.errors import DataError

if TYPE_CHECKING:  # httpx costs ~80 ms to import; offline reads never touch it
    import httpx

SERIES = "yahoo_chart"
RETRY_WAIT = 0.5  # seconds, doubled per attempt; tests set it to 0
_RETRY_STATUS = {429, 500, 502, 503, 504}


class _Retryable(Exception):
    pass


def chart_url(base_url: str, ticker: str) -> str:
    return f"{base_url.rstrip('/')}/v8/finance/chart/{ticker}"


def fetch_chart(client: httpx.Client, base_url: str, ticker: str, start: dt.date, end: dt.date) -> dict[str, Any]:
    """The decoded chart response, retrying 429/5xx/timeouts with exponential backoff."""
    import httpx

    params = {"period1": str(_epoch(start)), "period2": str(_epoch(end + dt.timedelta(days=1))),
              "interval": "1d", "events": "div,split", "includeAdjustedClose": "true"}
    attempts = max(1, int(config.float_setting("http_retries")))

    @tenacity.retry(stop=tenacity.stop_after_attempt(attempts), reraise=True,
                    wait=tenacity.wait_exponential(multiplier=RETRY_WAIT, max=30),
                    retry=tenacity.retry_if_exception_type(_Retryable))
    def once() -> dict[str, Any]:
        try:
            resp = client.get(chart_url(base_url, ticker), params=params)
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise _Retryable(f"{type(exc).__name__}: {exc}") from exc
        if resp.status_code in _RETRY_STATUS:
            raise _Retryable(f"HTTP {resp.status_code}")
        if resp.status_code != 200:
            raise DataError(f"{ticker}: chart API answered HTTP {resp.status_code}")
        try:
            return json.loads(resp.content)
        except ValueError:  # a body cut off on the way is worth another try
            raise _Retryable(f"truncated or invalid JSON ({len(resp.content)} bytes)") from None

    try:
        return once()
    except _Retryable as exc:
        raise DataError(f"{ticker}: chart API failed after {attempts} attempts: {exc}") from None


def parse_chart(payload: dict[str, Any], ticker: str, now: dt.datetime | None = None) -> list[dict[str, Any]]:
    """Daily bars (date in exchange time, OHLCV, adjclose) from one chart response."""
    chart = payload.get("chart") if isinstance(payload, dict) else None
    if not isinstance(chart, dict):
        raise DataError(f"{ticker}: not a chart response (no 'chart' object)")
    if chart.get("error"):
        err = chart["error"]
        raise DataError(f"{ticker}: chart API error: {err.get('code')}: {err.get('description')}"
                        if isinstance(err, dict) else f"{ticker}: chart API error: {err}")
    results = chart.get("result") or []
    if not results:
        return []
    res = results[0]
    meta = res.get("meta") or {}
    stamps = res.get("timestamp") or []
    ind = res.get("indicators") or {}
    quote = (ind.get("quote") or [{}])[0]
    adj = ((ind.get("adjclose") or [{}])[0] or {}).get("adjclose")
    offset = int(meta.get("gmtoffset") or 0)
    bars = []
    for i, ts in enumerate(stamps):
        close = _at(quote.get("close"), i)
        if close is None:
            continue  # Yahoo sends null bars for halted or not-yet-priced days
        bars.append({"date": dt.datetime.fromtimestamp(ts + offset, dt.UTC).date(), "ts": ts,
                     "open": _at(quote.get("open"), i), "high": _at(quote.get("high"), i),
                     "low": _at(quote.get("low"), i), "close": close,
                     "volume": _at(quote.get("volume"), i), "adj_close": _at(adj, i) if adj else None})
    regular = (meta.get("currentTradingPeriod") or {}).get("regular") or {}
    now_ts = (now or dt.datetime.now(dt.UTC)).timestamp()
    if bars and regular.get("end") and bars[-1]["ts"] >= regular.get("start", 0) and now_ts < regular["end"]:
        bars.pop()  # the session is still open: this close is a live price
    return bars


def _at(values: Sequence[Any] | None, i: int) -> float | None:
    if not values or i >= len(values) or values[i] is None:
        return None
    return float(values[i])


def _epoch(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
