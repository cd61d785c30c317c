"""RunPod prices (needs a key), from its GraphQL API: `POST {base}/graphql?api_key=KEY`.

`gpuTypes { id displayName memoryInGb securePrice communityPrice secureSpotPrice communitySpotPrice }`
gives the hourly price **per GPU** (API_NOTES.md: runpod-sdk GpuInfo). Secure Cloud runs in RunPod's
own data centres, so its prices are list prices (family cloud_list); Community Cloud machines belong
to third-party hosts (family marketplace). Spot prices are kept as term spot.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx

from aicycle.gpu.providers.base import OK, CollectResult, ConfiguredProvider, Offer, number, request_json
from aicycle.gpu.skus import UNKNOWN, normalize

NAME = "runpod"
QUERY = ("query GpuTypes { gpuTypes { id displayName memoryInGb securePrice communityPrice "
         "secureSpotPrice communitySpotPrice } }")
# field → (term, family)
PRICE_FIELDS = {
    "securePrice": ("on_demand", "cloud_list"),
    "communityPrice": ("on_demand", "marketplace"),
    "secureSpotPrice": ("spot", "cloud_list"),
    "communitySpotPrice": ("spot", "marketplace"),
}


def parse_gpu_types(payload: Any) -> tuple[list[Offer], int, Counter[str]]:
    types = payload.get("data", {}).get("gpuTypes") if isinstance(payload, dict) else None
    if not isinstance(types, list):
        errors = payload.get("errors") if isinstance(payload, dict) else None
        raise ValueError(f"runpod: response has no data.gpuTypes list{f': {errors}' if errors else ''}")
    offers: list[Offer] = []
    rejected = 0
    unknown: Counter[str] = Counter()
    for gpu in types:
        found = _offers(gpu) if isinstance(gpu, dict) else []
        if not found:
            rejected += 1
            continue
        if found[0].sku == UNKNOWN:
            unknown[found[0].raw_name] += 1
        offers += found
    return offers, rejected, unknown


def _offers(gpu: dict[str, Any]) -> list[Offer]:
    name = gpu.get("displayName") or gpu.get("id")
    if not isinstance(name, str) or not name:
        return []
    memory = number(gpu.get("memoryInGb"))
    sku = normalize(name, memory)
    out = []
    for field, (term, family) in PRICE_FIELDS.items():
        price = number(gpu.get(field))
        if price is not None:
            out.append(Offer(provider=NAME, raw_name=name, sku=sku, term=term, family=family,
                             price_usd_per_gpu_hour=price, gpu_count=1, offer_id=f"{gpu.get('id')}:{field}",
                             method=f"{field} (already per GPU-hour)"))
    return out


class RunPodProvider(ConfiguredProvider):
    name = NAME
    requires_key = True
    setting = "runpod"

    def collect(self, client: httpx.Client) -> CollectResult:
        url = f"{self.base_url}/graphql"
        # RunPod's GraphQL docs pass the key as the `api_key` query parameter (never echoed in errors).
        payload = request_json(client, "POST", url, NAME, json={"query": QUERY}, params={"api_key": self.api_key})
        offers, rejected, unknown = parse_gpu_types(payload)
        return CollectResult(provider=NAME, status=OK, url=url, offers=offers, raw=payload,
                             rejected=rejected, unknown=dict(unknown),
                             detail=f"{len(offers)} prices, {rejected} malformed GPU types dropped")
