"""Whether a sentence speaks to the part of a claim that narrows it: the segment (NAND, HBM), the year and
the quarter it names, and whether it looks forward (a plan, a guide) or back (money already spent)."""

from __future__ import annotations

import datetime as dt
import re

from aicycle.rumor import vocab
from aicycle.rumor.basis import BASIS
from aicycle.rumor.periods import fiscal_year_end_month, quarter_end
from aicycle.rumor.reading import Reading

PAST_SPEND = re.compile(r"\b(?:spent|were|was|totaled|totalled|came in at|amounted to|invested \$|"
                        r"during the years? ended|for the (?:full )?year ended)\b", re.I)
FORWARD = re.compile(r"\b(?:expect\w*|anticipat\w*|plan\w*|will|guid\w*|outlook|forecast\w*|intend\w*|"
                     r"going to|project\w*|estimate\w*|now (?:believe|see)|target\w*|goals?)\b", re.I)


_CURRENT_FISCAL = re.compile(r"\b(?:(?:end|rest|remainder|balance) of (?:our|the|this) (?:current )?fiscal year|"
                             r"this fiscal year)\b", re.I)


def segment_ok(reading: Reading, text: str) -> bool:
    """A claim about one segment (NAND, HBM, DRAM), or about gross or net capex, is answered only by sentences
    naming it."""
    if reading.basis in ("gross", "net") and not any(m.group(1).lower() == reading.basis for m in BASIS.finditer(text)):
        return False
    if not reading.segment:
        return True
    return re.search(rf"(?<!\w)(?:{dict(vocab.SEGMENTS)[reading.segment]})(?!\w)", text, re.I) is not None


def outlook_matches(reading: Reading, text: str) -> bool:
    """Revenue reported and revenue guided are different claims: "AI revenue tops $5B" is not borne out by
    "we forecast AI revenue to be $5.1 billion", nor "targets $33B of revenue" by what was booked so far. Nor is
    a revenue claim answered by a sentence about capex ("analyst expectations for 2026 CapEx ... $700
    billion"), or a year's revenue by a call's sentence naming no year (the quarter it reports)."""
    if reading.object != "revenue":
        return True
    if _CAPEX_WORDS.search(text):
        return False
    if reading.level is not None and reading.period.year is not None and reading.period.quarter is None \
            and reading.modality == "fact" and not _YEAR_WORDS.search(_YEAR_ON_YEAR.sub(" ", text)):
        return False
    forward = (FORWARD.search(text) or _FORESEE.search(text)) is not None and not PAST_SPEND.search(text)
    return forward if reading.modality in ("plan", "expectation") else not forward or bool(PAST_SPEND.search(text))


_CAPEX_WORDS = re.compile(r"\b(?:cap-?ex|capital (?:expenditures?|spending))\b", re.I)
# "where we continue to see accelerating demand" describes the quarter: not a look ahead
_FORESEE = re.compile(r"\b(?:foresee\w*|(?<!continue to )(?<!continues to )(?:see|sees)|visibility|confiden\w+|"
                      r"on track)\b", re.I)


# Years said with two digits, as people speak on calls: a pair ("26 and 27", "27 through 28") or an apostrophe ('27)
_SHORT_YEARS = re.compile(r"(?<![\w$.,%'’-])(2[4-9]|3[0-2])\s+(?:and|through|to|or|into)\s+(2[4-9]|3[0-2])"
                          r"(?![\w%.,]\d?)(?!\s*(?:%|percent|billion|million|gigawatts?|megawatts?|gw|mw))"
                          r"|['’](2[4-9]|3[0-2])\b", re.I)


