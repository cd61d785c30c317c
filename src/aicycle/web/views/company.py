"""A company page: capex, guidance, backlog and what management said, over time."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from aicycle import universe
from aicycle.web import adapters
from aicycle.web.context import web
from aicycle.web.figures import line_figure
from aicycle.web.views.params import as_of_query
from aicycle.web.views.params import company as company_param

router = APIRouter()


@router.get("/company", response_class=HTMLResponse)
def companies(request: Request) -> HTMLResponse:
    """Each company with what the store actually holds for it (not only what the universe plans)."""
    w = web(request)
    with w.source.open() as store:
        held = {r["ticker"]: r for r in store.query(
            "SELECT ticker, count(*) FILTER (WHERE kind IN ('reported', 'derived')) AS filed, "
            "count(*) FILTER (WHERE kind = 'curated') AS curated FROM facts GROUP BY ticker")}
    rows = [{"company": c, "coverage": _coverage(c, held.get(c.ticker))} for c in universe.companies()]
    return w.page(request, "companies.html", rows=rows)


def _coverage(c: universe.Company, held: dict[str, Any] | None) -> str:
    filed, curated = (held or {}).get("filed") or 0, (held or {}).get("curated") or 0
    if filed:
        return f"SEC filings: {filed:,} figures" + (f", {curated:,} curated" if curated else "")
    planned = " (SEC companyfacts after `aicycle refresh`)" if c.coverage == "sec_companyfacts" else ""
    return (f"curated figures only: {curated:,}{planned}" if curated else f"no figures stored{planned}")


# One page of the documents and of the figures table: a company with thousands stays fast.
DOCUMENTS_PER_PAGE = 20
ROWS_PER_PAGE = 50


@router.get("/company/{ticker}", response_class=HTMLResponse)
def company(request: Request, ticker: str,
            as_of: Annotated[dt.date | None, Depends(as_of_query)],
            page: Annotated[int, Query(ge=1, le=100_000, description="Page of documents and figures.")] = 1,
            ) -> HTMLResponse:
    found = company_param(ticker)
    w = web(request)
    with w.source.open() as store:
        data = adapters.company(store, found.ticker, as_of)
        documents_total = store.count("documents")
    figures = _figures(data["series"], found.currency) + _tone_figures(data["tone"] or [])
    rows = [r for name, metric in data["series"].items() if name != "capex_annual" for r in metric]
    rows.sort(key=lambda r: (str(r.get("period_end")), str(r.get("metric"))), reverse=True)
    pages = max(1, -(-len(data["documents"]) // DOCUMENTS_PER_PAGE), -(-len(rows) // ROWS_PER_PAGE))
    data["documents"] = _page(data["documents"], page, DOCUMENTS_PER_PAGE)
    return w.page(request, "company.html", company=found, data=data, figures=figures,
                  rows=_page(rows, page, ROWS_PER_PAGE), as_of=as_of, documents_total=documents_total,
                  page=min(page, pages), pages=pages)


def _page(items: list[Any], page: int, size: int) -> list[Any]:
    return items[(page - 1) * size: page * size]


def _figures(series: dict[str, list[dict[str, Any]]], currency: str) -> list[dict[str, Any]]:
    out = []
    quarterly = {m: _points(series.get(m, []), quarters_only=True)
                 for m in adapters.COMPANY_METRICS["capex"]}
    if any(quarterly.values()):
        out.append(line_figure("Quarterly capex", quarterly, currency, kind="bar"))
    guided = {m.removeprefix("capex_guidance_"): _by_year(_points(series.get(m, [])))
              for m in adapters.COMPANY_METRICS["guidance"]}
    if any(guided.values()):
        guided["actual (annual capex)"] = _by_year(_points(series.get("capex_annual", []), annual_only=True))
        fig = line_figure("Capex guidance (latest public) and actual capex, by year", guided, currency)
        for trace in fig["data"]:
            trace["mode"] = "markers"
            trace["marker"] = {"size": 11}
        fig["layout"]["xaxis"] = {"type": "category", "categoryorder": "category ascending"}
        fig["layout"]["yaxis"]["rangemode"] = "tozero"
        out.append(fig)
    backlog = {m: _points(series.get(m, [])) for m in adapters.COMPANY_METRICS["backlog"]
               if m != "contracted_power_mw"}
    if any(backlog.values()):
        out.append(line_figure("Backlog and remaining performance obligations", backlog, currency))
    power = _points(series.get("contracted_power_mw", []))
    if power:
        out.append(line_figure("Contracted power", {"contracted_power_mw": power}, "MW"))
    return out


KIND_ORDER = {"reported": 0, "derived": 1, "curated": 2}


def _tone_figures(quarters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    scored = [{"x": q["period"], "y": q["score"]} for q in quarters if q.get("score") is not None]
    if not scored:
        return []
    fig = line_figure("Capex language: stance score by quarter (−1 cut … +1 expand)",
                      {"stance score": scored}, "score")
    fig["layout"]["yaxis"]["range"] = [-1.05, 1.05]
    fig["layout"]["xaxis"] = {"type": "category"}
    return [fig]


def _points(rows: list[dict[str, Any]], *, quarters_only: bool = False, annual_only: bool = False,
            by: str = "period_end") -> list[dict[str, Any]]:
    """One point per period: a filed (reported/derived) value wins over a curated copy of it."""
    points = []
    seen: set[object] = set()
    for r in sorted(rows, key=lambda r: KIND_ORDER.get(str(r.get("kind")), 3)):
        if r.get(by) in seen:
            continue
        days = _days(r)
        if quarters_only and not (days is not None and 80 <= days <= 100):
            continue  # a year or a year-to-date value is not a quarter
        if annual_only and not (days is not None and 350 <= days <= 380):
            continue
        if r.get("value") is not None:
            seen.add(r.get(by))
            points.append({"x": r.get(by), "y": r["value"]})
    return sorted(points, key=lambda p: str(p["x"]))


def _by_year(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fiscal years as categories ("2026"): one year alone must not zoom the axis to milliseconds."""
    return [{"x": str(p["x"].year) if hasattr(p["x"], "year") else str(p["x"])[:4], "y": p["y"]} for p in points]


def _days(row: dict[str, Any]) -> int | None:
    start, end = row.get("period_start"), row.get("period_end")
    if start is None or end is None:
        return None
    return (end - start).days if hasattr(end, "toordinal") else None
