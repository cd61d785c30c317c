"""Which of a set of short needles each of many sentences holds, found in one numpy pass.

`str.find` over a document's topical sentences joined costs a full scan per needle (about 1.5 ms a
needle on a call's 15,000 characters … 60 needles); the needles' first three characters are instead
looked up at every position at once in a table, and only the few thousand positions where one
starts are checked with `startswith`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import numpy as np

SMALL = 4096  # characters: below this the plain `str.find` loop costs less than the arrays


class Needles:
    """Needles (ASCII, three characters or more, no NUL) each with the bits it sets."""

    def __init__(self, bits: Sequence[tuple[str, int]]) -> None:
        self.bits = list(bits)
        self.table = np.zeros(1 << 24, dtype=bool)  # calloc'd: only the needles' pages are touched
        self.whole = np.zeros(1 << 24, dtype=bool)  # three characters that are a needle themselves
        self.by_code: dict[int, list[tuple[str, int]]] = {}
        fours = set()
        for needle, bit in self.bits:
            if len(needle) < 3 or not needle.isascii() or "\0" in needle:
                raise ValueError(f"needle {needle!r}: three ASCII characters or more, no NUL")
            code = ord(needle[0]) << 16 | ord(needle[1]) << 8 | ord(needle[2])
            self.table[code] = True
            self.by_code.setdefault(code, []).append((needle, bit))
            if len(needle) == 3:
                self.whole[code] = True
            else:
                fours.add(code << 8 | ord(needle[3]))
        self.fours = np.array(sorted(fours) or [0], dtype=np.uint32)

    def present(self, sentences: Sequence[str]) -> list[int]:
        """For each sentence, the bits of the needles it holds (or'ed together)."""
        joined = "\0".join(sentences)  # a needle holds no NUL, so none spans two sentences
        present = [0] * len(sentences)
        ends, total = [], 0
        for sentence in sentences:
            total += len(sentence) + 1
            ends.append(total)  # each sentence's separator, + 1
        for at, bit in self._found(joined):
            present[bisect_right(ends, at)] |= bit
        return present

    def _found(self, joined: str) -> list[tuple[int, int]]:
        if len(joined) < SMALL:
            return self._found_plain(joined)
        # one byte per character (a character beyond latin-1 becomes "?", which starts no needle)
        # one byte per character (a character beyond latin-1 becomes "?", which starts no needle), and a
        # NUL after the end, which no needle holds
        data = np.frombuffer(joined.encode("latin-1", errors="replace") + b"\0", dtype=np.uint8).astype(np.uint32)
        codes = data[:-3] << 16 | data[1:-2] << 8 | data[2:-1]
        at = np.flatnonzero(self.table[codes])
        # common openings ("the", "on ", "for" of "the grid", "on track", "forecast") are settled by
        # their fourth character in the arrays, before any Python work
        code = codes[at]
        four = code << 8 | data[at + 3]
        place = np.minimum(np.searchsorted(self.fours, four), len(self.fours) - 1)
        at = at[self.whole[code] | (self.fours[place] == four)]
        by_code = self.by_code
        return [(start, bit) for start, code in zip(at.tolist(), codes[at].tolist(), strict=True)
                for needle, bit in by_code[code] if joined.startswith(needle, start)]

    def _found_plain(self, joined: str) -> list[tuple[int, int]]:
        found = []
        for needle, bit in self.bits:
            at = joined.find(needle)
            while at >= 0:
                found.append((at, bit))
                at = joined.find(needle, at + 1)
        return found
