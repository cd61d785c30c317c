"""The economics model with editable inputs: pick a shipped scenario, change inputs, re-run.

The form submits by GET so a result is a link; scenario names must be in the shipped list and
inputs must be numbers (the model itself rejects names it does not know).
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse

from aicycle.web import adapters
from aicycle.web.context import web
from aicycle.web.figures import figure_dict
from aicycle.web.views.params import METRIC_PATTERN

router = APIRouter()
SCENARIO_PATTERN = r"^[A-Za-z0-9_\-]{1,64}$"
MAX_OVERRIDES = 64


@router.get("/economics", response_class=HTMLResponse)
def scenarios(request: Request) -> HTMLResponse:
    return web(request).page(request, "economics.html", names=adapters.scenario_names(),
                             name=None, result=None, inputs={}, overrides={}, specs={}, headline=[],
                             figures=[])


@router.get("/economics/{name}", response_class=HTMLResponse)
def scenario(request: Request, name: Annotated[str, Path(pattern=SCENARIO_PATTERN)]) -> HTMLResponse:
    names = adapters.scenario_names()
    checked = scenario_name(name, names)
    overrides = parse_overrides(dict(request.query_params))
    result = adapters.economics(checked, overrides)
    view = adapters.economics_view(result)
    return web(request).page(request, "economics.html", names=names, name=checked, result=result,
                             inputs=editable_inputs(result), overrides=overrides, specs=view["specs"],
                             headline=view["headline"],
                             figures=[figure_dict(f) for f in view["figures"]])


def scenario_name(name: str, names: tuple[str, ...]) -> str:
    if name not in names:
        raise HTTPException(404, f"unknown scenario {name[:64]!r}; shipped: {', '.join(names)}")
    return name


def parse_overrides(raw: dict[str, str]) -> dict[str, float]:
    """Numeric inputs by name; empty fields mean "keep the scenario's value"."""
    if len(raw) > MAX_OVERRIDES:
        raise HTTPException(422, f"at most {MAX_OVERRIDES} inputs may be changed at once")
    out: dict[str, float] = {}
    for key, value in raw.items():
        if not re.fullmatch(METRIC_PATTERN, key):
            raise HTTPException(422, f"{key[:40]!r} is not an input name (lowercase letters, digits, _)")
        if value.strip() == "":
            continue
        try:
            number = float(value)
        except ValueError:
            raise HTTPException(422, f"{key}: {value[:40]!r} is not a number") from None
        if not math.isfinite(number):
            raise HTTPException(422, f"{key}: must be a finite number")
        out[key] = number
    return out


def editable_inputs(result: dict[str, Any]) -> dict[str, float]:
    """The scenario's numeric inputs, the fields the form lets people change."""
    inputs = result.get("inputs") or {}
    return {k: v for k, v in inputs.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool) and re.fullmatch(METRIC_PATTERN, k)}
