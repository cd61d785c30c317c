"""Documents in the store, the snapshot loader, tone per quarter, the say-do gap and the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.errors import InputError
from aicycle.language.documents import ingest, tone
from aicycle.language.loader import estimated_public_date, load_raw, quarter_end
from aicycle.language.saydo import guidance_revisions, say_do_gap
from aicycle.store import Store, fact_key, open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def loaded(data_dir: Path) -> Store:
    store = open_store(memory=True, seed=False)
    load_raw(store, data_dir)
    return store


def test_loader_stores_every_transcript_and_release_once(loaded: Store, data_dir: Path) -> None:
    n_transcripts = len(list((data_dir / "transcripts").glob("*.txt")))
    assert loaded.count("documents") == n_transcripts + 5
    again = load_raw(loaded, data_dir)
    assert again["inserted"] == 0 and again["changed"] == 0
    row = loaded.query("SELECT * FROM documents WHERE title = 'AMD FY2024 Q1 earnings call'")[0]
    assert row["flag"] == "public_date_estimated" and row["fiscal_period"] == "FY2024Q1"
    assert row["date"] == dt.date(2024, 5, 15) and "ended ~2024-03-31" in row["method"]
    nvda = loaded.query("SELECT date, kind, flag FROM documents WHERE ticker = 'NVDA' ORDER BY date")
    assert [r["date"] for r in nvda][0] == dt.date(2025, 2, 26) and all(r["flag"] is None for r in nvda)


@pytest.mark.parametrize(("year", "quarter", "fy_end", "end", "public_no_earlier_than"), [
    (2024, 1, 12, dt.date(2024, 3, 31), dt.date(2024, 4, 30)),   # AMD reported 2024-04-30
    (2024, 1, 10, dt.date(2024, 1, 31), dt.date(2024, 2, 15)),   # AMAT reported 2024-02-15
    (2024, 1, 7, dt.date(2023, 10, 31), dt.date(2023, 11, 15)),  # CSCO reported 2023-11-15
    (2025, 1, 1, dt.date(2024, 4, 30), dt.date(2024, 5, 30)),    # DELL FY25 Q1 reported 2024-05-30
    (2024, 4, 12, dt.date(2024, 12, 31), dt.date(2025, 2, 26)),  # VST reported 2025-02-26
])
def test_estimated_public_dates_are_conservative(year: int, quarter: int, fy_end: int, end: dt.date,
                                                 public_no_earlier_than: dt.date) -> None:
    assert quarter_end(year, quarter, fy_end) == end
    assert estimated_public_date(year, quarter, fy_end) >= public_no_earlier_than


def test_tone_per_quarter_with_shift(loaded: Store) -> None:
    quarters = tone(loaded, "DELL")
    assert len(quarters) == 10
    assert [q["period"] for q in quarters][:2] == ["FY2024Q1", "FY2024Q2"]
    assert quarters[0]["shift"] is None and quarters[1]["shift"] is not None
    assert all(q["flags"] == ["public_date_estimated"] for q in quarters)
    early = tone(loaded, "DELL", as_of=dt.date(2023, 12, 31))
    assert len(early) == 3  # point in time: later calls are not public yet


def test_ingest_is_idempotent_and_validates(tmp_path: Path, data_dir: Path) -> None:
    store = open_store(memory=True, seed=False)
    src = data_dir / "transcripts" / "AVGO_2025_Q1.txt"
    assert ingest(store, [src], "avgo", "2025-03-06") == {"documents": 1, "inserted": 1, "changed": 0, "changes": []}
    assert ingest(store, [src], "AVGO", "2025-03-06")["inserted"] == 0
    with pytest.raises(InputError, match="not a date"):
        ingest(store, [src], "AVGO", "06/03/2025")
    with pytest.raises(InputError, match="in the future"):
        ingest(store, [src], "AVGO", (dt.date.today() + dt.timedelta(days=2)).isoformat())
    with pytest.raises(InputError, match="kind"):
        ingest(store, [src], "AVGO", "2025-03-06", "podcast")
    with pytest.raises(InputError, match="ticker"):
        ingest(store, [src], "A V", "2025-03-06")
    assert store.count("documents") == 1


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def _meta_guidance(store: Store, data_dir: Path) -> None:
    """META capex guidance vintages from the real curated facts file, in the facts vocabulary."""
    rows = []
    for r in _csv(data_dir / "facts" / "ai_capex_backlog_facts.csv"):
        if r["ticker"] != "META" or not r["metric"].startswith("capex_guidance_fy"):
            continue
        year = int(r["metric"][len("capex_guidance_fy"):len("capex_guidance_fy") + 4])
        metric = "capex_guidance_" + r["metric"].rsplit("_", 1)[1]
        rows.append({"fact_key": fact_key("META", metric, year, r["date"]), "ticker": "META",
                     "metric": metric, "period_start": dt.date(year, 1, 1), "period_end": dt.date(year, 12, 31),
                     "value": float(r["value"]), "unit": "USD", "kind": "curated", "source": r["source"],
                     "url": r["source_url"], "filed": dt.date.fromisoformat(r["date"])})
    for quote in _csv(data_dir / "facts" / "capex_guidance_quotes.csv"):
        # The highs the facts file leaves out are stated in the same quoted sentences.
        if quote["ticker"] == "META" and quote["date"] in ("2026-01-28", "2026-04-29"):
            high = 135e9 if quote["date"] == "2026-01-28" else 145e9
            rows.append({"fact_key": fact_key("META", "high", quote["date"]), "ticker": "META",
                         "metric": "capex_guidance_high", "period_start": dt.date(2026, 1, 1),
                         "period_end": dt.date(2026, 12, 31), "value": high, "unit": "USD", "kind": "curated",
                         "source": quote["document"], "url": quote["primary_url"] or None,
                         "filed": dt.date.fromisoformat(quote["date"])})
    store.upsert("facts", rows)


def _meta_words(store: Store, data_dir: Path, date: str, texts: list[str]) -> None:
    store.upsert("documents", [{
        "doc_id": fact_key("doc", date, *texts), "ticker": "META", "date": dt.date.fromisoformat(date),
        "kind": "release", "title": f"quotes {date}", "source": "test", "text": "\n".join(texts),
    }])


def test_say_do_gap_on_real_meta_guidance(data_dir: Path) -> None:
    store = open_store(memory=True, seed=False)
    _meta_guidance(store, data_dir)
    revisions = guidance_revisions(store, "META", None)
    fy2026 = [r for r in revisions if r["period_end"] == "2026-12-31"]
    assert [(r["filed"], r["direction"]) for r in fy2026] == [("2026-04-29", "raised"), ("2026-07-29", "raised")]
    assert fy2026[0]["from"] == 125e9 and fy2026[0]["to"] == 135e9
    quotes = {q["date"]: q["quote"] for q in _csv(data_dir / "facts/capex_guidance_quotes.csv")
              if q["ticker"] == "META"}
    _meta_words(store, data_dir, "2026-04-29", [quotes["2026-04-29"]])
    aligned = say_do_gap(store, "META", as_of=dt.date(2026, 5, 1))
    assert aligned["gap"] == "aligned" and not aligned["flag"]
    assert aligned["deeds"]["guidance"]["direction"] == "raised"
    # Restrained words (real sentences from the transcripts) beside the July raise: the misreading.
    dev = [json.loads(line) for line in (Path(__file__).parent / "data/stance_dev.jsonl").read_text().splitlines()]
    soft = [r["text"] for r in dev if r["label"] == "moderate"][:4]
    _meta_words(store, data_dir, "2026-07-29", soft)
    gap = say_do_gap(store, "META", as_of=dt.date(2026, 7, 30))
    assert gap["gap"] == "words_softer_than_deeds" and gap["flag"]
    assert gap["words"]["restraint_rise"] >= 3  # "digestion", "discipline", … where April had none
    assert "guidance raised on 2026-07-29" in gap["explanation"]
    # Point in time: before the July release neither the words nor the raise were public.
    assert say_do_gap(store, "META", as_of=dt.date(2026, 7, 28))["gap"] == "aligned"


def test_say_do_gap_without_deeds_is_unknown(loaded: Store) -> None:
    result = say_do_gap(loaded, "AMD")
    assert result["gap"] == "unknown" and result["words"] is not None


# --- CLI ---

def test_cli_classify_jsonl_and_plain(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "We are not slowing down our capex."}\n'
                   '{"id": "b", "text": "Revenue grew."}\n')
    result = runner.invoke(app, ["language", "classify", str(src)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["label"]) for r in rows] == [("a", "expand"), ("b", "none")]
    assert set(rows[0]) >= {"id", "text", "label", "confidence", "cues"}
    plain = runner.invoke(app, ["language", "classify", "-"], input="We will cut capex.\n\nCapex stays flat.\n")
    assert [json.loads(x)["label"] for x in plain.stdout.splitlines()] == ["cut", "maintain"]
    table = runner.invoke(app, ["language", "classify", str(src), "--format", "table"])
    assert table.exit_code == 0 and "expand" in table.stdout


def test_cli_classify_rejects_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "ok"}\n{"id": 2,\n')
    result = runner.invoke(app, ["language", "classify", str(bad)])
    assert result.exit_code == 2 and "bad.jsonl:2: invalid JSON" in " ".join(result.stderr.split())
    binary = tmp_path / "blob"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert runner.invoke(app, ["language", "classify", str(binary)]).exit_code == 2
    assert runner.invoke(app, ["language", "classify", "x.txt", "--format", "xml"]).exit_code == 2


def test_cli_ingest_scan_tone_saydo(home: Path, data_dir: Path) -> None:
    open_store(seed=False).close()  # empty store: the bundled snapshot already holds this transcript
    src = data_dir / "transcripts" / "DELL_2025_Q2.txt"
    first = runner.invoke(app, ["ingest", str(src), "--company", "DELL", "--date", "2024-08-29", "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["inserted"] == 1
    again = runner.invoke(app, ["ingest", str(src), "--company", "DELL", "--date", "2024-08-29"])
    assert "0 new" in again.stdout
    bad = runner.invoke(app, ["ingest", str(src), "--company", "DELL", "--date", "tomorrow"])
    assert bad.exit_code == 2 and "not a date" in " ".join(bad.stderr.split())
    scan = runner.invoke(app, ["language", "scan", str(src), "--json"])
    summary = json.loads(scan.stdout)[str(src)]
    assert summary["counts"]["expand"] > 0 and summary["watch_terms"]["digest"] >= 1
    tone_out = runner.invoke(app, ["language", "tone", "DELL", "--json"])
    assert json.loads(tone_out.stdout)[0]["period"] == "2024Q3"
    saydo = runner.invoke(app, ["language", "saydo", "DELL", "--json"])
    assert json.loads(saydo.stdout)["gap"] == "unknown"
    none = runner.invoke(app, ["language", "tone", "ZZZZ"])
    assert none.exit_code == 2


def test_cli_evaluate_reports_model_rules_and_baseline() -> None:
    dev = Path(__file__).parent / "data" / "stance_dev.jsonl"  # no company per row: scored as shipped
    result = runner.invoke(app, ["language", "evaluate", "--data", str(dev), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["method"].startswith("shipped model")
    assert out["model"]["macro_f1"] > out["loughran_mcdonald"]["macro_f1"] + 0.4
    assert out["rules"]["macro_f1"] >= 0.84
