"""Curated facts (data/facts/*.csv, or a user's own CSV in the same format) → `facts`.

Every row is validated before anything is written: a bad row raises InputError naming the file, the
row (line number) and the problem, and the load writes nothing. The CSV's `date` is often the period
end rather than the day the number became public; `filed` is worked out by `public_date()` and,
where it can only be estimated, flagged 'public_date_estimated' (rule in docs/data.md).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aicycle import textfile, universe, validate
from aicycle.curated import derived as curated_derived
from aicycle.curated import periods as curated_periods
from aicycle.curated import priors as curated_priors
from aicycle.curated import results as curated_results
from aicycle.curated.periods import Period
from aicycle.errors import InputError
from aicycle.sec import periods
from aicycle.store import Store, fact_key

FACTS_FILE = "ai_capex_backlog_facts.csv"
QUOTES_FILE = "capex_guidance_quotes.csv"
FACT_COLUMNS = ("date", "company", "ticker", "metric", "value", "unit", "period", "source_type", "source",
                "source_url", "seen_via", "notes")
QUOTE_COLUMNS = ("date", "company", "ticker", "document", "quote", "primary_url", "seen_via",
                 "verbatim_confidence")

# unit -> (store unit, multiplier to base units)
UNITS: dict[str, tuple[str, float]] = {
    "USD": ("USD", 1.0), "USD m": ("USD", 1e6), "USD bn": ("USD", 1e9),
    "KRW": ("KRW", 1.0), "KRW bn": ("KRW", 1e9), "KRW tn": ("KRW", 1e12),
    "MW": ("MW", 1.0), "GW": ("MW", 1000.0), "text": ("text", 1.0),
}
DIRECT: dict[str, str] = {
    "capex": "capex", "capex_cash_ppe": "capex", "capex_cash_ppe_gross": "capex", "capex_cash_ppe_ytd": "capex",
    "capex_incl_finance_lease_principal": "capex_incl_finance_leases",
    "capex_incl_finance_leases": "capex_incl_finance_leases",
    "finance_lease_principal_payments": "finance_lease_principal",
    "capex_incl_finance_leases_mgmt": "capex_incl_finance_leases_mgmt",
    "rpo": "rpo", "rpo_total": "rpo", "rpo_revenue_backlog": "rpo", "rpo_long_term_commitments": "rpo",
    "rpo_commercial": "rpo_commercial", "revenue_backlog": "backlog", "backlog": "backlog", "arr": "arr",
    "active_power": "active_power_mw", "active_power_mw": "active_power_mw",
    "contracted_power": "contracted_power_mw", "contracted_power_mw": "contracted_power_mw",
    "revenue": "revenue", "operating_income": "operating_income", "operating_profit": "operating_income",
    "net_cash_outlay_for_capex_nongaap": "capex_net_cash", "statement": "statement",
}
_GUIDANCE = re.compile(r"^capex_(?:guidance|outlook|plan)_(fy|cy)(\d{4})(?:_(low|high))?$")
_TAM = re.compile(r"^hbm_tam_(\d{4})$")
_TARGET = re.compile(r"^contracted_power_target_ye(\d{4})$")
_TEXT_METRIC = re.compile(r"(status|commentary)$")
INSTANTS = ("rpo", "rpo_commercial", "backlog", "arr", "active_power_mw", "contracted_power_mw",
            "contracted_power_target_mw")
ESTIMATE_DAYS = {"quarter": 45, "year": 60}  # conservative lags: 10-Q deadline 40-45 days, 10-K 60
_ACCESSION = re.compile(r"\b(\d{10}-\d{2}-\d{6})\b|/(\d{18})/")
_FILED = re.compile(r"\bfiled (\d{4}-\d{2}-\d{2})\b")
_HIGH_NOTE = re.compile(r"\bhigh = (\d+(?:\.\d+)?)B\b")


@dataclass(frozen=True)
class Mapped:
    metric: str
    period: Period


def map_metric(name: str, period: Period | None, day: dt.date, fye: str) -> Mapped | None:
    """CSV metric (and its period) → store metric and the period the value is about."""
    if m := _GUIDANCE.match(name):
        year = int(m[2])
        start, end = (curated_periods.fiscal_year(year, fye) if m[1] == "fy"
                      else (dt.date(year, 1, 1), dt.date(year, 12, 31)))
        label = f"FY{year}" if m[1] == "fy" or fye == "12-31" else f"CY{year}"
        return Mapped(f"capex_guidance_{m[3] or 'point'}", Period(start, end, label))
    if m := _TAM.match(name):
        year = int(m[1])
        return Mapped("hbm_tam", Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"CY{year}"))
    if m := _TARGET.match(name):
        return Mapped("contracted_power_target_mw", Period(None, dt.date(int(m[1]), 12, 31), ""))
    metric = DIRECT.get(name) or ("statement" if _TEXT_METRIC.search(name) else None)
    if metric is None or period is None:
        return None
    if metric in INSTANTS and period.start is not None:
        period = Period(None, period.end, period.label)  # a balance at the end of the stated period
    return Mapped(metric, period)


def accession_dates(data_dir: Path | None) -> dict[str, dt.date]:
    """accession → filing date, from the SEC submissions files in data (known filing days)."""
    import json

    found: dict[str, dt.date] = {}
    folder = data_dir / "edgar" / "submissions" if data_dir else None
    if folder is None or not folder.exists():
        return found
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_bytes())
        recent = data.get("filings", {}).get("recent", data) if isinstance(data, dict) else {}
        for accn, filed in zip(recent.get("accessionNumber", []), recent.get("filingDate", []), strict=False):
            found[accn] = dt.date.fromisoformat(filed)
    return found


_SIGNED = re.compile(r"\bDate:\s*((?:January|February|March|April|May|June|July|August|September|October|"
                     r"November|December) \d{1,2}, \d{4})")


def filing_dates(data_dir: Path | None) -> dict[str, dt.date]:
    """'edgar/filings/<file>' → the day after its signatures are dated ("Date: September 10, 2024" under
    Oracle's Q1 FY2025 10-Q): a 10-Q or 10-K is filed the day it is signed or the next (Alphabet's 2024 10-K,
    signed February 4, was filed February 5), so rows citing the file are public by then."""
    import html

    found: dict[str, dt.date] = {}
    folder = data_dir / "edgar" / "filings" if data_dir else None
    if folder is None or not folder.exists():
        return found
    for path in sorted(folder.glob("*.htm*")):
        tail = path.read_text(encoding="utf-8", errors="ignore")[-40_000:]  # the signatures close the document
        words = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", tail)))
        dates = _SIGNED.findall(words)
        if dates:
            signed = dt.datetime.strptime(dates[-1], "%B %d, %Y").date()
            found[f"edgar/filings/{path.name}"] = signed + dt.timedelta(days=1)
    return found


def filed_no_later_than(accn: str, known: dict[str, dt.date]) -> tuple[dt.date, str] | None:
    """An upper bound on the day an accession not in the submissions was filed: a filing agent numbers its
    accessions in order within a year (0001104659-26-094568 before 0001104659-26-094844, filed 2026-08-12), so
    the earliest filing day of a later number from the same agent and year bounds it."""
    agent, year, seq = accn.split("-")
    later = [(day, other) for other, day in known.items()
             if other.startswith(f"{agent}-{year}-") and other.split("-")[2] >= seq]
    return min(later) if later else None


def accessions_in(text: str) -> list[str]:
    out = []
    for m in _ACCESSION.finditer(text):
        raw = m[1] or f"{m[2][:10]}-{m[2][10:12]}-{m[2][12:]}"
        out.append(raw)
    return out


def quote_dates(path: Path) -> dict[str, dt.date]:
    """primary URL → the day a quoted document is dated (skipping quotes dated by period end)."""
    out: dict[str, dt.date] = {}
    for line, row in _rows(path, QUOTE_COLUMNS):
        day = _date(row["date"], f"{path}: row {line}")
        if row["primary_url"] and not _dated_by_period_end(row, day):
            out.setdefault(row["primary_url"], day)
    return out


def public_date(day: dt.date, period: Period, text: str, known: dict[str, dt.date],
                url: str = "", results: curated_results.Results | None = None) -> tuple[dt.date, str, str | None]:
    """(filed, how it was determined, flag) for one curated row; see docs/data.md.

    `period` is the row's own period column (for a target or guidance, the report it came with).
    """
    if m := _FILED.search(text):
        return dt.date.fromisoformat(m[1]), "public date: 'filed' in the source text", None
    for accn in accessions_in(text):
        if accn in known:
            return known[accn], f"public date: SEC submissions, accession {accn}", None
    if url in known and known[url] > period.end:
        return known[url], f"public date: the quoted document at {url}", None
    if day != period.end:  # after the period: a report date; before it: guidance announced that day
        return day, "public date: the row's date (announcement)", None
    if results is not None:  # the figure is in the results the company released for this period
        return results.public, f"public date: the company's results day for the period ({results.how})", None
    for accn in accessions_in(text):
        bound = filed_no_later_than(accn, known)
        if bound is not None and bound[0] > period.end:
            return bound[0], (f"public date: no later than {bound[0]}, when the filing agent's later accession "
                              f"{bound[1]} was filed (accession numbers rise with time)"), None
    shape = "year" if period.start is not None and (period.end - period.start).days > 120 else "quarter"
    lag = ESTIMATE_DAYS[shape]
    return (period.end + dt.timedelta(days=lag), f"public date estimated: period end + {lag} days",
            "public_date_estimated")


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    return textfile.csv_records(path, columns)


def _date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def _company(ticker: str, where: str) -> universe.Company:
    try:
        return universe.get(ticker)
    except InputError:
        raise InputError(f"{where}: unknown ticker {ticker!r}") from None


def fact_row(row: dict[str, str], where: str, known: dict[str, dt.date], origin: str,
             calendar: list[curated_results.Results] | None = None) -> list[dict[str, Any]]:
    """Validate one row of a facts CSV and turn it into store rows (two for a 'low = …, high = …' note)."""
    day = _date(row["date"], where)
    company = _company(row["ticker"], where)
    if row["unit"] not in UNITS:
        raise InputError(f"{where}: unknown unit {row['unit']!r}; known: {', '.join(UNITS)}")
    unit, scale = UNITS[row["unit"]]
    period = curated_periods.parse(row["period"], day, company.fiscal_year_end)
    mapped = map_metric(row["metric"], period, day, company.fiscal_year_end)
    if mapped is None:
        if period is None and row["metric"] in DIRECT:
            raise InputError(f"{where}: cannot map period {row['period']!r} of metric {row['metric']!r}")
        raise InputError(f"{where}: cannot map metric {row['metric']!r} to the store vocabulary")
    if unit == "text" and mapped.metric != "statement":
        raise InputError(f"{where}: unit 'text' for the numeric metric {row['metric']!r}")
    text_value = mapped.metric == "statement"
    value: float | None = None
    if not text_value:
        try:
            value = float(row["value"].replace(",", "")) * scale
        except ValueError:
            raise InputError(f"{where}: value {row['value']!r} is not a number") from None
    context = " ".join((row["source"], row["source_url"], row["notes"]))
    about = period or mapped.period
    found = curated_results.results_for(calendar or [], company.ticker, about.end) if about.start else None
    filed, how, flag = public_date(day, about, context, known, row["source_url"] or row["seen_via"], found)
    text = None
    if text_value:
        text = f"{row['metric']}: {row['value']} {'' if unit == 'text' else row['unit']}".strip()
        text += f" ({row['period']}) — {row['source']}" if row["source"] else f" ({row['period']})"
    base = _base(company, mapped, origin)
    base.update(value=value, text=text, unit="text" if text_value else unit, filed=filed, flag=flag,
                method=f"{row['source_type']}; {how}", url=row["source_url"] or None,
                accession=next(iter(accessions_in(context)), None),
                note="; ".join(p for p in (_source_note(row, text_value), row["notes"],
                                           f"seen via {row['seen_via']}" if row["seen_via"] else "",
                                           f"csv metric {row['metric']}") if p))
    base["fact_key"] = fact_key(company.ticker, mapped.metric, base["period_start"], base["period_end"],
                                "curated", filed, row["metric"], row["value"], row["source"])
    out = [base]
    if mapped.metric == "capex_guidance_low" and (m := _HIGH_NOTE.search(row["notes"])):
        high = {**base, "metric": "capex_guidance_high", "value": float(m[1]) * 1e9,
                "method": base["method"] + "; high end from the row's note"}
        high["fact_key"] = fact_key(base["fact_key"], "high")
        out.append(high)
    for r in out:
        validate.check_row("facts", r, where)
    return out


def _source_note(row: dict[str, str], text_value: bool) -> str:
    """The source column's words (a prior range, the reason for a cut) kept on numeric rows; a
    statement already carries them in its text."""
    return f"source: {row['source']}" if row["source"] and not text_value else ""


def _base(company: universe.Company, mapped: Mapped, origin: str) -> dict[str, Any]:
    p = mapped.period
    label = p.label or periods.fiscal_period(p.start, p.end, company.fiscal_year_end)
    return {"ticker": company.ticker, "metric": mapped.metric, "period_start": p.start, "period_end": p.end,
            "fiscal_period": label, "calendar_quarter": periods.calendar_quarter(p.start, p.end),
            "kind": "curated", "tag": None, "source": f"curated:{origin}", "form": None, "fetched_at": None}


def _dated_by_period_end(row: dict[str, str], day: dt.date) -> bool:
    """A quote dated by its period's end rather than by the day it became public: said so in the row, or
    a 10-Q/10-K whose document name carries the row's date (goog-20260630.htm is filed weeks after June 30)."""
    periodic = re.match(r"10-[QK]\b", row["document"]) is not None
    return (re.search(r"date column = fiscal (?:period|quarter) end", row["verbatim_confidence"]) is not None
            or periodic and day.strftime("%Y%m%d") in row["primary_url"])


