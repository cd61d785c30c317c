"""A lower capex figure that an accounting change explains: "Microsoft slashes 2026 capex to ~$175B as AI demand
cools" against the call that lowered it ("more of our future data center leases will shift from finance leases to
operating leases ... Outside of this useful life impact, our calendar year 2026 CapEx investment expectations remain
unchanged"). A claim that the cut is real (demand cooling, underlying or investment plans dialled back) is refuted
by the company's word that its plans are unchanged but for the accounting; a claim that the new figure reflects the
accounting is borne out by it; so is a claim that the plan itself was trimmed ("trims its calendar-2026 capex plan
to about $175bn"). The usual reading answers a claim about the figure alone ("cuts its 2026 capex outlook to about
$175bn")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.rumor.evidence import Item
from aicycle.rumor.said import latest_said
from aicycle.store import Store

# the claim says why capex fell, or that the plans themselves fell
_REAL_CUT = re.compile(r"\b(?:(?:as|on|amid|reflects?|reflecting|due to|because of)\s+(?:\w+\s+){0,2}"
                       r"(?:cooling|weak\w*|slow\w*|soft\w*|fading)\s+(?:ai\s+)?demand|"
                       r"(?:ai\s+)?demand\s+(?:cools|weakens|slows|softens|fades)|underlying|investment plans?|"
                       r"(?:pares?|scales?|dials?)\s+back\s+(?:its\s+)?(?:[\w-]+\s+)?(?:capex\s+)?plans?|"
                       # "trims its calendar-2026 capex plan": the plan, which the company says is unchanged
                       r"(?:trim|cut|lower|slash|reduc)\w*\s+(?:its\s+)?(?:[\w-]+\s+){0,2}(?:capex|capital spending)"
                       r"\s+plans?)\b", re.I)
_ACCOUNTING_CLAIM = re.compile(r"\b(?:lease accounting|accounting|reclassif\w*|lease (?:shift|change)|"
                               r"leases? mov\w* off|finance[- ]to[- ]operating)\b", re.I)
_CAPEX_DOWN = re.compile(r"\b(?:cap-?ex|capital (?:spending|expenditures?)|investment plans?|capex plans?)\b", re.I)
# the company's own word that only the accounting moved the figure
_UNCHANGED = re.compile(r"\b(?:outside of (?:this|the) (?:[\w-]+ ){0,3}impact|excluding (?:this|the) (?:[\w-]+ ){0,3}"
                        r"(?:impact|change))\b[^.]{0,120}\b(?:remains?|are|is) unchanged\b", re.I)
_ACCOUNTING_SAID = re.compile(r"\bfinance leases? to operating leases?|\buseful life|\breclassif\w*", re.I)


@dataclass(frozen=True)
class Reclassified:
    real_cut: bool  # the claim says the plans fell (True) or that the accounting moved the figure (False)


def read_reclassified(text: str) -> Reclassified | None:
    if not _CAPEX_DOWN.search(text):
        return None
    if _ACCOUNTING_CLAIM.search(text):
        return Reclassified(real_cut=bool(re.search(r"\bnot (?:\w+ ){0,2}accounting\b", text, re.I)))
    if _REAL_CUT.search(text):
        return Reclassified(real_cut=True)
    return None


def reclassified_items(store: Store, claim: Reclassified, ticker: str, as_of: dt.date) -> list[Item]:
    """The latest call, public by `as_of`, in which the company says its plans are unchanged but for an
    accounting change; none when no call says so (the usual reading then answers the claim)."""
    observed = "mismatch" if claim.real_cut else "match"
    return latest_said(store, ticker, as_of, lambda sentence: observed if _UNCHANGED.search(sentence) else None,
                       signal="reclassified",
                       method="the company's word that only an accounting change moved its capex",
                       speaks=lambda _, text: bool(_ACCOUNTING_SAID.search(text)))
