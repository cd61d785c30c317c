""""B200 marketplace prices slid from mid-October to mid-November 2025" was refuted by the median's -3.5% over the
window, which the price band reads as flat. A mild word ("slid", "edged up", "dipped", "eased") names a small move:
one of at least 2% the way it says bears it out; the band still reads a flat claim and a strong word's size."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.rumor.evidence import Item
from aicycle.rumor.sizes import mild_move
from aicycle.store import Store


def _flat(change: float) -> Item:
    return Item(signal="gpu_price_trend", text="x", date=None, source="s", kind="reported", observed="flat",
                weight=0.9, change=change)


def test_only_a_mild_word_and_a_move_of_two_percent() -> None:
    assert mild_move(_flat(-0.035), "B200 prices slid in October").observed == "down"
    assert mild_move(_flat(0.03), "H100 rates edged up in May").observed == "up"
    assert mild_move(_flat(-0.01), "B200 prices slid in October").observed == "flat"
    assert mild_move(_flat(-0.035), "B200 prices were flat in October").observed == "flat"


def test_the_slide(store: Store) -> None:
    result = check(store, "B200 marketplace prices slid from mid-October to mid-November 2025", "2025-11-17")
    assert result["verdict"] == "supported"
    assert any("$5.49" in e["text"] and "$5.69" in e["text"] for e in result["evidence"])
