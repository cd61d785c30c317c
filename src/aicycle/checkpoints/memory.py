"""Checkpoint 4: memory - Micron, SK hynix and Samsung results, and what they say about HBM supply.

Each maker is read in its own currency: Micron from its SEC filings (USD; a quarter not yet filed from
the next source in the one precedence, facts.PRECEDENCE),
SK hynix and Samsung from the memory makers' file (KRW; Samsung's chip division, DS, where given; its
preliminary guidance replaced by the final result from the final's date on). For revenue and operating
profit: the latest quarter, its year-on-year change and the last four quarters. Figures in different
currencies are never added or charted on one axis: no exchange rate is applied anywhere.

Rule: memory revenue growing year on year and HBM supply tight mean the build-out still pulls on the
supply chain (expanding); falling revenue and loosening supply mean it is easing. Score = MEMORY_WEIGHTS
× [median YoY revenue growth of the makers with a fresh quarter / MEMORY_YOY_FULL_SCALE] and [the HBM
supply state (aicycle.hbm: tight +1, balanced 0, loosening -1; HBM_STATE_SCORE)].
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from aicycle import hbm, rules
from aicycle.checkpoints import common as c
from aicycle.checkpoints.base import Evidence, Metric, Reading
from aicycle.facts import PRECEDENCE, tier
from aicycle.store import Store
from aicycle.universe import by_role, get

ID = "memory"
TITLE = "Memory and HBM"
CHART_QUARTERS = 13  # quarters shown in the charts (2023Q1 → 2026Q1 for the Korean makers)
MAKERS_FILE = "curated:memory_makers_quarterly.csv"
# (metric, label): what is read for each maker; Samsung's chip division only where the file gives it.
SERIES = (("revenue", "revenue"), ("operating_income", "operating profit"),
          ("ds_operating_income", "chip division (DS) operating profit"))
SEC_KINDS = ("reported", "derived")
SHOWN_PAST_STATEMENTS = 3  # statements no longer current, shown for context


def read(store: Store, as_of: dt.date) -> Reading:
    metrics: list[Metric] = []
    evidence: list[Evidence] = []
    reasoning: list[str] = []
    charts: dict[str, Any] = {"revenue": {}, "operating_income": {}, "ds_operating_income": {}}
    growths: list[float] = []
    for co in by_role("memory"):
        g = _maker(store, co.ticker, as_of, metrics, evidence, reasoning, charts)
        if g is not None:
            growths.append(g)
    supply = hbm.supply(store, as_of)
    _supply(supply, metrics, evidence, reasoning)
    _shares(store, as_of, metrics, evidence)
    _capex_plans(store, as_of, evidence)
    _tam(store, as_of, metrics, evidence)
    metrics.sort(key=_order)
    charts = {k: v for k, v in charts.items() if v}
    if not charts and not supply.statements:
        return c.empty(ID, TITLE, "No memory-maker results or HBM statements public by this date.")
    growth_score = None
    if growths:
        median = statistics.median(growths)
        growth_score = round(c.clip(median / rules.MEMORY_YOY_FULL_SCALE), 3)
        metrics.append(Metric("memory_yoy_median", round(median, 4), "ratio", "Median memory revenue YoY", None))
        reasoning.append(f"Growth: median revenue YoY {c.pct(median)} over {len(growths)} maker(s) / "
                         f"{rules.MEMORY_YOY_FULL_SCALE:.0%} -> {growth_score:+.2f}.")
    else:
        reasoning.append("Growth: no memory maker has a fresh quarter with its year-ago quarter in store.")
    supply_score = rules.HBM_STATE_SCORE.get(supply.state)
    score = c.weighted([(growth_score, rules.MEMORY_WEIGHTS["growth"]),
                        (supply_score, rules.MEMORY_WEIGHTS["statements"])])
    state = c.state_for(score)
    reasoning.append(f"Score {score if score is not None else 'n/a'} -> {state}.")
    return Reading(id=ID, title=TITLE, state=state, headline=_headline(metrics, supply),
                   score=score, metrics=metrics, evidence=evidence, reasoning=reasoning, charts=charts)


def _order(m: Metric) -> int:
    """Key figures first (the terminal shows a dozen): profit, supply, revenue, then the rest."""
    head = m.name.split(":")[0]
    ranks = ("operating_income", "operating_income_yoy", "ds_operating_income", "hbm_supply_balance", "revenue",
             "revenue_yoy", "memory_yoy_median")
    return ranks.index(head) if head in ranks else len(ranks)


def short_name(ticker: str) -> str:
    co = get(ticker)
    return co.aliases[0] if co.aliases else co.name


def quarters(store: Store, ticker: str, metric: str, as_of: dt.date) -> dict[str, c.Row]:
    """calendar quarter → the latest vintage public by as_of, from the maker's one source:
    Micron's SEC filings, the memory makers' file for the Korean makers."""
    rows = c.rows_for(store, [ticker], [metric], as_of)
    if ticker == "MU":  # SEC first; a quarter the SEC has not filed yet comes from the next tier down
        rows = sorted((r for r in rows if r["source"] != MAKERS_FILE),
                      key=lambda r: (-PRECEDENCE.index(tier(r)), r["filed"]))
    else:
        rows = [r for r in rows if r["source"] == MAKERS_FILE]
    best: dict[str, c.Row] = {}
    for row in c.quarterly([r for r in rows if r["value"] is not None]):
        # a later vintage (Samsung's final after its preliminary; SEC after news) replaces
        best[c.calendar_quarter(row)] = row
    return dict(sorted(best.items(), key=lambda kv: kv[1]["period_end"]))


def _maker(store: Store, ticker: str, as_of: dt.date, metrics: list[Metric], evidence: list[Evidence],
           reasoning: list[str], charts: dict[str, Any]) -> float | None:
    """One maker's series; returns its revenue YoY when fresh enough to score."""
    name, scored = short_name(ticker), None
    for metric, label in SERIES:
        by_q = quarters(store, ticker, metric, as_of)
        if not by_q:
            continue
        recent = sorted(by_q.items())[-CHART_QUARTERS:]
        charts[metric][ticker] = [{"x": q, "y": r["value"], "unit": r["unit"],
                                   "preliminary": "preliminary" in (r["flag"] or "")} for q, r in recent]
        q, last = recent[-1]
        base = by_q.get(c.shift_quarter(q, -4))
        yoy = c.growth(last["value"], base["value"]) if base else None
        metrics.append(Metric(f"{metric}:{ticker}", last["value"], last["unit"], f"{name} {label}", q))
        evidence.append(c.evidence(last, f"{name} {label} {q}: {c.usd(last['value'], last['unit'])}"
                                         + _provenance(last)))
        if base is not None:
            evidence.append(c.evidence(base, f"{name} {label} {c.shift_quarter(q, -4)} (year-ago base): "
                                             f"{c.usd(base['value'], base['unit'])}" + _provenance(base)))
            if yoy is not None:
                metrics.append(Metric(f"{metric}_yoy:{ticker}", round(yoy, 4), "ratio", f"{name} {label} YoY", q))
        _last_four(ticker, metric, name, label, by_q, q, metrics)
        stale = (as_of - last["period_end"]).days > rules.MEMORY_STALE_DAYS
        four = ", ".join(f"{k} {c.usd(r['value'], r['unit'])}" for k, r in recent[-4:])
        reasoning.append(f"{ticker} {label}: {four}; YoY {_yoy_text(yoy, base)}"
                         + _replaced(store, last, as_of) + (" (stale: not scored)" if stale else ""))
        if metric == "revenue" and yoy is not None and not stale:
            scored = yoy
    return scored


