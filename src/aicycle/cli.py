"""The `aicycle` command line: one module, shared options, every command documented in docs/cli.md.

Each command body stays thin: parse options, call the domain module, render. Errors derived from
`AicycleError` print one clear line on stderr and exit with status 2; nothing is half-written.

Output (one habit for every command that prints data, sqlite-utils style). Give the command the two
shared options and hand its result to `emit()`:

    @app.command("thing")
    @guarded
    def thing(fmt: FormatOpt = None, json_out: JsonOut = False) -> None:
        \"\"\"What it shows.

        Example: aicycle thing --format csv
        \"\"\"
        result = build()                                   # JSON-ready dict or list
        emit(result, fmt, json_out,
             rows=lambda: flat_rows(result),               # list of flat dicts for csv / parquet
             table=lambda c: print_thing(c, result))       # the Rich view on `console`

`--format table|json|csv|parquet` (`--json` is `--format json`); json prints `result` whole, csv and
parquet print `rows` (default: `result` itself when it is a list of dicts), table calls `table`.
Every command's help ends with an example (tests/test_cli_habits.py checks).
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from typer.core import TyperGroup

try:  # typer vendors click (typer._click) and raises its exceptions, not click's
    from typer._click import exceptions as usage_errors
except ImportError:  # pragma: no cover - a typer that uses click itself
    from click import exceptions as usage_errors  # type: ignore[no-redef]

from aicycle.errors import AicycleError, InputError
from aicycle.render.output import Format

F = TypeVar("F", bound=Callable[..., Any])


class Listing(TyperGroup):
    """A command list whose lines read as sentences: a docstring's first paragraph, wrapped in the
    source, is joined into one line before the table wraps it to the terminal."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None and command.short_help is None and command.help:
            first = inspect.cleandoc(command.help).partition("\n\n")[0]
            command.short_help = " ".join(first.split())
        return command


class OneLineErrors(Listing):
    """Usage errors (a missing argument, an option that is not a number) are one line too, exit 2."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except usage_errors.NoArgsIsHelpError as exc:  # `aicycle gpu` alone: the help, as before
            from typer import rich_utils

            rich_utils.rich_format_error(exc)
            sys.exit(exc.exit_code)
        except usage_errors.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "aicycle"
            _fail(_one_line(f"{exc.format_message()} (`{where} --help` lists the options)"), exc.exit_code)
            sys.exit(exc.exit_code)
        except usage_errors.ClickException as exc:
            _fail(_one_line(exc.format_message()), exc.exit_code)
            sys.exit(exc.exit_code)
        except typer.Abort:
            _fail("aborted", 1)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


app = typer.Typer(
    name="aicycle",
    help="Is the AI-infrastructure build-out still expanding? Fundamentals from primary sources.\n\n"
         "Example: aicycle report",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    cls=OneLineErrors,
)
console = Console()
err_console = Console(stderr=True)


def _fail(message: str, code: int = 2) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
    return typer.Exit(code)


def guarded(func: F) -> F:
    """Turn every error into one line on stderr and an exit status: 2 for usage or input, 1 for a
    runtime failure (the error's `exit_code`; anything unexpected is 1). AICYCLE_DEBUG=1 also prints
    the traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, usage_errors.ClickException):
            raise
        except AicycleError as exc:
            _traceback_if_debug()
            raise _fail(_one_line(str(exc)), exc.exit_code) from None
        except KeyboardInterrupt:
            raise _fail("interrupted", 130) from None
        except Exception as exc:  # a bug or the machine: still one line, the traceback on request
            _traceback_if_debug()
            damage = _store_damage(exc)
            if damage is not None:
                raise _fail(_one_line(str(damage)), damage.exit_code) from None
            raise _fail(_one_line(f"unexpected {type(exc).__name__}: {exc} "
                                  "(AICYCLE_DEBUG=1 shows the traceback; please report it)"), 1) from None

    return wrapper  # type: ignore[return-value]


def _one_line(message: str) -> str:
    return " ".join(message.split()).replace("[", "\\[")


def _store_damage(exc: Exception) -> AicycleError | None:
    """A DuckDB error met while reading a broken store file, said as such (with what to run)."""
    from aicycle import config, store_damage

    if not store_damage.is_damage(exc):
        return None
    try:
        path: Path | None = config.store_path()
    except AicycleError:
        path = None
    return store_damage.damaged(path, exc)


def _traceback_if_debug() -> None:
    from aicycle import config

    if config.debug():
        import traceback

        sys.stderr.write(traceback.format_exc())


def parse_date(value: str | None, name: str = "--as-of", *, future: bool = False) -> dt.date | None:
    """A date the user typed; an as-of date lies in 1990-01-01 .. tomorrow (`future` lifts the end)."""
    from aicycle import validate

    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
    if future:
        if not validate.EARLIEST <= day <= dt.date(2100, 12, 31):
            raise InputError(f"{name}: {day} is outside {validate.EARLIEST} .. 2100-12-31")
        return day
    return validate.check_day(day, name)


# Shared options (sqlite-utils style): every command that answers "as of D" or prints data uses these.
AsOf = Annotated[str | None, typer.Option(
    "--as-of", metavar="DATE",
    help="Use only what was public on this date (YYYY-MM-DD); default: the store's data date.")]
