"""Webhook delivery against a real local receiver: retries, timeouts, giving up, and no hook blocking another."""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from aicycle.errors import ConfigError
from aicycle.watch import deliver
from aicycle.watch.events import Event, evidence
from aicycle.watch.feed import atom
from aicycle.watch.settings import Hook, WatchSettings, load, mask_url, parse_every
from tests.webhook_receiver import Receiver

EVENTS = [
    Event("guidance_raised", dt.date(2026, 4, 29), "META|2026|2026-04-29",
          "Meta Platforms FY2026 capex guidance raised to $125.0B–$145.0B from $115.0B–$135.0B", ticker="META",
          detail="midpoint +8%", data={"old": {"low": 115e9, "high": 135e9}, "new": {"low": 125e9, "high": 145e9}},
          evidence=[evidence("Meta 8-K EX-99.1", source="sec_8k_ex99_1", accession="0001628280-26-028364",
                             url="https://www.sec.gov/Archives/edgar/data/1326801/000162828026028364/x.htm",
                             filed="2026-04-29", kind="derived")],
          verdict={"state": "expanding", "score": 0.9}),
    Event("checkpoint_changed", dt.date(2026, 4, 30), "gpu_rental|2026-04-30|expanding->steady",
          "GPU rental prices: expanding → steady", data={"old": "expanding", "new": "steady"}),
]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as r:
        yield r


def _settings(*hooks: Hook) -> WatchSettings:
    return WatchSettings(every=900, terminal=False, log=None, feed=None, hooks=hooks, companies=None)


def _send(*hooks: Hook) -> tuple[list[deliver.Outcome], str]:
    recorded: list[deliver.Outcome] = []
    err = io.StringIO()
    pending = {h.channel: list(EVENTS) for h in hooks}
    deliver.deliver(_settings(*hooks), pending, recorded.extend, Console(file=io.StringIO()), list,
                    Console(file=err, width=200))
    return recorded, err.getvalue()


def _hook(receiver: Receiver, path: str, **kw: object) -> Hook:
    return Hook(**{"name": path.strip("/"), "url": receiver.url + path, "timeout": 2.0, "attempts": 3,
                   "backoff": 0.01, **kw})  # type: ignore[arg-type]


def test_retries_on_5xx_and_429_then_delivers(receiver: Receiver) -> None:
    receiver.script("/a", ["500", "429", "ok"])
    outcomes, _ = _send(_hook(receiver, "/a"))
    assert [(o.event_id, o.delivered, o.attempts) for o in outcomes] == [
        (EVENTS[0].event_id, True, 3), (EVENTS[1].event_id, True, 1)]
    assert [r.status for r in receiver.hits("/a")] == [500, 429, 200, 200]
    assert [b["event_id"] for b in receiver.bodies("/a")] == [e.event_id for e in EVENTS]


def test_retries_on_a_timeout(receiver: Receiver) -> None:
    receiver.script("/slow", ["sleep:1.0", "ok"])
    outcomes, _ = _send(_hook(receiver, "/slow", timeout=0.3))
    assert outcomes[0].delivered and outcomes[0].attempts == 2
    assert len(receiver.hits("/slow")) == 3  # the timed-out request, its retry, the second event


