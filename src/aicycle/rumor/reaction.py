"""How a stock moved on a dated piece of news: "TSMC ADRs sank ~7% on Meta Compute report", "Meta shares rallied
after it raised 2026 capex guidance in April". The news is one of the stored market events (its date and the hour
it broke); the move is the stock's close on the first session that could react against the close before it, from
the stored daily prices. A move the claim sizes ("~7%") must be near that size."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from aicycle.market import events as market_events
from aicycle.market.prices import exchange_of
from aicycle.rumor.evidence import Item
from aicycle.rumor.news import SESSION, News, find_news
from aicycle.rumor.parse import named_companies
from aicycle.store import Store

_UP = (r"rose|rallied|rall(?:y|ies)|jump(?:s|ed)?|surg(?:e|es|ed)|gain(?:s|ed)?|climb(?:s|ed)?|pop(?:s|ped)?|"
       r"soar(?:s|ed)?|spik(?:e|es|ed)|(?:sky)?rocket(?:s|ed)?|leap(?:s|t|ed)?|rip(?:s|ped)?|zoom(?:s|ed)?|"
       r"doubl(?:es|ed)")
_DOWN = (r"sank|sinks?|fell|falls?|drop(?:s|ped)?|slid|slides?|tumbl(?:e|es|ed)|plung(?:e|es|ed)|slump(?:s|ed)?|"
         r"tank(?:s|ed)?|crater(?:s|ed)?|lost|loses?|shed|sheds|sold off|sells? off|dump(?:s|ed)?|dove|dives?|"
         r"nosediv(?:e|es|ed)|halv(?:es|ed)")
# "closed ~36% higher", "ripped more than 15% higher": the size before the way it went
_CLOSED = r"(?:clos(?:e|ed|es)|end(?:ed|s)|finish(?:ed|es)|ripped|ran|shot|traded|was|moved|went)"


def _size(group: str) -> str:
    """How the claim sizes the move: about it, or a floor ("more than 60%")."""
    return rf"(?P<{group}>~|>\s*|about\s+|nearly\s+|roughly\s+|almost\s+|more than\s+|over\s+|at least\s+)?"


# "MU +10% the day after its FQ1 beat", "SK hynix -14.6% in Seoul after the Meta Compute report"
_CLAIM = re.compile(rf"^(?P<who>.+?)\s+(?:(?:shares|stock|ADRs?)\s+)?(?:(?:literally|just|basically|reportedly)\s+)?"
                    rf"(?:(?P<verb>{_UP}|{_DOWN})\b(?:\s+(?:by\s+)?{_size('about')}"
                    rf"(?:(?P<pct>\d+(?:\.\d+)?)\s?%|(?P<digits>double|triple)[- ]digits?))?|"
                    rf"(?P<sign>[+\-\u2212\u2013])\s?~?(?P<signed>\d+(?:\.\d+)?)\s?%|"
                    rf"{_CLOSED}\s+(?:up\s+|down\s+)?{_size('sized_about')}(?P<sized>\d+(?:\.\d+)?)\s?%\s+"
                    rf"(?P<way>higher|lower)|"
                    # "closed up more than 13%": the way it went before the size
                    rf"{_CLOSED}\s+(?P<updown>up|down)\s+{_size('ud_about')}(?P<ud>\d+(?:\.\d+)?)\s?%)"
                    rf"(?:\s+in\s+[A-Z][a-z]+(?:\s+trading)?)?"
                    # "in one session", "in a single day": the move of one session, which is what is measured
                    rf"(?:\s+in\s+(?:one|a|a single)\s+(?:session|day|trading day))?"
                    rf"(?:\s+(?:on|after|following|as|the\s+(?:day|session)\s+after)\s+(?P<news>.+)"
                    # "+36% in a single session (Sept 10 '25)": the session named by its date
                    rf"|\s*\((?P<dated>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}[^)]*|20\d\d-\d\d-\d\d)\))$", re.I)
_OWN_DAY = "own_day"  # the news's hour unknown, its own session's move used
# "DeepSeek Monday: NVDA lost ~17% on Jan 27, 2025": a label before the claim itself
_LABEL = re.compile(r"^[^:]{3,40}:\s+(?=\S)")
# the listed securities a headline names by other words than the companies' own names
_LISTED = (("TSM", r"tsmc|taiwan semi\w*|\$?\btsm\b"), ("SOXX", r"the sox\b|soxx|chip (?:index|stocks)"),
           ("SMH", r"\bsmh\b"), ("SPY", r"s&p 500|\bspy\b"))


# what a headline calls the company beside its name ("the Boise memory maker", "the Sydney-born neocloud")
_DESCRIBED = (r"\b(?:memory|chip|gpu|cloud|server|equipment|power|data[- ]cent(?:er|re)|ai)?\s?(?:-?makers?|giant|"
              r"neo-?cloud|company|firm|group|operator|provider|designer|supplier|utility|producer)\b|"
              r"(?:\b\w+)?-(?:based|born)\b")


@dataclass(frozen=True)
class Reaction:
    tickers: tuple[str, ...]  # whose stock moved
    up: bool
    pct: float | None  # the size the claim names, in percent
    news: str  # the words that name the news
    floor: bool = False  # "more than 60%": the size is a floor, not an estimate


def read_reaction(text: str) -> Reaction | None:
    text = text.strip()
    return _reaction(text) or _reaction(_LABEL.sub("", text))


def _reaction(text: str) -> Reaction | None:
    m = _CLAIM.search(text)
    if m is None:
        return None
    who = m.group("who")
    named = named_companies(who)
    tickers = [t for t, _ in named] + [t for t, p in _LISTED if re.search(p, who, re.I)]
    rest = who
    for words in [w for _, w in named] + [p for _, p in _LISTED]:
        rest = re.sub(words if words in dict(_LISTED).values() else re.escape(words), " ", rest, flags=re.I)
    if not tickers or re.sub(_DESCRIBED + r"|\b(?:shares|stock|adrs?|the)\b|'s\b|[^\w]", " ", rest, flags=re.I).strip():
        return None  # "Micron revenue rose on HBM demand": a figure that moved, not the stock
    if m.group("way") or m.group("updown"):
        up = (m.group("way") or m.group("updown")).lower() in ("higher", "up")
    else:
        up = m.group("sign") == "+" if m.group("sign") else re.fullmatch(_UP, m.group("verb"), re.I) is not None
    pct = m.group("pct") or m.group("signed") or m.group("sized") or m.group("ud")
    about = (m.group("about") or m.group("sized_about") or m.group("ud_about") or "").strip().lower()
    if m.group("digits"):  # "jumps double digits": at least 10%
        pct, about = ("10" if m.group("digits").lower() == "double" else "100"), "at least"
    if pct is None and m.group("verb") and re.match(r"doubl|halv", m.group("verb"), re.I):
        pct = "100" if up else "50"  # "doubled": about +100%; "halved": about -50%
    return Reaction(tuple(dict.fromkeys(tickers)), up, float(pct) if pct else None,
                    m.group("news") or m.group("dated"), floor=about in ("more than", "over", "at least", ">"))


def reaction_items(store: Store, claim: Reaction, as_of: dt.date) -> list[Item]:
    """Each named stock's close-to-close move on the first session after the news, judged against the claim."""
    items = []
    for ticker in claim.tickers:
        news = find_news(store, ticker, claim.news, as_of)
        move = _move(store, ticker, news, as_of) if news else None
        if news is None or move is None:
            continue
        own_day = _move(store, ticker, replace(news, timing=SESSION), as_of) if news.timing is None else None
        if own_day and _fits(claim, own_day[2]) and not _fits(claim, move[2]):
            # the hour unknown: news before the open moved the stock on its own day ("AMD +24% on the OpenAI deal")
            move, news = own_day, replace(news, timing=_OWN_DAY)
        day, before, change, source = move
        observed = "match" if _fits(claim, change) else "mismatch"
        text, method = _described(ticker, change, day, before, news)
        items.append(Item(signal="market_reaction", text=text, date=day,
                          source=f"{source}; news dated by {news.source}", kind="derived", observed=observed,
                          weight=1.0, url=news.url, ticker=ticker, change=change, period=str(day), method=method))
    return items