FormatOpt = Annotated[Format | None, typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="Output: table (default), json, csv or parquet (binary: redirect it to a file).")]
JsonOut = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
HtmlOut = Annotated[Path | None, typer.Option(
    "--html", metavar="PATH", help="Write a self-contained HTML page to PATH.")]

Rows = list[dict[str, Any]]


def print_json(data: Any) -> None:
    from aicycle.strict_json import dumps

    sys.stdout.write(dumps(data) + "\n")


def emit(data: Any, fmt: Format | str | None, json_out: bool = False, *,
         rows: Callable[[], Rows] | Rows | None = None, table: Callable[[Console], Any] | None = None,
         columns: list[str] | None = None, default: Format = Format.table) -> Format:
    """Print `data` in the chosen format: json prints it whole; csv and parquet print `rows` (flat dicts;
    default: `data` when it is a list of dicts, or the one dict); table calls `table(console)` (default:
    a plain table of the rows). Returns the format used."""
    from aicycle.render import output

    chosen = output.resolve(fmt, json_out, default)
    if chosen is Format.json:
        print_json(data)
        return chosen
    if chosen is Format.table and table is not None:
        table(console)
        return chosen
    flat = rows() if callable(rows) else rows
    if flat is None:
        flat = data if isinstance(data, list) else [data]
    if chosen is Format.csv:
        output.write_csv(sys.stdout, flat, columns)
    elif chosen is Format.parquet:
        sys.stdout.flush()
        output.write_parquet(sys.stdout.buffer, flat, columns)
    else:
        console.print(_rows_table(flat, columns))
    return chosen


def _rows_table(rows: Rows, order: list[str] | None) -> Any:
    from rich.table import Table

    from aicycle.render.output import columns

    cols = columns(rows, order)
    table = Table(*cols)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in cols))
    return table


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        console.print(f"aicycle {version('aicycle')}", highlight=False)
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False) -> None:
    """Is the AI-infrastructure build-out still expanding? Fundamentals from primary sources.

    Example: aicycle report
    """


def _plain_flags() -> None:
    """Help shows a value's kind only where the option takes a value: `--json` is a flag, not `<bool>`."""
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_plain_flags()


def as_of_day(store: Any, value: str | None) -> tuple[dt.date, str | None]:
    """The as-of date every command uses: --as-of, else the store's data date; and a note when --as-of
    is later than the data ("beyond the data (through D)")."""
    from aicycle.store import data_date

    through = data_date(store)
    day = parse_date(value) or through or dt.date.today()
    note = (f"note: {day} is beyond the data (through {through}); nothing after {through} is known"
            if through and day > through else None)
    return day, note


# --- settings ----------------------------------------------------------------------------------

