"""Evidence from the facts table: capex trend, backlog, power, revenue, the HBM outlook.

Each provider is `provider(store, ticker, as_of, year) -> list[Item]`, reads only rows public by
as_of, and can be swapped for a richer reader without touching the verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

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
    series,
    signed,
)
from aicycle.store import Store

# Metrics that measure the same thing are paired only with each other (a lease-inclusive figure is
# never compared with a cash-only one).
CAPEX_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("capex_incl_finance_leases", "capex_incl_finance_leases_mgmt"),
    ("capex",),
)
# Companies whose calls state capex with finance leases in it; the others state cash capex ("$91.4 billion"), the
# figure a claim about their capex level means.
_LEASES_IN_HEADLINE = ("MSFT", "META")


def stated_capex_families(ticker: str, basis: str | None) -> tuple[tuple[str, ...], ...]:
    """The capex families in the order a claim about the company's capex level reads them: the figure it
    states first; "cash capex" without finance leases (Amazon's net of proceeds and incentives, where held)."""
    if basis == "cash":  # never the lease-inclusive figure in its place
        return (("capex_net_cash",), ("capex",))
    if basis == "leases":  # "including finance leases": that figure alone, never the cash one in its place
        return CAPEX_FAMILIES[:1]
    if basis == "net":  # net of proceeds, incentives or financing: never the gross purchases in its place
        return (("capex_net_cash",),)
    if basis == "gross":  # the purchases of property and equipment themselves
        return (("capex",),)
    return CAPEX_FAMILIES if ticker in _LEASES_IN_HEADLINE else tuple(reversed(CAPEX_FAMILIES))


BACKLOG = ("backlog", "rpo_commercial", "rpo")
POWER = ("active_power_mw", "contracted_power_mw")
_SPANS = ((80, 100, "quarter", 0.8), (350, 380, "year", 0.7))


def family_rows(store: Store, ticker: str, metrics: tuple[str, ...], as_of: dt.date) -> list[dict[str, Any]]:
    seen: dict[tuple[Any, Any], dict[str, Any]] = {}
    for metric in metrics:  # the first metric of a family wins a period both report
        for row in series(store, ticker, metric, as_of):
            seen.setdefault((row["period_start"], row["period_end"]), row)
    return sorted(seen.values(), key=lambda r: (r["period_end"], r["period_start"]))


def quarter_rows(store: Store, ticker: str, metrics: tuple[str, ...], as_of: dt.date,
                 balance: bool) -> list[dict[str, Any]]:
    """One figure per quarter end, oldest first: a flow's three-month periods only (not its half years or
    years); a balance (backlog, RPO) at every period end it is reported."""
    rows = [r for r in family_rows(store, ticker, metrics, as_of) if balance or 80 <= (days(r) or 0) <= 100]
    return list({r["period_end"]: r for r in rows}.values())


def _year_ago(rows: list[dict[str, Any]], end: dt.date, tolerance: int) -> dict[str, Any] | None:
    return period_before(rows, end, 365, tolerance)


def period_before(rows: list[dict[str, Any]], end: dt.date, days: int, tolerance: int) -> dict[str, Any] | None:
    """The last row whose period ends `days` before `end`, give or take `tolerance` days (a year or a quarter
    earlier)."""
    target = end - dt.timedelta(days=days)
    close = [r for r in rows if abs((as_date(r["period_end"]) - target).days) <= tolerance]  # type: ignore[operator]
    return close[-1] if close else None


def duration_trend(store: Store, ticker: str, as_of: dt.date, *, families: tuple[tuple[str, ...], ...],
                   signal: str, label: str, year: int | None = None) -> list[Item]:
    """Latest quarter and latest year against the same span a year earlier (YoY); of the named year only
    when there is one (a 2027 plan is not answered by 2026's quarters)."""
    for family in families:
        rows = family_rows(store, ticker, family, as_of)
        items = []
        for lo, hi, span, weight in _SPANS:
            spans = [r for r in rows if (days(r) or 0) in range(lo, hi + 1)]
            named = [r for r in spans if year is None or as_date(r["period_end"]).year == year]  # type: ignore[union-attr]
            if not named:
                continue
            latest = named[-1]
            prior = _year_ago(spans[:spans.index(latest)], as_date(latest["period_end"]), 20)  # type: ignore[arg-type]
            if prior is None or as_date(latest["filed"]) < earliest(as_of):  # type: ignore[operator]
                continue
            change = pct(latest["value"], prior["value"])
            text = (f"{ticker} {label} {money(latest['value'], latest['unit'])} for the {span} ending "
                    f"{latest['period_end']} vs {money(prior['value'], prior['unit'])} a year earlier "
                    f"({signed(change)} YoY)")
            items.append(item_from_fact(latest, signal, text, observed=direction_of(change), change=change,
                                        weight=weight * freshness(as_date(latest["filed"]), as_of)))
        if items:
            return items
    return []


def capex_trend(store: Store, ticker: str, as_of: dt.date, year: int | None = None) -> list[Item]:
    return duration_trend(store, ticker, as_of, families=CAPEX_FAMILIES, signal="capex_trend", label="capex",
                          year=year)


def revenue_trend(store: Store, ticker: str, as_of: dt.date, year: int | None = None) -> list[Item]:
    items = duration_trend(store, ticker, as_of, families=(("revenue",),), signal="revenue_trend",
                           label="revenue")
    for item in items:  # demand proxy only: weaker than a direct statement of supply
        item.weight *= 0.5
    return items


# --- backlog and power (instants) ---------------------------------------------------------------

_NOT_COMPARABLE = re.compile(r"not comparable|changed (?:its |the )?(?:backlog )?definition|definition change|"
                             r"elected to change our reporting", re.I)
_DEFINITION_SAID = re.compile(r"(?:backlog|remaining performance obligation).*\b(?:change|changed|include)\b|"
                              r"\b(?:change|changed)\b.*(?:backlog|remaining performance obligation)", re.I)


PREVIOUS_REPORT = "the previous report"  # what a balance is set against when no year-earlier figure is stored


def instant_trend(store: Store, ticker: str, as_of: dt.date, metric: str, signal: str, label: str) -> list[Item]:
    rows = _by_end(series(store, ticker, metric, as_of))
    if len(rows) < 2 or as_date(rows[-1]["filed"]) < earliest(as_of):  # type: ignore[operator]
        return []
    latest = rows[-1]
    end = as_date(latest["period_end"])
    prior = _year_ago(rows[:-1], end, 45)  # type: ignore[arg-type]
    span, weight = ("a year earlier", 0.8) if prior else (PREVIOUS_REPORT, 0.6)
    prior = prior or rows[-2]
    change = pct(latest["value"], prior["value"])
    text = (f"{ticker} {label} {money(latest['value'], latest['unit'])} at {latest['period_end']} vs "
            f"{money(prior['value'], prior['unit'])} at {prior['period_end']}, {span} ({signed(change)})")
    item = item_from_fact(latest, signal, text, observed=direction_of(change), change=change,
                          weight=weight * freshness(as_date(latest["filed"]), as_of),
                          method=f"derived: the latest figure against {span}")
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
    """Every note public by as_of on these dates, from any vintage or loader, and the company's own
    words on a change of definition made public since the earlier date."""
    found = store.query(
        "SELECT coalesce(note, '') || ' ' || coalesce(flag, '') AS n FROM facts WHERE ticker = ? AND metric = ? "
        "AND period_end IN (?, ?) AND filed <= ?",
        [ticker, metric, rows[0]["period_end"], rows[1]["period_end"], as_of])
    said = store.query(
        "SELECT text AS n FROM facts WHERE ticker = ? AND metric = 'statement' AND text IS NOT NULL "
        "AND filed <= ? AND filed >= ?", [ticker, as_of, rows[1]["period_end"]])
    changes = [r["n"] for r in said if _DEFINITION_SAID.search(str(r["n"]))]
    return " ".join([*(r["n"] for r in found), *changes])


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
    rows = [r for r in series(store, ticker, "hbm_tam", as_of) if as_date(r["filed"]) >= earliest(as_of)]  # type: ignore[operator]
    items = []
    for row in rows[-1:]:
        # The row's note is the curator's (where it was seen, CSV names): never shown as evidence.
        text = f"{ticker} forecasts the HBM market at {money(row['value'], row['unit'])} by {row['period_end']}"
        items.append(item_from_fact(row, "hbm_outlook", text, observed="up",
                                    weight=0.4 * freshness(as_date(row["filed"]), as_of)))
    return items
