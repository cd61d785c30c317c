"""Files the user asked for (`--html PATH`): written whole or not at all, with a one-line error."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from aicycle.errors import InputError


def write_text(path: Path, text: str, option: str = "--html") -> None:
    """Write `text` to `path` through a temporary file, so a reader never sees half a page.

    A path that cannot be written (a directory, a missing folder, no permission, a read-only file
    system) raises InputError naming the option and the path.
    """
    if path.is_dir():
        raise InputError(f"{option}: {path} is a directory; give a file name")
    if not path.parent.is_dir():
        raise InputError(f"{option}: directory {path.parent} does not exist")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise InputError(f"{option}: cannot write {path} ({exc.strerror or exc})") from None
