"""The grid and permitting signal, point in time: `signal(store, as_of)` and `events(store, as_of)`.

Events are the dated rows of `power_events` (utilities' load pipelines, PJM capacity prices, ERCOT's
large-load queue, moratoria, permits, turbine order books, transformer shortages, power deals). The
rule, with its weights in rules.py (GRID_*, MORATORIUM_OPEN_DAYS):

- an event counts when it became public within the GRID_WINDOW_DAYS before as_of, weighted by its kind;
- a moratorium counts only while in force: from its start to its stated end, or for MORATORIUM_OPEN_DAYS
  when none is stated - before it starts or after it lifts it adds nothing, however recent;
- net = (tightening - easing) / (tightening + easing), weighted: >= GRID_SIGNAL_BAND "tightening",
  <= -GRID_SIGNAL_BAND "easing", between "mixed"; fewer than GRID_MIN_EVENTS counted events is too few
  to read ("unknown", the net still shown).

Running series (PJM's capacity price, ERCOT's queue, ...) are read as their latest level public by
as_of, next to the one before it. The rumor check and the power checkpoint both read the grid here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from aicycle import rules
from aicycle.store import Store


@dataclass(frozen=True)
class Series:
    """A running series inside the events: one actor's figure of one kind, in one unit."""

    key: str
    label: str
    event_kind: str
    actor: str
    unit: str
    region: str | None = None


SERIES = (
    Series("pjm_capacity_price", "PJM capacity price (RTO)", "capacity_price", "PJM Interconnection",
           "USD/MW-day", "US-PJM (RTO)"),
    Series("ercot_large_load_queue", "ERCOT large-load queue", "queue", "ERCOT", "GW"),
    Series("gas_turbines_booked_through", "GE Vernova gas turbines", "turbine_backlog",
           "GE Vernova", "booked-through year"),
    Series("dominion_data_center_contracting", "Dominion data-center contracting", "load_pipeline",
           "Dominion Energy", "GW"),
    Series("oncor_data_center_requests", "Oncor data-center requests", "queue", "Oncor Electric Delivery (Sempra)",
           "GW"),
)
_AT_CAP = ("at cap", "at the cap", "price cap", "price ceiling", "ceiling")


@dataclass(frozen=True)
class Event:
    """One event and how the rule reads it on the as-of date."""

    filed: dt.date
    day: dt.date
    actor: str
    region: str | None
    event_kind: str
    direction: str
    value: float | None
    unit: str | None
    text: str
    source_type: str
    weight: float     # its kind's weight (GRID_KIND_WEIGHTS)
    counts: bool      # inside the window (a moratorium: in force)
    why: str
    row: dict[str, Any] = field(repr=False, compare=False)

    @property
    def primary(self) -> bool:
        return self.source_type.startswith("primary:")

    def to_dict(self) -> dict[str, Any]:
        r = self.row
        return {"filed": self.filed.isoformat(), "day": self.day.isoformat(), "day_precision": r["day_precision"],
                "actor": self.actor, "region": self.region, "kind": self.event_kind, "direction": self.direction,
                "value": self.value, "unit": self.unit, "text": self.text, "quote": r["quote"],
                "source_type": self.source_type, "weight": self.weight, "counts": self.counts, "why": self.why,
                "until": r["until"].isoformat() if r["until"] else None, "source": r["source"], "url": r["url"],
                "method": r["method"], "flag": r["flag"]}


@dataclass(frozen=True)
class Level:
    """The latest public value of a running series, with the one before it."""

    series: Series
    event: Event
    previous: Event | None
    at_cap: bool

    @property
    def phrase(self) -> str:
        """How the headline says it: 'PJM capacity at the price cap ($333.44/MW-day)'."""
        v, key = self.event.value, self.series.key
        if key == "pjm_capacity_price":
            return f"PJM capacity {'at the price cap ' if self.at_cap else ''}(${v:,.2f}/MW-day)"
        if key == "gas_turbines_booked_through":
            return f"gas turbines booked through {v:.0f}"
        return f"{self.series.label} {v:,.0f} {self.series.unit}"

    def to_dict(self) -> dict[str, Any]:
        return {"series": self.series.key, "label": self.series.label, "value": self.event.value,
                "unit": self.event.unit, "day": self.event.day.isoformat(), "filed": self.event.filed.isoformat(),
                "at_cap": self.at_cap, "phrase": self.phrase, "text": self.event.text, "url": self.event.row["url"],
                "source_type": self.event.source_type, "flag": self.event.row["flag"],
                "previous": None if self.previous is None else {
                    "value": self.previous.value, "day": self.previous.day.isoformat(),
                    "filed": self.previous.filed.isoformat()}}