def year_ok(reading: Reading, text: str, said_on: dt.date) -> bool:
    """A claim about 2027 is not answered by a sentence about 2026 only ("next year" counted from the
    sentence's own date)."""
    year = reading.period.year
    if year is None:
        return True
    years = {int(y) for y in re.findall(r"(?<!\d)(20[2-3]\d)(?!\d)", text)}
    for m in re.finditer(r"\b(?:fy|cy|fiscal(?: year)?|calendar(?: year)?)\s?['’]?(\d{2})\b", text, re.I):
        years.add(2000 + int(m.group(1)))
    for m in _SHORT_YEARS.finditer(text):  # "26 and 27 are largely sold out", "'27"
        years.update(2000 + int(y) for y in m.groups() if y)
    if re.search(r"\bnext (?:calendar |fiscal )?year\b", text, re.I):
        years.add(said_on.year + 1)
    if re.search(r"\bthis year\b", text, re.I):
        years.add(said_on.year)
    if _CURRENT_FISCAL.search(text) and not reading.through:
        # "constrained through at least the end of our fiscal year", said in October by a June-year company,
        # answers "until mid-2026", not "through calendar 2026"
        fye = fiscal_year_end_month(reading.tickers) or 12
        years.add(said_on.year + (said_on.month > fye))
    if not years and said_on.month <= 3 and not reading.period.fiscal and PAST_SPEND.search(text) \
            and not FORWARD.search(text):
        return year == said_on.year - 1  # money spent, told in a January report, is the year just ended's
    if not years:
        # a sentence naming no year speaks of its own time: not of a later year a claim names, nor of how long
        # a state lasts ("constrained through the end of 2026")
        # (a fiscal year may be named a year ahead of the calendar: NVIDIA's fiscal 2027 began in January 2026)
        ahead = reading.period.fiscal and reading.period.quarter is not None
        latest = said_on.year + ahead
        if reading.period.fiscal:  # Dell's fiscal 2026 ran from February 2025: a call that September speaks of it
            latest = max(latest, _fiscal_year(said_on, fiscal_year_end_month(reading.tickers)))
        return year <= latest and not reading.through
    return year in years


def _fiscal_year(day: dt.date, end_month: int | None) -> int:
    """The fiscal year a day falls in, named by the year it ends in; with the calendar unknown, the latest it can
    be (a fiscal year ending early in the next calendar year)."""
    return day.year + 1 if end_month is None else day.year + (day.month > end_month)


_QUARTER_WORDS = re.compile(vocab.QUARTER_WORDS, re.I)
_QUARTER_NUMBER = re.compile(vocab.QUARTER, re.I)
# A quarter, or a month standing for one ("September being roughly $X"; not "may", which is mostly a verb)
_A_QUARTER = re.compile(vocab.QUARTER_WORDS + r"|\b(?:january|february|march|april|june|july|august|september|"
                        r"october|november|december)\b", re.I)


# "revenues were $5.8 billion ... compared to our guidance of $5.6 billion to $6.4 billion": a result set against
# its guide is a statement of the result, not a look forward
_AGAINST_GUIDE = re.compile(r"\b(?:compared (?:to|with)|versus|vs\.?|above|below|ahead of|in line with|exceed\w*|"
                            r"beat\w*|(?:at|near) the (?:high|low|top|upper|lower) end of)\s+(?:the\s+|our\s+)?"
                            r"(?:prior\s+|previous\s+)?(?:guidance|outlook|guided range|expectations)\b", re.I)


