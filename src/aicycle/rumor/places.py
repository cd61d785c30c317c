"""The sites, states and campuses a claim names ("Sweetwater 1", "Barber Lake Phase 1", "CB-3", "Indiana"):
capitalized names other than its subject's and known terms."""

from __future__ import annotations

import re

from aicycle.rumor import vocab

_NOT_PLACES = {"AI", "HBM", "HBM4", "HBM3E", "GPU", "GPUs", "CPU", "US", "CEO", "CFO", "Q1", "Q2", "Q3", "Q4",
               "FY", "NAND", "DRAM", "ARR", "RPO", "Report", "Bloomberg", "Reuters", "GW", "MW", "TPUs",
               *(month.title() for month in vocab.MONTHS)}


def named_places(text: str, company_name: str | None, tickers: list[str]) -> list[str]:
    """Capitalized names in the claim other than its subject and known terms: sites, states, campuses."""
    words = [re.sub(r"'s$", "", w) for w in
             re.findall(r"(?<!^)(?<![.:] )\b([A-Z][A-Za-z]*[a-z][A-Za-z]*\d*(?: [A-Z0-9][A-Za-z0-9]*)*)", text)]
    names = {(company_name or "").lower(), *(w.lower() for w in (company_name or "").split())}
    subject_words = {t.lower() for t in tickers}
    out = []
    for word in words:
        first = word.split()[0]
        if word.lower() in names or first.lower() in names or first.lower() in subject_words or first in _NOT_PLACES:
            continue
        if first in ("Meta", "Microsoft", "Google", "Amazon", "Alphabet", "Oracle", "Nvidia", "NVIDIA"):
            rest = word.split(maxsplit=1)[1:]  # "Microsoft Horizon": the customer's name, then the site's
            if rest:
                out.append(rest[0])
            continue
        out.append(word)
    # a building's code ("CB-3", "CB-5"): no lower-case letter, so the names above miss it
    out.extend(m for m in _BUILDING_CODE.findall(text) if m not in out)
    return out


_BUILDING_CODE = re.compile(r"\b(?!(?:Q|H|FY|CY)-?\d)[A-Z]{1,4}-\d{1,2}\b")
