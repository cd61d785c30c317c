"""Checkpoint 2, GPU rental prices: "if rental prices keep rising, the compute shortage remains; if
they fall sharply, examine oversupply."

Rule (numbers in rules.py, `# --- gpu_rental ---`): for each main SKU group (H100, H200, B200), every
fresh like-for-like line (gpu_index) of the read terms gives its change over the window; the group's
change is the median of its lines' changes; the checkpoint's change is the mean over the groups that
have one. Rising ≥ RISING → expanding; ≤ SHARP_FALL → contracting (examine oversupply); ≤ FALLING →
slowing; otherwise steady. score = clip(change / SCORE_SCALE, -1, 1). A level published by a source
whose quotes already feed a computed line of the same family, SKU and term is not counted twice.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from aicycle import rules
from aicycle.checkpoints import coverage
from aicycle.checkpoints.base import Evidence, Metric, Reading, State
from aicycle.gpu import index as gi
from aicycle.gpu.skus import in_group
from aicycle.store import Store

ID = "gpu_rental"
TITLE = "GPU rental prices ($ per GPU-hour)"


@dataclass(frozen=True)
class Used:
    group: str
    line: gi.Line
    trend: gi.Trend
    change: float  # trend.change, known to exist: lines without one are not used


def _counted(lines: list[gi.Line]) -> list[gi.Line]:
    """Computed lines, plus published lines whose source feeds no computed line of the same kind."""
    fed = {(ln.family, ln.sku, ln.term, s) for ln in lines if ln.kind == "computed"
           for p in ln.points for s in p.sources}
    return [ln for ln in lines if ln.kind == "computed"
            or not any((ln.family, ln.sku, ln.term, s) in fed for s in ln.points[0].sources)]


def _used(lines: list[gi.Line], as_of: dt.date) -> list[Used]:
    out = []
    for group in rules.GPU_RENTAL_SKUS:
        mine = [ln for ln in lines if in_group(ln.sku, group) and ln.term in rules.GPU_RENTAL_TERMS]
        for line in _counted(mine):
            out += [Used(group, line, t, t.change) for t in gi.line_trends(line, as_of) if t.change is not None]
    return out


def classify(change: float) -> State:
    if change >= rules.GPU_RENTAL_RISING:
        return "expanding"
    if change <= rules.GPU_RENTAL_SHARP_FALL:
        return "contracting"
    if change <= rules.GPU_RENTAL_FALLING:
        return "slowing"
    return "steady"


MEANING = {"expanding": "rental prices rising: the compute shortage remains",
           "steady": "rental prices flat: supply and demand roughly matched",
           "slowing": "rental prices falling: the shortage is easing",
           "contracting": "rental prices falling sharply: examine oversupply"}


def _lead(used: list[Used], group: str) -> Used:
    """The group's headline line: a computed on-demand line first, then the most recent."""
    mine = [u for u in used if u.group == group]
    return min(mine, key=lambda u: (u.line.kind != "computed", u.line.term != "on_demand",
                                    -u.trend.latest.day.toordinal()))


def _evidence(u: Used) -> Evidence:
    t, line = u.trend, u.line
    base = t.base
    assert base is not None and t.change is not None
    how = (f"{gi.METHOD_VERSION}: median of {t.latest.n_quotes} quotes ({t.latest.n_providers} providers, "
           f"{t.latest.n_dropped} outliers dropped)" if line.kind == "computed"
           else f"level published by {line.provider} ({line.stat})")
    return Evidence(
        text=(f"{line.name}: ${t.latest.value:.2f}/GPU-h on {t.latest.day}, {t.change:+.1%} vs "
              f"${base.value:.2f} on {base.day} ({t.span_days} days)"),
        value=round(t.latest.value, 4), unit="USD per GPU-hour", period=t.latest.day.isoformat(),
        source="; ".join(t.sources), url=t.latest.url, accession=None, filed=t.latest.day,
        kind="derived" if line.kind == "computed" else "reported", metric=f"gpu_rental_price:{line.sku}",
        method=f"{how}; change = latest / base - 1 over {t.span_days} days (the point "
               f"{rules.GPU_RENTAL_WINDOW_DAYS} days back, else the nearest earlier within "
               f"{rules.GPU_RENTAL_BASE_TOLERANCE_DAYS}), like for like",
        flag="; ".join(t.latest.flags) or None)


def charts(lines: list[gi.Line]) -> dict[str, list[dict[str, object]]]:
    """Price lines per SKU and family for the report (x = day, y = USD per GPU-hour)."""
    out: dict[str, list[dict[str, object]]] = {}
    for ln in lines:
        if not any(in_group(ln.sku, g) for g in rules.GPU_RENTAL_SKUS):
            continue
        out[ln.name] = [{"x": p.day.isoformat(), "y": round(p.value, 4), "q1": p.q1, "q3": p.q3,
                         "n": p.n_quotes, "family": ln.family, "sku": ln.sku, "term": ln.term,
                         "kind": ln.kind} for p in ln.points]
    return out


