"""The latest named event as of a date, studied with the defaults: what the cycle report links to."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aicycle import events
from aicycle.eventstudy import groups, study
from aicycle.eventstudy.spec import Spec
from aicycle.store import Store


def latest_event_summary(store: Store, as_of: dt.date | None = None) -> dict[str, Any] | None:
    """The last named event whose event window is in the data by `as_of`, with its CARs; None if none.

    Only prices on or before `as_of` can be used, so an event is eligible once its window has closed.
    """
    spec = Spec()
    for row in reversed(events.list_events(store)):
        if as_of and row["news_date"] >= as_of:
            continue
        ev = events.get_event(store, row["event_id"])
        res = study.run(store, ev, groups.groups()["all"], spec)
        if not res["securities"] or (as_of and any(
                a["date"] and a["date"] > as_of.isoformat() for s in res["securities"] for a in s["abnormal_returns"])):
            continue
        p = res["portfolio"]
        return {"event": res["event"], "caar": p["car"], "bmp_kp": p["tests"]["bmp_kp"],
                "securities": [{"ticker": s["ticker"], "day0": s["day0"], "car": s["car"],
                                "p": s["tests"]["t_car"]["p"]} for s in res["securities"]],
                "command": f"aicycle event {ev.id}"}
    return None