def _quote_public_date(row: dict[str, str], day: dt.date,
                       known: dict[str, dt.date]) -> tuple[dt.date, str, str | None]:
    if not _dated_by_period_end(row, day):
        return day, "public date: the row's date (document date)", None
    if known.get(row["seen_via"], day) > day:
        return known[row["seen_via"]], f"public date: the day after the signatures of {row['seen_via']}", None
    for accn in accessions_in(row["document"] + " " + row["primary_url"]):
        if accn in known:
            return known[accn], f"public date: SEC submissions, accession {accn}", None
        bound = filed_no_later_than(accn, known)
        if bound is not None and bound[0] > day:
            how = f"public date: no later than {bound[0]} (the filing agent's later accession {bound[1]})"
            return bound[0], how, None
    lag = ESTIMATE_DAYS["year" if row["document"].startswith("10-K") else "quarter"]
    return day + dt.timedelta(days=lag), f"public date estimated: period end + {lag} days", "public_date_estimated"


def quote_row(row: dict[str, str], where: str, origin: str,
              known: dict[str, dt.date] | None = None) -> dict[str, Any]:
    """A verbatim guidance/backlog sentence → a `statement` row (value NULL, text = the quote)."""
    day = _date(row["date"], where)
    company = _company(row["ticker"], where)
    if not row["quote"]:
        raise InputError(f"{where}: empty quote")
    confidence = row["verbatim_confidence"]
    filed, how, flag = _quote_public_date(row, day, known or {})
    out = {"fact_key": fact_key(company.ticker, "statement", day, row["quote"]),
            "ticker": company.ticker, "metric": "statement", "period_start": None, "period_end": day,
            "fiscal_period": None, "calendar_quarter": None, "value": None, "text": row["quote"],
            "unit": "text", "kind": "curated", "method": f"quote from {row['document']}; {how}",
            "tag": "quote", "source": f"curated:{origin}", "url": row["primary_url"] or None,
            "accession": next(iter(accessions_in(row["document"] + " " + row["primary_url"])), None),
            "form": row["document"], "filed": filed, "fetched_at": None, "flag": flag,
            "note": "; ".join(p for p in (confidence, f"seen via {row['seen_via']}") if p)}
    validate.check_row("facts", out, where)
    return out