config_app = typer.Typer(cls=Listing, help="Show where aicycle's settings come from.\n\nExample: aicycle config show",
                         no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
@guarded
def config_show(fmt: FormatOpt = None, json_out: JsonOut = False) -> None:
    """Every setting, its value (API keys masked) and where it came from: variable, config file or default.

    Example: aicycle config show
    """
    from aicycle import config

    rows = config.shown()

    def show(out: Console) -> None:
        from rich.table import Table

        table = Table(title=f"config file: {config.config_path()}", title_justify="left", expand=False)
        for column in ("setting", "value", "from"):
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(row["name"], row["value"] if row["value"] is not None else "—", row["from"])
        out.print(table)

    emit({"config_file": str(config.config_path()), "settings": rows}, fmt, json_out, rows=rows, table=show)


# --- data layer: facts, refresh, store ---------------------------------------------------------

store_app = typer.Typer(cls=Listing, help="Inspect the local store.\n\nExample: aicycle store info",
                        no_args_is_help=True)
app.add_typer(store_app, name="store")


@store_app.command("info")
@guarded
def store_info(fmt: FormatOpt = None, json_out: JsonOut = False) -> None:
    """Where the store is, how many rows each table holds, what it covers (capex quarters per company,
    calls, third-party quarters, contracts; which quarters are missing offline) and its data date.

    Example: aicycle store info --json
    """
    from aicycle import config, facts, store_damage
    from aicycle.heal import unreadable
    from aicycle.render.facts import print_store_info
    from aicycle.store import SCHEMA, data_date, open_store, snapshot_dir

    with open_store() as s:
        info: dict[str, Any] = {
            "path": str(s.path),
            "data_date": str(data_date(s)),
            "tables": {t: s.count(t) for t in SCHEMA},
            "covers": {"capex": facts.capex_coverage(s), **_store_covers(s)},
            "snapshot": _read_manifest(snapshot_dir() / "manifest.json"),
            "home": str(config.home()),
        }
    problems = unreadable(s.path)  # counts alone read no data blocks: a corrupt block would go unnoticed
    if problems:
        raise store_damage.damaged(s.path, "; ".join(problems))
    emit(info, fmt, json_out, rows=[{"table": t, "rows": n} for t, n in info["tables"].items()],
         table=lambda out: print_store_info(out, info))


def _store_covers(s: Any) -> dict[str, Any]:
    """Documents per kind, facts per kind, and the contracts' date range."""
    docs = s.query("SELECT kind, count(*) AS n, count(DISTINCT ticker) AS companies, min(date) AS first, "
                   "max(date) AS last FROM documents GROUP BY kind ORDER BY kind")
    kinds = s.query("SELECT kind, count(*) AS n, count(DISTINCT ticker) AS companies FROM facts GROUP BY kind "
                    "ORDER BY kind")
    deals = s.query("SELECT count(*) AS n, min(announced_on) AS first, max(announced_on) AS last FROM contracts")
    return {"documents": {d.pop("kind"): {k: str(v) for k, v in d.items()} for d in docs},
            "facts_by_kind": {k.pop("kind"): k for k in kinds},
            "contracts": {k: str(v) for k, v in deals[0].items()}}


def _journal(command: str, paths: list[Path], options: dict[str, Any], result: dict[str, Any]) -> None:
    """Keep what the user imported beside the store, so `aicycle store repair` can re-apply it."""
    from aicycle import journal

    if not (result.get("inserted") or result.get("changed")):
        return  # nothing new was stored: nothing to re-apply
    try:
        journal.record(command, paths, options)
    except OSError as exc:  # stored, but a rebuilt store would not get it back: say so
        err_console.print(f"warning: stored, but not kept in the journal ({exc}); `aicycle store repair` "
                          "would not re-apply it", highlight=False, soft_wrap=True)


@store_app.command("check")
@guarded
def store_check(fmt: FormatOpt = None, json_out: JsonOut = False) -> None:
    """Read every table of the store, count its rows, check the bundled snapshot and the journal of
    your imports. Exit status 1 when the store is damaged.

    Example: aicycle store check
    """
    from aicycle.heal import check
    from aicycle.render.store import print_store_check

    result = check()
    emit(result, fmt, json_out, rows=lambda: [{"table": t, **v} if isinstance(v, dict) else {"table": t, "rows": v}
                                              for t, v in (result.get("tables") or {}).items()],
         table=lambda c: print_store_check(c, result))
    if result["status"] == "damaged":
        raise typer.Exit(1)


@store_app.command("repair")
@guarded
def store_repair(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when the store reads as healthy.")] = False,
    fmt: FormatOpt = None,
    json_out: JsonOut = False,
) -> None:
    """Move a damaged store aside (timestamped), rebuild it from the bundled snapshot and re-apply your
    imports (ingest, load-facts, gpu import) from the journal kept beside it.

    Example: aicycle store repair
    """
    from aicycle.heal import repair
    from aicycle.render.store import print_store_repair

    result = repair(force=force)
    emit(result, fmt, json_out, table=lambda c: print_store_repair(c, result))
    if result.get("not_reapplied"):
        raise typer.Exit(1)


def _read_manifest(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text()) if path.exists() else None


Freq = Annotated[str | None, typer.Option(
    "--freq", metavar="FREQ", help="quarter, year or any (default: quarter for flow metrics, any for the rest).")]


@app.command("facts")
@guarded
def facts_cmd(
    ticker: Annotated[str, typer.Argument(metavar="TICKER", help="Company ticker, e.g. META, MSFT, CRWV.")],
    metric: Annotated[str, typer.Argument(
        metavar="METRIC", help="capex, revenue, operating_income, rpo, backlog, capex_guidance_low, ... "
                               "(docs/cli.md lists them all).")],
    as_of: AsOf = None, fmt: FormatOpt = None, freq: Freq = None, json_out: JsonOut = False,
) -> None:
    """One metric of one company, one row per period, as public on --as-of (default: the store's data date).

    `capex` answers with the company's headline definition (Meta: including finance-lease principal) and
    says which.

    Example: aicycle facts META capex --as-of 2025-06-30 --format csv
    """
    from aicycle import facts
    from aicycle.render.facts import FACT_COLUMNS, definition_caption, fact_table, source_lines
    from aicycle.store import open_store

    caption = None
    with open_store() as store:
        day, note = as_of_day(store, as_of)
        if metric == "capex":
            rows = facts.headline_capex(store, ticker, day, freq=freq)
            definition = facts.capex_definition(ticker)
            caption = definition_caption(definition[0], definition[1], rows)
        else:
            rows = facts.series(store, ticker, metric, day, freq=freq)
    out = [{c: r.get(c) for c in FACT_COLUMNS} | {"quarter": facts.quarter_label(r)} for r in rows]
    if note:
        err_console.print(note, highlight=False, soft_wrap=True)
    if not out:
        err_console.print(f"no {metric} rows for {ticker.upper()}" + (f" public by {as_of}" if as_of else "")
                          + "; `aicycle store info` shows what the store holds, `aicycle refresh` fetches more",
                          highlight=False, soft_wrap=True)

    def show(c: Console) -> None:
        c.print(fact_table(ticker.upper(), metric, out, caption))
        for line in source_lines(out):  # the sources the narrow table cannot show
            c.print(line, highlight=False, markup=False, overflow="fold", style="dim")

    emit(out, fmt, json_out, rows=out, columns=list(FACT_COLUMNS), table=show)


@app.command("contracts")
@guarded
def contracts_cmd(
    buyer: Annotated[str | None, typer.Option("--buyer", help="Ticker or name of the buyer (META, OpenAI).")] = None,
    seller: Annotated[str | None, typer.Option("--seller", help="Ticker or name of the seller (CRWV, Nebius).")] = None,
    as_of: AsOf = None,
    fmt: FormatOpt = None,
    json_out: JsonOut = False,
) -> None:
    """Compute and capacity contracts public by --as-of (default: the store's data date), with sources;
    overlapping rows are marked and never added up.

    Example: aicycle contracts --buyer META --as-of 2026-06-30
    """
    from aicycle import contracts
    from aicycle.render.contracts import contracts_table
    from aicycle.store import open_store

    with open_store() as store:
        day, note = as_of_day(store, as_of)
        rows = contracts.as_of(store, day, buyer=buyer, seller=seller)
    total = contracts.total(rows)
    if note:
        err_console.print(note, highlight=False, soft_wrap=True)
    data: dict[str, Any] = {"as_of": day.isoformat(), "contracts": [r.to_dict() for r in rows],
            "total": {"value_usd": total.value_usd, "counted": total.counted,
                      "without_value": total.without_value, "left_out": total.left_out}}

    def show(c: Console) -> None:
        if not rows:
            who = " ".join(x for x in (f"buyer {buyer}" if buyer else "", f"seller {seller}" if seller else "") if x)
            c.print(f"No contracts{' for ' + who if who else ''} public by {day}.", highlight=False)
        else:
            c.print(contracts_table(rows, day, total))

    emit(data, fmt, json_out, rows=lambda: data["contracts"], table=show)


@app.command("load-facts")
@guarded
def load_facts_cmd(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="Your facts CSV (columns as docs/data.md says).")],
    fmt: FormatOpt = None, json_out: JsonOut = False,
) -> None:
    """Load your own facts CSV into the store: columns date, company, ticker, metric, value, unit, period,
    source_type, source, source_url (docs/data.md says what each holds).

    Example: aicycle load-facts my_facts.csv
    """
    from aicycle.curated import facts as curated
    from aicycle.store import writing

    with writing() as store:
        result = curated.load_file(store, path)
    _journal("load-facts", [path], {}, result)
    emit({"path": str(path), **result}, fmt, json_out, table=lambda c: c.print(
        f"{path}: {result['rows']} rows ({result['inserted']} new, {result['changed']} changed)",
        soft_wrap=True, highlight=False))


