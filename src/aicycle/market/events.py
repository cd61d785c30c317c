"""Dated market events and the session each exchange could first react on (day 0).

A headline has a news date and a timing, both in US hours (when the news reached US investors):
before_open, during (the US session), after_close, weekend. Day 0 of a security is the first session
of its own exchange that could react:

- US: before_open / during -> the first US session on or after the news date; after_close -> the
  first session after it; weekend -> the first session on or after it (a Saturday has none).
- KRX (Seoul, 09:00-15:30 KST = 00:00-06:30 UTC) closes before US news of the same date can exist,
  so any US-hours news reaches it on the first KRX session strictly after the news date, and a KRX
  holiday pushes day 0 further (Lunar New Year 2025: closed 27-30 January, so DeepSeek's day 0 in
  Seoul is 31 January).

Session calendars come from the price data itself (`sources.prices.sessions`).
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aicycle.errors import InputError
from aicycle.store import Store

TIMINGS = ("before_open", "during", "after_close", "weekend")
_ALIASES = {"during_us_session": "during", "during_session": "during", "after_us_close": "after_close",
            "before_us_open": "before_open", "premarket": "before_open"}

EVENTS_FILE = Path("events") / "ai_cycle_events.csv"
EVENTS_SOURCE = "data/events/ai_cycle_events.csv (compiled 2026-11-24 from news reports)"


@dataclass(frozen=True)
class Event:
    id: str
    date: dt.date
    timing: str
    headline: str = ""
    company: str | None = None
    kind: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date.isoformat(), "timing": self.timing,
                "headline": self.headline, "company": self.company, "kind": self.kind, "url": self.url}


def normalize_timing(value: str) -> str:
    timing = _ALIASES.get(value.strip().lower(), value.strip().lower())
    if timing not in TIMINGS:
        raise InputError(f"--timing: {value!r} is not one of {', '.join(TIMINGS)}")
    return timing


def day0(news_date: dt.date, timing: str, sessions: Sequence[dt.date]) -> dt.date | None:
    """First session in `sessions` (one exchange's calendar) that could react; None past the data."""
    timing = normalize_timing(timing)
    return _first_session(news_date, timing, sessions, same_day_ok=timing in ("before_open", "during", "weekend"))


def day0_for(exchange: str, news_date: dt.date, timing: str, sessions: Sequence[dt.date]) -> dt.date | None:
    if exchange == "KRX":
        # Seoul has closed before any US-hours news of the same calendar date.
        return _first_session(news_date, timing, sessions, same_day_ok=False)
    return day0(news_date, timing, sessions)


def _first_session(news_date: dt.date, timing: str, sessions: Sequence[dt.date],
                   same_day_ok: bool) -> dt.date | None:
    normalize_timing(timing)
    i = bisect.bisect_left(sessions, news_date) if same_day_ok else bisect.bisect_right(sessions, news_date)
    return sessions[i] if i < len(sessions) else None


# --- stored events ----------------------------------------------------------------------------------

def load_raw(store: Store, data_dir: Path) -> dict[str, object]:
    """Load the named events shipped as data into the `events` table."""
    path = data_dir / EVENTS_FILE
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for i, r in enumerate(rows, start=2):
        try:
            news_date = dt.date.fromisoformat(r["news_date"])
        except ValueError:
            raise InputError(f"{path}: line {i}: news_date {r['news_date']!r} is not a date") from None
        out.append({
            "event_id": r["event_id"], "news_date": news_date, "timing": normalize_timing(r["news_timing"]),
            "company": r["company"] or None, "kind": r["kind"] or None, "headline": r["headline"],
            "description": r["what_was_said_or_reported"] or None,
            "observed": r["observed_close_to_close_moves_in_shared_prices"] or None,
            "source": EVENTS_SOURCE, "url": r["source_url"] or None, "second_url": r["second_source_url"] or None,
        })
    inserted, changed = store.upsert("events", out)
    return {"events": len(out), "inserted": inserted, "changed": changed}


def list_events(store: Store) -> list[dict[str, Any]]:
    return store.query("SELECT event_id, news_date, timing, company, kind, headline, observed, url "
                       "FROM events ORDER BY news_date")


def get_event(store: Store, event_id: str) -> Event:
    rows = store.query("SELECT * FROM events WHERE event_id = ?", [event_id])
    if not rows:
        known = ", ".join(r["event_id"] for r in list_events(store)) or "none stored"
        raise InputError(f"unknown event {event_id!r}; known: {known} (or use --date)")
    r = rows[0]
    return Event(id=r["event_id"], date=r["news_date"], timing=r["timing"], headline=r["headline"],
                 company=r["company"], kind=r["kind"], url=r["url"])


def user_event(date: dt.date, timing: str) -> Event:
    timing = normalize_timing(timing)
    return Event(id=f"custom_{date.isoformat()}_{timing}", date=date, timing=timing, headline="user event")
