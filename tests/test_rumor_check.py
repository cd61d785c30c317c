"""The rumor check against the real data: verdicts of the claim set, point in time, hostile input."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.errors import InputError
from aicycle.rumor import check
from aicycle.rumor.statements import statement_items
from aicycle.store import KINDS, Store, open_store
from tests import rumor_store

CLAIMS = Path(__file__).parent / "data" / "rumor_claims.csv"
ROWS = list(csv.DictReader(CLAIMS.read_text(encoding="utf-8").splitlines()))
EVIDENCE_FIELDS = {"text", "value", "unit", "period", "date", "source", "url", "accession", "kind", "points"}


@pytest.fixture(scope="session")
def store(data_dir: Path) -> Store:
    return rumor_store.loaded_store(data_dir)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['claim'][:40]}@{r['as_of']}" for r in ROWS])
def test_claim_set_verdicts(store: Store, row: dict[str, str]) -> None:
    result = check(store, row["claim"], row["as_of"])
    assert result["verdict"] == row["expected"], result["reasoning"]


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['claim'][:40]}@{r['as_of']}" for r in ROWS])
def test_no_evidence_is_dated_after_as_of(store: Store, row: dict[str, str]) -> None:
    result = check(store, row["claim"], row["as_of"])
    as_of = dt.date.fromisoformat(row["as_of"])
    for item in result["evidence"]:
        assert item["date"] is not None and dt.date.fromisoformat(item["date"]) <= as_of, item
        assert EVIDENCE_FIELDS <= item.keys()
        assert item["source"] and item["kind"] in KINDS
        assert item["points"] in ("supports", "contradicts", "neutral")


def test_set_holds_the_same_claim_at_two_dates_with_opposite_answers() -> None:
    answers: dict[str, set[str]] = {}
    for row in ROWS:
        answers.setdefault(row["claim"], set()).add(row["expected"])
    flips = [c for c, a in answers.items() if {"supported", "contradicted"} <= a]
    assert len(flips) >= 2, flips


def test_every_decided_verdict_rests_on_evidence(store: Store) -> None:
    for row in ROWS:
        result = check(store, row["claim"], row["as_of"])
        if result["verdict"] != "unclear":
            side = "supports" if result["verdict"] == "supported" else "contradicts"
            assert any(e["points"] == side for e in result["evidence"]), row


def test_rows_made_public_later_do_not_change_the_answer(store: Store) -> None:
    """Delete everything public after as_of: the answer must be identical."""
    as_of = "2026-04-28"
    claims = ["Meta raises capex guidance", "Hyperscalers cutting capex", "GPU rental prices are rising",
              "Micron HBM sold out for 2026", "CoreWeave backlog shrinking"]
    before = [check(store, c, as_of) for c in claims]
    store.con.execute("BEGIN TRANSACTION")
    try:
        store.con.execute("DELETE FROM facts WHERE filed > ?", [as_of])
        store.con.execute("DELETE FROM gpu_prices WHERE observed_on > ? OR filed > ?", [as_of, as_of])
        after = [check(store, c, as_of) for c in claims]
    finally:
        store.con.execute("ROLLBACK")
    assert before == after


def test_meta_move_of_the_article(store: Store) -> None:
    """'Meta is cutting AI investment' (the 2026-07-01 reading) against the raised guidance."""
    result = check(store, "Meta is cutting AI investment", "2026-07-01")
    assert result["verdict"] == "contradicted" and result["confidence"] >= 0.8
    top = result["evidence"][0]
    assert top["points"] == "contradicts" and "$125.0B–$145.0B" in top["text"] and top["date"] == "2026-04-29"
    assert "raised" in result["reasoning"]


def test_partial_claims_are_said_to_be_partial(store: Store) -> None:
    result = check(store, "Meta pauses some early-stage data-center projects", "2026-07-01")
    assert result["verdict"] == "unclear"
    assert "partly" in result["reasoning"] and "$125.0B–$145.0B" in result["reasoning"]
    broad = check(store, "Meta pulls back from AI spending", "2026-07-01")
    assert broad["verdict"] == "contradicted"


def test_strong_words_need_a_large_move(store: Store) -> None:
    result = check(store, "H100 rental prices are collapsing", "2025-11-15")
    h100 = [e for e in result["evidence"] if e["text"].startswith("H100")]
    assert h100 and all(e["points"] != "supports" for e in h100)
    assert any(e["caveat"] and "smaller than" in e["caveat"] for e in h100)


def test_result_shape(store: Store) -> None:
    result = check(store, "Report: $META pulls back from AI spending", dt.date(2026, 7, 1))
    assert set(result) >= {"claim", "parsed", "as_of", "verdict", "confidence", "reasoning", "evidence"}
    assert result["parsed"] == {"company": "META", "metric": "ai_investment", "direction": "down"}
    assert 0 <= result["confidence"] <= 1 and isinstance(result["reasoning"], str)
    json.dumps(result)  # plain JSON, no dates or objects left


@pytest.mark.parametrize("claim", ["", "   ", "\x00\x07\x1b[31m", "<script>alert(1)</script>",
                                   "x" * 100_000, "🚀🚀🚀", "SELECT * FROM facts; DROP TABLE facts;--",
                                   "Meta " * 300])
def test_hostile_input_is_unclear_with_a_reason(store: Store, claim: str) -> None:
    result = check(store, claim, "2026-07-01")
    assert result["verdict"] == "unclear" and result["reasoning"].startswith("Cannot check")
    assert store.count("facts") > 0


def test_bad_arguments_are_usage_errors(store: Store) -> None:
    with pytest.raises(InputError):
        check(store, None, "2026-07-01")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        check(store, "Meta cuts capex", "July 1st")


def test_company_documents_are_read_for_stance(data_dir: Path) -> None:
    s = open_store(memory=True, seed=False)
    text = (data_dir / "transcripts" / "AMD_2025_Q2.txt").read_text(encoding="utf-8")
    s.upsert("documents", [{"doc_id": hashlib.sha256(text.encode()).hexdigest(), "ticker": "AMD",
                            "date": dt.date(2025, 8, 5), "kind": "transcript", "title": "Q2 2025 call",
                            "source": "transcripts/AMD_2025_Q2.txt", "url": None, "accession": None,
                            "fetched_at": None, "text": text}])
    items = statement_items(s, "AMD", "data_center_construction", dt.date(2025, 9, 1))
    assert len(items) == 1 and items[0].date == dt.date(2025, 8, 5) and "sentences on" in items[0].text
    assert statement_items(s, "AMD", "data_center_construction", dt.date(2025, 8, 4)) == []


# --- CLI ----------------------------------------------------------------------------------------

@pytest.fixture
def cli_home(home: Path, store: Store) -> Path:
    """A store file in a fresh aicycle home, copied from the session's loaded store."""
    home.mkdir(parents=True, exist_ok=True)
    target = open_store(home / "aicycle.duckdb", write=True, seed=False)
    target.close()
    store.con.execute("ATTACH ? AS cli_db", [str(home / "aicycle.duckdb")])
    try:
        for table in ("facts", "gpu_prices", "documents"):
            store.con.execute(f"INSERT INTO cli_db.{table} SELECT * FROM {table}")
    finally:
        store.con.execute("DETACH cli_db")
    return home


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, ["check", *args])


