"""`aicycle refresh`: pluggable live refreshers, one failing company never failing the run.

A refresher is `fn(writer, progress, options) -> summary`: it fetches and parses everything first,
then writes in one transaction through `writer()` (the locked `store.writing()` by default). Other
areas register theirs with one line in REFRESHERS. A summary is
{"ok": [...], "failed": {name: reason}, "changes": {name: {"inserted": n, "changed": m}}}.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from aicycle import universe
from aicycle.errors import AicycleError, ConfigError, InputError
from aicycle.store import Store, writing

Writer = Callable[[], AbstractContextManager[Store]]
Refresher = Callable[[Writer, Progress, dict[str, Any]], dict[str, Any]]


def refresh_sec(writer: Writer, progress: Progress, options: dict[str, Any]) -> dict[str, Any]:
    """SEC companyfacts + submissions for every SEC filer of the universe (or options['tickers'])."""
    from aicycle.sec import companyfacts, edgar_facts
    from aicycle.sec.client import SecClient, SecConfig

    companies = _companies(options.get("tickers"))
    cfg = options.get("sec_config") or SecConfig.from_settings()
    fetched_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    rows: dict[str, list[dict[str, Any]]] = {}
    meta: dict[str, Any] = {}
    failed: dict[str, str] = {}
    task = progress.add_task("SEC companyfacts + submissions", total=len(companies))
    with SecClient(cfg, transport=options.get("transport")) as client:
        for company in companies:
            progress.update(task, description=f"SEC companyfacts + submissions: {company.ticker}")
            try:
                body, _ = client.get_json(client.companyfacts_path(company.cik))  # type: ignore[arg-type]
                cf = companyfacts.parse(body, origin=f"{cfg.base_url}{client.companyfacts_path(company.cik)}",  # type: ignore[arg-type]
                                        expected_cik=company.cik)
                rows[company.ticker] = edgar_facts.fact_rows(cf, company.ticker, fetched_at=fetched_at,
                                                             note="live refresh")
            except AicycleError as exc:
                failed[company.ticker] = str(exc)
            try:  # filings list: useful for public dates, but not worth failing the company's facts
                _, subs = client.get_json(client.submissions_path(company.cik))  # type: ignore[arg-type]
                meta[f"sec_submissions:{company.ticker}"] = _filings(subs, company)
            except AicycleError as exc:
                failed[f"{company.ticker} submissions"] = str(exc)
            progress.advance(task)
    changes: dict[str, dict[str, int]] = {}
    if rows:
        with writer() as store:  # one transaction: all parsed companies or nothing
            for ticker, company_rows in rows.items():
                inserted, changed = store.upsert("facts", company_rows)
                changes[ticker] = {"inserted": inserted, "changed": changed}
            for key, value in meta.items():
                if store.get_meta(key) != value:
                    store.set_meta(key, value)
    return {"ok": sorted(rows), "failed": failed, "changes": changes, "requests": client.attempts_made}


def _companies(tickers: list[str] | None) -> list[universe.Company]:
    filers = universe.sec_filers()
    if not tickers:
        return list(filers)
    wanted = [universe.get(t) for t in tickers]
    for company in wanted:
        if company.coverage != "sec_companyfacts":
            raise InputError(f"{company.ticker} is not an SEC companyfacts filer (coverage: {company.coverage})")
    return wanted


def _filings(subs: Any, company: universe.Company) -> list[dict[str, str]]:
    """Periodic reports and earnings 8-Ks from a submissions document (after checking its CIK)."""
    from aicycle.errors import DataError

    if not isinstance(subs, dict) or int(subs.get("cik", -1)) != company.cik_int:
        raise DataError(f"submissions for {company.ticker}: CIK {subs.get('cik') if isinstance(subs, dict) else '?'} "
                        f"is not {company.cik_int}")
    recent = subs.get("filings", {}).get("recent", {})
    keep = ("10-K", "10-Q", "20-F", "6-K", "8-K", "10-K/A", "10-Q/A")
    out = []
    for i, form in enumerate(recent.get("form", [])):
        if form in keep and (form != "8-K" or "2.02" in (recent["items"][i] or "")):
            out.append({"form": form, "accession": recent["accessionNumber"][i],
                        "filed": recent["filingDate"][i], "report_date": recent["reportDate"][i]})
    return out


def refresh_releases(writer: Writer, progress: Progress, options: dict[str, Any]) -> dict[str, Any]:
    """Earnings releases (EX-99.1 of Item 2.02 8-Ks) of every SEC filer, the newest few per company."""
    from aicycle import config
    from aicycle.language.scans import remember as remember_scans
    from aicycle.sec.client import SecClient, SecConfig
    from aicycle.sec.outlook import guidance_facts
    from aicycle.sec.releases import SOURCE, collect

    companies = _companies(options.get("tickers"))
    cfg = options.get("sec_config") or SecConfig.from_settings()
    limit = int(options.get("releases_per_company") or config.float_setting("sec_releases_per_company"))
    if limit < 1:
        raise ConfigError("AICYCLE_SEC_RELEASES_PER_COMPANY must be at least 1")
    with writer() as store:  # what is stored already: never fetched twice
        stored = store.query("SELECT ticker, accession, date FROM documents WHERE kind = 'release'")
    task = progress.add_task("SEC earnings releases (8-K EX-99.1)", total=len(companies))
    with SecClient(cfg, transport=options.get("transport")) as client:
        rows, failed, skipped = collect(client, companies, stored, limit, lambda: progress.advance(task))
    changes: dict[str, dict[str, int]] = {}
    if any(rows.values()):
        with writer() as store:  # one transaction: every release fetched, or none
            for ticker, releases in rows.items():
                if releases:
                    inserted, changed = store.upsert("documents", releases)
                    remember_scans(store, releases)  # pages read the summary, never rescan
                    changes[ticker] = {"inserted": inserted, "changed": changed}
                    # the capex guide a release states becomes a derived fact with it (sec/outlook.py)
                    guides = [row for release in releases for row in guidance_facts(release)]
                    if guides:
                        changes[f"{ticker} capex guidance"] = dict(zip(("inserted", "changed"),
                                                                       store.upsert("facts", guides), strict=True))
    return {"ok": sorted(rows), "failed": failed, "skipped": skipped, "changes": changes,
            "source": SOURCE, "requests": client.attempts_made}


def refresh_gpu_prices(writer: Writer, progress: Progress, options: dict[str, Any]) -> dict[str, Any]:
    """One dated snapshot of every configured GPU-price provider (vast.ai needs no key)."""
    from aicycle.gpu.refresh import refresh_gpu

    task = progress.add_task("GPU rental prices", total=1)
    with writer() as store:
        result = refresh_gpu(store)
    progress.advance(task)
    providers = result["providers"]
    return {
        "ok": [p["provider"] for p in providers if p["status"] == "ok"],
        "failed": {p["provider"]: p["detail"] for p in providers if p["status"] == "error"},
        "skipped": {p["provider"]: p["detail"] for p in providers if p["status"] not in ("ok", "error")},
        "changes": {"gpu_prices": {"inserted": result["rows_inserted"], "changed": result["rows_changed"]}},
    }


def refresh_daily_prices(writer: Writer, progress: Progress, options: dict[str, Any]) -> dict[str, Any]:
    """Daily prices of the universe and the market ETFs, as their own `yahoo_chart` series."""
    from aicycle.market.prices import refresh_prices

    task = progress.add_task("Daily prices", total=1)
    with writer() as store:
        result = refresh_prices(store, options.get("tickers") or None)
    progress.advance(task)
    tickers = result["tickers"]
    return {
        "ok": [t for t, r in tickers.items() if r["status"] == "ok"],
        "failed": {t: r["error"] for t, r in tickers.items() if r["status"] != "ok"},
        "changes": {t: {"inserted": r["inserted"], "changed": r["changed"]}
                    for t, r in tickers.items() if r["status"] == "ok"},
    }


REFRESHERS: dict[str, Refresher] = {
    "sec": refresh_sec,
    "releases": refresh_releases,
    "gpu": refresh_gpu_prices,
    "prices": refresh_daily_prices,
}


def run(only: list[str] | None = None, tickers: list[str] | None = None, *,
        writer: Writer = writing, options: dict[str, Any] | None = None,
        console: Console | None = None) -> dict[str, Any]:
    names = only or list(REFRESHERS)
    unknown = [n for n in names if n not in REFRESHERS]
    if unknown:
        raise InputError(f"--only: unknown source(s) {', '.join(unknown)}; known: {', '.join(REFRESHERS)}")
    _check_tickers(tickers)
    opts = {**(options or {}), "tickers": tickers}
    sources: dict[str, Any] = {}
    with _progress(console or Console(stderr=True)) as progress:
        overall = progress.add_task(f"{len(names)} source(s)", total=len(names))
        for name in names:
            started = time.monotonic()
            progress.update(overall, description=f"source {name}")
            try:
                sources[name] = REFRESHERS[name](writer, progress, opts)
            except ConfigError:
                raise  # e.g. no SEC User-Agent: refuse, and say how to set it
            except AicycleError as exc:  # the whole source failed; the other sources go on
                sources[name] = {"ok": [], "failed": {"*": str(exc)}, "changes": {}}
            progress.console.print(status_line(name, sources[name], time.monotonic() - started), highlight=False)
            progress.advance(overall)
    failed_all = all(not s["ok"] for s in sources.values())
    return {"sources": sources, "failed_all": failed_all}


def _progress(console: Console) -> Progress:
    """A bar per source (items done of all, time spent); each source's status line stays above it."""
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=24),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True)


