"""Quarterly series from companyfacts, every vintage kept, with the period arithmetic spelled out.

Rules (docs/data.md has the long form):
- a direct fact whose duration is a quarter is stored as `reported`; a year as `reported` (FY);
- cash-flow facts in 10-Qs are year-to-date, so quarter = YTD(t) - YTD(t-1) and Q4 = annual -
  nine-month YTD (`derived`, `method` names both inputs with accession and filed date);
- a derived quarter is only produced for dates on which no direct 3-month fact was public;
- the concept is chosen per period (NVIDIA moved capex from PaymentsToAcquirePropertyPlantAndEquipment
  to PaymentsToAcquireProductiveAssets in 2020; Alphabet from RevenueFromContract... to Revenues);
- each derived vintage is dated by its later input, so "as of D" is `filed <= D` on stored rows;
- six- and nine-month YTD and trailing-twelve-month values are never stored as quarters.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from aicycle.sec import periods
from aicycle.sec.companyfacts import CompanyFacts, RawFact

PPE = "PaymentsToAcquirePropertyPlantAndEquipment"
PRODUCTIVE = "PaymentsToAcquireProductiveAssets"


@dataclass(frozen=True)
class MetricSpec:
    name: str
    tags: tuple[str, ...]  # preference order when two concepts report the same period in one filing
    instant: bool = False
    nonnegative: bool = False  # a negative derived value is suspicious (flagged)


METRICS: dict[str, MetricSpec] = {
    "capex": MetricSpec("capex", (PPE, PRODUCTIVE), nonnegative=True),
    "revenue": MetricSpec("revenue", ("Revenues", "RevenueFromContractWithCustomerExcludingAssessedTax",
                                      "RevenueFromContractWithCustomerIncludingAssessedTax",
                                      "SalesRevenueNet"), nonnegative=True),
    "operating_income": MetricSpec("operating_income", ("OperatingIncomeLoss",)),
    "rpo": MetricSpec("rpo", ("RevenueRemainingPerformanceObligation",), instant=True),
    "finance_lease_principal": MetricSpec("finance_lease_principal", ("FinanceLeasePrincipalPayments",),
                                          nonnegative=True),
}
COMBINED = "capex_incl_finance_leases"  # capex + finance_lease_principal (Meta's headline capex)
SEC_METRICS = (*METRICS, COMBINED)

# Amazon tags PP&E purchases too, but only ProductiveAssets carries the cash-flow line (TAG_MAPPING.md).
TAG_OVERRIDES: dict[str, dict[str, tuple[str, ...]]] = {"AMZN": {"capex": (PRODUCTIVE, PPE)}}

_KIND_RANK = {"reported": 2, "derived": 1, "curated": 0}


def tags_for(ticker: str, metric: str) -> tuple[str, ...]:
    override = TAG_OVERRIDES.get(ticker, {}).get(metric)
    return override or (METRICS[metric].tags if metric in METRICS else ())


@dataclass(frozen=True)
class Vintage:
    """One value for one period as public from `filed` on."""

    metric: str
    start: dt.date | None
    end: dt.date
    value: float
    kind: str
    method: str
    tag: str
    accession: str
    form: str
    filed: dt.date
    tag_rank: int = 0
    flag: str | None = None


def rank(v: Vintage) -> tuple:
    """Order of preference among vintages of one period: latest filed, then reported over derived,
    then the preferred concept. `aicycle.facts` applies the same order to stored rows."""
    return (v.filed, _KIND_RANK[v.kind], -v.tag_rank, v.accession)


def pick(vintages: Sequence[Vintage], day: dt.date) -> Vintage | None:
    public = [v for v in vintages if v.filed <= day]
    return max(public, key=rank) if public else None


def _join_flags(*flags: str | None) -> str | None:
    parts = sorted({p for f in flags if f for p in f.split(";")})
    return ";".join(parts) or None


def _dedupe(raw: Iterable[RawFact]) -> list[RawFact]:
    seen: dict[tuple, RawFact] = {}
    for f in raw:
        seen.setdefault((f.tag, f.start, f.end, f.accession), f)  # frame/no-frame duplicates
    return list(seen.values())


def _as_vintage(metric: str, f: RawFact, tag_order: tuple[str, ...], method: str,
                flag: str | None = None) -> Vintage:
    return Vintage(metric, f.start, f.end, f.value, "reported", method, f.tag, f.accession, f.form,
                   f.filed, tag_order.index(f.tag), flag)


def metric_vintages(cf: CompanyFacts, ticker: str, metric: str) -> list[Vintage]:
    """Every reported and derived vintage of one metric (quarters, fiscal years, instants)."""
    spec = METRICS[metric]
    order = tags_for(ticker, metric)
    raw = _dedupe(cf.facts_for(order))
    if spec.instant:
        return [_as_vintage(metric, f, order, "instant as reported") for f in raw if f.start is None]
    durations = [f for f in raw if f.start is not None]
    out: list[Vintage] = []
    for f in durations:
        shape, flag = periods.classify(f.start, f.end)  # type: ignore[arg-type]
        if shape == "quarter":
            out.append(_as_vintage(metric, f, order, "3-month fact as reported", flag))
        elif shape == "year":
            out.append(_as_vintage(metric, f, order, "annual fact as reported", flag))
    out.extend(_derive_from_ytd(spec, durations, order, out))
    return out


def _derive_from_ytd(spec: MetricSpec, durations: list[RawFact], order: tuple[str, ...],
                     reported: list[Vintage]) -> list[Vintage]:
    by_period: dict[tuple, list[Vintage]] = defaultdict(list)
    for f in durations:
        by_period[(f.start, f.end)].append(_as_vintage(spec.name, f, order, ""))
    direct: dict[tuple, list[Vintage]] = defaultdict(list)
    for v in reported:
        direct[(v.start, v.end)].append(v)
    ends_by_start: dict[dt.date, set[dt.date]] = defaultdict(set)
    for start, end in by_period:
        ends_by_start[start].add(end)
    out: list[Vintage] = []
    for start, ends in ends_by_start.items():
        chain = sorted(ends)
        for prev_end, end in pairwise(chain):
            if periods.days(start, prev_end) < periods.QUARTER_DAYS_LOOSE[0]:
                continue  # the earlier fact is not a year-to-date value
            shape, flag = periods.classify(prev_end, end)
            if shape != "quarter":
                continue  # two YTD values more than a quarter apart: not a quarter
            q_start = prev_end + dt.timedelta(days=1)
            out.extend(_difference(spec, start, by_period[(start, prev_end)], by_period[(start, end)],
                                   direct.get((q_start, end), []), q_start, flag))
    return out


def _difference(spec: MetricSpec, ytd_start: dt.date, earlier: list[Vintage], later: list[Vintage],
                direct: list[Vintage], q_start: dt.date, flag: str | None) -> list[Vintage]:
    out: list[Vintage] = []
    last_pair: tuple | None = None
    for day in sorted({v.filed for v in earlier + later}):
        if any(d.filed <= day for d in direct):
            break  # a 3-month fact is public: it is the quarter from here on
        a, b = pick(earlier, day), pick(later, day)
        if a is None or b is None or (a.accession, a.tag, b.accession, b.tag) == last_pair:
            continue
        last_pair = (a.accession, a.tag, b.accession, b.tag)
        value = b.value - a.value
        is_q4 = periods.classify(ytd_start, b.end)[0] == "year"
        label = "Q4 = annual minus 9-month YTD" if is_q4 else "YTD difference"
        method = (f"{label}: [{ytd_start}..{b.end}] {b.accession} ({b.tag}, filed {b.filed}) minus "
                  f"[{ytd_start}..{a.end}] {a.accession} ({a.tag}, filed {a.filed})")
        negative = "negative_derived_quarter" if spec.nonnegative and value < 0 else None
        mixed = "mixed_precision" if _rounded(a.value) != _rounded(b.value) else None
        source = b if (b.filed, b.accession) >= (a.filed, a.accession) else a
        out.append(Vintage(spec.name, q_start, b.end, value, "derived", method, b.tag, source.accession,
                           source.form, day, b.tag_rank, _join_flags(flag, negative, mixed)))
    return out


def _rounded(value: float) -> bool:
    """Reported in whole millions? Differencing a value in millions with one in thousands (CoreWeave
    switched in 2026) gives spurious digits, so such a pair is flagged."""
    return value % 1_000_000 == 0


def combined_vintages(capex: list[Vintage], leases: list[Vintage]) -> list[Vintage]:
    """capex_incl_finance_leases = capex + finance-lease principal, per period and per vintage."""
    by_period: dict[tuple, tuple[list[Vintage], list[Vintage]]] = defaultdict(lambda: ([], []))
    for v in capex:
        by_period[(v.start, v.end)][0].append(v)
    for v in leases:
        by_period[(v.start, v.end)][1].append(v)
    out: list[Vintage] = []
    for (start, end), (cv, lv) in by_period.items():
        if not cv or not lv:
            continue
        last: tuple | None = None
        for day in sorted({v.filed for v in cv + lv}):
            c, f = pick(cv, day), pick(lv, day)
            if c is None or f is None or (c, f) == last:
                continue
            last = (c, f)
            later = c if (c.filed, c.accession) >= (f.filed, f.accession) else f
            method = (f"capex + finance_lease_principal: {c.value:,.0f} [{c.kind}: {_short(c)}] + "
                      f"{f.value:,.0f} [{f.kind}: {_short(f)}]")
            out.append(Vintage(COMBINED, start, end, c.value + f.value, "derived", method,
                               f"{c.tag}+{f.tag}", later.accession, later.form, day, c.tag_rank,
                               _join_flags(c.flag, f.flag)))
    return out


def _short(v: Vintage) -> str:
    if v.kind == "reported":
        return f"{v.tag} {v.accession} filed {v.filed}"
    return v.method


def company_vintages(cf: CompanyFacts, ticker: str) -> list[Vintage]:
    """All SEC metrics of one company, including the labelled capex + finance-lease sum."""
    found = {m: metric_vintages(cf, ticker, m) for m in METRICS}
    out = [v for vs in found.values() for v in vs]
    if found["capex"] and found["finance_lease_principal"]:
        out.extend(combined_vintages(found["capex"], found["finance_lease_principal"]))
    return out


def missing_concepts(cf: CompanyFacts, ticker: str) -> list[str]:
    """Metrics for which the file holds none of the candidate concepts (reported, not an error)."""
    return [m for m in METRICS if not any(cf.has(t) for t in tags_for(ticker, m))]


def with_flag(v: Vintage, flag: str) -> Vintage:
    return replace(v, flag=_join_flags(v.flag, flag))
