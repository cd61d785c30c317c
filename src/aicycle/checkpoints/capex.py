"""Checkpoint 1: hyperscaler capex, quarter by quarter, and how the guidance for the year moves.

Rules (thresholds in rules.py, prose in docs/method.md): capex growing year on year and guidance
raised -> expanding; guidance cut and capex shrinking -> contracting. The score is the weighted mean of
(a) the median YoY growth of each hyperscaler's latest quarter, scaled by CAPEX_YOY_FULL_SCALE, and
(b) the mean score of each company's latest guidance revision within GUIDANCE_LOOKBACK_DAYS.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import dataclass
from typing import Any

from aicycle import facts, rules
from aicycle.checkpoints import capacity, coverage
from aicycle.checkpoints import common as c
from aicycle.checkpoints.base import Evidence, Metric, Reading
from aicycle.store import Store
from aicycle.universe import get

ID = "capex"
TITLE = "Hyperscaler capex and guidance"
HYPERSCALERS = ("META", "MSFT", "GOOGL", "AMZN", "ORCL")
# Each company's headline capex is facts.capex_definition (Meta: including finance-lease principal);
# a quarter without it falls back to PP&E purchases, and a growth rate compares like with like.

CHART_QUARTERS = 12  # quarters shown in the chart (the reading itself uses what it needs)
GUIDANCE_METRICS = ("capex_guidance_low", "capex_guidance_high", "capex_guidance_point")
# A company's own sentence naming the range it replaced ("..., increased from our prior outlook of
# $60 billion to $65 billion."): used when the store holds no earlier vintage to compare with.
PRIOR_RANGE = re.compile(r"\b(?:increased|raised|narrowed|reduced|lowered|decreased|cut|updated) from our prior "
                         r"(?:range|outlook) of \$(\d+(?:\.\d+)?)(?: billion)?\s*(?:-|to)\s*\$?(\d+(?:\.\d+)?) billion")
# A guide's own source naming the single figure it replaced ("outlook ~USD175B, down from ~USD190B").
PRIOR_POINT = re.compile(r"\b(?:down|up|lowered|raised|cut|increased|reduced) from ~?(?:USD\s?|\$)?"
                         r"(\d+(?:\.\d+)?)\s*(?:B|bn|billion)\b")
# The reason a source gives in brackets when a revision is bookkeeping, not spending.
ACCOUNTING_REASON = re.compile(r"\(([^()]*\b(?:accounting|classification|reclassif\w*|definition)\b[^()]*)\)", re.I)


@dataclass
class Guide:
    """One vintage of a company's capex guidance for one year."""

    ticker: str
    year: int
    filed: dt.date
    low: float | None
    high: float | None
    point: float | None
    row: dict[str, Any]

    @property
    def label(self) -> str:
        """The guided year as the company names it (Microsoft guides calendar 2026: CY2026)."""
        found = self.row.get("fiscal_period") if self.row.get("metric", "").startswith("capex_guidance") else None
        return str(found) if found else f"FY{self.year}"

    @property
    def mid(self) -> float | None:
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.point if self.point is not None else (self.low or self.high)

    def text(self) -> str:
        if self.low is not None and self.high is not None:
            return f"{c.usd(self.low)}–{c.usd(self.high)}"
        return f"~{c.usd(self.mid)}"


@dataclass
class Revision:
    guide: Guide
    prior: Guide | None
    kind: str  # a key of rules.GUIDANCE_REVISION_SCORE, or "first"

    @property
    def mid_change(self) -> float | None:
        return c.growth(self.guide.mid, self.prior.mid) if self.prior else None

    @property
    def reason(self) -> str | None:
        """The accounting reason the guide's source gives for the revision, if any."""
        m = ACCOUNTING_REASON.search(self.guide.row.get("note") or "") if self.prior else None
        return m[1] if m else None

    def text(self) -> str:
        g, name = self.guide, get(self.guide.ticker).name
        if self.prior is None:
            return f"{name} {g.label} capex guidance {g.text()} ({g.filed:%b %-d, %Y}; first guide in store)"
        p = self.prior
        moves = []
        for label, new, old in (("low", g.low, p.low), ("high", g.high, p.high)):
            if new is not None and old is not None and new != old:
                moves.append(f"{label} {'+' if new > old else '-'}{c.usd(abs(new - old))}")
        detail = ", ".join(moves) or f"midpoint {c.pct(self.mid_change)}"
        if self.kind.startswith("initial"):
            return (f"{name} first {g.label} capex guide {g.text()} ({g.filed:%b %-d, %Y}) vs {p.label} "
                    f"last guide {p.text()}: midpoint {c.pct(self.mid_change)}")
        verb = self.kind.replace("_up", " up").replace("_down", " down")
        why = f"; source's reason: {self.reason}, so read as bookkeeping more than spending" if self.reason else ""
        return (f"{name} {g.label} capex guidance {verb} to {g.text()} from {p.text()} "
                f"({detail}; {g.filed:%b %-d, %Y}{why})")


