"""Checkpoint 5: power - the grid and permitting signal, next to contracted vs active power at the
neo-clouds.

Rule: contracted power growing means capacity keeps being ordered; active power growing means it is
being delivered; a tightening grid (queues, capacity prices at the cap, booked turbines, moratoria)
means demand presses on the grid - the build-out still pulls, as sold-out HBM says for memory. Score =
weighted mean of the YoY (else annualized latest-step) growth of active and of contracted power, each
scaled by POWER_GROWTH_FULL_SCALE (POWER_WEIGHTS), and the grid's net signal (aicycle.grid, weight
POWER_GRID_WEIGHT). The headline says what binds: the latest level of each running series whose last
move tightened (PJM's capacity price, ERCOT's large-load queue, turbine order books, ...).
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from aicycle import grid, rules
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
    _statements(store, as_of, evidence, reasoning)
    _events(store, as_of, evidence, reasoning)
    signal = grid.signal(store, as_of)
    grid_score = _grid(signal, metrics, evidence, reasoning, charts)
    if not charts["lines"] and not charts["targets"] and not signal.events and not signal.levels:
        reading = c.empty(ID, TITLE, "No contracted or active power figures, and no grid or permitting "
                                     "events, public by this date.")
        reading.evidence, reading.reasoning = evidence, reading.reasoning + reasoning
        return reading
    parts: list[tuple[float | None, float]] = []
    for key in ("active", "contracted"):
        if growth[key]:
            g = statistics.median(growth[key])
            s = round(c.clip(g / rules.POWER_GROWTH_FULL_SCALE), 3)
            reasoning.append(f"{key.title()} power: median growth {c.pct(g)}/yr -> {s:+.2f}.")
            parts.append((s, rules.POWER_WEIGHTS[key]))
    parts.append((grid_score, rules.POWER_GRID_WEIGHT))
    score = c.weighted(parts)
    state = c.state_for(score)
    metrics.sort(key=lambda m: not m.name.startswith("grid"))  # what binds first
    reasoning.append(f"Score {score if score is not None else 'n/a'} -> {state}.")
    return Reading(id=ID, title=TITLE, state=state, headline=_headline(metrics, signal),
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
                     + ("" if n else " (none among the companies' statements; the grid events are read below)")
                     + ".")
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
    if rows:  # market events of a permitting kind; the grid events proper are in power_events
        reasoning.append(f"Market events of a permitting kind: {len(rows)}.")
    return len(rows)


def _known(ticker: str) -> bool:
    try:
        get(ticker)
    except Exception:  # statements may come from companies outside the universe
        return False
    return True


def _grid(signal: grid.Signal, metrics: list[Metric], evidence: list[Evidence],
          reasoning: list[str], charts: dict[str, Any]) -> float | None:
    """The grid signal's evidence, levels and chart data; its score (the net signal) when readable."""
    for lv in signal.levels:
        e = lv.event
        metrics.append(Metric(f"grid:{lv.series.key}", e.value, e.unit, lv.series.label, e.day.isoformat()))
        before = (f" (before: {_value(lv.previous.value, lv.previous.unit)} on {lv.previous.day})"
                  if lv.previous else "")
        evidence.append(_event_evidence(e, f"{lv.series.label}: {_value(e.value, e.unit)} on {e.day}"
                                           f"{' (at the price cap)' if lv.at_cap else ''}{before}"))
    for e in signal.events:
        evidence.append(_event_evidence(e, f"{e.actor} ({e.region or 'n/a'}), {e.event_kind.replace('_', ' ')}, "
                                           f"{e.direction} (weight {e.weight:g}; {e.why}): {e.text}"))
    if signal.net is not None:
        metrics.append(Metric("grid_signal_net", signal.net, None, f"Grid signal, net ({signal.state})",
                              signal.as_of.isoformat()))
    counted = [e for e in signal.events if e.direction != "neutral"]
    reasoning.append(
        f"Grid: {len(signal.events)} event(s) count in the {rules.GRID_WINDOW_DAYS} days to {signal.as_of} "
        f"(moratoria while in force): tightening {signal.tightening:g} vs easing {signal.easing:g}, weighted by "
        f"kind -> net {signal.net if signal.net is not None else 'n/a'} -> {signal.state}"
        + (f" (fewer than {rules.GRID_MIN_EVENTS} tightening or easing events: not scored)"
           if signal.state == "unknown" and counted else "") + ".")
    if signal.binds:
        reasoning.append("What binds: " + "; ".join(signal.binds) + ".")
    public = list(signal.public)
    charts["grid_levels"] = {lv.series.label: [{"x": e.day.isoformat(), "y": e.value, "unit": e.unit}
                                               for e in reversed(public) if grid.belongs(e, lv.series)]
                             for lv in signal.levels}
    charts["grid_events"] = _by_quarter(public)
    return None if signal.state == "unknown" else signal.net


def _by_quarter(public: list[grid.Event]) -> list[dict[str, Any]]:
    """Weighted tightening and easing events per calendar quarter of their public date (chart data)."""
    out: dict[str, dict[str, Any]] = {}
    for e in public:
        q = f"{e.filed.year}Q{(e.filed.month - 1) // 3 + 1}"
        point = out.setdefault(q, {"x": q, "tightening": 0.0, "easing": 0.0, "neutral": 0.0})
        point[e.direction] = point.get(e.direction, 0.0) + e.weight
    if not out:
        return []
    first, last = min(out), max(out)
    quarters = [first]
    while quarters[-1] != last:  # quarters without events show as zero, not as missing
        quarters.append(c.shift_quarter(quarters[-1], 1))
    return [out.get(q, {"x": q, "tightening": 0.0, "easing": 0.0, "neutral": 0.0}) for q in quarters]


def _value(value: float | None, unit: str | None) -> str:
    if value is None:
        return "n/a"
    if unit == "USD/MW-day":
        return f"${value:,.2f}/MW-day"
    if unit == "booked-through year":
        return f"booked through {value:.0f}"
    return f"{value:,.4g} {unit or ''}".strip()


def _event_evidence(e: grid.Event, text: str) -> Evidence:
    r = e.row
    klass = e.source_type.split(":", 1)[0]
    return Evidence(text=f"{e.filed}: {text} [{klass}" + (f"; {r['flag']}" if r["flag"] else "") + "]",
                    value=e.value, unit=e.unit, period=e.day.isoformat(), source=r["source"], url=r["url"],
                    accession=None, filed=e.filed, kind=r["kind"], ticker=None, metric=f"grid:{e.event_kind}",
                    method=f"{e.source_type}; {r['method']}", flag=r["flag"])


def _headline(metrics: list[Metric], signal: grid.Signal) -> str:
    values = {m.name: m for m in metrics}
    parts = list(signal.binds[:3])
    if signal.events and signal.state == "unknown":
        parts.append(f"grid: {len(signal.events)} event{'s' if len(signal.events) != 1 else ''} in "
                     f"{rules.GRID_WINDOW_DAYS} days, too few to read ({signal.tightening:g} tightening vs "
                     f"{signal.easing:g} easing, weighted)")
    elif signal.events:
        parts.append(f"grid {signal.state} ({signal.tightening:g} tightening vs {signal.easing:g} easing, "
                     f"weighted, {rules.GRID_WINDOW_DAYS} days)")
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
    if not signal.events and not signal.levels:
        parts.append("no grid or permitting events in store by this date")
    return "; ".join(parts)
