"""The overview: the verdict and the five checkpoints, each with its first chart."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from aicycle.web.context import web
from aicycle.web.figures import checkpoint_figures, scores_figure
from aicycle.web.views.params import as_of_query

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, as_of: Annotated[dt.date | None, Depends(as_of_query)]) -> HTMLResponse:
    w = web(request)
    report = w.report(as_of)
    checkpoints = report.get("checkpoints", [])
    cards = [{"reading": c, "figure": next(iter(checkpoint_figures(c)), None)} for c in checkpoints]
    return w.page(request, "overview.html", report=report, cards=cards,
                  scores=scores_figure(checkpoints), as_of=as_of)
