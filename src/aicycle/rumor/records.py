"""Dated records that decide claims about deals and the grid: compute contracts and power events.

Thin adapters over the store's `compute_contracts` and `power_events` tables, read only when the
store has them (the data layer loads them); without them, claims on these objects are `unclear` and
the reasoning says which record would decide them. Column names are read as the source files name
them (announced_date, buyer, seller, value_usd, quote; date, region, actor, kind, direction, value,
unit, quote), with a public date column preferred where the loader adds one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from aicycle import rules
from aicycle.rumor import vocab
from aicycle.rumor.evidence import Item, _as_date, money
from aicycle.rumor.reading import Reading
from aicycle.store import Store

_DATE_COLUMNS = ("filed", "public_date", "announced_date", "date")
_GENERIC = {"cloud", "services", "web", "the", "and", "for", "group", "energy", "power", "data", "center",
            "centers", "inc", "corp", "company", "funds", "backstop", "lessee", "end", "user", "global",
            "hyperscale", "platform", "google backstop", "tpus", "electric", "delivery", "national", "government"}
_PARTY_ALIASES = {"amazon": ("amazon", "aws"), "aws": ("amazon", "aws"), "google": ("google", "alphabet"),
                  "microsoft": ("microsoft", "azure"), "azure": ("microsoft", "azure"), "spacex": ("spacex", "xai"),
                  "xai": ("spacex", "xai"), "meta": ("meta", "facebook"), "nvidia": ("nvidia",)}
# Which power events speak to which claim words (kinds as the source file names them).
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("queue", r"queue|interconnection requests?|large[- ]loads?"),
    ("capacity_price", r"capacity (?:price|auction)|auction"),
    ("load_pipeline", r"pipeline|contracted|load"), ("turbine_backlog", r"turbines?"),
    ("transformer", r"transformers?"), ("moratorium", r"moratori\w*|hookups?|connections?|halt\w*|paus\w*|ban"),
    ("permit", r"permit\w*|connection|block\w*|reject\w*"),
    ("ppa", r"power purchase|ppa|nuclear"),
)
_PAUSE_KINDS = ("moratorium", "permit")


def has_table(store: Store, name: str) -> bool:
    rows = store.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?", [name])
    return bool(rows and rows[0]["n"])


def _public(row: dict[str, Any]) -> dt.date | None:
    for column in _DATE_COLUMNS:
        value = row.get(column)
        if value:
            text = str(value)
            if re.fullmatch(r"\d{4}-\d{2}", text):  # a month only: public at the month's end
                year, month = int(text[:4]), int(text[5:7])
                return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            return _as_date(value)
    return None


def _recent(store: Store, table: str, as_of: dt.date) -> list[tuple[dt.date, dict[str, Any]]]:
    if not has_table(store, table):
        return []
    out = []
    for row in store.query(f"SELECT * FROM {table}"):  # noqa: S608 - a fixed table name
        day = _public(row)
        if day is not None and day <= as_of and (as_of - day).days <= rules.RUMOR_RECORD_DAYS:
            out.append((day, row))
    return sorted(out, key=lambda p: p[0])


# --- compute contracts --------------------------------------------------------------------------

def _names(party: str) -> set[str]:
    main = re.split(r"[(/;]", party)[0]
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w.&-]+", main) if w.lower() not in _GENERIC}
    out = set(words)
    for w in words:
        out.update(_PARTY_ALIASES.get(w, ()))
    return out


def _named(names: set[str], text: str) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(n)}(?:'s)?(?!\w)", text, re.I) for n in names if len(n) > 2)


def contract_items(store: Store, reading: Reading, claim_text: str, as_of: dt.date) -> list[Item]:
    """Contracts between the parties the claim names (both named, or the one subject)."""
    items = []
    for day, row in _recent(store, "compute_contracts", as_of):
        buyer, seller = str(row.get("buyer") or ""), str(row.get("seller") or "")
        if not (_named(_names(buyer), claim_text) and _named(_names(seller), claim_text)):
            continue
        if reading.object == "leases" and "lease" not in str(row.get("kind") or "") + str(row.get("quote") or ""):
            continue
        value = row.get("value_usd")
        quote = _short(str(row.get("quote") or ""))
        text = (f"{buyer} / {seller} ({row.get('kind') or 'contract'}"
                + (f", {money(float(value))}" if value else "") + f"): \u201c{quote}\u201d")
        source = str(row.get("source_type") or "contracts ledger")
        items.append(Item(signal="contract", text=text, date=day, source=source,
                          kind="curated", observed="up", weight=0.9, url=row.get("source_url"),
                          ticker=None, period=str(day), method="compute-contracts ledger: both parties named"))
    return items


# --- power events -------------------------------------------------------------------------------

def _actor_filter(claim_text: str) -> re.Pattern[str] | None:
    for _, pattern in vocab.POWER_ACTORS:
        if re.search(rf"(?<!\w)(?:{pattern})(?!\w)", claim_text, re.I):
            return re.compile(pattern, re.I)
    for _, name, aliases in vocab.EXTRA_SUBJECTS:
        for alias in aliases:
            if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", claim_text):
                return re.compile(re.escape(name), re.I)
    return None


def names_power_actor(claim_text: str) -> bool:
    return any(re.search(rf"(?<!\w)(?:{p})(?!\w)", claim_text, re.I) for _, p in vocab.POWER_ACTORS)


def _kinds(claim_text: str) -> set[str]:
    return {kind for kind, words in _KIND_WORDS if re.search(rf"(?<!\w)(?:{words})(?!\w)", claim_text, re.I)}


def power_items(store: Store, reading: Reading, claim_text: str, as_of: dt.date) -> list[Item]:
    rows = _recent(store, "power_events", as_of)
    actor = _actor_filter(claim_text)
    if actor is not None:
        rows = [(d, r) for d, r in rows if actor.search(f"{r.get('actor')} {r.get('region')}")]
    kinds = _kinds(claim_text)
    if reading.direction in ("pause", "cancel"):
        kinds = kinds & set(_PAUSE_KINDS) or set(_PAUSE_KINDS)
    if kinds:
        rows = [(d, r) for d, r in rows if r.get("kind") in kinds]
    if not rows:
        return []
    if reading.level and reading.level.op != "at" or reading.direction in ("up", "down", "flat"):
        return _power_levels(rows, reading, claim_text)
    items = []
    for day, row in rows[-4:]:
        seen = {"tightening": "tight", "easing": "loose"}.get(str(row.get("direction") or ""))
        if reading.direction in ("pause", "cancel"):
            seen = "paused" if seen == "tight" else None
        items.append(_power_item(day, row, seen, 0.7))
    return items


def _power_levels(rows: list[tuple[dt.date, dict[str, Any]]], reading: Reading, claim_text: str) -> list[Item]:
    valued = [(d, r) for d, r in rows if r.get("value") not in (None, "")]
    if not valued:
        return []
    day, latest = valued[-1]
    same = [(d, r) for d, r in valued
            if r.get("region") == latest.get("region") and r.get("unit") == latest.get("unit")]
    value = float(latest["value"])
    if reading.level and reading.level.op in ("above", "below"):
        threshold = reading.level.value
        if str(latest.get("unit") or "").upper() == "GW":
            value *= 1000.0  # the claim's gigawatts are held in MW
        seen = "above" if value >= threshold else "below"
        return [_power_item(day, latest, seen, 1.0)]
    earlier = [float(r["value"]) for _, r in same[:-1]]
    if not earlier:
        return []
    if re.search(r"\brecord\b", claim_text, re.I):
        seen = "up" if value > max(earlier) else "down"
    else:
        seen = "up" if value > earlier[-1] else "down" if value < earlier[-1] else "flat"
    return [_power_item(day, latest, seen, 1.0)]


def _power_item(day: dt.date, row: dict[str, Any], seen: str | None, weight: float) -> Item:
    value = f" {row.get('value')} {row.get('unit')}" if row.get("value") not in (None, "") else ""
    text = (f"{row.get('actor')} ({row.get('region')}, {row.get('kind')}, {row.get('direction')}{value}): "
            f"\u201c{_short(str(row.get('quote') or ''))}\u201d")
    return Item(signal="power_event", text=text, date=day, source=str(row.get("source_type") or "power events"),
                kind="curated", observed=seen, weight=weight if seen else 0.0, url=row.get("source_url"),
                ticker=str(row.get("actor") or "grid"), period=str(day), method="power and permitting events")


def _short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
