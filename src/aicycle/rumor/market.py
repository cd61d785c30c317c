"""Evidence from GPU rental prices: how a price series moved up to the as-of date.

Prices are compared within one series (same SKU, provider, term and statistic), never across
sources: an index level and a marketplace offer are different things.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

from aicycle import rules
from aicycle.rumor.evidence import Item, direction_of, pct, signed
from aicycle.store import Store

SKU_WORDS = re.compile(r"\b(h100|h200|b200|b300|a100|gh200|mi300x?|l40s)\b", re.I)
# Look-backs tried in order: a year, half a year, a quarter (days, tolerance).
_SPANS = ((365, 45, "a year"), (182, 31, "six months"), (91, 20, "three months"))
_MAX_SERIES = 4

_SQL = """
    SELECT sku, provider, term, stat, family, observed_on AS day,
           median(price_usd_per_gpu_hour) AS price, count(*) AS n,
           any_value(url) AS url, any_value(source) AS source, any_value(kind) AS kind,
           any_value(method) AS method
    FROM gpu_prices
    WHERE observed_on <= ? AND coalesce(filed, observed_on) <= ? AND observed_on >= ?
    GROUP BY ALL ORDER BY day
"""


def wanted_skus(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.upper() for m in SKU_WORDS.findall(text)))


def gpu_price_trend(store: Store, as_of: dt.date, skus: tuple[str, ...] = ()) -> list[Item]:
    rows = store.query(_SQL, [as_of, as_of, as_of - dt.timedelta(days=420)])
    by_series: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if skus and not any(s in row["sku"].upper() for s in skus):
            continue
        by_series[(row["sku"], row["provider"], row["term"], row["stat"] or "")].append(row)
    items = [item for key, pts in by_series.items() if (item := _series_item(key, pts, as_of))]
    items.sort(key=_rank)
    return items[:_MAX_SERIES]


def _rank(item: Item) -> tuple[int, int, float]:
    # H100 is the benchmark GPU; index series before single offers; longer look-backs first.
    return (0 if "H100" in (item.period or "").upper() or "H100" in item.text else 1,
            0 if item.signal == "gpu_price_trend" and "index" in (item.method or "") else 1,
            -item.weight)


def _series_item(key: tuple[str, ...], pts: list[dict[str, Any]], as_of: dt.date) -> Item | None:
    latest = pts[-1]
    if (as_of - latest["day"]).days > rules.RUMOR_PRICE_STALE_DAYS:
        return None
    for span, tolerance, label in _SPANS:
        target = latest["day"] - dt.timedelta(days=span)
        near = [p for p in pts[:-1] if abs((p["day"] - target).days) <= tolerance]
        if not near:
            continue
        base = min(near, key=lambda p: abs((p["day"] - target).days))
        change = pct(latest["price"], base["price"])
        sku, provider, term, stat = key
        text = (f"{sku} {term.replace('_', '-')} {stat or 'price'} ({provider}): ${latest['price']:.2f}/GPU-hour "
                f"on {latest['day']} vs ${base['price']:.2f} on {base['day']}, {label} earlier ({signed(change)})")
        weight = {365: 0.8, 182: 0.7, 91: 0.5}[span]
        return Item(signal="gpu_price_trend", text=text, date=latest["day"], source=latest["source"] or provider,
                    kind=latest["kind"] or "reported", observed=direction_of(change, rules.RUMOR_PRICE_BAND),
                    weight=weight, value=latest["price"], unit="USD/GPU-hour",
                    period=f"{base['day']}..{latest['day']} {sku}", url=latest["url"], change=change,
                    method=f"{stat or 'price'} of {term} series; daily median of observations; "
                           f"family {latest['family']}")
    return None
