"""A fiscal quarter a curated row's note works out by subtraction → derived capex rows.

Oracle's FY2026 row (us-gaap:PaymentsToAcquirePropertyPlantAndEquipment, 55,663m) says in its notes
"Q4 FY26 = 55,663 - 39,170 = 16,493 (USD m)": its press release shows capex only as trailing four
quarters, so the Mar–May quarter exists only as the year less the nine months. The quarter is derived
only when the note's arithmetic holds and its first term is the row's own value; it takes the year's
public date and flag (the quarter is known once the year is).

Meta's Q2 2026 headline row says "(49,113-18,997) PPE + (1,805-843) finance lease principal, USD m":
the quarter's purchases of property and equipment and its finance-lease principal, each a half-year
less the first quarter. Both parts are derived when they add up to the row's own value, so Meta's
quarter exists on the same definition as the third-party quarters before it (PP&E only).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from aicycle import universe
from aicycle.curated import periods as curated_periods
from aicycle.sec import periods
from aicycle.store import fact_key

# "Q4 FY26 = 55,663 - 39,170 = 16,493 (USD m)"
QUARTER_BY_SUBTRACTION = re.compile(r"\bQ([1-4]) FY(\d{2}|\d{4}) = ([\d,]+) - ([\d,]+) = ([\d,]+) \(USD m\)")
# "(49,113-18,997) PPE + (1,805-843) finance lease principal, USD m"
PARTS_BY_SUBTRACTION = re.compile(r"\(([\d,]+)-([\d,]+)\) PPE \+ \(([\d,]+)-([\d,]+)\) finance lease principal, USD m")


def _m(text: str) -> int:
    return int(text.replace(",", ""))


def derived_parts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Derived PP&E and finance-lease-principal quarters of headline rows whose note states both parts."""
    out = []
    for row in rows:
        m = PARTS_BY_SUBTRACTION.search(row["note"] or "") if row["metric"] == "capex_incl_finance_leases" else None
        if m is None or row["period_start"] is None:
            continue
        ppe, lease = _m(m[1]) - _m(m[2]), _m(m[3]) - _m(m[4])
        if (ppe + lease) * 1e6 != row["value"] or not row["fiscal_period"].endswith("Q2"):
            continue  # the note's parts do not add up to the row (or it is not a half-year less Q1)
        first = _first_quarter(row)
        for metric, q2, q1, what in (("capex", ppe, _m(m[2]), "purchases of property and equipment"),
                                     ("finance_lease_principal", lease, _m(m[4]),
                                      "principal payments on finance leases")):
            out.append(_part(row, metric, q2, f"{what}, the half-year less the first quarter", m[0]))
            out.append(_part({**row, **first}, metric, q1, f"{what}, the first quarter (the half-year's "
                                                            f"subtrahend; known from this row)", m[0]))
    return out


def _first_quarter(row: dict[str, Any]) -> dict[str, Any]:
    end = row["period_start"] - dt.timedelta(days=1)
    start = dt.date(end.year, end.month - 2, 1)
    return {"period_start": start, "period_end": end, "fiscal_period": row["fiscal_period"][:-1] + "1",
            "calendar_quarter": periods.calendar_quarter(start, end)}


def _part(row: dict[str, Any], metric: str, value_m: int, what: str, stated: str) -> dict[str, Any]:
    method = (f"derived: {what}, as the notes of a {row['method'].split('; ')[0]} row state it ('{stated}'); "
              f"{row['method'].split('; ', 1)[-1]} (the headline row's)")
    part = {**row, "metric": metric, "kind": "derived", "value": value_m * 1e6, "method": method,
            "note": f"derived from the {row['fiscal_period'][:-1]}2 headline row ({row['note']})"}
    part["fact_key"] = fact_key(row["ticker"], metric, row["period_start"], row["period_end"], "derived",
                                row["filed"], stated)
    return part


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
    method = (f"derived: FY{fy} capex less the first nine months, as the notes of a "
              f"{year['method'].split('; ')[0]} row state it ('{stated}'); "
              f"the nine-month figure is only in those notes; "
              f"{year['method'].split('; ', 1)[-1]} (the full-year row's)")
    row = {**year, "kind": "derived", "value": quarter_m * 1e6, "period_start": start, "period_end": end,
           "fiscal_period": f"FY{fy}Q{q}", "calendar_quarter": periods.calendar_quarter(start, end),
           "method": method, "note": f"derived from the FY{fy} row ({year['note']})"}
    row["fact_key"] = fact_key(year["ticker"], "capex", start, end, "derived", year["filed"], stated)
    return row


# "Cash capital expenditures were $48.1 billion, and $77.7 billion in 2023 and 2024": two years' figures in one
# sentence of a 10-K, in the years' order. Amazon's "cash capital expenditures" are net of proceeds and incentives.
TWO_YEARS = re.compile(r"\bCash capital expenditures were \$([\d.]+) billion,? and \$([\d.]+) billion in "
                       r"(20\d\d) and (20\d\d)\b")


def years_in_a_quote(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Net cash capex rows of the years a quoted annual-report sentence states, public when the quote is."""
    out = []
    for row in rows:
        m = TWO_YEARS.search(row.get("text") or "") if row["metric"] == "statement" else None
        if m is None:
            continue
        for value, year in ((m.group(1), m.group(3)), (m.group(2), m.group(4))):
            start, end = dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
            out.append({**row, "fact_key": fact_key(row["ticker"], "capex_net_cash", start, end, "quote", year),
                        "metric": "capex_net_cash", "period_start": start, "period_end": end,
                        "fiscal_period": f"FY{year}", "value": float(value) * 1e9, "text": None, "unit": "USD",
                        "kind": "stated", "tag": "quote_years",
                        "method": f"{row['method']}; the {year} figure of the sentence's two years, in their order"})
    return out
