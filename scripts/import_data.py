"""Copy newly arrived real-data files into the repository's data/ folder.

    python scripts/import_data.py [SOURCE] [--dry-run]

SOURCE defaults to ../shared/data beside the checkout, where new captures are delivered. Files are
compared byte for byte: new and changed ones are copied, nothing in data/ is deleted, and every copied
file must then be described in data/SOURCES.md (the layout test fails otherwise). Nothing else in the
project reads SOURCE: tests, the snapshot builder and the package use data/ only.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def plan(source: Path, target: Path) -> tuple[list[Path], list[Path]]:
    new, changed = [], []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        rel = path.relative_to(source)
        dest = target / rel
        if not dest.exists():
            new.append(rel)
        elif not filecmp.cmp(path, dest, shallow=False):
            changed.append(rel)
    return new, changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", nargs="?", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--dry-run", action="store_true", help="list what would be copied")
    args = parser.parse_args()
    if not args.source.is_dir():
        parser.exit(2, f"import_data: {args.source} is not a folder\n")
    target = REPO / "data"
    new, changed = plan(args.source, target)
    for label, rels in (("new", new), ("changed", changed)):
        for rel in rels:
            print(f"{label:8} {rel}")
            if not args.dry_run:
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(args.source / rel, target / rel)
    print(f"{len(new)} new, {len(changed)} changed" + (" (dry run)" if args.dry_run else ""))


if __name__ == "__main__":
    main()
