"""The stance candidate pool: every sentence is where it says it is, and the old dev set stays out."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

from aicycle.language.text import document_text, sentence_spans

REPO = Path(__file__).resolve().parents[1]
POOL = REPO / "data" / "stance" / "candidates.jsonl"
FIELDS = ["id", "company", "source_file", "sentence_index", "doc_date", "kind", "selection", "speaker_role", "text"]
SPLIT_MODE = {"call": "transcript", "release": "release", "10-K": "release", "10-Q": "release"}


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in POOL.read_text(encoding="utf-8").splitlines()]


@cache
def _sentences(source_file: str, kind: str) -> list[str]:
    prose = document_text((REPO / source_file).read_text(encoding="utf-8"), SPLIT_MODE[kind])
    return [prose[a:b] for a, b in sentence_spans(prose)]


def test_rows_have_the_documented_fields_and_unique_ids() -> None:
    rows = _rows()
    assert all(list(r) == FIELDS for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["selection"] for r in rows} == {"topic", "hard_negative", "random_negative"}
    assert {r["kind"] for r in rows} == {"call", "release", "10-K", "10-Q"}
    assert {r["speaker_role"] for r in rows} <= {None, "company", "analyst"}


def test_sentence_index_points_at_the_text_under_the_product_splitter() -> None:
    with (REPO / "data" / "facts" / "capex_guidance_quotes.csv").open(encoding="utf-8") as handle:
        quotes = list(csv.DictReader(handle))
    for row in _rows():
        index, text = int(str(row["sentence_index"])), row["text"]
        if row["source_file"] == "data/facts/capex_guidance_quotes.csv":
            assert quotes[index]["quote"] == text
        else:
            assert _sentences(str(row["source_file"]), str(row["kind"]))[index] == text, row["id"]


def test_every_company_in_the_data_is_in_the_pool_and_none_dominates() -> None:
    companies = Counter(str(r["company"]) for r in _rows())
    carried = {p.name.split("_")[0] for p in (REPO / "data" / "transcripts").glob("*.txt")}
    carried |= {p.name.split("_")[0] for p in (REPO / "data" / "calls_2025_2026").glob("*.txt")}
    carried |= {p.name.split("-")[0].upper() for p in (REPO / "data" / "edgar" / "filings").glob("*.html")}
    carried |= {p.name.upper() for p in (REPO / "data" / "edgar" / "earnings_releases").iterdir()}
    assert carried <= set(companies)
    assert max(companies.values()) < 0.1 * sum(companies.values())


def test_no_sentence_of_the_old_dev_set_and_no_exact_duplicates() -> None:
    def key(text: object) -> str:
        return re.sub(r"[^a-z]+", "", str(text).lower())

    dev_lines = (REPO / "tests" / "data" / "stance_dev.jsonl").read_text(encoding="utf-8").splitlines()
    dev = [json.loads(line) for line in dev_lines]
    keys = [key(r["text"]) for r in _rows()]
    assert len(set(keys)) == len(keys)
    assert not set(keys) & {key(r["text"]) for r in dev}
