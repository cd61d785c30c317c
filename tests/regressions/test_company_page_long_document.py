"""Regression: a 50 MB document made its company page take 26-30 s: the page rescanned every stored
text for the tone table on each request. The stance summary is kept when a document is stored, and
the page lists documents and figures a page at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicycle.language import document as document_module
from aicycle.language.documents import ingest
from aicycle.store import writing
from aicycle.web import create_app
from aicycle.web.views import company as company_view
from tests.web_client import TestClient


def test_the_page_reads_the_kept_summary_and_paginates(home: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    long_doc = tmp_path / "long.txt"
    long_doc.write_text("We will expand capital expenditures next year. " * 20_000)
    with writing() as store:
        ingest(store, [long_doc], "AMD", "2026-11-01")
    for n in range(25):  # more documents than one page holds
        (tmp_path / f"note{n}.txt").write_text(f"Note {n}: capex stays disciplined.\n")
    with writing() as store:
        ingest(store, [tmp_path / f"note{n}.txt" for n in range(25)], "AMD", "2026-10-01")
    scanned: list[int] = []
    real = document_module.scan_document

    def counting(text: str, *args: object, **kwargs: object) -> object:
        scanned.append(len(text))
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("aicycle.language.scans.scan_document", counting)
    client = TestClient(create_app())
    first = client.get("/company/AMD", headers={"host": "127.0.0.1"})
    assert first.status_code == 200
    assert max(scanned, default=0) < 500_000  # the long text was not scanned again
    assert "Page 1 of 2" in first.text and 'rel="next"' in first.text
    assert first.text.count("chars</td>") == company_view.DOCUMENTS_PER_PAGE
    second = client.get("/company/AMD?page=2", headers={"host": "127.0.0.1"})
    assert second.status_code == 200 and 'rel="prev"' in second.text
    assert client.get("/company/AMD?page=0", headers={"host": "127.0.0.1"}).status_code == 422
