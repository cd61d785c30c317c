"""The say-do gap: what a company says about capex against what it guides and spends.

Words: the stance score of the company's documents per quarter (from the store). Deeds: capex
guidance revisions (each new vintage of capex_guidance_low/high/point for a fiscal year against
the previous one) and the reported capex trend (latest quarter against the same quarter a year
earlier, else the previous quarter). Only rows public by `as_of` are used (`filed <= as_of`, the
latest vintage per period). Words read as restraint when the score is low, drops sharply, or the
restraint watch terms ("moderate", "optimization", "discipline", "digest", …) rise on the prior
quarter. A gap is flagged when words soften while deeds expand ("moderating" talk while guidance
is raised: the market's likely misreading) or the reverse.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aicycle import rules
from aicycle.language.documents import tone
from aicycle.store import Store

GUIDANCE_METRICS = ("capex_guidance_low", "capex_guidance_high", "capex_guidance_point")
# The words the market hears as restraint ("moderating", "optimization", "discipline", …).
RESTRAINT_TERMS = ("moderate", "optimization", "discipline", "digest", "pause", "throttle", "slowdown",
                   "pull_back", "efficiency")
CAPEX_METRICS = ("capex_incl_finance_leases", "capex")


def say_do_gap(store: Store, ticker: str, as_of: dt.date | None = None) -> dict[str, Any]:
    """Words against deeds for one company as of a date (default: everything stored)."""
    ticker = ticker.upper()
    quarters = tone(store, ticker, as_of)
    revisions = guidance_revisions(store, ticker, as_of)
    trend = capex_trend(store, ticker, as_of)
    _add_restraint(quarters)
    words = next((q for q in reversed(quarters) if q["score"] is not None), None)
    deed = _latest_deed(revisions, trend)
    gap, explanation = _judge(words, deed)
    return {
        "ticker": ticker, "as_of": as_of.isoformat() if as_of else None,
        "words": _words_view(words), "deeds": {"guidance": revisions[-1] if revisions else None,
                                               "capex_trend": trend},
        "gap": gap, "flag": gap in ("words_softer_than_deeds", "words_harder_than_deeds"),
        "explanation": explanation,
        "history": [_history_row(q, revisions) for q in quarters],
    }


def guidance_revisions(store: Store, ticker: str, as_of: dt.date | None) -> list[dict[str, Any]]:
    """Each guidance vintage after the first for a fiscal period, with its direction."""
    rows = store.query(
        "SELECT metric, period_end, value, filed, source, url, kind FROM facts "
        "WHERE ticker = ? AND metric IN (SELECT unnest(?)) AND value IS NOT NULL AND filed IS NOT NULL "
        "AND (? IS NULL OR filed <= ?) ORDER BY period_end, filed",
        [ticker, list(GUIDANCE_METRICS), as_of, as_of],
    )
    vintages: dict[tuple[dt.date, dt.date], dict[str, float]] = {}
    provenance: dict[tuple[dt.date, dt.date], dict[str, Any]] = {}
    for row in rows:
        key = (row["period_end"], row["filed"])
        vintages.setdefault(key, {})[row["metric"]] = float(row["value"])
        provenance[key] = {"source": row["source"], "url": row["url"], "kind": row["kind"]}
    out: list[dict[str, Any]] = []
    previous: dict[dt.date, float] = {}
    for (period_end, filed), values in sorted(vintages.items()):
        mid = _midpoint(values)
        if mid is None:
            continue
        prior = previous.get(period_end)
        if prior is not None:
            change = (mid - prior) / prior
            direction = "raised" if change > rules.SAYDO_GUIDANCE_MOVE else \
                "lowered" if change < -rules.SAYDO_GUIDANCE_MOVE else "unchanged"
            out.append({"period_end": period_end.isoformat(), "filed": filed.isoformat(),
                        "from": prior, "to": mid, "change": round(change, 4), "direction": direction,
                        **provenance[(period_end, filed)]})
        previous[period_end] = mid
    return sorted(out, key=lambda r: r["filed"])


def capex_trend(store: Store, ticker: str, as_of: dt.date | None) -> dict[str, Any] | None:
    """Latest reported quarterly capex against a year earlier (else the prior quarter)."""
    for metric in CAPEX_METRICS:
        rows = store.query(
            "SELECT period_start, period_end, value, filed, source, url, accession FROM ("
            " SELECT *, row_number() OVER (PARTITION BY period_start, period_end ORDER BY filed DESC) rn"
            " FROM facts WHERE ticker = ? AND metric = ? AND value IS NOT NULL AND period_start IS NOT NULL"
            " AND (? IS NULL OR filed <= ?)) WHERE rn = 1 AND date_diff('day', period_start, period_end)"
            " BETWEEN 80 AND 100 ORDER BY period_end",
            [ticker, metric, as_of, as_of],
        )
        if len(rows) >= 2:
            return _trend(rows, metric)
    return None


def _trend(rows: list[dict[str, Any]], metric: str) -> dict[str, Any]:
    latest = rows[-1]
    year_ago = [r for r in rows if abs((latest["period_end"] - r["period_end"]).days - 364) <= 20]
    base, basis = (year_ago[-1], "year_over_year") if year_ago else (rows[-2], "quarter_over_quarter")
    change = (latest["value"] - base["value"]) / base["value"] if base["value"] else 0.0
    direction = "up" if change > rules.SAYDO_CAPEX_MOVE else "down" if change < -rules.SAYDO_CAPEX_MOVE else "flat"
    return {"metric": metric, "basis": basis, "direction": direction, "change": round(change, 4),
            "latest": {"period_end": latest["period_end"].isoformat(), "value": latest["value"],
                       "filed": latest["filed"].isoformat(), "source": latest["source"],
                       "accession": latest["accession"]},
            "compared_with": {"period_end": base["period_end"].isoformat(), "value": base["value"]}}


def _midpoint(values: dict[str, float]) -> float | None:
    if "capex_guidance_low" in values and "capex_guidance_high" in values:
        return (values["capex_guidance_low"] + values["capex_guidance_high"]) / 2
    return values.get("capex_guidance_point")


def _latest_deed(revisions: list[dict[str, Any]], trend: dict[str, Any] | None) -> dict[str, Any] | None:
    if revisions:
        latest = revisions[-1]
        sign = {"raised": 1, "lowered": -1, "unchanged": 0}[latest["direction"]]
        return {"sign": sign, "what": f"guidance {latest['direction']} on {latest['filed']}",
                "date": dt.date.fromisoformat(latest["filed"])}
    if trend:
        sign = {"up": 1, "down": -1, "flat": 0}[trend["direction"]]
        return {"sign": sign, "what": f"reported capex {trend['direction']} {trend['change']:+.0%} "
                                      f"({trend['basis'].replace('_', ' ')})",
                "date": dt.date.fromisoformat(trend["latest"]["filed"])}
    return None


def _add_restraint(quarters: list[dict[str, Any]]) -> None:
    previous = None
    for q in quarters:
        q["restraint_terms"] = sum(q["watch_terms"].get(t, 0) for t in RESTRAINT_TERMS)
        q["restraint_rise"] = None if previous is None else q["restraint_terms"] - previous
        previous = q["restraint_terms"]


def _words_sign(words: dict[str, Any]) -> int:
    score, shift, rise = words["score"], words["shift"], words.get("restraint_rise")
    if score < rules.SAYDO_SOFT_SCORE or (shift is not None and shift <= rules.SAYDO_SOFT_SHIFT) \
            or (rise is not None and rise >= rules.SAYDO_RESTRAINT_RISE):
        return -1
    return 1 if score >= rules.SAYDO_HARD_SCORE else 0


def _judge(words: dict[str, Any] | None, deed: dict[str, Any] | None) -> tuple[str, str]:
    if words is None or deed is None:
        return "unknown", "no " + ("documents with a capex stance" if words is None else
                                   "guidance revision or reported capex trend") + " to compare"
    if abs((deed["date"] - words["date"]).days) > rules.SAYDO_WORDS_WINDOW_DAYS:
        return "unknown", f"latest words ({words['date']}) and deeds ({deed['date']}) are too far apart"
    said, did = _words_sign(words), deed["sign"]
    tone_text = f"words score {words['score']:+.2f} in {words['period']}"
    if words.get("restraint_rise"):
        tone_text += f", restraint terms {words['restraint_rise']:+d} on the prior quarter"
    if said < 0 and did > 0:
        return "words_softer_than_deeds", f"{tone_text} read as restraint, yet {deed['what']}"
    if said > 0 and did < 0:
        return "words_harder_than_deeds", f"{tone_text} read as expansion, yet {deed['what']}"
    return "aligned", f"{tone_text}; {deed['what']}"


def _words_view(words: dict[str, Any] | None) -> dict[str, Any] | None:
    if words is None:
        return None
    keys = ("period", "date", "score", "shift", "restraint_terms", "restraint_rise", "documents", "counts",
            "watch_terms", "flags")
    return {k: (words[k].isoformat() if k == "date" else words[k]) for k in keys}


def _history_row(q: dict[str, Any], revisions: list[dict[str, Any]]) -> dict[str, Any]:
    near = [r for r in revisions
            if abs((dt.date.fromisoformat(r["filed"]) - q["date"]).days) <= rules.SAYDO_WORDS_WINDOW_DAYS]
    return {"period": q["period"], "date": q["date"].isoformat(), "score": q["score"], "shift": q["shift"],
            "guidance": [f"{r['direction']} {r['filed']}" for r in near]}
