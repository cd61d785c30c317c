"""Terminal output of `aicycle economics` (rich tables); the JSON is the full result."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from aicycle.economics.html import claim_value, headline, payback_vs_npv
from aicycle.economics.inputs import SPECS, Inputs
from aicycle.errors import InputError


def scenario_and_overrides(items: list[str] | None, sets: list[str] | None) -> tuple[str | None, list[str]]:
    """Split the command's words: at most one scenario name or path; every name=value is an override."""
    words = list(items or [])
    overrides = list(sets or []) + [w for w in words if "=" in w]
    names = [w for w in words if "=" not in w]
    if len(names) > 1:
        raise InputError(f"give at most one scenario, got {names}")
    return (names[0] if names else None), overrides


def input_rows() -> list[dict[str, Any]]:
    defaults = dataclasses.asdict(Inputs())
    return [{"name": s.name, "unit": s.unit, "default": defaults[s.name], "help": s.help} for s in SPECS]


def print_inputs(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("input", no_wrap=True)
    table.add_column("unit", overflow="fold")
    table.add_column("default", justify="right", no_wrap=True)
    table.add_column("meaning", overflow="fold")
    for row in rows:
        table.add_row(row["name"], row["unit"], str(row["default"]), row["help"])
    console.print(table)


def print_catalog(console: Console, catalog: list[dict[str, Any]]) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("scenario", no_wrap=True)
    for col in ("label", "figure", "title"):
        table.add_column(col, overflow="fold")
    for row in catalog:
        table.add_row(row["name"], row["label"], str(row["figure"] or ""), row["title"])
    console.print(table)


def print_result(console: Console, r: dict[str, Any], html: Path | None) -> None:
    s = r["scenario"]
    console.print(f"[bold]{s['title']}[/] ({s['label']}, scenario {s['name']})", highlight=False)
    if s["source"].get("quote"):
        console.print(f"  \u201c{s['source']['quote']}\u201d", style="italic", highlight=False)
    if r.get("overrides"):
        console.print("overrides (pinned, not varied by the Monte Carlo or the tornado): " + ", ".join(
            f"{k} = {_value(v)}" for k, v in r["overrides"].items()), highlight=False, markup=False)
    table = Table(show_header=False)
    for key, value in headline(r):
        table.add_row(key, value)
    console.print(table)
    check = r.get("claim_check")
    if check:
        verdict = "within" if check["within"] else "outside"
        console.print(f"claim check: {check['output']} claimed {check['low']:g}-{check['high']:g}, "
                      f"model {claim_value(check)}: {verdict}", highlight=False)
    mc = r.get("monte_carlo")
    if mc:
        irr, pb = mc["irr"]["percentiles"], mc["payback_years"]["percentiles"]
        console.print(f"Monte Carlo ({mc['draws']:,} draws, seed {mc['seed']}): IRR p5/p50/p95 "
                      f"{_pct(irr['p5'])} / {_pct(irr['p50'])} / {_pct(irr['p95'])}; payback p50 "
                      f"{_num(pb['p50'])} years; P(NPV < 0) {mc['probability_npv_negative']:.0%}",
                      highlight=False)
        why = payback_vs_npv(r)
        if why:
            console.print(why, highlight=False)
    if html is not None:
        console.print(f"wrote {html}", highlight=False)


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.1%}"


def _num(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.1f}"


def _value(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)
