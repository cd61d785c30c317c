"""A page per checkpoint: the report's card for it (charts, metrics, reasoning, every evidence item)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from aicycle.web import adapters
from aicycle.web.context import web
from aicycle.web.views.params import as_of_query

router = APIRouter()


@router.get("/checkpoint/{checkpoint_id}", response_class=HTMLResponse)
async def checkpoint(request: Request, checkpoint_id: Annotated[str, Path(pattern=r"^[a-z_]{1,40}$")],
                     as_of: Annotated[dt.date | None, Depends(as_of_query)]) -> HTMLResponse:
    w = web(request)
    report = await run_in_threadpool(w.report_object, as_of)
    reading = next((r for r in report.checkpoints if r.id == checkpoint_id), None)
    if reading is None:
        known = ", ".join(r.id for r in report.checkpoints)
        raise HTTPException(404, f"unknown checkpoint {checkpoint_id!r}; known: {known}")
    return w.page(request, "checkpoint.html", report=w.report(as_of), reading=reading,
                  card=adapters.checkpoint_card(reading), as_of=as_of)
