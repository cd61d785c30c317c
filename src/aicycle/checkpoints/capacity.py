"""Who buys compute capacity from whom: the contracts of the year to the as-of date, for the readings.

A hyperscaler renting others' capacity (compute leases, cloud services) reads as short of its own
compute. The capex reasoning and the backlog checkpoint show these deals with their sources; they
are not scored: the compilation behind them (data/facts/compute_contracts.csv) searched 2025-26
more thoroughly than earlier years, so a count or a sum over time would measure the search.
"""

from __future__ import annotations

import datetime as dt

from aicycle import contracts as deals
from aicycle.checkpoints.base import Evidence, Metric
from aicycle.store import Store

DAYS = 365
_TIERS = {"sec_filing": "sec", "press_release": "stated", "other": "third_party"}


def evidence(d: deals.Contract) -> Evidence:
    value = d.value_text or "value not stated"
    return Evidence(text=f"{d.buyer} buys {d.kind.replace('_', ' ')} from {d.seller}: {value} ({d.announced_text})",
                    value=d.value_usd, unit="USD" if d.value_usd else None, period=d.announced_text,
                    source=d.source, url=d.url, accession=None, filed=d.announced_on, kind="curated",
                    ticker=d.buyer_ticker, metric="compute_contract",
                    method=f"{d.source_type}; quote: {d.quote or 'none'}", flag=d.flag,
                    tier=_TIERS.get(d.source_type, "news"))


def shown(store: Store, as_of: dt.date, metrics: list[Metric], evidence_out: list[Evidence],
          reasoning: list[str]) -> list[deals.Contract]:
    """Add the year's hyperscaler capacity deals to a reading; return them."""
    year = deals.as_of(store, as_of, since=as_of - dt.timedelta(days=DAYS))
    if not year:
        return []
    outside = deals.buying_outside(year)
    metrics.append(Metric("capacity_deals_by_hyperscalers", len(outside), "count",
                          f"Capacity deals hyperscalers signed with others in the {DAYS} days to {as_of}"))
    by_buyer: dict[str, list[deals.Contract]] = {}
    for deal in outside:
        by_buyer.setdefault(str(deal.buyer_ticker), []).append(deal)
    for buyer, mine in sorted(by_buyer.items(), key=lambda kv: -len(kv[1])):
        sellers = ", ".join(f"{d.seller.split(' (')[0]} ({d.value_text or 'value not stated'}; {d.announced_text})"
                            for d in mine)
        reasoning.append(f"Capacity: {buyer} rented outside capacity {len(mine)} time(s) in the year to {as_of}: "
                         f"{sellers} - a hyperscaler renting others' compute reads as short of its own.")
        evidence_out += [evidence(d) for d in mine]
    if not outside:
        reasoning.append(f"Capacity: no hyperscaler rented outside capacity in the year to {as_of} "
                         f"({len(year)} other deals in the data).")
    return outside