def _last_four(ticker: str, metric: str, name: str, label: str, by_q: dict[str, c.Row], q: str,
               metrics: list[Metric]) -> None:
    """The sum of the last four quarters and its change on the four before, when all eight exist."""
    now = [by_q.get(c.shift_quarter(q, -k)) for k in range(4)]
    before = [by_q.get(c.shift_quarter(q, -k)) for k in range(4, 8)]
    if any(r is None for r in now):
        return
    total = sum(r["value"] for r in now if r is not None)
    metrics.append(Metric(f"{metric}_4q:{ticker}", total, now[0]["unit"] if now[0] else None,
                          f"{name} {label}, last four quarters", f"{c.shift_quarter(q, -3)}..{q}"))
    if all(r is not None for r in before):
        prior = sum(r["value"] for r in before if r is not None)
        change = c.growth(total, prior)
        if change is not None:
            metrics.append(Metric(f"{metric}_4q_yoy:{ticker}", round(change, 4), "ratio",
                                  f"{name} {label}, last four quarters YoY", f"{c.shift_quarter(q, -3)}..{q}"))


def _yoy_text(yoy: float | None, base: c.Row | None) -> str:
    if base is None:
        return "n/a (no year-ago quarter)"
    if yoy is None:
        return f"n/a (a loss of {c.usd(-base['value'], base['unit'])} a year earlier)"
    return c.pct(yoy)


def _replaced(store: Store, last: c.Row, as_of: dt.date) -> str:
    """Samsung: say when the final result replaced the preliminary guidance, or that it is still due."""
    if last["ticker"] != "005930.KS" or last["metric"] != "operating_income":
        return ""
    if "preliminary" in (last["flag"] or ""):
        return " (preliminary guidance midpoint; the final result replaces it when published)"
    earlier = [r for r in c.rows_for(store, [last["ticker"]], [last["metric"]], as_of)
               if r["period_end"] == last["period_end"] and "preliminary" in (r["flag"] or "")]
    if earlier:
        p = earlier[-1]
        return f" (final, replacing the preliminary {c.usd(p['value'], p['unit'])} of {p['filed']})"
    return ""


