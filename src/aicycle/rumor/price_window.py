"""GPU rental prices over the window a headline names: "rose between mid-October and mid-November 2025",
"jump 30% in a month", "slid through 2024", "tops $4 an hour on October 5, 2026".

A window claim is answered by the series that has points at both of its ends (the one the headline names
first: a marketplace, an index, a provider), compared end to end, not by a year-on-year change of another
series; a dated level by the point of that day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from aicycle import rules
from aicycle.gpu import index as gi
from aicycle.rumor.evidence import Item, direction_of, pct, signed
from aicycle.rumor.market import source_match
from aicycle.store import Store

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH = (r"(?P<{p}part>early|mid|late)?[- ]?(?P<{p}month>" + "|".join(_MONTHS) + r")"
          r"(?:\s+(?P<{p}day>\d{{1,2}})(?!\d),?)?(?:\s+(?P<{p}year>20\d\d))?")
_BETWEEN = re.compile(r"\b(?:between|from)\s+" + _MONTH.format(p="a") + r"\s+(?:and|to)\s+" + _MONTH.format(p="b"),
                      re.I)
_ON_DAY = re.compile(r"\bon\s+(?P<month>" + "|".join(_MONTHS) + r")\s+(?P<day>\d{1,2}),?\s+(?P<year>20\d\d)", re.I)
_DAY_FIRST = re.compile(r"\bon\s+(?P<day>\d{1,2})\s+(?P<month>" + "|".join(_MONTHS) + r")\s+(?P<year>20\d\d)", re.I)
_IN_MONTH = re.compile(r"\b(?:in|during|for|as of)\s+(?:(?P<part>early|mid|late)[- ])?(?P<month>" + "|".join(_MONTHS)
                       + r")\s+(?P<year>20\d\d)", re.I)
_OVER = re.compile(r"\b(?:in|over|within)\s+(?:a|one|the|the past|the last|a single)\s+(?P<unit>week|month|quarter)\b",
                   re.I)
_TO = re.compile(r"\bto\s+" + _MONTH.format(p="c"), re.I)
_YEAR = re.compile(r"\b(?:through(?:out)?|during|over|across)\s+(?P<year>20\d\d)\b", re.I)
_DAYS = {"week": 7, "month": 30, "quarter": 91}
# "rebound 40% from the cycle low", "up from their October 2025 low": the series' lowest point before, not a date
_FROM_LOW = re.compile(r"\b(?:from|off)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}(?:lows?|bottom|trough)\b",
                       re.I)
_BY = re.compile(r"\bby\s+" + _MONTH.format(p="d"), re.I)
_STAT_RANK = {"index_level": 0, "published_median": 1, "segment_median": 2}
LOW = dt.date.min  # the start of a window that runs from the series' low
FROM_LOW_METHOD = "the latest point against the lowest of the eighteen months before it"
LATEST = dt.date.max  # the start of a "window" that is the series' latest point by its end
_LOW_LOOKBACK = 540  # days: a cycle low is looked for within the eighteen months before the window's end
_HINTS = (("marketplace", r"marketplace|market rate|offers?"), ("index", r"\bindex\b"),
          ("sfcompute", r"sf ?compute"), ("prime-intellect", r"prime intellect"), ("hyperscaler", r"hyperscaler"),
          ("neocloud", r"neo-?cloud"), ("vast", r"vast\.?ai"), ("cloud_list", r"list[- ]prices?|rate[- ]cards?"),
          ("1-year contract", r"\b(?:1|one)[- ]?(?:yr|year)\b"))


def claim_window(text: str, as_of: dt.date, level: bool = False) -> tuple[dt.date, dt.date] | None:
    """The (start, end) a headline names, or None: a day is a window of one day. A level claim in a named
    month ("below $1.50/hr in September 2026", "in mid-July 2026") is read at one day: the part of the month
    it names, or the month's latest day public by the as-of date."""
    if _FROM_LOW.search(text) and not level:
        by = _BY.search(text)
        end = _month_day(None, by["dmonth"], int(by["dyear"]) if by["dyear"] else as_of.year, whole="end") \
            if by else as_of
        return LOW, min(end, as_of)
    m = _ON_DAY.search(text) or _DAY_FIRST.search(text)
    if m:
        day = dt.date(int(m["year"]), _MONTHS[m["month"].lower()], int(m["day"]))
        return day, day
    in_month = _IN_MONTH.search(text)
    if in_month and level:
        name, year = in_month["month"], int(in_month["year"])
        last = _month_day(None, name, year, whole="end")
        day = _month_day(in_month["part"], name, year) if in_month["part"] else min(last, as_of)
        return day, day
    m = _BETWEEN.search(text)
    if m:
        end_year = int(m["byear"]) if m["byear"] else as_of.year
        end = _month_day(m["bpart"], m["bmonth"], end_year, whole="end", day=m["bday"])
        start_year = int(m["ayear"]) if m["ayear"] else end_year - (_MONTHS[m["amonth"].lower()]
                                                                      > _MONTHS[m["bmonth"].lower()])
        return _month_day(m["apart"], m["amonth"], start_year, whole="start", day=m["aday"]), end
    m = _OVER.search(text)
    if m:
        to = _TO.search(text)
        end = _month_day(to["cpart"], to["cmonth"], int(to["cyear"]) if to["cyear"] else as_of.year) if to else as_of
        return end - dt.timedelta(days=_DAYS[m["unit"].lower()]), end
    if in_month and not in_month["part"]:  # "fall in December 2026": the month, end against start
        name, year = in_month["month"], int(in_month["year"])
        start, end = _month_day(None, name, year, whole="start"), _month_day(None, name, year, whole="end")
        return start, (as_of if start < as_of < end else end)  # said within the month: the month so far
    m = _YEAR.search(text)
    if m:
        year = int(m["year"])
        return dt.date(year, 1, 1), min(dt.date(year, 12, 31), as_of)
    return None


