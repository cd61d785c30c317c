"""Every page in Chromium at 1400 px and at 390 px (a phone): no console error, no horizontal scroll at
390 px, and chart x axes of dated data read as dates (months), never times of day.

The pages: the dashboard's (overview, each checkpoint, companies, a company with quarterly figures,
SK hynix, the rumor check, economics, the API docs) and the three self-contained pages (report,
event study, economics). With AICYCLE_SCREENSHOT_DIR set, each page is also saved there as a PNG
(docs/screens/ holds the committed set: `AICYCLE_SCREENSHOT_DIR=docs/screens python -m pytest
tests/test_pages_browser.py`).
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from aicycle.store import Store, open_store
from aicycle.web import create_app
from tests.test_web_browser import CHROMIUM_ARGS, Recorder, free_port

pytestmark = pytest.mark.browser
WIDTHS = (1400, 390)
DASHBOARD = ["/", "/checkpoint/capex", "/checkpoint/gpu_rental", "/checkpoint/backlog", "/checkpoint/memory",
             "/checkpoint/power", "/company", "/company/META", "/company/CRWV", "/company/000660.KS",
             "/rumor?claim=Meta+is+cutting+AI+capex", "/economics", "/economics/article-lease-idle", "/docs"]
TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")


@pytest.fixture(scope="module")
def snapshot_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AICYCLE_HOME", str(tmp_path_factory.mktemp("pages-home")))
        s = open_store()  # the bundled snapshot of real data
        yield s
        s.close()


@pytest.fixture(scope="module")
def server(snapshot_store: Store) -> Iterator[str]:
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store=snapshot_store), host="127.0.0.1", port=port,
                                       log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the dashboard did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def files(snapshot_store: Store, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from aicycle.cycle import build_report
    from aicycle.economics import scenarios
    from aicycle.economics.html import render as render_economics
    from aicycle.eventstudy import report as ev_report
    from aicycle.eventstudy.spec import Spec
    from aicycle.render.html import write_report

    out = tmp_path_factory.mktemp("pages")
    paths = {"report": out / "report.html", "event": out / "event.html", "economics": out / "economics.html"}
    write_report(build_report(snapshot_store), paths["report"])
    ev = ev_report.pick_event(snapshot_store, "meta_compute_report", None, None)
    ev_report.write_html(ev_report.study(snapshot_store, ev, None, None, Spec()), paths["event"])
    paths["economics"].write_text(render_economics(scenarios.run("article-lease-idle", draws=2000)), encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _check(browser: object, url: str, width: int, name: str) -> list[str]:
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    rec = Recorder(page)
    try:
        page.goto(url)
        page.wait_for_load_state("load")
        page.wait_for_function(
            "[...document.querySelectorAll('div.chart, [data-figure], .js-plotly-plot')].every("
            "d => d.querySelector('svg.main-svg'))", timeout=30_000)
        page.wait_for_timeout(300)  # responsive charts settle to the new width
        problems = [f"console: {e}" for e in rec.errors]
        scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width < 600 and scroll[0] > scroll[1]:
            problems.append(f"horizontal scroll: page {scroll[0]} px wide in a {scroll[1]} px window")
        ticks = page.eval_on_selector_all("g.xtick text", "els => els.map(e => e.textContent)")
        problems += [f"time on a date axis: {t!r}" for t in ticks if TIME_OF_DAY.search(t)]
        shots = os.environ.get("AICYCLE_SCREENSHOT_DIR")
        if shots:
            page.screenshot(path=str(Path(shots) / f"{name}-{width}.png"), full_page=width < 600)
        return problems
    finally:
        context.close()


def _slug(path: str) -> str:
    return "dashboard-" + (re.sub(r"[^a-z0-9]+", "-", path.split("?")[0].lower()).strip("-") or "overview")


@pytest.mark.parametrize("width", WIDTHS)
def test_dashboard_pages(server: str, browser: object, width: int) -> None:
    found = {path: _check(browser, server + path, width, _slug(path)) for path in DASHBOARD}
    assert {p: v for p, v in found.items() if v} == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_self_contained_pages(files: dict[str, Path], browser: object, width: int) -> None:
    found = {name: _check(browser, path.as_uri(), width, name) for name, path in files.items()}
    assert {p: v for p, v in found.items() if v} == {}


def test_quarterly_axes_are_dates_or_quarters(server: str, browser: object) -> None:
    """A company's quarterly capex: month ticks on a date axis, e.g. "Jun 2026" (issue 18 saw
    "23:59:59.9996" on Meta's page)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server}/company/META")
    page.wait_for_selector("div.chart[data-rendered=true] svg.main-svg", timeout=20_000)
    ticks = page.eval_on_selector_all("div.chart g.xtick text", "els => els.map(e => e.textContent)")
    context.close()
    assert ticks and not any(TIME_OF_DAY.search(t) for t in ticks)
    assert any(re.search(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}|\d{4}", t) for t in ticks)
