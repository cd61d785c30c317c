"""Collect GPU prices from every provider and store a dated snapshot.

Each run writes one `gpu_snapshots` row per provider (status ok | error | skipped-no-key, with the
raw response when ok) and one `gpu_prices` row per offer, so history grows with every refresh.
A provider that fails (HTTP error, timeout, malformed response) is reported and skipped; it never
fails the run.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from aicycle import config
from aicycle.gpu.index import store_index
from aicycle.gpu.providers.base import ERROR, OK, SKIPPED, CollectResult, Provider, offer_rows
from aicycle.store import Store


def default_providers() -> list[Provider]:
    from aicycle.gpu.providers.lambdalabs import LambdaProvider
    from aicycle.gpu.providers.runpod import RunPodProvider
    from aicycle.gpu.providers.shadeform import ShadeformProvider
    from aicycle.gpu.providers.vast import VastProvider

    return [VastProvider(), LambdaProvider(), RunPodProvider(), ShadeformProvider()]


def collect_one(provider: Provider, client: httpx.Client) -> CollectResult:
    if provider.requires_key and not provider.has_key():
        return CollectResult(provider=provider.name, status=SKIPPED, detail="no API key configured")
    try:
        return provider.collect(client)
    except Exception as exc:  # noqa: BLE001 - one provider's failure, whatever it is, must not fail the run
        return CollectResult(provider=provider.name, status=ERROR, detail=f"{type(exc).__name__}: {exc}")


def collect_all(providers: Sequence[Provider], client: httpx.Client) -> list[CollectResult]:
    """Every provider in parallel (a slow one does not delay the others), results in input order."""
    with ThreadPoolExecutor(max_workers=max(1, len(providers))) as pool:
        return list(pool.map(lambda p: collect_one(p, client), providers))


def refresh_gpu(store: Store, providers: Sequence[Provider] | None = None, client: httpx.Client | None = None,
                now: dt.datetime | None = None) -> dict[str, Any]:
    """Collect, store a snapshot, return a summary with every provider's status."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    providers = list(providers) if providers is not None else default_providers()
    own_client = client is None
    client = client or httpx.Client(timeout=config.float_setting("http_timeout"),
                                    headers={"User-Agent": "aicycle (GPU price index)"})
    try:
        results = collect_all(providers, client)
    finally:
        if own_client:
            client.close()
    snapshot_id = f"gpu-{now:%Y%m%dT%H%M%SZ}"
    snaps, rows = [], []
    for r in results:
        snaps.append({"snapshot_id": snapshot_id, "provider": r.provider, "fetched_at": now, "status": r.status,
                      "detail": r.detail, "url": r.url, "n_offers": len(r.offers),
                      "raw": json.dumps(r.raw) if r.status == OK else None})
        if r.status == OK:
            rows += offer_rows(r, now, snapshot_id, source=f"{r.provider} api")
    store.upsert("gpu_snapshots", snaps)
    inserted, changed = store.upsert("gpu_prices", rows)
    index = store_index(store)
    return {
        "snapshot_id": snapshot_id, "fetched_at": now.isoformat(), "rows_inserted": inserted,
        "rows_changed": changed, "index_points": index["points"],
        "providers": [{"provider": r.provider, "status": r.status, "detail": r.detail, "offers": len(r.offers),
                       "rejected": r.rejected, "unknown": r.unknown} for r in results],
    }