def _provenance(row: c.Row) -> str:
    """The source type (primary or secondary) and any weak-row flag, shown with the figure."""
    if row["kind"] in SEC_KINDS:
        return f" [SEC {row.get('form') or 'filing'}]"
    klass = (row.get("method") or "").split(":", 1)[0]
    return f" [{klass}" + (f"; {row['flag']}" if row.get("flag") else "") + "]"


def _supply(supply: hbm.Supply, metrics: list[Metric], evidence: list[Evidence], reasoning: list[str]) -> None:
    current = supply.current
    past = [s for s in supply.statements if not s.current][:SHOWN_PAST_STATEMENTS]
    for s in (*current, *past):
        tag = f"{s.kind.replace('_', ' ')}, {'counts' if s.current else 'not current'}: {s.why}"
        evidence.append(c.evidence(s.row, f"HBM: {s.company} ({s.filed}, {tag}): {s.text}" + _provenance(s.row)))
    if supply.balance is not None:
        metrics.append(Metric("hbm_supply_balance", supply.balance, None, f"HBM supply balance ({supply.state})",
                              supply.as_of.isoformat()))
    parts = ", ".join(f"{s.company} {s.kind.replace('_', ' ')} {s.weight:+.2f}" for s in current)
    reasoning.append(f"HBM supply: {supply.state}" + (f" (balance {supply.balance:+.2f} from {len(current)} current "
                     f"statement(s): {parts}; tight at >= {rules.HBM_TIGHT_AT}, loosening at <= "
                     f"{rules.HBM_LOOSENING_AT})" if current else " (no current HBM statement)")
                     + (f"; {len(past)} older statement(s) shown, not counted." if past else "."))


def _shares(store: Store, as_of: dt.date, metrics: list[Metric], evidence: list[Evidence]) -> None:
    """Each maker's latest HBM market share, with its basis (shipments or revenue) from the flag."""
    for ticker in ("000660.KS", "005930.KS"):
        rows = c.rows_for(store, [ticker], ["hbm_share"], as_of)
        if rows:
            row = max(rows, key=lambda r: (r["filed"], r["period_end"]))
            q = c.calendar_quarter(row)
            metrics.append(Metric(f"hbm_share:{ticker}", row["value"], "share", f"{short_name(ticker)} HBM share", q))
            evidence.append(c.evidence(row, f"{short_name(ticker)} HBM share {q}: {c.pct(row['value'], signed=False)}"
                                            + _provenance(row)))


def _capex_plans(store: Store, as_of: dt.date, evidence: list[Evidence]) -> None:
    """Each Korean maker's latest capex plan of the past year, shown (plans are not scored)."""
    since = as_of - dt.timedelta(days=rules.HBM_STATEMENT_DAYS)
    for ticker in ("000660.KS", "005930.KS"):
        plans = [r for r in c.statements(store, [ticker], as_of, since) if r["tag"] == "capex_plan"]
        if plans:  # newest first
            row = plans[0]
            evidence.append(c.evidence(row, f"{short_name(ticker)} capex plan ({row['filed']}): {row['text']}"
                                            + _provenance(row)))


def _tam(store: Store, as_of: dt.date, metrics: list[Metric], evidence: list[Evidence]) -> None:
    for ticker in hbm.TICKERS:
        rows = c.series(store, ticker, "hbm_tam", as_of)
        if rows:
            row = max(rows, key=lambda r: r["filed"])
            metrics.append(Metric(f"hbm_tam:{ticker}", row["value"], row["unit"],
                                  f"HBM market size forecast ({get(ticker).name})", row.get("fiscal_period")))
            evidence.append(c.evidence(row, f"{get(ticker).name} HBM TAM forecast: {c.usd(row['value'])}"))


def _headline(metrics: list[Metric], supply: hbm.Supply) -> str:
    values = {m.name: m for m in metrics}
    parts = []
    for co in by_role("memory"):
        for metric, label in (("operating_income", "op. profit"), ("revenue", "revenue")):
            m = values.get(f"{metric}:{co.ticker}")
            if m is None:
                continue
            yoy = values.get(f"{metric}_yoy:{co.ticker}")
            parts.append(f"{short_name(co.ticker)} {label} {m.period} {c.usd(m.value, m.unit)}"
                         + (f" ({c.pct(yoy.value)} YoY)" if yoy else ""))
            break  # one figure a maker: operating profit where there is one
    if supply.state != "unknown":
        years = sorted({y for s in supply.current if s.kind == "sold_out" for y in s.years if y >= supply.as_of.year})
        sold = f": sold out for {', '.join(map(str, years))}" if years else ""
        n = len(supply.current)
        parts.append(f"HBM {supply.state}{sold} ({n} current statement{'s' if n != 1 else ''})")
    elif supply.statements:
        parts.append("HBM: no current supply statement")
    return "; ".join(parts) or "No memory results in store"
