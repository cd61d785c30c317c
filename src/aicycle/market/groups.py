"""Ticker groups for `aicycle event --group`: the universe's roles plus the names and ETFs priced in the data."""

from __future__ import annotations

from aicycle import universe
from aicycle.errors import InputError

SEMI_ETFS = ("SOXX", "SMH")
# Priced in the bundled data but not followed as companies in the universe.
EXTRA_SEMIS = ("TSM", "AVGO")


def groups() -> dict[str, list[str]]:
    role = {r: [c.ticker for c in universe.by_role(r)] for r in universe.ROLES}
    semis = role["gpu"] + role["memory"] + list(EXTRA_SEMIS) + list(SEMI_ETFS)
    supply_chain = [c.ticker for c in universe.companies()] + list(EXTRA_SEMIS) + list(SEMI_ETFS)
    return {"semis": semis, "memory": role["memory"], "neoclouds": role["neocloud"],
            "hyperscalers": role["hyperscaler"], "etfs": list(SEMI_ETFS), "all": supply_chain}


def resolve(tickers: str | None, group: str | None) -> list[str]:
    if tickers and group:
        raise InputError("use either --tickers or --group, not both")
    if tickers:
        out = [t.strip().upper() for t in tickers.split(",") if t.strip()]
        if not out:
            raise InputError(f"--tickers {tickers!r}: no ticker given")
        return list(dict.fromkeys(out))
    known = groups()
    name = (group or "all").strip().lower()
    if name not in known:
        raise InputError(f"--group {group!r}: choose one of {', '.join(known)}")
    return known[name]
