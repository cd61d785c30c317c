"""Stance summaries of stored documents, kept in the `document_scans` cache.

Scanning a transcript takes milliseconds, but a 50 MB document takes tens of seconds: the summary is
computed once, when the document is stored (`remember`), and pages read it (`summaries`). A summary
is keyed by the document and by VERSION, a hash of the language package's code, so a changed
scanner never serves an old summary: a document without a current one is scanned when read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
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
    for file in sorted(folder.rglob("*")):
        if file.is_file() and file.suffix != ".pyc":
            digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def _as_row(doc_id: str, summary: DocumentSummary) -> dict[str, Any]:
    return {"doc_id": doc_id, "version": version(), "summary": json.dumps(summary.to_dict())}


def _from_json(raw: str) -> DocumentSummary:
    d = json.loads(raw)
    return DocumentSummary(d["kind"], d["sentences"], d["topical"], d["counts"], d["score"], d["watch_terms"])


def remember(store: Store, documents: Iterable[Mapping[str, Any]]) -> None:
    """Scan documents being stored (rows with doc_id, kind, text) and keep their summaries."""
    rows = [_as_row(d["doc_id"], scan_document(d["text"], d["kind"], keep_examples=0)) for d in documents]
    store.upsert("document_scans", rows)


def summaries(store: Store, documents: list[Mapping[str, Any]]) -> dict[str, DocumentSummary]:
    """doc_id -> summary for stored documents (rows with doc_id, kind): cached, or scanned now."""
    ids = [d["doc_id"] for d in documents]
    found = {r["doc_id"]: _from_json(r["summary"]) for r in store.query(
        "SELECT doc_id, summary FROM document_scans WHERE version = ? AND doc_id IN (SELECT unnest(?))",
        [version(), ids])}
    missing = [i for i in ids if i not in found]
    if missing:
        for r in store.query("SELECT doc_id, kind, text FROM documents WHERE doc_id IN (SELECT unnest(?))",
                             [missing]):
            found[r["doc_id"]] = scan_document(r["text"], r["kind"], keep_examples=0)
    return found
