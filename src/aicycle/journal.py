"""The journal of the user's own imports, kept beside the store so a rebuilt store gets them back.

Every `ingest`, `load-facts` and `gpu import` that stores something appends one JSON line to
`journal/journal.jsonl` next to the store file, and keeps a copy of each file it read under
`journal/<entry>/<n>/<file name>` (the name is kept: titles and sources are made from it).
`aicycle store repair` rebuilds the store from the bundled snapshot, then re-applies the entries in
order (`aicycle.heal`). Refreshed data is not journaled: `aicycle refresh` fetches it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aicycle import config
from aicycle.errors import InputError

COMMANDS = ("ingest", "load-facts", "gpu import")


def directory(store_path: Path | None = None) -> Path:
    return (store_path or config.store_path()).parent / "journal"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record(command: str, files: Sequence[Path], options: dict[str, Any] | None = None,
           store_path: Path | None = None) -> dict[str, Any]:
    """Keep copies of `files` and append the entry; returns it."""
    if command not in COMMANDS:
        raise ValueError(f"not a journaled command: {command}")
    folder = directory(store_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    entry_id = f"{stamp}-{command.replace(' ', '-')}"
    kept = []
    for n, path in enumerate(files):
        target = folder / entry_id / str(n) / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        kept.append({"name": path.name, "original": str(path), "copy": str(target.relative_to(folder)),
                     "sha256": _sha256(target)})
    entry = {"id": entry_id, "command": command, "options": options or {}, "files": kept,
             "recorded_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    with open(folder / "journal.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return entry


def entries(store_path: Path | None = None) -> list[dict[str, Any]]:
    """Every journal entry, oldest first; a line that cannot be read is an InputError naming it."""
    file = directory(store_path) / "journal.jsonl"
    if not file.exists():
        return []
    out = []
    for n, line in enumerate(file.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            raise InputError(f"{file}:{n}: not a journal entry (JSON)") from None
        if not isinstance(entry, dict) or entry.get("command") not in COMMANDS:
            raise InputError(f"{file}:{n}: not a journal entry")
        out.append(entry)
    return out


def files_of(entry: dict[str, Any], store_path: Path | None = None) -> list[Path]:
    """The kept copies of an entry's files; InputError when one is missing or altered."""
    folder = directory(store_path)
    out = []
    for f in entry.get("files", []):
        path = folder / f["copy"]
        if not path.is_file():
            raise InputError(f"journal entry {entry['id']}: kept copy {path} is missing")
        if _sha256(path) != f["sha256"]:
            raise InputError(f"journal entry {entry['id']}: kept copy {path} was altered")
        out.append(path)
    return out
