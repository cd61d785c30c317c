"""Returns around an event, per security, from the store: day 0 on the security's own exchange,
one adjusted series per return series, the market aligned to what was known at the security's close.

Alignment: a security's return on session s is compared with the market's return up to the last
market close at or before s's close. KRX closes (06:30 UTC) before the US opens, so a Seoul stock
on day s is paired with the US market's move up to the US session before s: the market is lagged
one session (the data has no KOSPI series; the output says so).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aicycle.errors import InputError
from aicycle.eventstudy.spec import Spec
from aicycle.market import prices
from aicycle.market.events import Event, day0_for
from aicycle.store import Store

CLOSE_UTC = {"KRX": 6.5, "US": 20.0}   # hours; only the order matters


@dataclass
class SecurityReturns:
    ticker: str
    exchange: str
    day0: dt.date
    series: str
    url: str | None
    days: np.ndarray              # relative days est_lo .. path end
    dates: list[dt.date | None]
    r: np.ndarray                 # security returns (NaN = missing)
    m: np.ndarray                 # market returns aligned (NaN for constant_mean / missing)
    flags: list[str | None]
    excluded: int = 0             # flagged estimation returns left out
    market_series: str | None = None
    notes: list[str] = field(default_factory=list)


class Context:
    """Caches calendars and the market series across the securities of one study."""

    def __init__(self, store: Store, spec: Spec) -> None:
        self.store = store
        self.spec = spec
        self._sessions: dict[str, list[dt.date]] = {}

    def sessions(self, exchange: str) -> list[dt.date]:
        if exchange not in self._sessions:
            self._sessions[exchange] = prices.sessions(self.store, exchange)
        return self._sessions[exchange]


def security_returns(ctx: Context, ticker: str, event: Event) -> SecurityReturns:
    """Aligned returns for one security, or an InputError naming what is missing."""
    spec = ctx.spec
    exchange = prices.exchange_of(ticker)
    cal = ctx.sessions(exchange)
    if not cal:
        raise InputError(f"{ticker}: no {exchange} sessions in the stored prices")
    d0 = day0_for(exchange, event.date, event.timing, cal)
    if event.date < cal[0] or d0 is None:
        raise InputError(f"{ticker}: date {event.date} is outside the {exchange} price data "
                         f"({cal[0]} .. {cal[-1]})")
    i0 = cal.index(d0)
    est_lo, _ = spec.estimation_window
    a, b = spec.window
    first = i0 + est_lo - 1                      # one more close: the first return needs it
    if first < 0:
        raise InputError(f"{ticker}: estimation window too short: {spec.estimation} sessions ending "
                         f"{spec.gap + 1} before day 0 ({d0}) need data from before {cal[0]}, the first "
                         f"{exchange} session stored")
    if i0 + b >= len(cal):
        raise InputError(f"{ticker}: event window {a},{b} around day 0 {d0} runs past the last "
                         f"{exchange} session in the data ({cal[-1]})")
    last = min(i0 + max(b, spec.after), len(cal) - 1)
    own = prices.adjusted_series(ctx.store, ticker, cal[first], cal[i0 + b])
    if own is None:
        raise InputError(_no_series(ctx.store, ticker, cal[first], cal[i0 + b]))
    px = dict(zip(own["dates"], own["adj_close"], strict=False))
    fl = dict(zip(own["dates"], own["flags"], strict=False))
    window_dates = cal[first:last + 1]
    if d0 not in px:
        raise InputError(f"{ticker}: no price on day 0 ({d0}) in series {own['series']}")
    p = np.array([px.get(d, np.nan) for d in window_dates], dtype=float)
    r = p[1:] / p[:-1] - 1.0
    flags = [fl.get(d) for d in window_dates[1:]]
    days = np.arange(est_lo, est_lo + len(r))
    out = SecurityReturns(ticker=ticker, exchange=exchange, day0=d0, series=own["series"], url=own["url"],
                          days=days, dates=list(window_dates[1:]), r=r, m=np.full_like(r, np.nan),
                          flags=flags)
    if spec.model != "constant_mean":
        _attach_market(ctx, out, window_dates)
    return out


def _attach_market(ctx: Context, sec: SecurityReturns, window_dates: list[dt.date]) -> None:
    market = ctx.spec.market
    m_exchange = prices.exchange_of(market)
    m_cal = ctx.sessions(m_exchange)
    strict = CLOSE_UTC[sec.exchange] < CLOSE_UTC[m_exchange]
    aligned = []
    for d in window_dates:
        i = bisect.bisect_left(m_cal, d) if strict else bisect.bisect_right(m_cal, d)
        aligned.append(m_cal[i - 1] if i > 0 else None)
    known = [d for d in aligned if d is not None]
    if not known:
        raise InputError(f"market {market}: no sessions before {window_dates[0]}")
    a, b = ctx.spec.window
    need_last = aligned[sec.days.tolist().index(b) + 1]
    series = prices.adjusted_series(ctx.store, market, known[0], need_last or known[-1])
    if series is None:
        raise InputError(f"market {market}: " + _no_series(ctx.store, market, known[0], need_last or known[-1]))
    px = dict(zip(series["dates"], series["adj_close"], strict=False))
    p = np.array([px.get(d, np.nan) if d is not None else np.nan for d in aligned], dtype=float)
    sec.m = p[1:] / p[:-1] - 1.0
    sec.market_series = series["series"]
    if strict:
        sec.notes.append(f"market {market} lagged one session: {sec.exchange} closes before "
                         f"{m_exchange} opens (no local index for {sec.exchange} in the data)")


def _no_series(store: Store, ticker: str, first: dt.date, last: dt.date) -> str:
    have = prices.available_series(store, ticker)
    if not have:
        return f"{ticker}: no prices stored around {last} (no adjusted series at all)"
    if all(h["first"] > first for h in have) and any(h["last"] >= last for h in have):
        earliest = min(h["first"] for h in have)
        return (f"{ticker}: estimation window too short: prices start {earliest}, the estimation "
                f"window needs them from {first}")
    spans = "; ".join(f"{h['series']} {h['first']}..{h['last']}" for h in have)
    return f"{ticker}: no single adjusted series covers {first}..{last} (stored: {spans})"


def split(sec: SecurityReturns, spec: Spec) -> dict[str, Any]:
    """Estimation and event-window slices; flagged estimation returns become NaN (and are counted)."""
    est_lo, est_hi = spec.estimation_window
    a, b = spec.window
    days = sec.days
    est = (days >= est_lo) & (days <= est_hi)
    evt = (days >= a) & (days <= b)
    r_est = sec.r[est].copy()
    flagged = np.array([f is not None for f in np.array(sec.flags, dtype=object)[est]], dtype=bool)
    sec.excluded = int((flagged & np.isfinite(r_est)).sum())
    r_est[flagged] = np.nan
    return {"r_est": r_est, "m_est": sec.m[est], "r_evt": sec.r[evt], "m_evt": sec.m[evt],
            "r_path": sec.r[days >= a], "m_path": sec.m[days >= a]}
