"""The `aicycle` command line: one module, shared options, every command documented in docs/cli.md.

Each command body stays thin: parse options, call the domain module, render. Errors derived from
`AicycleError` print one clear line on stderr and exit with status 2; nothing is half-written.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from aicycle.errors import AicycleError, InputError

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="aicycle",
    help="Is the AI-infrastructure build-out still expanding? Fundamentals from primary sources.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)


def _fail(message: str, code: int = 2) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
    return typer.Exit(code)


def guarded(func: F) -> F:
    """Turn domain errors into one line on stderr and a non-zero exit (no traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AicycleError as exc:
            raise _fail(str(exc).replace("[", "\\[")) from None
        except KeyboardInterrupt:
            raise _fail("interrupted", 130) from None

    return wrapper  # type: ignore[return-value]


def parse_date(value: str | None, name: str = "--as-of") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


# Shared options (sqlite-utils style): every command that answers "as of D" or prints data uses these.
AsOf = Annotated[str | None, typer.Option("--as-of", help="Use only what was public on this date (YYYY-MM-DD).")]
JsonOut = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
HtmlOut = Annotated[Path | None, typer.Option("--html", help="Write a self-contained HTML page to PATH.")]
Fmt = Annotated[str, typer.Option("--format", help="Output format: table, csv or json.")]


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str, ensure_ascii=False) + "\n")


# --- settings ----------------------------------------------------------------------------------

