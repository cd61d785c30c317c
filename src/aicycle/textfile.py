"""Reading the user's files: text or a clear one-line InputError, never a UnicodeDecodeError.

`read_text(path)` refuses a missing path, a directory, an oversized, binary or non-UTF-8 file with a
message naming it; `csv_records(path, required)` yields (line, row) pairs of a CSV with the
`required` columns, each value stripped. Loaders build on these so every file error reads the same.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from aicycle.errors import InputError

MAX_BYTES = 64 * 1024 * 1024  # no CSV, label set or transcript aicycle reads is this large


def decode(data: bytes, name: str = "input") -> str:
    """Bytes to text, refusing binary data and invalid UTF-8 with a message naming the input."""
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks binary (NUL bytes); expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                         "save it as UTF-8 text") from None
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 16:
        raise InputError(f"{name}: looks binary ({controls} control characters); expected UTF-8 text")
    return text


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give a file")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size:,} bytes is larger than the {max_bytes:,} aicycle reads")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode(data, str(path))


def csv_header(path: Path) -> list[str]:
    """The column names of a CSV file (its first record)."""
    try:
        return next(csv.reader(io.StringIO(read_text(path), newline="")), [])
    except csv.Error as exc:
        raise InputError(f"{path}: row 1: not a valid CSV ({exc})") from None


def csv_records(path: Path, required: Sequence[str], where: str = "row") -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of every record; InputError for a missing column or a malformed CSV."""
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fields = reader.fieldnames or []
        missing = [c for c in required if c not in fields]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)} (need {', '.join(required)})")
        for line, row in enumerate(reader, start=2):
            yield line, {k: (v or "").strip() if isinstance(v, str) else "" for k, v in row.items()
                         if k is not None}
    except csv.Error as exc:
        raise InputError(f"{path}: {where} {reader.line_num}: not a valid CSV ({exc})") from None