@app.command("refresh")
@guarded
def refresh_cmd(
    only: Annotated[list[str] | None, typer.Option(
        "--only", metavar="SOURCE", help="Refresh only this source: sec, releases, gpu, prices (repeatable).")] = None,
    ticker: Annotated[list[str] | None, typer.Option(
        "--ticker", metavar="TICKER", help="Only this company (repeatable).")] = None,
    fmt: FormatOpt = None, json_out: JsonOut = False,
) -> None:
    """Fetch the live sources (SEC companyfacts and submissions, releases, GPU and daily prices) and store
    what changed, with a progress bar and one status line per source on stderr.

    Example: aicycle refresh --only sec --ticker META
    """
    from aicycle import refresh

    summary = refresh.run(only=only, tickers=ticker)
    emit(summary, fmt, json_out, rows=lambda: refresh.summary_rows(summary),
         table=lambda c: refresh.print_summary(summary, c))
    if summary["failed_all"]:
        raise typer.Exit(1)


# --- report -------------------------------------------------------------------------------------


@app.command()
@guarded
def report(as_of: AsOf = None, fmt: FormatOpt = None, json_out: JsonOut = False, html: HtmlOut = None) -> None:
    """The cycle report: five checkpoints and one verdict, as a dashboard, --json or --html PATH.

    Example: aicycle report --as-of 2025-06-30 --html report.html
    """
    from aicycle.cycle import build_report
    from aicycle.store import open_store

    day = parse_date(as_of)
    with open_store() as store:
        result = build_report(store, day)
    if result.beyond_data and (json_out or html is not None):
        err_console.print(f"note: {result.beyond_data}; nothing later is known", highlight=False, soft_wrap=True)
    if html is not None:
        from aicycle.render.html import write_report

        write_report(result, html)
        err_console.print(f"wrote {html}", highlight=False)
    if html is not None and fmt is None and not json_out:
        return

    def show(out: Console) -> None:
        from aicycle.render import terminal

        terminal.render(result, out)

    emit(result.to_dict(), fmt, json_out, rows=lambda: _report_rows(result.to_dict()), table=show)


def _report_rows(doc: dict[str, Any]) -> Rows:
    """One row per checkpoint metric (csv / parquet)."""
    return [{"as_of": doc["as_of"], "checkpoint": cp["id"], "state": cp["state"], "score": cp["score"],
             "metric": m["name"], "label": m["label"], "period": m.get("period"), "value": m["value"],
             "unit": m.get("unit")} for cp in doc["checkpoints"] for m in cp["metrics"]]


# --- power: grid and permitting events ----------------------------------------------------------


@app.command("power")
@guarded
def power_cmd(
    as_of: AsOf = None,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="Only events of this kind: load_pipeline, capacity_price, queue, moratorium, permit, "
                       "turbine_backlog, transformer, ppa or other.")] = None,
    fmt: FormatOpt = None,
    json_out: JsonOut = False,
) -> None:
    """Grid and permitting events public by --as-of (default: the store's latest date), the signal they make
    (tightening or easing) and the latest level of each running series (PJM capacity price, ERCOT queue, ...).

    Example: aicycle power --as-of 2026-06-30 --kind moratorium
    """
    from aicycle.curated.power_events import KINDS
    from aicycle.cycle import latest_date
    from aicycle.render.power import listing, print_listing
    from aicycle.store import open_store

    if kind is not None and kind not in KINDS:
        raise InputError(f"--kind: {kind!r} is not one of {', '.join(KINDS)}")
    with open_store() as store:
        day = parse_date(as_of) or latest_date(store) or dt.date.today()
        data = listing(store, day, kind)
    emit(data, fmt, json_out, rows=lambda: data["events"], table=lambda c: print_listing(c, data))


