"""An analyst's question in NVIDIA's call ("And I guess I'm also curious, maybe I'm squeezing too many
questions in here, ...") was quoted as the company's evidence on a GPU rental-price claim, and the
reading showed "subject ?" for a claim that names no company."""

from __future__ import annotations

from pathlib import Path

from aicycle.rumor import check
from tests import rumor_store


def test_the_question_is_not_evidence_and_the_subject_is_said_plainly(data_dir: Path) -> None:
    store = rumor_store.loaded_store(data_dir)
    result = check(store, "GPU rental prices are collapsing", "2026-10-05")
    assert result["verdict"] == "contradicted"
    texts = " ".join(e["text"] for e in result["evidence"])
    assert "squeezing too many questions" not in texts
    assert "I'm also curious" not in texts
    assert "subject ?" not in result["reasoning"]
    assert "none named" in result["reasoning"]
