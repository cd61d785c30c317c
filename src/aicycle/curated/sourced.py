"""What the memory-makers and power-events files share: dates that may name only a month, a source
type that says primary or secondary, and the markers that make a row weak (memory_power_NOTES.md).

A weak row is loaded and flagged, never dropped: the flag travels with it into every reading.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from aicycle import rules
from aicycle.errors import InputError

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MONTH_ONLY = "date_month_only"


def rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """(where, row) for each data row: `where` names the file and line for error messages."""
    try:
        fh = open(path, newline="", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
        for line, row in enumerate(reader, start=2):
            yield f"{path.name}: row {line}", {k: (v or "").strip() for k, v in row.items() if k is not None}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def day(value: str, where: str, column: str) -> tuple[dt.date, bool]:
    """(date, month_only): YYYY-MM-DD as is; YYYY-MM takes the month's last day (never earlier than
    the news could have been public)."""
    try:
        if _DAY.match(value):
            return dt.date.fromisoformat(value), False
        if m := _MONTH.match(value):
            return month_end(int(m[1]), int(m[2])), True
    except ValueError:
        pass
    raise InputError(f"{where}: {column} {value!r} is not YYYY-MM-DD or YYYY-MM")


def source_class(source_type: str, where: str) -> str:
    """'primary' or 'secondary', from the source type's prefix; anything else is an error."""
    head = source_type.split(":", 1)[0].strip().lower()
    if head not in ("primary", "secondary") or ":" not in source_type:
        raise InputError(f"{where}: source_type {source_type!r} must start with 'primary:' or 'secondary:'")
    return head


def weak_reasons(source_type: str, text: str) -> list[str]:
    """Why a row is weak (empty = not weak): its source type, or a marker the compiler wrote in it."""
    reasons = []
    kind = source_type.lower()
    for word in rules.WEAK_SOURCE_TYPES:
        if word in kind:
            reasons.append(f"weak source: {word.replace('_', ' ')}")
            break
    lowered = text.lower()
    for marker, why in rules.WEAK_TEXT_MARKERS.items():
        if marker in lowered and why not in reasons:
            reasons.append(why)
    return reasons


def number(value: str, where: str, required: bool) -> float | None:
    if not value:
        if required:
            raise InputError(f"{where}: value is empty")
        return None
    try:
        return float(value.replace(",", ""))
    except ValueError:
        raise InputError(f"{where}: value {value!r} is not a number") from None


def require(row: dict[str, str], where: str, *columns: str) -> None:
    for column in columns:
        if not row.get(column):
            raise InputError(f"{where}: {column} is empty")
    url = row.get("source_url", "")
    if "source_url" in columns and not url.startswith(("http://", "https://")):
        raise InputError(f"{where}: source_url {url!r} is not an http(s) URL")


def flags(*parts: str | None) -> str | None:
    """';'-joined flags (as stock_prices does), None when clean."""
    kept = [p for p in parts if p]
    return "; ".join(kept) if kept else None
