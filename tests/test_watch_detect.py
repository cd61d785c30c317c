"""The watcher's detectors on the bundled store, with rows added the way the live sources add them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicycle import rules
from aicycle.sec.outlook import guidance_facts, outlook_sentences, parse_guide
from aicycle.store import Store, fact_key, open_store
from aicycle.watch.detect import detect
from aicycle.watch.run import source_failures

BASE = dt.date(2026, 8, 20)
NEXT = dt.date(2026, 8, 21)
# Meta's real outlook sentences (data/facts/capex_guidance_quotes.csv)
MAY_2025 = ("We anticipate our full year 2025 capital expenditures, including principal payments on finance leases, "
            "will be in the range of $64 billion to $72 billion, increased from our prior outlook of $60 billion to "
            "$65 billion.")
JAN_2026 = ("Anticipate 2026 capital expenditures, including principal payments on finance leases, to be in the range "
            "of $115 to $135 billion with year-over-year growth driven by increased investment.")


@pytest.fixture
def watched() -> tuple[Store, dict[str, Any]]:
    store = open_store(memory=True)
    state: dict[str, Any] = {}
    assert detect(store, BASE, state) == []  # the first look is a baseline: nothing announced
    assert detect(store, BASE, state) == []  # and the same day again: nothing new
    return store, state


def _release(text: str, day: dt.date = NEXT, ticker: str = "META") -> dict[str, Any]:
    return {"doc_id": fact_key(ticker, day, text), "ticker": ticker, "date": day, "kind": "release",
            "title": f"{ticker} 8-K {day} EX-99.1", "source": "sec_8k_ex99_1",
            "url": f"https://www.sec.gov/Archives/edgar/data/1326801/x/{ticker.lower()}-ex991.htm",
            "accession": f"0001326801-26-{day:%m%d}01", "fetched_at": dt.datetime(2026, 8, 21, 22, 5), "text": text,
            "fiscal_period": None, "flag": None, "method": None}


def test_outlook_sentences_give_the_new_range_not_the_prior_one() -> None:
    assert parse_guide(outlook_sentences(MAY_2025)[0]) == (2025, 64e9, 72e9, None)
    assert parse_guide(outlook_sentences(JAN_2026)[0]) == (2026, 115e9, 135e9, None)
    assert outlook_sentences("Capital expenditures were $19.4 billion in the quarter ended June 30, 2026.") == []
    rows = guidance_facts(_release(f"Second quarter results. {MAY_2025} Other text."))
    assert [(r["metric"], r["value"], r["kind"], r["period_end"]) for r in rows] == [
        ("capex_guidance_low", 64e9, "derived", dt.date(2025, 12, 31)),
        ("capex_guidance_high", 72e9, "derived", dt.date(2025, 12, 31))]
    assert rows[0]["accession"] == "0001326801-26-082101" and "prior outlook of $60 billion" in rows[0]["note"]


def test_a_lowered_guide_in_a_new_release_is_one_guidance_cut_with_both_ranges(watched: tuple) -> None:
    store, state = watched
    release = _release("We anticipate 2026 capital expenditures, including principal payments on finance leases, to "
                       "be in the range of $120-135 billion, lowered from our prior outlook of $130-145 billion.")
    store.upsert("documents", [release])
    store.upsert("facts", guidance_facts(release))
    events = detect(store, NEXT, state)
    # Meta's own calls are in the store too, so a release reading "cut" after them is also a tone shift
    assert [e.kind for e in events] == ["filing", "guidance_cut", "tone_shift"]
    assert events[2].ticker == "META"
    cut = events[1]
    assert cut.ticker == "META" and cut.day == NEXT
    assert (cut.data["old"]["low"], cut.data["old"]["high"]) == (130e9, 145e9)
    assert (cut.data["new"]["low"], cut.data["new"]["high"]) == (120e9, 135e9)
    assert "cut to $120.0B–$135.0B from $130.0B–$145.0B" in cut.title
    assert cut.evidence[0]["accession"] == release["accession"] and cut.evidence[0]["url"] == release["url"]
    assert cut.verdict is not None and cut.verdict["state"] in ("expanding", "steady", "slowing", "contracting")
    assert events[0].sources == [release["url"]]
    assert detect(store, NEXT, state) == []  # the same store again: nothing new


def test_a_gpu_line_moving_past_the_threshold_is_one_move(watched: tuple) -> None:
    store, state = watched
    row = store.query("SELECT * FROM gpu_prices WHERE provider = 'henryzhangpku-gix' AND sku = 'H100' "
                      "AND term = 'reserved' AND observed_on = '2026-07-31'")[0]
    small = {**row, "price_key": "test-small", "observed_on": NEXT, "observed_at": dt.datetime(2026, 8, 21),
             "filed": NEXT, "price_usd_per_gpu_hour": round(row["price_usd_per_gpu_hour"] * 1.05, 4)}
    store.upsert("gpu_prices", [small])
    assert [e.kind for e in detect(store, NEXT, state)] == []  # +5% < WATCH_GPU_MOVE: not yet a move
    later = dt.date(2026, 8, 22)
    big = {**small, "price_key": "test-big", "observed_on": later, "observed_at": dt.datetime(2026, 8, 22),
           "filed": later, "price_usd_per_gpu_hour": round(row["price_usd_per_gpu_hour"] * 1.12, 4)}
    store.upsert("gpu_prices", [big])
    moves = [e for e in detect(store, later, state) if e.kind == "gpu_move"]
    assert len(moves) == 1 and moves[0].data["change"] == pytest.approx(0.12, abs=1e-3)
    assert moves[0].data["change"] >= rules.WATCH_GPU_MOVE  # measured from the announced level, not the day before
    assert moves[0].evidence[0]["url"] == row["url"]


def test_a_new_compute_contract_is_announced_once_and_an_old_one_never(watched: tuple) -> None:
    store, state = watched
    store.con.execute("CREATE TABLE compute_contracts (announced_date DATE, buyer VARCHAR, seller VARCHAR, "
                      "value_usd DOUBLE, value_text VARCHAR, term_years DOUBLE, capacity_text VARCHAR, kind VARCHAR, "
                      "source_url VARCHAR, source_type VARCHAR, quote VARCHAR)")
    store.con.execute("INSERT INTO compute_contracts VALUES "
                      "('2026-08-21', 'Meta', 'CoreWeave', 14.2e9, '$14.2 billion', 6, NULL, 'compute_lease', "
                      "'https://example.org/meta-coreweave', 'press_release', 'a test row'),"
                      "('2026-06-01', 'OpenAI', 'Oracle', 30e9, '$30 billion', NULL, NULL, 'cloud_services', "
                      "'https://example.org/old', 'news', 'an old row')")
    events = detect(store, NEXT, state)
    assert [(e.kind, e.ticker) for e in events] == [("contract", "CRWV")]
    assert events[0].title == "Meta ← CoreWeave: $14.2 billion over 6 years (compute_lease)"
    assert events[0].sources == ["https://example.org/meta-coreweave"]
    assert detect(store, NEXT, state) == []


def test_a_checkpoint_losing_its_data_changes_state(watched: tuple) -> None:
    store, state = watched
    store.con.execute("DELETE FROM gpu_prices")
    events = detect(store, NEXT, state)
    changed = [e for e in events if e.kind == "checkpoint_changed"]
    assert [(e.data["checkpoint"], e.data["old"], e.data["new"]) for e in changed] == [
        ("gpu_rental", "expanding", "insufficient_data")]
    assert changed[0].title == "GPU rental prices ($ per GPU-hour): expanding → insufficient data"


def test_the_verdict_losing_its_coverage_is_one_verdict_change_naming_every_checkpoint(watched: tuple) -> None:
    store, state = watched
    store.con.execute("DELETE FROM gpu_prices")
    store.con.execute("DELETE FROM facts WHERE metric IN ('capex', 'capex_incl_finance_leases', 'rpo', "
                      "'rpo_commercial', 'backlog', 'arr') OR metric LIKE 'capex_guidance_%'")
    events = detect(store, NEXT, state)
    assert [e.kind for e in events] == ["checkpoint_changed"] * 3 + ["verdict_changed"]
    verdict = events[-1]
    assert verdict.title == "verdict: expanding → insufficient data"
    assert verdict.data == {"old": "expanding", "new": "insufficient_data", "score": None}
    assert [item["text"].split(":")[0] for item in verdict.evidence] == [
        "Hyperscaler capex and guidance", "GPU rental prices ($ per GPU-hour)", "Backlog and contracted demand",
        "Memory and HBM", "Power"]
    assert all(e.evidence for e in events)  # a checkpoint without data still names what it read
    assert verdict.verdict == {"state": "insufficient_data", "score": None}


def test_a_stance_swing_between_quarters_is_a_tone_shift(watched: tuple) -> None:
    store, state = watched
    hard = ("We are significantly increasing our capital expenditures to expand data center capacity. We expect capex "
            "to grow substantially next year as we accelerate our AI infrastructure build-out.")
    soft = ("We are reducing our capital expenditures. We will moderate our data center spending and pause some "
            "projects. We expect capex to decline next year as we digest the capacity we built.")
    store.upsert("documents", [_release(hard, dt.date(2026, 6, 20), "ORCL")])
    detect(store, NEXT, state)
    store.upsert("documents", [_release(soft, dt.date(2026, 8, 22), "ORCL")])
    events = [e for e in detect(store, dt.date(2026, 8, 22), state) if e.kind == "tone_shift"]
    assert len(events) == 1 and events[0].ticker == "ORCL"
    assert events[0].data["shift"] <= -rules.WATCH_TONE_SHIFT and "more restrained" in events[0].title


def test_news_of_the_events_table_never_shows_the_later_market_reaction(watched: tuple) -> None:
    store, _ = watched
    state: dict[str, Any] = {}
    detect(store, dt.date(2026, 6, 30), state)
    events = [e for e in detect(store, dt.date(2026, 7, 1), state) if e.kind == "news"]
    assert [e.data["event_id"] for e in events] == ["meta_compute_report"] and events[0].ticker == "META"
    assert "MU -10.6%" not in str(events[0].to_dict())  # `observed` is what the market did next


def test_a_source_failing_three_runs_in_a_row_is_announced_once_then_its_recovery() -> None:
    state: dict[str, Any] = {}
    down = {"sources": {"sec": {"ok": [], "failed": {"*": "HTTP 503 after 4 attempts"}}}}
    up = {"sources": {"sec": {"ok": ["META"], "failed": {}}}}
    runs = [source_failures(state, down, NEXT) for _ in range(rules.WATCH_SOURCE_FAILURES + 1)]
    assert [len(r) for r in runs] == [0] * (rules.WATCH_SOURCE_FAILURES - 1) + [1, 0]
    assert runs[-2][0].kind == "source_failing" and "HTTP 503" in runs[-2][0].detail
    back = source_failures(state, up, NEXT)
    assert [e.kind for e in back] == ["source_recovered"] and source_failures(state, up, NEXT) == []


@settings(max_examples=60, deadline=None)
@given(year=st.integers(2020, 2035), low=st.integers(1, 400), width=st.integers(1, 100),
       prior_low=st.integers(1, 400), to=st.sampled_from(["-", " to ", " to $"]),
       unit=st.sampled_from([" billion", ""]))
def test_an_outlook_sentence_gives_its_new_range_whatever_the_prior(year: int, low: int, width: int, prior_low: int,
                                                                    to: str, unit: str) -> None:
    high = low + width
    sentence = (f"We anticipate {year} capital expenditures to be in the range of ${low}{unit}{to}{high} billion, "
                f"updated from our prior outlook of ${prior_low}-{prior_low + 5} billion.")
    found = outlook_sentences(f"Other words. {sentence} More words.")
    assert found == [sentence]
    assert parse_guide(found[0]) == (year, low * 1e9, high * 1e9, None)
