"""Checkpoint 5: power - contracted vs active (energized) power at the neo-clouds.

Rule: contracted power growing means capacity keeps being ordered; active power growing means it is
being delivered. Score = weighted mean of the YoY (else annualized latest-step) growth of active and
of contracted power, each scaled by POWER_GROWTH_FULL_SCALE. The share of contracted power that is
active, power-constraint statements and permitting events are shown with the reading; statements and
events are not scored (too few in store to standardize), and where none exist the reading says so.
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from aicycle import rules
from aicycle.checkpoints import common as c
from aicycle.checkpoints.base import Evidence, Metric, Reading
from aicycle.store import Store
from aicycle.universe import by_role, get

ID = "power"
TITLE = "Power: contracted vs active"
SERIES = ("active_power_mw", "contracted_power_mw")


def read(store: Store, as_of: dt.date) -> Reading:
    metrics: list[Metric] = []
    evidence: list[Evidence] = []
    reasoning: list[str] = []
    charts: dict[str, Any] = {"lines": {}, "targets": []}
    growth: dict[str, list[float]] = {"active": [], "contracted": []}
    for co in by_role("neocloud"):
        for metric in SERIES:
            rows = c.instants(c.series(store, co.ticker, metric, as_of))
            if not rows:
                continue
            charts["lines"].setdefault(co.ticker, {})[metric] = [
                {"x": r["period_end"].isoformat(), "y": r["value"]} for r in rows]
            g = _series(co.ticker, metric, rows, as_of, metrics, evidence, reasoning)
            if g is not None:
                growth[metric.split("_")[0]].append(g)
        _ratio(co.ticker, metrics, reasoning)
        _target(store, co.ticker, as_of, metrics, evidence, charts)
    n_statements = _statements(store, as_of, evidence, reasoning)
    n_events = _events(store, as_of, evidence, reasoning)
    if not charts["lines"] and not charts["targets"]:
        reading = c.empty(ID, TITLE, "No contracted or active power figures public by this date.")
        reading.evidence, reading.reasoning = evidence, reading.reasoning + reasoning
        return reading
    parts = []
    for key in ("active", "contracted"):
        if growth[key]:
            g = statistics.median(growth[key])
            s = round(c.clip(g / rules.POWER_GROWTH_FULL_SCALE), 3)
            reasoning.append(f"{key.title()} power: median growth {c.pct(g)}/yr -> {s:+.2f}.")
            parts.append((s, rules.POWER_WEIGHTS[key]))
    score = c.weighted(parts)
    state = c.state_for(score)
    reasoning.append(f"Score {score if score is not None else 'n/a'} -> {state}.")
    return Reading(id=ID, title=TITLE, state=state, headline=_headline(metrics, n_statements, n_events),
                   score=score, metrics=metrics, evidence=evidence, reasoning=reasoning, charts=charts)


def _series(ticker: str, metric: str, rows: list[dict[str, Any]], as_of: dt.date, metrics: list[Metric],
            evidence: list[Evidence], reasoning: list[str]) -> float | None:
    name, last = get(ticker).name, rows[-1]
    label = metric.replace("_mw", "").replace("_", " ")
    metrics.append(Metric(f"{metric}:{ticker}", last["value"], "MW", f"{name} {label}",
                          last["period_end"].isoformat()))
    evidence.append(c.evidence(last, f"{name} {label} at {last['period_end']}: {c.mw(last['value'])}"))
    base = c.find_before(rows[:-1], last["period_end"] - dt.timedelta(days=365), rules.BACKLOG_YOY_TOLERANCE_DAYS)
    annual = None
    if base is not None:
        annual = c.growth(last["value"], base["value"])
    elif len(rows) > 1:
        base = rows[-2]
        step = c.growth(last["value"], base["value"])
        days = max((last["period_end"] - base["period_end"]).days, 1)
        annual = None if step is None else (1 + step) ** (365 / days) - 1
    if base is not None and annual is not None:
        metrics.append(Metric(f"{metric}_growth:{ticker}", round(annual, 4), "ratio",
                              f"{name} {label} growth a year (since {base['period_end']})",
                              last["period_end"].isoformat()))
        evidence.append(c.evidence(base, f"{name} {label} at {base['period_end']}: {c.mw(base['value'])}"))
    stale = (as_of - last["period_end"]).days > rules.POWER_STALE_DAYS
    reasoning.append(f"{ticker} {label} {c.mw(last['value'])} at {last['period_end']}, "
                     f"growth {c.pct(annual)}/yr" + (" (stale: not scored)" if stale else ""))
    return None if stale else annual


def _ratio(ticker: str, metrics: list[Metric], reasoning: list[str]) -> None:
    values = {m.name: m for m in metrics}
    active, contracted = values.get(f"active_power_mw:{ticker}"), values.get(f"contracted_power_mw:{ticker}")
    if active and contracted and contracted.value and active.period == contracted.period:
        share = active.value / contracted.value  # type: ignore[operator]
        metrics.append(Metric(f"active_share:{ticker}", round(share, 4), "share",
                              f"{get(ticker).name} active / contracted power", active.period))
        reasoning.append(f"{ticker}: {c.pct(share, signed=False)} of contracted power is active "
                         f"({c.mw(active.value)} of {c.mw(contracted.value)}).")


def _target(store: Store, ticker: str, as_of: dt.date, metrics: list[Metric], evidence: list[Evidence],
            charts: dict[str, Any]) -> None:
    rows = c.instants(c.series(store, ticker, "contracted_power_target_mw", as_of))
    if rows:
        row = rows[-1]
        metrics.append(Metric(f"contracted_power_target_mw:{ticker}", row["value"], "MW",
                              f"{get(ticker).name} contracted power target", row.get("fiscal_period")
                              or row["period_end"].isoformat()))
        evidence.append(c.evidence(row, f"{get(ticker).name} contracted power target: {c.mw(row['value'])}"))
        charts["targets"].append({"ticker": ticker, "x": row["period_end"].isoformat(), "y": row["value"]})


def _statements(store: Store, as_of: dt.date, evidence: list[Evidence], reasoning: list[str]) -> int:
    since = as_of - dt.timedelta(days=rules.POWER_STATEMENT_DAYS)
    n = 0
    for row in c.statements(store, None, as_of, since):
        if any(w in row["text"].lower() for w in rules.POWER_WORDS):
            n += 1
            evidence.append(c.evidence(row, f"{get(row['ticker']).name if _known(row['ticker']) else row['ticker']}"
                                            f" ({row['filed']}): {row['text']}"))
    reasoning.append(f"Power-constraint statements in the {rules.POWER_STATEMENT_DAYS} days to {as_of}: {n}"
                     + ("" if n else " (none in store: insufficient data on constraints)") + ".")
    return n


def _events(store: Store, as_of: dt.date, evidence: list[Evidence], reasoning: list[str]) -> int:
    kinds = list(rules.PERMIT_EVENT_KINDS)
    rows = store.query("SELECT * FROM events WHERE news_date <= ? AND lower(kind) IN (SELECT unnest(?)) "
                       "ORDER BY news_date DESC", [as_of, kinds])
    for row in rows:
        evidence.append(Evidence(text=f"{row['news_date']}: {row['headline']}", value=None, unit=None,
                                 period=row["news_date"].isoformat(), source=row["source"], url=row.get("url"),
                                 accession=None, filed=row["news_date"], kind="curated",
                                 ticker=row.get("company"), metric="event"))
    reasoning.append(f"Permitting/power events in store: {len(rows)}"
                     + ("" if rows else " (none: insufficient data on permitting)") + ".")
    return len(rows)


def _known(ticker: str) -> bool:
    try:
        get(ticker)
    except Exception:  # statements may come from companies outside the universe
        return False
    return True


def _headline(metrics: list[Metric], n_statements: int, n_events: int) -> str:
    values = {m.name: m for m in metrics}
    parts = []
    for co in by_role("neocloud"):
        t = co.ticker
        a, k = values.get(f"active_power_mw:{t}"), values.get(f"contracted_power_mw:{t}")
        if a and k:
            g = values.get(f"active_power_mw_growth:{t}")
            parts.append(f"{t} {c.mw(a.value)} active of {c.mw(k.value)} contracted"
                         + (f" (active {c.pct(g.value)}/yr)" if g else ""))
        target = values.get(f"contracted_power_target_mw:{t}")
        if target:
            parts.append(f"{t} targets {c.mw(target.value)} contracted")
    parts.append(f"{n_statements} power-constraint statement{'s' if n_statements != 1 else ''}, "
                 f"{n_events} permitting event{'s' if n_events != 1 else ''} in store")
    return "; ".join(parts)