def read(store: Store, as_of: dt.date) -> Reading:
    quarters = {t: _quarters(store, t, as_of) for t in HYPERSCALERS}
    ppe = {t: _ppe(store, t, as_of) for t in HYPERSCALERS}
    revisions = {t: _revisions(store, t, as_of) for t in HYPERSCALERS}
    if not any(quarters.values()) and not any(revisions.values()):
        return coverage.apply(c.empty(ID, TITLE, "No hyperscaler capex or guidance public by this date."), as_of,
                              coverage.Coverage((), HYPERSCALERS, None))
    metrics: list[Metric] = []
    evidence: list[Evidence] = []
    reasoning: list[str] = []
    scored: list[str] = []
    growth_score = _growth_part(quarters, ppe, as_of, metrics, evidence, reasoning, scored)
    sum_text = _sum_part(quarters, metrics, reasoning)
    guide_score, guide_text = _guidance_part(revisions, as_of, metrics, evidence, reasoning, scored)
    score = c.weighted([(growth_score, rules.CAPEX_WEIGHTS["growth"]),
                        (guide_score, rules.CAPEX_WEIGHTS["guidance"])])
    state = c.state_for(score)
    reasoning.append(f"Score {score if score is not None else 'n/a'} -> {state} "
                     f"(expanding at >= {rules.EXPANDING_AT}, slowing at <= {rules.SLOWING_BELOW}).")
    median = next((m.value for m in metrics if m.name == "capex_yoy_median"), None)
    growth_text = f"median YoY {c.pct(median)}" if median is not None else None
    headline = "; ".join(x for x in (sum_text, growth_text, guide_text) if x)
    capacity.shown(store, as_of, metrics, evidence, reasoning)
    reading = Reading(id=ID, title=TITLE, state=state, headline=headline, score=score, metrics=metrics,
                      evidence=evidence, reasoning=reasoning, charts=_charts(quarters, revisions))
    newest = max((row["period_end"] for by_q in quarters.values() for row in by_q.values()), default=None)
    if growth_score is None and guide_score is not None:  # guidance alone: its newest guide is the figure
        newest = max((r.guide.filed for revs in revisions.values() for r in revs), default=newest)
    have = tuple(t for t in HYPERSCALERS if t in scored)  # a fresh like-for-like YoY, or a scored revision
    return coverage.apply(reading, as_of, coverage.Coverage(have, HYPERSCALERS, newest))


def _quarters(store: Store, ticker: str, as_of: dt.date) -> dict[str, dict[str, Any]]:
    """Calendar quarter -> the company's headline capex row (PP&E only where the headline is missing)."""
    metric, _ = facts.capex_definition(ticker)
    headline = c.quarterly(c.series(store, ticker, metric, as_of))
    ppe = c.quarterly(c.series(store, ticker, "capex", as_of)) if metric != "capex" else []
    rows = facts.merge_headline(ticker, headline, ppe)
    return dict(sorted({c.calendar_quarter(r): r for r in rows}.items()))


def _ppe(store: Store, ticker: str, as_of: dt.date) -> dict[str, dict[str, Any]]:
    """Calendar quarter -> PP&E purchases, for like-for-like growth where the headline series has gaps."""
    if facts.capex_definition(ticker)[0] == "capex":
        return {}
    return {c.calendar_quarter(r): r for r in c.quarterly(c.series(store, ticker, "capex", as_of))}


def _like_for_like(by_q: dict[str, dict[str, Any]], ppe: dict[str, dict[str, Any]], cq: str,
                   back: int) -> tuple[dict[str, Any] | None, dict[str, Any] | None, str]:
    """(new, base, basis) rows of one definition `back` quarters apart: the headline's, else PP&E's."""
    new, base = by_q.get(cq), by_q.get(c.shift_quarter(cq, -back))
    if new and base and new.get("definition") == base.get("definition"):
        return new, base, "headline" if "only" not in (new.get("definition") or "") else "PP&E"
    new_p, base_p = ppe.get(cq), ppe.get(c.shift_quarter(cq, -back))
    if new_p and base_p:
        return new_p, base_p, "PP&E"
    return None, None, ""