# --- gpu ----------------------------------------------------------------------------------------

gpu_app = typer.Typer(cls=Listing, help="GPU rental prices: the index, collection from providers, curated imports.\n\n"
                           "Example: aicycle gpu prices --sku H100",
                      no_args_is_help=True)
app.add_typer(gpu_app, name="gpu")


@gpu_app.command("prices")
@guarded
def gpu_prices(
    sku: Annotated[str | None, typer.Option(
        "--sku", metavar="SKU", help="A SKU group (H100, H200, B200, A100) or a SKU (H100-SXM).")] = None,
    family: Annotated[str | None, typer.Option(
        "--family", metavar="FAMILY", help="marketplace, cloud_list or index.")] = None,
    term: Annotated[str | None, typer.Option("--term", metavar="TERM", help="on_demand, spot or reserved.")] = None,
    as_of: AsOf = None,
    fmt: FormatOpt = None,
    json_out: JsonOut = False,
) -> None:
    """The GPU price index per SKU, family and term, with its history and trend, as of the store's data
    date (or --as-of).

    Example: aicycle gpu prices --sku H100 --format csv
    """
    from aicycle.gpu import index as gpu_index
    from aicycle.render.gpu_prices import flat_rows, summaries, table
    from aicycle.store import open_store

    group = _gpu_sku_option(sku)
    if family is not None and family not in ("marketplace", "cloud_list", "index"):
        raise InputError(f"--family: {family!r} is not marketplace, cloud_list or index")
    if term is not None and term not in ("on_demand", "spot", "reserved"):
        raise InputError(f"--term: {term!r} is not on_demand, spot or reserved")
    with open_store() as s:
        day, note = as_of_day(s, as_of)
        lines = [ln for ln in gpu_index.lines(s, day, family, group) if term is None or ln.term == term]
    if note:
        err_console.print(note, highlight=False, soft_wrap=True)
    rows = summaries(lines, day)

    def show(out: Console) -> None:
        if not rows:
            out.print(f"No GPU prices stored for these filters on or before {day}.")
        else:
            out.print(table(rows, day, out.width))

    emit({"as_of": day.isoformat(), "method_version": gpu_index.METHOD_VERSION, "lines": rows}, fmt, json_out,
         rows=lambda: flat_rows(rows, day), table=show)


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
def gpu_collect(fmt: FormatOpt = None, json_out: JsonOut = False) -> None:
    """Collect offers from every GPU provider (vast.ai; Lambda, RunPod, Shadeform with a key); store a dated snapshot.

    Example: aicycle gpu collect
    """  # noqa: E501 (one help line)
    from aicycle.gpu.refresh import refresh_gpu
    from aicycle.render.gpu_prices import print_collect
    from aicycle.store import writing

    with writing() as s:
        summary = refresh_gpu(s)
    emit(summary, fmt, json_out, rows=summary["providers"], table=lambda c: print_collect(c, summary))


@gpu_app.command("import")
@guarded
def gpu_import(path: Annotated[Path, typer.Argument(
                   metavar="PATH", help="CSV with columns date, sku, price, term, source, url.")],
               fmt: FormatOpt = None, json_out: JsonOut = False) -> None:
    """Import curated GPU price points (published index levels, dated observations) from a CSV.

    Example: aicycle gpu import h100_index.csv
    """
    from aicycle.gpu.index import store_index
    from aicycle.gpu.observations import import_csv, read_user_csv
    from aicycle.store import writing

    read_user_csv(path)  # check every row before taking the writer lock
    with writing() as s:
        summary = import_csv(s, path)
        store_index(s)
    _journal("gpu import", [path], {}, summary)
    emit(summary, fmt, json_out, table=lambda c: c.print(
        f"{summary['rows']} rows read, {summary['inserted']} new, {summary['changed']} changed"))


# --- language -----------------------------------------------------------------------------------

language_app = typer.Typer(cls=Listing,
                           help="Capex language: stance of sentences, documents, tone and the say-do gap.\n\n"
                                "Example: aicycle language tone META",
                           no_args_is_help=True)
app.add_typer(language_app, name="language")


@app.command("ingest")
@guarded
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Transcript or release files (text or HTML).")],
    company: Annotated[str, typer.Option("--company", metavar="TICKER", help="Ticker the documents belong to.")],
    date: Annotated[str, typer.Option(
        "--date", metavar="DATE", help="Date the documents became public (YYYY-MM-DD).")],
    kind: Annotated[str, typer.Option("--kind", metavar="KIND", help="transcript or release.")] = "transcript",
    fmt: FormatOpt = None, json_out: JsonOut = False,
) -> None:
    """Store documents (idempotent: the same text is stored once).

    Example: aicycle ingest meta_q2_call.txt --company META --date 2026-07-29
    """
    from aicycle.language.documents import ingest, validate
    from aicycle.store import writing

    validate(company, date, kind)  # fail before taking the store lock
    with writing() as store:
        result = ingest(store, paths, company, date, kind)
    _journal("ingest", paths, {"company": company, "date": date, "kind": kind}, result)

    def show(c: Console) -> None:
        c.print(f"{result['documents']} document(s): {result['inserted']} new, {result['changed']} changed")
        for line in result["changes"]:
            c.print(f"  changed: {line}", highlight=False, markup=False, soft_wrap=True)

    emit(result, fmt, json_out, table=show)


