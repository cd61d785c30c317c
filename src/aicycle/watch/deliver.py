"""Delivery of pending events: the terminal, a JSON-lines log, the Atom feed, webhooks.

Every outcome is recorded in the outbox as soon as it is known (`record`, one transaction per
channel for the local ones, per event for a webhook), so a crash re-sends only what was not recorded
as delivered. The log and the feed are idempotent on their own (the log skips
ids it already holds, the feed is rewritten from the store); a webhook that answered 2xx just before
a crash may see the event again, with the same `Idempotency-Key` header (the event id) to drop it by.

Webhooks run in parallel, one thread per hook, each with its own timeout and attempts (tenacity,
exponential backoff on 5xx, 429, timeouts and connection errors): one slow or failing hook never
holds up another. A hook that gives up on an event logs an error and keeps its remaining events for
the next run. Errors name the hook and the masked URL, never the URL.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.markup import escape
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from aicycle.watch import feed as atom
from aicycle.watch.events import Event
from aicycle.watch.settings import Hook, WatchSettings, mask_url

log = logging.getLogger("aicycle.watch")
BACKOFF_MAX = 8.0  # seconds: the longest wait between two attempts of one hook
COLOURS = {"guidance_raised": "green", "guidance_cut": "red", "guidance_narrowed": "yellow",
           "checkpoint_changed": "magenta", "verdict_changed": "bold magenta", "source_failing": "red",
           "gpu_move": "cyan", "tone_shift": "yellow", "news": "blue", "contract": "green"}


@dataclass(frozen=True)
class Outcome:
    event_id: str
    channel: str
    delivered: bool
    attempts: int
    error: str | None = None


Record = Callable[[list[Outcome]], None]  # stores outcomes in the outbox, in one transaction


def deliver(settings: WatchSettings, pending: dict[str, list[Event]], record: Record, console: Console,
            feed_events: Callable[[], list[Event]], err_console: Console | None = None) -> list[Outcome]:
    """Send what each channel is owed; events go to `console`, delivery failures to `err_console`."""
    outcomes: list[Outcome] = []

    def keep(done: list[Outcome]) -> None:
        if done:
            record(done)
            outcomes.extend(done)

    terminal = pending.get("terminal", []) if settings.terminal else []
    for event in terminal:
        console.print(terminal_line(event), highlight=False, soft_wrap=True)
    keep([Outcome(e.event_id, "terminal", True, 1) for e in terminal])
    if settings.log and pending.get("log"):
        keep([Outcome(event_id, "log", True, 1) for event_id in append_log(settings.log, pending["log"])])
    if settings.feed and pending.get("feed"):
        atom.write(settings.feed, feed_events())
        keep([Outcome(e.event_id, "feed", True, 1) for e in pending["feed"]])
    hooks = [(h, pending[h.channel]) for h in settings.hooks if pending.get(h.channel)]
    if hooks:
        _webhooks(hooks, keep, err_console or Console(stderr=True))
    return outcomes


def terminal_line(event: Event) -> str:
    colour = COLOURS.get(event.kind, "white")
    where = f" [dim]({escape(event.sources[0])})[/]" if event.sources else ""
    return f"[{colour}]●[/] {escape(event.line())}{where}"


def append_log(path: Path, events: list[Event]) -> list[str]:
    """Append the events the log does not hold yet (one JSON object a line, fsynced)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    held = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                held.add(json.loads(line).get("event_id"))
            except (json.JSONDecodeError, AttributeError):
                continue  # a line cut by a crash: the event is written again below
    with path.open("a", encoding="utf-8") as out:
        for event in events:
            if event.event_id not in held:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False, default=str) + "\n")
        out.flush()
        os.fsync(out.fileno())
    return [e.event_id for e in events]


# --- webhooks -----------------------------------------------------------------------------------

class Retryable(Exception):
    """A failure worth another attempt: 5xx, 429, timeout, connection error."""


