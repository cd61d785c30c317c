"""Evidence from capex guidance: each revision of a guided year's range, and the guided level.

Revisions are read by `aicycle.guidance.revisions` (the capex checkpoint's rules: against the previous
range on record, else the prior range the company names), so the report, the event study and the check
call a revision the same thing. A year's only range is "not revised yet" when it was the year's first
guide, and "cannot tell" when it was first seen mid-year. Guided levels read the ranges directly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

from aicycle import guidance as shared_guidance
from aicycle.guidance import GuidanceRevision
from aicycle.rumor.evidence import (
    Item,
    as_date,
    days,
    direction_of,
    earliest,
    freshness,
    item_from_fact,
    money,
    pct,
    signed,
    vintages,
)
from aicycle.rumor.fundamentals import CAPEX_FAMILIES, family_rows
from aicycle.store import Store

GUIDANCE = ("capex_guidance_low", "capex_guidance_high", "capex_guidance_point")
# A year's first range published this long after the year began is probably not its first guide.
_INITIAL_GUIDE_DAYS = 75
# A headline's figure matches a guided range when both ends (or the midpoints) are this close.
_FIGURE_TOLERANCE = 0.01


class _Vintage:
    def __init__(self, filed: dt.date, year: int) -> None:
        self.filed, self.year = filed, year
        self.low = self.high = self.point = None
        self.rows: list[dict[str, Any]] = []

    @property
    def mid(self) -> float | None:
        if self.point is not None:
            return self.point
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high

    @property
    def label(self) -> str:
        if self.low is not None and self.high is not None:
            return f"${self.low / 1e9:,.0f}-{self.high / 1e9:,.0f}B"
        return money(self.mid)

    @property
    def notes(self) -> str:
        return " ".join(str(r.get(k) or "") for r in self.rows for k in ("text", "note", "method"))


def _guidance_by_year(store: Store, ticker: str, as_of: dt.date) -> dict[int, list[_Vintage]]:
    out: dict[int, dict[dt.date, _Vintage]] = defaultdict(dict)
    for row in vintages(store, ticker, GUIDANCE, as_of):
        if row["value"] is None:
            continue
        year = as_date(row["period_end"]).year  # type: ignore[union-attr]
        filed = as_date(row["filed"])
        v = out[year].setdefault(filed, _Vintage(filed, year))  # type: ignore[arg-type]
        setattr(v, row["metric"].removeprefix("capex_guidance_"), row["value"])
        v.rows.insert(0, row)
    said = _said_on(store, ticker, as_of)
    for vs in out.values():
        for v in vs.values():
            v.rows.extend(said.get(v.filed, []))  # the release's own words name the prior range
    return {y: sorted(vs.values(), key=lambda v: v.filed) for y, vs in out.items()}


def guidance_years(store: Store, ticker: str, as_of: dt.date) -> dict[int, list[_Vintage]]:
    """Every guided year's ranges public by as_of, oldest first (for level claims on guidance)."""
    return _guidance_by_year(store, ticker, as_of)


def _said_on(store: Store, ticker: str, as_of: dt.date) -> dict[dt.date, list[dict[str, Any]]]:
    out: dict[dt.date, list[dict[str, Any]]] = defaultdict(list)
    for row in store.query("SELECT * FROM facts WHERE ticker = ? AND metric = 'statement' AND value IS NULL "
                           "AND text IS NOT NULL AND filed <= ?", [ticker, as_of]):
        if re.search(r"capital expenditure|capex", str(row["text"]), re.I):
            out[as_date(row["filed"])].append(row)  # type: ignore[index]
    return out


def _target_year(by_year: dict[int, list[_Vintage]], year: int | None, as_of: dt.date) -> int | None:
    if year in by_year:
        return year
    if year is not None and by_year and not min(by_year) - 1 <= year <= max(by_year):
        return None  # a year nobody had guided yet (or long past): another year's range says nothing
    recent = [y for y, vs in by_year.items() if vs[-1].filed >= earliest(as_of)]
    return max(recent) if recent else None


# How a shared revision kind (aicycle.guidance) reads for a claim: raised / cut move the guide; a
# reaffirmed or widened guide is "not revised" (it says the claim had not happened, not that it is false).
_OBSERVED = {"raised": "up", "narrowed_up": "up", "cut": "down", "narrowed_down": "down",
             "reaffirmed": "flat", "widened": "flat"}
