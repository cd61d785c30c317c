"""/docs: the OpenAPI schema rendered on the server, with no script and nothing from a CDN."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from aicycle.web.context import web

router = APIRouter()
METHODS = ("get", "post", "put", "patch", "delete")


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    return web(request).page(request, "docs.html", info=schema.get("info", {}),
                             operations=operations(schema))


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            out.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "parameters": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                "description": p.get("description", "")}
                               for p in op.get("parameters", [])],
                "body": _ref_name(body.get("schema", {})),
                "responses": sorted(op.get("responses", {})),
            })
    return out


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else None
