"""`aicycle watch --once --offline` on a store that is up to date, in a fresh process: wall time.

    python benchmarks/bench_watch.py [--runs 7]

Target (issue 19): under 2 s. The home holds the bundled store with a watcher's baseline and a JSON-lines
log, an Atom feed and the terminal configured (no webhooks: offline). Cases, all in the same session:
- up_to_date: `watch --once --offline` when nothing changed since the last run (the case the target names);
- after_change: the same after a new fact was stored, so the watcher reads every checkpoint, the
  guidance, tone and GPU lines again and announces (for scale; no target);
- baselines: `aicycle store info --json` on the same home (start-up plus opening the store), and a bare
  interpreter (`python -c pass`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_S = 2.0


WRAPPER = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
           "w = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "print(w, u.ru_utime + u.ru_stime, p.returncode)")


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of `cmd` in its own process (CPU time says what the
    command costs when other processes share the machine; wall time is what a user waits)."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], env=env, capture_output=True, text=True, check=True)
    wall, cpu, rc = out.stdout.split()
    if rc != "0":
        raise SystemExit(f"{' '.join(cmd)} failed with exit status {rc}")
    return float(wall), float(cpu)


def _env(home: Path) -> dict[str, str]:
    config = home / "config.toml"
    return {**os.environ, "AICYCLE_HOME": str(home), "AICYCLE_CONFIG": str(config),
            "PYTHONPATH": str(REPO / "src")}


def _new_fact(env: dict[str, str], n: int) -> None:
    """Store one more (curated) statement, as `load-facts` would: the store is no longer up to date."""
    code = ("import datetime as dt, sys; from aicycle.store import writing, fact_key\n"
            "n = int(sys.argv[1]); day = dt.date(2026, 10, 1)\n"
            "row = {'fact_key': fact_key('bench', n), 'ticker': 'META', 'metric': 'statement', 'period_end': day,\n"
            "       'value': None, 'text': f'benchmark statement {n}', 'unit': 'text', 'kind': 'curated',\n"
            "       'source': 'benchmark', 'filed': day}\n"
            "with writing() as s: s.upsert('facts', [row])\n")
    subprocess.run([sys.executable, "-c", code, str(n)], env=env, check=True)


def run(runs: int) -> dict[str, object]:
    watch = [sys.executable, "-m", "aicycle.cli", "watch", "--once", "--offline"]
    info = [sys.executable, "-m", "aicycle.cli", "store", "info", "--json"]
    bare = [sys.executable, "-c", "pass"]
    results: dict[str, list[tuple[float, float]]] = {"up_to_date": [], "after_change": [], "store_info": [],
                                                     "bare_python": []}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        (home / "config.toml").write_text('[watch]\nterminal = "on"\n')
        env = _env(home)
        measure(watch, env)  # creates the store from the snapshot and records the baseline
        measure(watch, env)
        for i in range(runs):
            results["up_to_date"].append(measure(watch, env))
            results["store_info"].append(measure(info, env))
            results["bare_python"].append(measure(bare, env))
            _new_fact(env, i)
            results["after_change"].append(measure(watch, env))
    summary: dict[str, object] = {
        name: {"median_s": round(statistics.median(w for w, _ in xs), 3), "max_s": round(max(w for w, _ in xs), 3),
               "cpu_s": round(statistics.median(c for _, c in xs), 3)} for name, xs in results.items()}
    summary["_meta"] = {"runs": runs, "load_average": round(os.getloadavg()[0], 2),
                        "measured": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")}
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    s = run(args.runs)
    print(json.dumps(s, indent=2))
    up, info, bare = s["up_to_date"], s["store_info"], s["bare_python"]
    print(f"watch --once --offline, up to date: {up['median_s']:.2f} s median ({up['max_s']:.2f} s max), "  # type: ignore[index]
          f"CPU {up['cpu_s']:.2f} s; target {TARGET_S:.1f} s -> {up['max_s'] / TARGET_S:.2f} of the budget at the max")  # type: ignore[index]
    print(f"baseline store info --json {info['median_s']:.2f} s, CPU {info['cpu_s']:.2f} s "  # type: ignore[index]
          f"(ratio {up['median_s'] / info['median_s']:.2f} wall, {up['cpu_s'] / info['cpu_s']:.2f} CPU); "  # type: ignore[index]
          f"bare python {bare['median_s']:.2f} s; after a change {s['after_change']['median_s']:.2f} s")  # type: ignore[index]


if __name__ == "__main__":
    main()
