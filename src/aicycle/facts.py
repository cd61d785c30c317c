"""Read facts point in time: `series()` and `latest()`, with one precedence between sources.

For "as of D" only rows public on D count (`filed <= D`). Derived rows are stored once per vintage,
dated by their later input, so this filter is all that point-in-time needs. Among the rows of one
period the source tier decides first (PRECEDENCE: SEC as reported > company-stated > third party >
curated news; `tier()` says how a row is placed); within a tier the latest filed wins; on the same
day reported beats derived, and the preferred us-gaap concept (quarters.METRICS) beats the others.
Lower tiers fill periods (and days) that no higher one covers. Where another tier gives a value more
than SOURCE_DISAGREEMENT apart, the chosen row lists it under `disagreements`.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from typing import TYPE_CHECKING, Any

from aicycle import rules, universe
from aicycle.curated import periods as curated_periods
from aicycle.errors import InputError
from aicycle.sec import periods, quarters
from aicycle.store import Store

if TYPE_CHECKING:
    from aicycle._frames import Facts

CURATED_METRICS = (
    "capex_incl_finance_leases_mgmt", "capex_guidance_low", "capex_guidance_high", "capex_guidance_point",
    "rpo_commercial", "backlog", "arr", "active_power_mw", "contracted_power_mw",
    "contracted_power_target_mw", "hbm_tam", "statement", "operating_cash_flow", "capex_net_cash",
)
# The memory makers' file (curated/memory_makers.py): Samsung's chip division and HBM market shares.
MEMORY_METRICS = ("ds_operating_income", "hbm_share")
METRICS = (*quarters.SEC_METRICS, *CURATED_METRICS, *MEMORY_METRICS)
# Names users type for a stored metric (the Korean makers report "operating profit").
ALIASES = {"operating_profit": "operating_income", "ds_operating_profit": "ds_operating_income",
           "ds_division_operating_profit": "ds_operating_income"}
# Flow metrics whose default series is quarterly (fiscal-year rows need freq="year" or "any").
QUARTERLY = ("capex", "capex_incl_finance_leases", "finance_lease_principal", "revenue", "operating_income",
             "ds_operating_income", "operating_cash_flow", "capex_incl_finance_leases_mgmt", "capex_net_cash")
FREQS = ("quarter", "year", "any")
_KIND_RANK = {"reported": 2, "derived": 1, "stated": 0, "third_party": 0, "curated": 0}
# One precedence, best first: the tier a row's source belongs to decides before its date does.
PRECEDENCE = ("sec", "stated", "third_party", "news")
TIER_LABELS = {"sec": "SEC as reported", "stated": "company-stated", "third_party": "third party",
               "news": "curated news"}
_TIER_RANK = {t: len(PRECEDENCE) - i for i, t in enumerate(PRECEDENCE)}
# Curated rows are placed by the source type their method begins with (data/facts/*.csv `source_type`).
_STATED_SOURCES = ("8-k", "6-k", "s-1", "10-k", "10-q", "press release", "earnings call quote", "quote from")


def tier(row: dict[str, Any]) -> str:
    """The precedence tier of a row: sec | stated | third_party | news."""
    kind = row.get("kind")
    if kind == "reported" or (kind == "derived" and str(row.get("source") or "").startswith("sec")):
        return "sec"
    if kind in ("stated", "third_party"):
        return str(kind)
    method = str(row.get("method") or "").lower()
    derived = method.startswith("derived: ")
    if method.startswith("sec ") or (derived and "from a sec " in method):
        return "sec"
    if method.startswith("third-party") or (derived and "third-party" in method):
        return "third_party"
    if method.startswith(_STATED_SOURCES):
        return "stated"
    return "news"


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
    # The source tier first: a filing public by as_of beats a call, which beats a third party, which
    # beats a news page; curated transcriptions' public dates are often only estimated.
    order = quarters.tags_for(row["ticker"], row["metric"])
    tag_rank = order.index(row["tag"]) if row["tag"] in order else len(order)
    written = "release" in str(row.get("form") or "")  # a written release beats a transcribed call
    from_filing = row["kind"] in ("reported", "derived")  # within SEC: a filing beats a transcription of one
    dated = "public_date_estimated" not in str(row.get("flag") or "")  # a real public date beats an estimate
    return (_TIER_RANK[tier(row)], from_filing, dated, row["filed"] or dt.date.min, _KIND_RANK.get(row["kind"], -1),
            written, -tag_rank, row["accession"] or "")


def pick(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per period (oldest first) by the precedence, each with its `tier` and the other
    tiers' values that disagree with it by more than rules.SOURCE_DISAGREEMENT (`disagreements`)."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for row in rows:
        if row["value"] is not None or row["text"] is not None:
            groups.setdefault(_period_key(row), []).append(row)
    out = []
    for members in groups.values():
        best = max(members, key=_rank)
        out.append({**best, "tier": tier(best), "disagreements": _disagreements(best, members)})
    return sorted(out, key=lambda r: (r["period_end"], r["period_start"] or dt.date.min))


def _disagreements(best: dict[str, Any], members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The latest row of every other tier whose value is more than SOURCE_DISAGREEMENT away."""
    value, mine = best["value"], tier(best)
    latest: dict[str, dict[str, Any]] = {}
    for row in members:
        t = tier(row)
        if t != mine and row["value"] is not None and row["unit"] == best["unit"]:
            if t not in latest or _rank(row) > _rank(latest[t]):
                latest[t] = row
    out = []
    for t, row in latest.items():
        if value is None or not value:
            continue
        gap = row["value"] / value - 1
        if abs(gap) > rules.SOURCE_DISAGREEMENT:
            out.append({"tier": t, "value": row["value"], "gap": round(gap, 4), "source": row["source"],
                        "url": row.get("url"), "filed": row["filed"], "kind": row["kind"]})
    return sorted(out, key=lambda d: -_TIER_RANK[d["tier"]])


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
    return pick([row for row in vintages(store, ticker, metric, as_of) if _freq_ok(row, freq)])


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


