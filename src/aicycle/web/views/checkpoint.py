"""A page per checkpoint: its headline, metrics, reasoning, charts and evidence with provenance."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse

from aicycle.web.context import web
from aicycle.web.figures import checkpoint_figures
from aicycle.web.views.params import as_of_query

router = APIRouter()


@router.get("/checkpoint/{checkpoint_id}", response_class=HTMLResponse)
def checkpoint(request: Request, checkpoint_id: Annotated[str, Path(pattern=r"^[a-z_]{1,40}$")],
               as_of: Annotated[dt.date | None, Depends(as_of_query)]) -> HTMLResponse:
    w = web(request)
    report = w.report(as_of)
    reading = next((c for c in report.get("checkpoints", []) if c.get("id") == checkpoint_id), None)
    if reading is None:
        known = ", ".join(str(c.get("id")) for c in report.get("checkpoints", []))
        raise HTTPException(404, f"unknown checkpoint {checkpoint_id!r}; known: {known}")
    return w.page(request, "checkpoint.html", report=report, reading=reading,
                  figures=checkpoint_figures(reading), as_of=as_of)
