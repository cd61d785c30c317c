"""A fiscal quarter a curated row's note works out by subtraction → a derived capex row.

Oracle's FY2026 row (us-gaap:PaymentsToAcquirePropertyPlantAndEquipment, 55,663m) says in its notes
"Q4 FY26 = 55,663 - 39,170 = 16,493 (USD m)": its press release shows capex only as trailing four
quarters, so the Mar–May quarter exists only as the year less the nine months. The quarter is derived
only when the note's arithmetic holds and its first term is the row's own value; it takes the year's
public date and flag (the quarter is known once the year is).
"""

from __future__ import annotations

import re
from typing import Any

from aicycle import universe
from aicycle.curated import periods as curated_periods
from aicycle.sec import periods
from aicycle.store import fact_key

# "Q4 FY26 = 55,663 - 39,170 = 16,493 (USD m)"
QUARTER_BY_SUBTRACTION = re.compile(r"\bQ([1-4]) FY(\d{2}|\d{4}) = ([\d,]+) - ([\d,]+) = ([\d,]+) \(USD m\)")


def derived_quarters(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Derived quarterly capex rows for every full-year capex row whose note states the subtraction."""
    out = []
    for row in rows:
        m = QUARTER_BY_SUBTRACTION.search(row["note"] or "") if row["metric"] == "capex" else None
        if m is None or row["period_start"] is None:
            continue
        year_m, nine_m, quarter_m = (int(x.replace(",", "")) for x in (m[3], m[4], m[5]))
        if year_m - nine_m != quarter_m or year_m * 1e6 != row["value"]:
            continue  # the note's figures do not tie to the row: derive nothing
        fy = int(m[2]) + (2000 if len(m[2]) == 2 else 0)
        fye = universe.get(row["ticker"]).fiscal_year_end
        start, end = curated_periods.fiscal_quarter(fy, int(m[1]), fye)
        if end != row["period_end"]:
            continue  # only the last quarter of the stated year is the year less its first nine months
        out.append(_quarter_row(row, start, end, fy, int(m[1]), m[0], quarter_m))
    return out


def _quarter_row(year: dict[str, Any], start: Any, end: Any, fy: int, q: int, stated: str,
                 quarter_m: int) -> dict[str, Any]:
    method = (f"derived: FY{fy} capex less the first nine months, as the row's notes state it ('{stated}'); "
              f"the nine-month figure is only in those notes; "
              f"{year['method'].split('; ', 1)[-1]} (the full-year row's)")
    row = {**year, "kind": "derived", "value": quarter_m * 1e6, "period_start": start, "period_end": end,
           "fiscal_period": f"FY{fy}Q{q}", "calendar_quarter": periods.calendar_quarter(start, end),
           "method": method, "note": f"derived from the FY{fy} row ({year['note']})"}
    row["fact_key"] = fact_key(year["ticker"], "capex", start, end, "derived", year["filed"], stated)
    return row