@language_app.command("classify")
@guarded
def language_classify(
    source: Annotated[str, typer.Argument(
        metavar="FILE", help="File with one sentence per line or JSONL {id, text}; - for stdin.")] = "-",
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", metavar="FORMAT", show_default=False,
        help="table, json, csv, parquet or jsonl (default: table on a terminal, jsonl when piped).")] = None,
    backend: Annotated[str, typer.Option(
        "--backend", metavar="NAME", help="rules (default) or llm (AICYCLE_LLM_BASE_URL).")] = "rules",
    json_out: JsonOut = False,
) -> None:
    """Label each sentence expand, maintain, moderate, cut or none, with confidence and cues.

    Example: aicycle language classify sentences.txt --format table
    """
    from aicycle import strict_json
    from aicycle.language.cli_io import classified, read_input
    from aicycle.render.language import classified_table

    chosen = fmt.lower() if fmt else ("json" if json_out else None)
    if chosen is None:
        chosen = "table" if sys.stdout.isatty() else "jsonl"
    if chosen not in ("jsonl", *Format):
        raise InputError(f"--format: {fmt!r} is not one of table, json, csv, parquet, jsonl")
    rows = classified(read_input(source), source, backend)
    if chosen == "jsonl":
        for row in rows:
            sys.stdout.write(strict_json.dumps(row, indent=None) + "\n")
        return
    done = list(rows)
    emit(done, chosen, rows=done, table=lambda c: c.print(classified_table(done)))


@language_app.command("scan")
@guarded
def language_scan(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Documents to scan (text or HTML).")],
    kind: Annotated[str, typer.Option("--kind", metavar="KIND", help="transcript, release or text.")] = "transcript",
    examples: Annotated[int, typer.Option("--examples", metavar="N", help="Example sentences per label.")] = 2,
    fmt: FormatOpt = None, json_out: JsonOut = False,
) -> None:
    """Per document: sentences, stance counts, stance score and watch-term hits.

    Example: aicycle language scan meta_q2_call.txt --examples 1
    """
    from aicycle.language.document import scan_document
    from aicycle.language.documents import read_document
    from aicycle.render.language import print_scan

    out: dict[str, dict[str, Any]] = {
        str(p): scan_document(read_document(p), kind).to_dict(examples=examples) for p in paths}
    emit(out, fmt, json_out, table=lambda c: print_scan(c, out), rows=lambda: [
        {"document": name, "sentences": d["sentences"], "score": d["score"], **d["counts"]}
        for name, d in out.items()])


@language_app.command("tone")
@guarded
def language_tone(
    ticker: Annotated[str, typer.Argument(metavar="TICKER", help="Company ticker.")],
    as_of: AsOf = None,
    fmt: FormatOpt = None,
    json_out: JsonOut = False,
) -> None:
    """Stance score per quarter of a company's stored documents and the quarter-over-quarter shift.

    Example: aicycle language tone META
    """
    from aicycle.language.documents import tone
    from aicycle.render.language import print_tone
    from aicycle.store import open_store

    with open_store() as store:
        day, note = as_of_day(store, as_of)
        rows = tone(store, ticker, day)
    if note:
        err_console.print(note, highlight=False, soft_wrap=True)
    if not rows:
        raise InputError(f"no documents stored for {ticker.upper()}; add some with `aicycle ingest`")
    emit(rows, fmt, json_out, table=lambda c: print_tone(c, rows))


@language_app.command("saydo")
@guarded
def language_saydo(
    ticker: Annotated[str, typer.Argument(metavar="TICKER", help="Company ticker.")],
    as_of: AsOf = None,
    fmt: FormatOpt = None,
    json_out: JsonOut = False,
) -> None:
    """The say-do gap: capex words against guidance revisions and the reported capex trend.

    Example: aicycle language saydo MSFT --as-of 2026-08-01
    """
    from aicycle.language.saydo import say_do_gap
    from aicycle.store import open_store

    with open_store() as store:
        day, note = as_of_day(store, as_of)
        result = say_do_gap(store, ticker, day)
    if note:
        err_console.print(note, highlight=False, soft_wrap=True)
    emit(result, fmt, json_out, table=lambda c: c.print(
        f"{result['ticker']}: {result['gap']} — {result['explanation']}", highlight=False, markup=False))


@language_app.command("evaluate")
@guarded
def language_evaluate(
    data: Annotated[Path | None, typer.Option(
        "--data", metavar="PATH",
        help="Labelled JSONL (text, label; with company: leave-one-company-out). "
             "Default: the corpus shipped with aicycle.")] = None,
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="Also score the LM dictionary.")] = True,
    fmt: FormatOpt = None,
    json_out: JsonOut = False,
) -> None:
    """Macro-F1, per-label precision and recall, the confusion matrix and the calibration error of the stance
    model, with the rules alone and the Loughran-McDonald dictionary scored on the same sentences in the
    same run. A set with companies is scored leave-one-company-out: the model is retrained without any
    sentence of the company it is scored on (about half a minute on the shipped corpus).

    Example: aicycle language evaluate
    """
    from aicycle.language.evaluate import CORPUS, evaluate_labelled, load_labelled
    from aicycle.render.language import evaluation_rows, print_evaluation

    result = evaluate_labelled(load_labelled(data or CORPUS()), baseline=baseline)
    result["data"] = str(data) if data else "the shipped corpus (aicycle/data/stance/corpus.jsonl)"
    emit(result, fmt, json_out, table=lambda c: print_evaluation(c, result), rows=lambda: evaluation_rows(result))


