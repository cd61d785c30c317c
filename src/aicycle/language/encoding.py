"""A sentence's text features as the model's row numbers, without spelling the feature names.

`model.text_features` names every word ("w:capex"), word pair ("b:capex will"), word class and
negated word, and the model looks each name up; on a call's thousands of topical sentences that
string building and hashing cost more than the rules. Here every token gets a small integer once
(per process), a word pair is one integer (`first * PAIR + second`), and the model's feature names
are split once into tables keyed by those integers. A sentence then yields the rows the model knows
and how many distinct features it has in all: the L2 norm of the word block counts the features the
model does not know too. The feature kinds never share a name, so that count is the sum of each
kind's distinct members. `tests/test_language_model.py` checks both against `text_features`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import compress, islice, pairwise, repeat
from operator import add, mul

PAIR = 1 << 32       # token numbers stay below this: a pair of them is one integer
MAX_TOKENS = 1 << 20  # distinct token spellings remembered before the table forgets the ones outside the model
NEGATION_REACH = 3


@dataclass
class FeatureRows:
    """The model's text-feature rows keyed by token numbers (words, pairs) and class names."""

    fold: Callable[[str], str]           # a raw token to the form the features use ("$5" -> "<money>")
    class_of: Mapping[str, str]           # folded token -> word class
    is_negator: Callable[[str], bool]
    ids: dict[str, int] = field(default_factory=dict)       # raw or folded token -> number
    classes: list[str | None] = field(default_factory=list)  # number -> word class
    negators: list[bool] = field(default_factory=list)       # number -> is a negator
    class_names: list[str] = field(default_factory=list)     # the word classes, sorted
    class_numbers: list[int] = field(default_factory=list)   # number -> its class's place in class_names, or -1
    word: dict[int, int] = field(default_factory=dict)
    pair: dict[int, int] = field(default_factory=dict)
    cls: dict[str, int] = field(default_factory=dict)
    cls_pair: dict[tuple[str, str], int] = field(default_factory=dict)
    step: dict[tuple[str, str], int] = field(default_factory=dict)
    negated: dict[int, int] = field(default_factory=dict)
    negated_cls: dict[str, int] = field(default_factory=dict)
    known: int = 0  # numbers below this belong to the model's words and the word classes
    forgotten: int = 0  # how many times `forget` ran (copies of the lists are stale after it)

    def number(self, token: str) -> int:
        """The token's number (its folded form's), given one on first sight."""
        folded = self.fold(token)
        found = self.ids.get(folded)
        if found is None:
            found = self.ids[folded] = len(self.classes)
            self.classes.append(self.class_of.get(folded))
            self.negators.append(self.is_negator(folded))
            self.class_numbers.append(self.class_names.index(self.classes[-1]) if self.classes[-1] else -1)
        self.ids[token] = found
        return found

    def forget(self) -> None:
        """Drop the numbers of tokens outside the model (a long-running process meets ever new ones)."""
        keep = self.known
        for token in [t for t, n in self.ids.items() if n >= keep]:
            del self.ids[token]
        del self.classes[keep:], self.negators[keep:], self.class_numbers[keep:]
        self.forgotten += 1


def feature_rows(index: Mapping[str, int], fold: Callable[[str], str], class_of: Mapping[str, str],
                 is_negator: Callable[[str], bool]) -> FeatureRows:
    """Split the model's feature names (the ones `text_features` writes) into tables by kind."""
    table = FeatureRows(fold, class_of, is_negator, class_names=sorted(set(class_of.values())))
    for word in [*class_of, *(n.partition(":")[2] for n in index if n.startswith(("w:", "n:")))]:
        table.number(word)
    for name in index:
        if name.startswith("b:"):
            for word in name[2:].split(" "):
                table.number(word)
    table.known = len(table.classes)
    singles: dict[str, dict[str, int]] = {"k": table.cls, "nk": table.negated_cls}
    pairs = {"kk": (table.cls_pair, "+"), "ks": (table.step, ">")}
    for name, row in index.items():
        kind, _, rest = name.partition(":")
        if kind == "w":
            table.word[table.ids[rest]] = row
        elif kind == "n":
            table.negated[table.ids[rest]] = row
        elif kind == "b":  # tokens hold no space: the split is unique
            first, _, second = rest.partition(" ")
            table.pair[table.ids[first] * PAIR + table.ids[second]] = row
        elif kind in singles:
            singles[kind][rest] = row
        elif kind in pairs:  # classes hold no '+' or '>'
            target, sep = pairs[kind]
            a, _, b = rest.partition(sep)
            target[(a, b)] = row
    return table


def text_rows(tokens: list[str], table: FeatureRows) -> tuple[list[int], int]:
    """The rows of the sentence's text features the model knows, and how many features it has in all.

    `tokens` are the raw tokens (`model._TOKEN.findall`)."""
    if not tokens:
        return [], 0
    if len(table.ids) > MAX_TOKENS:
        table.forget()
    get = table.ids.get
    ids = [n if (n := get(t)) is not None else table.number(t) for t in tokens]
    unique = set(ids)
    pairs = set(map(add, map(mul, ids, repeat(PAIR)), islice(ids, 1, None)))  # in C: no tuple per pair
    seq = [c for c in map(table.classes.__getitem__, ids) if c]
    present = sorted(set(seq))
    class_pairs = [(a, b) for i, a in enumerate(present) for b in present[i + 1:]]
    steps = {(a, b) for a, b in pairwise(seq) if a != b}
    negated, negated_cls = _negated(ids, table)
    count = len(unique) + len(pairs) + len(present) + len(class_pairs) + len(steps) + len(negated) \
        + len(negated_cls)
    # set intersections run in C: only the features the model knows are looked up one by one
    word, pair, step = table.word, table.pair, table.step
    rows = [word[t] for t in unique & word.keys()]
    rows += [pair[p] for p in pairs & pair.keys()]
    rows += [table.cls[c] for c in present if c in table.cls]
    rows += [table.cls_pair[p] for p in class_pairs if p in table.cls_pair]
    rows += [step[p] for p in steps & step.keys()]
    rows += [table.negated[t] for t in negated & table.negated.keys()]
    rows += [table.negated_cls[c] for c in negated_cls & table.negated_cls.keys()]
    return rows, count


def _negated(ids: list[int], table: FeatureRows) -> tuple[set[int], set[str]]:
    """Tokens (and their classes) within NEGATION_REACH after a negator, none past the next negator:
    the same words as the running `reach` counter of `text_features`."""
    flags = list(map(table.negators.__getitem__, ids))
    negated: set[int] = set()
    for at in compress(range(len(ids)), flags):
        for i in range(at + 1, min(at + 1 + NEGATION_REACH, len(ids))):
            if flags[i]:
                break
            negated.add(ids[i])
    classes = {c for c in map(table.classes.__getitem__, negated) if c}
    return negated, classes
