"""The watcher's tables in the store: announced state, events, and the outbox of deliveries.

They are made by the watcher itself (`ensure`, inside its write transaction), not by the store's
schema: a store that never ran `aicycle watch` has none, and readers (the dashboard) say so.

- `watch_state`: what was last announced (key -> JSON): the watermarks of new items, each
  checkpoint's state, the verdict, tone per company, GPU levels, failure counts.
- `watch_events`: every event announced, with its evidence (JSON payload).
- `watch_outbox`: one row per event and delivery channel; `delivered_at` is set once the channel
  took it. A row without it is still owed, and is sent on the next run, whatever happened between.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from aicycle.store import Store
from aicycle.watch.events import Event

TABLES: dict[str, str] = {
    "watch_state": """
        CREATE TABLE IF NOT EXISTS watch_state (
            key VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL,         -- JSON
            updated_at TIMESTAMP NOT NULL
        )""",
    "watch_events": """
        CREATE TABLE IF NOT EXISTS watch_events (
            event_id VARCHAR PRIMARY KEY,   -- hash of kind + what happened: the same change, the same id
            seq BIGINT NOT NULL,            -- announcement order
            kind VARCHAR NOT NULL,
            day DATE NOT NULL,
            ticker VARCHAR,
            title VARCHAR NOT NULL,
            detected_at TIMESTAMP NOT NULL,
            payload VARCHAR NOT NULL        -- the event as JSON (evidence, sources, data, verdict)
        )""",
    "watch_outbox": """
        CREATE TABLE IF NOT EXISTS watch_outbox (
            event_id VARCHAR NOT NULL,
            channel VARCHAR NOT NULL,       -- terminal | log | feed | webhook:<name>
            queued_at TIMESTAMP NOT NULL,
            attempts INTEGER NOT NULL,
            last_error VARCHAR,             -- never a URL: secrets stay out of the store
            delivered_at TIMESTAMP,
            PRIMARY KEY (event_id, channel)
        )""",
}


# Tables whose content the detectors read; their fingerprint tells when nothing can have changed.
_FINGERPRINT_SQL = (
    "SELECT (SELECT count(*) FROM facts), (SELECT max(fetched_at) FROM facts), (SELECT max(filed) FROM facts), "
    "(SELECT count(*) FROM documents), (SELECT max(fetched_at) FROM documents), "
    "(SELECT count(*) FROM gpu_prices), (SELECT max(fetched_at) FROM gpu_prices), "
    "(SELECT count(*) FROM events), (SELECT max(news_date) FROM events), "
    "(SELECT md5(string_agg(value, '' ORDER BY key)) FROM meta WHERE key LIKE 'sec_submissions:%')")


def fingerprint(store: Store) -> str:
    row = store.con.execute(_FINGERPRINT_SQL).fetchone()
    parts = [str(v) for v in (row or ())]
    found = store.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = "
                              "'compute_contracts'").fetchone()
    if found and found[0]:
        parts.append(str(store.count("compute_contracts")))
    return "|".join(parts)


def up_to_date(store: Store, as_of: dt.date, state: dict[str, Any]) -> bool:
    """Nothing new in the store and the same day as the last look: no event is possible."""
    return state.get("as_of") == as_of.isoformat() and state.get("fingerprint") == fingerprint(store)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def ensure(store: Store) -> None:
    for ddl in TABLES.values():
        store.con.execute(ddl)


def present(store: Store) -> bool:
    row = store.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                            "('watch_state', 'watch_events', 'watch_outbox')").fetchone()
    return bool(row and row[0] == len(TABLES))


def load(store: Store) -> dict[str, Any]:
    if not present(store):
        return {}
    return {k: json.loads(v) for k, v in store.con.execute("SELECT key, value FROM watch_state").fetchall()}


def save(store: Store, state: dict[str, Any]) -> None:
    """Write the keys whose value changed (in the caller's transaction)."""
    old = load(store)
    changed = [(k, json.dumps(v, sort_keys=True, default=str), now()) for k, v in state.items() if old.get(k) != v]
    for key, value, at in changed:
        store.con.execute("INSERT OR REPLACE INTO watch_state VALUES (?, ?, ?)", [key, value, at])


def record(store: Store, events: Iterable[Event], channels: list[str]) -> list[Event]:
    """Store new events and queue each for every channel; an event already stored is skipped."""
    known = {r[0] for r in store.con.execute("SELECT event_id FROM watch_events").fetchall()}
    row = store.con.execute("SELECT coalesce(max(seq), 0) FROM watch_events").fetchone()
    seq = int(row[0]) if row else 0
    at = now()
    added = []
    for event in events:
        if event.event_id in known:
            continue
        known.add(event.event_id)
        seq += 1
        store.con.execute("INSERT INTO watch_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          [event.event_id, seq, event.kind, event.day, event.ticker, event.title, at,
                           json.dumps(event.to_dict(), default=str, ensure_ascii=False)])
        for channel in channels:
            store.con.execute("INSERT OR IGNORE INTO watch_outbox VALUES (?, ?, ?, 0, NULL, NULL)",
                              [event.event_id, channel, at])
        added.append(event)
    return added


def pending(store: Store, channels: list[str]) -> dict[str, list[Event]]:
    """Undelivered events per channel (of the channels configured now), in announcement order."""
    if not present(store) or not channels:
        return {}
    rows = store.con.execute(
        "SELECT o.channel, e.payload FROM watch_outbox o JOIN watch_events e USING (event_id) "
        "WHERE o.delivered_at IS NULL AND list_contains(?, o.channel) ORDER BY e.seq", [channels]).fetchall()
    out: dict[str, list[Event]] = {}
    for channel, payload in rows:
        out.setdefault(channel, []).append(Event.from_dict(json.loads(payload)))
    return out


def mark(store: Store, event_id: str, channel: str, *, delivered: bool, attempts: int,
         error: str | None = None) -> None:
    store.con.execute(
        "UPDATE watch_outbox SET attempts = attempts + ?, last_error = ?, delivered_at = ? "
        "WHERE event_id = ? AND channel = ?",
        [attempts, error, now() if delivered else None, event_id, channel])


def latest(store: Store, n: int) -> list[Event]:
    """The newest `n` events announced, newest first (empty for a store that never watched)."""
    if not present(store):
        return []
    rows = store.con.execute("SELECT payload FROM watch_events ORDER BY seq DESC LIMIT ?", [n]).fetchall()
    return [Event.from_dict(json.loads(r[0])) for r in rows]
