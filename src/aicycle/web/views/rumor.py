"""The rumor check: a claim in, a verdict with its evidence out (form GET or POST)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from aicycle.web import adapters
from aicycle.web.context import web
from aicycle.web.views.forms import read_form
from aicycle.web.views.params import CLAIM_MAX, claim_text, parse_as_of

router = APIRouter()


@router.get("/rumor", response_class=HTMLResponse)
def rumor_form(request: Request,
               claim: Annotated[str | None, Query(max_length=CLAIM_MAX)] = None,
               as_of: Annotated[str | None, Query(max_length=10)] = None) -> HTMLResponse:
    if claim is None:
        return web(request).page(request, "rumor.html", claim="", as_of_text=as_of or "", result=None)
    return _check(request, claim, as_of)


@router.post("/rumor", response_class=HTMLResponse)
async def rumor_post(request: Request) -> HTMLResponse:
    form = await read_form(request)
    return await run_in_threadpool(_check, request, form.get("claim"), form.get("as_of"))


def _check(request: Request, raw_claim: str | None, raw_as_of: str | None) -> HTMLResponse:
    claim = claim_text(raw_claim)
    as_of = parse_as_of(raw_as_of)
    w = web(request)
    with w.source.open() as store:
        result = adapters.rumor_check(store, claim, as_of)
    return w.page(request, "rumor.html", claim=claim, as_of_text=raw_as_of or "", result=result)
