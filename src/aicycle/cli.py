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
    source: Annotated[str, typer.Argument(help="File with one sentence per line or JSONL {id, text}; - for stdin.")] = "-",
    fmt: Annotated[str, typer.Option("--format", help="Output format: jsonl or table.")] = "jsonl",
    backend: Annotated[str, typer.Option("--backend", help="rules (default) or llm (AICYCLE_LLM_BASE_URL).")] = "rules",
) -> None:
    """Label each sentence expand, maintain, moderate, cut or none, with confidence and cues."""
    from aicycle.language.cli_io import classified, read_input

    if fmt not in ("jsonl", "table"):
        raise InputError(f"--format: {fmt!r} is not jsonl or table")
    rows = classified(read_input(source), source, backend)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    table = Table("id", "label", "conf", "cues", "text")
    for row in rows:
        table.add_row(row["id"], row["label"], f"{row['confidence']:.2f}", ", ".join(row["cues"]),
                      row["text"][:100])
    console.print(table)


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

    out = {str(p): scan_document(read_document(p), kind).to_dict(examples=examples) for p in paths}
    if json_out:
        print_json(out)
        return
    for name, s in out.items():
        score = "n/a" if s["score"] is None else f"{s['score']:+.2f}"
        counts = " ".join(f"{k}={v}" for k, v in s["counts"].items())
        watch = " ".join(f"{k}={v}" for k, v in s["watch_terms"].items() if v)
        console.print(f"[bold]{name}[/]: {s['sentences']} sentences, score {score}; {counts}", highlight=False)
        console.print(f"  watch terms: {watch or 'none'}", highlight=False)
        for label, rows in s.get("examples", {}).items():
            for row in rows:
                console.print(f"  {label:<8} {row['text'][:110]}", highlight=False, markup=False)


@language_app.command("tone")
@guarded
def language_tone(
    ticker: Annotated[str, typer.Argument(help="Company ticker.")],
    as_of: AsOf = None,
    json_out: JsonOut = False,
) -> None:
    """Stance score per quarter of a company's stored documents and the quarter-over-quarter shift."""
    from aicycle.language.documents import tone
    from aicycle.store import open_store

    with open_store() as store:
        rows = tone(store, ticker, parse_date(as_of))
    if not rows:
        raise InputError(f"no documents stored for {ticker.upper()}; add some with `aicycle ingest`")
    if json_out:
        print_json(rows)
        return
    for q in rows:
        score = "n/a" if q["score"] is None else f"{q['score']:+.2f}"
        shift = "" if q["shift"] is None else f" ({q['shift']:+.2f})"
        flag = " [date estimated]" if q["flags"] else ""
        console.print(f"{q['period']:<10} {q['date']}  {score}{shift}{flag}", highlight=False, markup=False)


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
    for name, r in result.items():
        console.print(f"[bold]{name}[/]: macro-F1 {r['macro_f1']:.3f}, accuracy {r['accuracy']:.3f} (n={r['n']})")
        for label, c in r["per_class"].items():
            console.print(f"  {label:<9} P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}  n={c['support']}")


# --- rumor check --------------------------------------------------------------------------------

# --- economics ----------------------------------------------------------------------------------

# --- event study --------------------------------------------------------------------------------

# --- web ----------------------------------------------------------------------------------------


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