config_app = typer.Typer(help="Show where aicycle's settings come from.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
@guarded
def config_show(json_out: JsonOut = False) -> None:
    """Every setting, its value (API keys masked) and where it came from: variable, config file or default.

    Example: aicycle config show
    """
    from rich.table import Table

    from aicycle import config

    rows = config.shown()
    if json_out:
        print_json({"config_file": str(config.config_path()), "settings": rows})
        return
    table = Table(title=f"config file: {config.config_path()}", title_justify="left", expand=False)
    for column in ("setting", "value", "from"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["name"], row["value"] if row["value"] is not None else "—", row["from"])
    console.print(table)


# --- data layer: facts, refresh, store ---------------------------------------------------------

store_app = typer.Typer(help="Inspect the local store.", no_args_is_help=True)
app.add_typer(store_app, name="store")


@store_app.command("info")
@guarded
def store_info(json_out: JsonOut = False) -> None:
    """Where the store is, how many rows each table holds, and what the bundled snapshot covers."""
    from aicycle import config
    from aicycle.render.facts import print_store_info
    from aicycle.store import SCHEMA, open_store, snapshot_dir

    with open_store() as s:
        info: dict[str, Any] = {
            "path": str(s.path),
            "tables": {t: s.count(t) for t in SCHEMA},
            "snapshot": _read_manifest(snapshot_dir() / "manifest.json"),
            "home": str(config.home()),
        }
    if json_out:
        print_json(info)
        return
    print_store_info(console, info)


def _read_manifest(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text()) if path.exists() else None


Freq = Annotated[str | None, typer.Option(
    "--freq", help="quarter, year or any (default: quarter for flow metrics, any for the rest).")]


@app.command("facts")
@guarded
def facts_cmd(ticker: str, metric: str, as_of: AsOf = None, fmt: Fmt = "table", freq: Freq = None) -> None:
    """One metric of one company, one row per period, as public on --as-of (default: today)."""
    from aicycle import facts
    from aicycle.render.facts import FACT_COLUMNS, fact_table, write_csv
    from aicycle.store import open_store

    if fmt not in ("table", "csv", "json"):
        raise InputError(f"--format: {fmt!r} is not one of table, csv, json")
    with open_store() as store:
        rows = facts.series(store, ticker, metric, parse_date(as_of), freq=freq)
    out = [{c: r.get(c) for c in FACT_COLUMNS} for r in rows]
    if not out:
        err_console.print(f"no {metric} rows for {ticker.upper()}" + (f" public by {as_of}" if as_of else "")
                          + "; `aicycle store info` shows what the store holds, `aicycle refresh` fetches more",
                          highlight=False, soft_wrap=True)
    if fmt == "json":
        print_json(out)
    elif fmt == "csv":
        write_csv(sys.stdout, out)
    else:
        console.print(fact_table(ticker.upper(), metric, out))


@app.command("load-facts")
@guarded
def load_facts_cmd(path: Path) -> None:
    """Load your own facts CSV into the store: columns date, company, ticker, metric, value, unit, period,
    source_type, source, source_url (docs/data.md says what each holds)."""
    from aicycle.curated import facts as curated
    from aicycle.store import writing

    with writing() as store:
        result = curated.load_file(store, path)
    console.print(f"{path}: {result['rows']} rows ({result['inserted']} new, {result['changed']} changed)",
                  soft_wrap=True, highlight=False)


@app.command("refresh")
@guarded
def refresh_cmd(
    only: Annotated[list[str] | None, typer.Option("--only", help="Refresh only this source (repeatable).")] = None,
    ticker: Annotated[list[str] | None, typer.Option("--ticker", help="Only this company (repeatable).")] = None,
    json_out: JsonOut = False,
) -> None:
    """Fetch the live sources (SEC companyfacts and submissions, ...) and store what changed."""
    from aicycle import refresh

    summary = refresh.run(only=only, tickers=ticker)
    if json_out:
        print_json(summary)
    else:
        refresh.print_summary(summary, console)
    if summary["failed_all"]:
        raise typer.Exit(1)


# --- report -------------------------------------------------------------------------------------


@app.command()
@guarded
def report(as_of: AsOf = None, json_out: JsonOut = False, html: HtmlOut = None) -> None:
    """The cycle report: five checkpoints and one verdict, as a dashboard, --json or --html PATH."""
    from aicycle.cycle import build_report
    from aicycle.store import open_store

    day = parse_date(as_of)
    with open_store() as store:
        result = build_report(store, day)
    if html is not None:
        from aicycle.render.html import write_report

        write_report(result, html)
        err_console.print(f"wrote {html}", highlight=False)
    if json_out:
        print_json(result.to_dict())
    elif html is None:
        from aicycle.render import terminal

        terminal.render(result, console)


# --- gpu ----------------------------------------------------------------------------------------

gpu_app = typer.Typer(help="GPU rental prices: the index, collection from providers, curated imports.",
                      no_args_is_help=True)
app.add_typer(gpu_app, name="gpu")


@gpu_app.command("prices")
@guarded
def gpu_prices(
    sku: Annotated[str | None, typer.Option(
        "--sku", help="A SKU group (H100, H200, B200, A100) or a SKU (H100-SXM).")] = None,
    family: Annotated[str | None, typer.Option("--family", help="marketplace, cloud_list or index.")] = None,
    term: Annotated[str | None, typer.Option("--term", help="on_demand, spot or reserved.")] = None,
    as_of: AsOf = None,
    json_out: JsonOut = False,
) -> None:
    """The GPU price index per SKU, family and term, with its history and trend."""
    from aicycle.gpu import index as gpu_index
    from aicycle.render.gpu_prices import summaries, table
    from aicycle.store import open_store

    group = _gpu_sku_option(sku)
    if family is not None and family not in ("marketplace", "cloud_list", "index"):
        raise InputError(f"--family: {family!r} is not marketplace, cloud_list or index")
    if term is not None and term not in ("on_demand", "spot", "reserved"):
        raise InputError(f"--term: {term!r} is not on_demand, spot or reserved")
    day = parse_date(as_of) or dt.date.today()
    with open_store() as s:
        lines = [ln for ln in gpu_index.lines(s, day, family, group) if term is None or ln.term == term]
    rows = summaries(lines, day)
    if json_out:
        print_json({"as_of": day.isoformat(), "method_version": gpu_index.METHOD_VERSION, "lines": rows})
        return
    if not rows:
        console.print(f"No GPU prices stored for these filters on or before {day}.")
        return
    console.print(table(rows, day))


def _gpu_sku_option(sku: str | None) -> str | None:
    from aicycle.gpu.skus import GROUPS, UNKNOWN, normalize, skus

    if sku is None or sku in GROUPS or sku in skus():
        return sku
    found = normalize(sku)
    if found == UNKNOWN:
        raise InputError(f"--sku: {sku!r} is not a known GPU (groups: {', '.join(GROUPS)})")
    return found


@gpu_app.command("collect")
@guarded
def gpu_collect(json_out: JsonOut = False) -> None:
    """Collect offers from every GPU provider (vast.ai; Lambda, RunPod, Shadeform with a key); store a dated snapshot."""  # noqa: E501 (one help line)
    from aicycle.gpu.refresh import refresh_gpu
    from aicycle.render.gpu_prices import print_collect
    from aicycle.store import writing

    with writing() as s:
        summary = refresh_gpu(s)
    if json_out:
        print_json(summary)
        return
    print_collect(console, summary)


@gpu_app.command("import")
@guarded
def gpu_import(path: Annotated[Path, typer.Argument(help="CSV with columns date, sku, price, term, source, url.")],
               json_out: JsonOut = False) -> None:
    """Import curated GPU price points (published index levels, dated observations) from a CSV."""
    from aicycle.gpu.index import store_index
    from aicycle.gpu.observations import import_csv, read_user_csv
    from aicycle.store import writing

    read_user_csv(path)  # check every row before taking the writer lock
    with writing() as s:
        summary = import_csv(s, path)
        store_index(s)
    if json_out:
        print_json(summary)
        return
    console.print(f"{summary['rows']} rows read, {summary['inserted']} new, {summary['changed']} changed")


# --- language -----------------------------------------------------------------------------------

language_app = typer.Typer(help="Capex language: stance of sentences, documents, tone and the say-do gap.",
                           no_args_is_help=True)
app.add_typer(language_app, name="language")


@app.command("ingest")
@guarded
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Transcript or release files (text or HTML).")],
    company: Annotated[str, typer.Option("--company", help="Ticker the documents belong to.")],
    date: Annotated[str, typer.Option("--date", help="Date the documents became public (YYYY-MM-DD).")],
    kind: Annotated[str, typer.Option("--kind", help="transcript or release.")] = "transcript",
    json_out: JsonOut = False,
) -> None:
    """Store documents (idempotent: the same text is stored once)."""
    from aicycle.language.documents import ingest, validate
    from aicycle.store import writing

    validate(company, date, kind)  # fail before taking the store lock
    with writing() as store:
        result = ingest(store, paths, company, date, kind)
    if json_out:
        print_json(result)
    else:
        console.print(f"{result['documents']} document(s): {result['inserted']} new, {result['changed']} changed")


