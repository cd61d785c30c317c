"""Read facts point in time: `series()` and `latest()`.

For "as of D" only rows public on D count (`filed <= D`). Derived rows are stored once per vintage,
dated by their later input, so this filter is all that point-in-time needs. Among the rows of one
period, a row from a filing (reported or derived) beats a curated one; then the latest filed wins;
on the same day reported beats derived, and the preferred us-gaap concept (quarters.METRICS) beats
the others. Curated rows fill periods (and days) that no filing covers.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from typing import TYPE_CHECKING, Any

from aicycle import universe
from aicycle.errors import InputError
from aicycle.sec import periods, quarters
from aicycle.store import Store

if TYPE_CHECKING:
    from aicycle._frames import Facts

CURATED_METRICS = (
    "capex_incl_finance_leases_mgmt", "capex_guidance_low", "capex_guidance_high", "capex_guidance_point",
    "rpo_commercial", "backlog", "arr", "active_power_mw", "contracted_power_mw",
    "contracted_power_target_mw", "hbm_tam", "statement",
)
# The memory makers' file (curated/memory_makers.py): Samsung's chip division and HBM market shares.
MEMORY_METRICS = ("ds_operating_income", "hbm_share")
METRICS = (*quarters.SEC_METRICS, *CURATED_METRICS, *MEMORY_METRICS)
# Names users type for a stored metric (the Korean makers report "operating profit").
ALIASES = {"operating_profit": "operating_income", "ds_operating_profit": "ds_operating_income",
           "ds_division_operating_profit": "ds_operating_income"}
# Flow metrics whose default series is quarterly (fiscal-year rows need freq="year" or "any").
QUARTERLY = ("capex", "capex_incl_finance_leases", "finance_lease_principal", "revenue", "operating_income",
             "ds_operating_income")
FREQS = ("quarter", "year", "any")
_KIND_RANK = {"reported": 2, "derived": 1, "curated": 0}


def check_metric(metric: str) -> str:
    """The stored name of a metric (aliases resolved); InputError for an unknown one."""
    metric = ALIASES.get(metric, metric)
    if metric not in METRICS:
        raise InputError(f"unknown metric {metric!r}; known: {', '.join(METRICS)}")
    return metric


def _freq_ok(row: dict[str, Any], freq: str) -> bool:
    if freq == "any" or row["period_start"] is None:
        return True
    return periods.classify(row["period_start"], row["period_end"])[0] == freq


def _rank(row: dict[str, Any]) -> tuple:
    # A filing (reported or derived) public by as_of beats any curated row for the same period:
    # curated rows are transcriptions, and their public date is often only estimated.
    order = quarters.tags_for(row["ticker"], row["metric"])
    tag_rank = order.index(row["tag"]) if row["tag"] in order else len(order)
    from_filing = row["kind"] in ("reported", "derived")
    return (from_filing, row["filed"] or dt.date.min, _KIND_RANK.get(row["kind"], -1), -tag_rank,
            row["accession"] or "")


def _period_key(row: dict[str, Any]) -> tuple:
    """Rows about the same period: instants by date; durations by shape and fiscal label, so a curated
    "Q1 FY2027" with nominal dates meets the SEC quarter that ends a few days earlier."""
    if row["period_start"] is None:
        return ("instant", row["period_end"])
    shape = periods.classify(row["period_start"], row["period_end"])[0] or "other"
    return (shape, row["fiscal_period"] or row["period_end"])


def vintages(store: Store, ticker: str, metric: str, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Every stored vintage of a metric, public by `as_of` (all of them when None)."""
    sql = "SELECT * FROM facts WHERE ticker = ? AND metric = ?"
    params: list[Any] = [ticker, metric]
    if as_of is not None:
        sql += " AND filed <= ?"
        params.append(as_of)
    return store.query(sql + " ORDER BY period_end, period_start NULLS FIRST, filed", params)


