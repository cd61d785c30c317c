""""Intel's 2025 gross capex target is now about $18 billion" was supported on "OpEx of approximately $17.5
billion and net CapEx of $12 to $14 billion": the OpEx figure was given to CapEx across "and", and net capex
answered a claim about gross. A claim naming gross or net capex is answered only by sentences naming that
basis, and a figure joined to another noun by "and" or a comma is that noun's."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.observe import named_figures
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.rumor.scope import segment_ok
from aicycle.store import Store

SENTENCE = ("In 2025, with OpEx of approximately $17.5 billion and net CapEx of $12 to $14 billion, we expect "
            "to achieve positive adjusted free cash flow.")


def test_the_basis_and_the_noun() -> None:
    reading = read(parse_claim("Intel's 2025 gross capex target is now about $18 billion"), dt.date(2025, 3, 1))
    assert reading.basis == "gross"
    assert not segment_ok(reading, SENTENCE)
    assert [f[0] for f in named_figures(reading, SENTENCE)] == [12e9]


def test_no_longer_supported(store: Store) -> None:
    result = check(store, "Intel's 2025 gross capex target is now about $18 billion", "2025-03-01")
    assert result["verdict"] != "supported"