# --- headline capex: each company's own definition (`aicycle facts T capex`, the capex checkpoint) ---
# Meta reports and guides capex including principal payments on finance leases; the others' headline
# is their cash purchases of property and equipment (Amazon's tag is the gross figure; its calls give
# "cash capex" net of proceeds and incentives, stored as capex_net_cash).
HEADLINE_CAPEX: dict[str, tuple[str, str]] = {
    "META": ("capex_incl_finance_leases", "Meta's headline definition: capital expenditures including principal "
                                          "payments on finance leases"),
    "AMZN": ("capex", "Amazon: purchases of property and equipment, gross (its calls' 'cash capex' nets "
                      "proceeds and incentives: see capex_net_cash)"),
}
DEFAULT_CAPEX = ("capex", "purchases of property and equipment (cash)")
FALLBACK_DEFINITION = "purchases of property and equipment only (the headline figure is not in the data)"


def capex_definition(ticker: str) -> tuple[str, str]:
    """(metric, words) of the company's headline capex."""
    return HEADLINE_CAPEX.get(universe.get(ticker).ticker, DEFAULT_CAPEX)


def merge_headline(ticker: str, headline: list[dict[str, Any]], ppe: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Headline rows, and PP&E-only rows for the periods without one, each saying its `definition`."""
    metric, words = capex_definition(ticker)
    have = {_period_key(r) for r in headline}
    rows = [{**r, "definition": words} for r in headline]
    if metric != "capex":
        rows += [{**r, "definition": FALLBACK_DEFINITION} for r in ppe if _period_key(r) not in have]
    return sorted(rows, key=lambda r: (r["period_end"], r["period_start"] or dt.date.min))


def headline_capex(store: Store, ticker: str, as_of: dt.date | None = None, *,
                   freq: str | None = None) -> list[dict[str, Any]]:
    """The company's headline capex per period, public by `as_of`, with each row's `definition`."""
    metric, _ = capex_definition(ticker)
    headline = series(store, ticker, metric, as_of, freq=freq)
    ppe = series(store, ticker, "capex", as_of, freq=freq) if metric != "capex" else []
    return merge_headline(ticker, headline, ppe)


def quarter_label(row: dict[str, Any]) -> str:
    """A period as people name it: 2026Q2; fiscal and calendar together where they differ
    ("FQ3 2026 = CY2026Q2" for Micron's quarter ended 2026-05-28); FY2026 for a year; at D for an instant."""
    if row.get("period_start") is None:
        return f"at {row['period_end']}"
    fiscal, cal = row.get("fiscal_period") or "", row.get("calendar_quarter") or ""
    if not cal or "Q" not in fiscal:
        return fiscal or f"{row['period_start']}..{row['period_end']}"
    try:
        same = bool(row.get("ticker")) and universe.get(row["ticker"]).fiscal_year_end == "12-31"
    except InputError:
        same = False
    if same or fiscal == f"FY{cal}":
        return cal
    return f"FQ{fiscal[-1]} {fiscal[2:6]} = CY{cal}"


def capex_coverage(store: Store, tickers: tuple[str, ...] = ("META", "MSFT", "GOOGL", "AMZN", "ORCL"),
                   as_of: dt.date | None = None, recent: int = 8) -> dict[str, dict[str, Any]]:
    """Per company: the headline capex quarters held (of the `recent` quarters up to its newest), and
    which of those quarters are missing (fiscal and calendar labels)."""
    out: dict[str, dict[str, Any]] = {}
    for ticker in tickers:
        rows = [r for r in headline_capex(store, ticker, as_of) if r["period_start"] is not None]
        if not rows:
            out[ticker] = {"quarters": 0, "first": None, "last": None, "missing": []}
            continue
        held = {r["calendar_quarter"] for r in rows}
        last = max(held)
        index = int(last[:4]) * 4 + int(last[5]) - 1
        window = [f"{i // 4}Q{i % 4 + 1}" for i in range(index - recent + 1, index + 1)]
        fye = universe.get(ticker).fiscal_year_end
        out[ticker] = {"quarters": len(rows), "first": min(held), "last": last,
                       "pp_e_only": sum(1 for r in rows if r.get("definition") == FALLBACK_DEFINITION),
                       "missing": [_fiscal_of(q, fye) for q in window if q not in held]}
    return out


def _fiscal_of(calendar_quarter: str, fye: str) -> str:
    """'2025Q4' → 'FQ2 2026 = CY2025Q4' for a company whose fiscal year ends in May; '2025Q4' for December."""
    if fye == "12-31":
        return calendar_quarter
    year, q = int(calendar_quarter[:4]), int(calendar_quarter[5])
    mid = dt.date(year, 3 * q - 1, 15)
    for fy in (year, year + 1, year + 2):
        for fq in (1, 2, 3, 4):
            start, end = curated_periods.fiscal_quarter(fy, fq, fye)
            if start <= mid <= end:
                return f"FQ{fq} {fy} = CY{calendar_quarter}"
    return calendar_quarter  # pragma: no cover - every mid-quarter day is in some fiscal quarter
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
