"""The JSON API under /api: report, facts, check, economics (schema at /openapi.json, docs at /docs)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator

from aicycle import universe
from aicycle.validate import latest_day
from aicycle.web import adapters
from aicycle.web.context import web
from aicycle.web.views.economics import SCENARIO_PATTERN, parse_overrides, scenario_name
from aicycle.web.views.params import CLAIM_MAX, EARLIEST, METRIC_PATTERN, as_of_query, claim_text
from aicycle.web.views.params import company as company_param


class ErrorBody(BaseModel):
    """Every error: one line saying what was wrong (validation errors list each problem)."""

    error: str
    detail: list[str] | None = None


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A value the model or the data layer rejects"},
    404: {"model": ErrorBody, "description": "Unknown ticker, checkpoint or scenario"},
    422: {"model": ErrorBody, "description": "Malformed input (date, number, length, pattern)"},
    503: {"model": ErrorBody, "description": "Not available yet in this build, or the store is busy"},
}
router = APIRouter(responses=ERRORS)
AsOf = Annotated[dt.date | None, Depends(as_of_query)]


class CheckRequest(BaseModel):
    claim: str = Field(min_length=1, max_length=CLAIM_MAX, description="The claim to check.")
    as_of: dt.date | None = Field(None, description="Use only what was public on this date.")

    @field_validator("as_of")
    @classmethod
    def _as_of_in_range(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and not EARLIEST <= value <= latest_day():
            raise ValueError(f"must lie in {EARLIEST} .. {latest_day()} (today + 1 day)")
        return value


Number = Annotated[float, Field(allow_inf_nan=False)]


class EconomicsRequest(BaseModel):
    scenario: str = Field(pattern=SCENARIO_PATTERN, description="A shipped scenario name.")
    overrides: dict[Annotated[str, Field(pattern=METRIC_PATTERN)], Number] = Field(
        default_factory=dict, max_length=64, description="Inputs to change, by name.")


@router.get("/report", summary="The cycle report: verdict and five checkpoints")
async def report(request: Request, as_of: AsOf) -> Response:
    # Served from the cache on the event loop; a miss builds the report in the thread pool.
    w = web(request)
    body = w.cached_report_json(as_of) or await run_in_threadpool(w.report_json, as_of)
    return Response(body, media_type="application/json")


@router.get("/companies", summary="The companies aicycle follows")
def companies() -> list[dict[str, Any]]:
    return [{"ticker": c.ticker, "name": c.name, "role": c.role, "currency": c.currency,
             "coverage": c.coverage} for c in universe.companies()]


@router.get("/facts", summary="One metric for one company, one row per period, with provenance")
def facts(request: Request,
          ticker: Annotated[str, Query(max_length=12, description="A ticker in /api/companies.")],
          metric: Annotated[str, Query(pattern=METRIC_PATTERN, description="capex, rpo, revenue, ...")],
          as_of: AsOf,
          freq: Annotated[Literal["quarter", "year", "any"] | None,
                          Query(description="Period length; default quarter for flows, any for the rest.")] = None,
          ) -> dict[str, Any]:
    found = company_param(ticker)
    with web(request).source.open() as store:
        rows = adapters.fact_series(store, found.ticker, metric, as_of, freq)
    return jsonable_encoder({"ticker": found.ticker, "metric": metric, "as_of": as_of, "freq": freq,
                             "rows": rows})


@router.get("/check", summary="Check a claim against the store")
def check_get(request: Request,
              claim: Annotated[str, Query(max_length=CLAIM_MAX, description="The claim to check.")],
              as_of: AsOf) -> dict[str, Any]:
    return _check(request, claim_text(claim), as_of)


@router.post("/check", summary="Check a claim against the store (JSON body)")
def check_post(request: Request, body: CheckRequest) -> dict[str, Any]:
    return _check(request, claim_text(body.claim), body.as_of)


def _check(request: Request, claim: str, as_of: dt.date | None) -> dict[str, Any]:
    with web(request).source.open() as store:
        return jsonable_encoder(adapters.rumor_check(store, claim, as_of))


@router.get("/economics", summary="The shipped economics scenarios")
def economics_list() -> dict[str, Any]:
    return {"scenarios": list(adapters.scenario_names())}


@router.get("/economics/{name}", summary="Run a shipped scenario; query parameters override inputs")
def economics_get(request: Request, name: Annotated[str, Path(pattern=SCENARIO_PATTERN)]) -> dict[str, Any]:
    checked = scenario_name(name, adapters.scenario_names())
    return jsonable_encoder(adapters.economics(checked, parse_overrides(dict(request.query_params))))


@router.post("/economics", summary="Run a shipped scenario with overrides (JSON body)")
def economics_post(body: EconomicsRequest) -> dict[str, Any]:
    checked = scenario_name(body.scenario, adapters.scenario_names())
    return jsonable_encoder(adapters.economics(checked, dict(body.overrides)))
