"""Issue 16 on the real data: every checkpoint on real depth, offline (the bundled snapshot)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle import contracts, facts, rules
from aicycle.cli import app
from aicycle.curated import results as curated_results
from aicycle.cycle import build_report
from aicycle.sec import filing_dates
from aicycle.store import Store, data_date, open_store

SNAPSHOT_DAY = dt.date(2026, 10, 5)
HYPERSCALERS = ("META", "MSFT", "GOOGL", "AMZN", "ORCL")


@pytest.fixture(scope="module")
def store() -> Store:
    return open_store(memory=True)  # seeded from the bundled snapshot: what a fresh install reads offline


def _json(args: list[str]) -> dict:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_snapshot_report_has_capex_yoy_for_four_of_five(home: Path) -> None:
    report = _json(["report", "--json"])
    assert report["as_of"] == SNAPSHOT_DAY.isoformat()
    capex = next(c for c in report["checkpoints"] if c["id"] == "capex")
    yoy = {m["name"].split(":")[1] for m in capex["metrics"] if m["name"].startswith("capex_yoy:")}
    assert len(yoy) >= 4 and yoy <= set(HYPERSCALERS), yoy
    assert all(m["period"] == "2026Q2" for m in capex["metrics"] if m["name"].startswith("capex_yoy:"))
    assert capex["coverage"]["have"] == ["META", "MSFT", "GOOGL", "AMZN"] and capex["confidence"] == 1.0
    assert report["precedence"] == ["SEC as reported", "company-stated", "third party", "curated news"]


def _independent_growth_cover(store: Store, as_of: dt.date) -> set[str]:
    """Companies whose latest headline quarter is fresh and has a like-for-like year-ago quarter."""
    out = set()
    for t in HYPERSCALERS:
        rows = [r for r in facts.headline_capex(store, t, as_of) if r["period_start"]]
        if not rows or (as_of - rows[-1]["period_end"]).days > rules.CAPEX_STALE_DAYS:
            continue
        last, quarters = rows[-1], {r["calendar_quarter"]: r for r in rows}
        year_ago = quarters.get(f"{int(last['calendar_quarter'][:4]) - 1}{last['calendar_quarter'][4:]}")
        ppe = {r["calendar_quarter"]: r for r in facts.series(store, t, "capex", as_of) if r["period_start"]}
        same = year_ago is not None and year_ago["definition"] == last["definition"]
        both_ppe = last["calendar_quarter"] in ppe and year_ago is not None and year_ago["calendar_quarter"] in ppe
        if same or both_ppe:
            out.add(t)
    return out


@pytest.mark.parametrize("day", [dt.date(2025, 6, 30), dt.date(2024, 1, 31)])
def test_capex_coverage_states_what_the_store_holds(store: Store, day: dt.date) -> None:
    report = build_report(store, day)
    capex = report.reading("capex")
    have = set(capex.coverage["have"])
    growth = {m.name.split(":")[1] for m in capex.metrics if m.name.startswith("capex_yoy:")}
    fresh_growth = {t for t in growth if not any(f"{t} " in x and "stale" in x for x in capex.reasoning)}
    assert fresh_growth == _independent_growth_cover(store, day)
    guided = have - fresh_growth
    for t in guided:  # a company counted for its guidance has a guide public within the lookback
        rows = facts.series(store, t, "capex_guidance_low", day) + facts.series(store, t, "capex_guidance_point", day)
        assert any((day - r["filed"]).days <= rules.GUIDANCE_LOOKBACK_DAYS for r in rows), t
    assert capex.coverage["of"] == list(HYPERSCALERS)
    assert f"{len(have)} of 5 companies" in capex.coverage["text"]
    if day == dt.date(2024, 1, 31):
        assert have == {"GOOGL"} and capex.score == pytest.approx(0.3) and "low confidence" in capex.headline
        assert report.verdict.state == "insufficient_data" and report.verdict.confidence < 0.35


@pytest.mark.parametrize("day", [dt.date(2024, 1, 31), dt.date(2025, 6, 30), dt.date(2025, 12, 31), None])
def test_no_checkpoint_resting_on_one_company_scores_beyond_0_3(store: Store, day: dt.date | None) -> None:
    for r in build_report(store, day).checkpoints:
        cov = r.coverage or {}
        if r.score is not None and cov.get("unit") == "companies" and len(cov.get("have", [])) <= 1:
            assert abs(r.score) <= rules.ONE_COMPANY_MAX_SCORE + 1e-9, (r.id, r.score, cov)
        assert r.confidence is not None and 0 <= r.confidence <= 1


@pytest.mark.parametrize("ticker", ["META", "MSFT", "AMZN"])
def test_facts_capex_lists_six_quarters_with_provenance(home: Path, ticker: str) -> None:
    rows = _json(["facts", ticker, "capex", "--format", "json"])
    quarters = [r for r in rows if r["period_start"]]
    assert len(quarters) >= 6
    for r in quarters:
        assert r["source"] and r["filed"] and r["kind"] and r["method"] and r["tier"] and r["definition"]
    if ticker == "META":  # Meta's headline definition, said, with PP&E-only quarters marked
        assert {r["definition"] for r in quarters} == {facts.HEADLINE_CAPEX["META"][1], facts.FALLBACK_DEFINITION}
        latest = quarters[-1]
        assert (latest["calendar_quarter"], latest["value"]) == ("2026Q2", 31_080_000_000)
        table = CliRunner().invoke(app, ["facts", "META", "capex"], env={"COLUMNS": "100"})
        assert "including principal payments on finance leases" in " ".join(table.output.split())
    if ticker == "MSFT":  # fiscal and calendar together where they differ
        assert quarters[-1]["quarter"] == "FQ4 2026 = CY2026Q2"


def test_oracle_capex_and_store_info_name_the_missing_quarters(home: Path) -> None:
    rows = _json(["facts", "ORCL", "capex", "--format", "json"])
    assert [r["quarter"] for r in rows] == ["FQ1 2025 = CY2024Q3", "FQ4 2026 = CY2026Q2"]
    info = CliRunner().invoke(app, ["store", "info"], env={"COLUMNS": "200"})
    line = next(x for x in info.output.splitlines() if x.strip().startswith("ORCL"))
    assert "2 quarters" in line and "missing:" in line and "FQ3 2026 = CY2026Q1" in line
    assert "refresh" in info.output and "data through 2026-10-05" in info.output


def test_evidence_dates_are_public_and_real_where_the_data_has_them(store: Store, data_dir: Path) -> None:
    filings = filing_dates.load(data_dir)
    by_accession = filing_dates.by_accession(filings)
    calendar = curated_results.results_calendar(data_dir, filings)
    checked = 0
    for day in (dt.date(2025, 6, 30), dt.date(2025, 12, 31), None):
        report = build_report(store, day)
        for r in report.checkpoints:
            for e in r.evidence:
                assert e.filed is not None and e.filed <= report.as_of, (r.id, e.text)
                if e.accession in by_accession and e.kind == "curated":
                    assert e.filed == by_accession[e.accession], (e.text, e.accession)
                    checked += 1
                if e.flag and "public_date_estimated" in e.flag and e.ticker and e.period:
                    period = next((row for row in facts.series(store, e.ticker, e.metric or "", report.as_of)
                                   if row["filed"] == e.filed and row["value"] == e.value), None)
                    if period is not None and period["period_start"] is not None:
                        assert curated_results.results_for(calendar, e.ticker, period["period_end"]) is None, e.text
    # the calls are dated by the company's results day: the later of the call and the SEC 8-K
    msft = store.query("SELECT date FROM documents WHERE title LIKE 'MSFT FY2026Q2 earnings call%'")
    assert msft == [{"date": dt.date(2026, 1, 28)}]
    assert checked > 0


def test_micron_revenue_in_the_report_is_the_10q_figure(store: Store) -> None:
    memory = build_report(store).reading("memory")
    revenue = next(e for e in memory.evidence
                   if e.metric == "revenue" and e.ticker == "MU" and "year-ago" not in e.text)
    assert (revenue.value, revenue.tier, revenue.accession) == (41_456_000_000, "sec", "0000723125-26-000015")
    assert revenue.period == "FQ3 2026 = CY2026Q2"
    before = build_report(store, dt.date(2026, 6, 24)).reading("memory")  # the day before the 10-Q
    news = next(e for e in before.evidence if e.metric == "revenue" and "year-ago" not in e.text)
    assert (news.value, news.tier) == (41_450_000_000, "news")


def test_contracts_command_lists_metas_deals_point_in_time(home: Path) -> None:
    late = _json(["contracts", "--buyer", "META", "--as-of", "2026-06-30", "--json"])["contracts"]
    assert len(late) == 11 and all(c["url"] and c["buyer_ticker"] == "META" for c in late)
    assert {c["seller"] for c in late} >= {"CoreWeave", "Nebius", "Google Cloud", "Crusoe"}
    early = _json(["contracts", "--buyer", "META", "--as-of", "2025-06-30", "--json"])
    assert early["contracts"] == []
    mid = _json(["contracts", "--buyer", "META", "--as-of", "2025-12-31", "--json"])["contracts"]
    assert all(c["announced_on"] <= "2025-12-31" for c in mid) and len(mid) == 4


def test_overlapping_contracts_are_never_summed(store: Store) -> None:
    meta = contracts.as_of(store, dt.date(2026, 6, 30), buyer="META", seller="CoreWeave")
    assert [c.value_usd for c in meta] == [14.2e9, 21e9]
    total = contracts.total(meta)
    assert total.value_usd == 21e9 and total.counted == 1 and "overstates" in total.left_out[0]
    oracle = contracts.as_of(store, dt.date(2025, 12, 31), buyer="OpenAI", seller="Oracle")
    assert {c.overlap_group for c in oracle} == {"openai-oracle-4.5gw"}
    assert contracts.total(oracle).value_usd == 300e9


def test_gpu_changes_span_what_they_say(store: Store) -> None:
    reading = build_report(store).reading("gpu_rental")
    assert "over 9" in reading.headline and "days" in reading.headline
    for e in reading.evidence:
        span = int(e.text.rsplit("(", 1)[1].split(" days")[0])
        window = rules.GPU_RENTAL_WINDOW_DAYS
        assert window <= span <= window + rules.GPU_RENTAL_BASE_TOLERANCE_DAYS


def test_stated_figures_carry_document_sentence_and_date(store: Store) -> None:
    guide = [r for r in facts.vintages(store, "GOOGL", "capex_guidance_high") if r["kind"] == "stated"]
    latest = max(guide, key=lambda r: r["filed"])
    assert (latest["value"], latest["filed"]) == (205e9, dt.date(2026, 7, 22))
    assert "GOOGL FY2026Q2 earnings call" in latest["source"] and "$195 billion to $205 billion" in latest["method"]
    meta = [r for r in facts.vintages(store, "META", "capex_incl_finance_leases") if r["kind"] == "stated"]
    assert {(r["calendar_quarter"], r["value"]) for r in meta} >= {("2026Q2", 31.1e9), ("2026Q2", 31.08e9),
                                                                  ("2025Q4", 22.14e9)}
    # only the company's words: the transcript site's summary at the top of the file is not stored
    text = store.query("SELECT text FROM documents WHERE title LIKE 'META FY2026Q2 earnings call%'")[0]["text"]
    assert "Earnings Call Sentiment" not in text and text.startswith("Operator")


def test_third_party_quarters_are_flagged_and_rank_below_the_company(store: Store) -> None:
    rows = [r for r in facts.vintages(store, "MSFT", "capex") if r["kind"] == "third_party"]
    assert len(rows) == 5 and all(r["flag"].startswith("not_as_filed") and r["fetched_at"] for r in rows)
    q = {r["calendar_quarter"]: r for r in facts.series(store, "MSFT", "capex")}
    assert q["2025Q3"]["tier"] == "stated"  # "Cash paid for PP&E was $19.4 billion" beats Yahoo's 19,394
    assert q["2025Q4"]["tier"] == "third_party" and q["2025Q4"]["filed"] == dt.date(2026, 1, 28)


def test_one_default_as_of_and_the_beyond_the_data_note(home: Path, store: Store) -> None:
    assert data_date(store) == SNAPSHOT_DAY
    result = CliRunner().invoke(app, ["facts", "META", "capex", "--as-of", "2026-11-30"])
    assert result.exit_code == 0 and "beyond the data (through 2026-10-05)" in " ".join(result.output.split())
    report = _json(["report", "--json", "--as-of", "2026-11-30"])
    assert report["beyond_data"] == "2026-11-30 is beyond the data (through 2026-10-05)"
