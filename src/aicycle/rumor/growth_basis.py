"""A level with the growth rate a claim puts on it, and that rate's basis: "Oracle RPO up 363% q/q to $638bn" (363% is
the year-on-year rise; quarter on quarter it is 15%), "Nvidia's $65bn Q4 guide implies ~14% y/y growth" (14% is the
rise on the quarter before). The rise is the stored figure the claim's level names against the stored figure a
quarter or a year earlier; a guide's rise is the guided figure against the quarters its own quarter follows. Where the
store does not reach back, the company's own sentence stating the level and its rises decides ("RPO ... $638 billion,
up 363% USD year-over-year and up $85 billion sequentially")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from aicycle.rumor.evidence import Item, as_date, days, freshness, item_from_fact, money
from aicycle.rumor.figures import FIGURE, figures
from aicycle.rumor.fundamentals import family_rows, period_before
from aicycle.rumor.levels import MEASURES
from aicycle.rumor.reading import Reading
from aicycle.rumor.said import clean_statement, curated_statements, latest_said
from aicycle.store import Store

_RATE = re.compile(r"(?P<sign>[+\-\u2212]|\bdown\s+)?~?(?:about\s+|roughly\s+|nearly\s+)?(?P<pct>\d+(?:\.\d+)?)\s?%"
                   r"(?:\s+(?:growth|rise|increase|gain|jump))?\s+(?:(?P<year>year[- ](?:over|on)[- ]year|yoy)|"
                   r"(?P<quarter>quarter[- ](?:over|on)[- ]quarter|qoq|sequential(?:ly)?))\b", re.I)
# A rise a company states: "up 63% year on year", "growing triple digits year-over-year", "up 15% sequentially"
_STATED = re.compile(r"(?:(?P<pct>\d+(?:\.\d+)?)\s?%|(?P<digits>double|triple)[- ]digits?)\s+(?:\w+\s+){0,2}?"
                     r"(?:(?P<year>year[- ](?:over|on)[- ]year|yoy|from a year ago)|"
                     r"(?P<quarter>quarter[- ](?:over|on)[- ]quarter|sequential\w*|qoq))\b", re.I)
_DIGITS = {"double": (10.0, 99.9), "triple": (100.0, 999.9)}
_ADDED = re.compile(r"\b(?:add(?:s|ed|ing)?|up|rose|grew|gain(?:s|ed)?|increased)\s+(?:by\s+)?"
                    r"(?:about\s+|approximately\s+|roughly\s+|nearly\s+|some\s+)?~?(?=\$?\d)", re.I)
# a company's sentence stating an amount added: "Added approximately 120 MW", "more than $200 billion higher"
_ADDED_SAID = re.compile(r"\b(?:add\w*|higher|increas\w*|grew|rose|up)\b", re.I)
_QUARTER_DAYS, _YEAR_DAYS, _TOLERANCE_DAYS = 91, 365, 20
_CLOSE = 0.05  # the claim's level names the stored figure when within 5% of it


@dataclass(frozen=True)
class GrowthBasis:
    pct: float  # the rise the claim names, in percent (negative for a fall); for an amount, the amount
    basis: str  # year | quarter | added ("added ~220 MW ... reaching 590 MW", "up ~$120bn ... to ~$600bn")
    unit: str = "pct"  # pct, or the amount's: USD | MW
    over: str | None = None  # an amount added over a year or a quarter ("up $85bn from a year earlier"), if said


def read_growth_basis(text: str) -> GrowthBasis | None:
    m = _RATE.search(text)
    if m is None:
        return _read_added(text)
    sign = -1.0 if (m.group("sign") or "").strip() in ("-", "\u2212", "down") else 1.0
    return GrowthBasis(sign * float(m.group("pct")), "year" if m.group("year") else "quarter")


def _read_added(text: str) -> GrowthBasis | None:
    """The amount a claim says a level grew by, beside the level itself ("added ~220 MW ..., reaching 590 MW")."""
    amounts = [(high, unit) for _, high, unit in figures(text)]
    for m in _ADDED.finditer(text):
        found = figures(text[m.end():m.end() + 24])
        if found and len([a for a in amounts if a[1] == found[0][2]]) >= 2:  # the amount and the level both named
            return GrowthBasis(found[0][1], "added", found[0][2], _over(text[m.end():]))
    return None


# the span an amount is added over, said just after it: "up $85 billion sequentially", "up $85bn from a year earlier"
_OVER_A_YEAR = re.compile(r"^[^,;]{0,24}?\b(?:year[- ](?:over|on)[- ]year|y/y|yoy|from a year (?:ago|earlier)|"
                          r"(?:from|than|over) (?:a|the|last) year)", re.I)
_OVER_A_QUARTER = re.compile(r"^[^,;]{0,24}?\b(?:sequential\w*|q/q|qoq|quarter[- ](?:over|on)[- ]quarter|"
                             r"(?:from|than|over) (?:the )?(?:prior|previous|last|end of) (?:the )?quarter)", re.I)


def _over(after: str) -> str | None:
    return "year" if _OVER_A_YEAR.search(after) else "quarter" if _OVER_A_QUARTER.search(after) else None


def _said_over(sentence: str, amount: float) -> str | None:
    """The span the sentence adds the amount over, said just after it, if it says."""
    for m in FIGURE.finditer(sentence):
        found = figures(m.group(0))
        if found and abs(found[0][1] - amount) <= 0.15 * amount:
            return _over(sentence[m.end():])
    return None


def growth_basis_items(store: Store, claim: GrowthBasis, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """The rise on the claim's basis, from the stored figures, else from the company's own sentence."""
    level = reading.level
    unit = claim.unit if claim.basis == "added" else "USD"
    if level is None or level.unit != unit or reading.object not in MEASURES \
            or level.op != "at" and claim.basis != "added":
        return []
    whole = reading.segment is None or reading.object == "backlog"  # the store holds the company's totals
    guided = reading.modality in ("plan", "expectation")
    stored = _stored_items(store, claim, reading, ticker, as_of) if whole and not (guided and claim.basis == "added") \
        else []
    if stored or guided and claim.basis != "added":  # a guide's rate is the stored quarters'; an amount is said
        return stored
    return _stated_items(store, claim, level.value, ticker, as_of)


def _stored_items(store: Store, claim: GrowthBasis, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    level = reading.level
    assert level is not None
    for family in MEASURES[reading.object or ""]:
        rows = [r for r in family_rows(store, ticker, family, as_of) if (r.get("unit") or "USD") == level.unit
                and (not days(r) or 80 <= (days(r) or 0) <= 100)]  # quarters and balances, not years
        if not rows:
            continue
        anchor = _anchor(rows, level.value, reading.modality in ("plan", "expectation"))
        if anchor is None:
            return []
        end, base = anchor
        # an amount added: in the quarter, unless the claim says over a year
        span = _YEAR_DAYS if claim.basis == "year" or claim.over == "year" else _QUARTER_DAYS
        earlier = period_before(rows, end, span, _TOLERANCE_DAYS)
        if earlier is None or not earlier["value"]:
            return []
        return [_item(claim, level.value, base, earlier, end, family[0], ticker)]
    return []


def _stated_items(store: Store, claim: GrowthBasis, value: float, ticker: str, as_of: dt.date) -> list[Item]:
    """The company's latest sentence that states the claim's level with its rises: a call first, then a quote."""
    def judge(sentence: str) -> str | None:
        return _judge(claim, value, sentence)

    found = latest_said(store, ticker, as_of, judge, signal="growth_basis",
                        method="stated: the company's sentence giving the level and its rise")
    if found:
        return found
    for row in curated_statements(store, ticker, as_of):
        text = clean_statement(str(row["text"]))
        seen = judge(text)
        if seen is not None:
            return [item_from_fact(row, "growth_basis", f"{ticker} said: \u201c{text}\u201d", observed=seen,
                                   weight=0.8 * freshness(as_date(row["filed"]), as_of),
                                   method="stated: the company's sentence giving the level and its rise")]
    return []


def _judge(claim: GrowthBasis, value: float, sentence: str) -> str | None:
    """match / mismatch when the sentence states the claim's level and a rise on the claim's basis (or the claim's
    rise on the other basis); None when it states neither."""
    found = figures(sentence)
    if not any(abs(high - value) <= 0.02 * value for _, high, _ in found):
        return None
    if claim.basis == "added":
        others = [high for _, high, unit in found if unit == claim.unit and abs(high - value) > 0.02 * value]
        if any(abs(o - claim.pct) <= 0.15 * claim.pct for o in others):
            said = _said_over(sentence, claim.pct)  # "up $85 billion sequentially" is not "from a year earlier"
            return "mismatch" if claim.over and said and said != claim.over else "match"
        return "mismatch" if others and _ADDED_SAID.search(sentence) else None
    rates = []
    for m in _STATED.finditer(sentence):
        low, high = _DIGITS[m.group("digits").lower()] if m.group("digits") else (float(m.group("pct")),) * 2
        rates.append((low, high, "year" if m.group("year") else "quarter"))
    near = max(3.0, 0.15 * abs(claim.pct))
    same = [(lo, hi) for lo, hi, basis in rates if basis == claim.basis]
    if any(lo - near <= claim.pct <= hi + near for lo, hi in same):
        return "match"
    if same or any(lo - near <= claim.pct <= hi + near for lo, hi, _ in rates):
        return "mismatch"
    return None


_OBJECT_WORDS = {"revenue": r"revenues?|sales", "backlog": r"backlog|\brpo\b|remaining performance",
                 "arr": r"\barr\b|run-?rate", "capex": r"\bcapex\b|capital expenditures?",
                 "profit": r"operating (?:profit|income)"}


def rate_items(store: Store, claim: GrowthBasis, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """A rise named with no level ("AI semiconductor revenue jumped 63% sequentially"): the company's latest sentence
    giving that very rate for the same measure, on the claim's basis or on the other."""
    words = _OBJECT_WORDS.get(reading.object or "")
    if words is None or claim.basis == "added":
        return []
    part = re.escape(reading.segment) if reading.segment else None

    def judge(sentence: str) -> str | None:
        if not re.search(words, sentence, re.I) or part and not re.search(rf"\b{part}\b", sentence, re.I):
            return None
        bases = {"year" if m.group("year") else "quarter" for m in _STATED.finditer(sentence)
                 if m.group("pct") and abs(float(m.group("pct")) - abs(claim.pct)) <= 0.5}
        return None if not bases else "match" if claim.basis in bases else "mismatch"

    return latest_said(store, ticker, as_of, judge, signal="growth_basis",
                       method="stated: the company's sentence giving the claim's rate, and on what basis")


