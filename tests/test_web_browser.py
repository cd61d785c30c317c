"""The dashboard in a real browser: Playwright driving Debian's Chromium, headless, on loopback.

Without Debian's chromium these tests skip and say why; CI sets AICYCLE_REQUIRE_BROWSER=1, which
fails them instead: a dashboard nobody has seen render is not tested.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn

from aicycle.language.loader import load_raw as load_documents
from aicycle.store import Store, open_store
from aicycle.web import create_app
from tests.factsload import load_all
from tests.web_support import statement

pytestmark = pytest.mark.browser
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE = "<script>alert(1)</script>\"'&"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def store(data_dir: Path) -> Iterator[Store]:
    s = open_store(memory=True, seed=False)
    load_all(s, data_dir)
    load_documents(s, data_dir)
    s.upsert("facts", [statement("META", dt.date(2026, 1, 5), HOSTILE, source="test")])
    yield s
    s.close()


@pytest.fixture(scope="module")
def server(store: Store) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(create_app(store=store), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the dashboard did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Recorder:
    """Every request a page makes, and every console error (CSP violations land there)."""

    def __init__(self, page: object) -> None:
        self.urls: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda req: self.urls.append(req.url))  # type: ignore[attr-defined]
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)  # type: ignore[attr-defined]
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))  # type: ignore[attr-defined]

    def foreign(self) -> list[str]:
        return [u for u in self.urls if urlsplit(u).hostname != "127.0.0.1" and not u.startswith("data:")]


@pytest.fixture
def page(browser: object) -> Iterator[tuple[object, Recorder]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg, Recorder(pg)
    context.close()


def test_company_page_draws_its_charts_from_loopback_only(server: str, page: tuple) -> None:
    pg, rec = page
    pg.goto(f"{server}/company/GOOGL")
    pg.wait_for_selector("div.chart[data-rendered=true] svg.main-svg", timeout=15_000)
    charts = pg.locator("div.chart")
    assert charts.count() == 4  # quarterly capex, guidance, RPO, capex language of its 2025-26 calls
    for i in range(charts.count()):
        assert charts.nth(i).locator("svg.main-svg").count() >= 1
        assert charts.nth(i).locator("g.trace, g.point, path.point").count() >= 1
    assert rec.foreign() == [], rec.foreign()
    assert rec.errors == [], rec.errors
    assert any(u.endswith("/static/plotly.min.js") for u in rec.urls)


def test_hostile_string_shows_as_text(server: str, page: tuple) -> None:
    pg, rec = page
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(f"{server}/company/META")
    item = pg.locator("ul.statements li", has_text="alert(1)")
    assert HOSTILE in item.inner_text()
    assert pg.locator("ul.statements script").count() == 0
    assert dialogs == [] and rec.foreign() == []


def test_overview_renders_verdict_and_charts_from_loopback_only(server: str, page: tuple) -> None:
    pg, rec = page
    pg.goto(f"{server}/")
    pg.wait_for_function("document.querySelectorAll('div.chart').length > 0 && "
                         "[...document.querySelectorAll('div.chart')].every(d => d.dataset.rendered)",
                         timeout=20_000)
    assert pg.locator(".verdict .state").inner_text().strip().lower() in (
        "expanding", "steady", "slowing", "contracting", "insufficient data")
    assert pg.locator("section.card").count() == 5
    charts = pg.locator("div.chart")
    assert charts.count() >= 2
    for i in range(charts.count()):
        assert charts.nth(i).locator("svg.main-svg").count() >= 1
    bars = pg.locator('div[data-figure="fig-scores"] g.point')
    assert bars.count() == 5  # one bar per checkpoint, drawn in SVG
    assert rec.foreign() == [], rec.foreign()
    assert rec.errors == [], rec.errors


def test_rumor_check_through_the_form_shows_its_verdict(server: str, page: tuple) -> None:
    pg, rec = page
    pg.goto(f"{server}/rumor")
    pg.fill("textarea[name=claim]", "CoreWeave backlog shrinks")
    pg.fill("input[name=as_of]", "2026-08-01")
    pg.click("form.rumor button[type=submit]")
    pg.wait_for_selector("#verdict")
    assert pg.locator("#verdict").inner_text().strip().lower() == "contradicted"
    assert pg.locator("table.evidence tbody tr").count() >= 1
    assert rec.foreign() == [] and rec.errors == []


def test_hostile_claim_through_the_form_stays_text(server: str, page: tuple) -> None:
    pg, rec = page
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(f"{server}/rumor")
    pg.fill("textarea[name=claim]", HOSTILE)
    pg.click("form.rumor button[type=submit]")
    pg.wait_for_selector("#claim-echo")
    assert pg.locator("#claim-echo").inner_text() == HOSTILE
    assert pg.locator("textarea[name=claim]").input_value() == HOSTILE
    assert pg.locator("#result script").count() == 0
    assert dialogs == [] and rec.foreign() == [] and rec.errors == []


def test_economics_inputs_edited_in_the_form_rerun_the_model(server: str, page: tuple) -> None:
    from aicycle.economics import run_scenario
    from aicycle.economics.html import money

    pg, rec = page
    pg.goto(f"{server}/economics/article-payback")
    pg.wait_for_selector("div.chart[data-rendered=true]")
    pg.fill("input[name=utilization]", "0.5")
    pg.click("form.inputs button[type=submit]")
    pg.wait_for_selector("p.changed")
    expected = run_scenario("article-payback", {"utilization": 0.5})
    assert "utilization=0.5" in pg.url
    assert money(expected["npv"]) in pg.locator("#headline").inner_text()
    pg.wait_for_function("[...document.querySelectorAll('div.chart')].every(d => d.dataset.rendered)")
    assert pg.locator("div.chart svg.main-svg").count() >= 3
    assert rec.foreign() == [] and rec.errors == []


def test_checkpoint_page_shows_its_evidence_open(server: str, page: tuple) -> None:
    pg, rec = page
    pg.goto(f"{server}/checkpoint/backlog")
    pg.wait_for_function("[...document.querySelectorAll('div.chart')].every(d => d.dataset.rendered)")
    assert pg.locator("details.evidence").get_attribute("open") is not None
    rows = pg.locator("details.evidence tbody tr")
    assert rows.count() >= 1 and rows.first.is_visible()
    assert rec.foreign() == [] and rec.errors == []
