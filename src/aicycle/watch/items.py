"""Dated items that are news when first seen: filings and releases, reports, guidance vintages, contracts.

Each detector lists the items public in [as_of - WATCH_NEW_WITHIN_DAYS, as_of] and turns the ones not
seen before into events (`fresh`). What was seen is kept per kind in the announced state as
{identity: day}; identities older than the window are dropped, since an item that old is never news.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from aicycle import rules, universe
from aicycle.checkpoints import capex
from aicycle.checkpoints import common as c
from aicycle.store import Store
from aicycle.watch import contracts as cc
from aicycle.watch.events import Event, evidence

State = dict[str, Any]
Candidate = tuple[str, dt.date, Callable[[], Event]]  # identity, day, how to build the event


def window(as_of: dt.date) -> dt.date:
    return as_of - dt.timedelta(days=rules.WATCH_NEW_WITHIN_DAYS)


def fresh(state: State, kind: str, candidates: list[Candidate], as_of: dt.date) -> list[Event]:
    """Events for the candidates not seen before; every candidate in the window is seen afterwards."""
    floor = window(as_of)
    seen: dict[str, str] = {k: d for k, d in state.get(f"seen:{kind}", {}).items() if d >= floor.isoformat()}
    out = []
    for identity, day, build in candidates:
        if day < floor or identity in seen:
            continue
        seen[identity] = day.isoformat()
        out.append(build())
    state[f"seen:{kind}"] = seen
    return out


def watched(tickers: list[str] | None) -> set[str]:
    return set(tickers) if tickers else {co.ticker for co in universe.companies()}


def filings(store: Store, as_of: dt.date, tickers: set[str]) -> list[Candidate]:
    """Documents (releases, transcripts), filings behind reported facts, and the submissions lists."""
    floor = window(as_of)
    found: dict[str, Candidate] = {}
    for row in store.query("SELECT * EXCLUDE (text) FROM documents WHERE date BETWEEN ? AND ? "
                           "ORDER BY date, doc_id", [floor, as_of]):
        if row["ticker"] in tickers:
            key = f"acc:{row['accession']}" if row["accession"] else f"doc:{row['doc_id']}"
            found[key] = (key, row["date"], _document_event(key, row))
    for row in store.query(
            "SELECT ticker, accession, any_value(form) AS form, min(filed) AS filed, count(*) AS n, "
            "any_value(url) AS url, any_value(source) AS source FROM facts WHERE kind = 'reported' "
            "AND accession IS NOT NULL AND filed BETWEEN ? AND ? GROUP BY ticker, accession "
            "ORDER BY filed, accession", [floor, as_of]):
        key = f"acc:{row['accession']}"
        if row["ticker"] in tickers and key not in found:
            found[key] = (key, row["filed"], _facts_event(key, row))
    for row in _submissions(store, floor, as_of, tickers):
        key = f"acc:{row['accession']}"
        found.setdefault(key, (key, dt.date.fromisoformat(row["filed"]), _submission_event(key, row)))
    return sorted(found.values(), key=lambda cand: (cand[1], cand[0]))


def _submissions(store: Store, floor: dt.date, as_of: dt.date, tickers: set[str]) -> list[dict[str, Any]]:
    out = []
    for row in store.query("SELECT key, value FROM meta WHERE key LIKE 'sec_submissions:%'"):
        ticker = row["key"].split(":", 1)[1]
        if ticker not in tickers:
            continue
        for filing in json.loads(row["value"]):
            if floor.isoformat() <= filing.get("filed", "") <= as_of.isoformat():
                out.append({**filing, "ticker": ticker})
    return out


def _document_event(key: str, row: dict[str, Any]) -> Callable[[], Event]:
    what = "earnings release" if row["kind"] == "release" else row["kind"]
    return lambda: Event(
        "filing", row["date"], key, f"{row['ticker']} {what} {row['date']}: {row['title'] or row['source']}",
        ticker=row["ticker"], data={"document_kind": row["kind"], "accession": row["accession"]},
        evidence=[evidence(f"{row['ticker']} {what} public {row['date']}", source=row["source"], url=row["url"],
                           accession=row["accession"], filed=row["date"], kind="reported")])


def _facts_event(key: str, row: dict[str, Any]) -> Callable[[], Event]:
    return lambda: Event(
        "filing", row["filed"], key,
        f"{row['ticker']} {row['form'] or 'filing'} filed {row['filed']} ({row['accession']}): {row['n']} facts",
        ticker=row["ticker"], data={"form": row["form"], "accession": row["accession"], "facts": row["n"]},
        evidence=[evidence(f"{row['ticker']} {row['form']} {row['accession']}", source=row["source"],
                           url=row["url"], accession=row["accession"], filed=row["filed"], kind="reported")])


def _submission_event(key: str, row: dict[str, Any]) -> Callable[[], Event]:
    return lambda: Event(
        "filing", dt.date.fromisoformat(row["filed"]), key,
        f"{row['ticker']} {row['form']} filed {row['filed']} ({row['accession']})", ticker=row["ticker"],
        data={"form": row["form"], "accession": row["accession"], "report_date": row.get("report_date")},
        evidence=[evidence(f"{row['ticker']} {row['form']} in the SEC submissions list", source="sec_submissions",
                           accession=row["accession"], filed=row["filed"], kind="reported")])


def _ticker_for(company: str | None) -> str | None:
    if not company:
        return None
    for co in universe.companies():
        if company in (co.name, co.ticker, *co.aliases):
            return co.ticker
    return None


def news(store: Store, as_of: dt.date, tickers: set[str]) -> list[Candidate]:
    """Dated reports of the events table. Their `observed` market reaction came later: never shown."""
    out: list[Candidate] = []
    for row in store.query("SELECT * FROM events WHERE news_date BETWEEN ? AND ? ORDER BY news_date, event_id",
                           [window(as_of), as_of]):
        ticker = _ticker_for(row["company"])
        if ticker is not None and ticker not in tickers:
            continue
        sources = [evidence(row["headline"], source=row["source"], url=row["url"], filed=row["news_date"],
                            kind="third-party")]
        if row["second_url"]:
            sources.append(evidence("second source", source=row["source"], url=row["second_url"],
                                    filed=row["news_date"], kind="third-party"))
        out.append((row["event_id"], row["news_date"], _news_event(row, ticker, sources)))
    return out


def _news_event(row: dict[str, Any], ticker: str | None, sources: list[dict[str, Any]]) -> Callable[[], Event]:
    timing = str(row["timing"]).replace("_", " ")
    return lambda: Event("news", row["news_date"], row["event_id"], row["headline"], ticker=ticker,
                         detail=f"{row['description'] or ''} ({row['kind']}, {timing})".strip(),
                         data={"event_id": row["event_id"], "kind": row["kind"], "timing": row["timing"]},
                         evidence=sources)


GUIDANCE_KINDS = {"raised": "guidance_raised", "cut": "guidance_cut", "narrowed_up": "guidance_narrowed",
                  "narrowed_down": "guidance_narrowed", "widened": "guidance_widened", "first": "guidance_initial",
                  "initial_above": "guidance_initial", "initial_level": "guidance_initial",
                  "initial_below": "guidance_initial"}  # "reaffirmed" is no news


def guidance(store: Store, as_of: dt.date, tickers: set[str]) -> list[Candidate]:
    """Each capex guidance vintage, classified against the one before (the capex checkpoint's rule)."""
    rows = store.query("SELECT DISTINCT ticker FROM facts WHERE metric LIKE 'capex_guidance_%' AND filed BETWEEN ? "
                       "AND ? ORDER BY ticker", [window(as_of), as_of])
    out: list[Candidate] = []
    if not any(r["ticker"] in tickers for r in rows):
        return out
    with c.prefetched(store, as_of):
        for ticker in (r["ticker"] for r in rows if r["ticker"] in tickers):
            for rev in capex.revisions(store, ticker, as_of):
                kind = GUIDANCE_KINDS.get(rev.kind)
                if kind is not None and rev.guide.filed >= window(as_of):
                    key = f"{ticker}|{rev.guide.year}|{rev.guide.filed}"
                    out.append((key, rev.guide.filed, _guidance_event(kind, key, rev)))
    return out


def _range(g: capex.Guide | None) -> dict[str, Any] | None:
    if g is None:
        return None
    return {"low": g.low, "high": g.high, "point": g.point, "text": g.text(), "filed": g.filed.isoformat(),
            "label": g.label}


def _guidance_event(kind: str, key: str, rev: capex.Revision) -> Callable[[], Event]:
    def build() -> Event:
        items = [c.evidence(rev.guide.row, rev.text()).to_dict()]
        if rev.prior is not None and rev.prior.row is not rev.guide.row:
            items.append(c.evidence(rev.prior.row, f"prior guide {rev.prior.text()}").to_dict())
        change = rev.mid_change
        return Event(kind, rev.guide.filed, key, rev.text(), ticker=rev.guide.ticker,
                     detail=f"midpoint {c.pct(change)}" if change is not None else "",
                     data={"revision": rev.kind, "year": rev.guide.year, "old": _range(rev.prior),
                           "new": _range(rev.guide), "midpoint_change": change, "reason": rev.reason},
                     evidence=[_plain(e) for e in items])
    return build


def _plain(item: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in item.items()}


def contract_candidates(store: Store, as_of: dt.date) -> list[Candidate]:
    out: list[Candidate] = []
    for row in cc.contracts(store, window(as_of), as_of):
        day = row["announced_date"]
        key = cc.identity(row)
        value = row.get("value_text") or (c.usd(row["value_usd"]) if row.get("value_usd") else "value not stated")
        term = f" over {row['term_years']:g} years" if row.get("term_years") else ""
        title = f"{row['buyer']} ← {row['seller']}: {value}{term} ({row.get('kind') or 'contract'})"
        item = evidence(row.get("quote") or title, source=row.get("source_type"), url=row.get("source_url"),
                        filed=day, kind="third-party" if row.get("source_type") == "news" else "reported")
        out.append((key, day, _contract_event(key, day, title, row, item)))
    return out


def _contract_event(key: str, day: dt.date, title: str, row: dict[str, Any],
                    item: dict[str, Any]) -> Callable[[], Event]:
    data = {k: row.get(k) for k in ("buyer", "seller", "value_usd", "term_years", "kind", "capacity_text")}
    return lambda: Event("contract", day, key, title, ticker=_ticker_for(row.get("seller")) or
                         _ticker_for(row.get("buyer")), data=data, evidence=[item])
