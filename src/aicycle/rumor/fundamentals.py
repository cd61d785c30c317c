"""Evidence from the facts table: capex trend, guidance revisions and level, backlog, power, revenue.

Each provider is `provider(store, ticker, as_of, year) -> list[Item]`, reads only rows public by
as_of, and can be swapped for a richer reader without touching the verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

from aicycle.rumor.evidence import (Item, days, direction_of, earliest, freshness, item_from_fact, money,
                                    pct, series, signed, vintages, _as_date)
from aicycle.store import Store

# Metrics that measure the same thing are paired only with each other (a lease-inclusive figure is
# never compared with a cash-only one).
CAPEX_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("capex_incl_finance_leases", "capex_incl_finance_leases_mgmt"),
    ("capex",),
)
GUIDANCE = ("capex_guidance_low", "capex_guidance_high", "capex_guidance_point")
BACKLOG = ("backlog", "rpo_commercial", "rpo")
POWER = ("active_power_mw", "contracted_power_mw")
_SPANS = ((80, 100, "quarter", 0.8), (350, 380, "year", 0.7))


def _family_rows(store: Store, ticker: str, metrics: tuple[str, ...], as_of: dt.date) -> list[dict[str, Any]]:
    seen: dict[tuple[Any, Any], dict[str, Any]] = {}
    for metric in metrics:  # the first metric of a family wins a period both report
        for row in series(store, ticker, metric, as_of):
            seen.setdefault((row["period_start"], row["period_end"]), row)
    return sorted(seen.values(), key=lambda r: (r["period_end"], r["period_start"]))


def _year_ago(rows: list[dict[str, Any]], end: dt.date, tolerance: int) -> dict[str, Any] | None:
    target = end - dt.timedelta(days=365)
    close = [r for r in rows if abs((_as_date(r["period_end"]) - target).days) <= tolerance]  # type: ignore[operator]
    return close[-1] if close else None


def duration_trend(store: Store, ticker: str, as_of: dt.date, *, families: tuple[tuple[str, ...], ...],
                   signal: str, label: str) -> list[Item]:
    """Latest quarter and latest year against the same span a year earlier (YoY)."""
    for family in families:
        rows = _family_rows(store, ticker, family, as_of)
        items = []
        for lo, hi, span, weight in _SPANS:
            spans = [r for r in rows if (days(r) or 0) in range(lo, hi + 1)]
            if not spans:
                continue
            latest = spans[-1]
            prior = _year_ago(spans[:-1], _as_date(latest["period_end"]), 20)  # type: ignore[arg-type]
            if prior is None or _as_date(latest["filed"]) < earliest(as_of):  # type: ignore[operator]
                continue
            change = pct(latest["value"], prior["value"])
            text = (f"{ticker} {label} {money(latest['value'], latest['unit'])} for the {span} ending "
                    f"{latest['period_end']} vs {money(prior['value'], prior['unit'])} a year earlier "
                    f"({signed(change)} YoY)")
            items.append(item_from_fact(latest, signal, text, observed=direction_of(change), change=change,
                                        weight=weight * freshness(_as_date(latest["filed"]), as_of)))
        if items:
            return items
    return []


def capex_trend(store: Store, ticker: str, as_of: dt.date, year: int | None = None) -> list[Item]:
    return duration_trend(store, ticker, as_of, families=CAPEX_FAMILIES, signal="capex_trend", label="capex")


def revenue_trend(store: Store, ticker: str, as_of: dt.date, year: int | None = None) -> list[Item]:
    items = duration_trend(store, ticker, as_of, families=(("revenue",),), signal="revenue_trend",
                           label="revenue")
    for item in items:  # demand proxy only: weaker than a direct statement of supply
        item.weight *= 0.5
    return items


# --- guidance -----------------------------------------------------------------------------------

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
        v.rows.append(row)
    return {y: sorted(vs.values(), key=lambda v: v.filed) for y, vs in out.items()}


def _target_year(by_year: dict[int, list[_Vintage]], year: int | None, as_of: dt.date) -> int | None:
    if year in by_year:
        return year
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
        first = vs[-1]
        item = item_from_fact(first.rows[0], "guidance_unrevised",
                              f"{ticker}'s {target} capex guidance of {first.label}, set on {first.filed}, "
                              f"had not been revised by {as_of}", observed="flat", weight=0.6,
                              absence=True, value=first.mid, unit="USD")
        item.period = f"FY{target}"
        items.append(item)
    return items[::-1]


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
    item = item_from_fact(latest.rows[-1], "guidance_level", text, observed=direction_of(change), change=change,
                          weight=0.9 * freshness(latest.filed, as_of), value=latest.mid, unit="USD")
    item.period = f"FY{target}"
    if base_row is not None and _as_date(base_row.get("filed")) and _as_date(base_row["filed"]) > latest.filed:  # type: ignore[operator]
        item.date = _as_date(base_row["filed"])  # the comparison became possible only then
    return [item]


def _prior_year_base(store: Store, ticker: str, target: int, as_of: dt.date,
                     by_year: dict[int, list[_Vintage]]) -> tuple[float | None, str, dict[str, Any] | None]:
    for family in CAPEX_FAMILIES:
        for row in reversed(_family_rows(store, ticker, family, as_of)):
            end = _as_date(row["period_end"])
            if end and end.year == target - 1 and (days(row) or 0) >= 350:
                return row["value"], f"{target - 1} actual {money(row['value'])}", row
    prior = by_year.get(target - 1)
    if prior:
        return prior[-1].mid, f"{target - 1} guidance {prior[-1].label}", prior[-1].rows[-1]
    return None, "", None


# --- backlog and power (instants) ---------------------------------------------------------------

_NOT_COMPARABLE = re.compile(r"not comparable|changed (?:its |the )?(?:backlog )?definition|definition change",
                             re.I)


def instant_trend(store: Store, ticker: str, as_of: dt.date, metric: str, signal: str, label: str) -> list[Item]:
    rows = _by_end(series(store, ticker, metric, as_of))
    if len(rows) < 2 or _as_date(rows[-1]["filed"]) < earliest(as_of):  # type: ignore[operator]
        return []
    latest = rows[-1]
    end = _as_date(latest["period_end"])
    prior = _year_ago(rows[:-1], end, 45)  # type: ignore[arg-type]
    span, weight = ("a year earlier", 0.8) if prior else ("the previous report", 0.6)
    prior = prior or rows[-2]
    change = pct(latest["value"], prior["value"])
    text = (f"{ticker} {label} {money(latest['value'], latest['unit'])} at {latest['period_end']} vs "
            f"{money(prior['value'], prior['unit'])} at {prior['period_end']}, {span} ({signed(change)})")
    item = item_from_fact(latest, signal, text, observed=direction_of(change), change=change,
                          weight=weight * freshness(_as_date(latest["filed"]), as_of))
    if _NOT_COMPARABLE.search(_notes(store, ticker, metric, (latest, prior), as_of)):
        item.caveat = "the definition changed between the two dates; the change overstates growth"
        item.weight *= 0.5
    return [item]


def _by_end(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per date for an instant (some loaders give instants a period start, some do not)."""
    out: dict[Any, dict[str, Any]] = {}
    for row in rows:
        best = out.get(row["period_end"])
        if best is None or str(row["filed"]) >= str(best["filed"]):
            out[row["period_end"]] = row
    return [out[k] for k in sorted(out)]


