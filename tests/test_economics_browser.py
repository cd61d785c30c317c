"""The economics page renders in a real browser: every chart drawn, no script errors, offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from aicycle.economics import run_scenario
from aicycle.economics.html import render


@pytest.mark.browser
def test_economics_page_draws_every_chart_offline(tmp_path: Path, chromium: str) -> None:
    page_path = tmp_path / "economics.html"
    page_path.write_text(render(run_scenario("article-payback", draws=5000)), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        page = browser.new_page()
        errors: list[str] = []
        requests: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        plots = page.locator(".js-plotly-plot").count()
        bars = page.locator(".js-plotly-plot .bars .point").count()
        browser.close()
    assert not errors
    assert [u for u in requests if not u.startswith("file:")] == []     # nothing fetched from a network
    assert plots == 5 and bars > 40
