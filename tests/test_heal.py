"""`store check` and `store repair`, and the journal of imports they rebuild from."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from aicycle import heal, journal
from aicycle.store import open_store, snapshot_sha256

runner = CliRunner()
FACTS = "date,company,ticker,metric,value,unit,period,source_type,source,source_url,seen_via,notes\n"


def _imports(tmp_path: Path) -> None:
    from aicycle.cli import app

    doc = tmp_path / "call.txt"
    doc.write_text("We will expand capital expenditures next year.\n")
    facts = tmp_path / "mine.csv"
    facts.write_text(FACTS + "2026-08-12,CoreWeave,CRWV,revenue_backlog,104,USD bn,2026Q2,my notes,notes,,,\n")
    gpu = tmp_path / "points.csv"
    gpu.write_text("date,sku,price,term,source,url\n2026-11-02,H100 SXM,2.25,on_demand,my notes,\n")
    for args in (["ingest", str(doc), "--company", "AMD", "--date", "2026-11-01"], ["load-facts", str(facts)],
                 ["gpu", "import", str(gpu)], ["load-facts", str(facts)]):  # the repeat stores nothing new
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output


def test_a_healthy_store_checks_ok_and_knows_its_snapshot(home: Path) -> None:
    open_store().close()
    result = heal.check()
    assert result["status"] == "ok" and result["problems"] == []
    assert result["built_from_snapshot"] == snapshot_sha256() == result["snapshot"]["sha256"]
    assert result["tables"]["facts"]["rows"] > 1000
    assert heal.repair()["repaired"] is False


def test_each_import_that_stored_something_is_journaled_once(home: Path, tmp_path: Path) -> None:
    _imports(tmp_path)
    entries = journal.entries()
    assert [e["command"] for e in entries] == ["ingest", "load-facts", "gpu import"]
    assert entries[0]["options"] == {"company": "AMD", "date": "2026-11-01", "kind": "transcript"}
    kept = journal.files_of(entries[0])
    assert kept[0].name == "call.txt" and kept[0].read_text().startswith("We will expand")


def test_force_rebuild_keeps_every_import_and_drops_rows_that_break_the_rules(home: Path, tmp_path: Path) -> None:
    _imports(tmp_path)
    store = home / "aicycle.duckdb"
    con = duckdb.connect(str(store))
    con.execute("UPDATE facts SET filed = DATE '2099-01-01' "
                "WHERE fact_key = (SELECT min(fact_key) FROM facts WHERE ticker = 'META')")
    con.close()
    checked = heal.check()
    assert checked["status"] == "warnings" and "filed 2099-01-01 is in the future" in checked["problems"][0]
    result = heal.repair(force=True)
    assert result["repaired"] and result["not_reapplied"] == {} and len(result["reapplied"]) == 3
    with open_store() as s:
        assert s.query("SELECT count(*) AS n FROM facts WHERE filed > current_date + 1") == [{"n": 0}]
        assert s.query("SELECT ticker FROM documents WHERE title = 'call.txt'") == [{"ticker": "AMD"}]
        assert s.query("SELECT value FROM facts WHERE ticker = 'CRWV' AND metric = 'backlog' "
                       "AND source = 'curated:mine.csv'") == [{"value": 104e9}]
        assert s.query("SELECT price_usd_per_gpu_hour AS p FROM gpu_prices WHERE snapshot_id = 'curated:user_csv'") \
            == [{"p": 2.25}]
    assert heal.check()["status"] == "ok"


def test_an_altered_journal_copy_is_reported_not_applied(home: Path, tmp_path: Path) -> None:
    from aicycle.cli import app

    _imports(tmp_path)
    entry = journal.entries()[1]
    (journal.directory() / entry["files"][0]["copy"]).write_text("tampered\n")
    result = runner.invoke(app, ["store", "repair", "--force", "--json"])
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert list(body["not_reapplied"]) == [entry["id"]] and "was altered" in body["not_reapplied"][entry["id"]]
    assert len(body["reapplied"]) == 2
