"""'AWS backlog tops $450 billion' came out `unclear` ("nothing on backlog for Amazon") although Amazon's RPO,
$364B at 2026-03-31, is the AWS backlog: a claim about one business skipped the company's figures."""

from __future__ import annotations

from pathlib import Path

from aicycle.rumor import check
from tests import rumor_store


def test_aws_backlog_is_read_from_amazon_rpo(data_dir: Path) -> None:
    store = rumor_store.loaded_store(data_dir)
    result = check(store, "AWS backlog tops $450 billion", "2026-05-01")
    assert result["verdict"] == "contradicted"
    assert "364" in result["reasoning"]
