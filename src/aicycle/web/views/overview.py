"""The overview: the verdict and the five checkpoints, as the HTML report draws them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from aicycle import rules
from aicycle.web import adapters
from aicycle.web.context import web
from aicycle.web.figures import scores_figure
from aicycle.web.views.params import as_of_query
from aicycle.web.views.watch import latest_events

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
async def overview(request: Request, as_of: Annotated[dt.date | None, Depends(as_of_query)]) -> HTMLResponse:
    w = web(request)
    report = await run_in_threadpool(w.report_object, as_of)
    data = w.report(as_of)
    cards = [adapters.checkpoint_card(r) for r in report.checkpoints]
    colours = adapters.state_colours()
    events = await run_in_threadpool(latest_events, w, rules.WATCH_OVERVIEW_EVENTS, as_of)
    return w.page(request, "overview.html", report=data, cards=cards, as_of=as_of, colours=colours,
                  default_colour="#6b7280", events=events,
                  scores=scores_figure(data.get("checkpoints", []), colours))
