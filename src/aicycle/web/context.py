"""What every view needs: a way to reach the store, the templates, and the report cache."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from aicycle.errors import StoreDamagedError
from aicycle.store import Store, open_store
from aicycle.strict_json import dumps
from aicycle.web.figures import json_for_script

T = TypeVar("T")
REPORT_CACHE_SIZE = 32  # distinct as_of dates kept; a report is small, building one is not


class StoreSource:
    """Opens the store for one request (read-only), or lends a store given in-process (tests).

    Short-lived read-only connections let `aicycle refresh` take the writer lock while the
    dashboard runs; the file's modification time tells the report cache when data changed.
    """

    def __init__(self, path: Path | None = None, store: Store | None = None) -> None:
        self.path = path
        self._store = store
        self._lock = threading.Lock()
        if store is None:
            try:
                open_store(path).close()  # create and seed it now, not on the first request
            except StoreDamagedError:
                pass  # served anyway: every page that needs the store says what to run

    @contextmanager
    def open(self) -> Iterator[Store]:
        if self._store is not None:
            with self._lock:  # one DuckDB connection is not safe across threads
                yield self._store
            return
        store = open_store(self.path)
        try:
            yield store
        finally:
            store.close()

    def version(self) -> int:
        if self._store is not None or self.path is None or not self.path.exists():
            return 0
        return self.path.stat().st_mtime_ns


class ReportCache:
    """Reports by as_of, dropped when the store changes: /api/report is served from memory."""

    def __init__(self, size: int = REPORT_CACHE_SIZE) -> None:
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()
        self._building: dict[tuple[Any, ...], threading.Lock] = {}
        self._size = size

    def peek(self, key: tuple[Any, ...]) -> Any | None:
        with self._lock:
            return self._items.get(key)

    def get(self, key: tuple[Any, ...], build: Callable[[], T]) -> T:
        """The cached value, or build it once: concurrent misses for one key wait for one build."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            gate = self._building.setdefault(key, threading.Lock())
        with gate:
            with self._lock:
                if key in self._items:  # built while this request waited
                    return self._items[key]
            value = build()
            with self._lock:
                self._items[key] = value
                self._building.pop(key, None)
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
        return value


def template_env() -> jinja2.Environment:
    # the dashboard's pages and the one page frame (render/templates/frame.html.j2) all pages share
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(resources.files("aicycle.web").joinpath("templates"))),
                                  jinja2.PackageLoader("aicycle.render", "templates")])
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["script_json"] = json_for_script
    env.filters["money"] = money
    env.filters["num"] = number
    return env


def money(value: float | None, unit: str | None = "USD") -> str:
    """Base-unit amounts as people read them: $35.7bn, ₩1.2tn."""
    if value is None:
        return "–"
    symbol = "$" if unit in (None, "USD") else ""
    suffix = "" if unit in (None, "USD") else f" {unit}"
    for size, name in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{symbol}{value / size:,.1f}{name}{suffix}"
    return f"{symbol}{value:,.0f}{suffix}"


def number(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, (int, float)):
        return f"{value:,.{digits}f}"
    return str(value)


class Web:
    """Per-app state, kept on `app.state.web`."""

    def __init__(self, source: StoreSource) -> None:
        self.source = source
        self.reports = ReportCache()
        self.env = template_env()

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(request_path=request.url.path, **context)
        return HTMLResponse(html, status_code=status)

    def report(self, as_of: dt.date | None) -> dict[str, Any]:
        return self._cached_report(as_of)[1]

    def report_object(self, as_of: dt.date | None) -> Any:
        """The Report itself (the render functions take its readings)."""
        return self._cached_report(as_of)[0]

    def report_json(self, as_of: dt.date | None) -> bytes:
        """The report as encoded JSON, built once per as_of (and per store version)."""
        return self._cached_report(as_of)[2]

    def cached_report_json(self, as_of: dt.date | None) -> bytes | None:
        """The encoded report if it is cached (no store access: safe on the event loop)."""
        hit = self.reports.peek(self._report_key(as_of))
        return hit[2] if hit is not None else None

    def _report_key(self, as_of: dt.date | None) -> tuple[Any, ...]:
        return (as_of, dt.date.today(), self.source.version())

    def _cached_report(self, as_of: dt.date | None) -> tuple[Any, dict[str, Any], bytes]:
        from aicycle.web import adapters

        key = self._report_key(as_of)

        def build() -> tuple[Any, dict[str, Any], bytes]:
            with self.source.open() as store:
                report = adapters.report(store, as_of)
            encoded = dumps(report.to_dict(), indent=None).encode()  # strict: never NaN
            return report, json.loads(encoded), encoded  # plain JSON types in the dict

        return self.reports.get(key, build)


def web(request: Request) -> Web:
    return request.app.state.web