def _anchor(rows: list[dict[str, Any]], value: float, guided: bool) -> tuple[dt.date, dict[str, Any]] | None:
    """The period the claim's level is for: the stored one it names, or for a guide the quarter after the latest."""
    latest = rows[-1]
    if guided:
        return latest["period_end"] + dt.timedelta(days=_QUARTER_DAYS), latest
    named = [r for r in rows if abs(r["value"] - value) <= _CLOSE * value]
    return (named[-1]["period_end"], named[-1]) if named else None


def _item(claim: GrowthBasis, value: float, base: dict[str, Any], earlier: dict[str, Any], end: dt.date,
          metric: str, ticker: str) -> Item:
    unit = base.get("unit")
    if claim.basis == "added":
        rise = value - earlier["value"]
        close = abs(rise - claim.pct) <= 0.15 * abs(claim.pct)
        span = "year" if claim.over == "year" else "quarter"
        said = f"{money(rise, unit)} added in the {span}, {'as' if close else 'not the'} {money(claim.pct, unit)}"
    else:
        rise = (value / earlier["value"] - 1) * 100
        close = abs(rise - claim.pct) <= max(3.0, 0.15 * abs(claim.pct))
        basis = "year on year" if claim.basis == "year" else "quarter on quarter"
        said = f"{rise:+.0f}% {basis}, {'as' if close else 'not the'} {claim.pct:+g}%"
    text = (f"{ticker} {metric.replace('_', ' ')} {money(value, unit)} for the period ending {end} against "
            f"{money(earlier['value'], unit)} at {earlier['period_end']}: {said} the claim says")
    method = (f"derived: the claim's level against the stored {metric} "
              f"{'a year' if 'year' in (claim.basis, claim.over) else 'a quarter'} earlier")
    return item_from_fact(base, "growth_basis", text, observed="match" if close else "mismatch", weight=1.0,
                          change=rise / 100 if claim.basis != "added" else None, method=method)