_NOT_REVISED = ("reaffirmed", "widened")


def range_of(rev: GuidanceRevision) -> tuple[float, float]:
    """(low, high) of a guide: "$130.0B–$145.0B" or "~$175.0B" (a point is its own range)."""
    mid = rev.mid or 0.0
    return _range(rev.guided) or (mid, mid)


def revisions_by_year(store: Store, ticker: str, as_of: dt.date) -> dict[int, list[GuidanceRevision]]:
    out: dict[int, list[GuidanceRevision]] = defaultdict(list)
    for rev in shared_guidance.revisions(store, ticker, as_of):
        year = re.search(r"(\d{4})$", rev.period)
        if year:
            out[int(year.group(1))].append(rev)
    return out


def _pick_year(by_year: dict[int, list[GuidanceRevision]], year: int | None, as_of: dt.date) -> int | None:
    if year in by_year:
        return year
    if year is not None and by_year and not min(by_year) - 1 <= year <= max(by_year):
        return None  # a year nobody had guided yet (or long past): another year's range says nothing
    recent = [y for y, vs in by_year.items() if vs[-1].filed >= earliest(as_of)]
    return max(recent) if recent else None


def _end_moved(rev: GuidanceRevision, end: str) -> str | None:
    """How one end of the range moved ("bumped the TOP end": only the low end was raised); None without a prior."""
    if rev.prior is None:
        return None
    now, then = range_of(rev), _range(rev.prior)
    if then is None:
        return None
    i = 1 if end == "high" else 0
    return "up" if now[i] > then[i] else "down" if now[i] < then[i] else "flat"


def _range(guided: str) -> tuple[float, float] | None:
    found = [float(x) * 1e9 for x in re.findall(r"\$([\d,.]+)B", guided.replace(",", ""))]
    return (min(found), max(found)) if found else None


def _revision_item(rev: GuidanceRevision, weight: float, as_of: dt.date, end: str | None = None) -> Item:
    observed = (_end_moved(rev, end) if end else None) or _OBSERVED[rev.kind]
    item = item_from_fact(rev.row, "guidance_unrevised" if rev.kind in _NOT_REVISED else "guidance_revision",
                          rev.text, observed=observed, change=rev.mid_change, absence=rev.kind in _NOT_REVISED,
                          weight=weight * freshness(rev.filed, as_of), value=rev.mid, unit="USD")
    item.date = rev.filed
    item.period = rev.period
    item.method = f"guidance revision ({rev.verb}), read as the capex checkpoint reads it"
    if rev.reason:
        item.caveat = f"the source ties this revision to {rev.reason}, not to spending"
        item.weight *= 0.3
    return item


def guidance_revisions(store: Store, ticker: str, as_of: dt.date, year: int | None = None,
                       end: str | None = None) -> list[Item]:
    """Each revision of the guided year's capex range, newest first (as `aicycle.guidance.revisions` reads
    it, so the report, the event study and the check call it the same); or that none has happened yet. With
    `end` ("high", "low"), a revision is read by how that end of the range moved."""
    by_year = revisions_by_year(store, ticker, as_of)
    target = _pick_year(by_year, year, as_of)
    if target is None:
        return []
    revs = by_year[target]
    earlier = 0.0 if end else 0.6  # "bumped the TOP end": the latest revision's, not an earlier one's
    items = [_revision_item(rev, 1.0 if i == len(revs) - 1 else earlier, as_of, end)
             for i, rev in enumerate(revs) if rev.kind in _OBSERVED]
    if not any(i.signal == "guidance_revision" for i in items):
        items = [i for i in items if i.signal != "guidance_unrevised"] + [_unrevised(ticker, target, revs[0], as_of)]
    return items[::-1]