def test_cli_json(cli_home: Path) -> None:
    res = _run("Meta is cutting AI capex", "--as-of", "2026-07-30", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["verdict"] == "contradicted" and data["as_of"] == "2026-07-30"
    assert all(e["date"] <= "2026-07-30" for e in data["evidence"])


def test_cli_rich_table(cli_home: Path) -> None:
    res = _run("Micron HBM sold out for 2026", "--as-of", "2025-12-18")
    assert res.exit_code == 0 and "SUPPORTED" in res.stdout and "sold out" in res.stdout


def test_cli_hostile_and_bad_input(cli_home: Path) -> None:
    res = _run("[bold red]<b>\x01</b>", "--as-of", "2026-07-01")
    assert res.exit_code == 0 and "UNCLEAR" in res.stdout
    res = _run("Meta cuts capex", "--as-of", "2026-02-30")
    assert res.exit_code == 2 and "not a date" in res.stderr and "Traceback" not in res.output


@settings(max_examples=120, deadline=None)
@given(text=st.text(max_size=300) | st.sampled_from([
    "Meta cuts capex", "GPU prices collapse", "$NVDA backlog shrinks", "Hyperscalers raise guidance to $1T",
    "Micron HBM sold out", "neoclouds add 5 GW of power"]).map(lambda s: s + " \u202e\x00<i>"),
    day=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_any_text_on_any_day_gives_a_verdict(store: Store, text: str, day: dt.date) -> None:
    result = check(store, text, day)
    assert result["verdict"] in ("supported", "contradicted", "unclear")
    assert all(e["date"] <= day.isoformat() for e in result["evidence"])


def test_a_base_of_another_kind_is_said(store: Store) -> None:
    """Microsoft's calendar-2026 outlook against its June fiscal-year cash capex: flagged, weighed less."""
    result = check(store, "Microsoft cuts capex", "2026-08-01")
    level = [e for e in result["evidence"] if e["signal"] == "guidance_level"]
    assert result["verdict"] == "contradicted"
    assert level and level[0]["caveat"] and "fiscal year ending June" in level[0]["caveat"]


def test_group_claims_count_the_members(store: Store) -> None:
    result = check(store, "Hyperscalers cutting capex", "2025-06-30")
    counted = re.search(r"Of (\d) with evidence, 0 back the claim and (\d) contradict it\.", result["reasoning"])
    assert counted and counted.group(1) == counted.group(2) and int(counted.group(1)) >= 3
    assert {e["ticker"] for e in result["evidence"]} >= {"META", "GOOGL", "AMZN"}


def test_the_bundled_snapshot_gives_the_same_answers() -> None:
    """What a user gets on first run (the store seeded from the snapshot) answers the set the same way."""
    seeded = open_store(memory=True, seed=True)
    for row in ROWS:
        assert check(seeded, row["claim"], row["as_of"])["verdict"] == row["expected"], row