def _month_day(part: str | None, month: str, year: int, whole: str = "", day: str | None = None) -> dt.date:
    """A day of a month: the day named ("Oct 19"), the part named ("mid-October"), else its first or last day
    for the start or the end of a window of whole months ("between December 2025 and May 2026"), else the
    middle."""
    number = _MONTHS[month.lower()]
    if day and 1 <= int(day) <= calendar.monthrange(year, number)[1]:
        return dt.date(year, number, int(day))
    if part is None and whole:
        return dt.date(year, number, 1 if whole == "start" else calendar.monthrange(year, number)[1])
    return dt.date(year, number, {"early": 5, "mid": 15, "late": 25}.get((part or "mid").lower(), 15))


def wanted_sources(text: str) -> tuple[str, ...]:
    named = tuple(name for name, pattern in _HINTS if re.search(pattern, text, re.I))
    # "list-price index": the index of published rate cards, not the marketplace indexes
    return tuple(n for n in named if n != "index") if "cloud_list" in named else named


def window_items(store: Store, as_of: dt.date, window: tuple[dt.date, dt.date], skus: tuple[str, ...],
                 terms: tuple[str, ...], hints: tuple[str, ...], variant: str | None) -> list[Item]:
    """The best series with points at both ends of the window (or at its one day), end against start."""
    start, end = window
    # "over Oct-Nov 2025", said in mid-November: the month so far, where a series has a point in it by then
    so_far = end > as_of and (end.year, end.month) == (as_of.year, as_of.month) \
        and end.day == calendar.monthrange(end.year, end.month)[1]
    if end > as_of and not so_far:
        return []  # the window had not closed by the as-of date: nothing public answers it yet
    end = min(end, as_of)
    tolerance = 31 if start == LOW else max(3, (end - start).days // 5)
    found: list[tuple[tuple[float, int, int, bool, int], Item]] = []
    for line in gi.lines(store, as_of):
        if skus and not any(s in line.sku.upper() for s in skus) or terms and line.term not in terms:
            continue
        points = sorted((p for p in line.points if p.day <= as_of), key=lambda p: p.day)
        if so_far:
            if not any((p.day.year, p.day.month) == (end.year, end.month) for p in points):
                continue  # a monthly series whose point for the month is still to come
        item = _compare(line, points, start, end, tolerance)
        if item is not None:
            # the source's own statistic before a median recomputed from its quotes
            # for a line's latest level with no source named, the most market-wide statistic first
            market_wide = _STAT_RANK.get(line.stat or "", len(_STAT_RANK)) if start == LATEST and not hints else 0
            rank = (-source_match(line, hints), -(variant is not None and variant in line.sku.upper()),
                    market_wide, line.kind == "computed", -len(points))
            found.append((rank, item))
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found[:1]]


