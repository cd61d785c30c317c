"""Evidence from GPU rental prices: how a price series moved up to the as-of date.

Series come from `aicycle.gpu.index` (computed medians of quotes per family, SKU and term, and the
levels others publish), split like for like: a point is only compared with earlier points built from
the same sources. Per GPU model the most market-wide series is used.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from aicycle import rules
from aicycle.gpu import index as gi
from aicycle.rumor.evidence import Item, direction_of, pct, signed
from aicycle.store import Store

# A GPU the store has no series for still names the claim's GPU: no other model's prices answer it.
SKU_WORDS = re.compile(r"\b(h100|h200|b200|b300|gb200|gb300|a100|gh200|mi300x?|mi325x?|mi355x?|l40s|l4|a10g?|v100|"
                       r"rtx ?\d{4}|\d{4} ?ti)(?:s|'s)?\b", re.I)  # "B200s renting for under $5"
# Look-backs tried in order: a year, half a year, a quarter (days, tolerance).
_SPANS = ((365, 45, "a year"), (182, 31, "six months"), (91, 20, "three months"))
_MAX_SERIES = 4  # GPU models shown
# Series kinds from most to least market-wide: an index or a median over many providers says more
# about "GPU rental prices" than one provider's list price, which can sit unchanged for a year.
_STAT_ORDER = ("index_level", "published_median", "segment_median", "computed_median", "median",
               "market_level", "market_average", "daily_average")
_TERM_ORDER = ("on_demand", "index", "reserved", "spot")
_SKU_ORDER = ("H100", "H200", "B200", "A100")
Rank = tuple[float, ...]
_TERM_WORDS = (("spot", r"\bspot\b|interruptible|preemptible"), ("on_demand", r"on-?demand"),
               ("reserved", r"\breserved\b|contract(?:ed)? (?:prices?|rates?)|long-term|"
                            r"(?:\d|one|two|three|multi)-year"))


def wanted_skus(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.upper() for m in SKU_WORDS.findall(text)))


def wanted_terms(text: str) -> tuple[str, ...]:
    """A headline about spot or contract prices is read on those terms only."""
    return tuple(term for term, pattern in _TERM_WORDS if re.search(pattern, text, re.I))


def gpu_price_trend(store: Store, as_of: dt.date, skus: tuple[str, ...] = (),
                    terms: tuple[str, ...] = (), hints: tuple[str, ...] = ()) -> list[Item]:
    """Per GPU model, the trend of its most market-wide series; H100 (the benchmark) first. A series the
    headline names ("Vast.ai offers", "marketplace median", "SF Compute's rate") comes before the others."""
    best: dict[str, tuple[Rank, Item]] = {}
    for line in gi.lines(store, as_of):
        if skus and not any(s in line.sku.upper() for s in skus):
            continue
        if terms and line.term not in terms:
            continue
        for points in gi.like_for_like(line).values():
            found = _line_item(line, points, as_of)
            if found and hints:
                found = ((-source_match(line, hints), *found[0]), found[1])
            if found and (line.sku not in best or found[0] < best[line.sku][0]):
                best[line.sku] = found
    chosen = sorted(best.items(), key=lambda kv: (_sku_order(kv[0]), kv[1][0]))
    return [item for _, (_, item) in chosen[:_MAX_SERIES]]


def source_match(line: gi.Line, hints: tuple[str, ...]) -> float:
    """How well a series answers the sources a headline names ("marketplace", "index", "Vast.ai"). The GPU
    Index (GIX) publishes a median of rate cards under the name "index": "the H100 rental index" may mean
    it, after a series that is an index by family."""
    label = f"{line.family} {line.provider or ''} {line.sku}".lower()
    return sum(1.0 if h in label else 0.5 if h == "index" and "gix" in label else 0.0 for h in hints)


def _line_item(line: gi.Line, points: list[gi.Point], as_of: dt.date) -> tuple[Rank, Item] | None:
    pts = [{"day": p.day, "price": p.value, "url": p.url, "source": "; ".join(p.sources)}
           for p in sorted(points, key=lambda p: p.day) if p.day <= as_of]
    if not pts:
        return None
    computed = line.kind == "computed"
    method = gi.METHOD_VERSION if computed else f"{line.provider} {line.stat}, as published"
    item = _trend_item(line.name, pts, as_of, "derived" if computed else "reported",
                       f"{method}; family {line.family}")
    if item is None:
        return None
    stat = "computed_median" if computed else (line.stat or "")
    rank = (_STAT_ORDER.index(stat) if stat in _STAT_ORDER else len(_STAT_ORDER),
            _TERM_ORDER.index(line.term) if line.term in _TERM_ORDER else len(_TERM_ORDER), -len(pts))
    return rank, item


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
