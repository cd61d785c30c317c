"""Terminal output of a rumor check (Rich): the verdict, the reasoning, the evidence table."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.style import Style
from rich.table import Table
from rich.text import Text

_COLOUR = {"supported": "green", "contradicted": "red", "unclear": "yellow"}
_POINTS = {"supports": "[green]supports[/]", "contradicts": "[red]contradicts[/]", "neutral": "[dim]neutral[/]"}


def print_check(console: Console, result: dict[str, Any]) -> None:
    colour = _COLOUR.get(result["verdict"], "white")
    parsed = result["parsed"]
    console.print(f"[bold]Claim:[/] {escape(result['claim'] or '(empty)')}")
    if result["reasoning"].startswith("Read as"):  # the reasoning opens with the reading: say it once
        console.print(f"[dim]as of {result['as_of']}[/]")
    elif result.get("reading_text"):
        console.print(f"[dim]as of {result['as_of']} · read as: {escape(result['reading_text'])}[/]")
    else:
        console.print(f"[dim]as of {result['as_of']} · company {escape(str(parsed['company']))} · "
                      f"metric {parsed['metric']} · direction {parsed['direction']}[/]")
    console.print(f"[bold {colour}]{result['verdict'].upper()}[/] (confidence {result['confidence']:.2f})")
    console.print(escape(result["reasoning"]))
    if not result["evidence"]:
        return
    table = Table(show_lines=False, expand=True)
    for col, kw in (("#", {"no_wrap": True}), ("date", {"no_wrap": True}), ("points", {"no_wrap": True}),
                    ("evidence", {"ratio": 1}), ("kind", {"no_wrap": True})):
        table.add_column(col, **kw)
    for n, e in enumerate(result["evidence"], 1):
        text = e["text"] + (f" [caveat: {e['caveat']}]" if e.get("caveat") else "")
        table.add_row(str(n), e["date"] or "", _POINTS.get(e["points"], e["points"]), escape(text), e["kind"])
    console.print(table)
    print_sources(console, result["evidence"])


def print_sources(console: Console, evidence: list[dict[str, Any]]) -> None:
    """Each row's source in full: the URL whole (wrapped, never cut) and a terminal hyperlink where the
    terminal supports one."""
    console.print("[bold]Sources[/]")
    for n, e in enumerate(evidence, 1):
        where = " · ".join(x for x in (e.get("source"), e.get("accession")) if x)
        console.print(f"{n:>2}. {escape(where)}", highlight=False, soft_wrap=False, overflow="fold")
        url = e.get("url")
        if url:
            console.print(Text(f"    {url}", style=Style(link=url)), overflow="fold", highlight=False)
