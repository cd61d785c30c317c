"""Readings that are news when they change: checkpoint states, the verdict, tone, GPU price levels.

Each compares what the store says on `as_of` with what was last announced (the state) and updates
the state. An event's identity names the day and the change, so one change is one event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aicycle import cycle, rules
from aicycle.checkpoints.base import Reading
from aicycle.gpu import index as gi
from aicycle.gpu.skus import in_group
from aicycle.language.documents import tone
from aicycle.store import Store
from aicycle.watch.events import Event, evidence

State = dict[str, Any]
EVIDENCE_SHOWN = 5  # evidence items an event carries from a checkpoint reading


def verdict_of(found: list[Reading]) -> dict[str, Any]:
    v = cycle.verdict(found)
    return {"state": v.state, "score": v.score, "summary": v.summary}


def checkpoint_changes(state: State, found: list[Reading], verdict: dict[str, Any], as_of: dt.date) -> list[Event]:
    before: dict[str, str] = state.get("checkpoints", {})
    out = []
    for r in found:
        old = before.get(r.id)
        if old is not None and old != r.state:
            out.append(Event(
                "checkpoint_changed", as_of, f"{r.id}|{as_of}|{old}->{r.state}",
                f"{r.title}: {_word(old)} → {_word(r.state)}", detail=r.headline,
                data={"checkpoint": r.id, "old": old, "new": r.state, "score": r.score},
                evidence=[_plain(e.to_dict()) for e in r.evidence[:EVIDENCE_SHOWN]] or [_reading_item(r, as_of)]))
    state["checkpoints"] = {r.id: r.state for r in found}
    old_verdict = state.get("verdict")
    if old_verdict is not None and old_verdict != verdict["state"]:
        score = f" (composite {verdict['score']:+.2f})" if verdict["score"] is not None else ""
        out.append(Event("verdict_changed", as_of, f"verdict|{as_of}|{old_verdict}->{verdict['state']}",
                         f"verdict: {_word(old_verdict)} → {_word(verdict['state'])}{score}",
                         detail=verdict["summary"], data={"old": old_verdict, "new": verdict["state"],
                                                          "score": verdict["score"]},
                         evidence=[_reading_item(r, as_of) for r in found]))
    state["verdict"] = verdict["state"]
    return out


def _reading_item(r: Reading, as_of: dt.date) -> dict[str, Any]:
    """A checkpoint's reading as one evidence item of the verdict (its own evidence is in the report)."""
    score = f" ({r.score:+.2f})" if r.score is not None else ""
    return evidence(f"{r.title}: {_word(r.state)}{score}. {r.headline}", source=f"aicycle report --as-of {as_of}",
                    filed=as_of, kind="derived")


def _word(state: str) -> str:
    return state.replace("_", " ")


def _plain(item: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in item.items()}


def tone_shifts(store: Store, state: State, as_of: dt.date, tickers: set[str]) -> list[Event]:
    """A company's stance (tone per quarter) moving at least WATCH_TONE_SHIFT into a new quarter."""
    known: dict[str, Any] = state.get("tone", {})
    counts = store.query("SELECT ticker, count(*) AS n, max(date) AS last FROM documents WHERE date <= ? "
                         "GROUP BY ticker ORDER BY ticker", [as_of])
    out = []
    for row in counts:
        ticker, mark = row["ticker"], f"{row['n']}|{row['last']}"
        if ticker not in tickers or known.get(ticker, {}).get("mark") == mark:
            continue  # no document added since: the tone cannot have moved
        quarters = [q for q in tone(store, ticker, as_of) if q["score"] is not None]
        if not quarters:
            known[ticker] = {"mark": mark}
            continue
        q, before = quarters[-1], known.get(ticker)
        moved = q["shift"] is not None and abs(q["shift"]) >= rules.WATCH_TONE_SHIFT
        if before is not None and before.get("period") not in (None, q["period"]) and moved:
            out.append(_tone_event(ticker, q, quarters[-2] if len(quarters) > 1 else None, store, as_of))
        known[ticker] = {"mark": mark, "period": q["period"], "score": q["score"]}
    state["tone"] = known
    return out


