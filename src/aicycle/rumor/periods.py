"""The period a claim names, resolved against the as-of date: a year ("2026", "next year", "FY27"), a quarter
("Q2", "the June quarter", "fiscal Q1 2027"), and the stored key of a named quarter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle import universe
from aicycle.language.loader import FISCAL_YEAR_END_MONTH as SUPPLY_CHAIN_FISCAL_YEAR_END
from aicycle.language.loader import quarter_end as fiscal_quarter_end
from aicycle.rumor import vocab


@dataclass
class Period:
    year: int | None = None
    quarter: int | None = None
    fiscal: bool = False
    label: str | None = None
    resolved_from: str | None = None  # "next year" -> 2027 (as of 2026-08-01)
    results_of: Period | None = None  # "trims its guide at Q2 results": the quarter whose results the claim awaits

    def quarter_key(self) -> tuple[str, str] | None:
        """The stored column and value of the named quarter ('fiscal_period', 'FY2027Q1'), if one is named."""
        if self.quarter is None or self.year is None:
            return None
        if self.fiscal:
            return "fiscal_period", f"FY{self.year}Q{self.quarter}"
        return "calendar_quarter", f"{self.year}Q{self.quarter}"


def read_period(text: str, as_of: dt.date, fiscal_year_end_month: int = 12) -> Period:
    """`fiscal_year_end_month` is the subject's: "fiscal Q3" with no year is its fiscal quarter nearest the
    as-of date."""
    tagged = _RESULTS_TAG.match(text)
    if tagged and re.search(r"\b20[2-3]\d\b|\bFY\s?'?\d{2}\b", tagged.group("rest"), re.I):
        # "Alphabet Q3: 2025 capex guide lifted", "Meta Q4 flash: FY26 capex guided ...": the quarter's results are
        # the occasion; the year after the tag is what the claim is about
        period = read_period(tagged.group("rest"), as_of, fiscal_year_end_month)
        if period.quarter is None and period.year is not None:
            occasion = Period(quarter=int(tagged.group("q")), fiscal=bool(tagged.group("fiscal")))
            _nearest_quarter(occasion, text, as_of, fiscal_year_end_month)
            period.results_of = occasion
            return period
    period = Period()
    fiscal = re.search(vocab.FISCAL_YEAR, text, re.I)
    if fiscal:
        raw = (fiscal.group(1) or fiscal.group(2)).lstrip("'")
        period.year, period.fiscal = (2000 + int(raw) if len(raw) == 2 else int(raw)), True
    else:
        years = re.findall(r"\b(20[2-3]\d)\b", text)
        period.year = int(years[0]) if years else None
    if period.year is None:
        for pattern, offset in vocab.RELATIVE_YEARS:
            m = re.search(rf"\b(?:{pattern})\b", text, re.I)
            if m:
                period.year = as_of.year + offset
                period.resolved_from = f"'{m.group(0)}' as of {as_of.isoformat()}"
                break
    _read_quarter(period, text, as_of)
    span = _MONTH_SPAN.search(text) if period.quarter is None else None
    if span and span.group(2).lower()[:3] in _QUARTER_LAST_MONTH:  # "July-Sept 2025": the calendar third quarter
        period.quarter, period.fiscal = _QUARTER_LAST_MONTH[span.group(2).lower()[:3]], False
        # no year named: the latest such calendar quarter to have ended by the as-of date
        period.year = int(span.group(3)) if span.group(3) else \
            as_of.year - (dt.date(as_of.year, 3 * period.quarter, 28) > as_of)
    off_month = _OFF_MONTH_QUARTER.search(text)
    if period.quarter is None and off_month and fiscal_year_end_month != 12:
        # "Micron's May-quarter revenue": the fiscal quarter ending that month
        month = _MONTH_NUMBER[off_month.group(1).lower()]
        if (fiscal_year_end_month - month) % 3 == 0:
            period.quarter = 4 - (fiscal_year_end_month - month) % 12 // 3
            if off_month.group(2):  # "the April 2026 quarter": the fiscal quarter ending in that month
                period.year, period.fiscal = None, True
                _nearest_quarter(period, text, dt.date(int(off_month.group(2)), month, 28), fiscal_year_end_month)
                period.resolved_from = None
    occasion_words = _OCCASION.search(text)
    if period.quarter and occasion_words:
        # "trims its 2026 guide at Q2 results": the occasion, not the period; it must have happened by as_of
        # ("at June-quarter results": the calendar's quarter ending in June, whatever the company's year)
        calendar = bool(re.search(r"(?:march|june|september|december)[- ]quarter", occasion_words.group(0), re.I))
        occasion = Period(quarter=period.quarter, fiscal=period.fiscal and not calendar)
        _nearest_quarter(occasion, text, as_of, 12 if calendar else fiscal_year_end_month)
        period.results_of, period.quarter = occasion, None
    if period.quarter and period.year is None:
        _nearest_quarter(period, text, as_of, fiscal_year_end_month)
    if period.year is not None:
        period.label = ("FY" if period.fiscal else "") + str(period.year)
        if period.quarter:
            period.label = f"Q{period.quarter} {period.label}"
    return period


def _read_quarter(period: Period, text: str, as_of: dt.date) -> None:
    """The quarter a claim names: "Q2", "the second quarter", "the June quarter" (with no year, the one
    nearest the as-of date) or a fiscal quarter ("fiscal Q1 2027", which also sets the fiscal year)."""
    named = list(re.finditer(vocab.QUARTER, text, re.I))
    # "fell from the December quarter to the March quarter", "Q2 capex fell from Q1", "has risen every quarter since
    # Q1 2025, to $2.58bn in Q2 2026": the quarter it came from is not the one the claim is about
    named = [m for m in named if not re.search(r"\b(?:from|since) (?:the )?$", text[:m.start()], re.I)] or named
    quarter = named[0] if named else None
    if quarter:
        period.quarter = int(quarter.group(1)) if quarter.group(1) else vocab.ORDINALS[quarter.group(2).lower()]
        named_year = re.search(r"\b(20\d\d)", quarter.group(0)) or re.match(r"\s+(20\d\d)\b", text[quarter.end():])
        if named_year and not period.fiscal:  # "the December 2025 quarter", "to $2.58bn in Q2 2026"
            period.year = int(named_year.group(1))
    if quarter and period.year is None and not period.fiscal and quarter.group(2) \
            and quarter.group(2).lower() in ("march", "june", "september", "december"):
        # "the June quarter" with no year: the June quarter nearest the as-of date
        q = vocab.ORDINALS[quarter.group(2).lower()]
        period.year = min((as_of.year - 1, as_of.year, as_of.year + 1),
                          key=lambda y: abs((dt.date(y, 3 * q, 28) - as_of).days))
        period.resolved_from = f"'{quarter.group(0)}' as of {as_of.isoformat()}"
    mid = _MID_YEAR.search(text) if quarter is None else None
    if mid:
        period.quarter, period.year = 2, int(mid.group(1))
    ended = _ENDED.search(text) if quarter is None and mid is None else None
    if ended:  # "RPO ended December above $600bn", "backlog ended 2025 above $200bn": that quarter's end
        q = vocab.ORDINALS[ended.group(1).lower()] if ended.group(1) else 4
        period.quarter, year_named = q, ended.group(2) or ended.group(3)
        if year_named:
            period.year = int(year_named)
        elif period.year is None:
            period.year = min((as_of.year - 1, as_of.year, as_of.year + 1),
                              key=lambda y: abs((dt.date(y, 3 * q, 28) - as_of).days))
            period.resolved_from = f"'{ended.group(0)}' as of {as_of.isoformat()}"
    day_end = _QUARTER_DAY.search(text) if quarter is None and not ended else None
    if day_end:  # "as of March 31, 2026": the balance at that quarter's end
        period.quarter, period.year = vocab.ORDINALS[day_end.group(1).lower()], int(day_end.group(2))
    year_end = _FISCAL_YEAR_END.search(text) if quarter is None else None
    if year_end:  # "at fiscal 2026 year-end": the balance at the end of that fiscal year's fourth quarter
        raw = year_end.group(1)
        period.quarter, period.year, period.fiscal = 4, 2000 + int(raw) if len(raw) == 2 else int(raw), True
    fiscal_quarter = re.search(vocab.FISCAL_QUARTER, text, re.I)
    if fiscal_quarter:
        number, word, raw = fiscal_quarter.groups()
        period.quarter = int(number) if number else vocab.ORDINALS[word.lower()]
        period.year, period.fiscal = (2000 + int(raw) if len(raw) == 2 else int(raw)), True


# "ended December", "ended 2025": a level as it stood then (not "by the end of 2026", a deadline)
# "year-end 2025 backlog": the balance at December 2025 (not "by year-end 2026", a deadline, nor "its year-end 2026
# ARR target", a goal)
_ENDED = re.compile(r"\b(?:ended|ending|(?<!by )year[- ]end(?=\s+20\d\d(?!\s+(?:[\w$.~-]+\s+){0,3}(?:targets?|goals?|"
                    r"guid\w*|outlook|forecasts?|plans?|aims?)\b)))\s+(?:(march|june|september|december)(?:\s+(20\d\d))?|"
                    r"(20\d\d))\b", re.I)
_QUARTER_DAY = re.compile(r"\b(?:as of|at|on)\s+(march|june|september|december)\s+3[01],?\s+(20\d\d)\b", re.I)
_FISCAL_YEAR_END = re.compile(r"(?<!by )\bfiscal (?:year )?(20\d\d|'?\d\d) year[- ]end\b", re.I)
# "tops $100bn at mid-2026": the level at the end of June; not "sold out through mid-2026", a span
_MID_YEAR = re.compile(r"(?<!through )(?<!until )(?<!till )(?<!into )(?<!to )\bmid[- ](?:year[- ])?(20\d\d)\b", re.I)
_MONTH_NUMBER = {"january": 1, "february": 2, "april": 4, "may": 5, "july": 7, "august": 8, "october": 10,
                 "november": 11}
# "July-Sept 2025", "Oct.–Dec. 2025": a calendar quarter named by its first and last months
_MONTH_SPAN = re.compile(r"\b(jan|apr|jul|oct)[a-z]*\.?(?:\s?[-\u2013/]\s?|\s+to\s+)(mar|jun|sep|dec)[a-z]*\.?"
                         r"(?:\s+(20\d\d))?\b", re.I)
_QUARTER_LAST_MONTH = {"mar": 1, "jun": 2, "sep": 3, "dec": 4}
_OFF_MONTH_QUARTER = re.compile(r"\b(" + "|".join(_MONTH_NUMBER) + r")(?:[- ](20\d\d))?[- ]quarter\b", re.I)
# a headline's results tag before a colon: "Alphabet Q3:", "Meta Q4 flash:", "MU fiscal Q1 beat;"
_RESULTS_TAG = re.compile(r"^[^:;]{0,40}?\b(?P<fiscal>fiscal\s+)?Q(?P<q>[1-4])(?:\s+(?:FY\s?)?'?\d{2,4})?"
                          r"(?:\s+(?:flash|print|results|earnings|beat|miss|recap|update|report|call))?\s*[:;]\s+(?P<rest>.+)$",
                          re.I)
_OCCASION = re.compile(r"\b(?:at|with|on|after|in)\s+(?:its|the|their)?\s*(?:fiscal\s+)?(?:q[1-4]|(?:first|second|"
                       rf"third|fourth|{'|'.join(vocab.MONTHS)})[- ]quarter)(?:\s+20\d\d)?\s+"
                       r"(?:results|earnings|report|call|print|update)\b", re.I)


def _nearest_quarter(period: Period, text: str, as_of: dt.date, fye_month: int) -> None:
    """'Second-quarter capex', 'fiscal Q3' with no year: the quarter of that number ending nearest the as-of
    date, in the company's fiscal calendar when its year does not end in December."""
    q = period.quarter
    assert q is not None
    years = range(as_of.year - 1, as_of.year + 3)
    period.year = min(years, key=lambda y: abs((fiscal_quarter_end(y, q, fye_month).replace(day=28) - as_of).days))
    period.fiscal = period.fiscal or fye_month != 12
    period.resolved_from = f"'Q{q}' as of {as_of.isoformat()}"


