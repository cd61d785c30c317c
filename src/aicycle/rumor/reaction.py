"""How a stock moved on a dated piece of news: "TSMC ADRs sank ~7% on Meta Compute report", "Meta shares rallied
after it raised 2026 capex guidance in April". The news is one of the stored market events (its date and the hour
it broke); the move is the stock's close on the first session that could react against the close before it, from
the stored daily prices. A move the claim sizes ("~7%") must be near that size."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.market import events as market_events
from aicycle.market.prices import exchange_of
from aicycle.rumor.evidence import Item
from aicycle.rumor.parse import named_companies
from aicycle.store import Store

_UP = (r"rose|rallied|rall(?:y|ies)|jump(?:s|ed)?|surg(?:e|es|ed)|gain(?:s|ed)?|climb(?:s|ed)?|pop(?:s|ped)?|"
       r"soar(?:s|ed)?")
_DOWN = r"sank|sinks?|fell|falls?|drop(?:s|ped)?|slid|slides?|tumbl(?:e|es|ed)|plung(?:e|es|ed)|slump(?:s|ed)?"
_CLAIM = re.compile(rf"^(?P<who>.+?)\s+(?:(?:shares|stock|ADRs?)\s+)?(?P<verb>{_UP}|{_DOWN})\b"
                    rf"(?:\s+(?:by\s+)?~?(?:about\s+|nearly\s+|roughly\s+)?(?P<pct>\d+(?:\.\d+)?)\s?%)?"
                    rf"\s+(?:on|after|following|as)\s+(?P<news>.+)$", re.I)
# the listed securities a headline names by other words than the companies' own names
_LISTED = (("TSM", r"tsmc|taiwan semi\w*"), ("SOXX", r"the sox\b|soxx|chip (?:index|stocks)"), ("SMH", r"\bsmh\b"),
           ("SPY", r"s&p 500|\bspy\b"))
_STOP = {"the", "a", "an", "its", "it", "on", "after", "in", "of", "to", "report", "reports", "news", "said", "says"}


@dataclass(frozen=True)
class Reaction:
    tickers: tuple[str, ...]  # whose stock moved
    up: bool
    pct: float | None  # the size the claim names, in percent
    news: str  # the words that name the news


def read_reaction(text: str) -> Reaction | None:
    m = _CLAIM.search(text.strip())
    if m is None:
        return None
    who = m.group("who")
    named = named_companies(who)
    tickers = [t for t, _ in named] + [t for t, p in _LISTED if re.search(p, who, re.I)]
    rest = who
    for words in [w for _, w in named] + [p for _, p in _LISTED]:
        rest = re.sub(words if words in dict(_LISTED).values() else re.escape(words), " ", rest, flags=re.I)
    if not tickers or re.sub(r"\b(?:shares|stock|adrs?|the)\b|'s\b|[^\w]", " ", rest, flags=re.I).strip():
        return None  # "Micron revenue rose on HBM demand": a figure that moved, not the stock
    up = re.fullmatch(_UP, m.group("verb"), re.I) is not None
    return Reaction(tuple(dict.fromkeys(tickers)), up, float(m.group("pct")) if m.group("pct") else None,
                    m.group("news"))


def reaction_items(store: Store, claim: Reaction, as_of: dt.date) -> list[Item]:
    """Each named stock's close-to-close move on the first session after the news, judged against the claim."""
    event = _event(store, claim.news, as_of)
    if event is None:
        return []
    items = []
    for ticker in claim.tickers:
        move = _move(store, ticker, event, as_of)
        if move is None:
            continue
        day, before, change, source = move
        size_ok = claim.pct is None or abs(abs(change) * 100 - claim.pct) <= max(1.5, 0.25 * claim.pct)
        observed = "match" if (change > 0) == claim.up and abs(change) >= 0.005 and size_ok else "mismatch"
        text = (f"{ticker} closed {change * 100:+.1f}% on {day} (against {before}), the first session after "
                f"\u201c{event['headline']}\u201d ({event['news_date']})")
        items.append(Item(signal="market_reaction", text=text, date=day,
                          source=f"{source}; news dated by {event['source']}",
                          kind="derived", observed=observed, weight=1.0, url=event.get("url"), ticker=ticker,
                          change=change, period=str(day),
                          method="derived: close on the first session that could react against the close before"))
    return items


def _event(store: Store, news: str, as_of: dt.date) -> dict | None:  # type: ignore[type-arg]
    """The stored event the claim's words name best (two words in common at least), public by the as-of date."""
    words = _stems(news)
    best, score = None, 0
    for row in store.query("SELECT * FROM events WHERE news_date <= ? ORDER BY news_date", [as_of]):
        # the event's name and headline must carry two of the claim's words; its description breaks ties
        named = len(words & _stems(f"{row['event_id'].replace('_', ' ')} {row['headline']}"))
        hits = 2 * named + len(words & _stems(row.get("description") or ""))
        if named >= min(2, len(words)) and hits > score:
            best, score = row, hits
    return best


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}


def _move(store: Store, ticker: str, event: dict,  # type: ignore[type-arg]
          as_of: dt.date) -> tuple[dt.date, dt.date, float, str] | None:
    rows = store.query("SELECT date, COALESCE(adj_close, close) AS px, series, source FROM stock_prices "
                       "WHERE ticker = ? AND date <= ? ORDER BY series, date", [ticker, as_of])
    if not rows:
        return None
    # one series at a time, never spliced: the longest that covers the news
    for series in sorted({r["series"] for r in rows}, key=lambda s: -sum(r["series"] == s for r in rows)):
        closes = {r["date"]: r["px"] for r in rows if r["series"] == series and r["px"]}
        sessions = sorted(closes)
        day = market_events.day0_for(exchange_of(ticker), event["news_date"], event["timing"], sessions)
        if day is not None and sessions.index(day) > 0 and (day - event["news_date"]).days <= 5:
            before = sessions[sessions.index(day) - 1]
            source = next(str(r["source"]) for r in rows if r["series"] == series and r["date"] == day)
            return day, before, closes[day] / closes[before] - 1, f"daily closes ({source})"
    return None
