""""OpenAI accounts for roughly 45% of Microsoft's commercial backlog" had no direction: a share was read only as
"45% of the backlog comes from OpenAI", not with the part named first. Microsoft's "Approximately 45% of our
commercial RPO balance is from OpenAI" answers either way round."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.rumor.shares import read_share
from aicycle.store import Store


def test_part_first() -> None:
    share = read_share("OpenAI accounts for roughly 45% of Microsoft's commercial backlog")
    assert share is not None and (share.value, share.op, share.whole, share.part) == (0.45, "at", "backlog", "OpenAI")
    assert read_share("Meta is half of the market") is None  # no whole the reading knows


def test_openais_share_of_microsofts_rpo(store: Store) -> None:
    assert check(store, "OpenAI accounts for roughly 45% of Microsoft's commercial backlog",
                 "2026-01-29")["verdict"] == "supported"
    assert check(store, "OpenAI accounts for more than half of Microsoft's commercial RPO",
                 "2026-01-31")["verdict"] == "contradicted"
