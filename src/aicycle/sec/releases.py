"""Earnings releases from EDGAR: the EX-99.1 of each Item 2.02 8-K, as `documents` rows.

For one company: the submissions JSON lists the earnings 8-Ks (`parse_earnings_8k_index`); for each
new one the filing's `{accession}-index-headers.html` says which document is exhibit 99.1; that
document is fetched and its prose kept (`release_text`).

Why the index-headers page and not the folder's `index.json`: `index.json` is a directory listing
whose `type` is an icon name ("text.gif"), so it cannot say which file is EX-99.1, and file names
do not either (NVIDIA files its release as `q3fy26pr.htm`). The index-headers page carries the
submission's SGML manifest, HTML-escaped, one block per document:

    &lt;DOCUMENT&gt;
    &lt;TYPE&gt;EX-99.1
    &lt;SEQUENCE&gt;2
    &lt;FILENAME&gt;q3fy26pr.htm
    &lt;DESCRIPTION&gt;EX-99.1
    &lt;TEXT&gt;
    <a href="q3fy26pr.htm">Document 2 - file: q3fy26pr.htm</a><br>
    &lt;/DOCUMENT&gt;

and ends with `&lt;/SEC-DOCUMENT&gt;</PRE></BODY></HTML>` (format of a real page kept in
tests/data/edgar/; see the note there).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aicycle.errors import AicycleError, DataError
from aicycle.language.documents import document_row
from aicycle.language.releases import parse_earnings_8k_index, release_text
from aicycle.sec.client import SecClient
from aicycle.universe import Company

SOURCE = "sec_8k_ex99_1"
_EXHIBIT = re.compile(r"^EX-99\.0?1$", re.IGNORECASE)
_BLOCK = re.compile(r"<DOCUMENT>(.*?)</DOCUMENT>", re.DOTALL)
_FIELD = re.compile(r"^<([A-Z]+)>(.*)$", re.MULTILINE)
_ACCESSION = re.compile(r"<ACCESSION-NUMBER>\s*(\S+)|ACCESSION NUMBER:\s*(\S+)")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")


@dataclass(frozen=True)
class FiledDocument:
    type: str
    filename: str
    description: str | None


@dataclass(frozen=True)
class Filing:
    accession: str
    filed: dt.date


@dataclass
class CompanyReleases:
    rows: list[dict[str, Any]] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # "TICKER accession" -> reason
    already: int = 0  # of the newest filings, how many are stored already
    without_exhibit: list[str] = field(default_factory=list)  # Item 2.02 8-Ks that file no EX-99.1


class NoReleaseExhibit(DataError):
    """An Item 2.02 8-K without an EX-99.1 (results given in the 8-K itself or another exhibit)."""


def index_headers_name(accession: str) -> str:
    return f"{accession}-index-headers.html"


def parse_manifest(markup: str, accession: str) -> list[FiledDocument]:
    """The documents of a filing, from its index-headers page (checked to be that filing's)."""
    text = html.unescape(markup)
    found = _ACCESSION.search(text)
    if found is None:
        raise DataError(f"{index_headers_name(accession)}: no accession number; not an index-headers page")
    if (found.group(1) or found.group(2)) != accession:
        raise DataError(f"{index_headers_name(accession)}: the page is for {found.group(1) or found.group(2)}")
    documents = []
    for block in _BLOCK.findall(text):
        fields = {name: value.strip() for name, value in _FIELD.findall(block)}
        if fields.get("TYPE") and fields.get("FILENAME"):
            documents.append(FiledDocument(fields["TYPE"], fields["FILENAME"], fields.get("DESCRIPTION") or None))
    return documents


def pick_release(documents: list[FiledDocument], accession: str) -> FiledDocument:
    for document in documents:
        if _EXHIBIT.match(document.type):
            if not _SAFE_NAME.match(document.filename):
                raise DataError(f"{accession}: EX-99.1 file name {document.filename!r} is not a plain file name")
            return document
    types = ", ".join(sorted({d.type for d in documents})) or "none"
    raise NoReleaseExhibit(f"{accession}: no EX-99.1 among the filed documents ({types})")


def manifest_complete(body: bytes) -> bool:
    return b"&lt;/SEC-DOCUMENT&gt;" in body[-4096:]


def document_complete(body: bytes) -> bool:
    """An HTML exhibit is whole when its closing tag arrived; plain-text exhibits cannot be checked."""
    head = body[:4096].lower()
    if b"<html" not in head and b"<!doctype" not in head:
        return True
    return b"</html>" in body[-4096:].lower()


def decode_exhibit(body: bytes, where: str) -> str:
    """EDGAR documents are ASCII or UTF-8 mostly, Windows-1252 sometimes (curly quotes)."""
    if b"\x00" in body[:65536]:
        raise DataError(f"{where}: binary document (NUL bytes), not a release")
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def _cik(company: Company) -> int:
    if company.cik_int is None:
        raise DataError(f"{company.ticker} has no SEC CIK in the universe")
    return company.cik_int


def earnings_filings(subs: Any, company: Company, limit: int) -> list[Filing]:
    """The newest `limit` Item 2.02 8-Ks of a submissions document (after checking its CIK)."""
    if not isinstance(subs, dict) or str(subs.get("cik", "")).lstrip("0") != str(_cik(company)):
        raise DataError(f"submissions for {company.ticker}: CIK "
                        f"{subs.get('cik') if isinstance(subs, dict) else '?'} is not {_cik(company)}")
    return [Filing(a, d) for a, d in parse_earnings_8k_index(subs)[:limit]]


def fetch_release(client: SecClient, company: Company, filing: Filing) -> dict[str, Any]:
    """One `documents` row: the prose of the filing's EX-99.1, with where and when it came from."""
    manifest = client.get_document(client.filing_url(_cik(company), filing.accession,
                                                     index_headers_name(filing.accession)),
                                   complete=manifest_complete)
    exhibit = pick_release(parse_manifest(decode_exhibit(manifest, filing.accession), filing.accession),
                           filing.accession)
    url = client.filing_url(_cik(company), filing.accession, exhibit.filename)
    prose = release_text(decode_exhibit(client.get_document(url, complete=document_complete), url))
    return document_row(prose, company.ticker, filing.filed, "release",
                        title=f"{company.ticker} 8-K {filing.filed} EX-99.1 {exhibit.filename}",
                        source=SOURCE, url=url, accession=filing.accession)


def fetch_company(client: SecClient, company: Company, known: set[str], known_dates: set[dt.date],
                  limit: int) -> CompanyReleases:
    """The releases of the newest `limit` earnings 8-Ks that are not stored yet.

    A filing is skipped when its accession is stored, or when a release of the company is already
    stored for its filing date (e.g. the same release from the company's newsroom): a second copy
    would count the release twice in the quarter's tone.
    """
    _, subs = client.get_json(client.submissions_path(_cik(company)))
    filings = earnings_filings(subs, company, limit)
    fresh = [f for f in filings if f.accession not in known and f.filed not in known_dates]
    result = CompanyReleases(already=len(filings) - len(fresh))
    for filing in fresh:
        try:
            result.rows.append(fetch_release(client, company, filing))
        except NoReleaseExhibit:
            result.without_exhibit.append(filing.accession)
        except AicycleError as exc:  # one filing failing leaves the others
            result.failed[f"{company.ticker} {filing.accession}"] = str(exc)
    return result


def collect(client: SecClient, companies: list[Company], stored: list[dict[str, Any]], limit: int,
            advance: Callable[[], None]) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str], dict[str, str]]:
    """(rows by ticker, failures, notes) for every company; `stored` holds (ticker, accession, date)
    of the releases in the store. A company is in `rows` (ok) unless its submissions failed or every
    filing it tried failed with nothing of its window stored."""
    rows: dict[str, list[dict[str, Any]]] = {}
    failed: dict[str, str] = {}
    notes: dict[str, str] = {}
    for company in companies:
        mine = [r for r in stored if r["ticker"] == company.ticker]
        try:
            found = fetch_company(client, company, {r["accession"] for r in mine if r["accession"]},
                                  {r["date"] for r in mine}, limit)
        except AicycleError as exc:  # submissions unreadable: this company only
            failed[company.ticker] = str(exc)
            advance()
            continue
        failed.update(found.failed)
        if found.rows or found.already or not found.failed:
            rows[company.ticker] = found.rows
        said = [f"{found.already} of the newest {limit} already stored"] if found.already else []
        if found.without_exhibit:
            said.append(f"no EX-99.1 in {', '.join(found.without_exhibit)}")
        if said:
            notes[company.ticker] = "; ".join(said)
        advance()
    return rows, failed, notes