def quarter_ok(reading: Reading, text: str, before: str = "", said_on: dt.date | None = None) -> bool:
    """A claim about one quarter is answered by a sentence about a quarter (that one, when it names one; the
    sentence before may name it: "Turning to the outlook for the first quarter. Revenue is expected to be
    $78 billion"), not by a full-year figure; a claim that a quarter is guided, or about a quarter that had
    not ended when the sentence was said, only by a sentence looking forward."""
    if reading.period.quarter is None:
        # a year's level ("2025 capex came in above $90B") is not answered by one quarter's figure
        return not (reading.level is not None and reading.period.year is not None
                    and _A_QUARTER.search(_SPREAD.sub(" ", text)) and not _YEAR_WORDS.search(text))
    ends = quarter_end(reading.period, reading.tickers)
    ahead = ends is not None and said_on is not None and said_on < ends
    forward = FORWARD.search(_AGAINST_GUIDE.sub(" ", text))
    if (reading.modality in ("plan", "expectation") or ahead) and not forward:
        return False
    if reading.modality == "fact" and forward:
        return False  # "fiscal Q1 revenue tops $80B" is not answered by the outlook for that quarter
    if not _QUARTER_WORDS.search(text):
        if _YEAR_WORDS.search(_YEAR_ON_YEAR.sub(" ", text)):
            return False
        if not _QUARTER_NUMBER.search(before):
            if forward and said_on is not None and ends is not None and reading.modality != "fact":
                # "we expect CapEx spend to increase to over $40 billion", said in April: the quarter under way
                return (said_on.year, (said_on.month - 1) // 3 + 1) == (ends.year, (ends.month - 1) // 3 + 1)
            # a results call's plain statements of fact are about the quarter it reports
            return _reports(said_on, ends) and reading.modality == "fact" and not forward
        text = before
    found = list(_QUARTER_NUMBER.finditer(text))
    named = {_calendar_quarter(m, reading) for m in found if not _BASE.search(text[:m.start()])}
    if found and not named:  # "down from the March quarter level": the quarter it is set against, not its own
        return _reports(said_on, ends) and reading.modality == "fact" and not forward
    if not named and reading.period.fiscal and reading.modality == "fact":
        # a fiscal quarter's figure: a sentence naming the quarter says which one it is, or the quarter's own
        # results call speaking of "this quarter"
        return _reports(said_on, ends) and not forward and bool(_THIS_QUARTER.search(text))
    if not named and forward and ends is not None and said_on is not None:
        # "total spend will increase sequentially", said in a call: the quarter the call falls in
        return (said_on.year, (said_on.month - 1) // 3 + 1) == (reading.period.year, reading.period.quarter)
    return not named or reading.period.quarter in named


_MONTH_NAMES = ("march", "june", "september", "december")
_THIS_QUARTER = re.compile(r"\b(?:this|the) quarter\b", re.I)
_BASE = re.compile(r"\b(?:from|than|versus|vs\.?|compared (?:to|with)|relative to)\s+(?:the\s+|our\s+)?(?:\w+\s+)?$",
                   re.I)


def _calendar_quarter(m: re.Match[str], reading: Reading) -> int:
    """The quarter a sentence names, as the claim counts it: a company's "Q4" is its fiscal quarter, which for a
    claim about the calendar ("the June quarter") is Microsoft's fiscal Q4; a month names the calendar's."""
    word = (m.group(2) or "").lower()
    number = int(m.group(1)) if m.group(1) else vocab.ORDINALS[word]
    fye = fiscal_year_end_month(reading.tickers)
    if reading.period.fiscal or word in _MONTH_NAMES or fye in (None, 12):
        return number
    return ((fye + 3 * number - 1) % 12) // 3 + 1


# "$20 billion, with shipments slightly weighted to the third quarter": how a year's figure is spread over its
# quarters, not a quarter's figure
_SPREAD = re.compile(r"\b(?:weighted|skewed|tilted|concentrated|split)\s+(?:\w+\s+){0,2}(?:to|towards?|in|between|"
                     r"across)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:quarters?|halfs?|halves)\b", re.I)


def results_call_of(reading: Reading, said_on: dt.date) -> bool:
    """With a quarter named, whether a call on `said_on` is that quarter's results call ("two-thirds of its
    December-quarter capex" is not answered in October by "this quarter, roughly half"); with none, any call."""
    if reading.period.quarter is None:
        return True
    return _reports(said_on, quarter_end(reading.period, reading.tickers))


def _reports(said_on: dt.date | None, ends: dt.date | None) -> bool:
    """Whether a call on `said_on` is the results call of the quarter ending on `ends`."""
    return said_on is not None and ends is not None and 0 < (said_on - ends).days <= 70


# "up 37% year-over-year", "against a prior year": a comparison, not a statement about a year
# ("14% -over-year": a transcript that lost a word)
_YEAR_ON_YEAR = re.compile(r"\byear[- ](?:over|on)[- ]year\b|(?<!\w)-(?:over|on)-year\b|"
                           r"\b(?:a|the) (?:prior|previous) year\b|\ba year (?:ago|earlier)\b", re.I)
_YEAR_WORDS = re.compile(r"\b(?:year|annual|20[2-3]\d|fy\s?'?\d{2})\b", re.I)
