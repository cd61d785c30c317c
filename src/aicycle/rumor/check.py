"""`check(store, claim, as_of)`: parse the headline, gather point-in-time evidence, judge it.

Evidence providers are chosen by metric; each is a small function of (store, ticker, as_of, year)
so a richer reader can replace one without touching the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from aicycle import universe
from aicycle.errors import InputError
from aicycle.rumor import fundamentals as fx
from aicycle.rumor import guidance as gx
from aicycle.rumor.evidence import Item
from aicycle.rumor.market import gpu_price_trend, wanted_skus, wanted_terms
from aicycle.rumor.parse import Claim, parse_claim
from aicycle.rumor.statements import statement_items
from aicycle.rumor.verdict import Verdict, judge
from aicycle.store import Store

Provider = Callable[[Store, str, dt.date, "int | None"], list[Item]]

_SPENDING: tuple[Provider, ...] = (gx.guidance_revisions, gx.guidance_level, fx.capex_trend)
COMPANY_PROVIDERS: dict[str, tuple[Provider, ...]] = {
    "capex": _SPENDING,
    "ai_investment": _SPENDING,
    "capex_guidance": (gx.guidance_revisions, gx.guidance_level),
    "data_center_construction": (*_SPENDING, fx.power_trend),
    "backlog": (fx.backlog_trend,),
    "power": (fx.power_trend,),
    "memory_supply": (fx.hbm_outlook, fx.revenue_trend),
    "gpu_rental_prices": (),
}
# For a claim about guidance itself, the level of spending is context, not an answer.
_CONTEXT_ONLY = {"capex_guidance": ("guidance_level",)}


def check(store: Store, claim: str, as_of: dt.date | str | None = None) -> dict[str, Any]:
    """Check a headline against what was public on `as_of` (default: today)."""
    day = _as_of(as_of)
    parsed = parse_claim(claim)
    if parsed.problem:
        return _result(parsed, day, Verdict("unclear", 0.0, [f"Cannot check this claim: {parsed.problem}."]), [])
    items = gather(store, parsed, day)
    return _result(parsed, day, judge(parsed, items), items)


def _as_of(value: dt.date | str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"as_of: {value!r} is not a date (YYYY-MM-DD)") from None


def tickers_for(claim: Claim) -> list[str]:
    if claim.tickers:
        return claim.tickers
    if claim.metric == "memory_supply":  # a memory-market claim is read through the memory makers
        return [c.ticker for c in universe.by_role("memory")]
    return []


def gather(store: Store, claim: Claim, as_of: dt.date) -> list[Item]:
    metric = claim.metric or ""
    items: list[Item] = []
    for ticker in tickers_for(claim):
        for provider in COMPANY_PROVIDERS.get(metric, ()):
            items.extend(provider(store, ticker, as_of, claim.year))
        items.extend(statement_items(store, ticker, metric, as_of))
        if metric == "capex_guidance" and claim.amount:
            mismatch = gx.figure_check(store, ticker, as_of, claim.year, claim.amount)
            items.extend([mismatch] if mismatch else [])
    if metric == "gpu_rental_prices":
        items.extend(gpu_price_trend(store, as_of, wanted_skus(claim.text), wanted_terms(claim.text)))
    for item in items:
        if item.signal in _CONTEXT_ONLY.get(metric, ()):
            item.weight = 0.0
    # Point in time, enforced once more at the end: nothing dated after as_of is ever shown.
    return [i for i in items if i.date is not None and i.date <= as_of]


def _result(claim: Claim, as_of: dt.date, verdict: Verdict, items: list[Item]) -> dict[str, Any]:
    order = {"contradicts": 0, "supports": 1, "neutral": 2}
    items = sorted(items, key=lambda i: (order[i.points], -i.weight))
    return {
        "claim": claim.text,
        "parsed": claim.parsed(),
        "as_of": as_of.isoformat(),
        "verdict": verdict.verdict,
        "confidence": verdict.confidence,
        "reasoning": " ".join(verdict.reasoning),
        "evidence": [i.to_dict() for i in items],
        "details": {
            "company_name": claim.company_name, "tickers": tickers_for(claim), "negated": claim.negated,
            "scoped": claim.scoped, "hedged": claim.hedged, "strong": claim.strong, "year": claim.year,
            "amount": claim.amount, "cues": claim.cues, "problem": claim.problem,
        },
    }
