"""Whether a company's sentence can answer a claim on the as-of date, or speaks of another moment: a quarter's
spend against a year still under way ("FY27 capex north of $200bn" is not answered by "capital expenditures were
$41 billion"), lease talks against a lease signed, a guide said months ago against a raise still to come ("lifts
its guide above $200B"), a balance reported before a quarter that has since ended ("backlog tops $500bn")."""

from __future__ import annotations

import datetime as dt
import re

from aicycle import rules
from aicycle.rumor.observe import FORWARD_WORDS
from aicycle.rumor.periods import year_end
from aicycle.rumor.reading import Reading
from aicycle.rumor.scope import PAST_SPEND


def premature(reading: Reading, sentence: str, said_on: dt.date) -> bool:
    """A sentence that speaks of an earlier step than the claim: a quarter's spend for the year, talks for a deal."""
    if _a_quarter_for_the_year(reading, sentence, said_on):
        return True
    # "in ongoing discussions to secure lease agreements": no lease is signed yet
    return reading.object in ("leases", "compute_contracts") and reading.modality == "fact" \
        and bool(_IN_TALKS.search(sentence))


def outdated(reading: Reading, sentence: str, seen: str | None, said_on: dt.date, as_of: dt.date) -> bool:
    """A sentence under the claim's line that a later moment may have overtaken: an old guide against a raise
    still to come (unless it states a cut), a balance the quarter since ended may replace."""
    if seen == "below" and _raise_to_come(reading, said_on, as_of) and not _LOWERED.search(sentence):
        return True
    if _quarter_guide_lapsed(reading, said_on, as_of):
        return True
    return seen in ("below", "mismatch") and _stale_balance(reading, said_on, as_of)


def _quarter_guide_lapsed(reading: Reading, said_on: dt.date, as_of: dt.date) -> bool:
    """"Nvidia guides next quarter to $108bn", a week before its next call: the last call's outlook was for a
    quarter that has since ended, so it is not the guide the claim is about (that one is still to come)."""
    return reading.object == "revenue" and reading.modality in ("plan", "expectation") \
        and reading.level is not None and reading.period.year is None and reading.period.quarter is None \
        and (as_of - said_on).days > rules.RUMOR_STALE_CALL_DAYS


# "approximately $18 billion, which is below our previous guide of $20 billion": a cut, which refutes a raise
_LOWERED = re.compile(r"\b(?:below|lower than|down from|reduc\w*|cut\w*|trimm?\w*|lower(?:ed|ing)?)\b[^.]{0,40}"
                      r"\b(?:previous|prior|earlier|original)\b", re.I)


def _stale_balance(reading: Reading, said_on: dt.date, as_of: dt.date) -> bool:
    """"Backlog tops $500bn", no period named, said when the quarter after the call's is all but over: a call's
    balance under the line is an older quarter's, not the one the claim may be about (levels' rule for figures)."""
    return reading.object in ("backlog", "arr") and reading.level is not None \
        and reading.level.op in ("above", "at") and reading.period.year is None \
        and (as_of - said_on).days > rules.RUMOR_STALE_CALL_DAYS


def _raise_to_come(reading: Reading, said_on: dt.date, as_of: dt.date) -> bool:
    """"Lifts its guide above $200B": a guide below the line said months before is a raise still to come."""
    return reading.object == "guidance" and reading.direction == "up" and reading.level is not None \
        and reading.level.op == "above" and (as_of - said_on).days > rules.RUMOR_RAISE_ANSWERED_DAYS


def _a_quarter_for_the_year(reading: Reading, sentence: str, day: dt.date) -> bool:
    """A figure spent before the year a level claim names has ended, in a sentence that does not name that
    year, is a quarter's or a year-to-date figure, not the year's."""
    end = year_end(reading.period, reading.tickers)
    if reading.level is None or end is None or day > end or reading.period.year is None:
        return False
    year = reading.period.year
    short = f"{year % 100:02d}"
    named = re.search(rf"\b{year}\b|\bFY\s?'?{short}\b|\bfiscal (?:year )?'?{short}\b", sentence, re.I)
    return bool(PAST_SPEND.search(sentence)) and not FORWARD_WORDS.search(sentence) and not named


_IN_TALKS = re.compile(r"\b(?:in (?:ongoing |active |advanced )?(?:discussions|talks|negotiations)|negotiating|"
                       r"prospective (?:tenants?|customers?)|in the process of (?:signing|securing))\b", re.I)
