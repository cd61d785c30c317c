"""One reading of each capex-guidance revision, for every surface that speaks of one.

The report's capex checkpoint, the event study's "what the fundamentals said next" and the rumor check
must call a revision the same thing ("Microsoft CY2026 cut to ~$175.0B from ~$190.0B after an
accounting change", never "new" in one place and "cut" in another). They all ask `revisions()`: each
vintage of a company's guidance, classified against the one before it (or against the prior range
the company itself names), as public on `as_of`. The classification rules are the capex checkpoint's
(docs/method.md, thresholds in rules.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from aicycle.store import Store

HYPERSCALERS = ("META", "MSFT", "GOOGL", "AMZN", "ORCL")
# What each kind reads as, in words a reader expects ("first" = the first guide for that year in store).
VERBS = {"raised": "raised", "cut": "cut", "reaffirmed": "reaffirmed", "narrowed_up": "narrowed up",
         "narrowed_down": "narrowed down", "widened": "widened", "first": "first guide",
         "initial_above": "first guide, above last year's", "initial_level": "first guide, level with last year's",
         "initial_below": "first guide, below last year's"}


@dataclass(frozen=True)
class GuidanceRevision:
    """One guidance vintage read against the one before it."""

    ticker: str
    period: str             # the guided year as the company names it: FY2026, CY2026
    filed: dt.date
    kind: str               # raised, cut, reaffirmed, narrowed_up/down, widened, first, initial_*
    guided: str             # "$130.0B–$145.0B" or "~$175.0B"
    prior: str | None       # the same for the guide it replaced
    mid: float | None
    prior_mid: float | None
    mid_change: float | None
    reason: str | None      # the source's accounting reason, when the revision is bookkeeping
    text: str               # the sentence the report prints
    row: dict[str, Any]     # the provenance row (source, url, accession, filed, kind)

    @property
    def verb(self) -> str:
        return VERBS.get(self.kind, self.kind.replace("_", " "))

    def to_dict(self) -> dict[str, Any]:
        return {"ticker": self.ticker, "period": self.period, "filed": self.filed.isoformat(), "kind": self.kind,
                "verb": self.verb, "guided": self.guided, "prior": self.prior, "mid": self.mid,
                "prior_mid": self.prior_mid, "mid_change": self.mid_change, "reason": self.reason,
                "text": self.text, "source": self.row.get("source"), "url": self.row.get("url"),
                "accession": self.row.get("accession")}


def revisions(store: Store, ticker: str, as_of: dt.date) -> list[GuidanceRevision]:
    """Every guidance vintage of `ticker` public by `as_of`, in filed order, each classified."""
    from aicycle.checkpoints.capex import _revisions  # the checkpoint's rules are the one reading

    out = []
    for r in _revisions(store, ticker, as_of):
        g, p = r.guide, r.prior
        out.append(GuidanceRevision(
            ticker=ticker, period=g.label, filed=g.filed, kind=r.kind, guided=g.text(),
            prior=p.text() if p is not None else None, mid=g.mid, prior_mid=p.mid if p is not None else None,
            mid_change=r.mid_change, reason=r.reason, text=r.text(), row=g.row))
    return out


def revisions_between(store: Store, after: dt.date, through: dt.date,
                      tickers: tuple[str, ...] = HYPERSCALERS) -> list[GuidanceRevision]:
    """The revisions filed after `after` and on or before `through`, oldest first (point in time:
    each is read with only what was public by `through`)."""
    found = [r for t in tickers for r in revisions(store, t, through) if after < r.filed <= through]
    return sorted(found, key=lambda r: (r.filed, r.ticker))
