"""Regenerate the report screenshots in docs/ with headless Chromium.

    python scripts/screenshots.py [--chromium /usr/bin/chromium]

Renders `aicycle report --html` from the bundled snapshot (an in-memory store seeded from
src/aicycle/snapshot). Writes docs/report.png (latest date), docs/report-backlog.png
(the backlog card, with the Alphabet series break) and docs/report-2025-06-30.png (the same page as
it could be seen on 2025-06-30).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
SHOTS = (  # (file, as_of, only this checkpoint's card, window)
    ("report.png", None, None, "1400,2400"),
    ("report-backlog.png", None, "backlog", "1400,1250"),
    ("report-2025-06-30.png", dt.date(2025, 6, 30), None, "1400,1500"),
)


def _store():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "src"))
    from aicycle.store import open_store, snapshot_dir

    if not (snapshot_dir() / "facts.parquet").exists():
        raise SystemExit("no bundled snapshot in src/aicycle/snapshot: run scripts/build_snapshot.py first")
    return open_store(memory=True, seed=True)


def only(html: str, checkpoint: str | None) -> str:
    """Hide everything but one checkpoint's card (headless Chromium cannot scroll to an anchor)."""
    if checkpoint is None:
        return html
    css = f"<style>.top, .banner, .card:not(#cp-{checkpoint}) {{ display: none; }}</style></head>"
    return html.replace("</head>", css, 1)


def shoot(chromium: str, page: Path, out: Path, window: str) -> None:
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
           "--virtual-time-budget=8000", f"--screenshot={out}", f"--window-size={window}",
           page.resolve().as_uri()]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    print(f"wrote {out.relative_to(REPO)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    store = _store()
    from aicycle.cycle import build_report
    from aicycle.render.html import render_report

    with tempfile.TemporaryDirectory() as tmp:
        for name, as_of, checkpoint, window in SHOTS:
            page = Path(tmp) / f"{name}.html"
            page.write_text(only(render_report(build_report(store, as_of)), checkpoint), encoding="utf-8")
            shoot(args.chromium, page, DOCS / name, window)


if __name__ == "__main__":
    main()
