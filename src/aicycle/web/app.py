"""The dashboard application: `create_app(store_path=None) -> FastAPI`.

Pages (HTML, views/) and a JSON API under /api share the same adapters; the OpenAPI schema is at
/openapi.json and /docs renders it locally (FastAPI's default Swagger UI loads from a CDN).
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import aicycle
from aicycle import config, store_damage
from aicycle.errors import AicycleError, StoreBusyError, StoreDamagedError
from aicycle.store import Store
from aicycle.strict_json import dumps
from aicycle.web import adapters
from aicycle.web.adapters import NotAvailable
from aicycle.web.context import StoreSource, Web
from aicycle.web.security import (
    LOOPBACK_NAMES,
    AllowedHosts,
    SecurityHeaders,
    content_security_policy,
    plotly_style_hashes,
    state_style_hashes,
)


class StrictJSONResponse(JSONResponse):
    """The API's JSON: never NaN or Infinity (null, with a `<key>_null_reason`; see strict_json)."""

    def render(self, content: Any) -> bytes:
        return dumps(content, indent=None).encode("utf-8")


DEFAULT_STATE_COLOUR = "#6b7280"  # the overview's banner colour for a state the report has no colour for


def plotly_js() -> Path:
    """plotly.js as installed with the plotly package: served locally, never from a CDN."""
    return Path(str(resources.files("plotly").joinpath("package_data", "plotly.min.js")))


def create_app(store_path: Path | None = None, *, store: Store | None = None,
               allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES) -> FastAPI:
    """The dashboard over the store at `store_path` (default: the configured store).

    `store` lends an open store instead (tests use an in-memory one). Requests must name one of
    `allowed_hosts` in their Host header (loopback names by default; `("*",)` allows any).
    """
    app = FastAPI(
        title="aicycle", version=getattr(aicycle, "__version__", "0"),
        description="Is the AI-infrastructure build-out still expanding? The cycle report, "
                    "facts with provenance, the rumor check and the economics model.",
        docs_url=None, redoc_url=None, default_response_class=StrictJSONResponse,
    )
    app.state.web = Web(StoreSource(store_path, store))
    _routes(app)
    _errors(app)
    colours = sorted({*adapters.state_colours().values(), DEFAULT_STATE_COLOUR})
    hashes = plotly_style_hashes(plotly_js()) + state_style_hashes(colours)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(hashes))
    app.add_middleware(AllowedHosts, hosts=allowed_hosts)  # added last: runs first
    return app


def _routes(app: FastAPI) -> None:
    from aicycle.web.views import api, checkpoint, company, docs, economics, overview, rumor, watch

    js = plotly_js()

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_min_js() -> FileResponse:
        return FileResponse(js, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    report_css = adapters.report_stylesheet()

    @app.get("/static/report.css", include_in_schema=False)
    def report_stylesheet() -> Response:
        return Response(report_css, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})

    static = str(resources.files("aicycle.web").joinpath("static"))
    app.mount("/static", StaticFiles(directory=static), name="static")
    for module in (overview, checkpoint, company, rumor, economics, docs, watch):
        app.include_router(module.router, include_in_schema=False)
    app.include_router(api.router, prefix="/api", tags=["api"])


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, detail: object = None, *, title: str | None = None,
           commands: list[str] | None = None) -> Response:
    if _wants_json(request):
        body: dict[str, object] = {"error": message}
        if detail is not None:
            body["detail"] = detail
        if commands:
            body["run"] = commands
        return JSONResponse(body, status_code=status)
    return request.app.state.web.page(request, "error.html", status=status, status_code=status,
                                      message=message, title=title, commands=commands or [])


def _errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [_describe(e) for e in exc.errors()]
        return _error(request, 422, "; ".join(problems), detail=problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        response = _error(request, exc.status_code, message)
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(NotAvailable)
    async def not_available(request: Request, exc: NotAvailable) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(StoreBusyError)
    async def store_busy(request: Request, exc: StoreBusyError) -> Response:
        # a refresh holds the store: try again shortly (the cached report is still served)
        response = _error(request, 503, str(exc))
        response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(AicycleError)
    async def domain_error(request: Request, exc: AicycleError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(StoreDamagedError)
    async def store_damaged(request: Request, exc: StoreDamagedError) -> Response:
        return _damaged(request, exc)

    @app.exception_handler(duckdb.Error)
    async def store_error(request: Request, exc: duckdb.Error) -> Response:
        # a corrupt block met while reading: say what to run rather than fail with a 500
        if store_damage.is_damage(exc):
            path = request.app.state.web.source.path or config.store_path()
            return _damaged(request, store_damage.damaged(path, exc))
        return _error(request, 500, "the store could not answer this request; `aicycle store check` "
                                    "says whether it is damaged")


def _damaged(request: Request, exc: StoreDamagedError) -> Response:
    said = str(exc).split("; run `")[0]  # the commands are listed on their own
    response = _error(request, 503, f"{said[:1].upper()}{said[1:]}.", title="The store is damaged",
                      commands=["aicycle store check", "aicycle store repair"])
    response.headers["Retry-After"] = "60"
    return response


def _describe(error: Mapping[str, Any]) -> str:
    """One readable line per invalid input: where it was, what was wrong, what was given."""
    loc = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body", "form")]
    where = ".".join(loc) or "request"
    given = error.get("input")
    shown = "" if given is None or isinstance(given, (dict, list)) else f" (got {str(given)[:60]!r})"
    return f"{where}: {error.get('msg', 'invalid')}{shown}"