def fiscal_year_end_month(tickers: list[str]) -> int | None:
    """The month the fiscal year of the one company a claim names ends in (None: no single known company)."""
    # the universe's companies, then the supply chain whose calls the project carries (Supermicro: June)
    known = {**SUPPLY_CHAIN_FISCAL_YEAR_END, **{c.ticker: c.fiscal_year_end_month for c in universe.companies()}}
    return known[tickers[0]] if len(tickers) == 1 and tickers[0] in known else None


def quarter_end(period: Period, tickers: list[str]) -> dt.date | None:
    """The last day of the quarter a claim names, in the company's fiscal calendar for a fiscal quarter
    (NVIDIA's fiscal Q1 2027 ends in April 2026); None when no quarter, or no company's calendar, is known."""
    if period.quarter is None or period.year is None:
        return None
    fye_month = fiscal_year_end_month(tickers) if period.fiscal else 12
    return None if fye_month is None else fiscal_quarter_end(period.year, period.quarter, fye_month)


def year_end(period: Period, tickers: list[str]) -> dt.date | None:
    """The last day of the year a claim names, fiscal or calendar (None: a quarter, or no year, is named)."""
    if period.quarter is not None or period.year is None:
        return None
    fye_month = (fiscal_year_end_month(tickers) or 12) if period.fiscal else 12
    return fiscal_quarter_end(period.year, 4, fye_month)