# --- rumor check --------------------------------------------------------------------------------


@app.command("check")
@guarded
def check_claim(
    claim: Annotated[str, typer.Argument(metavar="HEADLINE", help="The headline to check, in quotes.")],
    as_of: AsOf = None,
    fmt: FormatOpt = None,
    json_out: JsonOut = False,
    exit_code: Annotated[bool, typer.Option(
        "--exit-code", help="Exit 0 if supported, 1 if contradicted, 3 if unclear (for scripts).")] = False,
) -> None:
    """Check a headline against what was public on the as-of date: supported, contradicted or unclear.

    Example: aicycle check "Meta is cutting AI capex" --as-of 2026-08-01
    """
    from aicycle.rumor import check
    from aicycle.rumor.render import print_check
    from aicycle.store import open_store

    with open_store() as store:
        day, note = as_of_day(store, as_of)
        result = check(store, claim, day)
    if note:
        err_console.print(note, highlight=False, soft_wrap=True)
    emit(result, fmt, json_out, rows=lambda: [
        {"claim": result["claim"], "verdict": result["verdict"], "confidence": result["confidence"], **e}
        for e in result["evidence"]], table=lambda c: print_check(c, result))
    if exit_code:
        raise typer.Exit(VERDICT_EXIT_CODES[result["verdict"]])


# `aicycle check --exit-code`: a verdict as an exit status (2 stays "bad input").
VERDICT_EXIT_CODES = {"supported": 0, "contradicted": 1, "unclear": 3}

# --- economics ----------------------------------------------------------------------------------


@app.command("economics")
@guarded
def economics(
    items: Annotated[list[str] | None, typer.Argument(
        metavar="[SCENARIO] [NAME=VALUE]...", help="A scenario name or PATH.yaml, then any name=value overrides.",
        show_default=False)] = None,
    sets: Annotated[list[str] | None, typer.Option(
        "--set", metavar="NAME=VALUE", show_default=False,
        help="Override an input: name=value (repeatable; name=value words after it count too).")] = None,
    list_only: Annotated[bool, typer.Option("--list", help="List the shipped scenarios and exit.")] = False,
    inputs_only: Annotated[bool, typer.Option(
        "--inputs", help="List every input with unit, default and meaning.")] = False,
    draws: Annotated[int, typer.Option("--draws", metavar="N", help="Monte Carlo draws (0 skips it).")] = 100_000,
    seed: Annotated[int, typer.Option("--seed", metavar="N", min=0, help="Monte Carlo random seed (0 or more).")] = 7,
    fmt: FormatOpt = None,
    json_out: JsonOut = False,
    html: HtmlOut = None,
) -> None:
    """What a GPU data center earns: cash flows, payback, IRR, NPV, break-evens, lease vs idle, Monte Carlo.

    Example: aicycle economics article-payback --set utilization=0.6
    """
    from aicycle.economics import cli_view, scenarios

    if list_only or inputs_only:
        rows = scenarios.catalog() if list_only else cli_view.input_rows()
        emit(rows, fmt, json_out, table=lambda c: (cli_view.print_catalog if list_only else cli_view.print_inputs)(
            c, rows))
        return
    name, overrides = cli_view.scenario_and_overrides(items, sets)
    if draws < 0:
        raise InputError(f"--draws: {draws} must be >= 0")
    result = scenarios.run(name, overrides, draws=draws, seed=seed)
    if html is not None:
        from aicycle.economics.html import render
        from aicycle.outfile import write_text

        write_text(html, render(result))
    emit(result, fmt, json_out, rows=result["cash_flows"],
         table=lambda c: cli_view.print_result(c, result, html))


# --- event study --------------------------------------------------------------------------------

Tickers = Annotated[str | None, typer.Option(
    "--tickers", metavar="T,T,...", help="Comma-separated tickers, e.g. MU,NVDA,000660.KS.")]
Group = Annotated[str | None, typer.Option(
    "--group", metavar="GROUP", help="semis, memory, neoclouds, hyperscalers, etfs or all.")]


