"""The trained stance classifier: a calibrated linear model over words and the rule engine's cues.

Features of one sentence (all named, so the shipped parameters can be read):
- `w:` words, `b:` word pairs, `n:` words within three words after a negator ("not slowing"), with
  numbers folded into <money>, <pct>, <year>, <num>; the word block is L2-normalised;
- what the rules saw (`rules.read`): the rule label, each label's vote, every cue and subject by name,
  guidance figures compared in the sentence, mood.

The parameters (`aicycle/data/stance_model.json`, written by `scripts/train_stance.py` from the
labelled corpus) are plain JSON: the feature names, one weight per feature and label, the biases and
the temperature that calibrates the probabilities. Inference is a sparse dot product with numpy (no
scikit-learn, no pickle); the shipped confidences are rounded to three decimals.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from typing import Any

import numpy as np

from aicycle.errors import DataError
from aicycle.language import rules
from aicycle.language.batch import BatchTables, batch_tables, text_rows_many
from aicycle.language.encoding import NEGATION_REACH, FeatureRows, feature_rows, text_rows
from aicycle.language.labels import LABELS, Stance

MODEL_FILE = "data/stance_model.json"
_TOKEN = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?%?|[a-z]+(?:['’][a-z]+)?")
_NEGATORS = frozenset({"not", "no", "never", "without", "n't", "nor", "don't", "didn't", "doesn't", "isn't", "aren't",
                       "won't", "wasn't", "haven't", "hasn't", "can't", "cannot", "neither"})
# Word classes: the direction and the object of a sentence in a few dozen words, so that what the model
# learns from "capex will increase" carries over to "spending grows" (the corpus is small).
WORD_CLASSES: dict[str, tuple[str, ...]] = {
    "UP": ("increase", "increased", "increases", "increasing", "grow", "grows", "growing", "grew", "growth", "higher",
           "raise", "raised", "raising", "expand", "expanding", "expanded", "expansion", "accelerate", "accelerating",
           "accelerated", "double", "doubled", "doubling", "add", "adding", "added", "ramp", "ramping", "scale",
           "scaling", "boost", "boosted", "exceed", "exceeds", "exceeding", "outpace", "outpacing", "significantly",
           "meaningfully", "substantially", "record", "more", "up"),
    "DOWN": ("decrease", "decreased", "decreasing", "decline", "declined", "declining", "lower", "lowered", "reduce",
             "reduced", "reducing", "reduction", "cut", "cuts", "cutting", "fewer", "less", "drop", "dropped", "fall",
             "fell", "shrink", "cancel", "cancelled", "canceled", "down", "remove", "removed"),
    "FLAT": ("flat", "similar", "consistent", "unchanged", "same", "stable", "steady", "maintain", "maintained",
             "reaffirm", "reaffirmed", "representative", "roughly", "track", "schedule", "remain", "remains"),
    "SLOW": ("slower", "slowing", "slow", "slowed", "moderate", "moderating", "moderation", "pace", "pacing", "pause",
             "pausing", "paused", "digest", "digesting", "digestion", "discipline", "disciplined", "measured",
             "prudent", "optimize", "optimizing", "optimization", "efficiency", "efficient", "efficiencies",
             "throttle", "flexibility", "flexible", "careful", "cautious"),
    "CAPEX": ("capex", "capital", "expenditures", "expenditure", "investment", "investments", "invest", "investing",
              "spend", "spending", "infrastructure", "build", "building", "buildout", "construction"),
    "CAPACITY": ("capacity", "capacities", "data", "center", "centers", "compute", "gpus", "gpu", "clusters",
                 "megawatts", "gigawatts", "mw", "gw", "fab", "fabs", "wafer", "wafers", "hbm", "servers", "racks",
                 "supply", "sites", "campus", "halls"),
    "DEMAND": ("demand", "orders", "backlog", "bookings", "pipeline", "customers", "interest"),
    "TIGHT": ("constrained", "constraint", "constraints", "shortage", "shortages", "tight", "tightness", "sold",
              "short", "booked", "allocation"),
    "TIMING": ("timing", "delay", "delays", "delayed", "slipped", "pushed", "shift", "shifted", "quarter", "lease",
               "leases", "delivery", "deliveries"),
    "OTHER": ("revenue", "revenues", "margin", "margins", "opex", "expenses", "headcount", "price", "pricing",
              "earnings", "sales", "ads", "advertising", "monetization", "inventory", "dividend", "buyback"),
    "FUTURE": ("expect", "expects", "expected", "anticipate", "anticipated", "plan", "plans", "planning", "will",
               "outlook", "guidance", "guide", "next", "forecast", "intend", "target"),
}
_CLASS_OF = {w: k for k, words in WORD_CLASSES.items() for w in words}


def _fold(token: str) -> str:
    if token[0] == "$":
        return "<money>"
    if token[0].isdigit():
        if token.endswith("%"):
            return "<pct>"
        return "<year>" if len(token) == 4 and token[:2] in ("19", "20") else "<num>"
    return token.replace("’", "'")


_FOLDED: dict[str, str] = {}


def _folded(token: str) -> str:
    found = _FOLDED.get(token)
    if found is None:
        found = _fold(token)
        if len(_FOLDED) < 200_000:  # words recur; numbers mostly do not
            _FOLDED[token] = found
    return found


def words(lowered: str) -> list[str]:
    folded = _FOLDED.get
    return [folded(t) or _folded(t) for t in _TOKEN.findall(lowered)]


def _is_negator(token: str) -> bool:
    return token in _NEGATORS or token.endswith("n't")


def text_features(lowered: str) -> dict[str, float]:
    """Words, word pairs and negated words, L2-normalised (each present feature counts once)."""
    tokens = words(lowered)
    names = {f"w:{t}" for t in tokens}
    names.update(f"b:{a} {b}" for a, b in pairwise(tokens))
    classes = [_CLASS_OF.get(t) for t in tokens]
    present = sorted({c for c in classes if c})
    names.update(f"k:{c}" for c in present)
    names.update(f"kk:{a}+{b}" for i, a in enumerate(present) for b in present[i + 1:])
    seq = [c for c in classes if c]
    names.update(f"ks:{a}>{b}" for a, b in pairwise(seq) if a != b)
    reach = 0
    for token in tokens:
        if _is_negator(token):
            reach = NEGATION_REACH
        elif reach:
            names.add(f"n:{token}")
            if token in _CLASS_OF:
                names.add(f"nk:{_CLASS_OF[token]}")
            reach -= 1
    if not names:
        return {}
    value = 1.0 / math.sqrt(len(names))
    return dict.fromkeys(names, value)


def features(lowered: str, positions: Sequence[int] | None = None) -> tuple[Stance, dict[str, float]]:
    """The rules' answer and the model's input for one lower-cased topical sentence."""
    stance, seen = rules.read(lowered, positions)
    return stance, {**text_features(lowered), **seen}


@dataclass(frozen=True)
class StanceModel:
    labels: tuple[str, ...]
    index: dict[str, int]          # feature name -> row of `weights`
    weights: np.ndarray            # one row per feature, one column per label
    bias: np.ndarray
    temperature: float
    version: str

    def probabilities(self, feats: dict[str, float]) -> list[float]:
        return [float(p) for p in self.probabilities_many([feats])[0]]

    @functools.cached_property
    def tables(self) -> FeatureRows:
        return feature_rows(self.index, _fold, _CLASS_OF, _is_negator)

    def encode(self, lowered: str, seen: dict[str, float]) -> tuple[list[int], list[float]]:
        """The known rows and values of `{**text_features(lowered), **seen}` (the rules' features)."""
        rows, count = text_rows(_TOKEN.findall(lowered), self.tables)
        values = [1.0 / math.sqrt(count)] * len(rows) if count else []
        index = self.index
        for name, value in seen.items():
            row = index.get(name)
            if row is not None:
                rows.append(row)
                values.append(value)
        return rows, values

    def probabilities_many(self, batch: Sequence[dict[str, float]]) -> np.ndarray:
        """One row of probabilities per sentence: the same numbers as `probabilities`, in one product
        (a document's sentences at once; per-sentence numpy calls cost more than the arithmetic)."""
        index = self.index
        encoded = []
        for feats in batch:
            known = [(row, value) for name, value in feats.items() if (row := index.get(name)) is not None]
            encoded.append(([row for row, _ in known], [value for _, value in known]))
        return self.probabilities_encoded(encoded)

    @functools.cached_property
    def batch_tables(self) -> BatchTables:
        return batch_tables(self.tables)

    def probabilities_read(self, sentences: Sequence[tuple[str, dict[str, float]]]) -> np.ndarray:
        """`probabilities_many` for (lower-cased sentence, the rules' features) pairs: the text features
        of all the sentences come from one pass over their tokens (`batch.text_rows_many`)."""
        tokens = [_TOKEN.findall(lowered) for lowered, _ in sentences]
        found = text_rows_many(tokens, self.tables, self.batch_tables)
        if found is None:
            return self.probabilities_encoded([self.encode(lowered, seen) for lowered, seen in sentences])
        rows, owners, count = found
        index = self.index
        ruled = [(n, row, value) for n, (_, seen) in enumerate(sentences) for name, value in seen.items()
                 if (row := index.get(name)) is not None]
        return self._softmax(len(sentences), np.concatenate((rows, [r for _, r, _ in ruled])).astype(np.int64),
                             np.concatenate((1.0 / np.sqrt(count[owners]), [v for _, _, v in ruled])),
                             np.concatenate((owners, [n for n, _, _ in ruled])).astype(np.int64))

    def probabilities_encoded(self, batch: Sequence[tuple[list[int], list[float]]]) -> np.ndarray:
        """`probabilities_many` for sentences already encoded as (rows, values)."""
        rows: list[int] = []
        values: list[float] = []
        owner: list[int] = []
        for n, (known, weights) in enumerate(batch):
            rows += known
            values += weights
            owner += [n] * len(known)
        return self._softmax(len(batch), np.asarray(rows, dtype=np.int64), np.asarray(values, dtype=np.float64),
                             np.asarray(owner, dtype=np.int64))

    def _softmax(self, sentences: int, rows: np.ndarray, values: np.ndarray, owners: np.ndarray) -> np.ndarray:
        labels = len(self.bias)
        logits = np.tile(self.bias, (sentences, 1))
        if len(rows):
            contributions = self.weights[rows] * values[:, None]
            # one bincount over (sentence, label) bins: each bin sums its rows in the same order as a
            # bincount per label did, so the sums are the same to the last bit
            bins = (owners[:, None] * labels + np.arange(labels)).ravel()
            logits += np.bincount(bins, weights=contributions.ravel(), minlength=sentences * labels
                                  ).reshape(sentences, labels)
        scaled = (logits - logits.max(axis=1, keepdims=True)) / self.temperature
        exps = np.exp(scaled)
        return exps / exps.sum(axis=1, keepdims=True)

    def predict(self, rule_stance: Stance, feats: dict[str, float]) -> Stance:
        return self.stance(rule_stance, self.probabilities(feats))

    def stances(self, rule_stances: Sequence[Stance], probs: np.ndarray) -> list[Stance]:
        """`stance` for each row of `probs`: the most probable labels found in one array pass (the first
        of equal ones, as `max` picks)."""
        best = probs.argmax(axis=1)
        top = probs[np.arange(len(best)), best].tolist()
        labels = [self.labels[b] for b in best.tolist()]
        return [Stance(label, round(p, 3), rule.cues if rule.label == label else ())
                for rule, label, p in zip(rule_stances, labels, top, strict=True)]

    def stance(self, rule_stance: Stance, probs: Sequence[float]) -> Stance:
        best = max(range(len(probs)), key=probs.__getitem__)
        label = self.labels[best]
        cues = rule_stance.cues if rule_stance.label == label else ()
        return Stance(label, round(float(probs[best]), 3), cues)


def from_json(payload: dict[str, Any]) -> StanceModel:
    try:
        labels: tuple[str, ...] = tuple(payload["labels"])
        names: list[str] = list(payload["features"])
        matrix: list[list[float]] = list(payload["weights"])
        bias = tuple(float(b) for b in payload["bias"])
        temperature = float(payload["temperature"])
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"stance model parameters: {exc}") from None
    if labels != LABELS or len(names) != len(matrix) or any(len(r) != len(labels) for r in matrix) \
            or temperature <= 0:
        raise DataError("stance model parameters: shapes or labels do not match")
    index = {name: i for i, name in enumerate(names)}
    weights = np.asarray(matrix, dtype=np.float64).reshape(len(names), len(labels))
    return StanceModel(labels, index, weights, np.asarray(bias, dtype=np.float64), temperature,
                       str(payload.get("version", "?")))


@functools.cache
def load() -> StanceModel:
    text = resources.files("aicycle").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return from_json(json.loads(text))
