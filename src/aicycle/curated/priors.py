"""Prior guidance ranges that a later source states in passing ("range 195-205B; raised from 180-190B at
Q1 2026") → guidance rows of their own, dated by the report the text names.

The earlier range was public on the day of that earlier report, so it belongs to that vintage, not to
the later row's. The exact day of the call is rarely in the data; the filing date of the named
quarter's report (found among the rows the same file dates from their source text) is a conservative
public date, flagged 'public_date_estimated'. A prior without a named report ("down from ~USD190B")
stays in the later row's note only: there is no day to give it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from aicycle.store import fact_key

# "raised from 180-190B at Q1 2026" (the verb, the range in USD bn, the quarter whose report gave it)
PRIOR_AT = re.compile(r"\b(?:raised|increased|lowered|reduced|cut|narrowed|widened) from "
                      r"(?:USD\s?|\$)?(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s*B\b at Q([1-4]) (\d{4})\b")
_GUIDE_METRICS = ("capex_guidance_low", "capex_guidance_high", "capex_guidance_point")


def prior_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Guidance rows for every dated prior range named in a guidance row's note (its CSV source text)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        if row["metric"] not in _GUIDE_METRICS:
            continue
        m = PRIOR_AT.search(row["note"] or "")
        if m is None:
            continue
        report = _report_date(rows, row["ticker"], int(m[3]), int(m[4]))
        if report is None or report[0] >= row["filed"]:
            continue  # no report on record for that quarter: nothing honest to date the prior by
        out.extend(_range_rows(row, float(m[1]) * 1e9, float(m[2]) * 1e9, m[0], report))
    return list({r["fact_key"]: r for r in out}.values())  # two rows naming the same prior: keep one


def _report_date(rows: list[dict[str, Any]], ticker: str, q: int, year: int) -> tuple[dt.date, str] | None:
    """(filed, how) of the earliest report on record for calendar quarter `year`Q`q` of this ticker,
    counting only rows whose public date came from the source itself (not estimated)."""
    end = _quarter_end(year, q)
    found = [(r["filed"], r.get("accession")) for r in rows
             if r["ticker"] == ticker and r["period_end"] == end and r["flag"] is None
             and r["period_start"] is not None and (end - r["period_start"]).days < 100 and r["filed"] > end]
    if not found:
        return None
    filed, accession = min(found, key=lambda f: f[0])
    return filed, f"Q{q} {year} report{' (accession ' + accession + ')' if accession else ''} on {filed}"


def _quarter_end(year: int, q: int) -> dt.date:
    month = 3 * q
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def _range_rows(later: dict[str, Any], low: float, high: float, phrase: str,
                report: tuple[dt.date, str]) -> list[dict[str, Any]]:
    filed, how = report
    # The later row's wording is not repeated here: readers of these rows look for "from X-YB" to find
    # a revision, and this row is the range before the revision, not a revision itself.
    method = (f"prior range stated in a later source ({later['method'].split(';')[0]}, {later['filed']}, "
              f"csv metric {later['note'].rsplit('csv metric ', 1)[-1]}); public date estimated: filed with "
              f"the {how}, the call came on or before it")
    out = []
    for side, value in (("low", low), ("high", high)):
        row = {**later, "metric": f"capex_guidance_{side}", "value": value, "text": None, "filed": filed,
               "flag": "public_date_estimated", "method": method, "accession": None,
               "note": f"the range the {later['filed']} guide replaced, as that row's source names it"}
        row["fact_key"] = fact_key(later["ticker"], row["metric"], later["period_start"], later["period_end"],
                                   "curated", filed, "prior range", phrase)
        out.append(row)
    return out
