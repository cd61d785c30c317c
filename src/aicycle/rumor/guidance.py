"""Evidence from capex guidance: each revision of a guided year's range, and the guided level.

A revision is read against the previous range on record, else against the prior range the release
itself names ("increased from our prior range of $115-135 billion"). A year's only range is "not
revised yet" when it was the year's first guide, and "cannot tell" when it was first seen mid-year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

from aicycle.rumor.evidence import (
    Item,
    _as_date,
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
_PRIOR_RANGE = re.compile(
    r"(?:from|prior (?:range|outlook) of)\s+(?:our\s+)?(?:prior\s+(?:range|outlook)\s+of\s+)?(?:~|approximately\s+)?"
    r"\$?(\d+(?:\.\d+)?)\s*(?:billion|bn|B)?\s*(?:to|-|–)\s*\$?(\d+(?:\.\d+)?)\s*(?:billion|bn|B)",
    re.I)
_PRIOR_POINT = re.compile(r"(?:down|up|lowered|raised|cut|increased|reduced) from\s+(?:~|approximately\s+)?"
                          r"(?:USD\s?|US\$|\$)?(\d+(?:\.\d+)?)\s*(?:billion|bn|B)", re.I)
_TEXT_UP = re.compile(r"\b(?:rais\w*|increas\w*|lift\w*|up) (?:by|from)\b|\braised\b", re.I)
_TEXT_DOWN = re.compile(r"\b(?:lower\w*|reduc\w*|cut|down) (?:by|from)\b|\blowered\b", re.I)
_ACCOUNTING = re.compile(r"accounting|classification|reclassif|definition", re.I)


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
        year = _as_date(row["period_end"]).year  # type: ignore[union-attr]
        filed = _as_date(row["filed"])
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
            out[_as_date(row["filed"])].append(row)  # type: ignore[index]
    return out


def _target_year(by_year: dict[int, list[_Vintage]], year: int | None, as_of: dt.date) -> int | None:
    if year in by_year:
        return year
    if year is not None and by_year and not min(by_year) - 1 <= year <= max(by_year):
        return None  # a year nobody had guided yet (or long past): another year's range says nothing
    recent = [y for y, vs in by_year.items() if vs[-1].filed >= earliest(as_of)]
    return max(recent) if recent else None


def _prior_from_text(v: _Vintage) -> tuple[float | None, str | None]:
    """A release often says what it revised: 'increased from our prior range of $115-135 billion'."""
    m = _PRIOR_RANGE.search(v.notes)
    if m:
        low, high = float(m.group(1)) * 1e9, float(m.group(2)) * 1e9
        return (low + high) / 2, f"${m.group(1)}-{m.group(2)}B"
    m = _PRIOR_POINT.search(v.notes)
    if m:
        return float(m.group(1)) * 1e9, f"${m.group(1)}B"
    return None, None


def _revision_item(ticker: str, new: _Vintage, old_mid: float | None, old_label: str | None,
                   weight: float, as_of: dt.date) -> Item | None:
    change = pct(new.mid, old_mid)
    observed = direction_of(change, 0.005)
    if observed is None:  # no prior number: fall back to the words of the release
        observed = "up" if _TEXT_UP.search(new.notes) else "down" if _TEXT_DOWN.search(new.notes) else None
    if observed is None:
        return None
    verb = {"up": "raised", "down": "lowered", "flat": "kept"}[observed]
    prior = f" from {old_label}" if old_label else ""
    text = (f"{ticker} {verb} its {new.year} capex guidance to {new.label}{prior} on {new.filed}"
            + (f" (midpoint {signed(change)})" if change is not None else ""))
    item = item_from_fact(new.rows[0], "guidance_revision", text, observed=observed, change=change,
                          weight=weight * freshness(new.filed, as_of), value=new.mid, unit="USD")
    item.period = f"FY{new.year}"
    if _ACCOUNTING.search(new.notes):
        item.caveat = "the source ties this revision to an accounting or definition change, not to spending"
        item.weight *= 0.3
    return item


def guidance_revisions(store: Store, ticker: str, as_of: dt.date, year: int | None = None) -> list[Item]:
    """Each revision of the guided year's capex range, newest first; or that none has happened yet."""
    by_year = _guidance_by_year(store, ticker, as_of)
    target = _target_year(by_year, year, as_of)
    if target is None:
        return []
    vs = by_year[target]
    items: list[Item] = []
    for i, new in enumerate(vs):
        old_mid, old_label = (vs[i - 1].mid, vs[i - 1].label) if i else _prior_from_text(new)
        if i == 0 and old_mid is None and not (_TEXT_UP.search(new.notes) or _TEXT_DOWN.search(new.notes)):
            continue  # a first range for a new year is a level, not a revision
        weight = 1.0 if i == len(vs) - 1 else 0.6
        item = _revision_item(ticker, new, old_mid, old_label, weight, as_of)
        if item:
            items.append(item)
    if not items:
        items.append(_unrevised(ticker, target, vs[-1], as_of))
    return items[::-1]


