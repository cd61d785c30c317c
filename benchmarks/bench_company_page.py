"""A company page after a 50 MB document was ingested: it must answer in under 1 s.

    PYTHONPATH=src python benchmarks/bench_company_page.py [--mb 50] [--ticker NVDA] [--rounds 5]

Builds a fresh store from the bundled snapshot in a temporary home, then a 50 MB document from the
real transcripts in data/transcripts (repeated, each copy numbered), and ingests it for the ticker.
The page is requested in-process (FastAPI's TestClient, the dashboard's own app) after one warm-up
request to another company. Baselines in the same run: the same page before the ingest (what the page
costs with ordinary documents), and one scan of the 50 MB text (what every request paid before the
stance summary was kept at ingest).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRANSCRIPTS = REPO / "data" / "transcripts"


def big_document(path: Path, megabytes: int) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted(TRANSCRIPTS.glob("*.txt"))[:12]]
    base = "\n".join(texts)
    parts, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        part = f"Part {n}.\n{base}\n"
        parts.append(part)
        size += len(part)
        n += 1
    path.write_text("".join(parts), encoding="utf-8")
    return path.stat().st_size


def timed(client: object, url: str, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url, headers={"host": "127.0.0.1"})  # type: ignore[attr-defined]
        out.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--ticker", default="NVDA")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="aicycle-bench-company-"))
    os.environ["AICYCLE_HOME"] = str(home)
    sys.path.insert(0, str(REPO))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    from aicycle.language.document import scan_document
    from aicycle.language.documents import ingest
    from aicycle.store import open_store, writing
    from aicycle.web import create_app

    open_store().close()
    url = f"/company/{args.ticker}"
    client = TestClient(create_app())
    timed(client, "/company/AMD", 1)  # warm-up: imports, templates
    before = timed(client, url, args.rounds)

    doc = home / "long_document.txt"
    size = big_document(doc, args.mb)
    start = time.perf_counter()
    with writing() as store:
        ingest(store, [doc], args.ticker, "2026-11-01")
    ingest_s = time.perf_counter() - start
    start = time.perf_counter()
    scan_document(doc.read_text(encoding="utf-8"), "transcript", keep_examples=0)
    scan_s = time.perf_counter() - start

    client = TestClient(create_app())  # a fresh app: no report or page cache from before
    timed(client, "/company/AMD", 1)
    after = timed(client, url, args.rounds)
    median, worst = statistics.median(after), max(after)
    load = os.getloadavg()[0]
    print(f"document: {size / 1e6:.1f} MB ingested for {args.ticker} in {ingest_s:.1f} s; load {load:.1f}")
    print(f"{url} before the ingest  median {statistics.median(before) * 1000:7.0f} ms  "
          f"max {max(before) * 1000:7.0f} ms")
    print(f"{url} after the ingest   median {median * 1000:7.0f} ms  max {worst * 1000:7.0f} ms  "
          f"(target < 1000 ms: {'met' if worst < 1.0 else 'MISSED'})")
    print(f"one scan of the document (the old per-request cost): {scan_s * 1000:,.0f} ms")
    print(f"ratio after/before {median / statistics.median(before):.2f}; old per-request cost / now "
          f"{(scan_s + median) / median:.0f}x")


if __name__ == "__main__":
    main()