@language_app.command("classify")
@guarded
def language_classify(
    source: Annotated[str, typer.Argument(
        help="File with one sentence per line or JSONL {id, text}; - for stdin.")] = "-",
    fmt: Annotated[str, typer.Option("--format", help="Output format: jsonl or table.")] = "jsonl",
    backend: Annotated[str, typer.Option("--backend", help="rules (default) or llm (AICYCLE_LLM_BASE_URL).")] = "rules",
) -> None:
    """Label each sentence expand, maintain, moderate, cut or none, with confidence and cues."""
    from aicycle.language.cli_io import classified, read_input
    from aicycle.render.language import classified_table

    if fmt not in ("jsonl", "table"):
        raise InputError(f"--format: {fmt!r} is not jsonl or table")
    rows = classified(read_input(source), source, backend)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    console.print(classified_table(rows))


@language_app.command("scan")
@guarded
def language_scan(
    paths: Annotated[list[Path], typer.Argument(help="Documents to scan (text or HTML).")],
    kind: Annotated[str, typer.Option("--kind", help="transcript, release or text.")] = "transcript",
    examples: Annotated[int, typer.Option("--examples", help="Example sentences per label.")] = 2,
    json_out: JsonOut = False,
) -> None:
    """Per document: sentences, stance counts, stance score and watch-term hits."""
    from aicycle.language.document import scan_document
    from aicycle.language.documents import read_document
    from aicycle.render.language import print_scan

    out = {str(p): scan_document(read_document(p), kind).to_dict(examples=examples) for p in paths}
    if json_out:
        print_json(out)
        return
    print_scan(console, out)


@language_app.command("tone")
@guarded
def language_tone(
    ticker: Annotated[str, typer.Argument(help="Company ticker.")],
    as_of: AsOf = None,
    json_out: JsonOut = False,
) -> None:
    """Stance score per quarter of a company's stored documents and the quarter-over-quarter shift."""
    from aicycle.language.documents import tone
    from aicycle.render.language import print_tone
    from aicycle.store import open_store

    with open_store() as store:
        rows = tone(store, ticker, parse_date(as_of))
    if not rows:
        raise InputError(f"no documents stored for {ticker.upper()}; add some with `aicycle ingest`")
    if json_out:
        print_json(rows)
        return
    print_tone(console, rows)


