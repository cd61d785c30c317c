"""The period a claim names, resolved against the as-of date: a year ("2026", "next year", "FY27"), a quarter
("Q2", "the June quarter", "fiscal Q1 2027"), and the stored key of a named quarter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.rumor import vocab


@dataclass
class Period:
    year: int | None = None
    quarter: int | None = None
    fiscal: bool = False
    label: str | None = None
    resolved_from: str | None = None  # "next year" -> 2027 (as of 2026-08-01)

    def quarter_key(self) -> tuple[str, str] | None:
        """The stored column and value of the named quarter ('fiscal_period', 'FY2027Q1'), if one is named."""
        if self.quarter is None or self.year is None:
            return None
        if self.fiscal:
            return "fiscal_period", f"FY{self.year}Q{self.quarter}"
        return "calendar_quarter", f"{self.year}Q{self.quarter}"


def read_period(text: str, as_of: dt.date) -> Period:
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
    if period.year is not None:
        period.label = ("FY" if period.fiscal else "") + str(period.year)
        if period.quarter:
            period.label = f"Q{period.quarter} {period.label}"
    return period


def _read_quarter(period: Period, text: str, as_of: dt.date) -> None:
    """The quarter a claim names: "Q2", "the second quarter", "the June quarter" (with no year, the one
    nearest the as-of date) or a fiscal quarter ("fiscal Q1 2027", which also sets the fiscal year)."""
    named = list(re.finditer(vocab.QUARTER, text, re.I))
    # "fell from the December quarter to the March quarter", "Q2 capex fell from Q1": the quarter it came from
    # is not the one the claim is about
    named = [m for m in named if not re.search(r"\bfrom (?:the )?$", text[:m.start()], re.I)] or named
    quarter = named[0] if named else None
    if quarter:
        period.quarter = int(quarter.group(1)) if quarter.group(1) else vocab.ORDINALS[quarter.group(2).lower()]
        named_year = re.search(r"\b(20\d\d)", quarter.group(0))
        if named_year and not period.fiscal:  # "the December 2025 quarter"
            period.year = int(named_year.group(1))
    if quarter and period.year is None and not period.fiscal and quarter.group(2) \
            and quarter.group(2).lower() in ("march", "june", "september", "december"):
        # "the June quarter" with no year: the June quarter nearest the as-of date
        q = vocab.ORDINALS[quarter.group(2).lower()]
        period.year = min((as_of.year - 1, as_of.year, as_of.year + 1),
                          key=lambda y: abs((dt.date(y, 3 * q, 28) - as_of).days))
        period.resolved_from = f"'{quarter.group(0)}' as of {as_of.isoformat()}"
    fiscal_quarter = re.search(vocab.FISCAL_QUARTER, text, re.I)
    if fiscal_quarter:
        number, word, raw = fiscal_quarter.groups()
        period.quarter = int(number) if number else vocab.ORDINALS[word.lower()]
        period.year, period.fiscal = (2000 + int(raw) if len(raw) == 2 else int(raw)), True
