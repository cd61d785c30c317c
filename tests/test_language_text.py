"""Sentence splitting and document text on the real transcripts and releases, and garbage input."""

from __future__ import annotations

import datetime as dt
import json
import time
from itertools import pairwise
from pathlib import Path

import pytest

from aicycle.errors import InputError
from aicycle.language import classify, scan_document
from aicycle.language.document import watch_terms
from aicycle.language.documents import read_document
from aicycle.language.releases import parse_earnings_8k_index, release_text
from aicycle.language.text import HARD_LIMIT, decode, document_text, sentence_spans, sentences


def test_transcripts_split_into_bounded_sentences(data_dir: Path) -> None:
    text = (data_dir / "transcripts" / "AMD_2024_Q1.txt").read_text()
    assert text.count("\n") == 0  # one line per call, no speaker labels
    parts = list(sentences(text))
    assert 400 < len(parts) < 800
    assert parts[0].startswith("Greetings and welcome to the AMD first quarter 2024")
    assert all(len(p) <= HARD_LIMIT and p == p.strip() for p in parts)
    spans = list(sentence_spans(text))
    assert [text[a:b] for a, b in spans] == parts


def test_abbreviations_and_run_ons() -> None:
    assert list(sentences("Mr. Smith met Dr. Jones in the U.S. today. Capex grows. We agree!")) == [
        "Mr. Smith met Dr. Jones in the U.S. today.", "Capex grows.", "We agree!"]
    run_on = "; ".join(["we are adding capacity in every region and the demand keeps coming"] * 30)
    pieces = list(sentences(run_on))
    assert len(pieces) > 1 and all(len(p) <= 600 for p in pieces)


def test_nvidia_release_html_gives_prose_without_chrome_or_tables(data_dir: Path) -> None:
    page = (data_dir / "edgar/earnings_releases/nvda/nvda_2025-11-19_q3fy26_press_release_nvidianews.html")
    text = release_text(page.read_text())
    assert "cloud GPUs are sold out" in text
    assert "<" not in text and "function(" not in text
    assert "Privacy Policy" not in text  # menus are not prose
    assert "Total current assets" not in text  # financial tables are skipped
    summary = scan_document(page.read_text(), "release")
    assert summary.counts["expand"] >= 3 and summary.counts["cut"] == 0


def test_coreweave_page_text_keeps_sentences(data_dir: Path) -> None:
    raw = (data_dir / "edgar/earnings_releases/crwv/crwv_2025-11-10_q3_2025_press_release_irpage_text.txt")
    text = document_text(raw.read_text(), "release")
    assert "Revenue backlog1 was $55.6 billion as of September 30, 2025." in text
    assert all(len(line.split()) >= 6 for line in text.splitlines())


def test_earnings_8k_index_from_real_submissions(data_dir: Path) -> None:
    nvda = json.loads((data_dir / "edgar/submissions/CIK0001045810.json").read_text())
    index = parse_earnings_8k_index(nvda)
    assert ("0001045810-25-000228", dt.date(2025, 11, 19)) in index
    assert all(a[1] >= b[1] for a, b in pairwise(index))
    recent = nvda["filings"]["recent"]
    expected = sum(1 for f, i in zip(recent["form"], recent["items"], strict=True)
                   if f.startswith("8-K") and "2.02" in i)
    assert len(index) == expected > 10


def test_watch_terms_fast_path_matches_plain_regex(data_dir: Path) -> None:
    for name in ("DELL_2025_Q3.txt", "INTC_2024_Q2.txt", "CSCO_2024_Q2.txt"):
        text = (data_dir / "transcripts" / name).read_text()
        summary = scan_document(text)
        assert summary.watch_terms == watch_terms(text)
    assert scan_document((data_dir / "transcripts" / "DELL_2025_Q3.txt").read_text()).watch_terms["digest"] >= 1


# --- garbage input: a clear error or a clean result, never a crash or a hang ---

def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(InputError, match="binary"):
        read_document(path)


def test_invalid_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Capex will grow in M\xfcnchen.".encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_document(path)
    with pytest.raises(InputError, match="UTF-8"):
        decode(b"\xff\xfe\xfa", "stdin")


def test_empty_file_is_refused_and_empty_text_scans_clean(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_document(path)
    summary = scan_document("", "transcript")
    assert summary.sentences == 0 and summary.score is None


def test_fifty_megabyte_single_line_scans_without_hanging(tmp_path: Path, data_dir: Path) -> None:
    # A recogniser that drops every full stop: a real call, repeated, with no sentence end at all.
    call = (data_dir / "transcripts" / "AMD_2024_Q1.txt").read_text()
    chunk = call.translate(str.maketrans("", "", ".!?")) + " "
    path = tmp_path / "line.txt"
    with path.open("w") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    text = read_document(path)
    assert "\n" not in text and len(text) >= 50 * 1024 * 1024
    started = time.process_time()
    summary = scan_document(text, "transcript", keep_examples=0)
    assert summary.sentences >= len(text) // HARD_LIMIT
    assert summary.counts["expand"] > 0
    assert time.process_time() - started < 120  # a guard against a hang, not a speed test


def test_fifty_megabyte_line_to_classify_is_a_clear_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from aicycle.cli import app

    path = tmp_path / "line.txt"
    path.write_text("capex grows and we add capacity " * (50 * 1024 * 1024 // 32))
    result = CliRunner().invoke(app, ["language", "classify", str(path)])
    assert result.exit_code == 2
    assert "is not a sentence" in " ".join(result.stderr.split())


def test_classify_of_a_megabyte_string_stays_linear(data_dir: Path) -> None:
    call = (data_dir / "transcripts" / "AMD_2024_Q1.txt").read_text().translate(str.maketrans("", "", ".!?"))
    started = time.process_time()
    assert classify((call + " ") * 20).label in ("expand", "maintain", "moderate", "cut", "none")
    assert time.process_time() - started < 60


@pytest.mark.parametrize("evil", [
    "a " * 50_000, "capacity " * 20_000, "(" * 100_000, "digest, " * 30_000 + "x" * 10,
    "not not not " * 20_000, "$1 - $2 - $3 " * 20_000,
])
def test_adversarial_repetition_stays_linear(evil: str) -> None:
    started = time.process_time()
    scan_document(evil)
    assert time.process_time() - started < 30
