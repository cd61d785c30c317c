"""Real provider responses captured by others (data/gpu_prices/api_captures), loaded as dated data.

- vast.ai `/api/v0/bundles/` response for "H100 SXM", fetched 2026-07-15: parsed by the same code as
  the live collector (`gpu_vast.parse_offers`) and stored both raw (gpu_snapshots) and normalized.
- sfcompute.com home page trimmed to its `pricesByHardwareType` payload (fetched 2026-07-15): the
  daily average H100 market price. SF Compute sells GPU time in blocks bought ahead, so its prices are
  term `reserved`, family marketplace. A day whose average is 0 has no price (no trades): skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from aicycle.gpu.providers.base import OK, CollectResult, offer_rows, price_row
from aicycle.gpu.providers.vast import NAME as VAST
from aicycle.gpu.providers.vast import parse_offers
from aicycle.gpu.skus import Normalizer
from aicycle.store import Store

CAPTURES = Path("gpu_prices/api_captures")
VAST_FILE = "vastai_bundles_H100SXM_2026-07-15_macrogauge.json"
SFC_FILE = "sfcompute_homepage_prices_2026-07-15_trimmed_macrogauge.html"
FETCHED = dt.datetime(2026, 7, 15)
MACROGAUGE = "ewyluda/macrogauge@3ff9cd07"


def vast_capture(store: Store, file: Path) -> dict[str, Any]:
    payload = json.loads(file.read_text())
    offers, rejected, unknown = parse_offers(payload, "on-demand")
    result = CollectResult(provider=VAST, status=OK, url="https://console.vast.ai/api/v0/bundles/",
                           offers=offers, raw=payload, rejected=rejected, unknown=dict(unknown))
    snapshot_id = "vast-capture-2026-07-15"
    store.upsert("gpu_snapshots", [{
        "snapshot_id": snapshot_id, "provider": VAST, "fetched_at": FETCHED, "status": OK,
        "detail": f"captured response ({MACROGAUGE} tests/fixtures/vastai_bundles.json); time of day unknown",
        "url": result.url, "n_offers": len(offers), "raw": json.dumps(payload)}])
    rows = offer_rows(result, FETCHED, snapshot_id,
                      source=f"vast.ai /api/v0/bundles capture ({MACROGAUGE} tests/fixtures/vastai_bundles.json)")
    store.upsert("gpu_prices", rows)
    return {"rows": len(rows), "rejected": rejected, "date": FETCHED.date().isoformat()}


def sfcompute_prices(html: str) -> dict[str, list[dict[str, Any]]]:
    """The `pricesByHardwareType` object from the page's escaped Next.js flight payload."""
    text = html.replace('\\"', '"')
    at = text.find('"pricesByHardwareType":')
    if at < 0:
        raise ValueError("sfcompute page: no pricesByHardwareType payload")
    start = text.index("{", at)
    value, _ = json.JSONDecoder().raw_decode(text, start)
    return value


def sfcompute_rows(html: str, norm: Normalizer) -> tuple[list[dict[str, Any]], int]:
    rows, zero = [], 0
    for name, days in sfcompute_prices(html).items():
        for day in days:
            if not day.get("avg"):
                zero += 1
                continue
            when = dt.datetime.fromisoformat(re.sub(r"^\$D", "", day["date"]).replace("Z", "+00:00"))
            when = when.astimezone(dt.UTC).replace(tzinfo=None)
            rows.append(price_row(
                observed_at=when, sku=norm(name), raw_name=name, term="reserved", family="marketplace",
                provider="sfcompute", price=float(day["avg"]), stat="daily_average", kind="reported",
                source=f"sfcompute.com home page capture ({MACROGAUGE} tests/fixtures/sfcompute.html)",
                url="https://sfcompute.com", fetched_at=FETCHED, snapshot_id="sfcompute-capture-2026-07-15",
                method=f"pricesByHardwareType.{name}[].avg (band {day.get('bottom')}–{day.get('top')})"))
    return rows, zero


def load_raw(store: Store, data_dir: Path) -> dict[str, object]:
    norm = Normalizer()
    vast = vast_capture(store, data_dir / CAPTURES / VAST_FILE)
    sfc, zero = sfcompute_rows((data_dir / CAPTURES / SFC_FILE).read_text(), norm)
    store.upsert("gpu_prices", sfc)
    return {"vast_capture": vast, "sfcompute": {"rows": len(sfc), "zero_days_skipped": zero},
            "unknown_gpu_names": dict(norm.unknown)}