@app.command("event")
@guarded
def event(
    args: Annotated[list[str] | None, typer.Argument(
        metavar="[EVENT_ID | compare A B]",
        help="EVENT_ID, or 'compare EVENT_A EVENT_B'. See --list for the named events.")] = None,
    date: Annotated[str | None, typer.Option(
        "--date", metavar="DATE", help="Date of your own event (YYYY-MM-DD).")] = None,
    timing: Annotated[str | None, typer.Option(
        "--timing", metavar="WHEN",
        help="When the news reached US investors: during, before_open, after_close, weekend.")] = None,
    tickers: Tickers = None, group: Group = None,
    market: Annotated[str, typer.Option(
        "--market", metavar="TICKER", help="Market ticker for the model (SPY, SOXX, SMH).")] = "SPY",
    window: Annotated[str, typer.Option(
        "--window", metavar="A,B", help="Event window a,b in trading days around day 0.")] = "-1,1",
    estimation: Annotated[int, typer.Option(
        "--estimation", metavar="N", help="Estimation window length, trading days.")] = 120,
    gap: Annotated[int, typer.Option(
        "--gap", metavar="N", help="Trading days between the estimation window and day 0.")] = 10,
    model: Annotated[str, typer.Option(
        "--model", metavar="MODEL", help="market, market_adjusted or constant_mean.")] = "market",
    after: Annotated[int, typer.Option("--after", metavar="N", help="Trading days of price path after day 0.")] = 20,
    list_events: Annotated[bool, typer.Option("--list", help="List the named events.")] = False,
    fmt: FormatOpt = None, json_out: JsonOut = False, html: HtmlOut = None,
) -> None:
    """Abnormal returns around a headline in plain words, the standard tests, and what the fundamentals
    said next.

    Example: aicycle event meta_compute_report --group semis
    """
    from aicycle.eventstudy import report
    from aicycle.eventstudy.spec import Spec, parse_window
    from aicycle.store import open_store

    args = args or []
    with open_store() as store:
        if list_events:
            rows = report.list_rows(store)
            emit(rows, fmt, json_out, table=lambda c: report.print_list(c, rows))
            return
        spec = Spec(window=parse_window(window), estimation=estimation, gap=gap, model=model.strip().lower(),
                    market=market.strip().upper(), after=after).validate()
        if args[:1] == ["compare"]:
            if len(args) != 3:
                raise InputError("usage: aicycle event compare EVENT_A EVENT_B")
            table = report.compare(store, args[1], args[2], tickers, group, spec)
            emit(table, fmt, json_out, rows=table["rows"], table=lambda c: report.print_compare(c, table))
            return
        if len(args) > 1:
            raise InputError(f"one event at a time (got {' '.join(args)}); use 'compare A B' for two")
        ev = report.pick_event(store, args[0] if args else None, parse_date(date, "--date", future=True), timing)
        result = report.study(store, ev, tickers, group, spec)
    if html:
        report.write_html(result, html)
    emit(result, fmt, json_out, rows=lambda: report.security_rows(result),
         table=lambda c: report.print_study(c, result, html))


# --- web ----------------------------------------------------------------------------------------


@app.command()
@guarded
def serve(
    host: Annotated[str, typer.Option(
        "--host", metavar="HOST",
        help="Interface to bind. Anything but loopback exposes the dashboard.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the dashboard (report, checkpoints, companies, rumor check, economics, JSON API).

    Example: aicycle serve --port 8080
    """
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


# --- watch --------------------------------------------------------------------------------------


@app.command("watch")
@guarded
def watch_cmd(
    every: Annotated[str | None, typer.Option(
        "--every", help="Time between runs: 30s, 15m, 1h (default: the watch_every setting, 15m).")] = None,
    once: Annotated[bool, typer.Option("--once", help="One run (refresh, announce, deliver), then exit.")] = False,
    offline: Annotated[bool, typer.Option(
        "--offline", help="No refresh: compare the store as it is and deliver what is owed.")] = False,
    only: Annotated[list[str] | None, typer.Option("--only", help="Refresh only this source (repeatable).")] = None,
    ticker: Annotated[list[str] | None, typer.Option(
        "--ticker", help="Refresh only this company (repeatable).")] = None,
    replay: Annotated[bool, typer.Option(
        "--replay", help="Replay history day by day from the store and print the events; sends nothing.")] = False,
    start: Annotated[str | None, typer.Option("--from", help="--replay: first day (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="--replay: last day (YYYY-MM-DD).")] = None,
    json_out: JsonOut = False,
) -> None:
    """Watch for what moves: new filings, guidance revisions, checkpoint changes, ... (docs/watch.md).

    Example: aicycle watch --once; aicycle watch --replay --from 2026-06-01 --to 2026-08-15
    """
    from aicycle.errors import StoreBusyError
    from aicycle.watch import run, settings

    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if replay:
        if first is None or last is None or first > last or once or offline:
            raise InputError("--replay needs --from D and --to D (D1 <= D2), without --once or --offline")
        from aicycle.store import open_store

        with open_store() as store:
            run.print_replay(store, first, last, console, json_out)
        return
    if first or last:
        raise InputError("--from and --to go with --replay")
    config = settings.load(every)
    try:
        with run.watcher_lock():
            if once:
                # with --json the event lines go to stderr: stdout holds the JSON alone
                result = run.run_once(config, offline=offline, only=only, tickers=ticker,
                                      console=err_console if json_out else console, err_console=err_console)
                if json_out:
                    print_json({"as_of": result.as_of, "events": [e.to_dict() for e in result.announced],
                                "deliveries": [vars(o) for o in result.outcomes], "baseline": result.baseline})
                else:
                    err_console.print(run.status_line(result), highlight=False, soft_wrap=True)
                return
            import threading

            channels = ", ".join(config.channels) or "nothing"
            err_console.print(f"watching every {config.every:g}s; delivering to {channels} (Ctrl-C stops)",
                              highlight=False, soft_wrap=True)
            try:
                run.watch(config, threading.Event(), console, err_console, offline=offline, only=only, tickers=ticker)
            except KeyboardInterrupt:
                err_console.print("stopped", highlight=False)
    except StoreBusyError as exc:
        raise _fail(str(exc).replace("[", "\\["), 1) from None


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
