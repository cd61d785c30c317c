"""Capacity auctions as the grid events record them: "PJM's 2027/28 auction clears at the price cap", "clears at a
record high", "secured enough supply to meet its reliability target". The auction is the one for the delivery
year the claim names ("2027/28"), else the latest one public; what it cleared at is in the event's own words."""

from __future__ import annotations

import datetime as dt
import re

from aicycle import grid, rules
from aicycle.rumor.amounts import TIMES
from aicycle.rumor.evidence import Item
from aicycle.rumor.records import power_item
from aicycle.store import Store

_AUCTION = re.compile(r"\bcapacity auctions?\b|\bbase residual auction\b|\bBRA\b|\bPJM\b[^.]{0,60}\bauctions?\b", re.I)
_DELIVERY = re.compile(r"\b20(\d\d)\s?[/-]\s?(?:20)?(\d\d)\b")
# What the claim says the auction did, and the words of an event that bear it out.
_SHAPES: tuple[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"\b(?:price )?(?:cap|ceiling)\b", re.I),
     re.compile(r"\bat (?:the |its )?(?:\w+ )?(?:price )?(?:cap|ceiling)\b|(?:cap|ceiling)\b.{0,20}\bhit", re.I),
     re.compile(r"\bbelow (?:the |its )?(?:price )?(?:cap|ceiling)\b", re.I)),
    (re.compile(r"\brecord\b", re.I), re.compile(r"\brecord\b", re.I), re.compile(r"$^")),
    (re.compile(r"\benough (?:supply|capacity)|\bmeets? (?:its |the )?reliability|reliability (?:target|requirement)",
                re.I),
     re.compile(r"\bmet (?:the |its )?reliability|\babove (?:the )?reliability", re.I),
     re.compile(r"\bshort of (?:the |its )?reliability|\bbelow (?:the |its )?reliability", re.I)),
)


# "jump nine-fold", "more than doubled", "rose 9x": how many times the last auction's price the claim says it is
_FOLD = re.compile(r"\b(?P<n>\w+)-?fold\b|\b(?P<k>doubl|tripl|quadrupl)\w*|"
                   r"\b(?P<x>\d+(?:\.\d+)?)\s?(?:x|times)\b", re.I)
_TIMES = {**TIMES, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10}
_PRIOR = re.compile(r"\bprior year \$(\d+(?:\.\d+)?)", re.I)


def _fold(text: str) -> float | None:
    m = _FOLD.search(text)
    if m is None:
        return None
    word = (m.group("n") or m.group("k") or "").lower()
    return float(m.group("x")) if m.group("x") else float(_TIMES[word]) if word in _TIMES else \
        float(word) if word.isdigit() else None


def is_auction_claim(text: str) -> bool:
    return bool(_AUCTION.search(text)) and (any(claimed.search(text) for claimed, _, _ in _SHAPES)
                                             or _fold(text) is not None)


def auction_items(store: Store, claim_text: str, as_of: dt.date) -> list[Item]:
    """The named (or latest) auction's result against what the claim says it did: "up" where the event's words
    bear the claim out, "down" where they say otherwise."""
    since = as_of - dt.timedelta(days=rules.RUMOR_RECORD_DAYS * 2)
    auctions = [e for e in grid.events(store, as_of, since=since) if e.event_kind == "capacity_price"
                and re.search(r"\b(?:BRA|auction)\b", e.text, re.I)]
    wanted = _DELIVERY.search(claim_text)
    if wanted:
        year = f"20{wanted.group(1)}/{wanted.group(2)}"
        auctions = [e for e in auctions if year in e.text.replace("-", "/")]
    if not auctions:
        return []
    latest = max(auctions, key=lambda e: e.filed)
    times = _fold(claim_text)
    if times is not None:
        return _against_the_last(latest, times, grid.events(store, as_of, since=since))
    words = f"{latest.text} {latest.row.get('quote') or ''}"
    for claimed, yes, no in _SHAPES:
        if claimed.search(claim_text):
            seen = "up" if yes.search(words) else "down" if no.search(words) else None
            if seen and no.search(claim_text):  # "clears below the price cap": the claim is the other shape
                seen = "down" if seen == "up" else "up"
            return [power_item(latest, seen, 0.8)]
    return []


def _against_the_last(auction: grid.Event, times: float, events: list[grid.Event]) -> list[Item]:
    """"PJM capacity prices jump nine-fold in the 2026/27 auction": its price against the auction before it (the
    prior year's price its record gives, else the stored event of the delivery year before, in the same region)."""
    prior_said = _PRIOR.search(auction.text)
    prior = float(prior_said.group(1)) if prior_said else None
    year = _DELIVERY.search(auction.text)
    if prior is None and year:
        before = f"20{int(year.group(1)) - 1}/{int(year.group(2)) - 1:02d}"
        earlier = [e for e in events if e.event_kind == "capacity_price" and e.region == auction.region
                   and before in e.text.replace("-", "/") and e.value]
        prior = earlier[-1].value if earlier else None
    if prior is None or not auction.value:
        return []
    ratio = auction.value / prior
    item = power_item(auction, "up" if abs(ratio - times) <= 0.25 * times else "down", 0.8)
    item.text += f" ({ratio:.1f} times the auction before's ${prior:,.2f}; the claim says {times:g} times)"
    return [item]
