"""Glue between the CLI and the study: choose the event and tickers, add what followed, print, compare."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from aicycle.errors import InputError
from aicycle.eventstudy import study as study_mod
from aicycle.eventstudy.fundamentals import fundamentals_next
from aicycle.eventstudy.spec import Spec
from aicycle.eventstudy.summary import GLOSSARY, glossary, material_next, pct, plain_summary
from aicycle.market import events, groups
from aicycle.store import Store

HORIZON_DAYS = 120  # how long after the event "what the fundamentals said next" looks


def list_rows(store: Store) -> list[dict[str, Any]]:
    return [{**r, "news_date": r["news_date"].isoformat()} for r in events.list_events(store)]


def print_list(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("event", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("timing", overflow="fold")
    table.add_column("headline", overflow="fold")
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
    """The study with its plain-words summary, every hard datum revised after the event
    (`fundamentals_next`) and the material ones (`fundamentals_material`)."""
    names = groups.resolve(tickers, group)
    result = study_mod.run(store, event, names, spec)
    if not result["securities"]:
        raise InputError("no security could be studied: " + "; ".join(e["error"] for e in result["errors"]))
    raw = fundamentals_next(store, event.date, horizon_days=HORIZON_DAYS)
    result["summary"] = plain_summary(result)
    result["fundamentals_material"] = material_next(
        store, event.date, event.date + dt.timedelta(days=HORIZON_DAYS), raw)
    result["fundamentals_next"] = raw
    result["glossary"] = dict(GLOSSARY)
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
    """The summary in plain words, one row per stock, the portfolio's tests with what each asks, and
    the material changes in the fundamentals after the event. Fits 80 columns."""
    ev = result["event"]
    console.print(f"[bold]{ev['id']}[/] · news {ev['date']} ({ev['timing']})", highlight=False)
    console.print(result.get("summary") or ev["headline"], highlight=False, markup=False)
    console.print(f"[dim]model {result['model']}, market {result['market']}, estimation window "
                  f"{result['estimation_window']}, event window {result['event_window']}[/]", highlight=False)
    console.print(_securities_table(result))
    if result["portfolio"]:
        console.print(_tests_table(result["portfolio"]))
    for note in result["notes"]:
        console.print(f"note: {note}", highlight=False, markup=False)
    for err in result["errors"]:
        console.print(f"[yellow]skipped[/] {escape(err['error'])}", highlight=False)
    material = result.get("fundamentals_material") or []
    if material:
        console.print(_material_table(material))
    elif result.get("fundamentals_next") is not None:
        console.print("What the fundamentals said next: nothing material filed after the event yet.")
    if html:
        console.print(f"wrote {html}")


def _securities_table(result: dict[str, Any]) -> Table:
    secs = result["securities"]
    day0s = [s["day0"] for s in secs]
    common = max(set(day0s), key=day0s.count)
    after = next((s["car_after"]["day"] for s in secs if s["car_after"]), None)
    t = Table(title=f"Each stock (day 0 = {common}; * another day 0, its market's first session)",
              title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    t.add_column("stock", no_wrap=True)
    for col in ("AR day 0", "CAR", "t", "p", f"CAR {after:+d}" if after else "CAR later",
                f"return {after:+d}" if after else "return later"):
        t.add_column(col, justify="right", no_wrap=True)
    for s in secs:
        ar0 = next((a["ar"] for a in s["abnormal_returns"] if a["day"] == 0), None)
        later = s["car_after"]
        t.add_row(s["ticker"] + ("*" if s["day0"] != common else ""), pct(ar0), pct(s["car"]),
                  _num(s["tests"]["t_car"]["stat"]), _num(s["tests"]["t_car"]["p"], 3),
                  pct(later and later["car"]), pct(later and later["cum_return"]))
    t.caption = ("AR: " + GLOSSARY["AR"] + ". CAR: the ARs added up over the event window. "
                 f"t, p: {GLOSSARY['p']}. All columns: --format csv.")
    t.caption_justify = "left"
    return t


def _tests_table(p: dict[str, Any]) -> Table:
    t = Table(title=f"The {p['n']} stocks together: CAAR {pct(p['car'])} (the average CAR)", title_justify="left",
              box=box.SIMPLE_HEAD, pad_edge=False)
    t.add_column("test", no_wrap=True)
    t.add_column("stat", justify="right", no_wrap=True)
    t.add_column("p", justify="right", no_wrap=True)
    t.add_column("what it asks", overflow="fold")
    meanings = dict(glossary(list(p["tests"])))
    for name, v in p["tests"].items():
        t.add_row(name, _num(v["stat"]), _num(v["p"], 3), meanings.get(name, ""))
    return t


def _material_table(items: list[dict[str, Any]]) -> Table:
    t = Table(title="What the fundamentals said next (material changes)", title_justify="left",
              box=box.SIMPLE_HEAD, pad_edge=False)
    t.add_column("filed", no_wrap=True)
    t.add_column("who", no_wrap=True)
    t.add_column("what", overflow="fold")
    t.add_column("change", overflow="fold")
    for i in items:
        if i["kind"] == "gpu_price":
            change = i["reading"]
        elif i["before"] is None:
            change = f"{i['after']} ({i['reading']})"
        else:
            change = f"{i['before']} → {i['after']} ({i['reading']})"
        t.add_row(i["filed"], i["ticker"] or "", i["what"], change)
    return t


def security_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per security studied (csv / parquet): day 0, beta, abnormal return, CAR and its test."""
    ev = result["event"]
    rows = []
    for s in result["securities"]:
        later = s["car_after"] or {}
        rows.append({"event": ev["id"], "event_date": ev["date"], "ticker": s["ticker"], "day0": s["day0"],
                     "beta": s["beta"], "ar_day0": next((a["ar"] for a in s["abnormal_returns"] if a["day"] == 0),
                                                        None),
                     "car": s["car"], "t": s["tests"]["t_car"]["stat"], "p": s["tests"]["t_car"]["p"],
                     "car_after": later.get("car"), "return_after": later.get("cum_return"),
                     "after_day": later.get("day")})
    return rows


def write_html(result: dict[str, Any], path: Path) -> None:
    from aicycle.outfile import write_text
    from aicycle.render.event_html import render_event

    write_text(path, render_event(result))


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:+.1%}"


def _num(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f}"
