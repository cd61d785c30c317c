"""Regenerate the dashboard screenshots in docs/ (docs/dashboard-*.png) with Playwright and Chromium.

    PYTHONPATH=src python scripts/web_screenshots.py [--chromium /usr/bin/chromium] [--data data]

Serves the dashboard on 127.0.0.1 (a free port) over an in-memory store: the bundled snapshot when
this checkout has one, else the data files read by the test loader. Then drives headless
Chromium through the overview, a checkpoint, a company, a rumor check submitted through the form
and the economics model, and saves one PNG per page.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def store(data_dir: Path) -> Any:
    sys.path.insert(0, str(REPO / "src"))
    from aicycle.store import open_store, snapshot_dir

    if (snapshot_dir() / "facts.parquet").exists():
        return open_store(memory=True, seed=True)
    sys.path.insert(0, str(REPO))
    from tests.factsload import load_all

    s = open_store(memory=True, seed=False)
    load_all(s, data_dir)
    return s


def serve(app: Any) -> tuple[str, Any]:
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def charts_drawn(page: Any) -> None:
    page.wait_for_function("[...document.querySelectorAll('div.chart[data-figure]')]"
                           ".every(d => d.querySelector('svg.main-svg'))", timeout=30_000)
    page.wait_for_timeout(300)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--data", type=Path, default=REPO / "data")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    s = store(args.data)
    from aicycle.web import create_app

    base, server = serve(create_app(store=s))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            shots = [
                ("dashboard-overview.png", f"{base}/", None, 1900),
                ("dashboard-checkpoint.png", f"{base}/checkpoint/capex", None, 1300),
                ("dashboard-company.png", f"{base}/company/GOOGL", None, 1500),
                ("dashboard-economics.png", f"{base}/economics/article-payback?utilization=0.6", None, 1500),
                ("dashboard-rumor.png", f"{base}/rumor", ("CoreWeave backlog shrinks", "2026-08-01"), 1000),
            ]
            for name, url, form, height in shots:
                page.goto(url)
                if form:
                    page.fill("textarea[name=claim]", form[0])
                    page.fill("input[name=as_of]", form[1])
                    page.click("form.rumor button[type=submit]")
                    page.wait_for_selector("#verdict")
                charts_drawn(page)
                page.screenshot(path=str(DOCS / name), clip={"x": 0, "y": 0, "width": 1400, "height": height},
                                full_page=True)
                print(f"wrote docs/{name}")
            browser.close()
    finally:
        server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
