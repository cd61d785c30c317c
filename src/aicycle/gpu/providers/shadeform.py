"""Shadeform (needs a key): many clouds' list prices through one API.

`GET {base}/v1/instances/types` with header `X-API-KEY` returns `{"instance_types": [...]}`;
`hourly_price` is **cents per hour for the instance type** (docs example: 210 → $2.10/h), so the
price per GPU-hour is `hourly_price / 100 / configuration.num_gpus` (API_NOTES.md). Each row's
provider is the cloud behind it ("shadeform:hyperstack"), family cloud_list, term on_demand.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx

from aicycle.gpu.providers.base import CollectResult, ConfiguredProvider, Offer, number
from aicycle.gpu.skus import UNKNOWN, normalize

NAME = "shadeform"


def parse_instance_types(payload: Any) -> tuple[list[Offer], int, Counter[str]]:
    if not isinstance(payload, dict) or not isinstance(payload.get("instance_types"), list):
        raise ValueError("shadeform: response has no 'instance_types' list")
    offers: list[Offer] = []
    rejected = 0
    unknown: Counter[str] = Counter()
    for item in payload["instance_types"]:
        offer = _offer(item) if isinstance(item, dict) else None
        if offer is None:
            rejected += 1
            continue
        if offer.sku == UNKNOWN:
            unknown[offer.raw_name] += 1
        offers.append(offer)
    return offers, rejected, unknown


def sku_of(gpu_type: str, interconnect: str | None, memory_gb: float | None) -> str:
    """The form-qualified name first ("A100 pcie"), then the bare GPU type."""
    if interconnect:
        sku = normalize(f"{gpu_type} {interconnect}", memory_gb)
        if sku != UNKNOWN:
            return sku
    return normalize(gpu_type, memory_gb)


def _offer(item: dict[str, Any]) -> Offer | None:
    conf = item.get("configuration")
    if not isinstance(conf, dict):
        return None
    gpu_type, gpus, cents = conf.get("gpu_type"), conf.get("num_gpus"), number(item.get("hourly_price"))
    cloud = item.get("cloud")
    if not isinstance(gpu_type, str) or not gpu_type or isinstance(gpus, bool) or not isinstance(gpus, int) \
            or gpus < 1 or cents is None or not isinstance(cloud, str):
        return None
    interconnect = conf.get("interconnect") if isinstance(conf.get("interconnect"), str) else None
    memory = number(conf.get("vram_per_gpu_in_gb"))
    raw = " ".join(str(x) for x in (gpu_type, f"{memory:g}GB" if memory else None, interconnect) if x)
    return Offer(
        provider=f"{NAME}:{cloud}", raw_name=raw, sku=sku_of(gpu_type, interconnect, memory),
        term="on_demand", family="cloud_list", price_usd_per_gpu_hour=cents / 100 / gpus, gpu_count=gpus,
        offer_id=f"{cloud}:{item.get('cloud_instance_type') or item.get('shade_instance_type')}",
        method=f"hourly_price / 100 / configuration.num_gpus ({cents:g} / 100 / {gpus})",
    )


class ShadeformProvider(ConfiguredProvider):
    name = NAME
    requires_key = True
    setting = "shadeform"

    def collect(self, client: httpx.Client) -> CollectResult:
        url = f"{self.base_url}/v1/instances/types"
        return self.collect_instance_types(client, url, {"X-API-KEY": self.api_key or ""}, parse_instance_types)
