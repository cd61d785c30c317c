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
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
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


# --- data layer: facts, refresh, store ---------------------------------------------------------

store_app = typer.Typer(help="Inspect the local store.", no_args_is_help=True)
app.add_typer(store_app, name="store")


@store_app.command("info")
@guarded
def store_info(json_out: JsonOut = False) -> None:
    """Where the store is, how many rows each table holds, and what the bundled snapshot covers."""
    from aicycle import config
    from aicycle.store import SCHEMA, open_store, snapshot_dir

    with open_store() as s:
        info = {
            "path": str(s.path),
            "tables": {t: s.count(t) for t in SCHEMA},
            "snapshot": _read_manifest(snapshot_dir() / "manifest.json"),
            "home": str(config.home()),
        }
    if json_out:
        print_json(info)
        return
    console.print(f"store: {info['path']}")
    for table, n in info["tables"].items():
        console.print(f"  {table:<14} {n:>8,} rows")


def _read_manifest(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text()) if path.exists() else None


# --- report -------------------------------------------------------------------------------------

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
    from aicycle import gpu_index
    from aicycle.render.gpu_prices import line_summary, table
    from aicycle.store import open_store

    group = _gpu_sku_option(sku)
    if family is not None and family not in ("marketplace", "cloud_list", "index"):
        raise InputError(f"--family: {family!r} is not marketplace, cloud_list or index")
    if term is not None and term not in ("on_demand", "spot", "reserved"):
        raise InputError(f"--term: {term!r} is not on_demand, spot or reserved")
    day = parse_date(as_of) or dt.date.today()
    with open_store() as s:
        lines = [ln for ln in gpu_index.lines(s, day, family, group) if term is None or ln.term == term]
    summaries = sorted((line_summary(ln, day) for ln in lines),
                       key=lambda x: (x["sku"], x["family"], x["term"], x["kind"] != "computed", x["name"]))
    if json_out:
        print_json({"as_of": day.isoformat(), "method_version": gpu_index.METHOD_VERSION, "lines": summaries})
        return
    if not summaries:
        console.print(f"No GPU prices stored for these filters on or before {day}.")
        return
    console.print(table(summaries, day))


def _gpu_sku_option(sku: str | None) -> str | None:
    from aicycle.gpu_skus import GROUPS, UNKNOWN, normalize, skus

    if sku is None or sku in GROUPS or sku in skus():
        return sku
    found = normalize(sku)
    if found == UNKNOWN:
        raise InputError(f"--sku: {sku!r} is not a known GPU (groups: {', '.join(GROUPS)})")
    return found


@gpu_app.command("collect")
@guarded
def gpu_collect(json_out: JsonOut = False) -> None:
    """Collect offers from every GPU provider (vast.ai; Lambda, RunPod, Shadeform with a key); store a dated snapshot."""
    from aicycle.gpu_refresh import refresh_gpu
    from aicycle.store import writing

    with writing() as s:
        summary = refresh_gpu(s)
    if json_out:
        print_json(summary)
        return
    for p in summary["providers"]:
        colour = {"ok": "green", "error": "red"}.get(p["status"], "yellow")
        console.print(f"[{colour}]{p['status']:<15}[/] {p['provider']:<10} {p['detail']}", highlight=False)
    console.print(f"snapshot {summary['snapshot_id']}: {summary['rows_inserted']} new price rows")


@gpu_app.command("import")
@guarded
def gpu_import(path: Annotated[Path, typer.Argument(help="CSV with columns date, sku, price, term, source, url.")],
               json_out: JsonOut = False) -> None:
    """Import curated GPU price points (published index levels, dated observations) from a CSV."""
    from aicycle.gpu_index import store_index
    from aicycle.sources.gpu_curated import import_csv, read_user_csv
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

# --- rumor check --------------------------------------------------------------------------------

# --- economics ----------------------------------------------------------------------------------

# --- event study --------------------------------------------------------------------------------

# --- web ----------------------------------------------------------------------------------------


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
