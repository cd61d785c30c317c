"""Compute and capacity contracts (data/facts/compute_contracts.csv) → the `contracts` table.

47 dated deals, 2024-10 → 2026-06, each from one page (1 SEC filing, 5 press releases, 4 summaries,
37 news reports). A row with only a month ("2025-05") is public, conservatively, on the month's last
day (flag `month_only`); the days compute_contracts_NOTES.md says were worked out rather than stated
are flagged `date_derived`. Rows that describe the same commitment, or one that includes another,
share an `overlap_group` (from the NOTES' "Do not sum naively" section) so that no total adds them.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

from aicycle import universe
from aicycle.errors import InputError
from aicycle.store import Store, fact_key

FILE = Path("facts") / "compute_contracts.csv"
COLUMNS = ("announced_date", "buyer", "seller", "value_usd", "value_text", "term_years", "capacity_text", "kind",
           "source_url", "source_type", "quote")
KINDS = ("compute_lease", "cloud_services", "chips", "other")
# compute_contracts_NOTES.md, "Dates derived rather than stated in full": (date, buyer prefix, seller prefix).
DERIVED_DATES = (
    ("2025-03-11", "OpenAI", "CoreWeave"), ("2025-08-21", "Meta", "Google Cloud"),
    ("2025-09-08", "Microsoft", "Nebius"),
    ("2025-09-10", "OpenAI", "Oracle"), ("2025-09-25", "Fluidstack", "Cipher"), ("2025-09-30", "Meta", "CoreWeave"),
    ("2025-10-23", "Anthropic", "Google"), ("2025-11-03", "OpenAI", "Amazon"), ("2025-11-12", "Meta", "Nebius"),
    ("2025-11-18", "Anthropic", "Microsoft"), ("2026-03-16", "Meta", "Nebius"), ("2026-04-21", "Anthropic", "Amazon"),
    ("2026-06-05", "Google", "SpaceX"), ("2026-06-18", "Meta", "Crusoe"),
)
# compute_contracts_NOTES.md, "Do not sum naively": group -> (how the rows relate, members).
OVERLAPS: dict[str, tuple[str, tuple[tuple[str, str, str], ...]]] = {
    "openai-oracle-4.5gw": ("the 4.5 GW row and the $300B row very likely describe one commitment",
                            (("2025-07-22", "OpenAI", "Oracle"), ("2025-09-10", "OpenAI", "Oracle"))),
    "meta-coreweave": ("the 2026-04-09 order includes the exercise of an option under the 2025-09-30 one: "
                       "a sum overstates the total", (("2025-09-30", "Meta", "CoreWeave"),
                                                      ("2026-04-09", "Meta", "CoreWeave"))),
    "applied-digital-coreweave": ("the 2025-08-29 figure is cumulative and includes the 2025-06-02 one",
                                  (("2025-06-02", "CoreWeave", "Applied Digital"),
                                   ("2025-08-29", "CoreWeave", "Applied Digital"))),
    "microsoft-nscale": ("the 2025-10-15 deal (about 200,000 GPUs) includes the Narvik capacity of 2025-09-17",
                         (("2025-09-17", "Microsoft", "Nscale"), ("2025-10-15", "Microsoft", "Nscale"))),
    "anthropic-google-tpu": ("the 2026-05-05 '$200B over 5 years' may be the value of the 2025-10-23 and "
                             "2026-04-06 TPU rows rather than a new deal",
                             (("2025-10-23", "Anthropic", "Google"), ("2026-04-06", "Anthropic", "Google"),
                              ("2026-05-05", "Anthropic", "Google"))),
}
# Names in the CSV that are followed companies under another name.
_ALIASES = {"google": "GOOGL", "amazon": "AMZN", "aws": "AMZN", "amazon web services": "AMZN"}
_PLAIN = re.compile(r"^([A-Za-z][A-Za-z0-9 .&'-]*?)(?:\s*[(/]|$)")


def ticker_of(name: str) -> str | None:
    """The universe ticker of a buyer or seller as the CSV names it ("Meta (lessee)" → META), if followed."""
    m = _PLAIN.match(name.strip())
    plain = (m[1] if m else name).strip().lower()
    if plain in _ALIASES or plain.split(" ")[0] in _ALIASES:
        return _ALIASES.get(plain) or _ALIASES[plain.split(" ")[0]]
    for co in universe.companies():
        names = {co.ticker.lower(), co.name.lower(), *(a.lower() for a in co.aliases)}
        if plain in names:
            return co.ticker
    return None


def _public(text: str, where: str) -> tuple[dt.date, str | None]:
    try:
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = (int(p) for p in text.split("-"))
            return dt.date(year, month, calendar.monthrange(year, month)[1]), "month_only"
        return dt.date.fromisoformat(text), None
    except ValueError:
        raise InputError(f"{where}: announced_date {text!r} is not YYYY-MM-DD or YYYY-MM") from None


def _matches(row: dict[str, str], member: tuple[str, str, str]) -> bool:
    day, buyer, seller = member
    return row["announced_date"] == day and row["buyer"].startswith(buyer) and row["seller"].startswith(seller)


def _overlap(row: dict[str, str]) -> tuple[str | None, str | None]:
    for group, (how, members) in OVERLAPS.items():
        if any(_matches(row, m) for m in members):
            return group, how
    return None, None


def _number(text: str, where: str, name: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        raise InputError(f"{where}: {name} {text!r} is not a number") from None


def row_for(raw: dict[str, str], where: str) -> dict[str, Any]:
    announced, flag = _public(raw["announced_date"], where)
    if raw["kind"] not in KINDS:
        raise InputError(f"{where}: kind {raw['kind']!r} is not one of {', '.join(KINDS)}")
    if any(_matches(raw, d) for d in DERIVED_DATES):
        flag = "date_derived"
    group, how = _overlap(raw)
    return {
        "contract_key": fact_key(raw["announced_date"], raw["buyer"], raw["seller"], raw["value_usd"],
                                 raw["source_url"]),
        "announced_on": announced, "announced_text": raw["announced_date"], "buyer": raw["buyer"],
        "buyer_ticker": ticker_of(raw["buyer"]), "seller": raw["seller"], "seller_ticker": ticker_of(raw["seller"]),
        "value_usd": _number(raw["value_usd"], where, "value_usd"), "value_text": raw["value_text"] or None,
        "term_years": _number(raw["term_years"], where, "term_years"), "capacity_text": raw["capacity_text"] or None,
        "kind": raw["kind"], "source_type": raw["source_type"], "url": raw["source_url"] or None,
        "quote": raw["quote"] or None, "overlap_group": group, "overlap": how,
        "source": f"curated:{FILE.name}", "filed": announced, "fetched_at": None, "flag": flag,
    }


def read(path: Path) -> list[dict[str, Any]]:
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
        return [row_for({k: (v or "").strip() for k, v in raw.items() if k}, f"{path}: row {line}")
                for line, raw in enumerate(reader, start=2)]


def load_raw(store: Store, data_dir: Path) -> dict[str, Any]:
    rows = read(data_dir / FILE)
    store.upsert("contracts", rows)
    return {"rows": len(rows), "first": min(r["announced_text"] for r in rows),
            "last": max(r["announced_text"] for r in rows),
            "overlap_groups": sorted({r["overlap_group"] for r in rows if r["overlap_group"]}),
            "dates_derived": sum(r["flag"] == "date_derived" for r in rows),
            "month_only": sum(r["flag"] == "month_only" for r in rows)}
