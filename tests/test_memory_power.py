"""The memory makers' file, the grid events, and the rules that read them (HBM supply, the grid signal),
on the real files in data/ and point in time."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from aicycle import facts, grid, hbm, rules
from aicycle.checkpoints import memory
from aicycle.curated import memory_makers, power_events, sourced
from aicycle.errors import InputError
from aicycle.store import Store, open_store

D = dt.date


@pytest.fixture(scope="module")
def store(data_dir: Path) -> Store:
    s = open_store(memory=True, seed=False)
    memory_makers.load_raw(s, data_dir)
    power_events.load_raw(s, data_dir)
    return s


# --- loading -----------------------------------------------------------------------------------------------

def test_memory_file_loads_with_provenance_and_flags(data_dir: Path) -> None:
    rows = memory_makers.read(data_dir / "facts" / memory_makers.FILE)
    assert len(rows) == 103
    assert sum(r["method"].startswith("primary:") for r in rows) == 7  # as the notes count them
    assert all(r["url"].startswith("http") and "quote: \"" in r["note"] for r in rows)
    by = {(r["ticker"], r["metric"], r["fiscal_period"], r["tag"]): r for r in rows}
    # SK hynix 2026Q1 rests on one vendor blog; 2025Q3 operating profit is a broker's rounded figure
    weak = by[("000660.KS", "operating_income", "FY2026Q1", None)]
    assert weak["value"] == 37_610_300_000_000 and "single unverified source" in weak["flag"]
    assert "a broker's rounded figure" in by[("000660.KS", "operating_income", "FY2025Q3", None)]["flag"]
    # a month-only date takes the month's last day and says so
    may = next(r for r in rows if r["tag"] == "hbm_statement" and r["fiscal_period"] == "2024Q2")
    assert may["filed"] == D(2024, 5, 31) and "date_month_only" in may["flag"]
    assert "month's last day" in may["method"]
    # Samsung's two releases a quarter
    pre = by[("005930.KS", "operating_income", "FY2026Q1", "preliminary")]
    fin = by[("005930.KS", "operating_income", "FY2026Q1", "final")]
    assert (pre["filed"], pre["value"], fin["filed"], fin["value"]) == (D(2026, 4, 7), 57.2e12, D(2026, 4, 30),
                                                                        57.23e12)
    assert "preliminary" in pre["flag"]
    # HBM shares keep their basis
    share = by[("000660.KS", "hbm_share", "FY2025Q2", None)]
    assert share["value"] == pytest.approx(0.62) and "basis: shipments" in share["flag"]


def test_power_file_loads_with_public_dates_and_flags(data_dir: Path) -> None:
    rows = power_events.read(data_dir / "facts" / power_events.FILE)
    assert len(rows) == 46
    assert sum(r["source_type"].startswith("primary:") for r in rows) == 3
    singapore = next(r for r in rows if r["day"] == D(2023, 7, 31))
    assert (singapore["day_precision"], singapore["filed"]) == ("month", D(2023, 7, 31))
    # ERCOT's end-2024 queue was reported in Nov 2025: public then, not on 2024-12-31
    ercot = next(r for r in rows if r["actor"] == "ERCOT" and r["value"] == 63)
    assert (ercot["day"], ercot["filed"]) == (D(2024, 12, 31), D(2025, 11, 30))
    assert ercot["flag"].startswith("public_date_estimated")
    flagged = {r["actor"].split(" (")[0]: r["flag"] for r in rows if r["flag"] and "weak source" in r["flag"]}
    assert "weak source: opinion" in flagged["Arizona Public Service"]
    assert "weak source: advocacy" in flagged["Louisiana PSC; Entergy Louisiana; Meta"]


def _rewrite(path: Path, tmp: Path, line: int, **changes: str) -> Path:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[line - 2].update(changes)
    out = tmp / path.name
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


@pytest.mark.parametrize(("changes", "message"), [
    ({"source_type": "news"}, "must start with 'primary:' or 'secondary:'"),
    ({"announced_date": "2023-03-15"}, "not after the quarter"),
    ({"announced_date": "2023-4"}, "is not YYYY-MM-DD or YYYY-MM"),
    ({"quarter": "2023Q2"}, "is not the end of 2023Q2"),
    ({"ticker": "NVDA"}, "not a memory maker"),
    ({"value": "lots"}, "is not a number"),
])
def test_a_bad_memory_row_names_its_line(data_dir: Path, tmp_path: Path, changes: dict[str, str],
                                         message: str) -> None:
    bad = _rewrite(data_dir / "facts" / memory_makers.FILE, tmp_path, 3, **changes)
    with pytest.raises(InputError, match=rf"row 3: .*{message}"):
        memory_makers.read(bad)


@pytest.mark.parametrize(("changes", "message"), [
    ({"kind": "rumour"}, "kind 'rumour' is not one of"),
    ({"direction": "up"}, "direction 'up' is not one of"),
    ({"quote": ""}, "quote is empty"),
    ({"source_url": "example.com"}, "is not an http"),
])
def test_a_bad_power_row_names_its_line(data_dir: Path, tmp_path: Path, changes: dict[str, str],
                                        message: str) -> None:
    bad = _rewrite(data_dir / "facts" / power_events.FILE, tmp_path, 5, **changes)
    with pytest.raises(InputError, match=rf"row 5: .*{message}"):
        power_events.read(bad)


def test_weak_markers_come_from_the_rules() -> None:
    assert sourced.weak_reasons("secondary:blog (energy consultant)", "cap ~$325") == ["weak source: blog"]
    assert sourced.weak_reasons("secondary:news", "LOW CONFIDENCE: vendor blog only") == ["single unverified source"]
    assert sourced.weak_reasons("primary:regulator", "21% of demand") == []


# --- rule: Samsung's final result replaces the preliminary one ---------------------------------------------

def test_samsung_final_replaces_preliminary_from_its_date(store: Store) -> None:
    before = memory.quarters(store, "005930.KS", "operating_income", D(2026, 4, 29))["2026Q1"]
    after = memory.quarters(store, "005930.KS", "operating_income", D(2026, 4, 30))["2026Q1"]
    assert (before["value"], before["tag"], after["value"], after["tag"]) == (57.2e12, "preliminary",
                                                                              57.23e12, "final")
    assert memory.quarters(store, "005930.KS", "operating_income", D(2026, 4, 6)).get("2026Q1") is None
    # the data layer's point-in-time rule agrees (aicycle facts 005930.KS operating_profit)
    assert facts.latest(store, "005930.KS", "operating_profit", D(2026, 4, 29))["value"] == 57.2e12
    assert facts.latest(store, "005930.KS", "operating_profit", D(2026, 5, 1))["value"] == 57.23e12
    reading = memory.read(store, D(2026, 5, 1))
    assert any("final, replacing the preliminary KRW 57.2T of 2026-04-07" in line for line in reading.reasoning)
    early = memory.read(store, D(2026, 4, 29))
    assert any("preliminary guidance midpoint" in line for line in early.reasoning)


# --- rule: an HBM "sold out" statement is current only within the years it covers -------------------------

def test_sold_out_for_a_year_is_not_current_the_year_after(store: Store) -> None:
    rows = hbm.statement_rows(store, D(2026, 6, 30))
    sellout_2025 = next(r for r in rows if r["filed"] == D(2024, 10, 24))
    assert hbm.weigh(sellout_2025, D(2025, 12, 31)).current
    late = hbm.weigh(sellout_2025, D(2026, 1, 1))
    assert (late.kind, late.years, late.current) == ("sold_out", (2025,), False)
    assert late.why == "about 2025, not current in 2026"
    # so on 2026-01-01 no statement about 2025 counts, however recent
    supply = hbm.supply(store, D(2026, 1, 1))
    assert all(max(s.years) >= 2026 for s in supply.current if s.kind in ("sold_out", "booked"))


def test_years_that_only_date_a_statement_are_not_covered_years() -> None:
    day = D(2024, 5, 31)
    assert hbm.covered_years("CEO Kwak, May 2024: HBM sold out for 2024, mostly sold out for 2025", day) == \
        (2024, 2025)
    assert hbm.covered_years("AGM, March 2025: 2026 HBM sales negotiations close to completion", day) == (2026,)
    assert hbm.covered_years("Samsung statement with prelim Q3-2024: HBM3E delayed", day) == (2024,)
    assert hbm.covered_years("HBM sold out (FQ1 FY2026 call)", D(2025, 12, 17)) == (2025,)


def test_hbm_kinds_weights_and_states() -> None:
    assert [hbm.classify(t) for t in ("2026 HBM4 production sold out", "HBM3E commercialisation delayed",
                                      "12-high HBM3E passed Nvidia qualification", "HBM oversupply ahead",
                                      "HBM3E in mass production; 2026 HBM orders already secured",
                                      "first mass-produced HBM4 shipped")] == \
        ["sold_out", "delay", "qualification", "glut", "booked", "shipment"]
    assert [hbm.state_for(x) for x in (None, rules.HBM_TIGHT_AT, 0.0, rules.HBM_LOOSENING_AT)] == \
        ["unknown", "tight", "balanced", "loosening"]


def test_an_unconfirmed_report_counts_half(store: Store) -> None:
    rows = hbm.statement_rows(store, D(2026, 6, 30))
    media = hbm.weigh(next(r for r in rows if r["filed"] == D(2025, 11, 5)), D(2026, 1, 15))
    assert not media.confirmed
    assert media.weight == rules.HBM_KIND_WEIGHTS["booked"] * rules.HBM_UNCONFIRMED_FACTOR


def test_hbm_supply_point_in_time(store: Store) -> None:
    assert hbm.supply(store, D(2023, 10, 25)).state == "unknown"  # nothing said yet
    early = hbm.supply(store, D(2024, 1, 31))
    assert early.state == "tight" and [s.filed for s in early.current] == [D(2023, 10, 26)]
    late = hbm.supply(store, D(2026, 6, 30))
    assert late.state == "tight"
    assert {s.ticker for s in late.current if s.kind == "sold_out"} >= {"000660.KS", "005930.KS"}
    assert all(s.filed <= D(2026, 6, 30) for s in late.statements)


# --- rule: a moratorium counts only inside its window -----------------------------------------------------

def test_moratorium_counts_only_while_in_force(store: Store) -> None:
    def dutch(as_of: dt.date) -> list[grid.Event]:
        return [e for e in grid.signal(store, as_of).events if e.event_kind == "moratorium"]

    assert dutch(D(2023, 12, 31)) == []                       # not yet public, not yet in force
    assert [e.actor.split(" ")[0] for e in dutch(D(2024, 6, 30))] == ["Dutch"]
    open_end = D(2024, 1, 1) + dt.timedelta(days=rules.MORATORIUM_OPEN_DAYS)
    assert dutch(open_end) and not dutch(open_end + dt.timedelta(days=1))
    assert dutch(D(2025, 6, 30)) == []                        # no end stated: not assumed to stand


def test_a_moratorium_with_a_stated_end_or_announced_ahead() -> None:
    row = {"day": D(2025, 3, 1), "filed": D(2025, 1, 15), "until": power_events.moratorium_end(
        D(2025, 3, 1), "no new connections until 2025-06-30", "test"), "event_kind": "moratorium",
        "direction": "tightening", "actor": "A", "region": None, "value": None, "unit": None, "value_text": "x",
        "source_type": "secondary:news"}
    assert row["until"] == D(2025, 6, 30)
    assert not grid.weigh(row, D(2025, 2, 1)).counts         # announced, not yet in force
    assert grid.weigh(row, D(2025, 6, 30)).counts
    assert not grid.weigh(row, D(2025, 7, 1)).counts          # lifted: however recent the news
    assert power_events.moratorium_end(D(2025, 3, 1), "a freeze for 9 months", "t") == D(2025, 11, 30)


def test_grid_window_weights_and_too_few_events(store: Store) -> None:
    sig = grid.signal(store, D(2026, 6, 30))
    assert all((sig.as_of - e.filed).days <= rules.GRID_WINDOW_DAYS for e in sig.events)
    tight = sum(rules.GRID_KIND_WEIGHTS[e.event_kind] for e in sig.events if e.direction == "tightening")
    assert sig.tightening == pytest.approx(tight)
    assert sig.state == "tightening" and sig.net == pytest.approx((sig.tightening - sig.easing)
                                                                  / (sig.tightening + sig.easing), abs=1e-3)
    assert grid.net_state(2.0, 1.0, rules.GRID_MIN_EVENTS - 1) == ("unknown", 0.333)
    assert grid.net_state(1.0, 3.0, rules.GRID_MIN_EVENTS)[0] == "easing"
    assert grid.net_state(2.0, 1.8, rules.GRID_MIN_EVENTS)[0] == "mixed"


def test_running_levels_point_in_time(store: Store) -> None:
    def levels(as_of: dt.date) -> dict[str, grid.Level]:
        return {lv.series.key: lv for lv in grid.signal(store, as_of).levels}

    mid = levels(D(2025, 8, 1))
    pjm = mid["pjm_capacity_price"]  # the April 2025 collar is not a clearing price
    assert (pjm.event.value, pjm.at_cap, pjm.previous.value) == (329.17, True, 269.92)  # type: ignore[union-attr]
    assert "ercot_large_load_queue" not in mid                  # the 63 GW was reported only in Nov 2025
    late = levels(D(2026, 6, 30))
    assert late["ercot_large_load_queue"].event.value == 233
    assert grid.signal(store, D(2026, 6, 30)).binds[:3] == [
        "PJM capacity at the price cap ($333.44/MW-day)", "ERCOT large-load queue 233 GW",
        "gas turbines booked through 2029"]
