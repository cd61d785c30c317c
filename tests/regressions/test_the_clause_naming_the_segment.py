""""AMD data center revenue fell sequentially in Q2 2025" was contradicted by "Revenue increased 3% sequentially
due to strong growth in the client and gaming segment, partially offset by the data center revenue decrease":
the sentence's direction words were counted over the whole sentence, where the company's rise outnumbers the
segment's fall. A claim about a segment reads the clauses that name it."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.observe import observe
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store

_SENTENCE = ("Revenue increased 3% sequentially due to strong growth in the client and gaming segment, partially "
             "offset by the data center revenue decrease due to export controls.")


def test_the_segments_clause_decides() -> None:
    reading = read(parse_claim("AMD data center revenue fell sequentially in Q2 2025"), dt.date(2025, 9, 15))
    assert observe(reading, _SENTENCE)[0] == "down"
    whole = read(parse_claim("AMD revenue rose sequentially in Q2 2025"), dt.date(2025, 9, 15))
    assert observe(whole, _SENTENCE)[0] == "up"  # no segment named: the whole sentence


def test_amd_data_center_claims_are_not_answered_backwards(store: Store) -> None:
    fell = check(store, "AMD data center revenue fell sequentially in Q2 2025", "2025-09-15")
    assert fell["verdict"] != "contradicted"
    grew = check(store, "AMD data center AI revenue grew year on year in Q2 2025", "2025-08-25")
    assert grew["verdict"] != "supported"
