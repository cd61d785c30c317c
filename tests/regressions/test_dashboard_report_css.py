"""The dashboard served the report stylesheet's template source (`{% include %}`), so its pages were
unstyled. It must serve the rendered stylesheet the HTML report uses."""

from __future__ import annotations

import warnings

from aicycle.render.html import report_css
from aicycle.store import open_store
from aicycle.web.app import create_app

with warnings.catch_warnings():
    # starlette asks for the "httpx2" fork; the pinned httpx works the same for TestClient
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient


def test_dashboard_serves_the_rendered_report_stylesheet() -> None:
    with TestClient(create_app(store=open_store(memory=True)), base_url="http://127.0.0.1:8000") as client:
        css = client.get("/static/report.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "{%" not in css.text
    assert css.text.strip() == str(report_css()).strip()
    assert ".banner" in css.text and ".card" in css.text
