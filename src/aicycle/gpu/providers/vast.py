"""vast.ai public offer search: a marketplace where hosts set the price of whole machines.

The official CLI (vast-python `vast.py` @ b25bd952, API_NOTES.md) POSTs the JSON query to
`{base}/api/v0/bundles/` on console.vast.ai and reads `{"offers": [...]}`; so does this collector.
`dph_total` is dollars per hour for the whole offer, so the price per GPU-hour is
`dph_total / num_gpus`; an interruptible ("bid") offer's floor is `min_bid` for the machine, divided
the same way. No key is needed for search; one is sent when configured.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx

from aicycle.gpu.providers.base import OK, CollectResult, ConfiguredProvider, Offer, number, request_json
from aicycle.gpu.skus import UNKNOWN, normalize

NAME = "vast.ai"
# Query type → (term, price field). "bid" is what the vast CLI calls interruptible.
TERMS = {"on-demand": ("on_demand", "dph_total"), "bid": ("spot", "min_bid")}
BASE_QUERY = {"verified": {"eq": True}, "rentable": {"eq": True}, "rented": {"eq": False},
              "external": {"eq": False}, "order": [["dph_total", "asc"]], "limit": 1000}


def query(query_type: str) -> dict[str, Any]:
    return {**BASE_QUERY, "type": query_type}


def parse_offers(payload: Any, query_type: str = "on-demand") -> tuple[list[Offer], int, Counter[str]]:
    """Offers from a bundles response; malformed offers are counted as rejected, not guessed."""
    if not isinstance(payload, dict) or not isinstance(payload.get("offers"), list):
        raise ValueError("vast.ai: response has no 'offers' list")
    term, field = TERMS[query_type]
    offers: list[Offer] = []
    rejected = 0
    unknown: Counter[str] = Counter()
    for raw in payload["offers"]:
        offer = _offer(raw, term, field) if isinstance(raw, dict) else None
        if offer is None:
            rejected += 1
            continue
        if offer.sku == UNKNOWN:
            unknown[offer.raw_name] += 1
        offers.append(offer)
    return offers, rejected, unknown


def _offer(raw: dict[str, Any], term: str, field: str) -> Offer | None:
    name, gpus, price = raw.get("gpu_name"), raw.get("num_gpus"), number(raw.get(field))
    if not isinstance(name, str) or not name or isinstance(gpus, bool) or not isinstance(gpus, int) \
            or gpus < 1 or price is None:
        return None
    ram = number(raw.get("gpu_ram"))  # MB per GPU
    return Offer(
        provider=NAME, raw_name=name, sku=normalize(name, ram / 1024 if ram else None), term=term,
        family="marketplace", price_usd_per_gpu_hour=price / gpus, gpu_count=gpus,
        offer_id=str(raw.get("id")) if raw.get("id") is not None else None,
        region=raw.get("geolocation") if isinstance(raw.get("geolocation"), str) else None,
        method=f"{field} / num_gpus ({field}={price:g}, num_gpus={gpus})",
    )


class VastProvider(ConfiguredProvider):
    name = NAME
    requires_key = False
    setting = "vast"

    def collect(self, client: httpx.Client) -> CollectResult:
        url = f"{self.base_url}/api/v0/bundles/"
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        result = CollectResult(provider=NAME, status=OK, url=url, raw={})
        unknown: Counter[str] = Counter()
        for query_type in TERMS:
            payload = request_json(client, "POST", url, NAME, headers=headers, json=query(query_type))
            try:
                offers, rejected, unk = parse_offers(payload, query_type)
            except ValueError as exc:
                raise ValueError(f"{exc} ({query_type} query)") from None
            result.raw[query_type] = payload
            result.offers += offers
            result.rejected += rejected
            unknown += unk
        result.unknown = dict(unknown)
        result.detail = f"{len(result.offers)} offers, {result.rejected} malformed dropped"
        return result
