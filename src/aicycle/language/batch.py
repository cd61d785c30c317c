"""A document's text features at once: `encoding.text_rows` for all its topical sentences, in array
operations over all their tokens rather than Python sets built sentence by sentence.

Each feature kind becomes (sentence, code) pairs: a word's number, a word pair's two numbers, a class,
two classes in a row, a negated word or class. The distinct pairs of a sentence are what
`text_features` counts for the L2 norm, and the model's rows are found by binary search among its
sorted codes. `tests/test_language_model.py` holds the result to `text_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from aicycle.language.encoding import MAX_TOKENS, NEGATION_REACH, PAIR, FeatureRows

BITS = 24  # token numbers and sentence places fit in this many bits, or the batch goes one at a time
_LOW = (1 << BITS) - 1


DENSE = 1 << 20  # codes below this (words, negated words, classes) are looked up in an array, not searched


@dataclass(frozen=True)
class Codes:
    """The model's codes of one feature kind, sorted, and their rows; `dense[code]` is the row of a code
    below DENSE (-1 for none) when all the kind's codes are."""

    codes: np.ndarray
    rows: np.ndarray
    dense: np.ndarray | None = None

    @classmethod
    def of(cls, table: dict[int, int]) -> Codes:
        keys = sorted(table)
        dense = None
        if keys and keys[-1] < DENSE:
            dense = np.full(keys[-1] + 1, -1, dtype=np.int64)
            dense[keys] = [table[k] for k in keys]
        return cls(np.array(keys, dtype=np.int64), np.array([table[k] for k in keys], dtype=np.int64), dense)

    def find(self, owners: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(owner, row) of the `codes` the model knows."""
        if not len(self.codes):
            return owners[:0], self.rows[:0]
        if self.dense is not None:  # an array lookup costs less than the binary search
            rows = self.dense[np.minimum(codes, len(self.dense) - 1)]
            known = (rows >= 0) & (codes < len(self.dense))
            return owners[known], rows[known]
        at = np.minimum(np.searchsorted(self.codes, codes), len(self.codes) - 1)
        known = self.codes[at] == codes
        return owners[known], self.rows[at[known]]


@dataclass(frozen=True)
class BatchTables:
    """`FeatureRows` as sorted code arrays; class pairs as (first place, second place, row)."""

    word: Codes
    pair: Codes
    cls: Codes
    step: Codes
    negated: Codes
    negated_cls: Codes
    cls_pairs: list[tuple[int, int, int]]
    _by_mask: dict[int, tuple[int, ...]] = field(default_factory=dict)
    _tokens: dict[str, np.ndarray] = field(default_factory=dict)
    _forgotten: list[int] = field(default_factory=lambda: [0])

    def token_arrays(self, table: FeatureRows) -> tuple[np.ndarray, np.ndarray]:
        """Each token number's class place and whether it is a negator, as arrays kept in step with
        `table`'s lists (extended by the numbers given since the last call, rebuilt after `forget`):
        indexing them costs less than reading the lists token by token."""
        if self._forgotten[0] != table.forgotten or len(self._tokens.get("classes", ())) > len(table.classes):
            self._tokens.clear()
            self._forgotten[0] = table.forgotten
        have = len(self._tokens.get("classes", ()))
        if have < len(table.classes) or "classes" not in self._tokens:
            for name, values, dtype in (("classes", table.class_numbers, np.int64), ("negators", table.negators, bool)):
                more = np.array(values[have:], dtype=dtype)
                self._tokens[name] = np.concatenate((self._tokens[name], more)) if have else more
        return self._tokens["classes"], self._tokens["negators"]

    def pair_rows(self, mask: int) -> tuple[int, ...]:
        """The rows of the class pairs present in a set of classes (one bit each): at most 2**11 sets."""
        found = self._by_mask.get(mask)
        if found is None:
            found = self._by_mask[mask] = tuple(row for a, b, row in self.cls_pairs if mask >> a & mask >> b & 1)
        return found


def batch_tables(table: FeatureRows) -> BatchTables:
    place = {name: i for i, name in enumerate(table.class_names)}
    return BatchTables(
        Codes.of(table.word),
        Codes.of({(p // PAIR) << BITS | p % PAIR: row for p, row in table.pair.items()}),
        Codes.of({place[c]: row for c, row in table.cls.items()}),
        Codes.of({place[a] << 4 | place[b]: row for (a, b), row in table.step.items()}),
        Codes.of(table.negated),
        Codes.of({place[c]: row for c, row in table.negated_cls.items()}),
        [(place[a], place[b], row) for (a, b), row in table.cls_pair.items()])


def _distinct(owners: np.ndarray, codes: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (owner, code) pairs, codes below 2**width: one sort of `owner << width | code`
    (two keys when the owners do not fit beside the codes)."""
    if not len(codes):
        return owners, codes
    if int(owners[-1]) < 1 << (62 - width):  # owners ascend
        keys = _unique(owners << width | codes)
        return keys >> width, keys & ((1 << width) - 1)
    order = np.lexsort((codes, owners))
    owners, codes = owners[order], codes[order]
    new = np.ones(len(codes), dtype=bool)
    new[1:] = (codes[1:] != codes[:-1]) | (owners[1:] != owners[:-1])
    return owners[new], codes[new]


def _unique(keys: np.ndarray) -> np.ndarray:
    """`np.unique` of a non-empty integer array by one sort (numpy 2's hashing `unique` took ten times longer)."""
    keys = np.sort(keys)
    new = np.empty(len(keys), dtype=bool)
    new[0] = True
    np.not_equal(keys[1:], keys[:-1], out=new[1:])
    return keys[new]


class _Found:
    """Rows found so far, with their owners, and each sentence's count of distinct features."""

    def __init__(self, sentences: int) -> None:
        self.count = np.zeros(sentences, dtype=np.int64)
        self.owners: list[np.ndarray] = []
        self.rows: list[np.ndarray] = []

    def add(self, owners: np.ndarray, codes: np.ndarray, known: Codes, width: int = BITS
            ) -> tuple[np.ndarray, np.ndarray]:
        owners, codes = _distinct(owners, codes, width)
        self.count += np.bincount(owners, minlength=len(self.count))
        found_owners, rows = known.find(owners, codes)
        self.owners.append(found_owners)
        self.rows.append(rows)
        return owners, codes


def text_rows_many(tokens: list[list[str]], table: FeatureRows, tables: BatchTables
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(rows, the sentence of each row, each sentence's feature count) for many token lists, or None
    when the batch is too large for the codes (the caller then goes sentence by sentence)."""
    if len(table.ids) > MAX_TOKENS:
        table.forget()
    get = table.ids.get
    flat = [n if (n := get(t)) is not None else table.number(t) for sentence in tokens for t in sentence]
    if len(tokens) > _LOW or len(table.classes) > _LOW:
        return None
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    ids = np.array(flat, dtype=np.int64)
    owner = np.repeat(np.arange(len(tokens), dtype=np.int64), lengths)
    class_of, is_negator = tables.token_arrays(table)
    classes = class_of[ids]
    found = _Found(len(tokens))
    found.add(owner, ids, tables.word)
    same = owner[1:] == owner[:-1]
    found.add(owner[1:][same], (ids[:-1] << BITS | ids[1:])[same], tables.pair, 2 * BITS)
    _classes(found, owner, classes, tables)
    negated = _negated(owner, ids, is_negator, lengths)
    found.add(owner[negated], ids[negated], tables.negated)
    has = negated & (classes >= 0)
    found.add(owner[has], classes[has], tables.negated_cls)
    return np.concatenate(found.rows), np.concatenate(found.owners), found.count


def _classes(found: _Found, owner: np.ndarray, classes: np.ndarray, tables: BatchTables) -> None:
    """The class features: each class present, each pair of present classes, each change of class."""
    has = classes >= 0
    owners, places = found.add(owner[has], classes[has], tables.cls)
    present = np.bincount(owners, minlength=len(found.count))
    found.count += present * (present - 1) // 2  # every pair of present classes is a feature
    masks = np.zeros(len(found.count), dtype=np.int64)
    np.bitwise_or.at(masks, owners, np.left_shift(1, places))
    pair_rows = [tables.pair_rows(mask) for mask in masks.tolist()]
    found.owners.append(np.repeat(np.arange(len(masks)), [len(rows) for rows in pair_rows]))
    found.rows.append(np.fromiter((row for rows in pair_rows for row in rows), dtype=np.int64))
    seq_owner, seq = owner[has], classes[has]
    step = (seq_owner[1:] == seq_owner[:-1]) & (seq[1:] != seq[:-1])
    found.add(seq_owner[1:][step], (seq[:-1] << 4 | seq[1:])[step], tables.step)


def _negated(owner: np.ndarray, ids: np.ndarray, is_negator: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Tokens within NEGATION_REACH after the last negator of their sentence (not negators themselves)."""
    flags = is_negator[ids]
    index = np.arange(len(ids), dtype=np.int64)
    last = np.maximum.accumulate(np.where(flags, index, -1)) if len(ids) else index
    first_token = (np.cumsum(lengths) - lengths)[owner]
    return ~flags & (last >= first_token) & (index - last <= NEGATION_REACH)
