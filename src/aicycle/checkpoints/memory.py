"""Checkpoint 4: memory - Micron, SK hynix and Samsung results, and what they say about HBM supply.

Rule: memory revenue growing year on year and HBM "sold out" statements mean the build-out still
pulls on the supply chain (expanding); falling revenue and glut statements mean it is easing. Score =
weighted mean of (a) the median YoY revenue (else operating income) growth of the memory makers,
scaled by MEMORY_YOY_FULL_SCALE, and (b) the statement balance: +MEMORY_STATEMENT_WEIGHT per
shortage statement, minus as much per glut statement, within MEMORY_STATEMENT_DAYS, clipped to +-1.
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

ID = "memory"
TITLE = "Memory and HBM"
METRICS = ("revenue", "operating_income")
CHART_QUARTERS = 12  # quarters shown in the chart


def read(store: Store, as_of: dt.date) -> Reading:
    metrics: list[Metric] = []
    evidence: list[Evidence] = []
    reasoning: list[str] = []
    charts: dict[str, Any] = {"bars": {}}
    growths: list[float] = []
    tickers = [co.ticker for co in by_role("memory")]
    for ticker in tickers:
        g = _company(store, ticker, as_of, metrics, evidence, reasoning, charts)
        if g is not None:
            growths.append(g)
    statement_score, n_statements = _statements(store, tickers, as_of, evidence, reasoning)
    _tam(store, as_of, metrics, evidence)
    if not charts["bars"] and not n_statements:
        return c.empty(ID, TITLE, "No memory-maker results or HBM statements public by this date.")
    growth_score = None
    if growths:
        median = statistics.median(growths)
        growth_score = round(c.clip(median / rules.MEMORY_YOY_FULL_SCALE), 3)
        metrics.append(Metric("memory_yoy_median", round(median, 4), "ratio", "Median memory YoY growth", None))
        reasoning.append(f"Growth: median YoY {c.pct(median)} / {rules.MEMORY_YOY_FULL_SCALE:.0%} "
                         f"-> {growth_score:+.2f}.")
    else:
        reasoning.append("Growth: no memory maker has a fresh quarter with its year-ago quarter in store.")
    score = c.weighted([(growth_score, rules.MEMORY_WEIGHTS["growth"]),
                        (statement_score, rules.MEMORY_WEIGHTS["statements"])])
    state = c.state_for(score)
    reasoning.append(f"Score {score if score is not None else 'n/a'} -> {state}.")
    return Reading(id=ID, title=TITLE, state=state, headline=_headline(metrics, evidence),
                   score=score, metrics=metrics, evidence=evidence, reasoning=reasoning, charts=charts)


def _company(store: Store, ticker: str, as_of: dt.date, metrics: list[Metric], evidence: list[Evidence],
             reasoning: list[str], charts: dict[str, Any]) -> float | None:
    """Latest quarter's revenue and operating income; YoY growth of the first that has a base."""
    name, scored = get(ticker).name, None
    for metric in METRICS:
        rows = c.quarterly(c.series(store, ticker, metric, as_of))
        if not rows:
            continue
        by_q = {c.calendar_quarter(r): r for r in rows}
        recent = sorted(by_q.items())[-CHART_QUARTERS:]
        charts["bars"].setdefault(ticker, {})[metric] = [{"x": q, "y": r["value"], "unit": r["unit"]}
                                                         for q, r in recent]
        q, last = max(by_q.items())
        base = by_q.get(c.shift_quarter(q, -4))
        yoy = c.growth(last["value"], base["value"]) if base else None
        label = metric.replace("_", " ")
        metrics.append(Metric(f"{metric}:{ticker}", last["value"], last["unit"], f"{name} {label}", q))
        evidence.append(c.evidence(last, f"{name} {label} {q}: {c.usd(last['value'], last['unit'])}"))
        if yoy is not None and base is not None:  # a YoY exists only with its base
            metrics.append(Metric(f"{metric}_yoy:{ticker}", round(yoy, 4), "ratio", f"{name} {label} YoY", q))
            evidence.append(c.evidence(base, f"{name} {label} {c.shift_quarter(q, -4)} (year-ago base): "
                                             f"{c.usd(base['value'], base['unit'])}"))
        stale = (as_of - last["period_end"]).days > rules.MEMORY_STALE_DAYS
        reasoning.append(f"{ticker} {label} {q}: {c.usd(last['value'], last['unit'])}, YoY {c.pct(yoy)}"
                         + (" (stale: not scored)" if stale else ""))
        if scored is None and yoy is not None and not stale:
            scored = yoy
    return scored


def _statements(store: Store, tickers: list[str], as_of: dt.date, evidence: list[Evidence],
                reasoning: list[str]) -> tuple[float | None, int]:
    since = as_of - dt.timedelta(days=rules.MEMORY_STATEMENT_DAYS)
    balance, n = 0.0, 0
    for row in c.statements(store, tickers, as_of, since):
        text = row["text"].lower()
        tight = any(w in text for w in rules.SHORTAGE_WORDS)
        loose = any(w in text for w in rules.GLUT_WORDS)
        if not (tight or loose or "hbm" in text or "capex" in text):
            continue
        n += 1
        sign = (1 if tight else 0) - (1 if loose else 0)
        balance += sign * rules.MEMORY_STATEMENT_WEIGHT
        tag = {1: "shortage", -1: "glut", 0: "neutral"}[sign]
        evidence.append(c.evidence(row, f"{get(row['ticker']).name} ({row['filed']}, {tag}): {row['text']}"))
        reasoning.append(f"Statement {row['ticker']} {row['filed']}: {tag} "
                         f"({sign * rules.MEMORY_STATEMENT_WEIGHT:+.1f}).")
    if not n:
        reasoning.append(f"Statements: none in the {rules.MEMORY_STATEMENT_DAYS} days to {as_of}.")
        return None, 0
    return round(c.clip(balance), 3), n


def _tam(store: Store, as_of: dt.date, metrics: list[Metric], evidence: list[Evidence]) -> None:
    for ticker in ("MU", "000660.KS", "005930.KS"):
        rows = c.series(store, ticker, "hbm_tam", as_of)
        if rows:
            row = max(rows, key=lambda r: r["filed"])
            metrics.append(Metric(f"hbm_tam:{ticker}", row["value"], row["unit"],
                                  f"HBM market size forecast ({get(ticker).name})", row.get("fiscal_period")))
            evidence.append(c.evidence(row, f"{get(ticker).name} HBM TAM forecast: {c.usd(row['value'])}"))


def _headline(metrics: list[Metric], evidence: list[Evidence]) -> str:
    parts = []
    for m in metrics:
        if m.name.startswith(("revenue:", "operating_income:")):
            ticker = m.name.split(":")[1]
            yoy = next((x for x in metrics if x.name == m.name.replace(":", "_yoy:")), None)
            parts.append(f"{get(ticker).name} {m.name.split(':')[0].replace('_', ' ')} {m.period} "
                         f"{c.usd(m.value, m.unit)}" + (f" ({c.pct(yoy.value)} YoY)" if yoy else ""))
    shortage = sum("shortage)" in e.text for e in evidence)
    if shortage:
        parts.append(f"{shortage} HBM shortage statement{'s' if shortage > 1 else ''}")
    return "; ".join(parts[:4]) or "No memory results in store"
