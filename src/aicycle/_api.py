"""The Python API for notebooks (`import aicycle`), re-exported lazily by `aicycle/__init__.py`.

Each function opens the store read-only, asks the same domain code the CLI asks, and returns a typed
object: its headline fields as attributes, the whole result as `.to_dict()` (what `--json` prints),
and its rows as `.rows`, `.to_pandas()` and `.to_arrow()` (what `--format csv|parquet` prints). DuckDB
builds the DataFrame and the Arrow table, so pandas and pyarrow are needed only when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from aicycle._frames import Check, Contracts, Day, EventStudy, Facts, GpuIndex, Report, Rows
from aicycle._frames import day as _day
from aicycle.contracts import table as _contracts_table
from aicycle.facts import table as facts

__all__ = ["Check", "Contracts", "EventStudy", "Facts", "GpuIndex", "Report", "Rows",
           "check", "contracts", "event", "facts", "gpu_index", "report"]


def report(as_of: Day = None) -> Report:
    """The cycle report as it could be seen on `as_of` (default: the store's data date)."""
    from aicycle.cycle import build_report
    from aicycle.store import open_store

    with open_store() as store:
        result = build_report(store, _day(as_of))
    doc = result.to_dict()
    rows = [{"as_of": result.as_of, "checkpoint": cp["id"], "state": cp["state"], "score": cp["score"],
             "metric": m["name"], "label": m["label"], "period": m.get("period"), "value": m["value"],
             "unit": m.get("unit")} for cp in doc["checkpoints"] for m in cp["metrics"]]
    v = doc["verdict"]
    return Report(rows=rows, as_of=result.as_of, verdict=v["state"], score=v["score"], summary=v["summary"],
                  checkpoints=doc["checkpoints"], data=doc)


def check(claim: str, as_of: Day = None) -> Check:
    """A headline against what was public on `as_of`: supported, contradicted or unclear."""
    from aicycle.rumor import check as rumor_check
    from aicycle.store import open_store

    with open_store() as store:
        result = rumor_check(store, claim, _day(as_of))
    return Check(rows=list(result["evidence"]), claim=claim, as_of=result.get("as_of"), verdict=result["verdict"],
                 confidence=result["confidence"], reasoning=result["reasoning"], data=result)


def gpu_index(as_of: Day = None, sku: str | None = None, family: str | None = None,
              term: str | None = None) -> GpuIndex:
    """The GPU rental price index per SKU, family and term (default as-of: the store's data date)."""
    from aicycle.cycle import latest_date
    from aicycle.gpu import index as gi
    from aicycle.render.gpu_prices import flat_rows, summaries
    from aicycle.store import open_store

    with open_store() as store:
        day = _day(as_of) or latest_date(store) or dt.date.today()
        lines = [ln for ln in gi.lines(store, day, family, sku) if term is None or ln.term == term]
    found = summaries(lines, day)
    return GpuIndex(rows=flat_rows(found, day), as_of=day, method_version=gi.METHOD_VERSION,
                    data={"as_of": day.isoformat(), "method_version": gi.METHOD_VERSION, "lines": found})


def event(event_id: str | None = None, *, date: Day = None, timing: str | None = None,
          tickers: Sequence[str] | str | None = None, group: str | None = None, **spec: Any) -> EventStudy:
    """An event study: a named event (`aicycle event --list`) or your own `date`; `spec` takes the CLI's
    options (window=(-1, 1), estimation=120, gap=10, model="market", market="SPY", after=20)."""
    from aicycle.eventstudy import report as ev_report
    from aicycle.eventstudy.spec import Spec
    from aicycle.store import open_store

    names = ",".join(tickers) if tickers is not None and not isinstance(tickers, str) else tickers
    with open_store() as store:
        ev = ev_report.pick_event(store, event_id, _day(date, "date"), timing)
        result = ev_report.study(store, ev, names, group, Spec(**spec).validate())
    return EventStudy(rows=ev_report.security_rows(result), event=result["event"],
                      summary=result.get("summary", ""), portfolio=result["portfolio"],
                      fundamentals_next=result.get("fundamentals_next", []), data=result)


contracts = _contracts_table