class Refused(Exception):
    """The hook said no (4xx other than 429): another attempt would get the same answer."""


def body(hook: Hook, event: Event) -> dict[str, Any]:
    if hook.format == "slack":
        text = f"*{event.label}*: {event.title}"
        detail = f"\n{event.detail}" if event.detail else ""
        links = "".join(f"\n<{s}|source>" if s.startswith("http") else f"\n{s}" for s in event.sources[:3])
        section = {"type": "mrkdwn", "text": (text + detail + links)[:2900]}  # Slack caps a section at 3000
        return {"text": event.line(), "blocks": [{"type": "section", "text": section}]}
    if hook.format == "discord":
        embed: dict[str, Any] = {"title": f"{event.label}: {event.title}"[:256],
                                 "description": (event.detail or event.line())[:4000],
                                 "timestamp": f"{event.day.isoformat()}T00:00:00Z"}
        if event.sources and event.sources[0].startswith("http"):
            embed["url"] = event.sources[0]
        return {"content": event.line()[:2000], "embeds": [embed]}
    return {"source": "aicycle", **event.to_dict()}


def post(client: httpx.Client, hook: Hook, event: Event) -> int:
    """POST one event; returns the attempts used. Raises Retryable or Refused when it gives up."""
    used = 0

    def once() -> None:
        nonlocal used
        used += 1
        try:
            response = client.post(hook.url, json=body(hook, event),
                                   headers={"Idempotency-Key": event.event_id, "User-Agent": "aicycle-watch"})
        except httpx.TimeoutException as exc:
            raise Retryable(f"timeout ({type(exc).__name__}, {hook.timeout:g}s)") from None
        except httpx.TransportError as exc:
            raise Retryable(f"connection failed ({type(exc).__name__})") from None
        if response.status_code == 429 or response.status_code >= 500:
            raise Retryable(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise Refused(f"HTTP {response.status_code}")

    for attempt in Retrying(stop=stop_after_attempt(hook.attempts), reraise=True,
                            wait=wait_exponential(multiplier=hook.backoff, max=BACKOFF_MAX),
                            retry=retry_if_exception_type(Retryable)):
        with attempt:
            once()
    return used


def _hook_worker(hook: Hook, events: list[Event], out: queue.Queue[Outcome | None]) -> None:
    try:
        with httpx.Client(timeout=hook.timeout, follow_redirects=False) as client:
            for event in events:
                try:
                    used = post(client, hook, event)
                except (Retryable, Refused) as exc:
                    tries = hook.attempts if isinstance(exc, Retryable) else 1
                    log.error("webhook %s (%s): gave up on event %s after %d attempt(s): %s; it stays queued",
                              hook.name, mask_url(hook.url), event.event_id, tries, exc)
                    out.put(Outcome(event.event_id, hook.channel, False, tries, f"{exc} after {tries} attempt(s)"))
                    return  # the hook is down: its other events wait for the next run, in order
                out.put(Outcome(event.event_id, hook.channel, True, used))
    finally:
        out.put(None)


def _webhooks(hooks: list[tuple[Hook, list[Event]]], keep: Record, console: Console) -> None:
    """Run every hook in its own thread; record outcomes here, as they arrive, in one thread."""
    results: queue.Queue[Outcome | None] = queue.Queue()
    threads = [threading.Thread(target=_hook_worker, args=(h, evs, results), daemon=True,
                                name=f"webhook-{h.name}") for h, evs in hooks]
    for t in threads:
        t.start()
    running = len(threads)
    while running:
        outcome = results.get()
        if outcome is None:
            running -= 1
            continue
        keep([outcome])
        if not outcome.delivered:
            console.print(f"[red]webhook {escape(outcome.channel.split(':', 1)[1])}[/]: {escape(outcome.error or '')}; "
                          "the event stays queued", highlight=False, soft_wrap=True)