def _growth_part(quarters: dict[str, dict[str, dict[str, Any]]], ppe: dict[str, dict[str, dict[str, Any]]],
                 as_of: dt.date, metrics: list[Metric], evidence: list[Evidence], reasoning: list[str],
                 scored: list[str]) -> float | None:
    yoys: list[float] = []
    for ticker, by_q in quarters.items():
        if not by_q:
            reasoning.append(f"{ticker}: no quarterly capex public by {as_of}.")
            continue
        cq, row = next(reversed(by_q.items()))
        name, label = get(ticker).name, c.period_label(row)
        evidence.append(c.evidence(row, f"{name} capex {label}: {c.usd(row['value'])} ({row['metric']}; "
                                        f"{row.get('definition') or 'PP&E'})"))
        metrics.append(Metric(f"capex:{ticker}", row["value"], "USD", f"{name} capex", cq))
        new_q, prev, basis_q = _like_for_like(by_q, ppe[ticker], cq, 1)
        new_y, year_ago, basis_y = _like_for_like(by_q, ppe[ticker], cq, 4)
        qoq = c.growth(new_q["value"], prev["value"]) if new_q and prev else None
        yoy = c.growth(new_y["value"], year_ago["value"]) if new_y and year_ago else None
        if qoq is not None:
            metrics.append(Metric(f"capex_qoq:{ticker}", round(qoq, 4), "ratio", f"{name} capex QoQ", cq))
        basis = f" on {basis_y} (like for like)" if basis_y == "PP&E" and row.get("definition") != "PP&E" else ""
        if yoy is not None and year_ago is not None and new_y is not None:  # a YoY exists only with its base
            metrics.append(Metric(f"capex_yoy:{ticker}", round(yoy, 4), "ratio", f"{name} capex YoY{basis}", cq))
            evidence.append(c.evidence(year_ago, f"{name} capex {c.period_label(year_ago)} (year-ago base"
                                                 f"{basis}): {c.usd(year_ago['value'])}"))
            if new_y is not row:
                evidence.append(c.evidence(new_y, f"{name} capex {c.period_label(new_y)}{basis}: "
                                                  f"{c.usd(new_y['value'])}"))
        stale = (as_of - row["period_end"]).days > rules.CAPEX_STALE_DAYS
        reasoning.append(f"{ticker} {label}: {c.usd(row['value'])}, QoQ {c.pct(qoq)}, YoY {c.pct(yoy)}{basis}"
                         + (" (stale: not scored)" if stale else ""))
        if yoy is not None and not stale:
            yoys.append(yoy)
            scored.append(ticker)
    if not yoys:
        reasoning.append("Growth: no company has a fresh quarter with a year-ago quarter to compare.")
        return None
    median = statistics.median(yoys)
    score = round(c.clip(median / rules.CAPEX_YOY_FULL_SCALE), 3)
    metrics.append(Metric("capex_yoy_median", round(median, 4), "ratio", "Median capex YoY", None))
    reasoning.append(f"Growth: median YoY {c.pct(median)} over {len(yoys)} compan"
                     f"{'y' if len(yoys) == 1 else 'ies'} / {rules.CAPEX_YOY_FULL_SCALE:.0%} -> {score:+.2f}.")
    return score


def _sum_part(quarters: dict[str, dict[str, dict[str, Any]]], metrics: list[Metric],
              reasoning: list[str]) -> str | None:
    """Sum over quarters where all five report; otherwise say which are missing."""
    all_q = sorted({q for by_q in quarters.values() for q in by_q})
    if not all_q:
        return None
    complete = [q for q in all_q if all(q in quarters[t] for t in HYPERSCALERS)]

    def total(q: str) -> float:
        return sum(quarters[t][q]["value"] for t in HYPERSCALERS if q in quarters[t])

    if complete:
        q = complete[-1]
        yoy = c.growth(total(q), total(c.shift_quarter(q, -4))) if c.shift_quarter(q, -4) in complete else None
        qoq = c.growth(total(q), total(c.shift_quarter(q, -1))) if c.shift_quarter(q, -1) in complete else None
        metrics.append(Metric("capex_sum", total(q), "USD", "Five hyperscalers' capex", q))
        for name, value in (("capex_sum_qoq", qoq), ("capex_sum_yoy", yoy)):
            if value is not None:
                metrics.append(Metric(name, round(value, 4), "ratio", name.replace("_", " "), q))
        reasoning.append(f"Sum {q}: {c.usd(total(q))} (all five), QoQ {c.pct(qoq)}, YoY {c.pct(yoy)}.")
        return f"Five hyperscalers spent {c.usd(total(q))} in {q} (YoY {c.pct(yoy)})"
    q = all_q[-1]
    present = [t for t in HYPERSCALERS if q in quarters[t]]
    missing = [t for t in HYPERSCALERS if t not in present]
    metrics.append(Metric("capex_partial_sum", total(q), "USD", f"Capex of {', '.join(present)}", q))
    reasoning.append(f"No quarter with all five in store; {q} has {', '.join(present)} "
                     f"({c.usd(total(q))}); missing {', '.join(missing)}: no five-company sum.")
    return f"{q} capex {c.usd(total(q))} for {len(present)} of 5 ({', '.join(missing)} missing)"


