"""Finance leases a company adds in a quarter: "Microsoft finance leases shrink to $4.7bn in March quarter",
"Microsoft's data-center finance leases rose in the March 2026 quarter". Microsoft states the quarter's figure on
each results call ("This quarter, total finance leases were $4.7 billion"); the call that reports the claim's
quarter gives its figure, and the call before gives the quarter it is compared with. Capex includes finance
leases, so a claim about them is not answered by capex."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.rumor.basis import names_lease_basis
from aicycle.rumor.evidence import Item, as_date, freshness
from aicycle.rumor.periods import quarter_end
from aicycle.rumor.reading import Reading
from aicycle.rumor.said import company_sentences, document_label, recent_documents
from aicycle.store import Store

_CLAIM = re.compile(r"\bfinance[- ]leases?\b", re.I)
# "This quarter, total finance leases were $6.7 billion", "$11.1 billion of finance leases": not "capital
# expenditures including finance leases were $34.9 billion", which is capex
_SAID = re.compile(r"(?<!including )\bfinance leases (?:were|was|totall?ed|of) \$(\d+(?:\.\d+)?) billion"
                   r"|\$(\d+(?:\.\d+)?) billion of finance leases", re.I)
_CHANGE = 0.03  # a smaller move is flat


def is_finance_lease_claim(text: str) -> bool:
    """Whether a claim is about the finance leases a company adds (not about shifting leases' accounting, nor
    about capex "including finance leases")."""
    return bool(_CLAIM.search(text)) and not names_lease_basis(text) \
        and not re.search(r"\boperating leases?\b|\brather than\b", text, re.I)


@dataclass(frozen=True)
class _Figure:
    value: float  # dollars
    quarter_end: dt.date  # the quarter the call reports
    doc: dict
    sentence: str


def finance_lease_items(store: Store, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """The claim's quarter's finance leases against its level, and against the quarter before for its
    direction; nothing when the call reporting that quarter was not public by `as_of`."""
    figures = _figures(store, ticker, as_of)
    wanted = quarter_end(reading.period, [ticker]) if reading.period.quarter else None
    index = next((i for i, f in enumerate(figures) if wanted is None or f.quarter_end == wanted), None)
    if index is None:
        return []
    figure, items = figures[index], []
    if reading.level is not None and reading.level.unit == "USD":
        observed = _level(figure.value, reading)
        items.append(_item(figure, as_of, observed, None,
                           f"the quarter's finance leases against the claim's {reading.level.text!r}"))
        if observed not in ("match", reading.level.op):
            return items  # "shrink to $3bn" when they were $4.7bn: the level it names is wrong, whatever the way
    if reading.direction in ("up", "down", "flat") and index + 1 < len(figures):
        before = figures[index + 1]
        change = figure.value / before.value - 1
        observed = "flat" if abs(change) < _CHANGE else "up" if change > 0 else "down"
        items.append(_item(figure, as_of, observed, change,
                           f"the quarter's finance leases against the quarter before's ({document_label(before.doc)})",
                           f" (the quarter before: ${before.value / 1e9:.1f}B, {change:+.0%})"))
    return items


def _level(value: float, reading: Reading) -> str:
    level = reading.level
    assert level is not None
    if level.op == "at":
        return "match" if abs(value - level.value) <= 0.05 * level.value else "mismatch"
    return "above" if value > level.value else "below"


def _item(figure: _Figure, as_of: dt.date, observed: str, change: float | None, method: str,
          suffix: str = "") -> Item:
    day = as_date(figure.doc["date"])
    quote = f"{document_label(figure.doc)}: \u201c{figure.sentence.strip()}\u201d{suffix}"
    return Item(signal="finance_leases", text=quote,
                date=day, source=figure.doc["source"], kind="reported", observed=observed,
                weight=0.9 * freshness(day, as_of) if day else 0.0, value=figure.value, unit="USD",
                url=figure.doc.get("url"), accession=figure.doc.get("accession"), ticker=figure.doc["ticker"],
                period=figure.quarter_end.isoformat(), change=change, method=method)


def _figures(store: Store, ticker: str, as_of: dt.date) -> list[_Figure]:
    """Each results call's finance leases, newest first: one figure per call, for the quarter it reports."""
    out: list[_Figure] = []
    for doc in recent_documents(store, ticker, as_of):
        day = as_date(doc["date"])
        if day is None:
            continue
        for sentence in company_sentences(str(doc["doc_id"]), str(doc["text"])):
            m = _SAID.search(sentence)
            if m:
                value = float(m.group(1) or m.group(2)) * 1e9
                out.append(_Figure(value, _last_quarter_end(day), doc, sentence))
                break
    return out


def _last_quarter_end(day: dt.date) -> dt.date:
    """The calendar quarter a results call on `day` reports: the last one to end before it."""
    month = (day.month - 1) // 3 * 3  # the last month of the quarter before
    year = day.year if month else day.year - 1
    month = month or 12
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