@language_app.command("saydo")
@guarded
def language_saydo(
    ticker: Annotated[str, typer.Argument(help="Company ticker.")],
    as_of: AsOf = None,
    json_out: JsonOut = False,
) -> None:
    """The say-do gap: capex words against guidance revisions and the reported capex trend."""
    from aicycle.language.saydo import say_do_gap
    from aicycle.store import open_store

    with open_store() as store:
        result = say_do_gap(store, ticker, parse_date(as_of))
    if json_out:
        print_json(result)
        return
    console.print(f"{result['ticker']}: {result['gap']} — {result['explanation']}", highlight=False, markup=False)


@language_app.command("evaluate")
@guarded
def language_evaluate(
    data: Annotated[Path | None, typer.Option("--data", help="Labelled JSONL (id, text, label).")] = None,
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="Also score the LM dictionary.")] = True,
    json_out: JsonOut = False,
) -> None:
    """Per-class precision, recall and macro-F1 on a labelled set, beside the LM baseline."""
    from aicycle.language.evaluate import evaluate, lm_baseline, load_labelled
    from aicycle.render.language import print_evaluation

    path = data or Path(__file__).resolve().parents[2] / "tests" / "data" / "stance_dev.jsonl"
    if not path.is_file():
        raise InputError(f"{path}: no such file (pass --data)")
    rows = load_labelled(path)
    result = {"rules": evaluate(rows)}
    if baseline:
        result["loughran_mcdonald"] = evaluate(rows, lm_baseline())
    if json_out:
        print_json(result)
        return
    print_evaluation(console, result)


# --- rumor check --------------------------------------------------------------------------------


@app.command("check")
@guarded
def check_claim(
    claim: Annotated[str, typer.Argument(help="The headline to check, in quotes.")],
    as_of: AsOf = None,
    json_out: JsonOut = False,
    exit_code: Annotated[bool, typer.Option(
        "--exit-code", help="Exit 0 if supported, 1 if contradicted, 3 if unclear (for scripts).")] = False,
) -> None:
    """Check a headline against what was public on the as-of date: supported, contradicted or unclear."""
    from aicycle.rumor import check
    from aicycle.rumor.render import print_check
    from aicycle.store import open_store

    day = parse_date(as_of)
    with open_store() as store:
        result = check(store, claim, day)
    if json_out:
        print_json(result)
    else:
        print_check(console, result)
    if exit_code:
        raise typer.Exit(VERDICT_EXIT_CODES[result["verdict"]])


# `aicycle check --exit-code`: a verdict as an exit status (2 stays "bad input").
VERDICT_EXIT_CODES = {"supported": 0, "contradicted": 1, "unclear": 3}

# --- economics ----------------------------------------------------------------------------------


@app.command("economics")
@guarded
def economics(
    items: Annotated[list[str] | None, typer.Argument(
        help="A scenario name or PATH.yaml, then any name=value overrides.", show_default=False)] = None,
    sets: Annotated[list[str] | None, typer.Option(
        "--set", help="Override an input: name=value (repeatable; name=value words after it count too).",
        show_default=False)] = None,
    list_only: Annotated[bool, typer.Option("--list", help="List the shipped scenarios and exit.")] = False,
    inputs_only: Annotated[bool, typer.Option(
        "--inputs", help="List every input with unit, default and meaning.")] = False,
    draws: Annotated[int, typer.Option("--draws", help="Monte Carlo draws (0 skips it).")] = 100_000,
    seed: Annotated[int, typer.Option("--seed", help="Monte Carlo random seed.")] = 7,
    json_out: JsonOut = False,
    html: HtmlOut = None,
) -> None:
    """What a GPU data center earns: cash flows, payback, IRR, NPV, break-evens, lease vs idle, Monte Carlo."""
    from aicycle.economics import cli_view, scenarios

    if list_only or inputs_only:
        rows = scenarios.catalog() if list_only else cli_view.input_rows()
        if json_out:
            print_json(rows)
        elif list_only:
            cli_view.print_catalog(console, rows)
        else:
            cli_view.print_inputs(console, rows)
        return
    name, overrides = cli_view.scenario_and_overrides(items, sets)
    if draws < 0:
        raise InputError(f"--draws: {draws} must be >= 0")
    result = scenarios.run(name, overrides, draws=draws, seed=seed)
    if html is not None:
        from aicycle.economics.html import render

        html.write_text(render(result), encoding="utf-8")
    if json_out:
        print_json(result)
    else:
        cli_view.print_result(console, result, html)


