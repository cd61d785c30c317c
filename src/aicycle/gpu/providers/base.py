"""What every GPU-price source shares: the vocabulary, the offer, the collector interface, the row.

A collector is one module per provider (`gpu_vast`, `gpu_lambda`, `gpu_runpod`, `gpu_shadeform`)
exposing a class that satisfies `Provider`: a name, whether it needs a key, and
`collect(client) -> CollectResult`. Collectors never raise for a provider's failure: the refresh
(`aicycle.gpu.refresh`) catches anything, so one failing provider never fails the run.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from aicycle import config
from aicycle.errors import DataError
from aicycle.store import fact_key

if TYPE_CHECKING:  # httpx costs ~80 ms to import; offline reads never touch it
    import httpx

FAMILIES = ("marketplace", "cloud_list", "index")
TERMS = ("on_demand", "spot", "reserved")
# Quote-level rows feed the computed index; every other stat is a level someone else published.
QUOTE_STATS = ("offer", "provider_min", "provider_rate", "from_price")

OK, ERROR, SKIPPED = "ok", "error", "skipped-no-key"
RETRY_STATUS = {429, 500, 502, 503, 504}
BACKOFF_SECONDS = 0.5  # first retry delay; doubles per attempt


@dataclass(frozen=True)
class Offer:
    """One priced GPU offer, already normalized to USD per GPU-hour."""

    provider: str          # who sets the price: "vast.ai", "lambda", "shadeform:hyperstack", ...
    raw_name: str
    sku: str
    term: str              # on_demand | spot | reserved
    family: str            # marketplace | cloud_list
    price_usd_per_gpu_hour: float
    gpu_count: int
    offer_id: str | None = None
    region: str | None = None
    method: str = ""       # how the per-GPU price was obtained


@dataclass
class CollectResult:
    provider: str
    status: str                       # ok | error | skipped-no-key
    detail: str = ""
    url: str | None = None
    offers: list[Offer] = field(default_factory=list)
    raw: Any = None                   # the response as received, stored in gpu_snapshots
    rejected: int = 0                 # malformed offers dropped
    unknown: dict[str, int] = field(default_factory=dict)  # GPU names not in the alias table


class Provider(Protocol):
    name: str
    requires_key: bool

    def has_key(self) -> bool: ...

    def collect(self, client: httpx.Client) -> CollectResult: ...


class ConfiguredProvider:
    """Base URL and key read from the settings `<setting>_base_url` and `<setting>_api_key`."""

    name: str
    requires_key: bool
    setting: str

    def __init__(self, base_url: str | None = None, api_key: str | None = None) -> None:
        self.base_url = (base_url or config.get(f"{self.setting}_base_url") or "").rstrip("/")
        self.api_key = api_key if api_key is not None else config.get(f"{self.setting}_api_key")

    def has_key(self) -> bool:
        return bool(self.api_key)

    def collect_instance_types(self, client: httpx.Client, url: str, headers: dict[str, str],
                               parse: Callable[[Any], tuple[list[Offer], int, Counter[str]]]) -> CollectResult:
        """GET a cloud's list of instance types and parse it into per-GPU offers (Lambda, Shadeform)."""
        payload = request_json(client, "GET", url, self.name, headers=headers)
        offers, rejected, unknown = parse(payload)
        return CollectResult(provider=self.name, status=OK, url=url, offers=offers, raw=payload,
                             rejected=rejected, unknown=dict(unknown),
                             detail=f"{len(offers)} instance types, {rejected} malformed dropped")


def request_json(client: httpx.Client, method: str, url: str, provider: str, **kwargs: Any) -> Any:
    """One JSON request with retries on 429, 5xx and timeouts; DataError names what failed."""
    import httpx

    attempts = max(1, int(config.float_setting("http_retries")))
    last = ""
    for attempt in range(attempts):
        if attempt:
            time.sleep(BACKOFF_SECONDS * 2 ** (attempt - 1))
        try:
            resp = client.request(method, url, **kwargs)
        except httpx.TimeoutException:
            last = "timed out"
            continue
        except httpx.HTTPError as exc:
            raise DataError(f"{provider}: {url}: {exc}") from exc
        if resp.status_code in RETRY_STATUS:
            last = f"HTTP {resp.status_code}"
            continue
        if resp.status_code >= 400:
            raise DataError(f"{provider}: {url}: HTTP {resp.status_code}: {_gist(resp.text)}")
        try:
            return resp.json()
        except ValueError as exc:
            raise DataError(f"{provider}: {url}: response is not JSON ({len(resp.content)} bytes)") from exc
    raise DataError(f"{provider}: {url}: {last} after {attempts} attempt(s)")


def _gist(body: str, limit: int = 160) -> str:
    """An error body as one short line: an HTML error page becomes its visible words."""
    text = re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", body, flags=re.S | re.I)
    text = " ".join(html.unescape(text).split())
    return (text[:limit - 3] + "...") if len(text) > limit else (text or "(empty body)")


def number(value: Any) -> float | None:
    """A positive finite float, or None (rejects strings, bools, NaN, zero and negatives)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    v = float(value)
    return v if v > 0 and v == v and v != float("inf") else None


def price_row(*, observed_at: dt.datetime, sku: str, raw_name: str | None, term: str, family: str,
              provider: str, price: float, stat: str, source: str, kind: str, method: str,
              url: str | None = None, filed: dt.date | None = None, fetched_at: dt.datetime | None = None,
              snapshot_id: str | None = None, n_offers: int | None = None, gpu_count: int | None = None,
              offer_id: str | None = None, region: str | None = None, flag: str | None = None) -> dict[str, Any]:
    """A gpu_prices row with every provenance column; the key makes re-imports idempotent."""
    if term not in TERMS or family not in FAMILIES:
        raise ValueError(f"bad term/family {term!r}/{family!r}")
    key = fact_key(source, provider, family, term, stat, sku, raw_name, observed_at.isoformat(),
                   offer_id, region)
    return {
        "price_key": key, "observed_at": observed_at, "observed_on": observed_at.date(), "sku": sku,
        "raw_name": raw_name, "term": term, "family": family, "provider": provider,
        "price_usd_per_gpu_hour": round(price, 6), "stat": stat, "n_offers": n_offers,
        "gpu_count": gpu_count, "offer_id": offer_id, "region": region, "snapshot_id": snapshot_id,
        "kind": kind, "method": method, "source": source, "url": url,
        "filed": filed or observed_at.date(), "fetched_at": fetched_at, "flag": flag,
    }


def offer_rows(result: CollectResult, observed_at: dt.datetime, snapshot_id: str,
               source: str) -> list[dict[str, Any]]:
    """gpu_prices rows of one provider's collected offers."""
    return [
        price_row(observed_at=observed_at, sku=o.sku, raw_name=o.raw_name, term=o.term, family=o.family,
                  provider=o.provider, price=o.price_usd_per_gpu_hour, stat="offer", source=source,
                  kind="derived" if o.gpu_count != 1 else "reported", method=o.method, url=result.url,
                  fetched_at=observed_at, snapshot_id=snapshot_id, gpu_count=o.gpu_count,
                  offer_id=o.offer_id, region=o.region)
        for o in result.offers
    ]