@dataclass(frozen=True)
class Signal:
    """The grid on one date: state, weighted counts, the events that count, the running levels."""

    as_of: dt.date
    state: str               # tightening | easing | mixed | unknown
    net: float | None        # (tightening - easing) / (tightening + easing), weighted
    tightening: float
    easing: float
    events: tuple[Event, ...]  # counted, newest first
    levels: tuple[Level, ...]
    public: tuple[Event, ...] = field(default=(), repr=False, compare=False)  # all public by as_of

    @property
    def binds(self) -> list[str]:
        """The levels that say what binds (their latest move tightened)."""
        return [lv.phrase for lv in self.levels if lv.event.direction == "tightening"]

    def to_dict(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "state": self.state, "net": self.net,
                "tightening": self.tightening, "easing": self.easing, "window_days": rules.GRID_WINDOW_DAYS,
                "binds": self.binds, "levels": [lv.to_dict() for lv in self.levels],
                "events": [e.to_dict() for e in self.events]}


def moratorium_window(row: dict[str, Any]) -> tuple[dt.date, dt.date]:
    start = row["day"]
    return start, row["until"] or start + dt.timedelta(days=rules.MORATORIUM_OPEN_DAYS)


def weigh(row: dict[str, Any], as_of: dt.date) -> Event:
    """How the rule reads one event row on `as_of`."""
    if row["filed"] > as_of:
        counts, why = False, f"not public until {row['filed']}"
    elif row["event_kind"] == "moratorium":
        start, end = moratorium_window(row)
        counts = start <= as_of <= end
        stated = "stated end" if row["until"] else f"no end stated: {rules.MORATORIUM_OPEN_DAYS} days"
        why = f"in force {start} to {end} ({stated})" if counts else f"not in force on {as_of} ({start} to {end})"
    else:
        age = (as_of - row["filed"]).days
        counts = age <= rules.GRID_WINDOW_DAYS
        why = f"{age} days old" + ("" if counts else f" (> {rules.GRID_WINDOW_DAYS})")
    return Event(filed=row["filed"], day=row["day"], actor=row["actor"], region=row["region"],
                 event_kind=row["event_kind"], direction=row["direction"], value=row["value"], unit=row["unit"],
                 text=row["value_text"], source_type=row["source_type"],
                 weight=rules.GRID_KIND_WEIGHTS.get(row["event_kind"], 0.0), counts=counts, why=why, row=row)


def events(store: Store, as_of: dt.date, *, kind: str | None = None, since: dt.date | None = None) -> list[Event]:
    """Every event public by `as_of` (and on or after `since`), newest first, weighed on `as_of`."""
    sql = "SELECT * FROM power_events WHERE filed <= ?"
    params: list[Any] = [as_of]
    if kind is not None:
        sql += " AND event_kind = ?"
        params.append(kind)
    if since is not None:
        sql += " AND filed >= ?"
        params.append(since)
    rows = store.query(sql + " ORDER BY filed DESC, day DESC, actor, event_key", params)
    return [weigh(r, as_of) for r in rows]


def net_state(tight: float, loose: float, n: int) -> tuple[str, float | None]:
    total = tight + loose
    if not total:
        return "unknown", None
    net = round((tight - loose) / total, 3)
    if n < rules.GRID_MIN_EVENTS:
        return "unknown", net
    if net >= rules.GRID_SIGNAL_BAND:
        return "tightening", net
    if net <= -rules.GRID_SIGNAL_BAND:
        return "easing", net
    return "mixed", net


def belongs(e: Event, series: Series) -> bool:
    """Whether an event is a point of a running series (same kind, actor, unit and region)."""
    return (e.event_kind == series.event_kind and e.actor == series.actor and e.unit == series.unit
            and e.value is not None and (series.region is None or e.region == series.region))


def levels(public: list[Event]) -> tuple[Level, ...]:
    """Each running series' latest level among `public` (newest first), with the one before."""
    out = []
    for series in SERIES:
        points = [e for e in public if belongs(e, series)]
        if points:
            last = points[0]
            out.append(Level(series=series, event=last, previous=points[1] if len(points) > 1 else None,
                             at_cap=any(w in last.text.lower() for w in _AT_CAP)))
    return tuple(out)


def signal(store: Store, as_of: dt.date) -> Signal:
    """The grid and permitting signal as of a date, from the events public by then."""
    public = events(store, as_of)
    counted = tuple(e for e in public if e.counts)
    tight = sum(e.weight for e in counted if e.direction == "tightening")
    loose = sum(e.weight for e in counted if e.direction == "easing")
    n = sum(1 for e in counted if e.direction != "neutral")
    state, net = net_state(tight, loose, n)
    return Signal(as_of=as_of, state=state, net=net, tightening=round(tight, 3), easing=round(loose, 3),
                  events=counted, levels=levels(public), public=tuple(public))