def series(store: Store, ticker: str, metric: str, as_of: dt.date | None = None, *,
           freq: str | None = None) -> list[dict[str, Any]]:
    """One row per period (oldest first): the latest vintage public by `as_of`, with provenance.

    `freq`: "quarter" (quarter-length periods and instants), "year", or "any". Default: "quarter"
    for the flow metrics in QUARTERLY, "any" for the rest (instants, guidance, curated figures).
    """
    ticker = universe.get(ticker).ticker
    metric = check_metric(metric)
    freq = freq or ("quarter" if metric in QUARTERLY else "any")
    if freq not in FREQS:
        raise InputError(f"unknown freq {freq!r}; use one of {', '.join(FREQS)}")
    best: dict[tuple, dict[str, Any]] = {}
    for row in vintages(store, ticker, metric, as_of):
        if not _freq_ok(row, freq):
            continue
        key = _period_key(row)
        if key not in best or _rank(row) > _rank(best[key]):
            best[key] = row
    return sorted(best.values(), key=lambda r: (r["period_end"], r["period_start"] or dt.date.min))


def latest(store: Store, ticker: str, metric: str, as_of: dt.date | None = None, *,
           freq: str | None = None) -> dict[str, Any] | None:
    """The most recent period's row public by `as_of`, or None."""
    rows = series(store, ticker, metric, as_of, freq=freq)
    return rows[-1] if rows else None


def coverage(store: Store, source_like: str = "%") -> dict[str, dict[str, Any]]:
    """Per ticker: metrics held, first and last period end, latest filed date."""
    rows = store.query(
        "SELECT ticker, list(DISTINCT metric ORDER BY metric) AS metrics, min(period_end) AS first_period, "
        "max(period_end) AS last_period, max(filed) AS latest_filed, count(*) AS rows FROM facts "
        "WHERE source LIKE ? GROUP BY ticker ORDER BY ticker", [source_like])
    return {r.pop("ticker"): {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in r.items()}
            for r in rows}


def quarters_not_summing_to_year(store: Store, ticker: str, metric: str, as_of: dt.date | None = None,
                                 tolerance: float = 0.005) -> list[dict[str, Any]]:
    """Data-quality check (empty = pass): fiscal years whose four quarters, as public by `as_of`,
    do not add up to the annual figure within `tolerance` (relative)."""
    quarters_by_year: dict[str, list[dict[str, Any]]] = {}
    for row in series(store, ticker, metric, as_of, freq="quarter"):
        if row["period_start"] is not None and row["kind"] != "curated":
            quarters_by_year.setdefault((row["fiscal_period"] or "")[:6], []).append(row)
    problems = []
    for year in series(store, ticker, metric, as_of, freq="year"):
        parts = quarters_by_year.get(year["fiscal_period"] or "", [])
        if year["kind"] == "curated" or len(parts) != 4:
            continue
        total = sum(p["value"] for p in parts)
        if abs(total - year["value"]) > tolerance * max(abs(year["value"]), 1.0):
            problems.append({"fiscal_period": year["fiscal_period"], "annual": year["value"],
                             "sum_of_quarters": total, "quarters": [p["fiscal_period"] for p in parts]})
    return problems


def table(ticker: str, metric: str, as_of: dt.date | str | None = None, freq: str | None = None) -> Facts:
    """The notebook API's `aicycle.facts("MSFT", "capex")`: `series` from the store, as a typed `Facts`
    (`.rows`, `.to_pandas()`, `.to_arrow()`), every provenance column kept."""
    from aicycle._frames import Facts, day
    from aicycle.render.facts import FACT_COLUMNS
    from aicycle.store import open_store

    when = day(as_of)
    with open_store() as store:
        found = series(store, ticker, metric, when, freq=freq)
    rows = [{c: r.get(c) for c in FACT_COLUMNS} for r in found]
    return Facts(rows=rows, columns=FACT_COLUMNS, ticker=ticker.upper(), metric=metric, as_of=when)


class _CallableModule(types.ModuleType):
    """`aicycle.facts` is this module (the store's facts, imported across the package) and, called, the
    notebook API's function of that name: `aicycle.facts("MSFT", "capex")` is `table(...)`."""

    def __call__(self, ticker: str, metric: str, as_of: dt.date | str | None = None,
                 freq: str | None = None) -> Facts:
        return table(ticker, metric, as_of, freq)


sys.modules[__name__].__class__ = _CallableModule
