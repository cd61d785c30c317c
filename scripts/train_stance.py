"""Train the stance model from the labelled corpus and write its parameters into the package.

    python scripts/train_stance.py [--corpus src/aicycle/data/stance/corpus.jsonl]

The sentences written from STANCE_LABELS.md (`data/stance/written.jsonl`) join the fit at `train.WRITTEN_WEIGHT`;
they are never scored in the calibration folds.

Deterministic: the same corpus gives the same file. The temperature is fitted on the out-of-fold
probabilities of leave-one-company-out, so the shipped confidences are calibrated on companies each
fold had not seen; the weights are then fitted on the whole corpus with the settings in
`aicycle.language.train` (fixed before any evaluation). `aicycle language evaluate` reports the
held-out figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

from aicycle.language import train
from aicycle.language.evaluate import WRITTEN, load_labelled

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "src" / "aicycle" / "data" / "stance" / "corpus.jsonl"
OUT = REPO / "src" / "aicycle" / "data" / "stance_model.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = load_labelled(args.corpus)
    data = train.examples(rows)
    written = train.examples(load_labelled(WRITTEN()), weight=train.WRITTEN_WEIGHT)
    oof = train.leave_one_company_out(data, written)
    temperature = train.calibrate(oof, [e.label for e in data])
    fitted = train.fit(data + written)
    trained_on = {"corpus": args.corpus.name, "sha256": hashlib.sha256(args.corpus.read_bytes()).hexdigest(),
                  "sentences": len(rows), "companies": len({e.company for e in data}),
                  "labels": dict(sorted(Counter(e.label for e in data).items())),
                  "written": {"file": WRITTEN().name, "sha256": hashlib.sha256(WRITTEN().read_bytes()).hexdigest(),
                              "sentences": len(written), "weight": train.WRITTEN_WEIGHT},
                  "settings": {"C": train.C, "min_df": train.MIN_DF, "class_weight": "sqrt-balanced"}}
    payload = train.export(fitted, temperature, trained_on)
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(fitted.names)} features, temperature {temperature:.3f} -> {args.out}")


if __name__ == "__main__":
    main()
