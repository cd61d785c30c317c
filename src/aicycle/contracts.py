"""Compute and capacity contracts as of a date: who buys capacity from whom (typed, point in time).

    from aicycle.contracts import as_of, total
    deals = as_of(store, dt.date(2026, 6, 30), buyer="META")   # Meta's deals public by then
    total(deals)  # value counted once per overlap group, with what was left out and why

A contract counts for "as of D" when `announced_on <= D` (a month-only date counts from the month's
last day). Rows of one `overlap_group` describe (part of) the same commitment and are never summed:
a total takes the group's largest public value. Readers: `aicycle contracts`, the backlog checkpoint,
the capex reasoning, the rumor check.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from aicycle.store import Store

if TYPE_CHECKING:
    from aicycle._frames import Contracts

HYPERSCALERS = ("META", "MSFT", "GOOGL", "AMZN", "ORCL")


@dataclass(frozen=True)
class Contract:
    announced_on: dt.date
    announced_text: str
    buyer: str
    buyer_ticker: str | None
    seller: str
    seller_ticker: str | None
    value_usd: float | None
    value_text: str | None
    term_years: float | None
    capacity_text: str | None
    kind: str
    source_type: str
    url: str | None
    quote: str | None
    overlap_group: str | None
    overlap: str | None
    source: str
    flag: str | None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["announced_on"] = self.announced_on.isoformat()
        return out

    def involves(self, name: str) -> tuple[bool, bool]:
        """(is the buyer, is the seller) for a ticker or a name fragment ("META", "Nebius")."""
        wanted = name.strip().lower()
        return (_is(wanted, self.buyer, self.buyer_ticker), _is(wanted, self.seller, self.seller_ticker))


def _is(wanted: str, name: str, ticker: str | None) -> bool:
    return (ticker is not None and ticker.lower() == wanted) or wanted in name.lower()


_FIELDS = tuple(Contract.__dataclass_fields__)


def as_of(store: Store, day: dt.date, *, buyer: str | None = None, seller: str | None = None,
          since: dt.date | None = None, kinds: tuple[str, ...] | None = None) -> list[Contract]:
    """Contracts public by `day` (and on or after `since`), oldest first, optionally one buyer's/seller's."""
    rows = store.query(f"SELECT {', '.join(_FIELDS)} FROM contracts WHERE announced_on <= ? "
                       "AND (? IS NULL OR announced_on >= ?) ORDER BY announced_on, buyer, seller",
                       [day, since, since])
    out = [Contract(**r) for r in rows]
    if buyer:
        out = [c for c in out if c.involves(buyer)[0]]
    if seller:
        out = [c for c in out if c.involves(seller)[1]]
    if kinds:
        out = [c for c in out if c.kind in kinds]
    return out


@dataclass(frozen=True)
class Total:
    value_usd: float
    counted: int              # contracts whose value is in the total
    without_value: int        # contracts the sources give no total for
    left_out: list[str]       # overlapping rows not added, and why


def total(contracts: list[Contract]) -> Total:
    """Sum of stated values, one per overlap group (its largest value): never double counted."""
    best: dict[str, Contract] = {}
    value, counted, without, left_out = 0.0, 0, 0, []
    for c in contracts:
        if c.value_usd is None:
            without += 1
        elif c.overlap_group is None:
            value += c.value_usd
            counted += 1
        elif c.overlap_group not in best or c.value_usd > (best[c.overlap_group].value_usd or 0):
            best[c.overlap_group] = c
    for group, c in best.items():
        value += c.value_usd or 0.0
        counted += 1
        others = [o for o in contracts if o.overlap_group == group and o is not c and o.value_usd]
        left_out += [f"{o.announced_text} {o.buyer}–{o.seller} ({o.value_text or o.value_usd}): {c.overlap}"
                     for o in others]
    return Total(value, counted, without, left_out)


def buying_outside(contracts: list[Contract]) -> list[Contract]:
    """Hyperscalers renting capacity from others (compute leases and cloud services): read as short of compute."""
    return [c for c in contracts if c.buyer_ticker in HYPERSCALERS and c.seller_ticker != c.buyer_ticker
            and c.kind in ("compute_lease", "cloud_services")]


def flows(contracts: list[Contract]) -> dict[str, dict[str, int]]:
    """buyer → seller → number of contracts (names as the buyer/seller tickers, else the source's names)."""
    out: dict[str, dict[str, int]] = {}
    for c in contracts:
        b, s = c.buyer_ticker or c.buyer.split(" (")[0], c.seller_ticker or c.seller.split(" (")[0]
        out.setdefault(b, {})[s] = out.setdefault(b, {}).get(s, 0) + 1
    return out


def table(buyer: str | None = None, seller: str | None = None, as_of: dt.date | str | None = None) -> Contracts:
    """The notebook API's `aicycle.contracts(...)`: contracts public by `as_of` (default: the store's data
    date), optionally for one buyer or seller (a ticker or part of a name), as a typed `Contracts`
    (`.rows`, `.to_pandas()`, `.to_arrow()`); rows of one `overlap_group` are one commitment: never sum them."""
    from aicycle._frames import Contracts, day
    from aicycle.store import data_date, open_store

    with open_store() as store:
        when = day(as_of) or data_date(store) or dt.date.today()
        rows = [r.to_dict() for r in _deals_public_by(store, when, buyer=buyer, seller=seller)]
    return Contracts(rows=rows)


_deals_public_by = as_of  # `table` takes a parameter named as_of, like every API function


class _CallableModule(types.ModuleType):
    """`aicycle.contracts` is this module (the ledger the checkpoints and the rumor check read) and, called,
    the notebook API's function of that name: `aicycle.contracts(buyer="META")`."""

    def __call__(self, buyer: str | None = None, seller: str | None = None,
                 as_of: dt.date | str | None = None) -> Contracts:
        return table(buyer, seller, as_of)


sys.modules[__name__].__class__ = _CallableModule