def read(store: Store, as_of: dt.date) -> Reading:
    lines = gi.lines(store, as_of)
    used = _used(lines, as_of)
    groups = {g: statistics.median(u.change for u in used if u.group == g)
              for g in rules.GPU_RENTAL_SKUS if any(u.group == g for u in used)}
    newest = max((u.trend.latest.day for u in used), default=None)
    cov = coverage.Coverage(tuple(groups), rules.GPU_RENTAL_SKUS, newest, unit="SKU groups")
    if not groups:
        return coverage.apply(Reading(ID, TITLE, "insufficient_data", f"No fresh like-for-like GPU price series on "
                                      f"{as_of}.", None, reasoning=[_rule_text()], charts=charts(lines)), as_of, cov)
    change = statistics.fmean(groups.values())
    state = classify(change)
    parts = []
    for g, c in groups.items():
        trend = _lead(used, g).trend
        parts.append(f"{g} ${trend.latest.value:.2f} ({c:+.1%})")
    lo, hi = _spans(used)
    span = f"{lo} days" if lo == hi else f"{lo}-{hi} days"
    headline = (f"{', '.join(parts)} over {span} (the {rules.GPU_RENTAL_WINDOW_DAYS}-day change, base the nearest "
                f"earlier point within {rules.GPU_RENTAL_BASE_TOLERANCE_DAYS} days); mean {change:+.1%}: "
                f"{MEANING[state]}.")
    metrics = [Metric("gpu_rental_change", round(change, 4), "ratio",
                      f"Mean change over SKU groups, over {span}")]
    for g, c in groups.items():
        lead = _lead(used, g)
        glo, ghi = _spans([u for u in used if u.group == g])
        metrics += [Metric(f"{g.lower()}_change", round(c, 4), "ratio",
                           f"{g}: median change of its lines over {glo if glo == ghi else f'{glo}-{ghi}'} days"),
                    Metric(f"{g.lower()}_price", round(lead.trend.latest.value, 4), "USD per GPU-hour",
                           f"{g}: {lead.line.name}", lead.trend.latest.day.isoformat())]
        if lead.trend.slope_annual is not None:
            metrics.append(Metric(f"{g.lower()}_slope_annual", round(lead.trend.slope_annual, 4), "ratio",
                                  f"{g}: annualized log-price slope over {rules.GPU_RENTAL_SLOPE_DAYS} days"))
    reasoning = [_rule_text()] + [
        f"{g}: median of {sum(u.group == g for u in used)} line(s) = {c:+.1%}" for g, c in groups.items()]
    missing = [g for g in rules.GPU_RENTAL_SKUS if g not in groups]
    if missing:
        reasoning.append(f"No fresh like-for-like series for {', '.join(missing)} on {as_of}.")
    score = max(-1.0, min(1.0, change / rules.GPU_RENTAL_SCORE_SCALE))
    reading = Reading(ID, TITLE, state, headline, round(score, 4), metrics=metrics,
                      evidence=[_evidence(u) for u in used], reasoning=reasoning, charts=charts(lines))
    return coverage.apply(reading, as_of, cov)


def _spans(used: list[Used]) -> tuple[int, int]:
    """Shortest and longest span (days) the changes really cover."""
    spans = [u.trend.span_days for u in used if u.trend.span_days is not None]
    return (min(spans), max(spans)) if spans else (rules.GPU_RENTAL_WINDOW_DAYS, rules.GPU_RENTAL_WINDOW_DAYS)


def _rule_text() -> str:
    return (f"Rule: {rules.GPU_RENTAL_WINDOW_DAYS}-day change (base: the point {rules.GPU_RENTAL_WINDOW_DAYS} days "
            f"back, else the nearest earlier one within {rules.GPU_RENTAL_BASE_TOLERANCE_DAYS} days) "
            f"of fresh (≤ {rules.GPU_RENTAL_FRESH_DAYS} days old) "
            f"like-for-like {'/'.join(rules.GPU_RENTAL_TERMS)} price lines of {', '.join(rules.GPU_RENTAL_SKUS)}; "
            f"≥ {rules.GPU_RENTAL_RISING:+.0%} expanding, ≤ {rules.GPU_RENTAL_FALLING:+.0%} slowing, "
            f"≤ {rules.GPU_RENTAL_SHARP_FALL:+.0%} contracting (examine oversupply), otherwise steady.")
