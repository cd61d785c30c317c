"""HTTP client for SEC data (companyfacts, submissions, archived filings): identity, throttle,
cache, retries.

- The SEC asks every client to name itself: the User-Agent comes from AICYCLE_SEC_USER_AGENT and we
  refuse to run without it (we never make one up).
- At most `sec_rate` (≤ 10) requests per second, counted at the network: the throttle sits below the
  HTTP cache, so answers served from the cache cost nothing.
- The data API (data.sec.gov) and the filing archives (www.sec.gov/Archives) are two hosts but one
  client: one User-Agent, one throttle, one cache, since the SEC's limit counts every request.
- HTTP caching with hishel (RFC 9111 mode, SQLite storage in the aicycle home): a repeated refresh
  revalidates with ETag / Last-Modified and gets 304s instead of megabytes.
- Retries with exponential backoff on 429, 5xx, timeouts and broken connections, honouring
  Retry-After; a body that is not valid JSON (truncated) is fetched again bypassing the cache, then
  reported as a DataError.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hishel
import httpx
import tenacity
from hishel.httpx import CacheTransport

from aicycle import config
from aicycle.errors import ConfigError, DataError

MAX_RATE = 10.0
RETRY_STATUSES = {429, 500, 502, 503, 504}


class RateLimiter:
    """Spacing of at least 1/rate seconds between requests (no bursts: never more than `rate` in
    any one-second window)."""

    def __init__(self, rate: float) -> None:
        # 3% margin: with exact spacing, rate + 1 requests span exactly one second and network
        # jitter can put them inside one window.
        self.interval = 1.03 / min(max(rate, 0.1), MAX_RATE)
        self._next = 0.0
        self._lock = threading.Lock()
        self.sent: list[float] = []  # monotonic send times, for tests and the summary

    def acquire(self) -> None:
        with self._lock:
            now = time.monotonic()
            wait = self._next - now
            if wait > 0:
                time.sleep(wait)
                now = time.monotonic()
            self._next = now + self.interval
            self.sent.append(now)


class ThrottledTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, limiter: RateLimiter) -> None:
        self.inner = inner
        self.limiter = limiter

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.limiter.acquire()
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class RetryableStatus(Exception):
    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


class TruncatedBody(Exception):
    pass


@dataclass
class SecConfig:
    user_agent: str
    base_url: str = "https://data.sec.gov"
    archives_url: str = "https://www.sec.gov"
    rate: float = 8.0
    timeout: float = 20.0
    attempts: int = 4
    backoff: float = 1.0  # first wait in seconds; doubles per attempt (capped at 30)
    cache_path: Path | None = None  # None: no HTTP cache
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls) -> SecConfig:
        agent = config.get("sec_user_agent")
        if not agent or "@" not in agent:
            raise ConfigError(
                "the SEC requires a User-Agent that names you and gives an e-mail address; set it with "
                "export AICYCLE_SEC_USER_AGENT='Your Name you@example.com'")
        return cls(user_agent=agent, base_url=str(config.get("sec_base_url")).rstrip("/"),
                   archives_url=str(config.get("sec_archives_url")).rstrip("/"),
                   rate=min(config.float_setting("sec_rate"), MAX_RATE),
                   timeout=config.float_setting("http_timeout"),
                   attempts=max(1, int(config.float_setting("http_retries"))),
                   cache_path=config.cache_dir() / "sec.sqlite")


def _retry_after(response: httpx.Response) -> float | None:
    raw = response.headers.get("Retry-After")
    try:
        return min(float(raw), 120.0) if raw is not None else None
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff


class SecClient:
    def __init__(self, cfg: SecConfig, transport: httpx.BaseTransport | None = None) -> None:
        self.cfg = cfg
        self.limiter = RateLimiter(cfg.rate)
        network = ThrottledTransport(transport or httpx.HTTPTransport(), self.limiter)
        chain: httpx.BaseTransport = network
        self.storage: hishel.SqliteStorage | None = None
        if cfg.cache_path is not None:
            cfg.cache_path.parent.mkdir(parents=True, exist_ok=True)
            self.storage = hishel.SqliteStorage(database_path=str(cfg.cache_path))
            chain = CacheTransport(next_transport=network, storage=self.storage, rfc=True)
        self.http = httpx.Client(base_url=cfg.base_url, transport=chain, timeout=cfg.timeout,
                                 headers={"User-Agent": cfg.user_agent, "Accept-Encoding": "gzip, deflate"})
        self.attempts_made = 0

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SecClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def companyfacts_path(self, cik: int | str) -> str:
        return f"/api/xbrl/companyfacts/CIK{int(cik):010d}.json"

    def submissions_path(self, cik: int | str) -> str:
        return f"/submissions/CIK{int(cik):010d}.json"

    def filing_url(self, cik: int | str, accession: str, name: str) -> str:
        """Absolute URL of a file in a filing's archive folder (CIK unpadded, accession without dashes)."""
        return f"{self.cfg.archives_url}/Archives/edgar/data/{int(cik)}/{accession.replace('-', '')}/{name}"

    def get_json(self, path: str) -> tuple[bytes, Any]:
        """GET a JSON document; returns (raw body, parsed). Raises DataError after the last attempt."""
        return self._get(path, _parse_json)

    def get_document(self, url: str, complete: Callable[[bytes], bool] | None = None) -> bytes:
        """GET a filing document (absolute URL or path). `complete(body)` says whether the body is
        whole; one that is not is fetched again like a truncated JSON body."""
        def check(body: bytes) -> bytes:
            if complete is not None and not complete(body):
                raise TruncatedBody(f"document is incomplete ({len(body):,} bytes; truncated?)")
            return body
        return self._get(url, check)

    def _get(self, path: str, parse: Callable[[bytes], Any]) -> Any:
        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.cfg.attempts),
            wait=self._wait,
            retry=tenacity.retry_if_exception_type(
                (RetryableStatus, TruncatedBody, httpx.TimeoutException, httpx.TransportError)),
            reraise=True,
        )
        where = path if "://" in path else f"{self.cfg.base_url}{path}"
        try:
            for attempt in retrying:
                with attempt:
                    fresh = attempt.retry_state.attempt_number > 1
                    return self._get_once(path, where, fresh, parse)
        except RetryableStatus as exc:
            raise DataError(f"{where}: HTTP {exc.status} after {self.cfg.attempts} attempts") from None
        except TruncatedBody as exc:
            raise DataError(f"{where}: {exc} after {self.cfg.attempts} attempts") from None
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise DataError(f"{where}: {type(exc).__name__} after {self.cfg.attempts} "
                            f"attempts ({exc})") from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _get_once(self, path: str, where: str, fresh: bool, parse: Callable[[bytes], Any]) -> Any:
        self.attempts_made += 1
        if fresh:
            self._forget(path)  # after a failure the stored entry may be the broken body
        # A refresh always revalidates (no-cache): unchanged documents come back as 304, not bodies.
        response = self.http.get(path, headers={"Cache-Control": "no-cache"})
        if response.status_code in RETRY_STATUSES:
            raise RetryableStatus(response.status_code, _retry_after(response))
        if response.status_code != 200:
            raise DataError(f"{where}: HTTP {response.status_code}")
        try:
            return parse(response.content)
        except TruncatedBody:
            self._forget(path)
            raise

    def _forget(self, path: str) -> None:
        """Drop the cached entry for a URL (hishel keys RFC-mode entries by sha256 of 'RFC <url>')."""
        if self.storage is None:
            return
        url = self.http.build_request("GET", path).url
        key = hashlib.sha256(f"RFC {url}".encode()).hexdigest()
        for entry in self.storage.get_entries(key):
            self.storage.remove_entry(entry.id)

    def _wait(self, state: tenacity.RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, RetryableStatus) and exc.retry_after is not None:
            return exc.retry_after
        return min(self.cfg.backoff * 2 ** (state.attempt_number - 1), 30.0)


def _parse_json(body: bytes) -> tuple[bytes, Any]:
    try:
        return body, json.loads(body)
    except json.JSONDecodeError:
        raise TruncatedBody(f"body is not valid JSON ({len(body):,} bytes; truncated?)") from None
