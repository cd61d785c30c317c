"""An analyst's reading of a claim: subject, object, direction, level, period and modality.

parse.py finds the company, a coarse metric and an up / down / flat direction; this module reads
what exactly is claimed on top of it: *slower growth* is not a cut, *NAND capex* is not total capex,
"no longer capacity constrained" is a statement about constraint, "tops $500B" is a level, and "next
year" is a year counted from the as-of date. The reading is shown to the user and drives which
evidence can decide the claim.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from typing import Any

from aicycle import universe
from aicycle.rumor import lexicon, vocab
from aicycle.rumor.amounts import REVISING, Level, growth, growth_ceiling, level, range_end
from aicycle.rumor.basis import IN_WATTS, read_basis
from aicycle.rumor.parse import Claim
from aicycle.rumor.periods import Period, fiscal_year_end_month, read_period
from aicycle.rumor.places import named_places
from aicycle.rumor.shares import Share, read_share
from aicycle.rumor.status import claimed_status
from aicycle.rumor.ytd import SoFar, read_so_far

# The coarse metric of parse.py, as the object it names when nothing more specific is said.
_METRIC_OBJECT = {"capex": "capex", "capex_guidance": "guidance", "ai_investment": "ai_spend",
                  "data_center_construction": "projects", "gpu_rental_prices": "gpu_prices",
                  "backlog": "backlog", "memory_supply": "memory_supply", "power": "power"}
# Objects that no coarse metric covers, or that say more than one: they win wherever they appear.
_SPECIFIC = ("wfe", "demand_supply", "capacity", "compute_contracts", "leases", "memory_prices")
TIGHTNESS_OBJECTS = ("capacity", "demand_supply", "memory_supply", "power")
OBJECT_LABELS = {
    "capex": "total capex", "segment_capex": "segment capex", "ai_spend": "AI / data-center spending",
    "guidance": "capex guidance", "projects": "data-center projects", "leases": "data-center leases",
    "capacity": "capacity constraint", "demand_supply": "demand against supply",
    "compute_contracts": "compute contracts", "memory_supply": "HBM / memory supply",
    "memory_prices": "memory prices", "hbm_share": "HBM market share", "gpu_prices": "GPU rental prices",
    "revenue": "revenue", "finance_leases": "finance leases",
    "profit": "operating profit", "operating_margin": "operating margin",
    "option": "an option kept open (the company's own words)", "backlog": "backlog / RPO",
    "arr": "ARR (annualized revenue run-rate)",
    "power": "power", "shipments": "shipments", "orders": "orders booked",
    "wfe": "wafer-fab equipment spending (the industry's)", "plant": "manufacturing capacity",
    "market_reaction": "the stock's move on the news",
}
# a deal claim with the subject selling: "sells compute", "a customer to buy its surplus AI compute"
_SELLING = re.compile(r"\b(?:sell\w*|sold|offer\w*|rent\w* out|lease\w* out|"
                      r"(?:its|their|for) (?:own )?(?:surplus|spare|"
                      r"idle|excess|unused|unsold)|(?:outside|external|third-party) customers?)\b", re.I)
_DONE_DEAL = re.compile(r"\b(?:signs|signed|inks|inked|lands|landed|clinches|clinched)\b", re.I)
_NEG_BEFORE = re.compile(rf"(?<![\w$])(?:{lexicon.NEGATIONS})(?!\w)", re.I)


@dataclass
class Reading:
    subject: str | None
    tickers: list[str]
    object: str | None
    segment: str | None
    direction: str | None  # up | down | flat | slower_growth | faster_growth | pause | cancel | sold_out | ...
    negated: bool
    level: Level | None
    period: Period
    modality: str  # fact | plan | expectation | report
    places: list[str] = field(default_factory=list)  # named sites ("Sweetwater 1", "Indiana")
    selling: bool = False  # a deal claim about the subject selling compute (not buying it)
    to_profit: bool = False  # "returns to profit", "back in the black": the sign of the latest quarter decides
    to_loss: bool = False    # "slips to an operating loss", "into the red": the same sign, the other way
    quarters_in_a_row: int = 0  # a quarter-on-quarter claim: how many quarters in a row moved (0: not one)
    range_end: str | None = None  # "at the high end", "the low end of its range": which end of a guide is meant
    actual: bool = False  # "came in above", "spent": what was spent, which a guide does not answer
    through: bool = False  # "constrained through the end of 2026": a span to a named year's end
    contracted: bool = False  # "contracted ARR", "ARR under contract": not the ARR targeted or operating
    growth: float | None = None  # "more than doubles" (1.0), "jumps 40%" (0.4): the least rise the claim names
    growth_most: float | None = None  # "roughly tripled" (2.6): the most rise a multiple allows
    status: str | None = None  # "up and running" (operating), "under contract" (contracted): an amount's status
    share: Share | None = None  # "about two-thirds of its capex went to GPUs": a share of a whole, to one part
    so_far: SoFar | None = None  # "capex in the first nine months already exceeds all of FY25": a sum to compare
    basis: str | None = None  # "gross" or "net" capex: Intel guides both, and one does not answer the other;
    # "reserved" or "firm": a turbine order book with its slot reservations or without them;
    # "cash": capex without finance leases (Microsoft's $34.9bn includes them, its cash capex was $19.4bn)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        """One line in plain words, as shown to the user."""
        what = OBJECT_LABELS.get(self.object or "", self.object or "?")
        if self.segment and not what.startswith(self.segment):  # not "HBM HBM market share"
            what = f"{self.segment} {what}" if self.object != "segment_capex" else f"{self.segment} capex"
        how = (self.direction or "?").replace("_", " ")
        parts = [f"subject {self.subject or 'none named (the market as a whole)'}", f"object {what}",
                 f"direction {'NOT ' if self.negated else ''}{how}"]
        if self.level:
            figure = re.sub(r"^[^\d$~]+", "", self.level.text) or self.level.text  # "breaks through $500B": $500B
            parts.append(f"level {self.level.op} {figure}")
        if self.share:
            op = {"at": "about", "above": "more than", "below": "less than"}[self.share.op]
            parts.append(f"share {op} {self.share.value:.0%} of {self.share.whole} to {self.share.part}")
        if self.period.label:
            parts.append(f"period {self.period.label}"
                         + (f" ({self.period.resolved_from})" if self.period.resolved_from else ""))
        parts.append(f"modality {self.modality}")
        return "; ".join(parts)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$])(?:{pattern})(?!\w)", re.I)


@cache
def _objects() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, _rx(p)) for name, p in vocab.OBJECTS)


@cache
def _metrics() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, _rx(p)) for name, p in lexicon.METRICS)


@cache
def _directions() -> tuple[tuple[str, re.Pattern[str]], ...]:
    claim_only = dict(vocab.CLAIM_DIRECTIONS)
    return tuple((name, _rx(p + ("|" + claim_only[name] if name in claim_only else "")))
                 for name, p in vocab.DIRECTIONS)


def read(claim: Claim, as_of: dt.date) -> Reading:
    text = claim.text.replace("’", "'")
    segment = _segment(_USE.sub(r"\1", _REASON.sub("", text)))  # "as DRAM pricing rolls over": not the segment
    core = _USE.sub(r"\1", _REASON.sub("", text))  # "... on lease reclassification": why it moved, not what moved
    core = _DESCRIBED_MAKER.sub("company", core)  # "the Boise memory maker: revenue tops $40bn": a name, not the object
    obj = (core != text and _object(core, claim.metric, segment)) or _object(text, claim.metric, segment)
    if obj is None and any(n in vocab.TIGHTNESS and p.search(text) for n, p in _directions()):
        obj = "capacity"  # "the clouds are sold out": a claim about capacity
    if obj is None and _GUIDES.search(text) and claim.tickers and not _SPENDERS.intersection(claim.tickers):
        obj = "revenue"  # "Nvidia guides next quarter above $75B": a chip maker's guide is its revenue outlook
    if obj is None and segment in vocab.UNIT_NAMES and _GROWS.search(text):
        obj = "revenue"  # "Azure growth slows", "AWS decelerates": a cloud business's growth is its revenue's
    if obj in (None, "power") and _SCHEDULE.search(text) and _BUILD.search(text) and not _GRID.search(text):
        obj = "projects"  # "Barber Lake's 168 MW build slips into 2027": a project's schedule
    if obj == "backlog" and re.search(r"\bbookings\b", text, re.I) and set(claim.tickers) & set(vocab.LANDLORDS):
        obj = "leases"  # "Digital Realty Q2 new bookings top $200m": the leases it signed in the quarter
    if obj == "backlog" and IN_WATTS.search(text):
        obj = "power"  # "gas backlog plus slot reservations tops 60GW": an order book of turbines, in gigawatts
    if obj == "capex" and not _ACTUAL.search(text) and (
            _FIGURED_PLAN.search(text) or re.search(vocab.RANGE, text, re.I) or range_end(text) is not None):
        # "sticks with its ~$200bn 2026 capex plan", "lifts 2026 capex to $195-205bn", "lifts its 2026 capex ceiling":
        # a plan named by its figure, a range or an end of one is the guide; but "came in ... at the high end of
        # guidance" is what was spent, which the guide does not answer
        obj = "guidance"
    if obj is None and _DECIDES.search(text) and named_places(text, claim.company_name, claim.tickers):
        obj = "projects"  # "Tucson council approves Amazon's $3.6bn Project Blue": a named site's fate
    direction, negated = _direction(text, claim, obj)
    if direction is None and _LARGEST.search(text):
        direction = "up"  # "its largest quarter yet": a new high
    ranged = direction not in REVISING or bool(_PAST_PLAN.search(text))
    share = read_share(text)
    so_far = read_so_far(text) if obj in ("capex", None) else None
    if so_far is not None:
        obj, direction, negated = "capex", "up", False
    if share is not None:  # what a whole is split into, read with its move when it names one
        obj = obj or _SHARE_OBJECTS[share.whole]
        direction = direction or "share"
    period = read_period(text, as_of, fiscal_year_end_month(claim.tickers) or 12)
    if direction == "pause" and period.quarter is None and _SLIPS_INTO.search(text):
        period = Period()  # "slips into 2027" names where the date went, not the period the claim is about
    in_a_row = _sequential(text) or _quarter_move(text, obj, direction)
    if _EVERY_QUARTER.search(text) and period.year is not None and period.quarter is None:
        # "rose every quarter of 2025": the year's four quarters, each against the one before, to its last
        period, in_a_row = replace(period, quarter=4, label=f"Q4 {period.label}"), 4
    return Reading(subject=claim.company_name, tickers=list(claim.tickers), object=obj, segment=segment,
                   direction=direction, negated=negated, period=period,
                   # "even ~$220bn of spend won't buy enough capacity": the dollars are context, not the constraint
                   level=None if so_far and so_far.earlier or obj == "capacity" and "$" in text else _against_outlook(
                       text, level(text, ranged=ranged, hourly=obj == "gpu_prices")),
                   modality=_ahead(_modality(text, claim), period, as_of, claim),
                   places=named_places(text, claim.company_name, claim.tickers),
                   quarters_in_a_row=in_a_row,
                   to_profit=bool(re.search(rf"\b(?:{vocab.TO_PROFIT})", text, re.I)),
                   to_loss=bool(re.search(rf"\b(?:{vocab.TO_LOSS})", text, re.I)),
                   range_end=range_end(text),
                   actual=bool(_ACTUAL.search(text)),
                   through=bool(_THROUGH.search(text)),
                   growth=growth(text) if direction in ("up", "faster_growth") else None,
                   growth_most=growth_ceiling(text) if direction in ("up", "faster_growth") else None,
                   share=share, so_far=so_far, status=claimed_status(text),
                   contracted=bool(re.search(r"\bcontracted\b|\bunder contract\b", text, re.I)),
                   basis=read_basis(text),
                   selling=bool(_SELLING.search(text)))




_FIGURED_PLAN = re.compile(r"[~$]\s?\$?\d[\d.,]*\s*(?:bn|billion|b|tn|trillion)?\s+(?:(?:fy\s?)?'?\d{2,4}\s+)?"
                           r"(?:capex|capital spending|capital expenditures?|spending|investment)\s+"
                           r"(?:plans?|budgets?|guidance|guides?|outlooks?|forecasts?|targets?)\b", re.I)
_DESCRIBED_MAKER = re.compile(r"\b(?:memory|dram|nand|hbm|flash|chip|gpu|ai[- ]chip)[- ]?"
                              r"(?:makers?|chipmakers?|giants?|"
                              r"producers?|suppliers?|vendors?|leaders?|champions?|specialists?|houses?)\b", re.I)
_EVERY_QUARTER = re.compile(r"\b(?:every|each) (?:single )?quarter (?:of|in|through|during)\b", re.I)
_LARGEST = re.compile(rf"\b(?:{vocab.NEW_HIGH})\b", re.I)
# "overshot its original $60-65bn plan": a move past a range, which is the claim's line
_PAST_PLAN = re.compile(r"\b(?:oversho\w*|undersho\w*|exceed\w*|beat\w*)\b", re.I)
_SHARE_OBJECTS = {"capex": "capex", "compute": "capacity", "backlog": "backlog"}
_GROWS = re.compile(r"\b(?:growth|grow\w*|grew|accelerat\w*|decelerat\w*)\b", re.I)


_DECIDES = re.compile(r"\b(?:approv\w*|reject\w*|greenlight\w*|green-lights?|votes?|voted|permits?|zon(?:es|ed|ing))\b",
                      re.I)
_SCHEDULE = re.compile(r"\b(?:slip\w*|delay\w*|behind schedule|running behind|runs? late|running late|"
                       r"ahead of schedule|on schedule|on time|postpon\w*|push\w* (?:out|back)|on hold|paus\w*|"
                       r"halt\w*|freez\w*|deliver(?:s|ed)|hand(?:s|ed)? over|energi[sz]e[sd]|goes live|went live|"
                       r"comes? online|came online)\b", re.I)
_BUILD = re.compile(r"\b(?:build\w*|delivery|deliveries|energi[sz]\w*|phases?|data halls?|campus\w*|sites?|"
                    r"construction|projects?|facilit\w*|data cent\w+|CB-\d|expansion|halls?|capacity)\b", re.I)
_GRID = re.compile(r"\b(?:turbines?|transformers?|interconnection|grid|hookups?|utilit\w+|power|electric\w*)\b", re.I)
_SLIPS_INTO = re.compile(r"\b(?:into|to|until|till|past|beyond)\s+(?:late |early |mid-?|the end of )?20\d\d\b", re.I)


# "raises its 2025 growth target to ~25%": a supplier's growth target, unqualified, is its revenue's
_GUIDES = re.compile(r"\bguid(?:es?|ed|ing|ance)\b|\boutlook\b|\bforecast(?:s|ed|ing)?\b|"
                     r"\bgrowth (?:targets?|goals?|views?)\b", re.I)
# The companies whose guide, unqualified, is their capex guide
_SPENDERS = frozenset(c.ticker for role in ("hyperscaler", "neocloud") for c in universe.by_role(role))
_REASON = re.compile(vocab.REASON_CLAUSE, re.I)

_USE = re.compile(vocab.USE_CLAUSE, re.I)


def _segment(text: str) -> str | None:
    for name, pattern in vocab.SEGMENTS:
        if name == "Data Center" and not _rx(vocab.DATA_CENTER_BUSINESS).search(text):
            continue  # "data center leases" are about buildings, not a business
        if name == "AI" and not _rx(vocab.AI_REVENUE).search(text):
            continue  # "AI capex" is capex; only "AI revenue" is a part of something
        if _rx(pattern).search(text):
            return name
    return None


_MEMORY_CAPEX = re.compile(r"\bmemory (?:cap-?ex|capital (?:expenditures?|spending|investment)|investment|spending)\b",
                           re.I)


def _object(text: str, metric: str | None, segment: str | None) -> str | None:
    if _MEMORY_CAPEX.search(text) and not segment:
        return "capex"  # a memory maker's memory capex is its capex
    if segment == "Data Center":
        for name in ("profit", "backlog", "revenue"):  # the business's figures, not its buildings
            if _rx(dict(vocab.OBJECTS)[name]).search(text):
                return name
    if segment in vocab.UNIT_NAMES:
        segment = None  # a business unit scopes the claim; it does not make it a segment-capex claim
    if segment and segment != "HBM" or segment == "HBM" and re.search(r"cap-?ex|capital|invest", text, re.I):
        seg_pattern = dict(vocab.SEGMENTS)[segment]
        if _rx(vocab.SEGMENT_CAPEX.replace("{seg}", seg_pattern)).search(text):
            return "segment_capex"
    if any(re.search(rf"(?<!\w)(?:{p})(?!\w)", text, re.I) for _, p in vocab.POWER_ACTORS):
        return "power"  # a grid operator, utility or regulator: the claim is about power
    found: list[tuple[int, int, str]] = []
    for rank, (name, pattern) in enumerate(_objects()):
        m = pattern.search(text)
        if m and name in _SPECIFIC:
            return name
        if m:
            found.append((m.start(), rank, name))
    for rank, (name, pattern) in enumerate(_metrics()):
        m = pattern.search(text)
        if m and name == metric:
            found.append((m.start(), 100 + rank, _METRIC_OBJECT.get(name, name)))
    if not found:
        return _METRIC_OBJECT.get(metric or "")
    found.sort()
    names = [f[2] for f in found]
    if "backlog" in names and "revenue" in names:
        return "backlog"  # "revenue backlog" is backlog
    return found[0][2]


def _direction(text: str, claim: Claim, obj: str | None) -> tuple[str | None, bool]:
    text = lexicon.one_word_capex(text)
    coarse, negated = claim.direction, claim.negated
    coarse_at = _coarse_position(claim, text)
    best: tuple[int, str, re.Match[str]] | None = None
    firsts = [(name, m) for name, pattern in _directions() if (m := pattern.search(text))]
    for name, m in firsts:
        if best is None or m.start() < best[0]:
            best = (m.start(), name, m)
    for name, m in firsts:  # "supply crunch is over": the phrase that overlaps and runs on says more
        if best is not None and best[0] < m.start() < best[2].end() < m.end() \
                and m.end() - m.start() > best[2].end() - best[2].start():
            best = (m.start(), name, m)
    if best is None or (coarse_at is not None and coarse_at < best[0] - 1 and not _refines(best[1], obj)):
        if obj in ("compute_contracts", "leases") and (coarse is None or coarse == "down" and re.search(
                r"surplus|idle|spare|excess|unused|unsold", text, re.I)):
            return "up", False  # "X signs / agrees / rents / sells spare compute": a deal is claimed
        return coarse, negated
    _, name, m = best
    surplus = re.search(r"surplus|idle|spare|excess|unused|unsold", text, re.I)
    if obj == "compute_contracts" and name == "unconstrained" and surplus:
        return "up", False  # selling surplus compute is a deal claimed, not slack claimed
    if obj in ("compute_contracts", "leases") and name in ("constrained", "sold_out") and coarse is None:
        return "up", False  # "rents capacity to bridge its shortfall": the deal is the claim
    refined_negated = bool(_NEG_BEFORE.search(" ".join(text[max(0, m.start() - 40):m.start()].split()[-4:])))
    if obj == "projects" and name == "constrained" and re.match(r"block|reject", m.group(0), re.I):
        return "cancel", refined_negated  # "Tucson blocks Amazon's Project Blue": the project is stopped
    if name in vocab.TIGHTNESS and obj not in TIGHTNESS_OBJECTS:
        if obj in ("gpu_prices", "memory_prices"):  # tightness moves prices up, slack moves them down
            return ("down" if name == "unconstrained" else "up"), refined_negated
        return coarse, negated
    if name in ("pause", "cancel") and obj not in ("projects", "leases", "compute_contracts", "ai_spend") \
            or name == "pause" and obj != "projects" and re.match(r"pull|scal", m.group(0), re.I):
        return "down", refined_negated  # "pulling back from cloud deals": fewer deals, not a paused one
    if name == "given" and re.match(vocab.WITHHOLDS, m.group(0), re.I):
        return "given", not refined_negated  # "holds off on a 2027 capex number": no outlook given
    if name == "delivered" and obj != "projects":
        return coarse, negated  # "Dell delivered record revenue": the coarse direction says it
    return name, refined_negated


def _refines(name: str, obj: str | None) -> bool:
    """A refined word later in the headline still says what the claim is ("capex growth to slow")."""
    return name in ("slower_growth", "faster_growth") or (name in vocab.TIGHTNESS and obj in TIGHTNESS_OBJECTS) \
        or (name in ("pause", "cancel", "delivered", "ahead") and obj == "projects")  # "expansion on hold"


def _coarse_position(claim: Claim, text: str) -> int | None:
    for cue in claim.cues:
        if cue.startswith("direction: '"):
            word = cue.split("'")[1]
            at = text.lower().find(word.lower())
            return at if at >= 0 else None
    return None


_SEQUENTIAL = re.compile(
    r"\b(?:(?:prior|previous|preceding|last) quarter|quarter[- ](?:on|over)[- ]quarter|sequential\w*|q/q|qoq|"
    r"from (?:the )?(?:q[1-4]|\w+ quarter) to|from (?:the )?(?:q[1-4]|(?:first|second|third) quarter)(?! of)|"
    r"from (?:the )?(?:march|june|september|december)[- ]quarter|"
    r"(?:below|under|above|over|lower than|higher than|short of|ahead of) (?:its |the )?(?:q[1-4]|(?:march|june|"
    r"september|december)[- ]quarter)|"
    # "falls below December's": the quarter before, named by its month
    r"(?:below|under|above|over|than|from|short of|ahead of) (?:its |the )?(?:q[1-4]|march|june|september|"
    r"december)'s|"
    r"(?P<n>\w+) (?:straight|consecutive) quarters|"
    r"(?P<m>\w+) quarters? in a row)\b", re.I)


_IN_QUARTER = re.compile(r"\b(?:in|during|for)\s+(?:the\s+)?(?:fiscal\s+)?(?:q[1-4]|(?:first|second|third|fourth|"
                         r"january|february|march|april|may|june|july|august|september|october|november|december)"
                         r"[- ]quarter)\b", re.I)
_YEAR_ON_YEAR = re.compile(r"year[- ](?:over|on)[- ]year|\byoy\b|a year (?:earlier|ago|before)|from a year", re.I)


def _quarter_move(text: str, obj: str | None, direction: str | None) -> int:
    """'Quarterly capex fell in Q2 2026', 'RPO dipped in fiscal Q4': against the quarter before (1), unless the
    claim says year on year. Revenue is left to the year-on-year reading most headlines mean by it."""
    if obj in ("capex", "backlog", "arr") and direction in ("up", "down") and _IN_QUARTER.search(text) \
            and not _YEAR_ON_YEAR.search(text):
        return 1
    return 0


def _sequential(text: str) -> int:
    """'fell from the prior quarter' (1), 'fallen for two straight quarters' (2), '5 quarters in a row' (5)."""
    m = _SEQUENTIAL.search(text)
    if not m:
        return 0
    count = (m.group("n") or m.group("m") or "").lower()
    return int(count) if count.isdigit() else vocab.COUNTS.get(count, 1)


# "constrained into 2026" lasts; "going into 2026" is where it stands as the year opens
_THROUGH = re.compile(r"\b(?:through|until|till|(?<!going )(?<!heading )(?<!coming )into|to|by)\s+(?:at least\s+)?"
                      r"(?:the end of\s+|all of\s+)?"
                      r"(?:calendar\s+|"
                      r"fiscal\s+(?:year\s+)?)?(?:'?\d{2}\b|20\d\d)"
                      # "slows to 39%", "to 30 billion": a figure, not the year '39
                      r"(?![.,]?\d)(?!\s*(?:%|percent|x\b|times|bn\b|billion|million|gw\b|mw\b|gigawatts?|megawatts?))",
                      re.I)
# "exited 2026 at $3.7B ARR": where the year ended, which a target for it does not answer
_ACTUAL = re.compile(r"\b(?:came in|comes in|landed|totall?ed|spent|ended up|"
                     r"finish(?:ed|es)? (?:the year|at|above|below|over|"
                     r"under)|exit(?:ed|s) (?:20\d\d|the year|calendar 20\d\d|fiscal 20\d\d))\b", re.I)


_AGAINST_OUTLOOK = re.compile(r"\b(?:beat|miss|top|exceed|surpass|fell short of|"
                              r"c(?:ame|omes) in (?:above|below|ahead of)|"
                              r"(?<=, )(?:above|below|ahead of|short of))\w* "  # "lands at $41bn, above its guide"
                              r"(?:\w+ ){0,2}(?:[>~<]?\$\s?[\d.,]+ ?\w* )?(?:[\w-]+ ){0,5}"
                              r"(?:outlook|guidance|guide|forecast|estimates?|target|goal)\b",
                              re.I)


def _against_outlook(text: str, found: Level | None) -> Level | None:
    """"Misses its own $65B outlook": the result came in under the figure; "beats" it, over it."""
    m = _AGAINST_OUTLOOK.search(text)
    if found is None or m is None or found.op != "at":
        return found
    under = re.match(r"miss|fell short|came in below", m.group(0), re.I) is not None
    return Level("below" if under else "above", found.value, found.unit, found.text, found.high)


# "came in ... at the high end of guidance", "in line with its outlook": where a result landed in the guide
_WITHIN_OUTLOOK = re.compile(r"\b(?:at|near|toward|in line with|within)\s+(?:the\s+)?(?:(?:high|top|upper|low|bottom)"
                             r"[- ]end\s+of\s+|(?:mid-?point|middle)\s+of\s+)?(?:its\s+|their\s+|the\s+)?"
                             r"(?:[\w-]+\s+){0,2}(?:guidance|guide|outlook|forecast|range)\b", re.I)


# "even as it raises its full-year guide": the guide named as a thing, not a plan the claim reports ("guides to $X")
_GUIDE_NOUN = re.compile(r"\b(?:its|their|the|a|our)\s+(?:[\w-]+\s+){0,2}guides?\b", re.I)


def _ahead(modality: str, period: Period, as_of: dt.date, claim: Claim) -> str:
    """A claim about a year that has not begun by the as-of date ("warns of slower AI revenue growth in fiscal
    2026", said in fiscal 2025) speaks of an outlook, whatever its verb: nothing has happened in that year yet."""
    if modality != "fact" or period.year is None or period.quarter is not None:
        return modality
    fye = fiscal_year_end_month(claim.tickers) if period.fiscal else 12
    current = as_of.year + (as_of.month > fye) if fye else as_of.year + 1  # the latest it can be, unknown calendar
    return "expectation" if period.year > current else modality


# "..., sources say", "reportedly", "Reuters:": who tells it, not what is claimed; the claim underneath is read as
# if stated (the verdict notes the report: `Claim.hedged`)
_REPORTED = re.compile(r"(?:,|\s-|\s\u2014)?\s*(?:(?:people familiar|sources?|insiders?)(?: with the matter)? "
                       r"(?:say|said|says|tell \w+)|according to (?:a |the )?(?:reports?|sources?|people[\w ]*))\s*$|"
                       r"^(?:exclusive|report|reports|sources|breaking)\s*:\s*|\s-\s(?:report|sources)\s*$", re.I)


def _modality(text: str, claim: Claim) -> str:
    text = re.sub(r"\b(?:is |are |was |were )?said to\b", "to", re.sub(r"\breportedly\s+", "", _REPORTED.sub("", text)))
    if re.search(r"\b(?:report(?:s|ed)?:|sources?|according to|rumou?r\w*|chatter)\b", text, re.I):
        return "report"
    if _AGAINST_OUTLOOK.search(text) or _ACTUAL.search(text) and _WITHIN_OUTLOOK.search(text):
        # "revenue beats its $65 billion outlook", "capex came in at the high end of guidance": what was
        # reported, against what was guided
        return "fact"
    if _rx(vocab.EXPECTATION).search(text):
        return "expectation"
    if _DONE_DEAL.search(text):
        return "fact"  # "has signed its first customer to buy ...": a deal made, whatever it is for
    if _rx(vocab.PLAN).search(_GUIDE_NOUN.sub(" ", text)):
        return "plan"
    return "fact"