def read_facts(path: Path, known: dict[str, dt.date] | None = None,
               calendar: list[curated_results.Results] | None = None) -> list[dict[str, Any]]:
    """Validate a whole facts CSV; raise InputError on the first bad row, return rows otherwise."""
    known = known or {}
    out: list[dict[str, Any]] = []
    for line, row in _rows(path, FACT_COLUMNS):
        out.extend(fact_row(row, f"{path}: row {line}", known, path.name, calendar))
    out += (curated_priors.prior_rows(out) + curated_derived.derived_quarters(out)
            + curated_derived.derived_parts(out))
    return _drop_repeated_highs(out)


def _drop_repeated_highs(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A high end read from a note is dropped when the file also states it as a row of its own."""
    stated = {(r["ticker"], r["period_end"], r["filed"]) for r in rows
              if r["metric"] == "capex_guidance_high" and not r["method"].endswith("note")}
    return [r for r in rows if not (r["method"].endswith("note")
                                    and (r["ticker"], r["period_end"], r["filed"]) in stated)]


def read_quotes(path: Path, known: dict[str, dt.date] | None = None) -> list[dict[str, Any]]:
    rows = [quote_row(row, f"{path}: row {line}", path.name, known) for line, row in _rows(path, QUOTE_COLUMNS)]
    return rows + curated_derived.years_in_a_quote(rows)


def read_any(path: Path, known: dict[str, dt.date] | None = None) -> list[dict[str, Any]]:
    """A facts CSV or a quotes CSV, told apart by their columns."""
    header = textfile.csv_header(path)
    rows = read_quotes(path, known) if "quote" in header else read_facts(path, known)
    if not rows:
        raise InputError(f"{path}: no rows")
    return rows


def stored_filing_dates(store: Store) -> dict[str, dt.date]:
    """accession → filing date from the SEC submissions a refresh stored (meta 'sec_submissions:*')."""
    found: dict[str, dt.date] = {}
    for row in store.query("SELECT key FROM meta WHERE key LIKE 'sec_submissions:%'"):
        for filing in store.get_meta(row["key"]) or []:
            found[filing["accession"]] = dt.date.fromisoformat(filing["filed"])
    return found


def load_file(store: Store, path: Path, data_dir: Path | None = None) -> dict[str, int]:
    """Validate every row, then write them (nothing is written when one row is bad). Call it inside
    `store.writing()` (the CLI does) so the write itself is one transaction under the lock."""
    rows = read_any(path, {**stored_filing_dates(store), **accession_dates(data_dir), **filing_dates(data_dir)})
    inserted, changed = store.upsert("facts", rows)
    return {"rows": len(rows), "inserted": inserted, "changed": changed}


def load_raw(store: Store, data_dir: Path) -> dict[str, Any]:
    """Snapshot loader: both curated CSVs of data/facts."""
    accessions, filings = accession_dates(data_dir), filing_dates(data_dir)  # read once: the filings are megabytes
    known = {**accessions, **quote_dates(data_dir / "facts" / QUOTES_FILE), **filings}
    calendar = curated_results.results_calendar(data_dir)
    rows = (read_facts(data_dir / "facts" / FACTS_FILE, known, calendar)
            + read_quotes(data_dir / "facts" / QUOTES_FILE, {**accessions, **filings}))
    store.upsert("facts", rows)
    by_ticker: dict[str, list[str]] = {}
    for r in rows:
        by_ticker.setdefault(r["ticker"], []).append(r["metric"])
    return {"rows": len(rows), "estimated_public_dates": sum(1 for r in rows if r["flag"]),
            "metrics": {t: sorted(set(m)) for t, m in sorted(by_ticker.items())}}
