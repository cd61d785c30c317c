"""Figures the companies state in their calls and releases → `facts` of kind `stated`.

Read from the stored documents (the company's own words only: third-party summaries are never
stored), one sentence at a time, with narrow patterns written for the way each company words its
figures: "Capital expenditures, including principal payments on finance leases, were $31.1 billion"
(Meta's headline capex), "Cash paid for PP&E was $30.9 billion" (Microsoft's cash capex; its
"capital expenditures" include finance leases), "our cash CapEx, which was $34.2 billion" (Amazon,
net of proceeds and incentives), "We anticipate 2026 capital expenditures ... in the range of $130
billion to $145 billion", backlog and RPO balances, contracted capacity, "sold out". Each row keeps
the document, the sentence (verbatim, in `method`) and the document's public date. A figure hedged
("nearly", "over") is kept only when the document states no exact one for the same quantity.

Speech-to-text errors exist (Meta's Q1 2026 call has "$120 to $135 billion" for a prior range the
release gives as $115-135 billion): stated figures rank below SEC filings (facts.PRECEDENCE), and
prior ranges named in passing are not extracted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from aicycle import universe
from aicycle.curated import results as curated_results
from aicycle.errors import InputError
from aicycle.language.text import sentences
from aicycle.sec import periods
from aicycle.store import Store, fact_key

_NUM = r"(\d[\d,]*(?:\.\d+)?)"
_AMOUNT = r"\$\s?" + _NUM + r"\s*(billion|million|trillion)"
_RANGE = r"\$\s?" + _NUM + r"\s*(?:billion)?\s*(?:-|–|to)\s*\$\s?" + _NUM + r"\s*(billion|million|trillion)"
_HEDGE = re.compile(r"\b(?:nearly|over|more than|roughly|approximately|about|around|almost|~)\s+\$", re.I)
_PAST = re.compile(r"\b(?:earlier this year|we said|previous(?:ly)?|prior)\b", re.I)
_ASKED = re.compile(r"\byou(?:'re|r)?\b|\?", re.I)
SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}


@dataclass(frozen=True)
class Pattern:
    name: str
    metric: str
    regex: re.Pattern[str]
    tickers: tuple[str, ...] | None  # None: any company
    shape: str                       # quarter | instant | guidance | statement


def _p(name: str, metric: str, pattern: str, tickers: tuple[str, ...] | None, shape: str) -> Pattern:
    return Pattern(name, metric, re.compile(pattern, re.I), tickers, shape)


PATTERNS = (
    _p("headline_capex", "capex_incl_finance_leases",
       r"capital expenditures, including principal payments on finance leases, were " + _AMOUNT, ("META",), "quarter"),
    _p("msft_cash_ppe", "capex", r"cash paid for PP&E was " + _AMOUNT, ("MSFT",), "quarter"),
    _p("msft_capex_incl_leases", "capex_incl_finance_leases_mgmt", r"^capital expenditures were " + _AMOUNT,
       ("MSFT",), "quarter"),
    _p("googl_capex", "capex", r"\bcapex was " + _AMOUNT, ("GOOGL",), "quarter"),
    _p("amzn_cash_capex", "capex_net_cash", r"\bcash capex,? (?:which )?(?:was|is) " + _AMOUNT, ("AMZN",), "quarter"),
    _p("capex_guidance_range", "capex_guidance",
       r"(?:capital expenditures|capex)\b[^$]{0,120}?\brange (?:of|to) " + _RANGE, None, "guidance"),
    _p("capex_guidance_range_fy", "capex_guidance", r"\bguiding capex of (?:approximately )?" + _RANGE, None,
       "guidance"),
    _p("capex_guidance_point", "capex_guidance",
       r"\b(?:expect|believe|plan|anticipate)\w*\b[^$]{0,60}?\bcapex\b[^$]{0,30}?\b(?:approximately|roughly|about) "
       + _AMOUNT, None, "guidance"),
    _p("capex_guidance_point_after", "capex_guidance",
       r"\b(?:expect|believe|plan|anticipate)\w*\b[^$]{0,60}?\b(?:approximately|roughly|about) " + _AMOUNT
       + r"[^.$]{0,40}?\b(?:capex|capital expenditures)\b", None, "guidance"),
    _p("googl_backlog", "rpo", r"backlog[^$]{0,60}?(?:reaching|to) " + _AMOUNT + r" at the end of", ("GOOGL",),
       "instant"),
    _p("amzn_backlog", "rpo", r"\b(?:our |the )?backlog (?:for q[1-4] )?(?:is|stands at|grew to) " + _AMOUNT,
       ("AMZN",), "instant"),
    _p("msft_commercial_rpo", "rpo_commercial",
       r"\b(?:commercial remaining performance obligation|RPO)\b[^$]{0,80}?\b(?:to|increased to) " + _AMOUNT,
       ("MSFT",), "instant"),
    _p("revenue_backlog", "backlog", r"\brevenue backlog\d? was " + _AMOUNT, ("CRWV",), "instant"),
    _p("contracted_capacity", "contracted_power_mw",
       r"\bcontracted (?:AI hosting|HPC) capacity from [\w ]{1,30}? to (\d[\d,]*(?:\.\d+)?) (?:gross |critical )?"
       r"(megawatts|gigawatts)", None, "instant"),
    _p("sold_out", "statement", r"\bsold out\b", ("NVDA", "IREN", "CIFR", "WULF", "MU", "CRWV", "NBIS"), "statement"),
)
_YEAR = re.compile(r"\b(?:FY\s?'?(\d{2})|(20\d\d))\b", re.I)
_YEAR_LEAD = re.compile(r"^(?:for|in) (?:calendar |fiscal )?(?:year )?(?:20\d\d|FY\s?'?\d\d)\b", re.I)


@dataclass(frozen=True)
class Found:
    pattern: Pattern
    values: tuple[float, ...]
    sentence: str
    index: int
    hedged: bool
    year: int | None


def _amounts(match: re.Match[str]) -> tuple[float, ...]:
    groups = [g for g in match.groups()]
    out: list[float] = []
    unit = next((g.lower() for g in reversed(groups) if g and g.lower() in SCALE), "billion")
    for g in groups:
        if g and g[0].isdigit():
            out.append(float(g.replace(",", "")) * SCALE[unit])
        elif g and g.lower() in ("megawatts", "gigawatts"):
            out = [v / SCALE[unit] * (1000 if g.lower() == "gigawatts" else 1) for v in out]
    return tuple(out)


def _year(sentence: str) -> int | None:
    m = _YEAR.search(sentence)
    if m is None:
        return None
    return 2000 + int(m[1]) if m[1] else int(m[2])


def find(text: str, ticker: str) -> Iterator[Found]:
    """Every pattern hit in a document's sentences, in order."""
    before = ""
    for i, sentence in enumerate(sentences(text)):
        # "For calendar year 2026, we expect ... We expect to invest roughly $190 billion": the year said just before
        year = _year(sentence) or (_year(before) if _YEAR_LEAD.search(before) else None)
        before = sentence
        for p in PATTERNS:
            if p.tickers is not None and ticker not in p.tickers:
                continue
            m = p.regex.search(sentence)
            if m is None or (p.shape == "statement" and _ASKED.search(sentence)):
                continue  # an analyst's question repeats words; a statement must be the company's
            if p.shape == "guidance" and (_PAST.search(sentence[:m.start()]) or year is None):
                continue  # a past statement recalled, or a guide without its year: not a new guide
            values = () if p.shape == "statement" else _amounts(m)
            yield Found(p, values, sentence, i, bool(_HEDGE.search(m.group(0))), year)


