"""`aicycle watch` end to end against real local servers: EDGAR replayed on 127.0.0.1, a webhook receiver.

The store is the bundled one without Meta's 2026-04-29 guidance vintage, watched from 2026-04-28. The
replay server then lists a new Meta earnings 8-K (accession 0001628280-26-028364, filed 2026-04-29)
whose EX-99.1 carries Meta's real outlook sentence of that day (as quoted in data/facts): the
watcher's refresh fetches it, reads the raised guide and announces it once, whatever happens to the
process between the fetch and the delivery.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.store import open_store
from aicycle.watch import settings as watch_settings
from aicycle.watch.run import run_once, watcher_lock
from tests.replay_server import ReplayServer
from tests.test_refresh_releases import index_headers
from tests.webhook_receiver import Receiver

AGENT = "aicycle tests tests@example.com"
ACCESSION = "0001628280-26-028364"
FOLDER = "/Archives/edgar/data/1326801/000162828026028364/"
EXHIBIT = "meta-03312026xexhibit991.htm"
OUTLOOK = ("We anticipate 2026 capital expenditures, including principal payments on finance leases, to be in the "
           "range of $125-145 billion, increased from our prior range of $115-135 billion. This reflects our "
           "expectations for higher component pricing this year.")
BEFORE, FILED, AFTER = dt.date(2026, 4, 28), dt.date(2026, 4, 29), dt.date(2026, 4, 30)
REPO = Path(__file__).resolve().parents[1]


def _routes() -> dict[str, bytes]:
    subs = {"cik": "1326801", "name": "Meta Platforms, Inc.", "filings": {"recent": {
        "accessionNumber": [ACCESSION], "filingDate": [FILED.isoformat()], "reportDate": [FILED.isoformat()],
        "form": ["8-K"], "items": ["2.02,9.01"], "primaryDocument": ["meta-20260429.htm"]}}}
    exhibit = (f"<html><head><title>Meta Reports First Quarter 2026 Results</title></head><body>"
               f"<p>MENLO PARK, Calif., April 29, 2026 /PRNewswire/ -- Meta Platforms, Inc. (Nasdaq: META) today "
               f"reported financial results for the quarter ended March 31, 2026.</p><p>CFO Outlook Commentary</p>"
               f"<p>{OUTLOOK}</p></body></html>")
    return {"/submissions/CIK0001326801.json": json.dumps(subs).encode(),
            FOLDER + f"{ACCESSION}-index-headers.html": index_headers(ACCESSION, FILED.isoformat(),
                                                                      "meta-20260429.htm", EXHIBIT),
            FOLDER + EXHIBIT: exhibit.encode()}


@pytest.fixture
def edgar() -> Iterator[ReplayServer]:
    with ReplayServer(_routes()) as server:
        yield server


@pytest.fixture
def hooks() -> Iterator[Receiver]:
    with Receiver() as receiver:
        yield receiver


@pytest.fixture
def watched(configured: Path) -> Path:
    """The store without Meta's 2026-04-29 guide, its baseline taken on 2026-04-28."""
    first = run_once(watch_settings.load(), today=BEFORE, offline=True)
    assert first.baseline and first.announced == []
    return configured