def _unrevised(ticker: str, target: int, first: GuidanceRevision, as_of: dt.date) -> Item:
    """No revision: 'not revised yet' only if the range on record was the year's first guide."""
    start = as_date(first.row.get("period_start")) or dt.date(target, 1, 1)
    initial = first.kind.startswith("initial") or first.filed <= start + dt.timedelta(days=_INITIAL_GUIDE_DAYS)
    if initial:
        text = (f"{ticker}'s {target} capex guidance of {first.guided}, set on {first.filed}, "
                f"had not been revised by {as_of}")
    else:
        described = _described_move(first.row)
        if described is not None:
            return _described_item(ticker, target, first, described, as_of)
        text = (f"{ticker} guided {target} capex to {first.guided} on {first.filed}; no earlier range for "
                f"{target} is on record, so whether this raised or cut the outlook cannot be told")
    item = item_from_fact(first.row, "guidance_unrevised" if initial else "guidance_unknown_prior", text,
                          observed="flat" if initial else None, weight=0.6 if initial else 0.0,
                          absence=True, value=first.mid, unit="USD")
    item.date = first.filed
    item.period = first.period
    return item


# the source of a curated guide describing its move: "raised by ~2B to ~20B", "down from ~USD190B"
_SOURCE_SAYS = re.compile(r"(?:^|;\s*)source: (?P<said>[^;]*)")
_DESCRIBED = (("up", re.compile(r"\b(?:rais|increas|lift|boost|hik)\w*|\bup from\b", re.I)),
              ("down", re.compile(r"\b(?:cut|lower|reduc|trimm?)\w*|\bdown from\b", re.I)))


def _described_move(row: dict[str, Any]) -> tuple[str, str] | None:
    """(up | down, the source's words) where the source of a curated guide says how it moved."""
    m = _SOURCE_SAYS.search(row.get("note") or "")
    said = m.group("said").strip() if m else ""
    moves = [way for way, words in _DESCRIBED if words.search(said)]
    return (moves[0], said) if len(moves) == 1 else None


def _described_item(ticker: str, target: int, first: GuidanceRevision, described: tuple[str, str],
                    as_of: dt.date) -> Item:
    """A guide with no earlier range on record, whose source says how it moved: that, at a source's weight."""
    way, said = described
    text = (f"{ticker} guided {target} capex to {first.guided} on {first.filed}; no earlier range is on record, "
            f"and the source describes the guide as \u201c{said}\u201d")
    item = item_from_fact(first.row, "guidance_revision", text, observed=way,
                          weight=0.6 * freshness(first.filed, as_of), value=first.mid, unit="USD")
    item.date, item.period = first.filed, first.period
    item.method = "guidance revision as its (third-party) source describes it; the earlier guide is not on record"
    return item


def guidance_level(store: Store, ticker: str, as_of: dt.date, year: int | None = None) -> list[Item]:
    """The guided year's spending against the year before (actual capex, else last guidance)."""
    by_year = _guidance_by_year(store, ticker, as_of)
    target = _target_year(by_year, year, as_of)
    if target is None:
        return []
    latest = by_year[target][-1]
    base, base_label, base_row = _prior_year_base(store, ticker, target, as_of, by_year)
    if base is None:
        return []
    change = pct(latest.mid, base)
    text = (f"{ticker} guides {target} capex to {latest.label} (as of {latest.filed}), "
            f"{signed(change)} vs {base_label}")
    item = item_from_fact(latest.rows[0], "guidance_level", text, observed=direction_of(change), change=change,
                          weight=0.9 * freshness(latest.filed, as_of), value=latest.mid, unit="USD")
    item.period = f"FY{target}"
    if base_row is not None and as_date(base_row.get("filed")) and as_date(base_row["filed"]) > latest.filed:  # type: ignore[operator]
        item.date = as_date(base_row["filed"])  # the comparison became possible only then
    why = _misaligned(base_row, latest) if base_row is not None and base_row.get("metric") not in GUIDANCE else None
    base_end = as_date(base_row.get("period_end")) if base_row is not None else None
    if base_end is not None and base_end.year == target - 2:
        why = f"the base is {target - 2}, two years earlier (no {target - 1} figure on record)"
    if why:
        item.caveat = f"the base is not like for like: {why}"
        item.weight *= 0.6
    return [item]


def _misaligned(base_row: dict[str, Any], latest: _Vintage) -> str | None:
    """Why the prior-year actual is not the same kind of year or measure as the guided range, if so."""
    guided = as_date(latest.rows[0].get("period_end"))
    actual = as_date(base_row.get("period_end"))
    if guided is not None and actual is not None and guided.month != actual.month:
        return f"a fiscal year ending {actual:%B} against a range for the year ending {guided:%B}"
    if base_row.get("metric") == "capex" and "lease" in latest.notes.lower():
        return "cash capex without finance leases against a range that includes them"
    return None