def _described(ticker: str, change: float, day: dt.date, before: dt.date, news: News) -> tuple[str, str]:
    """The move as the evidence says it, and how it was derived."""
    moved = f"{ticker} closed {change * 100:+.2f}% on {day}"
    if news.timing == SESSION:
        return (f"{moved}, the session the claim names (against {before})",
                "derived: close on the session the claim names against the close before")
    if news.timing == _OWN_DAY:
        return (f"{moved} (against {before}), the day of \u201c{news.headline}\u201d",
                "derived: close on the news's own day against the close before (its hour unknown, and the move "
                "through the next session not the claim's)")
    when = "the first session after" if news.timing else "from before to after"  # the hour unknown: both
    return (f"{moved} (against {before}), {when} \u201c{news.headline}\u201d ({news.day})",
            "derived: close on the first session that could react against the close before"
            + ("" if news.timing else "; the news's hour unknown, so from the close before its day"))


def _fits(claim: Reaction, change: float) -> bool:
    """Whether a close-to-close change bears the claim out: its way, and its size."""
    return (change > 0) == claim.up and abs(change) >= 0.005 and _sized(claim, abs(change) * 100)


def _sized(claim: Reaction, moved: float) -> bool:
    """Whether the move, in percent, is the size the claim names: at least a floor it names, else near its size."""
    if claim.pct is None:
        return True
    if claim.floor:  # "more than 10%": a 9.99% fall is not one, however it rounds
        return moved >= claim.pct
    return abs(moved - claim.pct) <= max(1.5, 0.15 * claim.pct)  # "~60%" is not +46%


