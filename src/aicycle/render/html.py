"""The report as one self-contained HTML page (Plotly inline, no network needed to view it).

Jinja2 with autoescape on: every string from the data (headlines, evidence text, sources) is escaped;
chart data goes into `<script type="application/json">` blocks with `<`, `>` and `&` escaped, and
only http(s) URLs become links. `render_checkpoint(reading)` renders one checkpoint card on its own
(the web pages reuse it, with `report_css()` and `figures_js()`); the page includes plotly.js once.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from aicycle.checkpoints.base import Evidence, Metric, Reading
from aicycle.render import charts
from aicycle.render.numbers import fmt
from aicycle.universe import companies

STATE_COLOURS = {"expanding": "#15803d", "steady": "#2563eb", "slowing": "#d97706",
                 "contracting": "#b91c1c", "insufficient_data": "#6b7280"}
EDGAR = "https://www.sec.gov/Archives/edgar/data/{cik}/{folder}/"
EDGAR_SEARCH = "https://www.sec.gov/edgar/search/#/q=%22{accession}%22"


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("aicycle.render", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )
    env.filters["fmt"] = fmt
    env.globals.update(colour=lambda s: STATE_COLOURS.get(s, "#6b7280"), label=state_label,
                       source_url=source_url, json_script=json_script, metric_link=metric_link)
    return env


def render_report(report: Any) -> str:
    """The whole page: verdict banner, one card per checkpoint, plotly.js inline once."""
    cards = [render_checkpoint(r) for r in report.checkpoints]
    return _env().get_template("report.html.j2").render(
        report=report, verdict=report.verdict, cards=cards, readings=report.checkpoints,
        plotly_js=Markup(plotly_js()),
    )


def write_report(report: Any, path: Path) -> None:
    """The page written to `path` whole: a reader never sees a half-written file."""
    from aicycle.outfile import write_text

    write_text(path, render_report(report))


def render_checkpoint(reading: Reading) -> Markup:
    """One checkpoint card (state, headline, charts, metrics, reasoning, evidence) as safe HTML."""
    figs = charts.figures(reading)
    html = _env().get_template("checkpoint.html.j2").render(r=reading, figures=figs)
    return Markup(html)


def report_css() -> Markup:
    """The page's stylesheet (cards, badges, tables), for pages that embed `render_checkpoint` cards."""
    return Markup(_env().loader.get_source(_env(), "report.css")[0])  # type: ignore[union-attr]


def figures_js() -> Markup:
    """The script that draws every `[data-figure]` chart (needs plotly.js loaded before it)."""
    return Markup(_env().loader.get_source(_env(), "report.js")[0])  # type: ignore[union-attr]


@cache
def plotly_js() -> str:
    """The bundled, minified plotly.js (read from the plotly package; never fetched)."""
    path = resources.files("plotly").joinpath("package_data", "plotly.min.js")
    return path.read_text(encoding="utf-8")


def json_script(data: Any) -> Markup:
    """JSON safe inside <script>: no '<', '>' or '&' can close the tag or start markup."""
    text = json.dumps(data, default=str, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def state_label(state: str) -> str:
    return state.replace("_", " ")


@cache
def _ciks() -> dict[str, int]:
    return {co.ticker: co.cik_int for co in companies() if co.cik_int}


def source_url(e: Evidence) -> str | None:
    """The evidence's own URL, else an EDGAR link built from its accession number."""
    if e.url and e.url.lower().startswith(("https://", "http://")):
        return e.url
    if e.accession:
        folder = e.accession.replace("-", "")
        cik = _ciks().get(e.ticker or "")
        if cik and folder.isdigit():
            return EDGAR.format(cik=cik, folder=folder)
        return EDGAR_SEARCH.format(accession=e.accession)
    return None


def metric_link(reading: Reading, m: Metric) -> str | None:
    """Anchor of the evidence item a metric comes from (same company, same period if possible)."""
    ticker = m.name.split(":", 1)[1] if ":" in m.name else None
    best = None
    for i, e in enumerate(reading.evidence):
        if ticker and e.ticker == ticker:
            if m.period and e.period and (m.period in e.period or e.period.endswith(m.period)):
                return f"#ev-{reading.id}-{i}"
            best = best or f"#ev-{reading.id}-{i}"
    return best or (f"#ev-{reading.id}" if reading.evidence else None)
