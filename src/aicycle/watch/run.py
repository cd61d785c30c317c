"""One watcher run: refresh, announce, deliver. And the replay of history, day by day.

Exactly once. The refresh writes through `announcing()`: inside each of its write transactions,
after the new rows and before the commit, the store is compared with the announced state and the
events it causes are stored with one outbox row per delivery channel, the new state with them. A
crash before the commit loses the fetch and its events together (the next run fetches again); after
it, the events wait in the outbox and the next run delivers what was not recorded as delivered.

One watcher per store: `watcher_lock()` is a file lock next to the store's own, taken without
waiting, so a second `aicycle watch` on the same store refuses at once with a clear message.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filelock
from rich.console import Console
from rich.markup import escape

from aicycle import config, rules
from aicycle.errors import AicycleError, ConfigError, StoreBusyError
from aicycle.store import Store, open_store, writing
from aicycle.watch import state as st
from aicycle.watch.events import Event, evidence
from aicycle.watch.settings import WatchSettings


@contextmanager
def watcher_lock(store_path: Path | None = None) -> Iterator[None]:
    path = store_path or config.store_path()
    lock = filelock.FileLock(str(path.with_suffix(".watch.lock")))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        raise StoreBusyError(f"another `aicycle watch` is already running on {path} (it holds {lock.lock_file}); "
                             "one watcher per store: stop it first") from None
    try:
        yield
    finally:
        lock.release()


@dataclass
class RunResult:
    as_of: dt.date
    announced: list[Event] = field(default_factory=list)
    outcomes: list[Any] = field(default_factory=list)  # deliver.Outcome
    refresh: dict[str, Any] | None = None
    baseline: bool = False


def announce(store: Store, as_of: dt.date, settings: WatchSettings, result: RunResult,
             summary: dict[str, Any] | None = None) -> None:
    """Inside the caller's write transaction: detect, store the events and their outbox rows, save state."""
    st.ensure(store)
    state = st.load(store)
    result.baseline = result.baseline or "as_of" not in state
    events = source_failures(state, summary, as_of) if summary else []
    if not st.up_to_date(store, as_of, state):
        from aicycle.watch import detect  # the readings, tone and GPU lines: only when something may have moved

        found = detect.detect(store, as_of, state, list(settings.companies) if settings.companies else None)
        events += [] if result.baseline else found  # the whole first run is the baseline, every source of it
        state["fingerprint"] = st.fingerprint(store)
    result.announced += st.record(store, events, settings.channels)
    st.save(store, state)


def announcing(as_of: dt.date, settings: WatchSettings, result: RunResult,
               store_path: Path | None = None) -> Any:
    """A refresh writer (refresh.Writer) whose transactions also announce what they changed."""
    @contextmanager
    def writer() -> Iterator[Store]:
        with writing(store_path) as store:
            yield store
            announce(store, as_of, settings, result)

    def make() -> AbstractContextManager[Store]:
        return writer()

    return make


def source_failures(state: dict[str, Any], summary: dict[str, Any], as_of: dt.date) -> list[Event]:
    """A source failing entirely WATCH_SOURCE_FAILURES runs in a row is announced once; so is its recovery."""
    counts: dict[str, int] = state.get("failures", {})
    failing: list[str] = state.get("failing", [])
    out = []
    for name, result in summary.get("sources", {}).items():
        down = not result.get("ok") and bool(result.get("failed"))
        counts[name] = counts.get(name, 0) + 1 if down else 0
        if down and counts[name] >= rules.WATCH_SOURCE_FAILURES and name not in failing:
            failing.append(name)
            failed = list(result["failed"].items())
            reasons = "; ".join(f"{k}: {v}" for k, v in failed[:3])
            out.append(Event("source_failing", as_of, f"{name}|{as_of}|{counts[name]}",
                             f"refresh source {name} failed {counts[name]} runs in a row", detail=reasons[:500],
                             data={"source": name, "runs": counts[name]},
                             evidence=[evidence(f"{k}: {v}"[:300], source=f"aicycle refresh --only {name}",
                                                filed=as_of, kind="derived") for k, v in failed[:3]]))
        elif not down and name in failing:
            failing.remove(name)
            out.append(Event("source_recovered", as_of, f"{name}|{as_of}|recovered",
                             f"refresh source {name} works again", data={"source": name}))
    state["failures"], state["failing"] = counts, failing
    return out


