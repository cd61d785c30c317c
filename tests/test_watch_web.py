"""The dashboard and the watcher: the overview's latest events and the Atom feed at /feed.xml."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from xml.etree import ElementTree as ET

import pytest

from aicycle.store import Store, open_store
from aicycle.watch import state
from aicycle.watch.run import replay
from aicycle.web import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

ATOM = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture(scope="module")
def watched() -> Iterator[Store]:
    """The bundled store with the events a watcher announced from 2026-07-27 to 2026-07-30."""
    store = open_store(memory=True)
    state.ensure(store)
    for _, events, _ in replay(store, dt.date(2026, 7, 27), dt.date(2026, 7, 30)):
        state.record(store, events, ["feed"])
    yield store
    store.close()


def _client(store: Store) -> TestClient:
    return TestClient(create_app(store=store), base_url="http://127.0.0.1:8000")


def test_the_overview_lists_the_latest_events_newest_first(watched: Store) -> None:
    with _client(watched) as client:
        html = client.get("/").text
        earlier = client.get("/?as_of=2026-07-29").text
    assert html.index("first guide for a year") < html.index("guidance narrowed")  # newest first
    assert "Meta Platforms FY2026 capex guidance narrowed up to $130.0B–$145.0B" in html
    assert 'href="/feed.xml"' in html and "verdict expanding +0.90" in html
    assert "guidance narrowed" in earlier and "first guide for a year" not in earlier  # nothing after as_of


def test_feed_xml_serves_the_announced_events(watched: Store) -> None:
    with _client(watched) as client:
        r = client.get("/feed.xml")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(r.content)
    titles = [e.findtext("a:title", namespaces=ATOM) for e in root.findall("a:entry", ATOM)]
    assert any(t.startswith("first guide for a year: Amazon first FY2026 capex guide ~$220.0B") for t in titles)
    assert any(t.startswith("guidance narrowed: Meta Platforms") for t in titles)
    assert root.find("a:link[@rel='self']", ATOM).get("href") == "http://127.0.0.1:8000/feed.xml"


def test_a_store_that_never_watched_says_so() -> None:
    store = open_store(memory=True)
    with _client(store) as client:
        html = client.get("/").text
        feed = client.get("/feed.xml")
    assert "No events yet" in html and "aicycle watch" in html
    assert feed.status_code == 200 and ET.fromstring(feed.content).findall("a:entry", ATOM) == []
