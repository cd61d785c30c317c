"""Assemble the labelled stance corpus from the candidate pools and the labellers' files.

    python scripts/stance_corpus.py [LABELS_DIR]   (default: data/stance/labels)

LABELS_DIR holds labels_*.jsonl files: one {"id", "label", "note"} per line, labelled by the
definitions in docs/stance_labels.md without sight of any classifier. A sentence labelled twice
(the overlap used for the agreement figure) is kept only when both labels agree; `skip` (ambiguous)
is left out. Writes src/aicycle/data/stance/corpus.jsonl, sorted by id, and prints the counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POOLS = (REPO / "data" / "stance" / "candidates.jsonl", REPO / "data" / "stance" / "candidates_enriched.jsonl",
         REPO / "data" / "stance" / "candidates_fresh.jsonl", REPO / "data" / "stance" / "candidates_fresh_2.jsonl",
         REPO / "data" / "stance" / "candidates_fresh_3.jsonl")
OUT = REPO / "src" / "aicycle" / "data" / "stance" / "corpus.jsonl"
LABELS = ("expand", "maintain", "moderate", "cut", "none")
FIELDS = ("id", "company", "source_file", "sentence_index", "doc_date", "kind", "selection", "speaker_role", "text")


def pool() -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for path in POOLS:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                out[row["id"]] = row
    return out


def labels(folder: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted([*folder.glob("labels_*.jsonl"), *folder.glob("second_labels_*.jsonl")]):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found[row["id"]].append(row["label"])
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels_dir", type=Path, nargs="?", default=REPO / "data" / "stance" / "labels")
    args = parser.parse_args()
    candidates, found = pool(), labels(args.labels_dir)
    unknown = sorted(set(found) - set(candidates))
    if unknown:
        print(f"error: {len(unknown)} labelled ids are not in the pools, e.g. {unknown[:3]}", file=sys.stderr)
        return 2
    kept, dropped = [], Counter()
    for sid in sorted(found):
        given = found[sid]
        if len(set(given)) > 1:
            dropped["labellers disagree"] += 1
            continue
        if given[0] == "skip":
            dropped["ambiguous (skip)"] += 1
            continue
        if given[0] not in LABELS:
            print(f"error: {sid}: label {given[0]!r}", file=sys.stderr)
            return 2
        row = {k: candidates[sid][k] for k in FIELDS}
        row["label"] = given[0]
        kept.append(row)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    twice = [v for v in found.values() if len(v) > 1]
    agree = sum(1 for v in twice if len(set(v)) == 1)
    print(f"{len(kept)} sentences -> {OUT.relative_to(REPO)}; left out: {dict(dropped)}")
    print(f"labelled twice: {len(twice)}, agreeing: {agree}")
    print("labels:", dict(Counter(r["label"] for r in kept)))
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for r in kept:
        per[str(r["company"])][str(r["label"])] += 1
    for company in sorted(per):
        print(f"  {company:6}", " ".join(f"{k}={per[company][k]}" for k in LABELS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
