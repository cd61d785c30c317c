"""Checkpoint 3: contracted demand - RPO/backlog of the clouds, Nebius ARR and contracted power.

Rule: backlog growth means the cycle continues. Each company's latest comparable growth (YoY when a
year-ago point exists, else the latest step annualized) is taken; the median over companies, scaled
by BACKLOG_GROWTH_FULL_SCALE, is the score. Growth across a series break (a change of definition,
e.g. Alphabet's Q1 2026 backlog now includes contracts of one year or less) is shown but not scored
as organic.
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from aicycle import rules
from aicycle.checkpoints import capacity, coverage
from aicycle.checkpoints import common as c
from aicycle.checkpoints.base import Evidence, Metric, Reading
from aicycle.store import Store
from aicycle.universe import get

ID = "backlog"
TITLE = "Backlog and contracted demand"
# Company -> metrics in order of preference; one metric per company (never mixed within a series).
SERIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("CRWV", ("backlog", "rpo")), ("ORCL", ("rpo",)), ("MSFT", ("rpo", "rpo_commercial")),
    ("GOOGL", ("rpo",)), ("AMZN", ("rpo", "backlog")), ("NBIS", ("arr",)),
)
CHART_DAYS = 3 * 365  # history shown in the chart
LABELS = {"rpo": "RPO", "rpo_commercial": "commercial RPO", "backlog": "backlog", "arr": "ARR"}
# Definition changes known from the filings: (ticker, metric) -> (first period on the new basis, why).
KNOWN_BREAKS: dict[tuple[str, str], tuple[dt.date, str]] = {
    ("GOOGL", "rpo"): (dt.date(2026, 3, 31), "Alphabet redefined revenue backlog in Q1 2026 to include "
                                            "contracts with an original term of one year or less"),
}


def read(store: Store, as_of: dt.date) -> Reading:
    metrics: list[Metric] = []
    evidence: list[Evidence] = []
    reasoning: list[str] = []
    charts: dict[str, Any] = {"lines": {}, "breaks": []}
    growths: list[float] = []
    scored: list[str] = []
    newest: dt.date | None = None
    for ticker, options in SERIES:
        metric, rows = _pick(store, ticker, options, as_of)
        if not rows:
            reasoning.append(f"{ticker}: no {'/'.join(options)} public by {as_of}.")
            continue
        newest = max(newest or rows[-1]["period_end"], rows[-1]["period_end"])
        breaks = _breaks(ticker, metric, rows)
        since = as_of - dt.timedelta(days=CHART_DAYS)
        charts["lines"][ticker] = [{"x": r["period_end"].isoformat(), "y": r["value"], "metric": metric,
                                    "after_break": any(r["period_end"] == b for b, _ in breaks)}
                                   for r in rows if r["period_end"] >= since] or [
                                   {"x": rows[-1]["period_end"].isoformat(), "y": rows[-1]["value"],
                                    "metric": metric, "after_break": False}]
        charts["breaks"] += [{"ticker": ticker, "x": b.isoformat(), "text": why} for b, why in breaks]
        g = _company(ticker, metric, rows, breaks, as_of, metrics, evidence, reasoning)
        if g is not None:
            growths.append(g)
            scored.append(ticker)
    _power_target(store, as_of, metrics, evidence, reasoning)
    cov = coverage.Coverage(tuple(scored), tuple(t for t, _ in SERIES), newest)
    if not charts["lines"]:
        return coverage.apply(c.empty(ID, TITLE, "No backlog, RPO or ARR public by this date."), as_of, cov)
    capacity.shown(store, as_of, metrics, evidence, reasoning)
    score = None
    if growths:
        median = statistics.median(growths)
        score = round(c.clip(median / rules.BACKLOG_GROWTH_FULL_SCALE), 3)
        metrics.append(Metric("backlog_growth_median", round(median, 4), "ratio",
                              "Median organic backlog growth (annual rate)", None))
        reasoning.append(f"Median organic growth {c.pct(median)} a year over {len(growths)} series "
                         f"/ {rules.BACKLOG_GROWTH_FULL_SCALE:.0%} -> {score:+.2f}.")
    else:
        reasoning.append("No series has a fresh, comparable (break-free) growth rate to score.")
    state = c.state_for(score)
    reasoning.append(f"Score {score if score is not None else 'n/a'} -> {state}.")
    reading = Reading(id=ID, title=TITLE, state=state, headline=_headline(metrics, charts, growths),
                      score=score, metrics=metrics, evidence=evidence, reasoning=reasoning, charts=charts)
    return coverage.apply(reading, as_of, cov)


def _pick(store: Store, ticker: str, options: tuple[str, ...], as_of: dt.date) -> tuple[str, list[dict[str, Any]]]:
    for metric in options:
        rows = c.instants(c.series(store, ticker, metric, as_of))
        if rows:
            return metric, rows
    return options[0], []


def _breaks(ticker: str, metric: str, rows: list[dict[str, Any]]) -> list[tuple[dt.date, str]]:
    """Periods that start a new basis: known definition changes and rows flagged as breaks."""
    out: list[tuple[dt.date, str]] = []
    known = KNOWN_BREAKS.get((ticker, metric))
    first, last = rows[0]["period_end"], rows[-1]["period_end"]
    if known and first < known[0] <= last:
        out.append(known)
    for r in rows:
        if "series_break" in (r.get("flag") or "") and r["period_end"] not in {b for b, _ in out}:
            out.append((r["period_end"], r.get("note") or "definition changed (flagged series break)"))
    return sorted(out)


def _crosses(breaks: list[tuple[dt.date, str]], old: dt.date, new: dt.date) -> bool:
    return any(old < b <= new for b, _ in breaks)


def _company(ticker: str, metric: str, rows: list[dict[str, Any]], breaks: list[tuple[dt.date, str]],
             as_of: dt.date, metrics: list[Metric], evidence: list[Evidence], reasoning: list[str]) -> float | None:
    """Record the company's latest value and growth; return its organic annual growth if scorable."""
    name, last = get(ticker).name, rows[-1]
    label = LABELS.get(metric, metric)
    metrics.append(Metric(f"{metric}:{ticker}", last["value"], "USD", f"{name} {label}",
                          last["period_end"].isoformat()))
    evidence.append(c.evidence(last, f"{name} {label} at {last['period_end']}: {c.usd(last['value'])}"))
    year_ago = c.find_before(rows[:-1], last["period_end"] - dt.timedelta(days=365),
                             rules.BACKLOG_YOY_TOLERANCE_DAYS)
    prev = rows[-2] if len(rows) > 1 else None
    yoy = c.growth(last["value"], year_ago["value"]) if year_ago else None
    step = c.growth(last["value"], prev["value"]) if prev else None
    for base, g, what in ((year_ago, yoy, "yoy"), (prev, step, "step")):
        if base is None or g is None:
            continue
        broken = _crosses(breaks, base["period_end"], last["period_end"])
        metrics.append(Metric(f"{metric}_{what}:{ticker}", round(g, 4), "ratio",
                              f"{name} {label} growth since {base['period_end']}"
                              + (" (across a series break)" if broken else ""), last["period_end"].isoformat()))
        if what == "step" and base is year_ago:
            continue
        evidence.append(c.evidence(base, f"{name} {label} at {base['period_end']}: {c.usd(base['value'])}"
                                   + (" (old definition)" if broken else "")))
    for b, why in breaks:
        reasoning.append(f"{ticker}: series break at {b}: {why}; growth across it is not organic.")
    stale = (as_of - last["period_end"]).days > rules.BACKLOG_STALE_DAYS
    organic = _organic(last, year_ago, prev, yoy, step, breaks)
    reasoning.append(f"{ticker} {label} {c.usd(last['value'])} at {last['period_end']}: YoY {c.pct(yoy)}, "
                     f"since previous {c.pct(step)}; organic annual rate {c.pct(organic)}"
                     + (" (stale: not scored)" if stale else ""))
    return None if stale else organic