def run_once(settings: WatchSettings, *, today: dt.date | None = None, offline: bool = False,
             only: list[str] | None = None, tickers: list[str] | None = None,
             options: dict[str, Any] | None = None, console: Console | None = None,
             err_console: Console | None = None, store_path: Path | None = None) -> RunResult:
    """Refresh (unless offline), announce what changed, deliver what is owed."""
    as_of = today or dt.date.today()
    result = RunResult(as_of)
    console = console or Console()
    if not offline:
        from aicycle import refresh

        result.refresh = refresh.run(only, tickers, writer=announcing(as_of, settings, result, store_path),
                                     options=options, console=err_console or Console(stderr=True))
    owed = None
    if result.refresh is None:
        with open_store(store_path) as store:  # as last announced, on the same day: no writer's lock needed
            if st.present(store) and st.up_to_date(store, as_of, st.load(store)):
                owed = st.pending(store, settings.channels)
    if owed is None:
        with writing(store_path) as store:  # the failures, and a new day's look when the refresh changed nothing
            announce(store, as_of, settings, result, result.refresh)
    result.outcomes = deliver_pending(settings, console, store_path, err_console, owed)
    return result


def deliver_pending(settings: WatchSettings, console: Console, store_path: Path | None = None,
                    err_console: Console | None = None, owed: dict[str, list[Event]] | None = None) -> list[Any]:
    if owed is None:
        with open_store(store_path) as store:
            owed = st.pending(store, settings.channels)
    if not owed:
        return []
    from aicycle.watch import deliver as delivery  # httpx and friends: only when something is owed

    def record(outcomes: list[delivery.Outcome]) -> None:
        with writing(store_path) as store:
            for o in outcomes:
                st.mark(store, o.event_id, o.channel, delivered=o.delivered, attempts=o.attempts, error=o.error)

    def feed_events() -> list[Event]:
        with open_store(store_path) as store:
            return st.latest(store, rules.WATCH_FEED_ENTRIES)

    return delivery.deliver(settings, owed, record, console, feed_events, err_console)


def watch(settings: WatchSettings, stop: threading.Event, console: Console, err_console: Console,
          **kwargs: Any) -> None:
    """Run every `settings.every` seconds until `stop` is set (Ctrl-C in the CLI).

    A run that fails (the store busy for too long, a source's data unusable) is reported and the next
    run tries again; a missing or invalid setting stops the watcher, since every run would fail alike.
    """
    while True:
        try:
            result = run_once(settings, console=console, err_console=err_console, **kwargs)
            err_console.print(status_line(result), highlight=False, soft_wrap=True)
        except ConfigError:
            raise
        except AicycleError as exc:
            err_console.print(f"[red]run failed[/]: {escape(str(exc))}; next run in {settings.every:g}s",
                              highlight=False, soft_wrap=True)
        if stop.wait(settings.every):
            return


def status_line(result: RunResult) -> str:
    sent = sum(o.delivered for o in result.outcomes)
    failed = sum(not o.delivered for o in result.outcomes)
    base = " (first run: baseline recorded, events start from the next change)" if result.baseline else ""
    owed = f", {failed} delivery failed (queued for the next run)" if failed else ""
    return f"{result.as_of}: {len(result.announced)} new event(s), {sent} deliveries{owed}{base}"


# --- replay -------------------------------------------------------------------------------------

def replay(store: Store, start: dt.date, end: dt.date, tickers: list[str] | None = None
           ) -> Iterator[tuple[dt.date, list[Event], dict[str, Any]]]:
    """(day, events, state) for each day of [start, end], as a watcher started the day before would
    have announced them, from what was public each day. Nothing is written."""
    from aicycle.watch.detect import detect

    state: dict[str, Any] = {}
    detect(store, start - dt.timedelta(days=1), state, tickers)
    day = start
    while day <= end:
        events = detect(store, day, state, tickers)
        yield day, events, state
        day += dt.timedelta(days=1)


def print_replay(store: Store, start: dt.date, end: dt.date, console: Console, json_out: bool = False,
                 tickers: list[str] | None = None) -> list[Event]:
    """Print the replay as it goes (a Rich line per event, or one JSON object per event) and return it."""
    import json
    import sys

    from aicycle.watch.deliver import terminal_line

    if not json_out:
        console.print(f"Replaying {start} → {end} from the store: what a watcher would have sent, "
                      "from what was public each day.", highlight=False, soft_wrap=True)
    found: list[Event] = []
    state: dict[str, Any] = {}
    for _, events, seen in replay(store, start, end, tickers):
        state = seen
        for event in events:
            if json_out:
                sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False, default=str) + "\n")
            else:
                console.print(terminal_line(event), highlight=False, soft_wrap=True)
        found += events
    if not json_out:
        score = state.get("verdict_score")
        console.print(f"{len(found)} event(s) over {(end - start).days + 1} day(s); verdict on {end}: "
                      f"{str(state.get('verdict', '?')).replace('_', ' ')}"
                      + (f" {score:+.2f}" if isinstance(score, int | float) else ""), highlight=False)
    return found
