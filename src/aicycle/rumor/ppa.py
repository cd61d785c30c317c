"""A power purchase agreement a claim names: "Meta signs Clinton nuclear PPA with Constellation", "Constellation
inks a 20-year Clinton nuclear PPA with Meta". The power events record PPAs with both parties as the actor
("Constellation Energy; Meta") and the plant in their words; a PPA recorded between the companies the claim names
(at the plant it names) by the as-of date bears the claim out. None recorded leaves it open: a deal may be signed
that the store has not seen."""

from __future__ import annotations

import datetime as dt
import re

from aicycle import grid
from aicycle.rumor.evidence import Item
from aicycle.rumor.records import power_item
from aicycle.store import Store

_PPA = re.compile(r"\bppas?\b|\bpower purchase agreements?\b", re.I)
_LOOKBACK_DAYS = 3 * 365


def is_ppa_claim(text: str) -> bool:
    return bool(_PPA.search(text))


def ppa_items(store: Store, names: list[str], places: list[str], as_of: dt.date) -> list[Item]:
    """The latest recorded PPA between every company named (`names`: the words the claim names them by), at the
    places named, public by `as_of`."""
    for event in grid.events(store, as_of, kind="ppa", since=as_of - dt.timedelta(days=_LOOKBACK_DAYS)):
        words = f"{event.actor} {event.text} {event.row.get('quote') or ''}"
        parties = all(re.search(rf"\b{re.escape(n.split()[0])}", event.actor, re.I) for n in names)
        sited = all(re.search(rf"\b{re.escape(p)}\b", words, re.I) for p in places)
        if names and parties and sited:
            return [power_item(event, "up", 0.9)]
    return []