def _organic(last: dict[str, Any], year_ago: dict[str, Any] | None, prev: dict[str, Any] | None,
             yoy: float | None, step: float | None, breaks: list[tuple[dt.date, str]]) -> float | None:
    """YoY when no break lies between; else the latest break-free step, annualized."""
    if yoy is not None and year_ago and not _crosses(breaks, year_ago["period_end"], last["period_end"]):
        return yoy
    if step is not None and prev and not _crosses(breaks, prev["period_end"], last["period_end"]):
        days = max((last["period_end"] - prev["period_end"]).days, 1)
        return (1 + step) ** (365 / days) - 1
    return None


def _power_target(store: Store, as_of: dt.date, metrics: list[Metric], evidence: list[Evidence],
                  reasoning: list[str]) -> None:
    row = next(reversed(c.instants(c.series(store, "NBIS", "contracted_power_target_mw", as_of))), None)
    if row is None:
        return
    metrics.append(Metric("contracted_power_target_mw:NBIS", row["value"], "MW",
                          "Nebius contracted power target", row["period_end"].isoformat()))
    evidence.append(c.evidence(row, f"Nebius contracted power target: {c.mw(row['value'])}"))
    reasoning.append(f"NBIS contracted power target {c.mw(row['value'])} (at {row['period_end']}); "
                     "shown, not scored here (see power).")


def _headline(metrics: list[Metric], charts: dict[str, Any], growths: list[float]) -> str:
    values = {m.name: m for m in metrics}
    parts = []
    for ticker, options in SERIES:
        for metric in options:
            m = values.get(f"{metric}:{ticker}")
            if m is not None:
                yoy = values.get(f"{metric}_yoy:{ticker}")
                tail = f" ({c.pct(yoy.value)} YoY{'*' if 'break' in yoy.label else ''})" if yoy else ""
                parts.append(f"{ticker} {c.usd(m.value)}{tail}")
                break
    text = "; ".join(parts[:4])
    if growths:
        text = f"Median organic backlog growth {c.pct(statistics.median(growths))}/yr: " + text
    if charts["breaks"]:
        text += " (*across a series break)"
    return text