def test_gives_up_after_the_configured_attempts_with_a_logged_error(receiver: Receiver,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    receiver.script("/down", ["503"] * 10)
    with caplog.at_level(logging.ERROR, logger="aicycle.watch"):
        outcomes, err = _send(_hook(receiver, "/down", attempts=2))
    assert [(o.delivered, o.attempts, o.error) for o in outcomes] == [(False, 2, "HTTP 503 after 2 attempt(s)")]
    assert len(receiver.hits("/down")) == 2  # two attempts at the first event; the second waits for the next run
    record = caplog.records[0]
    assert record.levelno == logging.ERROR and "webhook down (http://127.0.0.1/…): gave up on event" in record.message
    assert receiver.url not in caplog.text and "webhook down" in err and "stays queued" in err


def test_a_refusing_hook_is_not_retried(receiver: Receiver) -> None:
    receiver.script("/gone", ["404"])
    outcomes, _ = _send(_hook(receiver, "/gone"))
    assert [(o.delivered, o.attempts, o.error) for o in outcomes] == [(False, 1, "HTTP 404 after 1 attempt(s)")]
    assert len(receiver.hits("/gone")) == 1


def test_a_hanging_hook_never_blocks_the_others(receiver: Receiver) -> None:
    receiver.script("/hang", ["sleep:1.5"] * 10)
    receiver.script("/down", ["500"] * 10)
    started = time.monotonic()
    outcomes, _ = _send(_hook(receiver, "/hang", timeout=0.5, attempts=2), _hook(receiver, "/down", attempts=2),
                        _hook(receiver, "/fine"))
    took = time.monotonic() - started
    fine = receiver.hits("/fine")
    assert [r.status for r in fine] == [200, 200]
    assert fine[-1].at - started < 0.9  # both events in, before the hanging hook's first timeout ran out
    assert took >= 1.0  # the hanging hook really took its two timeouts
    by_channel = {(o.channel, o.delivered) for o in outcomes}
    assert by_channel == {("webhook:hang", False), ("webhook:down", False), ("webhook:fine", True)}


def test_slack_discord_and_generic_bodies(receiver: Receiver) -> None:
    _send(_hook(receiver, "/slack", format="slack"), _hook(receiver, "/discord", format="discord"),
          _hook(receiver, "/json"))
    slack = receiver.bodies("/slack")[0]
    assert slack["text"].startswith("2026-04-29 guidance raised: Meta Platforms FY2026 capex guidance raised")
    section = slack["blocks"][0]["text"]
    assert section["type"] == "mrkdwn" and "<https://www.sec.gov/" in section["text"]
    discord = receiver.bodies("/discord")[0]
    assert discord["content"] == slack["text"] and discord["embeds"][0]["url"].startswith("https://www.sec.gov/")
    assert len(discord["embeds"][0]["title"]) <= 256
    generic = receiver.bodies("/json")[0]
    assert generic["event_id"] == EVENTS[0].event_id and generic["data"]["new"]["low"] == 125e9
    assert generic["verdict"] == {"state": "expanding", "score": 0.9} and generic["source"] == "aicycle"
    assert receiver.hits("/json")[0].headers["Idempotency-Key"] == EVENTS[0].event_id


def test_the_atom_feed_is_well_formed_and_names_its_sources() -> None:
    from xml.etree import ElementTree as ET

    root = ET.fromstring(atom(EVENTS))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert [e.find("a:id", ns).text for e in entries] == [f"urn:aicycle:event:{e.event_id}" for e in EVENTS]
    assert entries[0].find("a:link", ns).get("href").startswith("https://www.sec.gov/")
    assert "Verdict on 2026-04-29: expanding (+0.90)" in entries[0].find("a:summary", ns).text
    assert root.find("a:updated", ns).text == "2026-04-29T00:00:00Z"


def test_settings_from_the_watch_table_and_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[watch]\nevery = "30m"\nlog = "off"\ncompanies = ["meta", "MSFT"]\n'
                      '[[watch.webhooks]]\nname = "ops"\nurl = "https://hooks.slack.com/services/T/B/TOKEN"\n'
                      'format = "slack"\nattempts = 5\n')
    monkeypatch.setenv("AICYCLE_CONFIG", str(config))
    monkeypatch.setenv("AICYCLE_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("AICYCLE_WATCH_WEBHOOK_URL", "https://discord.com/api/webhooks/1/TOKEN2")
    monkeypatch.setenv("AICYCLE_WATCH_WEBHOOK_FORMAT", "discord")
    s = load()
    assert s.every == 1800 and s.log is None and s.feed == tmp_path / "home" / "watch" / "feed.xml"
    assert s.companies == ("META", "MSFT")
    assert [(h.name, h.format, h.attempts) for h in s.hooks] == [("ops", "slack", 5), ("env", "discord", 3)]
    assert s.channels == ["terminal", "feed", "webhook:ops", "webhook:env"]
    assert "TOKEN" not in repr(s) and s.hooks[0].shown == "ops (https://hooks.slack.com/…, slack)"
    monkeypatch.setenv("AICYCLE_WATCH_EVERY", "90s")
    assert load().every == 90 and load("1h").every == 3600
    config.write_text('[[watch.webhooks]]\nurl = "ftp://x/TOKEN"\n')
    with pytest.raises(ConfigError, match=r"url must start with http:// or https:// \(it is ftp://x/…\)"):
        load()
    with pytest.raises(ConfigError, match="not a duration"):
        parse_every("soon")
    assert mask_url("https://hooks.slack.com/services/T/B/TOKEN?x=1") == "https://hooks.slack.com/…"
