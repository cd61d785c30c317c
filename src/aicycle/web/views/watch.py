"""What `aicycle watch` announced: the Atom feed at /feed.xml and the overview's latest events."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from aicycle import rules
from aicycle.watch import feed, state
from aicycle.watch.events import Event
from aicycle.web.context import Web, web

router = APIRouter()


def latest_events(w: Web, n: int, as_of: dt.date | None = None) -> list[Event]:
    """The newest events announced (none for a store that never watched); up to `as_of` if given."""
    with w.source.open() as store:
        events = state.latest(store, n if as_of is None else rules.WATCH_FEED_ENTRIES)
    return [e for e in events if as_of is None or e.day <= as_of][:n]


@router.get("/feed.xml")
async def atom_feed(request: Request) -> Response:
    events = await run_in_threadpool(latest_events, web(request), rules.WATCH_FEED_ENTRIES)
    body = feed.atom(events, self_url=str(request.url))
    return Response(body, media_type="application/atom+xml; charset=utf-8")
