"""SEC companyfacts JSON → flat, validated raw facts.

A companyfacts file (https://data.sec.gov/api/xbrl/companyfacts/CIK##########.json) holds, per
taxonomy and concept, one entry per (period, filing) that reported it. Nothing here does period
arithmetic (that is `aicycle.sec.quarters`); this module only reads, validates and flattens, so a
truncated download or a file for the wrong company fails loudly before anything is derived.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aicycle.errors import DataError

SOURCE = "sec_companyfacts"


@dataclass(frozen=True, slots=True)
class RawFact:
    """One companyfacts entry: a value for a period as reported in one filing."""

    tag: str
    start: dt.date | None  # None for instants (balance-sheet style facts such as RPO)
    end: dt.date
    value: float
    accession: str
    form: str
    filed: dt.date
    fy: int | None
    fp: str | None
    frame: str | None

    @property
    def days(self) -> int | None:
        return None if self.start is None else (self.end - self.start).days


@dataclass(frozen=True)
class CompanyFacts:
    cik: int
    entity_name: str
    concepts: dict[str, dict[str, Any]]  # us-gaap concept name -> concept object
    origin: str  # file name or URL, for messages and provenance

    def has(self, tag: str) -> bool:
        return tag in self.concepts

    def facts(self, tag: str, unit: str = "USD") -> list[RawFact]:
        """Every entry of one us-gaap concept in one unit ([] if the concept is absent)."""
        concept = self.concepts.get(tag)
        if concept is None:
            return []
        entries = concept.get("units", {}).get(unit, [])
        try:
            return [_raw(tag, e) for e in entries]
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{self.origin}: malformed entry in us-gaap:{tag} ({exc})") from None

    def facts_for(self, tags: Iterable[str], unit: str = "USD") -> list[RawFact]:
        return [f for tag in tags for f in self.facts(tag, unit)]


def _raw(tag: str, e: dict[str, Any]) -> RawFact:
    start = e.get("start")
    return RawFact(
        tag=tag,
        start=dt.date.fromisoformat(start) if start else None,
        end=dt.date.fromisoformat(e["end"]),
        value=float(e["val"]),
        accession=str(e["accn"]),
        form=str(e.get("form") or ""),
        filed=dt.date.fromisoformat(e["filed"]),
        fy=e.get("fy"),
        fp=e.get("fp"),
        frame=e.get("frame"),
    )


def parse(body: bytes | str, *, origin: str, expected_cik: int | str | None = None) -> CompanyFacts:
    """Parse a companyfacts body; refuse truncated or invalid JSON and a file for another company.

    The standard library's parser, not orjson: on these files orjson saves ~10% of the parse time
    but triples peak memory (it does not share the repeated keys), see BENCHMARKS.md.
    """
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        size = len(body)
        raise DataError(f"{origin}: not valid JSON ({size:,} bytes; truncated download?): {exc}") from None
    if not isinstance(data, dict) or "facts" not in data or "cik" not in data:
        raise DataError(f"{origin}: not a companyfacts document (no 'cik'/'facts' keys)")
    try:
        cik = int(data["cik"])  # the real API gives an int; some saved copies a zero-padded string
    except (TypeError, ValueError):
        raise DataError(f"{origin}: cik {data['cik']!r} is not a number") from None
    if expected_cik is not None and cik != int(expected_cik):
        raise DataError(f"{origin}: companyfacts for CIK {cik} ({data.get('entityName')}), "
                        f"expected CIK {int(expected_cik)}")
    facts = data["facts"]
    if not isinstance(facts, dict):
        raise DataError(f"{origin}: 'facts' is not an object")
    return CompanyFacts(cik=cik, entity_name=str(data.get("entityName") or ""),
                        concepts=facts.get("us-gaap", {}), origin=origin)


def load(path: Path, expected_cik: int | str | None = None) -> CompanyFacts:
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror})") from None
    return parse(body, origin=str(path), expected_cik=expected_cik)


def url_for(cik: int | str) -> str:
    return f"https://data.sec.gov/api/xbrl/companyfacts/CIK{int(cik):010d}.json"