@pytest.fixture
def configured(home: Path, edgar: ReplayServer, hooks: Receiver, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store without Meta's 2026-04-29 guide, never watched; the config in the home."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "config.toml"
    config.write_text(f'[watch]\nlog = "{home}/events.jsonl"\nfeed = "{home}/feed.xml"\nterminal = "off"\n'
                      f'[[watch.webhooks]]\nname = "ops"\nurl = "{hooks.url}/services/T0/B0/SECRET-TOKEN"\n'
                      f'attempts = 2\ntimeout = 2\nbackoff = 0.01\n')
    for name, value in {"AICYCLE_CONFIG": str(config), "AICYCLE_SEC_USER_AGENT": AGENT,
                        "AICYCLE_SEC_BASE_URL": edgar.url, "AICYCLE_SEC_ARCHIVES_URL": edgar.url,
                        "AICYCLE_HTTP_RETRIES": "1"}.items():
        monkeypatch.setenv(name, value)
    with open_store(write=True) as store:
        # the curated vintage and the figures stated in Meta's call of that day: the 8-K brings the guide
        store.con.execute("DELETE FROM facts WHERE ticker = 'META' AND metric LIKE 'capex_guidance_%' AND filed = ?",
                          [FILED])
    return home


def test_the_whole_first_run_is_the_baseline(configured: Path, hooks: Receiver) -> None:
    first = _refresh()  # the refresh brings the new 8-K, but nothing was announced before: nothing is news yet
    assert first.baseline and first.announced == [] and hooks.requests == []
    with open_store() as store:
        assert store.query("SELECT count(*) AS n FROM documents WHERE accession = ?", [ACCESSION])[0]["n"] == 1
    assert _refresh().announced == []


def _refresh(**kw: object) -> object:
    return run_once(watch_settings.load(), today=AFTER, only=["releases"], tickers=["META"], **kw)


def _delivered(hooks: Receiver) -> list[str]:
    return [b["event_id"] for b in hooks.bodies("/services/T0/B0/SECRET-TOKEN")]


def _logged(home: Path) -> list[str]:
    path = home / "events.jsonl"
    return [json.loads(line)["event_id"] for line in path.read_text().splitlines()] if path.exists() else []


def _guidance(events: list) -> list:
    """Meta's guidance events (Alphabet's first 2026 range, filed 2026-04-30, is announced too)."""
    return [e for e in events if e.kind.startswith("guidance") and e.ticker == "META"]


def test_a_new_8k_with_a_raised_guide_is_one_guidance_raised_event(watched: Path, edgar: ReplayServer,
                                                                   hooks: Receiver) -> None:
    result = _refresh()
    raised = _guidance(result.announced)
    assert [e.kind for e in raised] == ["guidance_raised"]
    assert [(e.kind, e.ticker) for e in result.announced].count(("guidance_raised", "META")) == 1
    event = raised[0]
    assert (event.data["old"]["low"], event.data["old"]["high"]) == (115e9, 135e9)
    assert (event.data["new"]["low"], event.data["new"]["high"]) == (125e9, 145e9)
    assert event.title.startswith("Meta Platforms FY2026 capex guidance raised to $125.0B–$145.0B from $115.0B–$135.0B")
    assert event.evidence[0]["accession"] == ACCESSION and event.evidence[0]["url"].endswith(FOLDER + EXHIBIT)
    assert event.evidence[0]["kind"] == "derived"
    filing = [e for e in result.announced if e.kind == "filing" and e.data.get("accession") == ACCESSION]
    assert len(filing) == 1
    assert _delivered(hooks).count(event.event_id) == 1 and _logged(watched).count(event.event_id) == 1
    assert "raised to $125.0B–$145.0B" in (watched / "feed.xml").read_text()
    assert hooks.hits("/services/T0/B0/SECRET-TOKEN")[0].headers["Idempotency-Key"] in _delivered(hooks)
    # a second run: the 8-K is stored, nothing new is announced or sent
    sent, fetched = len(hooks.requests), len(edgar.requests)
    again = _refresh()
    assert again.announced == [] and again.outcomes == [] and len(hooks.requests) == sent
    assert [r.path for r in edgar.requests[fetched:]] == ["/submissions/CIK0001326801.json"]  # the 8-K is stored


KILL = """
import datetime as dt, os, signal, sys
import aicycle.watch.{module} as target
from aicycle.watch import run, settings
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
target.{function} = die
run.run_once(settings.load(), today=dt.date(2026, 4, 30), only=["releases"], tickers=["META"])
"""


def _killed(module: str, function: str) -> subprocess.CompletedProcess[str]:
    code = KILL.format(module=module, function=function)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ),
                          cwd=REPO, timeout=120)


