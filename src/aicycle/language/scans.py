"""Stance summaries of stored documents, kept in the `document_scans` cache.

Scanning a transcript takes milliseconds, but a 50 MB document takes tens of seconds: the summary is
computed once, when the document is stored (`remember`), and pages read it (`summaries`). A summary
is keyed by the document and by VERSION, a hash of the language package's code, so a changed
scanner never serves an old summary: a document without a current one is scanned when read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from aicycle.language.document import DocumentSummary, scan_document
from aicycle.store import Store


@cache
def version() -> str:
    folder = Path(str(resources.files("aicycle.language")))
    digest = hashlib.sha256()
    model = Path(str(resources.files("aicycle").joinpath("data/stance_model.json")))
    for file in [*sorted(folder.rglob("*")), model]:  # the code and the stance model's parameters
        if file.is_file() and file.suffix != ".pyc":
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def _as_row(doc_id: str, summary: DocumentSummary, chars: int) -> dict[str, Any]:
    return {"doc_id": doc_id, "version": version(), "summary": json.dumps(summary.to_dict()), "chars": chars}


def _from_json(raw: str) -> DocumentSummary:
    d = json.loads(raw)
    return DocumentSummary(d["kind"], d["sentences"], d["topical"], d["counts"], d["score"], d["watch_terms"])


def remember(store: Store, documents: Iterable[Mapping[str, Any]]) -> None:
    """Scan documents being stored (rows with doc_id, kind, text) and keep their summaries."""
    rows = [_as_row(d["doc_id"], scan_document(d["text"], d["kind"], keep_examples=0), len(d["text"]))
            for d in documents]
    store.upsert("document_scans", rows)


def remember_missing(store: Store) -> int:
    """Keep a summary for every stored document without a current one (seeded or older documents):
    afterwards no page needs to read a document's text. Returns how many were scanned."""
    missing = store.query(
        "SELECT doc_id, kind, text FROM documents WHERE doc_id NOT IN "
        "(SELECT doc_id FROM document_scans WHERE version = ?)", [version()])
    remember(store, missing)
    return len(missing)


def kept(store: Store) -> bool:
    """Whether the store has the cache (a store made by an older version, opened read-only, has not)."""
    return bool(store.query("SELECT 1 FROM duckdb_tables() WHERE table_name = 'document_scans'"))


def summaries(store: Store, documents: Sequence[Mapping[str, Any]]) -> dict[str, DocumentSummary]:
    """doc_id -> summary for stored documents (rows with doc_id, kind): cached, or scanned now."""
    ids = [d["doc_id"] for d in documents]
    found = {r["doc_id"]: _from_json(r["summary"]) for r in store.query(
        "SELECT doc_id, summary FROM document_scans WHERE version = ? AND doc_id IN (SELECT unnest(?))",
        [version(), ids])} if ids and kept(store) else {}
    missing = [i for i in ids if i not in found]
    if missing:
        for r in store.query("SELECT doc_id, kind, text FROM documents WHERE doc_id IN (SELECT unnest(?))",
                             [missing]):
            found[r["doc_id"]] = scan_document(r["text"], r["kind"], keep_examples=0)
    return found
