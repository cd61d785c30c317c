"""The bundled snapshot is exactly what scripts/build_snapshot.py makes from the repository's data/."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO / "src" / "aicycle" / "snapshot"


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_snapshot_rebuilt_from_the_repository_equals_the_committed_one(tmp_path: Path) -> None:
    out = tmp_path / "snapshot"
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_snapshot.py"), "--data", str(REPO / "data"),
                    "--out", str(out)], check=True, capture_output=True, cwd=tmp_path)
    assert _digests(out) == _digests(SNAPSHOT)
