"""The shorthand of wires, notes and posts, spelled out before a claim is read: "Dec qtr" is the December
quarter, "y/y" year over year, "1H25" the first half of 2025, "CY26" calendar 2026. The claim is shown as given;
only its reading uses the long form."""

from __future__ import annotations

import re

_MONTHS = {"jan": "January", "feb": "February", "mar": "March", "apr": "April", "jun": "June", "jul": "July",
           "aug": "August", "sep": "September", "sept": "September", "oct": "October", "nov": "November",
           "dec": "December"}
# a month's short name only where it is one: before a quarter, a day or a year ("Dec qtr", "Oct 19", "Sep 2025",
# "Aug '25"), or before another month ("from Oct to mid-Nov")
_SHORT = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
_MONTH = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?:(?=[- ](?:qtr|quarter)\b|\s+\d)|"
                    r"\s+'(?P<year>\d{2})\b|(?=\s+(?:to|and|through)\s+(?:early-|mid-|late-)?" + _SHORT + r"))", re.I)
_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# "over Oct-Nov 2025", "Sept–Nov": a span of months, from the first to the second
_MONTH_SPAN = re.compile(rf"\b(?:from\s+)?({_FULL}|{_SHORT})\.?\s*[-\u2013]\s*({_FULL}|{_SHORT})\b\.?"
                         r"(?!\s*(?:qtr|quarter))", re.I)
_CALENDAR_QUARTER = re.compile(r"\b([1-4])Q\s?'?(\d{2})\b")  # "2Q26": the second quarter of 2026
_FISCAL_QUARTER = re.compile(r"\bFQ([1-4])\b", re.I)  # "FQ3": the company's fiscal third quarter
_QUARTER_OF_FY = re.compile(r"\b([1-4])Q(?=\s+FY\s?'?\d)")  # "3Q FY27": the third quarter of fiscal 2027
_HALF = re.compile(r"\b([12])H\s?'?(\d{2}|20\d\d)?\b", re.I)
_WORDS = ((re.compile(r"\bqtrs\b", re.I), "quarters"), (re.compile(r"\bqtr\b", re.I), "quarter"),
          (re.compile(r"\by/y\b", re.I), "year over year"), (re.compile(r"\bq/q\b", re.I), "quarter over quarter"),
          (re.compile(r"\bincl\.(?=\s)", re.I), "including"),
          (re.compile(r"\bCY\s?'?(\d{2})\b"), r"calendar 20\1"))


def expand(text: str) -> str:
    """The claim with its shorthand spelled out (unchanged where it has none)."""
    text = _MONTH_SPAN.sub(_span, text)
    text = _MONTH.sub(_month, text)
    text = _CALENDAR_QUARTER.sub(lambda m: f"Q{m.group(1)} 20{m.group(2)}", text)
    text = _FISCAL_QUARTER.sub(lambda m: f"fiscal Q{m.group(1)}", text)
    text = _QUARTER_OF_FY.sub(lambda m: f"Q{m.group(1)}", text)
    text = _HALF.sub(_half, text)
    for pattern, long in _WORDS:
        text = pattern.sub(long, text)
    return text


def _half(m: re.Match[str]) -> str:
    which = "first" if m.group(1) == "1" else "second"
    year = m.group(2)
    if not year:
        return f"{which} half"
    return f"{which} half of {year if len(year) == 4 else '20' + year}"


def _month(m: re.Match[str]) -> str:
    name = _MONTHS[m.group(1).lower()]
    return f"{name} 20{m['year']}" if m["year"] else name


def _span(m: re.Match[str]) -> str:
    first, second = (_MONTHS.get(g.lower()[:3], g.capitalize()) for g in (m.group(1), m.group(2)))
    return f"from {first} to {second}"
