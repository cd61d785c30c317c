"""The dated news a stock-move claim names, public by the as-of date: a stored market event ("the Meta Compute
report"), a deal in the compute-contracts ledger ("on the Microsoft deal"), or the company's own results ("the day
after its Q2 print"), dated by the first public figure for the latest quarter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from aicycle import contracts as ledger
from aicycle.market.prices import exchange_of
from aicycle.rumor import vocab
from aicycle.rumor.parse import named_companies
from aicycle.rumor.records import named, party_names
from aicycle.store import Store

_STOP = {"the", "a", "an", "its", "it", "on", "after", "in", "of", "to", "report", "reports", "news", "said", "says",
         "day", "session"}
# "after its Q2 report" is results; "on report it will rent out idle compute" is a news story
_RESULTS = re.compile(r"\b(?:print|results?|earnings|numbers|beat|miss|reported|quarter|qtr|guidance|guide|"
                      r"capex|outlook|call|spending|forecast)\b|\bf?q[1-4]\b|"
                      r"\b(?:its|their|quarterly|earnings)\b[\w ,]{0,20}\breports?\b", re.I)
_DEAL = re.compile(r"\b(?:deals?|contracts?|pacts?|agreements?|partnerships?|tie-?ups?)\b", re.I)
_YEAR_GUIDE = re.compile(r"\b(20\d\d)\s+(?:capex|capital spending|spending)\s+(?:guid\w*|outlook|forecast|plan)\b",
                         re.I)
# "after lifting its 2026 capex guidance": the guide that moved, the latest one, not the year's first
_REVISED = re.compile(r"\b(?:rais|lift|boost|hik|cut|lower|trim|slash|reduc|increas|narrow)\w*", re.I)
_RECENT_DEAL_DAYS = 14  # "on cloud-contract news" with no party named: a deal of the days just before
_RESULTS_LAG_DAYS = 100  # a quarter's figures come out within about three months of its end


SESSION = "session"  # the claim names the session itself: its close against the one before
_MONTHS = tuple(m[:3] for m in vocab.MONTHS)
# "Sept 10, 2025", "Sept 10 '25", "Sept 10" (the latest such day by the as-of date), "2025-09-10"
_DAY = re.compile(rf"^(?:(?P<mon>{'|'.join(_MONTHS)})[a-z]*\.?\s+(?P<d>\d{{1,2}})"
                  r"(?:st|nd|rd|th)?(?:,?\s+(?P<y>20\d\d)|\s+['\u2019](?P<yy>\d\d))?(?![\w$%])"
                  r"|(?P<iso>20\d\d-\d\d-\d\d)\b"
                  rf"|(?P<d1>\d{{1,2}})\s+(?P<mon1>{'|'.join(_MONTHS)})[a-z]*\.?,?\s+(?P<y1>20\d\d)\b)", re.I)


def _named_day(words: str, as_of: dt.date) -> dt.date | None:
    m = _DAY.match(words.strip())
    if m is None:
        return None
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        if m.group("d1"):  # "10 September 2025"
            return dt.date(int(m.group("y1")), _MONTHS.index(m.group("mon1").lower()) + 1, int(m.group("d1")))
        month, day = _MONTHS.index(m.group("mon").lower()) + 1, int(m.group("d"))
        if m.group("y") or m.group("yy"):
            return dt.date(int(m.group("y") or 2000 + int(m.group("yy"))), month, day)
        this_year = dt.date(as_of.year, month, day)
        return this_year if this_year <= as_of else dt.date(as_of.year - 1, month, day)
    except ValueError:  # "Feb 30, 2026"
        return None


@dataclass(frozen=True)
class News:
    day: dt.date
    timing: str | None  # before_open | during | after_close | weekend; None when the hour is not known
    headline: str
    source: str
    url: str | None = None


def find_news(store: Store, ticker: str, words: str, as_of: dt.date) -> News | None:
    """The news the words name for this stock: a day the claim names ("on Sept 10, 2025"), else a stored event, then
    a deal, then the company's results."""
    named_day = _named_day(words, as_of)
    if named_day is not None:
        return News(named_day, SESSION, f"the session of {named_day}", "the claim's own date") \
            if named_day <= as_of else None
    event = _event(store, words, ticker, as_of)
    if event is not None:
        return News(event["news_date"], event["timing"], event["headline"], str(event["source"]), event.get("url"))
    if _DEAL.search(words):
        deal = _deal(store, ticker, words, as_of)
        # "on the Meta deal day": the session of the deal's day, not from the close before it to the next
        return replace(deal, timing=SESSION) if deal and re.search(r"\bday\b", words, re.I) else deal
    guide = _YEAR_GUIDE.search(words)
    if guide:  # "as 2026 capex guide spooks investors": the day the first guide for that year came out
        return _guide(store, ticker, int(guide.group(1)), as_of, latest=_REVISED.search(words) is not None)
    if _RESULTS.search(words):
        return _results(store, ticker, as_of)
    return None