def _notes(store: Store, ticker: str, metric: str, rows: tuple[dict[str, Any], ...], as_of: dt.date) -> str:
    """Every note public by as_of on these dates, from any vintage or loader (definition changes)."""
    found = store.query(
        "SELECT coalesce(note, '') || ' ' || coalesce(flag, '') AS n FROM facts WHERE ticker = ? AND metric = ? "
        "AND period_end IN (?, ?) AND filed <= ?",
        [ticker, metric, rows[0]["period_end"], rows[1]["period_end"], as_of])
    return " ".join(r["n"] for r in found)


def backlog_trend(store: Store, ticker: str, as_of: dt.date, year: int | None = None) -> list[Item]:
    for metric in BACKLOG:
        items = instant_trend(store, ticker, as_of, metric, "backlog_trend", metric.replace("_", " "))
        if items:
            return items
    return []


def power_trend(store: Store, ticker: str, as_of: dt.date, year: int | None = None) -> list[Item]:
    items: list[Item] = []
    for metric in POWER:
        label = metric.removesuffix("_mw").replace("_", " ")
        items.extend(instant_trend(store, ticker, as_of, metric, "power_trend", label))
    return items


def hbm_outlook(store: Store, ticker: str, as_of: dt.date, year: int | None = None) -> list[Item]:
    """A memory maker's own HBM market forecast: a rising TAM reads as demand ahead of supply."""
    rows = [r for r in series(store, ticker, "hbm_tam", as_of) if _as_date(r["filed"]) >= earliest(as_of)]  # type: ignore[operator]
    items = []
    for row in rows[-1:]:
        text = f"{ticker} forecasts the HBM market at {money(row['value'], row['unit'])} ({row.get('note') or ''})"
        items.append(item_from_fact(row, "hbm_outlook", text.replace(" ()", ""), observed="up",
                                    weight=0.4 * freshness(_as_date(row["filed"]), as_of)))
    return items
