"""GPU names → SKUs, through the alias table in `data/gpu_aliases.csv`.

Every source spells GPUs its own way ("H100 SXM", "H100_80GB"+"SXM5", "GIX-H100", "H100 80GB SXM").
A name maps to a SKU only through an explicit alias; an unknown name keeps its raw text with the SKU
`UNKNOWN` and is counted, never guessed. A form (SXM / PCIe / NVL) or memory size that a name does
not state is not guessed either: "H100" maps to the form-unstated SKU `H100`, not to `H100-SXM`.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

UNKNOWN = "UNKNOWN"

# The SKUs the gpu_rental checkpoint reads, each with the SKUs that belong to its group.
GROUPS: dict[str, tuple[str, ...]] = {
    "H100": ("H100-SXM", "H100-PCIE", "H100-NVL", "H100"),
    "H200": ("H200", "H200-NVL"),
    "B200": ("B200",),
    "B300": ("B300",),
    "A100": ("A100-80GB-SXM", "A100-80GB-PCIE", "A100-80GB", "A100-40GB-SXM", "A100-40GB-PCIE",
             "A100-40GB", "A100-SXM", "A100-PCIE", "A100"),
}


def alias_key(name: str) -> str:
    """The comparison form of a name: lower case, '_' and '-' as spaces, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[_\-]", " ", name)).strip().lower()


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """alias key → SKU, from the packaged CSV (comment lines start with '#')."""
    text = resources.files("aicycle").joinpath("data/gpu_aliases.csv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    table: dict[str, str] = {}
    for row in csv.DictReader(lines):
        key = alias_key(row["alias"])
        if key in table and table[key] != row["sku"]:
            raise ValueError(f"gpu_aliases.csv: {row['alias']!r} maps to two SKUs")
        table[key] = row["sku"]
    return table


def skus() -> set[str]:
    return set(aliases().values())


def normalize(name: str | None, memory_gb: float | None = None) -> str:
    """The SKU of a GPU name, or UNKNOWN. `memory_gb` (e.g. vast.ai gpu_ram / 1024) lets
    "A100 SXM4" with 80 GB resolve to A100-80GB-SXM through the alias "A100 SXM4 80GB"."""
    if not name or not name.strip():
        return UNKNOWN
    table = aliases()
    key = alias_key(name)
    if memory_gb:
        sized = table.get(f"{key} {round(memory_gb)}gb")
        if sized:
            return sized
    return table.get(key, UNKNOWN)


def in_group(sku: str, group: str) -> bool:
    """True when `sku` belongs to the SKU group (H100 covers SXM, PCIe, NVL and form-unstated)."""
    return sku in GROUPS.get(group, (group,))


@dataclass
class Normalizer:
    """Normalizes many names and counts the unknown ones (for import and collection summaries)."""

    unknown: Counter[str] = field(default_factory=Counter)

    def __call__(self, name: str | None, memory_gb: float | None = None) -> str:
        sku = normalize(name, memory_gb)
        if sku == UNKNOWN:
            self.unknown[name or ""] += 1
        return sku
