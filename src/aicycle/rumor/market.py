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
    try:
        from aicycle import gpu_index  # the GPU index's like-for-like lines, when present
    except ImportError:
        candidates = _from_rows(store, as_of, skus)
    else:
        candidates = _from_index(gpu_index, store, as_of, skus)
    best: dict[str, tuple[tuple[int, int, int], Item]] = {}
    for sku, rank, item in candidates:
        if sku not in best or rank < best[sku][0]:
            best[sku] = (rank, item)
    chosen = sorted(best.items(), key=lambda kv: (_sku_order(kv[0]), kv[1][0]))
    return [item for _, (_, item) in chosen[:_MAX_SERIES]]


def _wanted(sku: str, skus: tuple[str, ...]) -> bool:
    return not skus or any(s in sku.upper() for s in skus)


def _from_index(gi: Any, store: Store, as_of: dt.date,
                skus: tuple[str, ...]) -> list[tuple[str, tuple[int, int, int], Item]]:
    """Lines of aicycle.gpu_index: computed medians of quotes and published levels, each split into
    like-for-like parts (the same sources behind every point)."""
    out = []
    for line in gi.lines(store, as_of):
        if not _wanted(line.sku, skus):
            continue
        for points in gi.like_for_like(line).values():
            pts = [{"day": p.day, "price": p.value, "url": p.url, "source": "; ".join(p.sources)}
                   for p in sorted(points, key=lambda p: p.day) if p.day <= as_of]
            if not pts:
                continue
            stat = line.stat if line.kind == "published" else "computed_median"
            name = line.name
            kind = "derived" if line.kind == "computed" else "reported"
            method = (gi.METHOD_VERSION if line.kind == "computed" else f"{line.provider} {line.stat}, as published")
            item = _trend_item(name, pts, as_of, kind, f"{method}; family {line.family}")
            if item:
                rank = (_STAT_ORDER.index(stat) if stat in _STAT_ORDER else len(_STAT_ORDER),
                        _TERM_ORDER.index(line.term) if line.term in _TERM_ORDER else len(_TERM_ORDER), -len(pts))
                out.append((line.sku, rank, item))
    return out


def _from_rows(store: Store, as_of: dt.date, skus: tuple[str, ...]) -> list[tuple[str, tuple[int, int, int], Item]]:
    """Without the index module: one series per (SKU, provider, term, statistic), daily medians."""
    rows = store.query(_SQL, [as_of, as_of, as_of - dt.timedelta(days=420)])
    by_series: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if _wanted(row["sku"], skus):
            by_series[(row["sku"], row["provider"], row["term"], row["stat"] or "")].append(row)
    out = []
    for (sku, provider, term, stat), pts in by_series.items():
        name = f"{sku} {term.replace('_', '-')} {stat or 'price'} ({provider})"
        item = _trend_item(name, pts, as_of, pts[-1]["kind"] or "reported",
                           f"{stat or 'price'} of {term} series; daily median; family {pts[-1]['family']}")
        if item:
            out.append((sku, _rank(pts[-1], len(pts)), item))
    return out


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


def _trend_item(name: str, pts: list[dict[str, Any]], as_of: dt.date, kind: str, method: str) -> Item | None:
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
        text = (f"{name}: ${latest['price']:.2f}/GPU-hour on {latest['day']} vs ${base['price']:.2f} on "
                f"{base['day']}, {label} earlier ({signed(change)})")
        weight = {365: 0.8, 182: 0.7, 91: 0.5}[span]
        return Item(signal="gpu_price_trend", text=text, date=latest["day"], source=latest["source"] or name,
                    kind=kind, observed=direction_of(change, rules.RUMOR_PRICE_BAND), weight=weight,
                    value=latest["price"], unit="USD/GPU-hour", period=f"{base['day']}..{latest['day']}",
                    url=latest["url"], change=change, method=method)
    return None
