"""Why a company says it revised its capex, against the reason a claim gives: "Amazon lifts 2026 capex to $220bn on
surging AI demand" (Amazon: "The higher cost of memory pushing this number up from our prior estimate"), "GOOGL raised
FY26 capex guide to $180-190bn on stronger AI demand" (Alphabet: "up from our previous estimate ... to now include
investment related to the acquisition of Intersect"). The company's sentence stating the revision decides; a claim
giving no reason, or a sentence naming none, is left to the usual reading, and so is a reason the company
gives too: the right reason does not bear out the claim's figure."""

from __future__ import annotations

import datetime as dt
import re

from aicycle.rumor.evidence import Item
from aicycle.rumor.said import latest_said
from aicycle.store import Store

# What moved the figure, by kind.
DRIVERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("demand", re.compile(r"\bdemand\b|\bcapacity needs\b|\bcustomer (?:commitments|needs)\b", re.I)),
    ("costs", re.compile(r"\b(?:memory|component|dram|hbm|hardware)\s+(?:\w+\s+)?(?:costs?|pric\w*|inflation)\b|"
                         r"\b(?:costs?|pric\w*) of (?:memory|components?|dram|hbm)\b|\binflation\b", re.I)),
    ("acquisition", re.compile(r"\bacqui(?:re|red|res|ring|sition)\w*\b", re.I)),
    ("accounting", re.compile(r"\buseful li(?:fe|ves)\b|\breclassif\w*|\bfinance leases? to operating\b", re.I)),
    ("timing", re.compile(r"\bnormal variability\b|\btiming of (?:\w+ ){0,3}(?:deliver\w*|leases?|payments?)\b", re.I)),
    # an equipment maker's market view moved by one region's spending ("due to an uptick in domestic China-related
    # spending"), or by everyone else's
    ("outside China", re.compile(r"\b(?:outside(?: of)?|ex-?|excluding|non-?)\s?china\b", re.I)),
    ("China", re.compile(r"(?<!outside )(?<!outside of )(?<!non-)(?<!non)(?<!ex-)(?<!excluding )\bchin(?:a|ese)\b",
                         re.I)),
    ("sites", re.compile(r"\bdata[- ]cent(?:er|re)s?\s+(?:\w+\s+)?(?:costs?|sites?|shells?)\b|\bnew (?:\w+ )?sites?\b|"
                         r"\bfuture(?:-year)? capacity\b|\bbuild\w* (?:more |new )?data[- ]cent|\bland\b", re.I)),
)
# "mainly driven by": the claim names the chief reason, which one the company gives "to a lesser extent" is not
_MAIN = re.compile(r"\b(?:mainly|mostly|primarily|largely|chiefly|principally)\b", re.I)
_LESSER = re.compile(r"\bto a (?:lesser|smaller) (?:extent|degree)\b|\bpartly\b", re.I)
# the claim's reason: "on surging AI demand", "driven by memory costs", "to fold in the Intersect deal"
_BECAUSE = re.compile(r"\b(?:on|amid|due to|driven (?:\w+ )?by|because(?: of)?|thanks to|citing|reflecting|as|"
                      r"c(?:ame|omes|oming) from|"
                      r"(?:is|was) (?:\w+ )?about(?!\s*[~$\d]))\s+(?P<why>.+)$", re.I)
# the company's sentence that states a revision: "up from our prior estimate", "increased from our prior range"
_REVISION = re.compile(r"\b(?:from|versus|vs\.?|compared (?:to|with))\s+(?:our|the)\s+(?:prior|previous|earlier|"
                       r"original)\s+(?:estimate|outlook|range|guidance|expectations?|forecast|view)\b|"
                       r"\bpushing (?:this|that|the) (?:number|figure) (?:up|down)\b|\bto now include\b|"
                       # "we expect capital expenditures to decrease on a sequential basis due to ..."
                       r"\b(?:capital expenditures?|capex)\b[^.;]{0,30}?"
                       r"\b(?:increase|decrease|decline|grow|rise|fall)\w*\b[^.;]{0,40}?"
                       r"\b(?:due to|driven by|because of)\b|"
                       # the sentence after a raise: "This reflects our expectations for higher component pricing"
                       r"^this (?:increase |raise |update )?reflects\b",
                       re.I)
_RECENT_DAYS = 30  # the revision the claim reports, not one from an earlier quarter


def claimed_driver(text: str) -> str | None:
    """The kind of reason a claim gives for a capex move, if it gives one."""
    m = _BECAUSE.search(text)
    return _kinds(m.group("why"))[0] if m and _kinds(m.group("why")) else None


def chief(text: str) -> bool:
    """Whether the claim names its reason as the main one ("driven mainly by")."""
    return bool(_MAIN.search(text))


def driver_items(store: Store, claimed: str, ticker: str, as_of: dt.date, main: bool = False) -> list[Item]:
    """The company's latest sentence stating the revision and what moved it, judged against the claim's reason (the
    main one, when the claim says so)."""
    def judge(sentence: str) -> str | None:
        kinds = _kinds(sentence) if _REVISION.search(sentence) else []
        lesser = _LESSER.search(sentence)
        if main and lesser and claimed not in _kinds(sentence[:lesser.start()]):
            return "mismatch" if kinds else None  # named only "to a lesser extent"
        return None if not kinds else "match" if claimed in kinds else "mismatch"

    return latest_said(store, ticker, as_of, judge, signal="driver",
                       speaks=lambda day, _: (as_of - day).days <= _RECENT_DAYS,
                       method="stated: the company's sentence giving the revision and what moved it")


def _kinds(text: str) -> list[str]:
    return [kind for kind, pattern in DRIVERS if pattern.search(text)]