def _event(store: Store, news: str, ticker: str, as_of: dt.date) -> dict[str, Any] | None:
    """The stored event the claim's words name best, public by the as-of date: two words in common at least with
    its name and headline, or the outside company it is about ("NVDA -17% on DeepSeek Monday")."""
    words = _stems(news)
    best, score = None, 0
    for row in store.query("SELECT * FROM events WHERE news_date <= ? ORDER BY news_date", [as_of]):
        # the event's name and headline must carry two of the claim's words; its description breaks ties
        hits_named = len(words & _stems(f"{row['event_id'].replace('_', ' ')} {row['headline']}"))
        hits = 2 * hits_named + len(words & _stems(row.get("description") or ""))
        company = row.get("company") or ""
        outsider = _stems(company) <= words and not _is_company(ticker, company)
        if company and not _is_company(ticker, company) and not _stems(company) & words:
            continue  # "Alphabet shares rose after it lifted capex": Meta's raise is not the news it names
        if (hits_named >= min(2, len(words)) or outsider and hits_named) and hits > score:
            best, score = row, hits
    return best


def _is_company(ticker: str, name: str) -> bool:
    return bool(name) and any(t == ticker for t, _ in named_companies(name))


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}


def _deal(store: Store, ticker: str, words: str, as_of: dt.date) -> News | None:
    """The latest deal of this company with a party the words name ("on the Microsoft deal"), or with anyone in the
    days just before when they name none; the ledger gives the day, not the hour."""
    deals = [d for d in ledger.as_of(store, as_of) if ticker in (d.buyer_ticker, d.seller_ticker)]
    if named_companies(words):
        deals = [d for d in deals if named(party_names(d.seller if d.buyer_ticker == ticker else d.buyer), words)]
    else:  # "on cloud-contract news": the company's deal of the days just before, if there is one
        deals = [d for d in deals if (as_of - d.announced_on).days <= _RECENT_DEAL_DAYS]
    if not deals:
        return None
    deal = max(deals, key=lambda d: d.announced_on)
    return News(deal.announced_on, None, f"{deal.buyer} / {deal.seller} deal", f"compute-contracts ledger "
                f"({deal.source})", deal.url)


def _guide(store: Store, ticker: str, year: int, as_of: dt.date, latest: bool) -> News | None:
    """The first public capex guide for a year, or the latest (a revision): its day, or None before there was one."""
    rows = store.query("SELECT metric, value, filed, source FROM facts WHERE ticker = ? AND metric LIKE "
                       "'capex_guidance%' AND year(period_end) = ? AND filed <= ? ORDER BY filed",
                       [ticker, year, as_of])
    if not rows:
        return None
    # the latest guide came out when its figure was first given (a later copy of it is not the news)
    same = [r for r in rows if (r["metric"], r["value"]) == (rows[-1]["metric"], rows[-1]["value"])]
    row, which = (same[0], "latest") if latest else (rows[0], "first")
    timing = "after_close" if exchange_of(ticker) != "KRX" else None
    return News(row["filed"], timing, f"{ticker}'s {which} {year} capex guide",
                f"{which} public capex guide for {year} ({row['source']})")


def _results(store: Store, ticker: str, as_of: dt.date) -> News | None:
    """The latest quarter's results: the day its first figure became public. US companies report after the close."""
    rows = store.query("SELECT period_end, filed, source FROM facts WHERE ticker = ? AND filed <= ? AND "
                       "period_end < filed AND filed - period_end <= ? ORDER BY period_end",
                       [ticker, as_of, _RESULTS_LAG_DAYS])
    if not rows:
        return None
    latest = rows[-1]["period_end"]
    quarter = [r for r in rows if (latest - r["period_end"]).days <= 10]
    first = min(quarter, key=lambda r: r["filed"])
    timing = "after_close" if exchange_of(ticker) != "KRX" else None
    return News(first["filed"], timing, f"{ticker} results for the quarter ended {latest}",
                f"first public figure for the quarter ({first['source']})")
