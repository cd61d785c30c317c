"""Score `aicycle check` on dated claim sets: accuracy overall, per verdict class and per object.

    python scripts/score_rumor_claims.py data/rumor/claims_dev.csv [--baseline main] [--misses] [--json OUT]

The store is filled by the project's loaders from data/ (as the tests do). With `--baseline REF` the
rumor package as it was at git REF is extracted into a temporary folder under another name and scored
in the same run on the same store, so the two figures differ only by the rumor code.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests import rumor_store  # noqa: E402  (the store the tests use, from data/)

Checker = Callable[[Any, str, str], dict[str, Any]]


def baseline_checker(ref: str, workdir: Path) -> Checker:
    """The rumor package at `ref`, importable as `rumor_at_<ref>` beside the current one."""
    name = "rumor_at_" + re.sub(r"\W", "_", ref)
    target = workdir / name
    archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "src/aicycle/rumor"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(workdir)], input=archive, check=True)
    (workdir / "src" / "aicycle" / "rumor").rename(target)
    for path in target.glob("*.py"):
        path.write_text(path.read_text(encoding="utf-8").replace("aicycle.rumor", name), encoding="utf-8")
    sys.path.insert(0, str(workdir))
    module = importlib.import_module(name)
    return lambda store, claim, as_of: module.check(store, claim, as_of)


def current_checker() -> Checker:
    from aicycle.rumor import check
    return lambda store, claim, as_of: check(store, claim, as_of)


def score(rows: list[dict[str, str]], checker: Checker, store: Any) -> dict[str, Any]:
    per_class: dict[str, Counter[str]] = defaultdict(Counter)
    per_object: dict[str, Counter[str]] = defaultdict(Counter)
    misses, confidences = [], []
    for row in rows:
        result = checker(store, row["claim"], row["as_of"])
        right = result["verdict"] == row["expected"]
        confidences.append((float(result.get("confidence") or 0), right))
        for table, key in ((per_class, row["expected"]), (per_object, row.get("object") or "?")):
            table[key]["right" if right else "wrong"] += 1
        if not right:
            misses.append({"claim": row["claim"], "as_of": row["as_of"], "expected": row["expected"],
                           "got": result["verdict"], "reasoning": result["reasoning"][:400]})
    right = sum(c["right"] for c in per_class.values())
    return {"n": len(rows), "right": right, "accuracy": right / len(rows) if rows else 0.0,
            "per_class": _rates(per_class), "per_object": _rates(per_object), "misses": misses,
            "ece": _ece(confidences)}


def _rates(table: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    return {k: {"n": c["right"] + c["wrong"], "right": c["right"],
                "accuracy": c["right"] / (c["right"] + c["wrong"])} for k, c in sorted(table.items())}


def _ece(pairs: list[tuple[float, bool]], bins: int = 5) -> float:
    """Expected calibration error of the stated confidence against being right."""
    if not pairs:
        return 0.0
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if inside:
            gap = abs(sum(c for c, _ in inside) / len(inside) - sum(r for _, r in inside) / len(inside))
            total += gap * len(inside) / len(pairs)
    return total


def _print(label: str, result: dict[str, Any], misses: bool) -> None:
    print(f"{label}: {result['right']}/{result['n']} = {result['accuracy']:.1%}  (ECE {result['ece']:.3f})")
    for name, table in (("verdict", result["per_class"]), ("object", result["per_object"])):
        cells = ", ".join(f"{k} {v['right']}/{v['n']}" for k, v in table.items())
        print(f"  per {name}: {cells}")
    if misses:
        for m in result["misses"]:
            print(f"  MISS [{m['expected']} -> {m['got']}] {m['claim']} @ {m['as_of']}\n      {m['reasoning']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="+", type=Path)
    parser.add_argument("--baseline", help="git ref whose rumor package is scored in the same run")
    parser.add_argument("--misses", action="store_true", help="list the claims answered wrongly")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    store = rumor_store.loaded_store(REPO / "data")
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        engines = {"current": current_checker()}
        if args.baseline:
            engines[f"baseline {args.baseline}"] = baseline_checker(args.baseline, Path(tmp))
        pooled: list[dict[str, str]] = []
        for path in args.claims:
            rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
            pooled += rows
            for label, checker in engines.items():
                result = score(rows, checker, store)
                out[f"{path.name} / {label}"] = result
                _print(f"{path.name} / {label}", result, args.misses and label == "current")
        if len(args.claims) > 1:  # the sets together, each claim once
            for label, checker in engines.items():
                result = score(pooled, checker, store)
                out[f"all / {label}"] = result
                _print(f"all {len(args.claims)} sets / {label}", result, False)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
