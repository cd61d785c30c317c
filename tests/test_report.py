"""The cycle report on the real curated facts: readings pinned for two dates, provenance, verdict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aicycle.checkpoints import backlog, capex, common
from aicycle.cycle import CHECKPOINTS, build_report, latest_date, verdict
from aicycle.store import KINDS, Store, open_store
from tests.factsload import store_copy

EARLY = dt.date(2025, 6, 30)


@pytest.fixture(scope="module")
def store(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    home = store_copy(data_dir, tmp_path_factory.mktemp("report"))
    return open_store(home / "aicycle.duckdb", write=True)


def _metric(reading, name):  # type: ignore[no-untyped-def]
    return next(m for m in reading.metrics if m.name == name)


def test_as_of_2025_06_30_sees_only_what_was_public_then(store: Store) -> None:
    report = build_report(store, EARLY)
    cap = report.reading("capex")
    # Meta's FY2025 range current on that date: $64-72B (Apr 30, 2025), raised from $60-65B (10-K, Jan 30).
    assert _metric(cap, "guidance_low:META").value == 64e9
    assert _metric(cap, "guidance_high:META").value == 72e9
    assert _metric(cap, "guidance_low:META").period == "FY2025"
    assert any("raised to $64.0B–$72.0B from $60.0B–$65.0B" in line for line in cap.reasoning)
    # Alphabet's latest quarter then was 2025Q1 (10-Q filed 2025-04-25): $17,197m, +43% YoY.
    googl = _metric(cap, "capex:GOOGL")
    assert (googl.period, googl.value) == ("2025Q1", 17_197_000_000)
    assert round(_metric(cap, "capex_yoy:GOOGL").value, 2) == 0.43
    assert "no five-company sum" in " ".join(cap.reasoning)
    bl = report.reading("backlog")
    assert _metric(bl, "rpo:GOOGL").value == 92.4e9
    assert _metric(bl, "backlog:CRWV").value == 25.9e9
    assert bl.charts["breaks"] == []  # Alphabet's redefinition had not happened yet
    # Micron's quarter to 2025-05-29 (10-Q filed 2025-06-26): revenue $9,301m vs $6,811m a year before.
    mem = report.reading("memory")
    mu = _metric(mem, "revenue:MU")
    assert (mu.period, mu.value) == ("2025Q2", 9_301_000_000)
    assert _metric(mem, "revenue_yoy:MU").value == pytest.approx(9301 / 6811 - 1, abs=1e-4)
    for r in report.checkpoints:
        assert all(e.filed is not None and e.filed <= EARLY for e in r.evidence), r.id


def test_latest_date_reading(store: Store) -> None:
    report = build_report(store)
    assert report.as_of == latest_date(store)
    cap = report.reading("capex")
    assert (_metric(cap, "guidance_low:META").value, _metric(cap, "guidance_high:META").value) == (130e9, 145e9)
    assert any("narrowed up to $130.0B–$145.0B from $125.0B–$145.0B (low +$5.0B" in line for line in cap.reasoning)
    assert (_metric(cap, "guidance_low:GOOGL").value, _metric(cap, "guidance_high:GOOGL").value) == (195e9, 205e9)
    # Oracle's derived Mar-May quarter completes 2026Q2 (it was 'ORCL missing' before the loader derived it)
    total = _metric(cap, "capex_sum")
    assert total.period == "2026Q2"
    # the companies' own figures (Meta's release $31.08B, Microsoft's and Alphabet's calls $35.8B and
    # $44.9B) rank above the third-party compilations of $31,078m, $35,802m and $44,924m (facts.PRECEDENCE)
    assert total.value == pytest.approx(31_080e6 + 35_800e6 + 44_900e6 + 54_208e6 + 16_493e6)
    assert "Five hyperscalers spent $182.5B in 2026Q2" in cap.headline
    bl = report.reading("backlog")
    assert _metric(bl, "backlog:CRWV").value == 104e9
    assert _metric(bl, "rpo:GOOGL").value == 519.5e9


def test_the_two_dates_read_differently(store: Store) -> None:
    early, late = build_report(store, EARLY), build_report(store)
    assert early.to_dict() != late.to_dict()
    assert early.reading("capex").headline != late.reading("capex").headline
    # one CRWV quarter then: no neo-cloud growth yet, so the grid's net signal alone scores power
    early_power = early.reading("power")
    assert not any(m.name.startswith("active_power_mw_growth") for m in early_power.metrics)
    assert early_power.score == next(m.value for m in early_power.metrics if m.name == "grid_signal_net")
    assert late.reading("power").state == "expanding"
    assert early.verdict.coverage <= late.verdict.coverage  # power reads on the grid alone early on


def test_alphabet_backlog_break_is_shown_and_not_scored_as_organic(store: Store) -> None:
    bl = build_report(store).reading("backlog")
    assert {"ticker": "GOOGL", "x": "2026-03-31"}.items() <= bl.charts["breaks"][0].items()
    assert any(p["after_break"] for p in bl.charts["lines"]["GOOGL"])
    yoy = _metric(bl, "rpo_yoy:GOOGL")
    assert "across a series break" in yoy.label and yoy.value > 3  # +380% shown ...
    line = next(x for x in bl.reasoning if x.startswith("GOOGL RPO"))
    assert "organic annual rate +53%" in line  # ... but only the break-free quarter is scored
    assert any("old definition" in e.text for e in bl.evidence)
    assert "series break" in bl.headline


def test_five_company_sum_when_all_report(store: Store) -> None:
    # Oracle's Mar-May 2026 quarter is derived by the loader as FY2026 minus 9 months (55,663 - 39,170
    # USD m), as the curated facts file states; it maps to calendar 2026Q2 (61 of its 92 days).
    orcl = next(r for r in capex._quarters(store, "ORCL", dt.date(2026, 8, 31)).values()
                if r["period_end"] == dt.date(2026, 5, 31))
    assert (orcl["kind"], orcl["value"], orcl["calendar_quarter"]) == ("derived", 16_493e6, "2026Q2")
    # public with Oracle's Q4 FY2026 results (8-K EX-99.1 dated 2026-06-10), a real date, not an estimate
    assert "55,663 - 39,170" in orcl["method"] and orcl["flag"] is None and orcl["filed"] == dt.date(2026, 6, 10)
    cap = capex.read(store, dt.date(2026, 8, 31))
    total = _metric(cap, "capex_sum")
    assert total.period == "2026Q2"
    assert total.value == pytest.approx(165_988e6 + 16_493e6)
    assert "Five hyperscalers spent $182.5B in 2026Q2" in cap.headline
    # point in time: the quarter is public only with Oracle's results
    before = capex.read(store, dt.date(2026, 6, 9))
    assert "ORCL missing" in before.headline


def test_every_evidence_item_names_its_source(store: Store) -> None:
    for as_of in (EARLY, dt.date(2025, 12, 31), None):
        for r in build_report(store, as_of).checkpoints:
            for e in r.evidence:
                assert e.source and e.source != "unknown", (r.id, e.text)
                assert e.kind in KINDS
                assert e.filed is not None
                assert e.text


@pytest.mark.parametrize("day", ["2024-06-30", "2025-03-31", "2025-09-30", "2026-02-01", "2026-07-31"])
def test_no_reading_uses_a_row_from_after_its_date(store: Store, day: str) -> None:
    as_of = dt.date.fromisoformat(day)
    for r in build_report(store, as_of).checkpoints:
        assert all(e.filed <= as_of for e in r.evidence if e.filed), r.id


def test_a_checkpoint_that_fails_on_bad_data_is_insufficient_not_fatal(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from aicycle.checkpoints import gpu_rental
    from aicycle.errors import DataError

    def broken(store: Store, as_of: dt.date) -> None:
        raise DataError("gpu_prices: price column holds text")

    monkeypatch.setattr(gpu_rental, "read", broken)
    report = build_report(store)
    reading = report.reading("gpu_rental")
    assert reading.state == "insufficient_data" and reading.score is None
    assert "price column holds text" in reading.headline
    assert [r.id for r in report.checkpoints] == list(CHECKPOINTS)
    assert report.reading("capex").score is not None  # the others still read


def test_verdict_weights_renormalize_and_diffusion_counts(store: Store) -> None:
    report = build_report(store)
    scored = [r for r in report.checkpoints if r.score is not None]
    from aicycle import rules
    w = rules.VERDICT_WEIGHTS
    expected = sum(r.score * w[r.id] for r in scored) / sum(w[r.id] for r in scored)  # type: ignore[operator]
    assert report.verdict.score == pytest.approx(expected, abs=1e-3)
    d = report.verdict.diffusion
    assert d["expanding"] == sum(r.state == "expanding" for r in report.checkpoints)
    assert d["with_data"] == sum(r.state != "insufficient_data" for r in report.checkpoints)
    assert any(line.startswith("capex (weight 0.30") for line in report.verdict.reasoning)


def test_no_data_means_no_verdict() -> None:
    report = build_report(open_store(memory=True, seed=False), dt.date(2026, 1, 1))
    assert report.verdict.state == "insufficient_data"
    assert report.verdict.score is None
    assert all(r.state == "insufficient_data" for r in report.checkpoints)
    assert verdict(report.checkpoints).diffusion["index"] is None


def test_too_little_weight_means_no_verdict(store: Store) -> None:
    # On 2020-01-01 only capex (Alphabet) and memory (Micron) can be read: 45% of the weight.
    report = build_report(store, dt.date(2020, 1, 1))
    assert report.verdict.coverage == pytest.approx(0.45)
    assert (report.verdict.state, report.verdict.score) == ("insufficient_data", None)
    assert "their composite would be" in report.verdict.reasoning[-2]


def test_guidance_classification_on_metas_revisions(store: Store) -> None:
    revs = capex._revisions(store, "META", dt.date(2026, 8, 31))
    revs = [r for r in revs if r.guide.year >= 2025]
    kinds = [(r.guide.filed.isoformat(), r.kind) for r in revs]
    assert kinds == [("2025-04-30", "raised"), ("2025-10-29", "narrowed_up"),
                     ("2026-01-28", "initial_above"), ("2026-04-29", "raised"), ("2026-07-29", "narrowed_up")]
    # the first FY2025 guide in store is compared with the prior range Meta itself names that day
    assert (revs[0].prior.low, revs[0].prior.high) == (60e9, 65e9)  # type: ignore[union-attr]


def test_state_cutoffs() -> None:
    assert [common.state_for(x) for x in (None, 0.5, 0.0, -0.2, -0.9)] == \
        ["insufficient_data", "expanding", "steady", "slowing", "contracting"]


def test_known_break_is_data_not_a_guess() -> None:
    when, why = backlog.KNOWN_BREAKS[("GOOGL", "rpo")]
    assert when == dt.date(2026, 3, 31) and "one year or less" in why


@pytest.mark.parametrize("day", ["2025-06-30", "2026-08-14"])
def test_prefetched_reads_equal_direct_reads(store: Store, day: str) -> None:
    from aicycle.checkpoints import memory, power
    as_of = dt.date.fromisoformat(day)
    direct = [m.read(store, as_of).to_dict() for m in (capex, backlog, memory, power)]
    with common.prefetched(store, as_of):
        cached = [m.read(store, as_of).to_dict() for m in (capex, backlog, memory, power)]
    assert cached == direct


def test_alphabet_raise_and_microsofts_accounting_cut(store: Store) -> None:
    cap = capex.read(store, dt.date(2026, 8, 14))
    googl = capex._revisions(store, "GOOGL", dt.date(2026, 8, 14))[-1]
    assert googl.kind == "raised" and (googl.prior.low, googl.prior.high) == (180e9, 190e9)  # type: ignore[union-attr]
    msft = capex._revisions(store, "MSFT", dt.date(2026, 8, 14))[-1]
    assert msft.kind == "cut" and msft.prior.point == 190e9  # type: ignore[union-attr]
    assert msft.reason is not None and "lease classification" in msft.reason
    cut = next(e for e in cap.evidence if e.text.startswith("Microsoft CY2026 capex guidance cut"))
    assert "lease classification" in cut.text
    # the cut counts at the accounting factor, not as a full -1
    assert any(line.startswith("Guidance MSFT: cut") and "-> -0.3" in line for line in cap.reasoning)
