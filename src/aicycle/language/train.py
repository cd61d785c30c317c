"""Training and honest evaluation of the stance model (scikit-learn, imported only here).

`fit` learns a class-weighted multinomial logistic regression on the named features of `model.py`;
`leave_one_company_out` holds out every company in turn (the model never sees a sentence of the
company it is scored on) and returns out-of-fold probabilities; `calibrate` fits the temperature that
minimises their log-loss. Sentences the keyword gate drops are never given to the model: they are
`none`, and a labelled stance among them counts as the gate's miss.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aicycle.language import model
from aicycle.language.labels import LABELS
from aicycle.language.lexicon import TOPICAL

MIN_DF = 2            # a feature must occur in at least this many training sentences
C = 4.0               # inverse regularisation strength, fixed before any evaluation
MAX_ITER = 3000
# The sentences written from STANCE_LABELS.md (data/stance/written.jsonl) join every fit at half a real sentence's
# weight: they teach the definitions' shapes that real calls rarely hold, without outvoting real wording
# (0.5 of 1, 0.5 and 0.3 compared on leave-one-company-out and leave-one-writer-out; docs/language.md)
WRITTEN_WEIGHT = 0.5
VERSION = "stance-lr/2"


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    company: str
    gated: bool
    rule_label: str
    feats: dict[str, float]
    weight: float = 1.0  # in the fit: a sentence written from the definitions counts less than a real one


def examples(rows: Sequence[dict[str, Any]], weight: float = 1.0) -> list[Example]:
    out = []
    for row in rows:
        lowered = row["text"].lower()
        gated = bool(TOPICAL.search(lowered))
        if gated:
            stance, feats = model.features(lowered)
            rule_label = stance.label
        else:
            rule_label, feats = "none", {}
        out.append(Example(row["text"], row["label"], row.get("company") or "?", gated, rule_label, feats, weight))
    return out


@dataclass(frozen=True)
class Fitted:
    names: list[str]
    coef: list[list[float]]     # one row per feature, one column per label
    bias: list[float]

    def logits(self, feats: dict[str, float]) -> list[float]:
        index = {n: i for i, n in enumerate(self.names)}
        out = list(self.bias)
        for name, value in feats.items():
            i = index.get(name)
            if i is not None:
                for k in range(len(out)):
                    out[k] += self.coef[i][k] * value
        return out


def fit(train: Sequence[Example], c: float = C) -> Fitted:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    used = [e for e in train if e.gated]
    df = Counter(name for e in used for name in e.feats)
    names = sorted(n for n, k in df.items() if k >= MIN_DF)
    index = {n: i for i, n in enumerate(names)}
    rows, cols, vals = [], [], []
    for r, e in enumerate(used):
        for name, value in e.feats.items():
            i = index.get(name)
            if i is not None:
                rows.append(r)
                cols.append(i)
                vals.append(value)
    x = csr_matrix((vals, (rows, cols)), shape=(len(used), len(names)))
    y = [LABELS.index(e.label) for e in used]
    clf = LogisticRegression(C=c, class_weight=class_weights(y), solver="newton-cg", max_iter=MAX_ITER, tol=1e-8)
    with threadpool_limits(1):  # one thread: faster than oversubscribed BLAS, and the same result everywhere
        clf.fit(x, y, sample_weight=[e.weight for e in used])
    order = [list(clf.classes_).index(k) if k in clf.classes_ else None for k in range(len(LABELS))]
    coef = [[float(clf.coef_[o][i]) if o is not None else 0.0 for o in order] for i in range(len(names))]
    bias = [float(clf.intercept_[o]) if o is not None else -30.0 for o in order]
    return Fitted(names, coef, bias)


def class_weights(y: Sequence[int]) -> dict[int, float]:
    """The square root of the balanced weights: a rare label still counts, without the full balancing that
    made the model call a fifth of the `none` sentences a stance (chosen on leave-one-company-out among
    balanced and square-root weights at C 1, 2 and 4: square root was ahead at every C; docs/language.md)."""
    counts = Counter(y)
    return {k: math.sqrt(len(y) / (len(counts) * n)) for k, n in sorted(counts.items())}


def probabilities(logits: Sequence[float], temperature: float = 1.0) -> list[float]:
    top = max(logits)
    exps = [math.exp((x - top) / temperature) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


NONE_PROBS = [0.0, 0.0, 0.0, 0.0, 1.0]


def leave_one_company_out(data: Sequence[Example], extra: Sequence[Example] = ()) -> list[list[float] | None]:
    """Out-of-fold logits per example (None where the gate drops the sentence); `extra` (the written sentences)
    joins every fold's training and is never scored."""
    out: list[list[float] | None] = [None] * len(data)
    for company in sorted({e.company for e in data}):
        fitted = fit([e for e in data if e.company != company] + list(extra))
        for i, e in enumerate(data):
            if e.company == company and e.gated:
                out[i] = fitted.logits(e.feats)
    return out


def leave_one_writer_out(real: Sequence[Example], written: Sequence[Example],
                         writer_of: Sequence[int]) -> list[list[float] | None]:
    """Out-of-fold logits of each written sentence, from a fit on the real corpus and the other writers' sentences:
    how well the definitions' shapes carry to wording the model has not seen."""
    out: list[list[float] | None] = [None] * len(written)
    for writer in sorted(set(writer_of)):
        fitted = fit(list(real) + [e for e, w in zip(written, writer_of, strict=True) if w != writer])
        for i, (e, w) in enumerate(zip(written, writer_of, strict=True)):
            if w == writer and e.gated:
                out[i] = fitted.logits(e.feats)
    return out


def calibrate(logits: Sequence[list[float] | None], gold: Sequence[str]) -> float:
    """The temperature minimising the log-loss of the out-of-fold predictions."""
    from scipy.optimize import minimize_scalar

    pairs = [(z, LABELS.index(g)) for z, g in zip(logits, gold, strict=True) if z is not None]

    def loss(t: float) -> float:
        return -sum(math.log(max(probabilities(z, t)[k], 1e-12)) for z, k in pairs) / len(pairs)

    return float(minimize_scalar(loss, bounds=(0.05, 20.0), method="bounded").x)


def expected_calibration_error(probs: Sequence[Sequence[float]], gold: Sequence[str], bins: int = 10) -> float:
    """ECE of the top label's confidence, equal-width bins."""
    sums = [[0, 0.0, 0.0] for _ in range(bins)]
    for p, g in zip(probs, gold, strict=True):
        best = max(range(len(p)), key=p.__getitem__)
        conf = p[best]
        b = min(int(conf * bins), bins - 1)
        sums[b][0] += 1
        sums[b][1] += conf
        sums[b][2] += 1.0 if LABELS[best] == g else 0.0
    n = len(gold)
    return sum(abs(s[1] - s[2]) for s in sums if s[0]) / n if n else 0.0


def export(fitted: Fitted, temperature: float, trained_on: dict[str, Any]) -> dict[str, Any]:
    """The shipped parameters: rounded so that the file reads the same on every machine."""
    return {"version": VERSION, "labels": list(LABELS), "temperature": round(temperature, 6),
            "bias": [round(b, 6) for b in fitted.bias], "trained_on": trained_on,
            "features": fitted.names, "weights": [[round(w, 6) for w in row] for row in fitted.coef]}
