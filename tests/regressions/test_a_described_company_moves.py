""""The Boise memory maker sinks more than 10% on the Meta Compute report" was not read as a stock move: the words
beside the company's nickname ("memory maker") were taken for something other than the stock. What a headline calls
the company ("memory maker", "neocloud", "Sydney-born") is set aside; a figure's move ("Micron revenue rose on HBM
demand") is still not the stock's."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.rumor.reaction import read_reaction
from aicycle.store import Store


def test_the_description_is_not_the_subject() -> None:
    reaction = read_reaction("The Boise memory maker sinks more than 10% on the Meta Compute report")
    assert reaction is not None and reaction.tickers == ("MU",) and not reaction.up
    assert read_reaction("The Sydney-born neocloud jumps 12% on the Microsoft deal") is not None
    assert read_reaction("Micron revenue rose on HBM demand") is None


def test_the_move(store: Store) -> None:
    result = check(store, "The Boise memory maker sinks more than 10% on the Meta Compute report", "2026-07-02")
    assert result["verdict"] == "supported"
    assert any("-10.57%" in e["text"] for e in result["evidence"])