def revisions(store: Store, ticker: str, as_of: dt.date) -> list[Revision]:
    """A company's guidance vintages public by `as_of`, each classified against the one before (watch/)."""
    return _revisions(store, ticker, as_of)


def _revisions(store: Store, ticker: str, as_of: dt.date) -> list[Revision]:
    """Every guidance vintage in filed order, each classified against the one before it."""
    by_day: dict[tuple[int, dt.date], list[dict[str, Any]]] = {}
    for row in c.rows_for(store, [ticker], GUIDANCE_METRICS, as_of):
        by_day.setdefault((row["period_end"].year, row["filed"]), []).append(row)
    guides: dict[tuple[int, dt.date], Guide] = {}
    for key, rows in by_day.items():
        # two sources guiding the same year the same day: the higher tier's figures only, never a mix
        best = max(facts.PRECEDENCE.index(facts.tier(r)) * -1 for r in rows)
        rows = sorted((r for r in rows if -facts.PRECEDENCE.index(facts.tier(r)) == best),
                      key=lambda r: (r["metric"], r["fact_key"]))
        g = guides[key] = Guide(ticker, key[0], key[1], None, None, None, rows[0])
        for row in rows:
            setattr(g, row["metric"].rsplit("_", 1)[1], row["value"])
            if row.get("url") and not g.row.get("url"):
                g.row = row  # the provenance shown: prefer a row that links to the document
    out: list[Revision] = []
    last_by_year: dict[int, Guide] = {}
    for (year, _), g in sorted(guides.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        prior = last_by_year.get(year) or _stated_prior(store, g)
        if prior is not None:
            out.append(Revision(g, prior, _classify(prior, g)))
        elif year - 1 in last_by_year:
            out.append(Revision(g, last_by_year[year - 1], _initial(last_by_year[year - 1], g)))
        else:
            out.append(Revision(g, None, "first"))
        last_by_year[year] = g
    return out


def _stated_prior(store: Store, g: Guide) -> Guide | None:
    """The prior range the company names in a statement published with this guide, else the prior
    figure the guide's own source names (kept in its note by the curated loader), if any."""
    for row in c.statements(store, [g.ticker], g.filed, g.filed):
        m = PRIOR_RANGE.search(row["text"])
        if m and str(g.year) in row["text"]:
            return Guide(g.ticker, g.year, g.filed, float(m[1]) * 1e9, float(m[2]) * 1e9, None, row)
    note = g.row.get("note") or ""
    if m := PRIOR_RANGE.search(note):
        return Guide(g.ticker, g.year, g.filed, float(m[1]) * 1e9, float(m[2]) * 1e9, None, g.row)
    if m := PRIOR_POINT.search(note):
        return Guide(g.ticker, g.year, g.filed, None, None, float(m[1]) * 1e9, g.row)
    return None


def _classify(old: Guide, new: Guide) -> str:
    change = c.growth(new.mid, old.mid) or 0.0
    ranged = None not in (old.low, old.high, new.low, new.high)
    if ranged:
        dl, dh = new.low - old.low, new.high - old.high  # type: ignore[operator]
        width_new, width_old = new.high - new.low, old.high - old.low  # type: ignore[operator]
        if dl >= 0 and dh >= 0 and (dl > 0 or dh > 0) and width_new >= width_old:
            return "raised"
        if dl <= 0 and dh <= 0 and (dl < 0 or dh < 0) and width_new >= width_old:
            return "cut"
        if width_new < width_old:
            if abs(change) < rules.GUIDANCE_MOVE_MIN:
                return "reaffirmed" if dl == dh == 0 else ("narrowed_up" if change > 0 else "narrowed_down")
            return "narrowed_up" if change > 0 else "narrowed_down"
        if width_new > width_old and abs(change) < rules.GUIDANCE_MOVE_MIN:
            return "widened"
    if change >= rules.GUIDANCE_MOVE_MIN:
        return "raised"
    if change <= -rules.GUIDANCE_MOVE_MIN:
        return "cut"
    return "reaffirmed"


def _initial(prior_year: Guide, new: Guide) -> str:
    change = c.growth(new.mid, prior_year.mid) or 0.0
    if change >= rules.GUIDANCE_MOVE_MIN:
        return "initial_above"
    return "initial_below" if change <= -rules.GUIDANCE_MOVE_MIN else "initial_level"


def _guidance_part(revisions: dict[str, list[Revision]], as_of: dt.date, metrics: list[Metric],
                   evidence: list[Evidence], reasoning: list[str],
                   scored: list[str] | None = None) -> tuple[float | None, str | None]:
    scores: list[float] = []
    latest_texts: list[tuple[bool, dt.date, str]] = []
    for ticker, revs in revisions.items():
        if not revs:
            continue
        current_year = max(r.guide.year for r in revs)
        for r in revs:
            if r.guide.year >= current_year - 1:
                evidence.append(c.evidence(r.guide.row, r.text()))
                if r.prior is not None and r.prior.row.get("metric") == "statement":
                    evidence.append(c.evidence(r.prior.row, f"{get(ticker).name} ({r.prior.row['filed']}): "
                                                            f"{r.prior.row['text']}"))
        last = revs[-1]
        g = last.guide
        for side in ("low", "high", "point"):
            value = getattr(g, side)
            if value is not None:
                metrics.append(Metric(f"guidance_{side}:{ticker}", value, "USD",
                                      f"{get(ticker).name} {g.label} capex guidance ({side})", g.label))
        age = (as_of - g.filed).days
        weight = rules.GUIDANCE_REVISION_SCORE.get(last.kind)
        if weight is not None and last.reason:
            weight = round(weight * rules.GUIDANCE_ACCOUNTING_FACTOR, 3)  # bookkeeping, not spending
        if weight is not None and age <= rules.GUIDANCE_LOOKBACK_DAYS:
            scores.append(weight)
            if scored is not None and ticker not in scored:
                scored.append(ticker)
            reasoning.append(f"Guidance {ticker}: {last.kind} {age} days ago -> {weight:+.1f}. {last.text()}")
        else:
            why = ("no earlier guide to compare" if weight is None
                   else f"{age} days old (> {rules.GUIDANCE_LOOKBACK_DAYS})")
            reasoning.append(f"Guidance {ticker}: not scored ({why}). {last.text()}")
        latest_texts.append((last.kind != "first", g.filed, _short(last)))
    if not latest_texts:
        reasoning.append("Guidance: none public by this date.")
        return None, None
    latest_texts.sort(reverse=True)
    text = "; ".join(t for _, _, t in latest_texts[:2])  # revisions before first guides, newest first
    if not scores:
        return None, text
    score = round(sum(scores) / len(scores), 3)
    reasoning.append(f"Guidance: mean revision score {score:+.2f} over {len(scores)} compan"
                     f"{'y' if len(scores) == 1 else 'ies'}.")
    return score, text


def _short(r: Revision) -> str:
    g = r.guide
    verb = {"first": "guides", "initial_above": "guides", "initial_level": "guides",
            "initial_below": "guides"}.get(r.kind, r.kind.replace("_up", "").replace("_down", ""))
    tail = f" from {r.prior.text()}" if r.prior and not r.kind.startswith("initial") and r.kind != "first" else ""
    tail += " after an accounting change" if r.reason else ""
    return f"{g.ticker} {g.label} {verb} {g.text()}{tail} ({g.filed:%b %Y})"


def _charts(quarters: dict[str, dict[str, dict[str, Any]]], revisions: dict[str, list[Revision]]) -> dict[str, Any]:
    last = max((q for by_q in quarters.values() for q in by_q), default=None)
    first = c.shift_quarter(last, 1 - CHART_QUARTERS) if last else ""
    bars = {t: [{"x": q, "y": row["value"], "metric": row["metric"], "url": row.get("url"),
                 "accession": row.get("accession")} for q, row in by_q.items() if q >= first]
            for t, by_q in quarters.items() if by_q}
    bars = {t: pts for t, pts in bars.items() if pts}
    guides = {t: [{"filed": r.guide.filed.isoformat(), "year": r.guide.year, "low": r.guide.low,
                   "high": r.guide.high, "point": r.guide.point, "mid": r.guide.mid, "kind": r.kind}
                  for r in revs] for t, revs in revisions.items() if revs}
    return {"capex_by_quarter": bars, "guidance": guides}
