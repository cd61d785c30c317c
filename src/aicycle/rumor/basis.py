"""The basis a claim names for its figure, which a figure on another basis does not answer: gross, net or cash capex
(Intel guides both gross and net), capex with or without finance leases, an order book in gigawatts with its slot
reservations or its firm orders alone."""

from __future__ import annotations

import re

# "net cash outlay for capex" (Oracle's non-GAAP figure, less financing and customer prepayments) is net capex
BASIS = re.compile(r"\b(gross|net|cash)\s+(?:cash\s+)?(?:(?:outlays?|spend(?:ing)?|paid)\s+(?:for|on)\s+|for\s+)?"
                   r"(?:cap(?:ital )?ex\w*|capital (?:expenditures?|investments?|spending)|"
                   r"purchases? of property|PP&E)", re.I)
IN_WATTS = re.compile(r"\d\s?(?:gw|gigawatts?)\b", re.I)


def read_basis(text: str) -> str | None:
    """gross | net | cash | leases | reserved | firm, or None when the claim names no basis."""
    m = BASIS.search(text)
    return m.group(1).lower() if m else _leases_basis(text) or _order_book(text)


def _leases_basis(text: str) -> str | None:
    """"$37.3bn on capex in 2024 including finance leases": the lease-inclusive figure; "excluding finance leases":
    the cash one."""
    if _EXCLUDED.search(text):
        return "cash"
    if _INCLUDED.search(text):
        return "leases"
    return None


_EXCLUDED = re.compile(r"\bexclu\w* (?:\w+ )?finance[- ]leases?\b|\bex[- ]finance[- ]leases?\b|"
                       r"\b(?:strip\w*|tak\w*|leav\w*) out (?:\w+ )?finance[- ]leases?\b|"
                       r"\bwithout (?:\w+ )?finance[- ]leases?\b|"
                       r"\bfinance[- ]leases? (?:\w+ )?(?:not included|excluded)\b",
                       re.I)
_INCLUDED = re.compile(r"\b(?:inclu\w*|incl\.?|with) (?:\w+ )?finance[- ]leases?\b|\bfinance[- ]leases? included\b",
                       re.I)


def names_lease_basis(text: str) -> bool:
    """Whether the claim names capex with or without finance leases (not the leases themselves)."""
    return bool(_EXCLUDED.search(text) or _INCLUDED.search(text))


def _order_book(text: str) -> str | None:
    """An order book counted in gigawatts (a turbine maker's): with its slot reservations ("reserved"), or the firm
    orders alone ("firm"); a figure of one does not answer a claim about the other."""
    if not (re.search(r"\bbacklog|order book", text, re.I) and (IN_WATTS.search(text) or "turbine" in text.lower())):
        return None
    return "reserved" if re.search(r"\breserv", text, re.I) else "firm"
