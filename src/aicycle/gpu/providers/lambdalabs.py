"""Lambda Cloud list prices (needs a key): `GET {base}/api/v1/instance-types`.

The response is `{"data": {<type name>: {"instance_type": {"name", "gpu_description",
"price_cents_per_hour", "specs": {"gpus", ...}}, "regions_with_capacity_available": [...]}}}`
(API_NOTES.md). The price is integer cents per hour for the whole instance, so the price per
GPU-hour is `price_cents_per_hour / 100 / specs.gpus`. The GPU name comes from the type name
("gpu_8x_h100_sxm5" → "h100 sxm5") through the alias table.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import httpx

from aicycle.gpu.providers.base import CollectResult, ConfiguredProvider, Offer, number
from aicycle.gpu.skus import UNKNOWN, normalize

NAME = "lambda"


def gpu_name(type_name: str) -> str:
    return re.sub(r"^gpu_\d+x_", "", type_name)


def parse_instance_types(payload: Any) -> tuple[list[Offer], int, Counter[str]]:
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
        raise ValueError("lambda: response has no 'data' object")
    offers: list[Offer] = []
    rejected = 0
    unknown: Counter[str] = Counter()
    for key, entry in payload["data"].items():
        offer = _offer(key, entry) if isinstance(entry, dict) else None
        if offer is None:
            rejected += 1
            continue
        if offer.sku == UNKNOWN:
            unknown[offer.raw_name] += 1
        offers.append(offer)
    return offers, rejected, unknown


def _offer(key: str, entry: dict[str, Any]) -> Offer | None:
    it = entry.get("instance_type")
    if not isinstance(it, dict):
        return None
    cents = number(it.get("price_cents_per_hour"))
    specs = it.get("specs")
    gpus = specs.get("gpus") if isinstance(specs, dict) else None
    if cents is None or isinstance(gpus, bool) or not isinstance(gpus, int) or gpus < 1:
        return None
    name = gpu_name(str(it.get("name") or key))
    regions = entry.get("regions_with_capacity_available")
    return Offer(
        provider=NAME, raw_name=name, sku=normalize(name), term="on_demand", family="cloud_list",
        price_usd_per_gpu_hour=cents / 100 / gpus, gpu_count=gpus, offer_id=str(it.get("name") or key),
        region=f"{len(regions)} regions with capacity" if isinstance(regions, list) else None,
        method=f"price_cents_per_hour / 100 / specs.gpus ({cents:g} / 100 / {gpus})",
    )


class LambdaProvider(ConfiguredProvider):
    name = NAME
    requires_key = True
    setting = "lambda"

    def collect(self, client: httpx.Client) -> CollectResult:
        url = f"{self.base_url}/api/v1/instance-types"
        headers = {"Authorization": f"Bearer {self.api_key}"}
        return self.collect_instance_types(client, url, headers, parse_instance_types)