def _keep(found: list[Found]) -> list[Found]:
    """One hit per quantity: the first exact figure, else the first hedged one."""
    out: dict[tuple[str, int | None], Found] = {}
    for f in found:
        key = (f.pattern.metric if f.pattern.shape != "statement" else f"statement:{f.index}", f.year
               if f.pattern.shape == "guidance" else None)
        old = out.get(key)
        if old is None or (old.hedged and not f.hedged):
            out[key] = f
    return list(out.values())


def rows_for(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Stated facts of one stored document (a call transcript or a release)."""
    try:
        company = universe.get(doc["ticker"])
    except InputError:
        return []
    start, end, label = curated_results.reported_quarter(company.ticker, doc["date"])
    out = []
    for f in _keep(list(find(doc["text"], company.ticker))):
        out += _rows(f, doc, company, start, end, label)
    return out


def _rows(f: Found, doc: dict[str, Any], company: universe.Company, start: dt.date, end: dt.date,
          label: str) -> list[dict[str, Any]]:
    p = f.pattern
    base = {"ticker": company.ticker, "period_start": start, "period_end": end, "fiscal_period": label,
            "calendar_quarter": periods.calendar_quarter(start, end), "text": None, "unit": "USD",
            "kind": "stated", "tag": p.name, "source": f"stated:{doc['title']}", "url": doc.get("url"),
            "accession": doc.get("accession"), "form": f"earnings {doc['kind']}", "filed": doc["date"],
            "fetched_at": None, "flag": None,
            "method": f"stated by the company in its {doc['kind']} '{doc['title']}', sentence {f.index + 1}: "
                      f"\u201c{f.sentence}\u201d; public date: the document's ({doc['date']})",
            "note": f"document {doc['doc_id'][:16]}" + ("; hedged figure (nearly/over/approximately)" if f.hedged
                                                          else "")}
    if p.shape == "instant":
        base.update(period_start=None, unit="MW" if p.metric.endswith("_mw") else "USD")
    if p.shape == "statement":
        base.update(period_start=None, period_end=doc["date"], unit="text", text=f.sentence, metric="statement",
                    value=None, fiscal_period=None, calendar_quarter=None)
        return [_keyed(base, doc, f, "statement")]
    if p.shape == "guidance":
        year = f.year or end.year
        ys, ye = _guided_year(company, year, f.sentence)
        base.update(period_start=ys, period_end=ye, calendar_quarter=None,
                    fiscal_period=f"FY{year}" if company.fiscal_year_end == "12-31" or "FY" in f.sentence
                    else f"CY{year}")
        sides = ("low", "high") if len(f.values) == 2 else ("point",)
        return [_keyed({**base, "metric": f"capex_guidance_{side}", "value": v}, doc, f, side)
                for side, v in zip(sides, f.values, strict=False)]
    return [_keyed({**base, "metric": p.metric, "value": f.values[0]}, doc, f, p.metric)]


def _guided_year(company: universe.Company, year: int, sentence: str) -> tuple[dt.date, dt.date]:
    from aicycle.curated.periods import fiscal_year

    if company.fiscal_year_end != "12-31" and re.search(r"\bFY\s?'?\d", sentence, re.I):
        return fiscal_year(year, company.fiscal_year_end)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _keyed(row: dict[str, Any], doc: dict[str, Any], f: Found, part: str) -> dict[str, Any]:
    row["fact_key"] = fact_key(row["ticker"], row["metric"], row["period_start"], row["period_end"], "stated",
                               doc["doc_id"], f.index, part)
    return row


def extract(store: Store, tickers: list[str] | None = None) -> list[dict[str, Any]]:
    """Stated facts of every stored call and release (of `tickers`, when given), and of the release
    sentences the curated quotes carry (a release quoted verbatim is the company's words too)."""
    docs = store.query("SELECT doc_id, ticker, date, kind, title, url, accession, text FROM documents "
                       "WHERE kind IN ('transcript', 'release') ORDER BY date, doc_id")
    docs += store.query("SELECT fact_key AS doc_id, ticker, filed AS date, 'release' AS kind, "
                        "form || ' (quoted)' AS title, url, accession, text FROM facts WHERE metric = 'statement' "
                        "AND tag = 'quote' AND flag IS NULL AND regexp_matches(lower(form), "
                        "'release|8-k|ex-99') ORDER BY filed, fact_key")
    return [r for d in docs if tickers is None or d["ticker"] in tickers for r in rows_for(d)]


def load_raw(store: Store, data_dir: object = None) -> dict[str, Any]:
    """Snapshot loader (after the documents): the stated facts of every stored call and release."""
    rows = extract(store)
    store.upsert("facts", rows)
    by: dict[str, int] = {}
    for r in rows:
        by[r["metric"]] = by.get(r["metric"], 0) + 1
    return {"rows": len(rows), "metrics": dict(sorted(by.items())),
            "tickers": sorted({r["ticker"] for r in rows})}