def _prior_year_base(store: Store, ticker: str, target: int, as_of: dt.date,
                     by_year: dict[int, list[_Vintage]]) -> tuple[float | None, str, dict[str, Any] | None]:
    for family in CAPEX_FAMILIES:
        for row in reversed(family_rows(store, ticker, family, as_of)):
            end = as_date(row["period_end"])
            if end and end.year == target - 1 and (days(row) or 0) >= 350:
                return row["value"], f"{target - 1} actual {money(row['value'])}", row
    prior = by_year.get(target - 1)
    if prior:
        return prior[-1].mid, f"{target - 1} guidance {prior[-1].label}", prior[-1].rows[0]
    # No year-before figure on record: a full year two years back still says which way spending goes.
    for family in CAPEX_FAMILIES:
        for row in reversed(family_rows(store, ticker, family, as_of)):
            end = as_date(row["period_end"])
            if end and end.year == target - 2 and (days(row) or 0) >= 350:
                return row["value"], f"{target - 2} actual {money(row['value'])}", row
    return None, "", None


def _matches(v: _Vintage, amount: tuple[float, float]) -> bool:
    def close(a: float | None, b: float) -> bool:
        return a is not None and abs(a - b) <= _FIGURE_TOLERANCE * b
    low, high = amount
    if low != high and v.low is not None and v.high is not None:
        return close(v.low, low) and close(v.high, high)
    return any(close(x, low) for x in (v.mid, v.low, v.high))  # "lifts the low end to $130B"


def figure_check(store: Store, ticker: str, as_of: dt.date, year: int | None,
                 amount: tuple[float, float]) -> Item | None:
    """A headline that names a new range is only borne out once some range of that year matches it."""
    by_year = _guidance_by_year(store, ticker, as_of)
    target = _target_year(by_year, year, as_of)
    if target is None:
        return None
    if any(_matches(v, amount) for v in by_year[target]):
        return None
    latest = by_year[target][-1]
    named = money(amount[0]) if amount[0] == amount[1] else f"${amount[0] / 1e9:,.0f}-{amount[1] / 1e9:,.0f}B"
    text = (f"The headline names {named}; no {target} capex guidance of that size was public by {as_of} "
            f"(the latest, on {latest.filed}: {latest.label})")
    item = item_from_fact(latest.rows[0], "figure_mismatch", text, observed=None, weight=0.0,
                          value=latest.mid, unit="USD")
    item.period = f"FY{target}"
    return item


def growth_change(store: Store, ticker: str, as_of: dt.date, year: int | None) -> list[Item]:
    """ "Capex growth slows in 2026": the year's rise over the year before (its full-year figure, else its
    latest guide) against that year's own rise over the one before it, both actuals of one measure."""
    if year is None:
        return []
    for family in CAPEX_FAMILIES:
        years = {as_date(r["period_end"]).year: r for r in family_rows(store, ticker, family, as_of)  # type: ignore[union-attr]
                 if (days(r) or 0) >= 350 and as_date(r["period_end"]) is not None}
        if year - 1 in years and year - 2 in years:
            break
    else:
        return []
    base, before = years[year - 1], years[year - 2]
    latest = _guidance_by_year(store, ticker, as_of).get(year, [None])[-1]
    if year in years:
        value, said, row = float(years[year]["value"]), f"{year} actual {money(years[year]['value'])}", years[year]
    elif latest is not None and latest.mid is not None and _misaligned(base, latest) is None:
        value, said, row = latest.mid, f"{year} guide {latest.label} (as of {latest.filed})", latest.rows[0]
    else:
        return []
    now, then = pct(value, float(base["value"])), pct(float(base["value"]), float(before["value"]))
    if now is None or then is None or abs(now - then) < _GROWTH_BAND:
        return []
    observed = "slower" if now < then else "faster"
    text = (f"{ticker} {said} is {signed(now)} on {year - 1}'s {money(base['value'])}, which was {signed(then)} "
            f"on {year - 2}'s {money(before['value'])}: growth {observed}")
    item = item_from_fact(row, "capex_growth_change", text, observed=observed, change=now - then,
                          weight=0.9 * freshness(as_date(row.get("filed")), as_of))
    item.period = f"FY{year}"
    return [item]


# Growth rates this close (in points) are the same pace: a guide's midpoint is not that precise.
_GROWTH_BAND = 0.05
