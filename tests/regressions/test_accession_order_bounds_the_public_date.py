""""Nebius more than doubles quarterly capex in Q2 2026", as of 2026-08-13, was unclear: the Q2 figure cites a
6-K exhibit (0001104659-26-094568) that the trimmed SEC submissions do not list, so its public date was
estimated at the quarter's end + 45 days (2026-08-14). The submissions do list the same filing agent's later
accession 0001104659-26-094844, filed 2026-08-12; accession numbers rise with time, so the figure was public by
then."""

from __future__ import annotations

import datetime as dt

from aicycle.curated.facts import filed_no_later_than
from aicycle.rumor import check
from aicycle.store import Store

_KNOWN = {"0001104659-26-094844": dt.date(2026, 8, 12), "0001104659-26-105749": dt.date(2026, 9, 8),
          "0001104659-25-094844": dt.date(2025, 9, 1), "0001193125-26-000001": dt.date(2026, 1, 2)}


def test_the_earliest_later_accession_of_the_same_agent_and_year() -> None:
    assert filed_no_later_than("0001104659-26-094568", _KNOWN) == (dt.date(2026, 8, 12), "0001104659-26-094844")
    assert filed_no_later_than("0001104659-26-200000", _KNOWN) is None  # nothing later is known
    assert filed_no_later_than("0001193125-25-000001", _KNOWN) is None  # another year's numbers


def test_nebius_q2_capex_public_by_the_bound(store: Store) -> None:
    row = store.query("SELECT filed, method FROM facts WHERE ticker = 'NBIS' AND metric = 'capex' "
                      "AND period_end = DATE '2026-06-30'")[0]
    assert row["filed"] == dt.date(2026, 8, 12) and "no later than 2026-08-12" in row["method"]
    claim = "Nebius more than doubles quarterly capex in Q2 2026"
    assert check(store, claim, "2026-07-01")["verdict"] == "unclear"
    assert check(store, claim, "2026-08-13")["verdict"] == "supported"