# --- event study --------------------------------------------------------------------------------

Tickers = Annotated[str | None, typer.Option("--tickers", help="Comma-separated tickers, e.g. MU,NVDA,000660.KS.")]
Group = Annotated[str | None, typer.Option("--group", help="semis, memory, neoclouds, hyperscalers, etfs or all.")]


@app.command("event")
@guarded
def event(
    args: Annotated[list[str] | None, typer.Argument(
        help="EVENT_ID, or 'compare EVENT_A EVENT_B'. See --list for the named events.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Date of your own event (YYYY-MM-DD).")] = None,
    timing: Annotated[str | None, typer.Option(
        "--timing", help="When the news reached US investors: during, before_open, after_close, weekend.")] = None,
    tickers: Tickers = None, group: Group = None,
    market: Annotated[str, typer.Option("--market", help="Market ticker for the model (SPY, SOXX, SMH).")] = "SPY",
    window: Annotated[str, typer.Option("--window", help="Event window a,b in trading days around day 0.")] = "-1,1",
    estimation: Annotated[int, typer.Option("--estimation", help="Estimation window length, trading days.")] = 120,
    gap: Annotated[int, typer.Option("--gap", help="Trading days between the estimation window and day 0.")] = 10,
    model: Annotated[str, typer.Option("--model", help="market, market_adjusted or constant_mean.")] = "market",
    after: Annotated[int, typer.Option("--after", help="Trading days of price path after day 0.")] = 20,
    list_events: Annotated[bool, typer.Option("--list", help="List the named events.")] = False,
    json_out: JsonOut = False, html: HtmlOut = None,
) -> None:
    """Abnormal returns around a headline, the standard tests, and what the fundamentals said next."""
    from aicycle.eventstudy import report
    from aicycle.eventstudy.spec import Spec, parse_window
    from aicycle.store import open_store

    args = args or []
    with open_store() as store:
        if list_events:
            rows = report.list_rows(store)
            print_json(rows) if json_out else report.print_list(console, rows)
            return
        spec = Spec(window=parse_window(window), estimation=estimation, gap=gap, model=model.strip().lower(),
                    market=market.strip().upper(), after=after).validate()
        if args[:1] == ["compare"]:
            if len(args) != 3:
                raise InputError("usage: aicycle event compare EVENT_A EVENT_B")
            table = report.compare(store, args[1], args[2], tickers, group, spec)
            print_json(table) if json_out else report.print_compare(console, table)
            return
        if len(args) > 1:
            raise InputError(f"one event at a time (got {' '.join(args)}); use 'compare A B' for two")
        ev = report.pick_event(store, args[0] if args else None, parse_date(date, "--date"), timing)
        result = report.study(store, ev, tickers, group, spec)
    if html:
        report.write_html(result, html)
    if json_out:
        print_json(result)
    else:
        report.print_study(console, result, html)


# --- web ----------------------------------------------------------------------------------------


@app.command()
@guarded
def serve(
    host: Annotated[str, typer.Option(
        "--host", help="Interface to bind. Anything but loopback exposes the dashboard.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the dashboard (report, checkpoints, companies, rumor check, economics, JSON API)."""
    import uvicorn

    from aicycle.web import create_app
    from aicycle.web.security import LOOPBACK_NAMES, is_loopback

    loopback = is_loopback(host)
    if not loopback:
        err_console.print(
            f"[bold red]WARNING:[/] binding {host}: anyone who can reach this machine on port {port} "
            "can use the dashboard. It has no login. Use --host 127.0.0.1 unless you mean it.",
            highlight=False)
    console.print(f"aicycle dashboard on http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl-C stops)",
                  highlight=False, markup=False)
    hosts = LOOPBACK_NAMES if loopback else ("*",)  # on a network address, any name may reach it
    uvicorn.run(create_app(allowed_hosts=hosts), host=host, port=port, log_level="warning",
                server_header=False)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
