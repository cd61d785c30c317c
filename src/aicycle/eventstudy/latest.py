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

    found = latest_event_summary(store, as_of)
    if found is None:
        return None
    ev = found["event"]
    day = dt.date.fromisoformat(ev["date"])
    test = found["bmp_kp"] or {}
    nxt = [f for f in fundamentals_next(store, day, horizon_days=max((as_of - day).days, 0))
           if f["next"]["filed"] <= as_of.isoformat()]
    counts = {d: sum(f["direction"] == d for f in nxt) for d in ("up", "down", "unchanged", "new")}
    # guidance revisions first: the article's question is whether the reaction matched what was guided next
    facts = sorted((f for f in nxt if f["ticker"]), key=lambda f: (not f["metric"].startswith("capex_guidance"),
                                                                   f["next"]["filed"]))
    return {"id": ev["id"], "date": ev["date"], "timing": ev.get("timing"), "headline": ev.get("headline"),
            "url": ev.get("url"), "portfolio_car": found["caar"], "window": list(Spec().window),
            "securities": len(found["securities"]), "bmp_kp": {"stat": test.get("stat"), "p": test.get("p")},
            "fundamentals_next": {"through": as_of.isoformat(), "counts": counts,
                                  "summary": _next_summary(facts, counts, day, as_of),
                                  "items": [_item(f) for f in facts[:3]]},
            "command": found["command"]}


def _item(f: dict[str, Any]) -> dict[str, Any]:
    before = f["before"]["value"] if f["before"] else None
    return {"ticker": f["ticker"], "metric": f["metric"], "period_end": f["period_end"], "before": before,
            "next": f["next"]["value"], "unit": f["next"]["unit"], "filed": f["next"]["filed"],
            "direction": f["direction"], "source": f["next"]["source"], "url": f["next"]["url"]}


def _next_summary(facts: list[dict[str, Any]], counts: dict[str, int], day: dt.date, as_of: dt.date) -> str:
    if not sum(counts.values()):
        return f"no hard datum filed between {day} and {as_of} yet"
    moves = ", ".join(f"{n} {d}" for d, n in counts.items() if n)
    first = facts[0] if facts else None
    lead = (f"; first: {first['ticker']} {first['metric']} {first['direction']} ({first['next']['filed']})"
            if first else "")
    return f"{sum(counts.values())} readings revised by {as_of} ({moves}){lead}"
