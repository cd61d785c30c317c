"""Fast matching of many cue patterns: try a pattern only where its first letters occur.

Python's `re` tries every branch of a large alternation at every position, which makes one
combined cue regex run at 1–3 MB/s. The literal prefixes of each pattern (up to three characters)
are read from the parsed regex once; at each word start only the patterns whose prefix matches
there are tried, in priority order, with the same leftmost-first, non-overlapping result as
`finditer` over the alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

PREFIX = 5
_DIGITS = "0123456789"
# The regex that tries a window's patterns in priority order, and the pattern of each of its groups.
Candidates = tuple[re.Pattern[str], tuple[int, ...]] | tuple[()]


class CueMatcher:
    """Leftmost-first, non-overlapping matches of `patterns` (earlier patterns win at a position).

    Patterns run on lower-cased text; each is wrapped in a word boundary like the alternation was.
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = list(patterns)
        self.by_prefix: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            parsed = P.parse(pattern)
            if parsed.getwidth()[0] == 0:
                raise ValueError(f"cue pattern {pattern!r} can match the empty string")
            if parsed.state.groups > 1:
                raise ValueError(f"cue pattern {pattern!r} has a capturing group")
            starts = prefixes(pattern)
            if "" in starts:
                raise ValueError(f"cue pattern {pattern!r} has no literal start; it would be tried everywhere")
            for start in starts:
                self.by_prefix.setdefault(start, []).append(index)
        self.trigger = re.compile(trie_pattern(self.by_prefix))
        self._memo: dict[str, Candidates] = {}
        self._joined: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _candidates(self, window: str) -> Candidates:
        # The patterns whose literal prefix starts this window, in priority order, as one regex of
        # one group each: a single `match` tries them in that order, and the group that matched
        # names the pattern (memoised: the same few hundred windows recur all through a document).
        found: set[int] = set()
        for size in range(1, len(window) + 1):
            found.update(self.by_prefix.get(window[:size], ()))
        if len(self._memo) > 50_000:
            self._memo.clear()
        if not found:
            return ()
        order = tuple(sorted(found))
        joined = self._joined.get(order)
        if joined is None:
            joined = self._joined[order] = re.compile(
                r"\b(?:" + "|".join(f"({self.patterns[i]})" for i in order) + ")")
        return joined, order

    def finditer(self, text: str, positions: Iterable[int] | None = None) -> Iterator[tuple[int, re.Match[str]]]:
        """Yield (pattern index, match) left to right.

        `positions`, when given, are the ascending candidate starts (from `PrefixIndex`); otherwise
        the trigger regex finds them.
        """
        resume = 0
        memo = self._memo
        starts = positions if positions is not None else (m.start() for m in self.trigger.finditer(text))
        for pos in starts:
            if pos < resume:
                continue
            window = text[pos:pos + PREFIX]
            found = memo.get(window)
            if found is None:
                found = memo[window] = self._candidates(window)
            if not found:
                continue
            joined, order = found
            # no pattern matches the empty string, and none holds a group of its own: group n is order[n - 1]
            match = joined.match(text, pos)
            if match:
                yield order[(match.lastindex or 1) - 1], match
                resume = match.end()


Found = list[tuple[int, re.Match[str]]]


class PairMatcher:
    """Two matchers over the same candidate positions in one pass, each with its own `finditer` result.

    The window at a position is cut and looked up once for both: with two loops each paid for it at
    every one of a sentence's positions, although most positions start a pattern of neither."""

    def __init__(self, first: CueMatcher, second: CueMatcher) -> None:
        self.first, self.second = first, second
        self._memo: dict[str, tuple[Candidates, Candidates] | tuple[()]] = {}

    def matches(self, text: str, positions: Iterable[int]) -> tuple[Found, Found]:
        """`list(first.finditer(text, positions)), list(second.finditer(text, positions))`."""
        memo = self._memo
        first: Found = []
        second: Found = []
        first_resume = second_resume = 0
        for pos in positions:
            window = text[pos:pos + PREFIX]
            found = memo.get(window)
            if found is None:
                if len(memo) > 50_000:
                    memo.clear()
                pair = (self.first._candidates(window), self.second._candidates(window))
                found = memo[window] = pair if pair[0] or pair[1] else ()
            if not found:
                continue
            candidates = found[0]
            if candidates and pos >= first_resume:
                match = candidates[0].match(text, pos)
                if match:
                    first.append((candidates[1][(match.lastindex or 1) - 1], match))
                    first_resume = match.end()
            candidates = found[1]
            if candidates and pos >= second_resume:
                match = candidates[0].match(text, pos)
                if match:
                    second.append((candidates[1][(match.lastindex or 1) - 1], match))
                    second_resume = match.end()
        return first, second