def test_kill_9_after_the_fetch_before_the_delivery_delivers_once_after_restart(watched: Path, hooks: Receiver) -> None:
    died = _killed("run", "deliver_pending")  # the refresh and its events are committed; nothing sent yet
    assert died.returncode == -signal.SIGKILL, died.stderr
    assert hooks.requests == [] and _logged(watched) == []
    with open_store() as store:
        owed = store.query("SELECT o.channel, e.kind FROM watch_outbox o JOIN watch_events e USING (event_id) "
                           "WHERE o.delivered_at IS NULL AND e.kind = 'guidance_raised' AND e.ticker = 'META' "
                           "ORDER BY o.channel")
    assert [r["channel"] for r in owed] == ["feed", "log", "webhook:ops"]
    restarted = _refresh()
    assert restarted.announced == []  # announced before the kill: not announced again
    with open_store() as store:
        raised = store.query("SELECT event_id FROM watch_events WHERE kind = 'guidance_raised' AND ticker = 'META'")
    assert len(raised) == 1
    event_id = raised[0]["event_id"]
    assert _delivered(hooks).count(event_id) == 1 and _logged(watched).count(event_id) == 1
    assert _refresh().outcomes == [] and _delivered(hooks).count(event_id) == 1


def test_kill_9_between_the_fetch_and_the_commit_announces_once_after_restart(watched: Path, hooks: Receiver) -> None:
    died = _killed("state", "record")  # inside the refresh's transaction: fetched rows and events die together
    assert died.returncode == -signal.SIGKILL, died.stderr
    with open_store() as store:
        assert store.query("SELECT count(*) AS n FROM documents WHERE accession = ?", [ACCESSION])[0]["n"] == 0
        assert store.query("SELECT count(*) AS n FROM watch_events")[0]["n"] == 0
    restarted = _refresh()
    assert [e.kind for e in _guidance(restarted.announced)] == ["guidance_raised"]
    event_id = _guidance(restarted.announced)[0].event_id
    assert _delivered(hooks).count(event_id) == 1 and _logged(watched).count(event_id) == 1


def test_a_second_watcher_on_the_same_store_refuses_clearly(watched: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with watcher_lock():
        result = CliRunner().invoke(app, ["watch", "--once", "--offline"])
    assert result.exit_code == 1
    assert "another `aicycle watch` is already running on" in result.stderr and "one watcher per store" in result.stderr
    monkeypatch.setenv("AICYCLE_WATCH_TERMINAL", "on")  # the variable beats the file's terminal = "off"
    after = CliRunner().invoke(app, ["watch", "--once", "--offline"])  # today, months after the baseline
    assert after.exit_code == 0, after.output
    announced = int(re.search(r": (\d+) new event", after.stderr)[1])  # type: ignore[index]
    lines = [line for line in after.stdout.splitlines() if line.startswith("● ")]
    assert announced >= 1 and len(lines) == announced  # a Rich line per event on the terminal
    assert all(re.match(r"● \d{4}-\d\d-\d\d \S", line) for line in lines)
    quiet = CliRunner().invoke(app, ["watch", "--once", "--offline", "--json"])
    assert json.loads(quiet.stdout) == {"as_of": dt.date.today().isoformat(), "events": [], "deliveries": [],
                                        "baseline": False}  # stdout is the JSON alone


def test_no_secret_is_printed_logged_or_stored(watched: Path, hooks: Receiver, caplog: pytest.LogCaptureFixture
                                               ) -> None:
    hooks.script("/services/T0/B0/SECRET-TOKEN", ["500"] * 10)
    result = CliRunner().invoke(app, ["watch", "--once", "--only", "releases", "--ticker", "META"])
    shown = CliRunner().invoke(app, ["config", "show"], env={"AICYCLE_WATCH_WEBHOOK_URL": hooks.url + "/x/SECRET-2"})
    assert "gave up" in caplog.text and "ops (http://127.0.0.1/…)" in caplog.text
    with open_store() as store:
        stored = json.dumps(store.query("SELECT * FROM watch_outbox"), default=str)
        stored += json.dumps(store.query("SELECT * FROM watch_state"), default=str)
    for text in (result.output, result.stderr, caplog.text, stored, shown.output, _read(watched / "events.jsonl")):
        assert "SECRET" not in text
    assert "webhook ops" in result.stderr and "HTTP 500 after 2 attempt(s)" in result.stderr
    assert "│ watch_webhook_url" in shown.output and "http://127.0.0.1/…" in shown.output


def _read(path: Path) -> str:
    return path.read_text() if path.exists() else ""
