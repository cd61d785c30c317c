"""`aicycle power`: the grid and permitting events public by a date, the signal they make, and the
latest level of each running series. Text from the data is printed as text, never as Rich markup."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from aicycle import grid, rules
from aicycle.render.numbers import fmt
from aicycle.store import Store

ARROWS = {"tightening": ("▲", "red"), "easing": ("▼", "green"), "neutral": ("·", "dim")}


def listing(store: Store, as_of: dt.date, kind: str | None = None) -> dict[str, Any]:
    """The signal on `as_of` and every event public by then (of one kind, if given), newest first."""
    signal = grid.signal(store, as_of)
    public = grid.events(store, as_of, kind=kind)
    out = signal.to_dict()
    out.pop("events")
    return {**out, "kind": kind, "events": [e.to_dict() for e in public]}


def print_listing(console: Console, data: dict[str, Any]) -> None:
    console.print(Text.assemble(("Grid and permitting as of ", "bold"), (data["as_of"], "bold"), ": ",
                                (data["state"], "bold"),
                                f" (net {data['net']:+.2f}" if data["net"] is not None else " (net n/a",
                                f"; tightening {data['tightening']:g} vs easing {data['easing']:g}, weighted, "
                                f"{data['window_days']} days)",
                                f" - fewer than {rules.GRID_MIN_EVENTS} events, too few to read"
                                if data["state"] == "unknown" and data["net"] is not None else ""))
    if data["binds"]:
        console.print(Text("What binds: " + "; ".join(data["binds"])))
    if data["levels"]:
        console.print(_levels(data["levels"]))
    console.print(_events(data["events"], data["kind"]))
    n_weak = sum(1 for e in data["events"] if e["flag"])
    console.print(Text(f"{len(data['events'])} events: ▲ tightening, ▼ easing, · neutral; In ✓ = counted (inside "
                       f"the {rules.GRID_WINDOW_DAYS}-day window; a moratorium: in force); Src P = primary, "
                       f"S = secondary, ! = flagged ({n_weak}; --json has each flag, quote and URL)", style="dim"))


def _levels(levels: list[dict[str, Any]]) -> Table:
    table = Table(title=Text("Running series (latest public level)", style="bold"), title_justify="left",
                  expand=True, box=None)
    table.add_column("Series", ratio=1)
    table.add_column("Date", no_wrap=True)
    table.add_column("Level", justify="right", no_wrap=True)
    table.add_column("Before", justify="right", no_wrap=True)
    for lv in levels:
        prev = lv["previous"]
        table.add_row(Text(lv["label"] + (" (at the price cap)" if lv["at_cap"] else "")), lv["day"],
                      fmt(lv["value"], lv["unit"]), fmt(prev["value"], lv["unit"]) if prev else "—")
    return table


def _events(events: list[dict[str, Any]], kind: str | None) -> Table:
    title = "Events" + (f" of kind {kind}" if kind else "") + ", newest first"
    table = Table(title=Text(title, style="bold"), title_justify="left", expand=True, box=box.SIMPLE_HEAD,
                  pad_edge=False)
    table.add_column("Public", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("Kind · who · what", ratio=1)
    table.add_column("In", no_wrap=True)
    table.add_column("Src", no_wrap=True)
    for e in events:
        arrow, style = ARROWS.get(e["direction"], ("?", ""))
        what = Text(e["kind"].replace("_", " "), style=style)
        what.append(" · ")
        what.append(e["actor"], style="bold")
        what.append(f" ({e['region']})" if e["region"] else "")
        what.append(": " + e["text"])
        public = e["filed"] + ("*" if e["day_precision"] == "month" else "")
        source = ("P" if e["source_type"].startswith("primary:") else "S") + ("!" if e["flag"] else "")
        table.add_row(public, Text(arrow, style=style), what, "✓" if e["counts"] else "", source)
    table.caption = "* month only: dated on the month's last day" if any(
        e["day_precision"] == "month" for e in events) else None
    return table
