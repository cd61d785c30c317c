""""TeraWulf's CB-3 building slips past Q3 2026" could not be answered: "CB-3" was not read as a site (no
lower-case letter), and the claim's quarter was taken for the period of the evidence rather than a deadline.
"Cipher's Barber Lake slips and won't start paying rent in 2026" was read against an expansion of the site in
2030. A site's schedule is now read from the company's latest word on that site's date."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.schedule import Window, read_schedule
from aicycle.store import Store

_DAY = dt.date(2026, 8, 7)


def test_a_building_code_is_a_site_and_its_quarter_a_deadline() -> None:
    schedule = read_schedule("TeraWulf's CB-3 building slips past Q3 2026", ["CB-3"], _DAY, "projects")
    assert schedule is not None
    assert (schedule.site, schedule.kind, schedule.past) == ("CB-3", "late", True)
    assert schedule.window == Window(dt.date(2026, 7, 1), dt.date(2026, 9, 30))


def test_a_figure_slipping_in_a_quarter_is_not_a_site() -> None:
    assert read_schedule("NVIDIA's RPO slips in the January quarter", ["January"], _DAY, "backlog") is None


@pytest.mark.parametrize(("claim", "as_of", "verdict", "quoted"), [
    # delivered in early July: not past Q3
    ("TeraWulf's CB-3 building slips past Q3 2026", "2026-08-07", "contradicted", "early July"),
    ("TeraWulf delivered its CB-3 building in mid-May as planned", "2026-08-07", "contradicted", "early July"),
    # "At CB-5, we expect to begin energizing the first data hall in very early January"
    ("TeraWulf's CB-5 building slips into 2027", "2026-08-07", "supported", "very early January"),
    ("TeraWulf's CB-5 at Lake Mariner on track to start leasing in Q4 2026", "2026-08-06", "contradicted",
     "very early January"),
    # "remains aligned with its fourth quarter 2026 lease commencement"
    ("TeraWulf's Abernathy JV lease start slips beyond 2026", "2026-02-27", "contradicted", "fourth quarter 2026"),
    # the first phase in September, not the site's expansion in 2030
    ("Cipher's Barber Lake slips and won't start paying rent in 2026", "2026-08-05", "contradicted", "September"),
    ("Cipher delivered its Black Pearl data center capacity ahead of schedule", "2026-08-10", "supported",
     "ahead of the original schedule"),
])
def test_the_companys_latest_word_on_the_site(store: Store, claim: str, as_of: str, verdict: str,
                                               quoted: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert quoted in result["evidence"][0]["text"]


def test_before_any_word_on_the_site_it_is_unclear(store: Store) -> None:
    assert check(store, "Cipher delivered Black Pearl data center capacity ahead of schedule",
                 "2026-03-01")["verdict"] == "unclear"


def test_may_the_verb_names_no_month() -> None:
    schedule = read_schedule("TeraWulf's CB-5 may slip into 2027", ["CB-5"], _DAY, "projects")
    assert schedule is not None and schedule.window == Window(dt.date(2027, 1, 1), dt.date(2027, 12, 31))
