"""The HTML report in a real browser with the network off: every chart draws, nothing is fetched,
hostile evidence stays text, and a metric's link opens the evidence row it comes from."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from aicycle.cycle import build_report
from aicycle.render.html import render_report
from aicycle.store import open_store
from tests.factsload import store_copy
from tests.test_report_render import _hostile

pytestmark = pytest.mark.browser


def test_report_page_works_offline_in_chromium(tmp_path: Path, data_dir: Path, chromium: str) -> None:
    home = store_copy(data_dir, tmp_path / "home")
    with open_store(home / "aicycle.duckdb") as store:
        page_html = render_report(_hostile(build_report(store)))
    path = tmp_path / "report.html"
    path.write_text(page_html, encoding="utf-8")
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        context = browser.new_context(offline=True)
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: errors.append(f"dialog: {d.message}"))  # an alert() would mean injection
        page.goto(path.as_uri())
        page.wait_for_function("document.querySelectorAll('.chart').length > 0 && "
                               "[...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg'))")
        n_charts = page.locator(".chart").count()
        assert n_charts >= 5
        assert page.locator(".chart .main-svg").count() >= n_charts
        text = page.locator("#cp-capex .evidence").text_content() or ""
        assert '<script>alert("pwned")</script>' in text  # shown as text, never run
        link = page.locator("#cp-backlog table.metrics a").first
        target = link.get_attribute("href")
        assert target and target.startswith("#ev-backlog-")
        assert not page.locator("#ev-backlog").evaluate("d => d.open")
        link.click()
        page.wait_for_function("document.getElementById('ev-backlog').open")
        assert page.locator(target).is_visible()
        browser.close()
    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests
