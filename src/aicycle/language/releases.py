"""Earnings releases: which 8-Ks carry them, and the release text of a filed exhibit or web page.

An earnings release is an 8-K with Item 2.02 (Results of Operations and Financial Condition); the
release itself is exhibit 99.1. `parse_earnings_8k_index` reads the SEC submissions JSON
(`filings.recent`, the same layout as data.sec.gov/submissions/CIK##########.json); the fetch of the
exhibit belongs to the SEC client of `aicycle refresh`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aicycle.errors import DataError
from aicycle.language.text import document_text

EARNINGS_ITEM = "2.02"
_FORMS = ("8-K", "8-K/A")


def parse_earnings_8k_index(submissions: dict[str, Any]) -> list[tuple[str, dt.date]]:
    """(accession number, filing date) of every earnings 8-K listed, newest first."""
    try:
        recent = submissions["filings"]["recent"]
        columns = (recent["accessionNumber"], recent["filingDate"], recent["form"], recent["items"])
    except (KeyError, TypeError) as exc:
        raise DataError(f"submissions JSON lacks filings.recent field {exc}") from None
    if len({len(c) for c in columns}) != 1:
        raise DataError("submissions JSON: filings.recent columns differ in length")
    out = []
    for accession, filed, form, items in zip(*columns, strict=True):
        codes = {code.strip() for code in (items or "").split(",")}
        if form in _FORMS and EARNINGS_ITEM in codes:
            try:
                out.append((accession, dt.date.fromisoformat(filed)))
            except ValueError:
                raise DataError(f"submissions JSON: filing date {filed!r} of {accession}") from None
    return sorted(out, key=lambda row: row[1], reverse=True)


def release_text(document: str) -> str:
    """The prose of a release: page chrome, scripts and tables dropped, short menu lines too."""
    text = document_text(document, "release")
    if not text.strip():
        raise DataError("the release has no readable text")
    return text
