"""HBM supply as the memory makers' dated statements say it, point in time: `supply(store, as_of)`.

Each statement is classified (sold out, booked, delay, qualification, shipment, glut) and, for sold-out
and booked statements, tied to the years it covers ("2026 HBM4 production sold out" covers 2026). The
rule, with its weights in rules.py (HBM_*):

- a sold-out or booked statement is current from its public date to the end of the last year it covers:
  "sold out for 2025" says nothing about supply in 2026;
- any other statement counts for HBM_STATEMENT_DAYS after its public date;
- the supply state is the sum of the current statements' weights (a report the company has not confirmed
  counts HBM_UNCONFIRMED_FACTOR of its weight): at least HBM_TIGHT_AT is "tight", at most
  HBM_LOOSENING_AT "loosening", in between "balanced"; no current statement is "unknown".

The rumor check and the memory checkpoint both read supply through `supply()`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from aicycle import rules, universe
from aicycle.store import Store

TICKERS = ("MU", "000660.KS", "005930.KS")
STATES = ("tight", "balanced", "loosening", "unknown")
# Order matters: the first kind whose words appear wins ("HBM3E in mass production; 2026 orders secured"
# is a booking, not a shipment).
_KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("glut", (*rules.GLUT_WORDS, "oversupplied", "price cut")),
    ("delay", ("delay",)),
    ("qualification", ("qualification", "quality test", "qualified")),
    ("sold_out", ("sold out", "sellout", "sold-out", "fully booked")),
    ("booked", ("orders already secured", "secured customer orders", "negotiations", "price/volume",
                "agreements completed", "supply agreements")),
    ("shipment", ("shipped", "mass production", "mass-produced")),
)
# Years that only date the statement, not the supply it is about: "May 2024", "Q3-2023", "FY2026".
_DATING = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (?:20\d\d)|"
                     r"\bq[1-4][- ]20\d\d|20\d\dq[1-4]|\bf[yq]\d? ?(?:fy)?20\d\d|\bfy20\d\d", re.I)
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


@dataclass(frozen=True)
class Statement:
    """One dated HBM statement and how the rule reads it on the as-of date."""

    ticker: str
    company: str
    filed: dt.date
    text: str
    kind: str            # sold_out | booked | delay | qualification | shipment | glut | other
    years: tuple[int, ...]  # the years a sold-out or booked statement covers
    confirmed: bool
    weight: float        # what it adds to the supply balance when current
    current: bool
    why: str             # why it is (not) current
    row: dict[str, Any] = field(repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"ticker": self.ticker, "company": self.company, "filed": self.filed.isoformat(), "text": self.text,
                "kind": self.kind, "years": list(self.years), "confirmed": self.confirmed, "weight": self.weight,
                "current": self.current, "why": self.why, "source": self.row.get("source"),
                "url": self.row.get("url"), "method": self.row.get("method"), "flag": self.row.get("flag"),
                "note": self.row.get("note")}


@dataclass(frozen=True)
class Supply:
    """HBM supply on one date: the state, the balance behind it, and every statement weighed."""

    as_of: dt.date
    state: str
    balance: float | None
    statements: tuple[Statement, ...]  # public by as_of, newest first (current or not)

    @property
    def current(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.current)

    def to_dict(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "state": self.state, "balance": self.balance,
                "statements": [s.to_dict() for s in self.statements]}


def classify(text: str) -> str:
    lowered = text.lower()
    return next((kind for kind, words in _KIND_WORDS if any(w in lowered for w in words)), "other")


def covered_years(text: str, filed: dt.date) -> tuple[int, ...]:
    """The years a statement's supply is about; a statement naming none is about its own year."""
    years = sorted({int(y) for y in _YEAR.findall(_DATING.sub(" ", text))})
    return tuple(years) if years else (filed.year,)


def confirmed(row: dict[str, Any]) -> bool:
    flag = (row.get("flag") or "").lower()
    return "not confirmed" not in flag and "media report" not in flag


def weigh(row: dict[str, Any], as_of: dt.date) -> Statement:
    """How the rule reads one statement row (metric 'statement', text set) on `as_of`."""
    text, filed = row["text"], row["filed"]
    kind = classify(text)
    years = covered_years(text, filed) if kind in ("sold_out", "booked") else ()
    sure = confirmed(row)
    weight = rules.HBM_KIND_WEIGHTS.get(kind, 0.0) * (1.0 if sure else rules.HBM_UNCONFIRMED_FACTOR)
    if filed > as_of:
        current, why = False, f"not public until {filed}"
    elif years:
        current = as_of.year <= max(years)
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        why = f"covers {span}" if current else f"about {span}, not current in {as_of.year}"
    else:
        age = (as_of - filed).days
        current = age <= rules.HBM_STATEMENT_DAYS
        why = f"{age} days old" + ("" if current else f" (> {rules.HBM_STATEMENT_DAYS})")
    return Statement(ticker=row["ticker"], company=_name(row["ticker"]), filed=filed, text=text, kind=kind,
                     years=years, confirmed=sure, weight=round(weight, 3), current=current, why=why, row=row)


def state_for(balance: float | None) -> str:
    if balance is None:
        return "unknown"
    if balance >= rules.HBM_TIGHT_AT:
        return "tight"
    if balance <= rules.HBM_LOOSENING_AT:
        return "loosening"
    return "balanced"


def statement_rows(store: Store, as_of: dt.date) -> list[dict[str, Any]]:
    """The memory makers' HBM statements public by `as_of` (capex plans are not supply statements)."""
    return store.query(
        "SELECT * FROM facts WHERE metric = 'statement' AND text IS NOT NULL AND filed IS NOT NULL "
        "AND filed <= ? AND ticker IN (SELECT unnest(?)) AND coalesce(tag, '') <> 'capex_plan' "
        "AND (tag = 'hbm_statement' OR lower(text) LIKE '%hbm%') ORDER BY filed DESC, ticker, fact_key",
        [as_of, list(TICKERS)])


def supply(store: Store, as_of: dt.date) -> Supply:
    """HBM supply as of a date, from the statements public by then."""
    weighed = tuple(weigh(row, as_of) for row in statement_rows(store, as_of))
    current = [s for s in weighed if s.current]
    balance = round(sum(s.weight for s in current), 3) if current else None
    return Supply(as_of=as_of, state=state_for(balance), balance=balance, statements=weighed)


def _name(ticker: str) -> str:
    try:
        return universe.get(ticker).name
    except Exception:  # a statement from outside the universe keeps its ticker
        return ticker
