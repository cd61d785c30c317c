"""`aicycle watch --replay`: the summer of the Meta Compute report, day by day, from the bundled store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.store import open_store
from aicycle.watch.events import Event
from aicycle.watch.run import replay

# What a watcher started on 2026-05-31 would have sent through 2026-08-15: (day, kind, ticker, verdict state,
# composite score), in the order sent. The Meta Compute report comes first; Meta's next hard datum, the Q2
# release that narrowed 2026 capex guidance up to $130-145B, follows four weeks later.
EXPECTED = [
    ("2026-06-25", "filing", "MU", "expanding", 0.928),
    ("2026-06-30", "gpu_move", None, "expanding", 0.891),
    ("2026-07-01", "news", "META", "expanding", 0.891),
    ("2026-07-22", "filing", "GOOGL", "expanding", 0.952),
    ("2026-07-22", "guidance_raised", "GOOGL", "expanding", 0.952),
    ("2026-07-29", "news", "META", "expanding", 0.88),
    ("2026-07-29", "filing", "MSFT", "expanding", 0.88),
    ("2026-07-29", "filing", "META", "expanding", 0.88),
    ("2026-07-29", "guidance_narrowed", "META", "expanding", 0.88),
    ("2026-07-29", "guidance_cut", "MSFT", "expanding", 0.88),
    ("2026-07-30", "filing", "AMZN", "expanding", 0.898),
    ("2026-07-30", "guidance_initial", "AMZN", "expanding", 0.898),
    ("2026-07-31", "gpu_move", None, "expanding", 0.924),
    ("2026-07-31", "gpu_move", None, "expanding", 0.924),
    ("2026-08-04", "filing", "CIFR", "expanding", 0.924),
    # no CIFR tone shift on 2026-08-04 since round 18's stance model: it reads one sentence of the February call
    # ("both of those bonds have traded up in the market") as expand, which lifts that call's stance to the August one's
    ("2026-08-05", "filing", "WULF", "expanding", 0.924),
    ("2026-08-12", "filing", "CRWV", "expanding", 0.923),
]


@pytest.fixture(scope="module")
def summer() -> list[Event]:
    store = open_store(memory=True)
    return [e for _, events, _ in replay(store, dt.date(2026, 6, 1), dt.date(2026, 8, 15)) for e in events]


def test_the_replay_gives_the_expected_events_in_order_with_the_verdict_of_each_day(summer: list[Event]) -> None:
    got = [(e.day.isoformat(), e.kind, e.ticker, e.verdict["state"], e.verdict["score"]) for e in summer]
    assert got == EXPECTED


def test_the_meta_compute_report_comes_before_the_guidance_that_answered_it(summer: list[Event]) -> None:
    report = next(e for e in summer if e.data.get("event_id") == "meta_compute_report")
    guide = next(e for e in summer if e.kind.startswith("guidance") and e.ticker == "META")
    assert summer.index(report) < summer.index(guide) and report.day == dt.date(2026, 7, 1)
    assert report.title.startswith("Bloomberg: Meta is building 'Meta Compute'")
    assert report.sources[0] == "https://www.gate.com/post/status/22351178"
    assert guide.day == dt.date(2026, 7, 29) and guide.data["revision"] == "narrowed_up"
    assert (guide.data["old"]["low"], guide.data["old"]["high"]) == (125e9, 145e9)
    assert (guide.data["new"]["low"], guide.data["new"]["high"]) == (130e9, 145e9)
    assert guide.title == ("Meta Platforms FY2026 capex guidance narrowed up to $130.0B–$145.0B from "
                           "$125.0B–$145.0B (low +$5.0B; Jul 29, 2026)")
    assert any("meta-06302026xexhibit991.htm" in s for s in guide.sources)


def test_every_event_names_its_evidence_and_each_id_is_unique(summer: list[Event]) -> None:
    assert all(e.evidence and e.sources for e in summer)
    assert all(item.get("filed") and item.get("source") for e in summer for item in e.evidence)
    assert len({e.event_id for e in summer}) == len(summer)
    msft = next(e for e in summer if e.ticker == "MSFT" and e.kind.startswith("guidance"))
    assert msft.data["reason"] and "accounting" in msft.data["reason"]  # the cut is bookkeeping, and says so


def test_cli_replay_prints_each_event_with_its_verdict(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AICYCLE_CONFIG", str(home.parent / "none.toml"))
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(app, ["watch", "--replay", "--from", "2026-07-28", "--to", "2026-07-30"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Replaying 2026-07-28 → 2026-07-30 from the store")
    assert "2026-07-29 guidance narrowed: Meta Platforms FY2026 capex guidance narrowed up" in result.output
    assert "verdict expanding +0.88" in lines[2]
    assert lines[-1] == "7 event(s) over 3 day(s); verdict on 2026-07-30: expanding +0.90"
    as_json = CliRunner().invoke(app, ["watch", "--replay", "--from", "2026-07-29", "--to", "2026-07-29", "--json"])
    events = [json.loads(line) for line in as_json.output.splitlines()]
    assert [e["kind"] for e in events] == ["news", "filing", "filing", "guidance_narrowed", "guidance_cut"]
    assert events[3]["data"]["new"]["low"] == 130e9 and events[3]["verdict"]["state"] == "expanding"


@pytest.mark.parametrize("args", [["--replay", "--from", "2026-07-01"], ["--replay", "--from", "2026-08-01", "--to",
                                                                          "2026-07-01"],
                                  ["--from", "2026-07-01", "--to", "2026-07-02"],
                                  ["--replay", "--from", "2026-13-01", "--to", "2026-07-02"]])
def test_bad_replay_options_are_one_line_usage_errors(home: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, ["watch", *args])
    assert result.exit_code == 2 and "Traceback" not in result.output