def _move(store: Store, ticker: str, news: News, as_of: dt.date) -> tuple[dt.date, dt.date, float, str] | None:
    rows = store.query("SELECT date, COALESCE(adj_close, close) AS px, series, source FROM stock_prices "
                       "WHERE ticker = ? AND date <= ? ORDER BY series, date", [ticker, as_of])
    if not rows:
        return None
    # one series at a time, never spliced: the longest that covers the news
    for series in sorted({r["series"] for r in rows}, key=lambda s: -sum(r["series"] == s for r in rows)):
        closes = {r["date"]: r["px"] for r in rows if r["series"] == series and r["px"]}
        sessions = sorted(closes)
        if news.timing == SESSION:  # "closed ~36% higher on Sept 10, 2025": that session against the one before
            if news.day not in closes or sessions.index(news.day) == 0:
                continue
            before = sessions[sessions.index(news.day) - 1]
            source = next(str(r["source"]) for r in rows if r["series"] == series and r["date"] == news.day)
            return news.day, before, closes[news.day] / closes[before] - 1, f"daily closes ({source})"
        day = market_events.day0_for(exchange_of(ticker), news.day, news.timing or "after_close", sessions)
        if news.timing is None:  # the hour unknown: from the close before its day through the next session known
            day = day or next((d for d in sessions if d >= news.day), None)
        if day is None or sessions.index(day) == 0 or (day - news.day).days > 5:
            continue
        before = sessions[sessions.index(day) - 1]
        if news.timing is None:
            before = max((d for d in sessions if d < news.day), default=before)
        source = next(str(r["source"]) for r in rows if r["series"] == series and r["date"] == day)
        return day, before, closes[day] / closes[before] - 1, f"daily closes ({source})"
    return None
