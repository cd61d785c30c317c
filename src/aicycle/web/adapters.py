"""Thin adapters: each page calls one function from a domain module, or learns it is not there yet.

The dashboard was built while the report, rumor-check and economics modules landed. A page whose
module is missing shows "not available yet" (HTTP 503) instead of failing; every other error
surfaces as usual.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from aicycle.errors import InputError
from aicycle.store import Store


class NotAvailable(Exception):
    """A domain module this page needs has not been installed in this build yet."""

    def __init__(self, feature: str) -> None:
        super().__init__(f"{feature} is not available yet in this build")
        self.feature = feature


def optional(module: str, attr: str) -> Any:
    """`module.attr` if the module exists, else None (a bug inside the module still raises)."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            return None
        raise
    return getattr(mod, attr, None)


def _need(module: str, attr: str, feature: str) -> Callable[..., Any]:
    func = optional(module, attr)
    if func is None:
        raise NotAvailable(feature)
    return func


def report(store: Store, as_of: dt.date | None) -> Any:
    """The cycle report (aicycle.cycle.Report) as of a date."""
    build = _need("aicycle.cycle", "build_report", "The cycle report")
    return build(store, as_of)


def checkpoint_card(reading: Any) -> Markup:
    """One checkpoint card, rendered by the HTML report's own code (state, charts, evidence)."""
    render = _need("aicycle.render.html", "render_checkpoint", "The checkpoint cards")
    return Markup(render(reading))


def report_stylesheet() -> str:
    """The HTML report's stylesheet, served as a file so the pages need no inline <style>."""
    from aicycle.render.html import report_css

    return str(report_css()).strip() + "\n"


def state_colours() -> dict[str, str]:
    """The report's colour per state: cards carry it in a style attribute (allowed by hash)."""
    colours = optional("aicycle.render.html", "STATE_COLOURS")
    return dict(colours) if isinstance(colours, dict) else {}


def rumor_check(store: Store, claim: str, as_of: dt.date | None) -> dict[str, Any]:
    check = _need("aicycle.rumor", "check", "The rumor check")
    return check(store, claim, as_of)


def economics(name: str, overrides: dict[str, float]) -> dict[str, Any]:
    run = _need("aicycle.economics", "run_scenario", "The economics model")
    try:
        return run(name, overrides)
    except InputError as exc:  # the model names inputs as the CLI's --set; here they are form fields
        raise InputError(str(exc).replace("--set ", "")) from None


def scenario_names() -> tuple[str, ...]:
    """The shipped scenario names: the only names a request may ask for."""
    catalog = _need("aicycle.economics", "list_scenarios", "The economics model")
    return tuple(sorted(str(s["name"]) for s in catalog()))


def economics_view(result: dict[str, Any]) -> dict[str, Any]:
    """What the economics page shows beside the raw result: the headline table, the input specs
    (unit and help per input) and the figures, from the economics module's own builders."""
    from aicycle.economics import html, inputs

    specs = {s.name: s for s in inputs.SPECS}
    figures = getattr(html, "figures", None)
    if figures is not None:
        built = figures(result)
    else:  # the page builders of economics/html.py, before it exposes a figure list
        import plotly.graph_objects as go

        built = [html._cash_flow_figure(go, result), html._tornado_figure(go, result),
                 html._lease_figure(go, result)]
    return {"headline": html.headline(result), "specs": specs, "figures": built}


def fact_series(store: Store, ticker: str, metric: str, as_of: dt.date | None,
                freq: str | None = None) -> list[dict[str, Any]]:
    """One row per period, the latest vintage public by `as_of` (aicycle.facts.series)."""
    series = _need("aicycle.facts", "series", "The facts table")
    return list(series(store, ticker, metric, as_of, freq=freq))


def documents(store: Store, ticker: str, as_of: dt.date | None) -> list[dict[str, Any]]:
    """Transcripts and releases public by `as_of`, newest first (no text: pages link by id).

    The length comes from the kept stance summary: reading a 50 MB text for it would cost the page
    a second. Only documents without one have their text measured.
    """
    kept = bool(store.query("SELECT 1 FROM duckdb_tables() WHERE table_name = 'document_scans'"))
    rows = store.query(
        "SELECT d.doc_id, d.ticker, d.date, d.kind, d.title, d.source, d.url, d.accession, d.flag, "
        + ("max(s.chars) AS chars FROM documents d LEFT JOIN document_scans s ON s.doc_id = d.doc_id "
           if kept else "NULL::BIGINT AS chars FROM documents d ")
        + "WHERE d.ticker = ? AND (? IS NULL OR d.date <= ?) GROUP BY ALL ORDER BY d.date DESC, d.doc_id",
        [ticker, as_of, as_of],
    )
    unmeasured = [r["doc_id"] for r in rows if r["chars"] is None]
    if unmeasured:
        measured = {r["doc_id"]: r["chars"] for r in store.query(
            "SELECT doc_id, length(text) AS chars FROM documents WHERE doc_id IN (SELECT unnest(?))", [unmeasured])}
        for r in rows:
            r["chars"] = measured.get(r["doc_id"], r["chars"])
    return rows


COMPANY_METRICS: dict[str, tuple[str, ...]] = {
    "capex": ("capex", "capex_incl_finance_leases"),
    "guidance": ("capex_guidance_low", "capex_guidance_point", "capex_guidance_high"),
    "backlog": ("rpo", "rpo_commercial", "backlog", "contracted_power_mw"),
}


def company(store: Store, ticker: str, as_of: dt.date | None) -> dict[str, Any]:
    """Everything the company page shows: capex, guidance, backlog series, statements, documents."""
    series = {metric: fact_series(store, ticker, metric, as_of)
              for group in COMPANY_METRICS.values() for metric in group}
    series["capex_annual"] = fact_series(store, ticker, "capex", as_of, freq="year")
    statements = store.query(
        "SELECT filed, period_end, text, source, url, accession, kind, flag FROM facts "
        "WHERE ticker = ? AND metric = 'statement' AND (? IS NULL OR filed <= ?) ORDER BY filed DESC",
        [ticker, as_of, as_of],
    )
    return {"series": series, "statements": statements, "documents": documents(store, ticker, as_of),
            "tone": language_tone(store, ticker, as_of)}


def language_tone(store: Store, ticker: str, as_of: dt.date | None) -> list[dict[str, Any]] | None:
    """Capex language per quarter (stance score, counts, watch terms); None before it is installed."""
    tone = optional("aicycle.language.documents", "tone")
    return None if tone is None else list(tone(store, ticker, as_of))
