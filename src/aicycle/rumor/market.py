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
_MAX_SERIES = 4  # GPU models shown

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
    """Per GPU model, the trend of its most market-wide series; H100 (the benchmark) first."""
    rows = store.query(_SQL, [as_of, as_of, as_of - dt.timedelta(days=420)])
    by_series: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if skus and not any(s in row["sku"].upper() for s in skus):
            continue
        by_series[(row["sku"], row["provider"], row["term"], row["stat"] or "")].append(row)
    best: dict[str, tuple[tuple[int, int, int], Item]] = {}
    for key, pts in by_series.items():
        item = _series_item(key, pts, as_of)
        if item is None:
            continue
        rank = _rank(pts[-1], len(pts))
        if key[0] not in best or rank < best[key[0]][0]:
            best[key[0]] = (rank, item)
    chosen = sorted(best.items(), key=lambda kv: (_sku_order(kv[0]), kv[1][0]))
    return [item for _, (_, item) in chosen[:_MAX_SERIES]]


# Series kinds from most to least market-wide: an index or a median over many providers says more
# about "GPU rental prices" than one provider's list price, which can sit unchanged for a year.
_STAT_ORDER = ("index_level", "published_median", "segment_median", "median", "market_level", "market_average",
               "daily_average")
_TERM_ORDER = ("on_demand", "index", "reserved", "spot")
_SKU_ORDER = ("H100", "H200", "B200", "A100")


def _rank(latest: dict[str, Any], n_points: int) -> tuple[int, int, int]:
    stat = latest["stat"] or ""
    term = latest["term"] or ""
    return (_STAT_ORDER.index(stat) if stat in _STAT_ORDER else len(_STAT_ORDER),
            _TERM_ORDER.index(term) if term in _TERM_ORDER else len(_TERM_ORDER), -n_points)


def _sku_order(sku: str) -> int:
    return next((i for i, s in enumerate(_SKU_ORDER) if sku.upper().startswith(s)), len(_SKU_ORDER))


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
