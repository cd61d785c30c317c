"""Glue between the CLI and the study: choose the event and tickers, add what followed, print, compare."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from aicycle.errors import InputError
from aicycle.eventstudy import study as study_mod
from aicycle.eventstudy.fundamentals import fundamentals_next
from aicycle.eventstudy.spec import Spec
from aicycle.market import events, groups
from aicycle.store import Store


def list_rows(store: Store) -> list[dict[str, Any]]:
    return [{**r, "news_date": r["news_date"].isoformat()} for r in events.list_events(store)]


def print_list(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table("event", "date", "timing", "headline")
    for r in rows:
        table.add_row(r["event_id"], r["news_date"], r["timing"], r["headline"])
    console.print(table)


def pick_event(store: Store, event_id: str | None, date: dt.date | None, timing: str | None) -> events.Event:
    """A named event (its timing can be overridden with --timing) or the user's own (--date)."""
    if event_id and date:
        raise InputError("give either EVENT_ID or --date, not both")
    if date:
        return events.user_event(date, timing or "during")
    if not event_id:
        raise InputError("name an event (aicycle event --list) or give --date YYYY-MM-DD")
    named = events.get_event(store, event_id)
    if timing:
        return dataclasses.replace(named, timing=events.normalize_timing(timing))
    return named


def study(store: Store, event: events.Event, tickers: str | None, group: str | None, spec: Spec) -> dict[str, Any]:
    names = groups.resolve(tickers, group)
    result = study_mod.run(store, event, names, spec)
    if not result["securities"]:
        raise InputError("no security could be studied: " + "; ".join(e["error"] for e in result["errors"]))
    result["fundamentals_next"] = fundamentals_next(store, event.date)
    return result


def compare(store: Store, first: str, second: str, tickers: str | None, group: str | None,
            spec: Spec) -> dict[str, Any]:
    """Both events with the same tickers and settings; one row per ticker."""
    names = groups.resolve(tickers, group)
    runs = [study_mod.run(store, events.get_event(store, e), names, spec) for e in (first, second)]
    rows = []
    for t in names:
        cells = [next((s for s in r["securities"] if s["ticker"] == t), None) for r in runs]
        rows.append({"ticker": t, **{f"{k}_{i}": _cell(c, k) for i, c in zip(("a", "b"), cells, strict=False)
                                      for k in ("day0", "car", "t", "p", "ar0")}})
    return {"a": runs[0]["event"], "b": runs[1]["event"], "model": spec.model, "market": runs[0]["market"],
            "event_window": list(spec.window), "rows": rows,
            "portfolio": [r["portfolio"] for r in runs], "errors": [r["errors"] for r in runs]}


def _cell(sec: dict[str, Any] | None, key: str) -> Any:
    if sec is None:
        return None
    if key == "t":
        return sec["tests"]["t_car"]["stat"]
    if key == "p":
        return sec["tests"]["t_car"]["p"]
    if key == "ar0":
        return next((a["ar"] for a in sec["abnormal_returns"] if a["day"] == 0), None)
    return sec[key]


def print_compare(console: Console, table: dict[str, Any]) -> None:
    a, b = table["a"]["id"], table["b"]["id"]
    t = Table("ticker", f"{a} CAR", "t", f"{b} CAR", "t", title=f"window {table['event_window']}, {table['model']}")
    for r in table["rows"]:
        t.add_row(r["ticker"], _pct(r["car_a"]), _num(r["t_a"]), _pct(r["car_b"]), _num(r["t_b"]))
    pa, pb = table["portfolio"]
    t.add_row("portfolio", _pct(pa and pa["car"]), _num(pa and pa["tests"]["bmp_kp"]["stat"]),
              _pct(pb and pb["car"]), _num(pb and pb["tests"]["bmp_kp"]["stat"]))
    console.print(t)


def print_study(console: Console, result: dict[str, Any], html: Path | None) -> None:
    ev = result["event"]
    console.print(f"[bold]{ev['id']}[/] {ev['date']} ({ev['timing']}) {ev['headline']}", highlight=False)
    console.print(f"model {result['model']}, market {result['market']}, estimation "
                  f"{result['estimation_window']}, window {result['event_window']}", highlight=False)
    after = next((s["car_after"]["day"] for s in result["securities"] if s["car_after"]), None)
    later_cols = (f"CAR to {after:+d}", f"return to {after:+d}") if after else ("CAR later", "return later")
    t = Table("ticker", "day 0", "beta", "AR day 0", "CAR", "t", "p", *later_cols)
    for s in result["securities"]:
        ar0 = next((a["ar"] for a in s["abnormal_returns"] if a["day"] == 0), None)
        later = s["car_after"]
        t.add_row(s["ticker"], s["day0"], _num(s["beta"]), _pct(ar0), _pct(s["car"]),
                  _num(s["tests"]["t_car"]["stat"]), _num(s["tests"]["t_car"]["p"], 3),
                  _pct(later and later["car"]), _pct(later and later["cum_return"]))
    console.print(t)
    if result["portfolio"]:
        p = result["portfolio"]
        tests = ", ".join(f"{k} {_num(v['stat'])} (p {_num(v['p'], 3)})" for k, v in p["tests"].items())
        console.print(f"portfolio of {p['n']}: CAAR {_pct(p['car'])}; {tests}", highlight=False)
    for note in result["notes"]:
        console.print(f"note: {note}", highlight=False)
    for err in result["errors"]:
        console.print(f"[yellow]skipped[/] {err['error']}", highlight=False)
    if result.get("fundamentals_next"):
        console.print("what the fundamentals said next:")
        for f in result["fundamentals_next"][:12]:
            before = f["before"]["value"] if f["before"] else None
            console.print(f"  {f['ticker'] or ''} {f['metric']} {f['period_end'] or ''}: {before} -> "
                          f"{f['next']['value']} (filed {f['next']['filed']}, {f['direction']})", highlight=False)
    if html:
        console.print(f"wrote {html}")


def write_html(result: dict[str, Any], path: Path) -> None:
    from aicycle.outfile import write_text
    from aicycle.render.event_html import render_event

    write_text(path, render_event(result))


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:+.1%}"


def _num(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f}"