def record_items(store: Store, as_of: dt.date, day: dt.date, skus: tuple[str, ...], terms: tuple[str, ...],
                 hints: tuple[str, ...], low: bool = False) -> list[Item]:
    """"Hit an all-time high in August 2026": the series' point nearest that day against every point before it, in
    the longest series with a point within a week of the day and a year of history before it; with `low`, "a new
    cycle low": against the lowest before it."""
    day = min(day, as_of)
    best: tuple[tuple[float, int], Item] | None = None
    for line in gi.lines(store, as_of):
        if skus and not any(s in line.sku.upper() for s in skus) or terms and line.term not in terms:
            continue
        points = sorted((p for p in line.points if p.day <= as_of), key=lambda p: p.day)
        near = [p for p in points if abs((p.day - day).days) <= 7]
        if not near:
            continue
        last = min(near, key=lambda p: abs((p.day - day).days))
        earlier = [p for p in points if p.day < last.day]
        if not earlier or (last.day - earlier[0].day).days < 365:
            continue
        if low:
            trough = min(earlier, key=lambda p: p.value)
            new_low = last.value < trough.value
            observed = "down" if new_low else "up"
            said = "below every earlier point" if new_low else f"above its low of ${trough.value:.2f} on {trough.day}"
        else:
            peak = max(earlier, key=lambda p: p.value)
            observed = "up" if last.value > peak.value else "down"
            said = "above every earlier point" if observed == "up" else \
                f"below its high of ${peak.value:.2f} on {peak.day}"
        text = f"{line.name}: ${last.value:.2f}/GPU-hour on {last.day}, {said} (since {earlier[0].day})"
        item = Item(signal="gpu_price_trend", text=text, date=last.day, source="; ".join(last.sources) or line.name,
                    kind="derived" if line.kind == "computed" else "reported", observed=observed,
                    weight=0.9, value=last.value, unit="USD/GPU-hour", period=f"{earlier[0].day}..{last.day}",
                    url=last.url, method=f"the point against the {'lowest' if low else 'highest'} before it in "
                                         f"the same series; family {line.family}")
        rank = (-source_match(line, hints), -len(points))
        if best is None or rank < best[0]:
            best = (rank, item)
    return [best[1]] if best else []


def _compare(line: gi.Line, points: list[gi.Point], start: dt.date, end: dt.date, tolerance: int) -> Item | None:
    if start == LATEST:  # "the index tops $6": its latest point, however often it is published
        near_end = [p for p in points if 0 <= (end - p.day).days <= rules.RUMOR_PRICE_STALE_DAYS]
        start = end = max(near_end, key=lambda p: p.day).day if near_end else end
    else:
        near_end = [p for p in points if abs((p.day - end).days) <= tolerance]
    if not near_end:
        return None
    last = min(near_end, key=lambda p: abs((p.day - end).days))
    source = "; ".join(last.sources) or line.name
    kind = "derived" if line.kind == "computed" else "reported"
    if start == end:
        text = f"{line.name}: ${last.value:.2f}/GPU-hour on {last.day}"
        return Item(signal="gpu_price_trend", text=text, date=last.day, source=source, kind=kind, observed=None,
                    weight=0.9, value=last.value, unit="USD/GPU-hour", period=str(last.day), url=last.url,
                    method=f"the point of the day the claim names; family {line.family}")
    if start == LOW:
        before = [p for p in points if last.day - dt.timedelta(days=_LOW_LOOKBACK) <= p.day < last.day]
        if not before:
            return None
        first = min(before, key=lambda p: p.value)
        against = f"its low of ${first.value:.2f} on {first.day}"
    else:
        # a window from a whole month ("from October to mid-November") starts at that month's first point
        month = (start.year, start.month) if start.day == 1 else None
        near_start = [p for p in points if p.day < last.day and (abs((p.day - start).days) <= tolerance
                                                                 or (p.day.year, p.day.month) == month)]
        if not near_start:
            return None
        first = min(near_start, key=lambda p: abs((p.day - start).days))
        against = f"${first.value:.2f} on {first.day}, the window the claim names"
    change = pct(last.value, first.value)
    text = f"{line.name}: ${last.value:.2f}/GPU-hour on {last.day} vs {against} ({signed(change)})"
    short = (last.day - first.day).days <= 45  # a month's move ("slid in April") is the claim; a longer one is noisier
    observed = direction_of(change, rules.RUMOR_WINDOW_PRICE_BAND if short else rules.RUMOR_PRICE_BAND)
    if start == LOW and observed != "up":
        observed = None  # measured from its low a price cannot have fallen: no rise yet is not evidence against
    return Item(signal="gpu_price_trend", text=text, date=last.day, source=source, kind=kind,
                observed=observed, weight=0.9, value=last.value,
                unit="USD/GPU-hour", period=f"{first.day}..{last.day}", url=last.url, change=change,
                method=(FROM_LOW_METHOD if start == LOW
                        else "end of the window against its start") + f"; family {line.family}")
