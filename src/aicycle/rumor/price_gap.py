"""What one kind of seller charges against another: "Hyperscaler H100 on-demand prices are more than double
neocloud rates". A published index that splits its median by seller (hyperscalers, neoclouds, marketplaces)
answers it: the ratio of the two medians, day by day over the last week the index published both, and the
median of those ratios, so one day's change in the providers behind a median does not decide it."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import dataclass

from aicycle.gpu import index as gi
from aicycle.rumor.evidence import Item, freshness
from aicycle.rumor.market import wanted_skus
from aicycle.store import Store

_SELLERS = {"hyperscaler": r"hyperscalers?|big clouds?|major clouds?",
            "neocloud": r"neo-?clouds?|gpu clouds?|ai clouds?",
            "marketplace": r"marketplaces?"}
_TIMES = {"twice": 2.0, "double": 2.0, "two times": 2.0, "triple": 3.0, "three times": 3.0, "quadruple": 4.0,
          "four times": 4.0, "half": 0.5}
_MULTIPLE = re.compile(r"(?P<q>more than|over|at least|less than|under|below|about|roughly|around|nearly|almost)?\s*"
                       r"(?P<m>" + "|".join(_TIMES) + r"|\d+(?:\.\d+)?\s?(?:x|times)(?!\w))", re.I)
_PRICE = re.compile(r"\b(?:prices?|rates?|charge\w*|cost\w*|pricing)\b", re.I)
_DAYS = 7  # the week the index publishes
_STALE = dt.timedelta(days=45)  # an older week no longer speaks for "now"


@dataclass(frozen=True)
class Gap:
    high: str  # the seller said to charge more ("hyperscaler")
    low: str  # the seller it is set against ("neocloud")
    multiple: float
    op: str  # above | below | at
    text: str


def read_gap(text: str) -> Gap | None:
    """A claim that one kind of seller's prices are a multiple of another's; None when it is not one."""
    found = sorted((m.start(), seller) for seller, pattern in _SELLERS.items()
                   if (m := re.search(rf"\b(?:{pattern})\b", text, re.I)))
    multiple = _MULTIPLE.search(text)
    if len(found) != 2 or multiple is None or not _PRICE.search(text):
        return None
    word = multiple.group("m").lower()
    value = _TIMES.get(word) or float(re.sub(r"\s?(?:x|times)$", "", word))
    q = (multiple.group("q") or "").lower()
    op = "above" if q in ("more than", "over", "at least") else "below" if q in ("less than", "under", "below") \
        else "at"
    return Gap(high=found[0][1], low=found[1][1], multiple=value, op=op, text=multiple.group(0).strip())


def gap_items(store: Store, gap: Gap, claim_text: str, as_of: dt.date) -> list[Item]:
    """Per GPU model the claim names (H100 when it names none), the week's median ratio against the claim's."""
    published = gi.published_lines(store, as_of)  # public by as_of, one value a day
    items = []
    for sku in wanted_skus(re.sub(r"(\d)s\b", r"\1", claim_text)) or ("H100",):  # "rent H200s"
        by_day: dict[dt.date, dict[str, gi.Point]] = {}
        for line in published:
            seller = (line.provider or "").rsplit(":", 1)[-1]
            if line.sku == sku and seller in (gap.high, gap.low):
                for point in line.points:
                    if point.day >= as_of - _STALE:
                        by_day.setdefault(point.day, {})[seller] = point
        days = sorted(d for d, seen in by_day.items() if gap.high in seen and gap.low in seen)[-_DAYS:]
        if not days:
            continue
        ratios = [by_day[d][gap.high].value / by_day[d][gap.low].value for d in days]
        ratio = statistics.median(ratios)
        high, low = by_day[days[-1]][gap.high], by_day[days[-1]][gap.low]
        items.append(Item(
            signal="price_gap", date=days[-1], source=high.sources[0], url=high.url, kind="derived",
            observed=_observed(gap, ratio), weight=0.8 * freshness(days[-1], as_of), value=round(ratio, 2),
            unit="x", period=f"{days[0]}..{days[-1]}",
            text=(f"{sku} {gap.high} median ${high.value:.2f} against {gap.low} ${low.value:.2f}/GPU-hour on "
                  f"{days[-1]}: {ratio:.1f}\u00d7 as the median of {len(days)} daily ratios "
                  f"({min(ratios):.1f}\u2013{max(ratios):.1f}\u00d7), against the claim's {gap.text!r}"),
            method=f"median over {days[0]}..{days[-1]} of the daily ratio of the two published segment medians"))
    return items


def _observed(gap: Gap, ratio: float) -> str:
    if gap.op == "above":
        return "match" if ratio > gap.multiple else "mismatch"
    if gap.op == "below":
        return "match" if ratio < gap.multiple else "mismatch"
    return "match" if abs(ratio / gap.multiple - 1) <= 0.1 else "mismatch"
