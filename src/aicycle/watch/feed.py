"""The Atom feed of announced events (RFC 4287): one file the watcher rewrites, also served at /feed.xml.

The feed is made from the store's events, newest first, so rewriting it is idempotent: an event is
in it once however often the file is written.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from xml.etree import ElementTree as ET

from aicycle.watch.events import Event

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "urn:aicycle:watch"


def _stamp(day: dt.date | dt.datetime) -> str:
    if isinstance(day, dt.datetime):
        return day.replace(microsecond=0).isoformat() + ("Z" if day.tzinfo is None else "")
    return f"{day.isoformat()}T00:00:00Z"


def atom(events: list[Event], *, updated: dt.datetime | None = None, self_url: str | None = None) -> bytes:
    """The feed as bytes. `events` newest first; `updated` defaults to the newest event's day."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "aicycle: what moved in the AI build-out"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = FEED_ID
    newest = updated or (dt.datetime.combine(events[0].day, dt.time()) if events else dt.datetime(2000, 1, 1))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "aicycle watch"
    if self_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url)
    for event in events:
        _entry(feed, event)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(feed: ET.Element, event: Event) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:aicycle:event:{event.event_id}"
    ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{event.label}: {event.title}"
    ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(event.day)
    ET.SubElement(entry, f"{{{ATOM}}}category", term=event.kind, label=event.label)
    for url in (s for s in event.sources if s.startswith(("http://", "https://"))):
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="related", href=url)
    lines = [event.detail] if event.detail else []
    if event.verdict and event.verdict.get("state"):
        score = event.verdict.get("score")
        lines.append(f"Verdict on {event.day}: {event.verdict['state'].replace('_', ' ')}"
                     + (f" ({score:+.2f})" if isinstance(score, int | float) else ""))
    lines += [f"Evidence: {e.get('text')} — {e.get('url') or e.get('source')}"
              + (f" ({e['accession']})" if e.get("accession") else "") for e in event.evidence]
    ET.SubElement(entry, f"{{{ATOM}}}summary").text = "\n".join(lines)


def write(path: Path, events: list[Event]) -> None:
    """Replace the feed file atomically: a reader never sees half a feed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".feed-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(atom(events))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
