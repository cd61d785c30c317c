"""Offline `aicycle report --json` in a fresh process: wall time and peak RSS.

    python benchmarks/bench_report.py [--runs 5]

Targets (issue 3): at most 1.5 s and 300 MB. Two cases:
- fresh: a new, empty AICYCLE_HOME each run (the store is created from the bundled snapshot first);
- warm: the same home again (the store exists).
Named baselines, run in the same session: `aicycle store info --json` on a fresh home (start-up plus
creating the store from the snapshot) and on the warm home (start-up plus opening it), and a bare
interpreter (`python -c pass`); the report is compared with the store-info run on a home in the same
state. Peak RSS is the child's ru_maxrss, read by a small wrapper process so each command is measured alone.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_S, TARGET_MB = 1.5, 300.0
WRAPPER = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); w = time.perf_counter() - t; "
           "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "print(w, u.ru_maxrss, u.ru_utime + u.ru_stime, p.returncode)")


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MB, CPU seconds) of one run of `cmd` in its own process."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], env=env, capture_output=True, text=True, check=True)
    wall, rss_kb, cpu, rc = out.stdout.split()
    if rc != "0":
        raise SystemExit(f"{' '.join(cmd)} failed with exit status {rc}")
    return float(wall), int(rss_kb) / 1024, float(cpu)


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "AICYCLE_HOME": str(home), "PYTHONPATH": str(REPO / "src")}


def _has_snapshot() -> bool:
    return (REPO / "src" / "aicycle" / "snapshot" / "facts.parquet").exists()


def run(runs: int) -> dict[str, dict[str, float]]:
    report = [sys.executable, "-m", "aicycle.cli", "report", "--json"]
    info = [sys.executable, "-m", "aicycle.cli", "store", "info", "--json"]
    bare = [sys.executable, "-c", "pass"]
    results: dict[str, list[tuple[float, float, float]]] = {"fresh": [], "warm": [], "store_info_fresh": [],
                                                     "store_info": [], "bare_python": []}
    with tempfile.TemporaryDirectory() as tmp:
        snapshot = _has_snapshot()
        if not snapshot:
            raise SystemExit("no bundled snapshot in src/aicycle/snapshot: run scripts/build_snapshot.py first")
        warm_home = Path(tmp) / "warm"
        measure(report, _env(warm_home))  # creates the store when seeded from the snapshot
        for i in range(runs):
            results["fresh"].append(measure(report, _env(Path(tmp) / f"fresh{i}")))
            results["store_info_fresh"].append(measure(info, _env(Path(tmp) / f"info{i}")))
            results["warm"].append(measure(report, _env(warm_home)))
            results["store_info"].append(measure(info, _env(warm_home)))
            results["bare_python"].append(measure(bare, _env(warm_home)))
    summary = {name: {"median_s": round(statistics.median(w for w, _, _ in xs), 3),
                      "max_s": round(max(w for w, _, _ in xs), 3),
                      "cpu_s": round(statistics.median(c for _, _, c in xs), 3),
                      "peak_rss_mb": round(max(r for _, r, _ in xs), 1)} for name, xs in results.items()}
    summary["_meta"] = {"runs": runs, "snapshot": snapshot, "load_average": os.getloadavg()[0]}  # type: ignore[assignment]
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    s = run(args.runs)
    print(f"{'case':<17} {'median s':>9} {'max s':>7} {'cpu s':>6} {'peak MB':>8} "
          f"{'x store info (same home state)':>31}")
    for name, base in (("fresh", "store_info_fresh"), ("warm", "store_info"), ("store_info_fresh", "store_info_fresh"),
                       ("store_info", "store_info"), ("bare_python", "store_info")):
        r = s[name]
        ratio = r["median_s"] / s[base]["median_s"]
        print(f"{name:<17} {r['median_s']:>9.3f} {r['max_s']:>7.3f} {r['cpu_s']:>6.2f} {r['peak_rss_mb']:>8.1f} "
              f"{ratio:>31.2f}")
    for name in ("fresh", "warm"):
        r = s[name]
        ok = r["median_s"] <= TARGET_S and r["peak_rss_mb"] <= TARGET_MB
        print(f"{name}: median {'meets' if ok else 'MISSES'} the target (<= {TARGET_S} s, <= {TARGET_MB:.0f} MB): "
              f"{r['median_s'] / TARGET_S:.2f} of the time budget (slowest run {r['max_s'] / TARGET_S:.2f}), "
              f"{r['peak_rss_mb'] / TARGET_MB:.2f} of memory")
    print(json.dumps(s["_meta"]))


if __name__ == "__main__":
    main()