def words(alternatives: str, tail: str = r"\b") -> re.Pattern[str]:
    """`\\b(?:alternatives)` + tail, written so that `re` can skip to the alternatives' first letters in C:
    each branch opens with its letter and tests the word start after it (the same matches)."""
    branches = alternatives.split("|")
    for branch in branches:
        if not branch[:1].isalnum() or branch[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"branch {branch!r} does not open with a letter of its own")
    return re.compile("(?:" + "|".join(b[0] + r"(?<!\w.)" + b[1:] for b in branches) + ")" + tail)


def trie_pattern(strings: Iterable[str]) -> str:
    """One regex for a set of literal strings, shaped as a trie so `re` skips quickly.

    Every top-level branch starts with a literal character (which `re` checks before entering the
    branch); the word-start test comes right after it as a lookbehind, so it costs nothing at the
    positions the first character already rules out.
    """
    root: dict[str, dict] = {}
    for string in strings:
        node = root
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}
    # The rest of the trie sits in a lookahead: a candidate consumes one character only, so the
    # next word's start is never swallowed.
    branches = [re.escape(c) + r"(?<![a-z0-9_].)" + (f"(?={rest})" if (rest := _emit(sub)) else "")
                for c, sub in sorted(root.items())]
    return "|".join(branches)


def _emit(node: dict[str, dict]) -> str:
    ends = "" in node
    alts = [re.escape(c) + _emit(sub) for c, sub in sorted(node.items()) if c]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if ends else body


def prefixes(pattern: str, size: int = PREFIX) -> set[str]:
    """Strings (≤ size chars) one of which starts every match; "" means "could start anywhere"."""
    found = {p for p, _ in _sequence(list(P.parse(pattern)), size)}
    return {"" if not p else p for p in found}


Prefixes = set[tuple[str, bool]]  # (prefix, can still grow)


def _sequence(items: list[tuple[object, object]], size: int) -> Prefixes:
    current: Prefixes = {("", True)}
    for item in items:
        grown: Prefixes = set()
        for prefix, open_ in current:
            if not open_ or len(prefix) >= size:
                grown.add((prefix[:size], False))
                continue
            for piece, piece_open in _item(item, size):
                joined = prefix + piece
                grown.add((joined[:size], piece_open and len(joined) < size))
        current = grown
        if all(not open_ for _, open_ in current):
            break
    return current


def _item(item: tuple[object, Any], size: int) -> Prefixes:
    # the parser's argument differs by opcode (a code point, a charset, a branch, a repeat) and is untyped
    op, arg = item
    if op is C.LITERAL:
        return {(chr(arg), True)}
    if op is C.IN:
        chars = _charset(arg)
        return {(c, True) for c in chars} if chars else {("", False)}
    if op is C.BRANCH:
        return {p for alt in arg[1] for p in _sequence(list(alt), size)}
    if op is C.SUBPATTERN:
        return _sequence(list(arg[-1]), size)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, _, sub = arg
        once = {(p, False) for p, _ in _sequence(list(sub), size)}
        return once | {("", True)} if low == 0 else once
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {("", True)}
    return {("", False)}


def _charset(items: list[tuple[object, Any]]) -> str:
    chars = ""
    for op, arg in items:
        if op is C.LITERAL:
            chars += chr(arg)
        elif op is C.RANGE and arg[1] - arg[0] < 26:
            chars += "".join(chr(c) for c in range(arg[0], arg[1] + 1))
        elif op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            chars += _DIGITS
        else:
            return ""
    return chars
