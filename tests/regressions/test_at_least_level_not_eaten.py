"""'Alphabet now sees 2026 capex of at least $195 billion' was read as a level *at* $195B (so a guide of
$180–190B counted as in line): the word-number 'a' glued to the 't' of 'at' ("a t[rillion]") consumed
the 'at' of 'at least' before the comparator could be read."""

from __future__ import annotations

from aicycle.rumor.amounts import level as _level


def test_at_least_is_a_floor() -> None:
    level = _level("Alphabet now sees 2026 capex of at least $195 billion")
    assert level is not None and (level.op, level.value) == ("above", 195e9)


def test_word_numbers_still_read() -> None:
    level = _level("Hyperscaler capex tops a trillion dollars")
    assert level is not None and (level.op, level.value) == ("above", 1e12)