def _tone_event(ticker: str, q: dict[str, Any], prev: dict[str, Any] | None, store: Store,
                as_of: dt.date) -> Event:
    docs = store.query("SELECT date, kind, title, source, url, accession FROM documents WHERE ticker = ? AND "
                       "date <= ? ORDER BY date DESC LIMIT 2", [ticker, as_of])
    way = "more expansive" if q["shift"] > 0 else "more restrained"
    before = f" ({prev['period']}: {prev['score']:+.2f})" if prev else ""
    return Event("tone_shift", q["date"], f"{ticker}|{q['period']}",
                 f"{ticker} capex stance {way}: {q['period']} {q['score']:+.2f}, shift {q['shift']:+.2f}{before}",
                 ticker=ticker, data={"period": q["period"], "score": q["score"], "shift": q["shift"],
                                      "previous": prev and {"period": prev["period"], "score": prev["score"]}},
                 evidence=[evidence(f"{d['kind']} {d['date']}: {d['title']}", source=d["source"], url=d["url"],
                                    accession=d["accession"], filed=d["date"], kind="derived") for d in docs])


def gpu_moves(store: Store, state: State, as_of: dt.date) -> list[Event]:
    """A GPU price line of the checkpoint's SKU groups moving WATCH_GPU_MOVE from its announced level."""
    row = store.con.execute("SELECT count(*), max(observed_on) FROM gpu_prices WHERE observed_on <= ? "
                            "AND filed <= ?", [as_of, as_of]).fetchone()
    mark = f"{row[0]}|{row[1]}" if row else ""
    if state.get("gpu_mark") == mark:
        return []  # no price public since the last look: no line can have moved
    levels: dict[str, Any] = state.get("gpu", {})
    out = []
    for line in gi.lines(store, as_of):
        if line.term not in rules.GPU_RENTAL_TERMS or not any(in_group(line.sku, g) for g in rules.GPU_RENTAL_SKUS):
            continue
        trends = gi.line_trends(line, as_of)
        if not trends:
            continue
        latest, before = trends[0].latest, levels.get(line.name)
        if before is not None and before["sources"] == list(latest.sources) and latest.day.isoformat() > before["day"]:
            change = latest.value / before["value"] - 1
            if abs(change) < rules.WATCH_GPU_MOVE:
                continue  # small moves add up against the announced level until one crosses the threshold
            out.append(_gpu_event(line, latest, before, change))
        elif before is not None and before["sources"] == list(latest.sources):
            continue
        levels[line.name] = {"day": latest.day.isoformat(), "value": latest.value, "sources": list(latest.sources)}
    state["gpu"], state["gpu_mark"] = levels, mark
    return out


def _gpu_event(line: gi.Line, latest: gi.Point, before: dict[str, Any], change: float) -> Event:
    how = (f"{gi.METHOD_VERSION}: median of {latest.n_quotes} quotes" if line.kind == "computed"
           else f"level published by {line.provider}")
    return Event("gpu_move", latest.day, f"{line.name}|{latest.day}",
                 f"{line.name}: ${latest.value:.2f}/GPU-h on {latest.day}, {change:+.1%} vs ${before['value']:.2f} "
                 f"on {before['day']}", data={"line": line.name, "sku": line.sku, "family": line.family,
                                              "term": line.term, "old": before, "new": latest.value,
                                              "change": round(change, 4)},
                 evidence=[evidence(f"{line.name} {latest.day}: ${latest.value:.2f} ({how})",
                                    source="; ".join(latest.sources), url=latest.url, filed=latest.day,
                                    kind="derived" if line.kind == "computed" else "reported")])
