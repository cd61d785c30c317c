"""Load test of the dashboard on loopback: 2,000 requests, 50 at a time, against /api/report.

    PYTHONPATH=src python benchmarks/bench_web.py [--requests 2000] [--concurrency 50]

Starts the real `aicycle serve` in a child process over a store file filled from data
(the bundled snapshot when there is one), then fires requests with an httpx AsyncClient. The
baseline, in the same run and under the same load, is a static file (/static/charts.js): the floor
of what this server can do, so the ratio shows what the report costs once it is cached. The first
/api/report request (which builds the report) is timed separately.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


def prepare_store(home: Path) -> int:
    """A store file in `home`: the snapshot if bundled, else the real curated facts files."""
    from aicycle.store import open_store

    home.mkdir(parents=True, exist_ok=True)
    store = open_store(home / "aicycle.duckdb", write=True)
    try:
        if store.count("facts") == 0:
            sys.path.insert(0, str(REPO))
            from tests.factsload import load_all

            load_all(store, DATA)
        return store.count("facts")
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(home: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "AICYCLE_HOME": str(home), "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "aicycle.cli", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/static/charts.js", timeout=1)
            return proc
        except httpx.TransportError:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}") from None
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


async def load(url: str, requests: int, concurrency: int) -> tuple[list[float], int]:
    """Latencies (seconds) of successful requests and the number of errors."""
    latencies: list[float] = []
    errors = 0
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        async def one() -> None:
            nonlocal errors
            async with gate:
                start = time.perf_counter()
                try:
                    r = await client.get(url)
                    ok = r.status_code == 200 and len(r.content) > 0
                except httpx.HTTPError:
                    ok = False
                if ok:
                    latencies.append(time.perf_counter() - start)
                else:
                    errors += 1

        await asyncio.gather(*(one() for _ in range(requests)))
    return latencies, errors


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def run(url: str, requests: int, concurrency: int) -> dict[str, float]:
    start = time.perf_counter()
    latencies, errors = asyncio.run(load(url, requests, concurrency))
    wall = time.perf_counter() - start
    return {"p50_ms": pct(latencies, 50) * 1000, "p99_ms": pct(latencies, 99) * 1000,
            "errors": errors, "rps": requests / wall, "wall_s": wall}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3,
                        help="Alternate base and report this many times; medians are reported.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        facts = prepare_store(home)
        port = free_port()
        proc = start_server(home, port)
        try:
            base = f"http://127.0.0.1:{port}"
            t = time.perf_counter()
            first = httpx.get(f"{base}/api/report", timeout=60)
            cold_ms = (time.perf_counter() - t) * 1000
            if first.status_code != 200:
                print(f"/api/report answered {first.status_code}: {first.text[:200]}")
                return 1
            rounds = []
            for _ in range(args.rounds):  # alternate, so load from elsewhere on the machine hits both
                rounds.append((run(f"{base}/static/charts.js", args.requests, args.concurrency),
                               run(f"{base}/api/report", args.requests, args.concurrency)))
        finally:
            proc.terminate()
            proc.wait(10)
    print(f"store: {facts} facts; {args.requests} requests x {args.rounds} rounds per endpoint, "
          f"{args.concurrency} concurrent, loopback; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus")
    print(f"first /api/report (builds the report): {cold_ms:.0f} ms")
    print(f"{'endpoint':<24}{'p50 ms':>9}{'p99 ms':>9}{'req/s':>9}{'errors':>8}")
    for i, (static, report) in enumerate(rounds, 1):
        for name, r in ((f"{i}: /static/charts.js", static), (f"{i}: /api/report", report)):
            print(f"{name:<24}{r['p50_ms']:>9.1f}{r['p99_ms']:>9.1f}{r['rps']:>9.0f}{r['errors']:>8.0f}")
    static, report = (median_of([r[k] for r in rounds]) for k in (0, 1))
    for name, r in (("median base (static)", static), ("median /api/report", report)):
        print(f"{name:<24}{r['p50_ms']:>9.1f}{r['p99_ms']:>9.1f}{r['rps']:>9.0f}{r['errors']:>8.0f}")
    print(f"ratio report/base: p50 {report['p50_ms'] / static['p50_ms']:.2f}x, "
          f"p99 {report['p99_ms'] / static['p99_ms']:.2f}x, throughput {report['rps'] / static['rps']:.2f}x")
    total_errors = sum(r[k]["errors"] for r in rounds for k in (0, 1))
    print(f"errors: {total_errors:.0f} of {2 * args.rounds * args.requests} requests")
    return 0 if total_errors == 0 else 1


def median_of(results: list[dict[str, float]]) -> dict[str, float]:
    out = {k: statistics.median(r[k] for r in results) for k in results[0]}
    out["errors"] = sum(r["errors"] for r in results)
    return out


if __name__ == "__main__":
    sys.exit(main())
