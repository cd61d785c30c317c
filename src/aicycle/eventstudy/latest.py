"""The latest named event as of a date, studied with the defaults: what the cycle report links to."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aicycle.eventstudy import study
from aicycle.eventstudy.spec import Spec
from aicycle.market import events, groups
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


def report_link(store: Store, as_of: dt.date) -> dict[str, Any] | None:
    """What the cycle report shows of the latest event studied by `as_of`: the event, the portfolio's
    CAR and its BMP test with the Kolari–Pynnönen adjustment, and the hard data filed after the event
    up to `as_of` (never later: the report is point in time)."""
    from aicycle.eventstudy.fundamentals import fundamentals_next
    from aicycle.eventstudy.summary import material_next

    found = latest_event_summary(store, as_of)
    if found is None:
        return None
    ev = found["event"]
    day = dt.date.fromisoformat(ev["date"])
    test = found["bmp_kp"] or {}
    nxt = [f for f in fundamentals_next(store, day, horizon_days=max((as_of - day).days, 0))
           if f["next"]["filed"] <= as_of.isoformat()]
    counts = {d: sum(f["direction"] == d for f in nxt) for d in ("up", "down", "unchanged", "new")}
    # guidance revisions first (read as the capex checkpoint reads them): the article's question is
    # whether the reaction matched what was guided next
    material = [m for m in material_next(store, day, as_of, nxt) if m["ticker"]]
    material.sort(key=lambda m: (m["kind"] != "guidance", m["filed"]))
    return {"id": ev["id"], "date": ev["date"], "timing": ev.get("timing"), "headline": ev.get("headline"),
            "url": ev.get("url"), "portfolio_car": found["caar"], "window": list(Spec().window),
            "securities": len(found["securities"]), "bmp_kp": {"stat": test.get("stat"), "p": test.get("p")},
            "fundamentals_next": {"through": as_of.isoformat(), "counts": counts,
                                  "summary": _next_summary(material, day, as_of),
                                  "items": material[:3]},
            "command": found["command"]}


def _next_summary(material: list[dict[str, Any]], day: dt.date, as_of: dt.date) -> str:
    if not material:
        return f"nothing material filed between {day} and {as_of} yet"
    first = material[0]
    return (f"{len(material)} material change{'s' if len(material) != 1 else ''} filed by {as_of}; first: "
            f"{first['ticker']} {first['what']} {first['reading']} ({first['filed']})")
