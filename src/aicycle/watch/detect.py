"""Compare the store on a day with what was last announced: the events a watcher sends.

`detect(store, as_of, state)` reads only what was public by `as_of` (the report's point-in-time
rule), updates `state` in place and returns the events in a fixed order: reports, filings, guidance,
tone, GPU prices, contracts, then checkpoint states and the verdict. Each event carries the verdict
of its day. With an empty state (a first run) everything is recorded as seen and nothing is
announced: a watcher tells what changes from the day it starts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aicycle import cycle
from aicycle.store import Store
from aicycle.watch import items, signals
from aicycle.watch.events import Event

State = dict[str, Any]
def detect(store: Store, as_of: dt.date, state: State, tickers: list[str] | None = None) -> list[Event]:
    first = "as_of" not in state
    watched = items.watched(tickers)
    found = cycle.readings(store, as_of)
    verdict = signals.verdict_of(found)
    events = [
        *items.fresh(state, "news", items.news(store, as_of, watched), as_of),
        *items.fresh(state, "filing", items.filings(store, as_of, watched), as_of),
        *items.fresh(state, "guidance", items.guidance(store, as_of, watched), as_of),
        *signals.tone_shifts(store, state, as_of, watched),
        *signals.gpu_moves(store, state, as_of),
        *items.fresh(state, "contract", items.contract_candidates(store, as_of), as_of),
        *signals.checkpoint_changes(state, found, verdict, as_of),
    ]
    state["as_of"] = as_of.isoformat()
    state["verdict_score"] = verdict["score"]
    if first:
        return []
    for event in events:
        event.verdict = {"state": verdict["state"], "score": verdict["score"]}
    return events
