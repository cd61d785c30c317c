"""The companies aicycle follows, read from `data/universe.csv` (data, not code)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from aicycle.errors import InputError

# ai_host: former bitcoin miners that now host AI compute for others (IREN, Cipher, TeraWulf).
ROLES = ("hyperscaler", "neocloud", "gpu", "memory", "ai_host")


@dataclass(frozen=True)
class Company:
    ticker: str
    cik: str | None
    name: str
    role: str
    fiscal_year_end: str  # "MM-DD"
    exchange: str
    currency: str
    coverage: str  # sec_companyfacts | curated | prices_only
    aliases: tuple[str, ...]

    @property
    def cik_int(self) -> int | None:
        return int(self.cik) if self.cik else None

    @property
    def fiscal_year_end_month(self) -> int:
        return int(self.fiscal_year_end.split("-")[0])


@cache
def companies() -> tuple[Company, ...]:
    text = resources.files("aicycle").joinpath("data/universe.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    out = []
    for row in rows:
        if row["role"] not in ROLES:
            raise InputError(f"universe.csv: {row['ticker']}: unknown role {row['role']!r}")
        out.append(Company(
            ticker=row["ticker"], cik=row["cik"] or None, name=row["name"], role=row["role"],
            fiscal_year_end=row["fiscal_year_end"], exchange=row["exchange"],
            currency=row["currency"], coverage=row["coverage"],
            aliases=tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
        ))
    return tuple(out)


def get(ticker: str) -> Company:
    wanted = ticker.strip().upper()
    for company in companies():
        if company.ticker == wanted:
            return company
    known = ", ".join(c.ticker for c in companies())
    raise InputError(f"unknown ticker {ticker!r}; known: {known}")


def by_role(role: str) -> tuple[Company, ...]:
    return tuple(c for c in companies() if c.role == role)


def sec_filers() -> tuple[Company, ...]:
    return tuple(c for c in companies() if c.coverage == "sec_companyfacts")