def _unrevised(ticker: str, target: int, only: _Vintage, as_of: dt.date) -> Item:
    """One range and no revision: 'not revised yet' only if that range was the year's first guide."""
    start = _as_date(only.rows[0].get("period_start")) or dt.date(target, 1, 1)
    initial = only.filed <= start + dt.timedelta(days=_INITIAL_GUIDE_DAYS)
    if initial:
        text = (f"{ticker}'s {target} capex guidance of {only.label}, set on {only.filed}, "
                f"had not been revised by {as_of}")
    else:
        text = (f"{ticker} guided {target} capex to {only.label} on {only.filed}; no earlier range for "
                f"{target} is on record, so whether this raised or cut the outlook cannot be told")
    item = item_from_fact(only.rows[0], "guidance_unrevised" if initial else "guidance_unknown_prior", text,
                          observed="flat" if initial else None, weight=0.6 if initial else 0.0,
                          absence=True, value=only.mid, unit="USD")
    item.period = f"FY{target}"
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
    if base_row is not None and _as_date(base_row.get("filed")) and _as_date(base_row["filed"]) > latest.filed:  # type: ignore[operator]
        item.date = _as_date(base_row["filed"])  # the comparison became possible only then
    why = _misaligned(base_row, latest) if base_row is not None and base_row.get("metric") not in GUIDANCE else None
    base_end = _as_date(base_row.get("period_end")) if base_row is not None else None
    if base_end is not None and base_end.year == target - 2:
        why = f"the base is {target - 2}, two years earlier (no {target - 1} figure on record)"
    if why:
        item.caveat = f"the base is not like for like: {why}"
        item.weight *= 0.6
    return [item]


def _misaligned(base_row: dict[str, Any], latest: _Vintage) -> str | None:
    """Why the prior-year actual is not the same kind of year or measure as the guided range, if so."""
    guided = _as_date(latest.rows[0].get("period_end"))
    actual = _as_date(base_row.get("period_end"))
    if guided is not None and actual is not None and guided.month != actual.month:
        return f"a fiscal year ending {actual:%B} against a range for the year ending {guided:%B}"
    if base_row.get("metric") == "capex" and "lease" in latest.notes.lower():
        return "cash capex without finance leases against a range that includes them"
    return None


def _prior_year_base(store: Store, ticker: str, target: int, as_of: dt.date,
                     by_year: dict[int, list[_Vintage]]) -> tuple[float | None, str, dict[str, Any] | None]:
    for family in CAPEX_FAMILIES:
        for row in reversed(family_rows(store, ticker, family, as_of)):
            end = _as_date(row["period_end"])
            if end and end.year == target - 1 and (days(row) or 0) >= 350:
                return row["value"], f"{target - 1} actual {money(row['value'])}", row
    prior = by_year.get(target - 1)
    if prior:
        return prior[-1].mid, f"{target - 1} guidance {prior[-1].label}", prior[-1].rows[0]
    # No year-before figure on record: a full year two years back still says which way spending goes.
    for family in CAPEX_FAMILIES:
        for row in reversed(family_rows(store, ticker, family, as_of)):
            end = _as_date(row["period_end"])
            if end and end.year == target - 2 and (days(row) or 0) >= 350:
                return row["value"], f"{target - 2} actual {money(row['value'])}", row
    return None, "", None


def _matches(v: _Vintage, amount: tuple[float, float]) -> bool:
    def close(a: float | None, b: float) -> bool:
        return a is not None and abs(a - b) <= _FIGURE_TOLERANCE * b
    low, high = amount
    if low != high and v.low is not None and v.high is not None:
        return close(v.low, low) and close(v.high, high)
    return close(v.mid, (low + high) / 2)


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
