"""A transparent, versioned GPU rental price index (docs/gpu_index.md).

Per family (marketplace | cloud_list | index, never blended), SKU, term and day, over the quote-level
rows (one offer, a provider's cheapest price, a provider's rate card; an offer collected several
times in one day counts once, at its latest price):
1. quotes outside the Tukey fences [Q1 - k·IQR, Q3 + k·IQR] are dropped (only when the day has at
   least `GPU_INDEX_FENCE_MIN_QUOTES` quotes; k = `GPU_INDEX_TUKEY_K`);
2. the index is the median of what remains, with its Q1 and Q3 (linear interpolation between order
   statistics, numpy's default), the number of quotes and of distinct providers, and how many were
   dropped.
Levels published by others (a source's own median, an index level) are not re-aggregated: each
stays its own line. Every computed point carries METHOD_VERSION.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from aicycle import rules
from aicycle.gpu.providers.base import QUOTE_STATS
from aicycle.gpu.skus import GROUPS, UNKNOWN
from aicycle.store import Store

METHOD_VERSION = "gpu-index/1.0 (Tukey k=1.5 when n>=4; median, IQR; per family, SKU, term, day)"


@dataclass(frozen=True)
class Point:
    day: dt.date
    value: float          # the median (computed) or the published level
    q1: float | None = None
    q3: float | None = None
    n_quotes: int | None = None
    n_providers: int | None = None
    n_dropped: int = 0
    sources: tuple[str, ...] = ()
    url: str | None = None
    flags: tuple[str, ...] = ()   # the rows' flags (e.g. month_only_date): values needing care

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["day"] = self.day.isoformat()
        out["sources"] = list(self.sources)
        return out


@dataclass
class Line:
    """One price series: computed from quotes, or published by one source."""

    family: str
    sku: str
    term: str
    kind: str                      # computed | published
    provider: str | None = None    # published lines: the publisher ("ewyluda:index")
    stat: str | None = None
    points: list[Point] = field(default_factory=list)

    @property
    def name(self) -> str:
        who = "index (computed)" if self.kind == "computed" else f"{self.provider} {self.stat}"
        return f"{self.sku} {self.family} {self.term} · {who}"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "family": self.family, "sku": self.sku, "term": self.term,
                "kind": self.kind, "provider": self.provider, "stat": self.stat,
                "method_version": METHOD_VERSION if self.kind == "computed" else None,
                "points": [p.to_dict() for p in self.points]}


def quantiles(values: list[float]) -> tuple[float, float, float]:
    q1, med, q3 = np.quantile(np.asarray(values, dtype=float), [0.25, 0.5, 0.75])
    return float(q1), float(med), float(q3)


def tukey_keep(values: list[float], k: float = rules.GPU_INDEX_TUKEY_K,
               min_n: int = rules.GPU_INDEX_FENCE_MIN_QUOTES) -> list[bool]:
    """Which values survive the Tukey fences (all of them when there are fewer than `min_n`)."""
    if len(values) < min_n:
        return [True] * len(values)
    q1, _, q3 = quantiles(values)
    low, high = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
    return [low <= v <= high for v in values]


Quote = tuple[float, str, str, str | None, str | None]  # price, provider, source, url, flag


def index_point(day: dt.date, quotes: list[Quote]) -> Point:
    """The index of one (family, SKU, term, day) from its quotes."""
    keep = tukey_keep([q[0] for q in quotes])
    kept = [q for q, k in zip(quotes, keep, strict=False) if k]
    q1, med, q3 = quantiles([q[0] for q in kept])
    return Point(day=day, value=med, q1=q1, q3=q3, n_quotes=len(kept),
                 n_providers=len({q[1] for q in kept}), n_dropped=len(quotes) - len(kept),
                 sources=tuple(sorted({q[2] for q in kept})), url=kept[0][3],
                 flags=tuple(sorted({q[4] for q in kept if q[4]})))


def _filters(as_of: dt.date | None, family: str | None, group: str | None) -> tuple[str, list[Any]]:
    where: list[str] = ["sku <> ?"]
    params: list[Any] = [UNKNOWN]
    if as_of is not None:
        where += ["observed_on <= ?", "filed <= ?"]
        params += [as_of, as_of]
    if family:
        where.append("family = ?")
        params.append(family)
    if group:
        where.append("list_contains(?, sku)")
        params.append(list(GROUPS.get(group, (group,))))
    return " AND ".join(where), params


def computed_lines(store: Store, as_of: dt.date | None = None, family: str | None = None,
                   group: str | None = None) -> list[Line]:
    where, params = _filters(as_of, family, group)
    rows = store.con.execute(
        f"SELECT family, sku, term, observed_on, price_usd_per_gpu_hour, provider, source, url, flag FROM gpu_prices "
        f"WHERE {where} AND list_contains(?, stat) "
        # An offer collected several times in a day counts once, at its latest price.
        f"QUALIFY row_number() OVER (PARTITION BY family, sku, term, observed_on, provider, source, "
        f"coalesce(offer_id, price_key) ORDER BY observed_at DESC) = 1 "
        f"ORDER BY family, sku, term, observed_on, provider, price_key",
        [*params, list(QUOTE_STATS)]).fetchall()
    grouped: dict[tuple[str, str, str], dict[dt.date, list[Quote]]] = \
        defaultdict(lambda: defaultdict(list))
    for fam, sku, term, day, price, provider, source, url, flag in rows:
        grouped[(fam, sku, term)][day].append((price, provider, source, url, flag))
    return [Line(fam, sku, term, "computed", points=[index_point(d, q) for d, q in sorted(days.items())])
            for (fam, sku, term), days in grouped.items()]


def published_lines(store: Store, as_of: dt.date | None = None, family: str | None = None,
                    group: str | None = None) -> list[Line]:
    where, params = _filters(as_of, family, group)
    rows = store.con.execute(
        f"SELECT family, sku, term, provider, stat, observed_on, arg_max(price_usd_per_gpu_hour, observed_at), "
        f"any_value(n_offers), any_value(source), any_value(url), any_value(flag) FROM gpu_prices "
        f"WHERE {where} AND NOT list_contains(?, stat) GROUP BY ALL ORDER BY ALL",
        [*params, list(QUOTE_STATS)]).fetchall()
    lines: dict[tuple[str, ...], Line] = {}
    for fam, sku, term, provider, stat, day, value, n, source, url, flag in rows:
        line = lines.setdefault((fam, sku, term, provider, stat), Line(fam, sku, term, "published", provider, stat))
        line.points.append(Point(day=day, value=value, n_quotes=n, sources=(source,), url=url,
                                 flags=(flag,) if flag else ()))
    return list(lines.values())


def lines(store: Store, as_of: dt.date | None = None, family: str | None = None,
          group: str | None = None) -> list[Line]:
    """Computed lines, then published ones."""
    return computed_lines(store, as_of, family, group) + published_lines(store, as_of, family, group)


# --- history and trend -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Trend:
    latest: Point
    base: Point | None            # the like-for-like point about `window` days earlier
    change: float | None          # latest / base - 1
    short_base: Point | None
    short_change: float | None
    slope_annual: float | None    # exp(365 · slope of ln(price) on days) - 1, over SLOPE_DAYS
    slope_points: int

    @property
    def sources(self) -> tuple[str, ...]:
        return self.latest.sources

    @property
    def span_days(self) -> int | None:
        """Days between the base and the latest point: what the change is really over."""
        return (self.latest.day - self.base.day).days if self.base else None

    def to_dict(self) -> dict[str, Any]:
        return {"latest": self.latest.to_dict(), "base": self.base.to_dict() if self.base else None,
                "span_days": self.span_days,
                "change": self.change, "short_base": self.short_base.to_dict() if self.short_base else None,
                "short_change": self.short_change, "slope_annual": self.slope_annual,
                "slope_points": self.slope_points}


def usable(line: Line, min_quotes: int = rules.GPU_INDEX_MIN_QUOTES) -> list[Point]:
    """Points a trend may use: computed points need `min_quotes` quotes behind them."""
    if line.kind == "published":
        return list(line.points)
    return [p for p in line.points if (p.n_quotes or 0) >= min_quotes]


def base_point(points: list[Point], latest: Point, days: int,
               tolerance: int = rules.GPU_RENTAL_BASE_TOLERANCE_DAYS) -> Point | None:
    """The point on latest.day - days, else the nearest earlier one within `tolerance` days, with the same
    sources as latest: a "90-day change" spans 90 days or a little more, never less."""
    target = latest.day - dt.timedelta(days=days)
    candidates = [p for p in points if p.sources == latest.sources and p.day <= target
                  and (target - p.day).days <= tolerance]
    return max(candidates, key=lambda p: p.day, default=None)


def log_slope(points: list[Point]) -> float | None:
    """Ordinary least squares slope of ln(value) on the day number (per day); None under 3 points."""
    if len(points) < 3:
        return None
    x = np.array([p.day.toordinal() for p in points], dtype=float)
    y = np.log(np.array([p.value for p in points], dtype=float))
    x -= x.mean()
    denom = float((x * x).sum())
    return float((x * (y - y.mean())).sum() / denom) if denom else None


def like_for_like(line: Line) -> dict[tuple[str, ...], list[Point]]:
    """The line's usable points split by the set of sources behind them: a trend never compares a
    point built from one dataset with a point built from another."""
    parts: dict[tuple[str, ...], list[Point]] = defaultdict(list)
    for p in usable(line):
        parts[p.sources].append(p)
    return dict(parts)


def trend(points: list[Point], as_of: dt.date, window: int = rules.GPU_RENTAL_WINDOW_DAYS,
          short: int = rules.GPU_RENTAL_SHORT_WINDOW_DAYS, fresh: int = rules.GPU_RENTAL_FRESH_DAYS,
          slope_days: int = rules.GPU_RENTAL_SLOPE_DAYS) -> Trend | None:
    """Trend of like-for-like points as of `as_of`; None when the latest is older than `fresh` days."""
    points = sorted((p for p in points if p.day <= as_of), key=lambda p: p.day)
    if not points or (as_of - points[-1].day).days > fresh:
        return None
    latest = points[-1]
    base, short_base = base_point(points, latest, window), base_point(points, latest, short, tolerance=short // 3)
    recent = [p for p in points if (latest.day - p.day).days <= slope_days]
    span = (latest.day - recent[0].day).days
    slope = log_slope(recent) if span >= rules.GPU_RENTAL_SLOPE_MIN_SPAN_DAYS else None
    return Trend(latest=latest, base=base, change=latest.value / base.value - 1 if base else None,
                 short_base=short_base, short_change=latest.value / short_base.value - 1 if short_base else None,
                 slope_annual=math.expm1(slope * 365) if slope is not None else None, slope_points=len(recent))


def line_trends(line: Line, as_of: dt.date) -> list[Trend]:
    """One trend per like-for-like part of the line that is fresh on `as_of`."""
    found = (trend(points, as_of) for points in like_for_like(line).values())
    return sorted((t for t in found if t is not None), key=lambda t: t.latest.day, reverse=True)


def store_index(store: Store) -> dict[str, int]:
    """Write every computed point to `gpu_index`, with METHOD_VERSION (for SQL users and audits;
    readers recompute with their as-of date, which gives the same values because a point of day D
    only uses rows public by D). Idempotent: an unchanged index writes nothing."""
    rows = [{"family": line.family, "sku": line.sku, "term": line.term, "day": p.day, "median": p.value,
             "q1": p.q1, "q3": p.q3, "n_quotes": p.n_quotes, "n_providers": p.n_providers,
             "n_dropped": p.n_dropped, "sources": "; ".join(p.sources), "method_version": METHOD_VERSION}
            for line in computed_lines(store) for p in line.points]
    inserted, changed = store.upsert("gpu_index", rows)
    return {"points": len(rows), "inserted": inserted, "changed": changed}