def status_line(name: str, result: dict[str, Any], seconds: float) -> str:
    """`✓ sec: 12 ok, 0 failed, 40 new rows, 2 changed (3.1 s)`, red when the source failed entirely."""
    changes = result.get("changes", {}).values()
    new, changed = sum(c["inserted"] for c in changes), sum(c["changed"] for c in changes)
    mark = "[green]✓[/]" if result["ok"] else "[red]✗[/]"
    return (f"{mark} [bold]{name}[/]: {len(result['ok'])} ok, {len(result['failed'])} failed, {new} new rows, "
            f"{changed} changed ({seconds:.1f} s)")


def summary_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per source and item that changed or failed (csv / parquet)."""
    rows = []
    for name, result in summary["sources"].items():
        for key, change in result.get("changes", {}).items():
            rows.append({"source": name, "item": key, "status": "ok", "inserted": change["inserted"],
                         "changed": change["changed"], "detail": None})
        for key, reason in result["failed"].items():
            rows.append({"source": name, "item": key, "status": "failed", "inserted": 0, "changed": 0,
                         "detail": reason})
        for key, note in result.get("skipped", {}).items():
            rows.append({"source": name, "item": key, "status": "skipped", "inserted": 0, "changed": 0,
                         "detail": note})
    return rows


def _check_tickers(tickers: list[str] | None) -> None:
    """An unknown --ticker is a usage error (exit 2) before anything is fetched, not a failed source."""
    from aicycle.market.groups import groups
    from aicycle.rules import CALENDAR_BENCHMARKS

    known = list(dict.fromkeys([*groups()["all"], *CALENDAR_BENCHMARKS, "SPY", "SOXX", "SMH"]))
    unknown = [t for t in tickers or [] if t.strip().upper() not in known]
    if unknown:
        raise InputError(f"--ticker: unknown ticker(s) {', '.join(map(repr, unknown))}; known: {', '.join(known)}")


def print_summary(summary: dict[str, Any], console: Console) -> None:
    for name, result in summary["sources"].items():
        changes = result.get("changes", {})
        total_new = sum(c["inserted"] for c in changes.values())
        total_changed = sum(c["changed"] for c in changes.values())
        console.print(f"[bold]{name}[/]: {len(result['ok'])} ok, {len(result['failed'])} failed, "
                      f"{total_new} new rows, {total_changed} changed")
        for key, change in changes.items():
            if change["inserted"] or change["changed"]:
                console.print(f"  {key}: +{change['inserted']} new, {change['changed']} changed")
        for key, reason in result["failed"].items():
            console.print(f"  [red]{key} failed[/]: {escape(reason)}", highlight=False, overflow="fold")
        for key, note in result.get("skipped", {}).items():
            console.print(f"  {key} skipped: {escape(note)}", highlight=False, overflow="fold")
    if not any(c["inserted"] or c["changed"] for r in summary["sources"].values()
               for c in r.get("changes", {}).values()):
        console.print("nothing changed")
