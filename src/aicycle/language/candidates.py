"""Where in a document anything of interest can start: one vectorised pass over the bytes.

`re` needs 100+ ns per character for a large alternation; numpy looks up the first one, two and
three characters at every word start in small tables instead (a few ns per character), and the
exact patterns then run only at the positions it returns. Each pattern set gets one bit, so the
cue, keyword and watch-term candidates come out of the same pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

_WORD = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _WORD[_c] = True


class PrefixIndex:
    """Word-start positions where one of each set's prefixes (1–3 chars used) occurs."""

    def __init__(self, sets: Mapping[str, Iterable[str]]) -> None:
        if len(sets) > 8:
            raise ValueError("at most 8 prefix sets (one bit each)")
        self.bits = {name: 1 << i for i, name in enumerate(sets)}
        self.t1 = np.zeros(256, dtype=np.uint8)
        self.t2 = np.zeros(1 << 16, dtype=np.uint8)
        self.t3 = np.zeros(1 << 24, dtype=np.uint8)
        for name, prefixes in sets.items():
            bit = self.bits[name]
            for prefix in prefixes:
                raw = prefix.encode("latin-1")[:3]
                if not raw:
                    raise ValueError(f"empty prefix in set {name!r}")
                if len(raw) == 1:
                    self.t1[raw[0]] |= bit
                elif len(raw) == 2:
                    self.t2[raw[0] << 8 | raw[1]] |= bit
                else:
                    self.t3[raw[0] << 16 | raw[1] << 8 | raw[2]] |= bit

    def scan(self, lowered: str) -> dict[str, list[int]]:
        """Candidate start positions per set, ascending (character offsets into `lowered`)."""
        return {name: found.tolist() for name, found in self.scan_arrays(lowered).items()}

    def scan_arrays(self, lowered: str) -> dict[str, np.ndarray]:
        """`scan` as arrays (int64)."""
        data = lowered.encode("latin-1", errors="replace")  # one byte per character: offsets hold
        n = len(data)
        if n == 0:
            return {name: np.zeros(0, dtype=np.int64) for name in self.bits}
        padded = np.zeros(n + 2, dtype=np.uint8)
        padded[:n] = np.frombuffer(data, dtype=np.uint8)
        # Only word starts can hold a candidate (position 0 and after a non-word byte, about one
        # position in five): the tables are read there only.
        starts = np.flatnonzero(~_WORD[padded[:n - 1]]) + 1
        starts = np.concatenate(([0], starts))
        first = padded[starts]
        code2 = (first.astype(np.uint32) << 8) | padded[starts + 1]
        flags = self.t1[first] | self.t2[code2] | self.t3[(code2 << 8) | padded[starts + 2]]
        return {name: starts[flags & bit != 0].astype(np.int64, copy=False) for name, bit in self.bits.items()}


@dataclass
class Windows:
    """Whether a match can start where the next few characters (a window) are these: the table of
    first letters reads three, and most candidates it passes are ruled out by the patterns' longer
    literal prefixes (`matcher.prefixes`), for a dict lookup instead of a regex, memoized per window."""

    prefixes: tuple[str, ...]
    seen: dict[str, bool] = field(default_factory=dict)

    def test(self, window: str) -> bool:
        if len(self.seen) > 50_000:
            self.seen.clear()
        found = self.seen[window] = window.startswith(self.prefixes)
        return found

    def passing(self, text: str, positions: Iterable[int], width: int) -> list[int]:
        """The positions whose `width` characters can start a match."""
        seen, out = self.seen, []
        for pos in positions:
            window = text[pos:pos + width]
            may = seen.get(window)
            if may is None:
                may = self.test(window)
            if may:
                out.append(pos)
        return out
