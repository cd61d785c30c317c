"""Request inputs, validated before anything else sees them.

No request parameter reaches the file system: tickers must be in the universe, checkpoint ids in the
report, scenario names in the shipped list; free text (claims) is length-limited and only ever
rendered escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import HTTPException, Query

from aicycle import universe
from aicycle.validate import latest_day

TICKER_PATTERN = r"^[A-Za-z0-9.\-]{1,12}$"
METRIC_PATTERN = r"^[a-z][a-z0-9_]{0,47}$"
CLAIM_MAX = 2000
EARLIEST = dt.date(2000, 1, 1)


def parse_as_of(raw: str | None) -> dt.date | None:
    """An empty form field means "today"; anything else must be an ISO date on or after 2000."""
    if raw is None or raw.strip() == "":
        return None
    try:
        value = dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise HTTPException(422, f"as_of: {raw[:40]!r} is not a date (YYYY-MM-DD)") from None
    return check_as_of(value)


def check_as_of(value: dt.date) -> dt.date:
    """An as-of date within what aicycle can answer: 2000-01-01 .. tomorrow (else 422)."""
    if value < EARLIEST:
        raise HTTPException(422, f"as_of: {value} is before {EARLIEST}; aicycle holds no data that old")
    if value > latest_day():
        raise HTTPException(422, f"as_of: {value} is after {latest_day()} (today + 1 day)")
    return value


async def as_of_query(
    as_of: Annotated[str | None, Query(max_length=10,
                                       description="Use only what was public on this date (YYYY-MM-DD).")] = None,
) -> dt.date | None:
    return parse_as_of(as_of)


def company(ticker: str) -> universe.Company:
    if not re.fullmatch(TICKER_PATTERN, ticker):
        raise HTTPException(404, f"unknown ticker {ticker[:20]!r}")
    try:
        return universe.get(ticker)
    except Exception:  # InputError: not in the universe
        raise HTTPException(404, f"unknown ticker {ticker!r}; see /api/companies") from None


def claim_text(raw: str | None) -> str:
    text = (raw or "").strip()
    if not text:
        raise HTTPException(422, "claim: enter the claim to check (a sentence or two)")
    if len(text) > CLAIM_MAX:
        raise HTTPException(422, f"claim: {len(text)} characters; at most {CLAIM_MAX}")
    return text
