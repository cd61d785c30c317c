"""Documents in the store: ingest transcripts and releases, and read their tone per quarter.

`doc_id` is the sha256 of the stored text, so ingesting the same text twice changes nothing. HTML
is stored as its visible prose (scripts, navigation and tables removed), which is what `scan` reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aicycle import textfile
from aicycle import validate as validate_rows
from aicycle.errors import InputError
from aicycle.language import scans
from aicycle.language.text import document_text
from aicycle.store import Store

DOC_KINDS = ("transcript", "release")
_TICKER = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,11}$")
MAX_BYTES = 64 * 1024 * 1024  # a call transcript is ~50 kB; anything this large is not one


def validate(ticker: str, date: str | dt.date, kind: str) -> tuple[str, dt.date, str]:
    symbol = ticker.strip().upper()
    if not _TICKER.match(symbol):
        raise InputError(f"--company: {ticker!r} is not a ticker (letters, digits, '.', '-')")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            raise InputError(f"--date: {date!r} is not a date (YYYY-MM-DD)") from None
    if date > dt.date.today():
        raise InputError(f"--date: {date} is in the future; use the date the document became public")
    if problem := validate_rows.day_problem(date):
        raise InputError(f"--date: {date} {problem}")
    if kind not in DOC_KINDS:
        raise InputError(f"--kind: {kind!r} is not one of {', '.join(DOC_KINDS)}")
    return symbol, date, kind


def read_document(path: Path) -> str:
    """The text of a document file, or a clear error for binary, empty or oversized input."""
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give the document files (e.g. {path}/*.txt)")
    text = textfile.read_text(path, MAX_BYTES)
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text


def document_row(text: str, ticker: str, date: dt.date, kind: str, *, title: str | None,
                 source: str, url: str | None = None, accession: str | None = None,
                 fiscal_period: str | None = None, flag: str | None = None,
                 method: str | None = None) -> dict[str, Any]:
    prose = document_text(text, kind)
    if not prose.strip():
        raise InputError(f"{title or source}: no readable text after removing markup")
    return {
        "doc_id": hashlib.sha256(prose.encode("utf-8")).hexdigest(),
        "ticker": ticker, "date": date, "kind": kind, "title": title, "source": source,
        "url": url, "accession": accession,
        "fetched_at": dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
        "text": prose, "fiscal_period": fiscal_period, "flag": flag, "method": method,
    }


def ingest(store: Store, paths: Iterable[Path], ticker: str, date: str | dt.date,
           kind: str = "transcript") -> dict[str, Any]:
    """Store each file as a document of `ticker` public on `date`. Idempotent."""
    symbol, day, kind = validate(ticker, date, kind)
    paths = list(paths)
    rows = [document_row(read_document(p), symbol, day, kind, title=p.name, source=f"file:{p.name}")
            for p in paths]
    if not rows:
        raise InputError("no files given")
    _refuse_moves(store, rows, paths)
    changes = _changes(store, rows, paths)
    inserted, changed = store.upsert("documents", rows, where=[str(p) for p in paths])
    scans.remember(store, rows)
    scans.remember_missing(store)  # the company's other documents too: its page then reads no text
    return {"documents": len(rows), "inserted": inserted, "changed": changed, "changes": changes}


# A document is its text under one company, date and kind: re-ingesting it elsewhere is refused.
IDENTITY = ("ticker", "date", "kind")
# What a re-ingest may change, said in the summary.
DESCRIPTIVE = ("title", "source", "url")


def _stored(store: Store, rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = store.query("SELECT doc_id, ticker, date, kind, title, source, url FROM documents "
                        "WHERE doc_id IN (SELECT unnest(?))", [[r["doc_id"] for r in rows]])
    return {r["doc_id"]: r for r in found}


def _refuse_moves(store: Store, rows: list[dict[str, Any]], paths: list[Path]) -> None:
    """The same text never silently moves to another company, date or kind (nor twice in one batch)."""
    seen: dict[str, Path] = {}
    for row, path in zip(rows, paths, strict=True):
        if row["doc_id"] in seen:
            raise InputError(f"{path}: same text as {seen[row['doc_id']]}; give each document once")
        seen[row["doc_id"]] = path
    stored = _stored(store, rows)
    for row, path in zip(rows, paths, strict=True):
        old = stored.get(row["doc_id"])
        if old is not None and tuple(old[k] for k in IDENTITY) != tuple(row[k] for k in IDENTITY):
            raise InputError(
                f"{path}: this text is already stored as {old['ticker']}'s {old['kind']} of {old['date']} "
                f"({old['title'] or old['source']}); a document keeps its company, date and kind, so it is "
                f"not stored again as {row['ticker']}'s {row['kind']} of {row['date']}; nothing was stored")


def _changes(store: Store, rows: list[dict[str, Any]], paths: list[Path]) -> list[str]:
    """One line per stored document a re-ingest updates: which field, from what to what."""
    stored = _stored(store, rows)
    out = []
    for row, path in zip(rows, paths, strict=True):
        old = stored.get(row["doc_id"])
        if old is None:
            continue
        moved = [f"{k} {old[k]!r} -> {row[k]!r}" for k in DESCRIPTIVE if old[k] != row[k]]
        if moved:
            out.append(f"{path}: {', '.join(moved)}")
    return out


def tone(store: Store, ticker: str, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Stance score per quarter of a company's documents public by `as_of`, with the change."""
    rows = store.query(
        "SELECT doc_id, date, kind, title, fiscal_period, flag FROM documents "
        "WHERE ticker = ? AND (? IS NULL OR date <= ?) ORDER BY date, doc_id",
        [ticker.upper(), as_of, as_of],
    )
    quarters: dict[str, dict[str, Any]] = {}
    found = scans.summaries(store, rows)  # cached when stored: a long text is never rescanned here
    for row in rows:
        summary = found[row["doc_id"]]
        key = row["fiscal_period"] or _calendar_quarter(row["date"])
        q = quarters.setdefault(key, {"period": key, "date": row["date"], "documents": 0, "counts": {},
                                      "weighted": 0.0, "labelled": 0, "watch_terms": {}, "flags": set()})
        q["documents"] += 1
        q["date"] = max(q["date"], row["date"])
        for label, n in summary.counts.items():
            q["counts"][label] = q["counts"].get(label, 0) + n
        for term, n in summary.watch_terms.items():
            q["watch_terms"][term] = q["watch_terms"].get(term, 0) + n
        if summary.score is not None:
            q["weighted"] += summary.score * summary.labelled
            q["labelled"] += summary.labelled
        if row["flag"]:
            q["flags"].add(row["flag"])
    return _with_shift(sorted(quarters.values(), key=lambda q: q["date"]))


def _with_shift(quarters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out, previous = [], None
    for q in quarters:
        score = round(q.pop("weighted") / q["labelled"], 3) if q["labelled"] else None
        q["score"] = score
        q["shift"] = round(score - previous, 3) if score is not None and previous is not None else None
        q["flags"] = sorted(q["flags"])
        previous = score if score is not None else previous
        out.append(q)
    return out


def _calendar_quarter(day: dt.date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"
