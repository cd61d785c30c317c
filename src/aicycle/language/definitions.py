"""Sentence shapes the label definitions decide by themselves (docs/stance_labels.md).

Each shape is one bounded pattern over the lower-cased sentence and the label the definitions give
it: a shortfall explained by delivery timing, "no change to our build plans", a plan figure with no
comparison and a run-rate said to be representative are `maintain`; "we will not add capacity" and
"wafer starts down" are `cut`; "HBM fully booked", efficiency used to scale up, backlog up because of
demand and a supplier's customers still building are `expand`; discipline *instead of* added capacity,
limited commitments, kept flexibility and a smaller rise than last year's are `moderate`; a gaming or
PC supply constraint is `none`. Where one matches, the rules answer with it and the trained model does
not overrule them: these are the definitions' words, not a pattern learned from a corpus. A question
or a hypothetical asserts nothing, so it is left to the other rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from aicycle.language.needles import Needles


def _gap(n: int) -> str:
    """Up to `n` words between two parts of a phrase, bounded so matching stays linear."""
    return r"(?:[\s,]+[\w'’$.%-]+){0," + str(n) + r"}[\s,]+"


_SPEND = r"(?:cap[- ]?ex|capital (?:expenditures?|spend\w*|investments?)|spend\w*|investments?)"
_BELOW_ABOVE = (r"(?:below|above|under|short of|lower than|higher than|less than|more than|ahead of|behind)"
                r"(?: (?:our |the |what we )?(?:plan\w*|expect\w*|forecast\w*|guid\w*|outlook))?|shortfall|overshoot")
_TIMING = (r"(?:timing|delivery|deliveries|slipp\w*|slid|moved (?:in)?to|push\w* (?:in)?to|shift\w* (?:in)?to"
           r"|(?:into|to) (?:the )?(?:next|following|coming) (?:quarter|year|period)|delay\w* in (?:the )?"
           r"(?:delivery|deliveries|construction|lease))")
_NO_CHANGE = (r"(?:no|not any|nothing) (?:real |material |meaningful )?chang\w* (?:to|in)" + _gap(2)
              + r"(?:build\w*|capex|capital|investment|spend\w*|data[- ]?cent\w*|infrastructure|capacity)"
              r"|(?:not|n't|no plans? to) (?:be )?chang\w*" + _gap(2)
              + r"(?:build|capex|capital|investment|spend\w*|data[- ]?cent\w*|infrastructure)\w*(?: plans?)?")
_NO_CHANGE += (r"|" + _SPEND + _gap(6) + r"(?:ha(?:ve|s)n't|ha(?:ve|s) not|did not|didn't) (?:really )?changed"
               r"|" + _SPEND + _gap(4) + r"remains? unchanged"
               # "our plan to bring roughly 2 gigawatts online this year is unchanged": a plan reaffirmed
               r"|(?:plans?|schedules?|budgets?|targets?|envelope|guidance|outlook|timelines?|roadmap)" + _gap(10)
               + r"(?:is|are|remains?|stays?) (?:largely |essentially |completely )?unchanged")
_NO_NEW_CAPACITY = (r"(?:will not|won't|do not|don't|not going to|no plans? to|do not plan to|don't plan to"
                    r"|not planning to|are not|aren't|we're not|is not|isn't)"
                    r" (?:plan to |expect to )?(?:add(?:ing)?|build(?:ing)?|bring(?:ing)? on(?:line)?|expand(?:ing)?)"
                    + _gap(3)
                    + r"(?:capacity|data[- ]?cent\w*|fabs?|sites?|campus\w*|megawatts|gigawatts)")
_WAFER_CUT = (r"tak\w* (?:our |the )?(?:wafer starts|production|utili[sz]ation|output)" + _gap(2) + r"down"
              r"|(?:reduc\w*|cut\w*|lower\w*|decreas\w*|curtail\w*|trim\w*)" + _gap(2)
              + r"(?:wafer (?:starts|capacity|output|production|inputs?)|(?:dram|nand|memory|bit) (?:production|output"
              r"|supply|wafer starts)|production (?:levels?|volumes?|capacity)|fab utili[sz]ation)(?! costs?| growth)"
              r"|wafer starts" + _gap(3) + r"(?:down|lower|reduc\w*|cut)")
# STANCE_LABELS.md's cut row: "cancels projects", "reduces wafer capacity, wafer starts or production"
_CANCELS = (r"(?:(?<!non-)cancel(?!l?able)\w*|scrapp?\w*|abandon\w*|walk\w* away from|shelv\w*)" + _gap(4)
            + r"(?:expansions?|projects?|sites?|campus\w*|build[- ]?outs?|fabs?|facilit\w*|data[- ]?cent\w*|leases?|"
            r"phases?|plans? for|capacity)")
_SHEDS = (r"(?:reduc\w*|cut(?:s|ting)?(?![\w-])|retir\w*|releas\w*|shut\w* down|shutting down|decommission\w*)"
          + r"(?:[\s,]+(?!costs?\b|prices?\b|pricing\b|expenses?\b|bitcoin\b|mining\b)[\w'’$.%-]+){0,4}[\s,]+"
          r"(?:(?:leased |data[- ]?cent\w* |manufacturing |production |test |planned )?capacity|"
          r"(?:planned )?(?:accelerator |gpu )?deployments|fabs?|factor(?:y|ies)|clusters?|"
          r"(?:production|integration|manufacturing) (?:lines?|facilit\w*))(?! costs?| growth)"
          r"(?:" + _gap(3) + r"(?:down|back|by|to the market))?")
# STANCE_LABELS.md's moderate row: the growth rate slowed while the level still rises, some projects paused,
# commitments limited or paced, a shift toward short-lived assets as a way of pacing
_PACED_SUBJECT = (r"(?:cap[- ]?ex|capital (?:expenditures?|spend\w*|investments?|intensity)|spend\w*|investments?|"
                  r"capacity|build[- ]?outs?|footprint|deployments?|infrastructure)")
_SLOWER_GROWTH = (_PACED_SUBJECT + _gap(8)
                  + r"(?:(?:grow\w*|increas\w*|ris\w*|rise|go(?:es)? up)" + _gap(5)
                  + r"(?:at a |by a )?(?:slower|lower|more moderate|more measured|more modest|smaller) "
                  r"(?:rate|pace|clip)"
                  r"|(?:increase|growth|rise|step[- ]up) (?:will be |is |should be )?(?:roughly |about )?"
                  r"(?:half the size|smaller|slower|more modest) than"
                  r"|up only (?:modestly|slightly|a little))")
_SOME_PAUSED = (r"(?:paus\w*|defer\w*|delay\w*|slow\w*|push\w* out|hold\w* off on)" + _gap(2)
                + r"(?:some|a few|a couple of|certain|one of|two of|three of|a portion of|part of|several)" + _gap(3)
                + r"(?:projects?|sites?|buildings?|expansions?|builds?|deployments?|construction|cleanrooms?|clusters?|"
                r"campus\w*|phases?)")
_PACING = (r"(?:levers? to|ability to) (?:slow|adjust|pull back|throttle|dial)\w*"
           r"|only (?:when|once|after) (?:we have |there (?:is|are) )?(?:firm |signed |committed )?"
           r"(?:purchase )?(?:orders|commitments|contracts)"
           r"|rather than (?:locking in|build\w* (?:on forecast|ahead))|just-in-time"
           r"|(?:shift\w*|weight\w*|tilt\w*|lean\w*)" + _gap(6) + r"toward" + _gap(3) + r"short(?:er)?[- ]lived")
# "capacity grows at a slower rate than demand": a shortfall against demand (expand), not a slowing
_THAN_DEMAND = re.compile(r"\bthan (?:\w+ )?(?:demand|needs|orders|customers?)\b")
# "retire older capacity and replace it with Blackwell": a refresh, not a cut
_REPLACED = re.compile(r"\b(?:replac\w*|upgrad\w*|refresh\w*|swap\w*|migrat\w*)\b")
_BOOKED = (r"(?:hbm|capacity|supply|wafers?|output|production|gpus?|data[- ]?cent\w*|clusters?)\b" + _gap(6)
           + r"(?:fully booked|(?:fully )?sold out|fully (?:allocated|committed|subscribed|contracted|leased))")
_INSTEAD = (r"(?:disciplin\w*|efficien\w*|optimi[sz]\w*|sweat\w*|utili[sz]\w*|existing (?:fleet|capacity|assets))"
            + _gap(6) + r"(?:rather than|instead of)" + _gap(1)
            + r"(?:add\w*|build\w*|buy\w*|expand\w*|new)")
# "... rather than adding new head and media unit capacity", "without having to put capex into it", "predictability
# is our priority, not adding more capacity": something else in place of added capacity (the moderate row)
_NOT_ADDING = (r"(?:rather than|instead of|without (?:having to |the need to |needing to )?)"
               r"(?:add\w*|build\w*|put\w*(?: in)?|spend\w*|mak\w*)" + _gap(4)
               + r"(?:capacity|cap[- ]?ex|capital|production units|fabs?|wafer starts)"
               r"|priority\W+(?:\w+\W+){0,3}not (?:adding|building) (?:more |new )?capacity"
               r"|(?:don't|do not|won't|will not) (?:have|need) to (?:make|add|put) (?:any )?"
               r"(?:incremental |additional )?(?:investments? (?:in|into) )?capacity")
# "we continue to prioritize maintaining long-term flexibility so we can adapt": flexibility kept over what is built
_FLEXIBLE = (r"(?<!financial )(?<!balance sheet )flexib\w*" + _gap(8)
             + r"(?:adjust|adapt|pace|stagger|timing|scale back|slow)\w*"
             r"|(?:build\w*|invest\w*|cap[- ]?ex|infrastructure|data cent\w*)" + _gap(6)
             + r"(?:is|are) (?:\w+ )?flexible")
# "we will stay very disciplined of managing supply", "our disciplined capital investment strategy": discipline
# about capital or supply (the restraint word the moderate row names); not opex "spend management", not returns
_CAPITAL_OR_SUPPLY = r"(?:cap[- ]?ex|capital (?:spend\w*|invest\w*|expenditures?)|supply(?! chain)|wafer starts?)"
_DISCIPLINE = (r"disciplin\w*" + _gap(3) + _CAPITAL_OR_SUPPLY + r"|" + _CAPITAL_OR_SUPPLY + _gap(2) + r"disciplin\w*")
_CONSUMER = r"(?:gaming|game consoles?|consoles?|pcs?|client|notebooks?|handsets?|smartphones?|automotive)"
_OFF_SEGMENT_SUPPLY = (r"(?:gaming|game consoles?|consoles?|pcs?|client|notebooks?|handsets?|smartphones?|automotive"
                       r"|switch)" + _gap(1) + r"(?:supply|supplies|inventory|shipments?)" + _gap(3)
                       + r"(?:constrain\w*|tight\w*|short\w*|limit\w*)"
                       r"|(?:" + _CONSUMER + _gap(1) + r"demand|demand for" + _gap(2) + _CONSUMER + r")" + _gap(4)
                       + r"(?:exceed|outstrip|outpac)\w*")


# A risk factor's hypothetical ("shortages could impair our customers' ability to expand") states no stance
_RISK = (r"(?:may|could|might)" + _gap(3) + r"(?:adversely|negatively|materially|impair|harm|disrupt|hurt)\w*"
         r"|if we (?:experience|are unable|fail|cannot)")
# STANCE_LABELS.md's `none` row: capex on offices is not capex on compute
_OFFICE = r"(?:(?:new |corporate )?headquarters|office (?:buildings?|space|towers?|campus)|offices)"
_OFFICE_CAPEX = (r"(?:cap(?:ital )?ex\w*|capital expenditures?|spend\w*|invest\w*)" + _gap(4) + _OFFICE
                 + r"|" + _OFFICE + _gap(6) + r"(?:cap(?:ital )?ex\w*|capital expenditures?)")


_LIMITS = (r"limit\w* (?:our |the )?(?:forward |future |new )?(?:commitments|capacity commitments)"
           r"|(?:keep|keeping|retain\w*|preserv\w*|maintain\w*) (?:the |our |some |a lot of )?flexibility"
           r" (?:to|in|on|around|over)" + _gap(3)
           + r"(?:pace|spend\w*|capex|capital|invest\w*|build\w*|slow\w*|adjust\w*|commitments|scale back)"
           r"|(?:we |they )?(?:can|could) (?:always )?throttle")
# STANCE_LABELS.md's moderate row, hedges: "we may be able to sell excess capacity to third parties if we overbuild"
_OVERBUILD = (r"\bif (?:we|they) (?:were to |ever )?"
              r"(?:over-?build|over-?invest|build too much|end up with (?:too much|more than we need))")
# ... and discipline: "our spending on AI infrastructure is measured and tied to demand signals"
_MEASURED_SPEND = (r"(?:spend\w*|investments?|cap[- ]?ex|capital (?:expenditures?|spending))" + _gap(5)
                   + r"(?:is|are|remains?|will (?:be|remain)|stays?) (?:\w+ )?(?:measured|disciplined|tied to demand)")
_SMALLER_RISE = (r"(?:rise|rises|grow|grows|increase|increases|go up|goes up)" + _gap(4)
                 + r"(?:though |but |albeit )?(?:by )?(?:less|a smaller amount) than"
                 r"|(?:a )?smaller (?:increase|rise|step[- ]up) than")
_EFFICIENCY_TO_SCALE = (r"(?:efficiency|efficiencies|savings)(?: gains?)?" + _gap(4)
                        + r"to (?:scale|add|grow|expand|build|deploy)\w*(?: up)?" + _gap(3)
                        + r"(?:compute|capacity|infrastructure|gpus?|clusters?|data[- ]?cent\w*|fleet)"
                        # the same gains said to raise what is needed: "will lead to more demand for compute"
                        r"|(?:efficiency|efficiencies)(?: gains?)?" + _gap(5)
                        + r"(?:lead|leads|drive|drives|mean|means|create|creates) (?:to )?(?:even |far |much )?more"
                        r"(?: demand for| need for| use of)? (?:compute|capacity|infrastructure|gpus)")
_PLAN_FIGURE = (r"(?:still |continue to )?(?:expect|plan|intend|anticipate)\w* to (?:spend|invest)"
                r"(?: (?:about|approximately|roughly|around|some))? \$\s?\d")
# "We expect CapEx for the fiscal year to be in the range of $105 to $115 million": a plan figure, no direction
_PLAN_FIGURE += (r"|(?:expect|plan|anticipate|forecast)\w*" + _gap(2) + r"(?:net |gross |total )?"
                 r"(?:cap[- ]?ex|capital (?:expenditures?|spending|investments?))" + _gap(8)
                 + r"to (?:be|total|come in)(?: in the range of| between| about| approximately| around| roughly)?"
                 r" (?:\$\s?\d|\d)")
_RUN_RATE = (r"(?:reasonably |fairly |broadly )?representative of (?:the |our )?(?:\w+ )?(?:run[- ]rate|level|quarters)"
             r"|run[- ]rate for the (?:rest|remainder|balance) of the year"
             # "similar to this quarter's level" (STANCE_LABELS.md, maintain), said of the quarters to come
             r"|representative of what you(?:'ll| will) see|(?:good|reasonable|fair) proxy for"
             r"|(?:similar (?:to|range to)|in line with|(?:look|looks) (?:a lot )?like) (?:the |this |our )?"
             r"(?:current |first[- ]|second[- ]|third[- ]|fourth[- ]|q[1-4] |prior |last )?"
             r"(?:quarter(?:'s)?|run[- ]rate)"
             r"(?: level)?")
# "backlog up because of demand" (STANCE_LABELS.md, expand): the backlog rises, and the sentence says demand drove it
_BACKLOG_NOUN = r"(?:backlog|remaining performance obligations?|rpo)"
_DRIVEN = (r"(?:driven by|due to|because of|reflect\w*|on the back of|fu\w*ed by|thanks to|led by|as a result of)"
           + _gap(5) + r"(?:demand|orders|bookings|commitments|contracts|customers?)")
_BACKLOG_ON_DEMAND = (_BACKLOG_NOUN + _gap(6) + r"(?:grew|grow\w*|increas\w*|rose|ris\w*|up|doubl\w*|tripl\w*|"
                      r"quadrupl\w*|climb\w*|jump\w*|expand\w*|reach\w*|record)" + _gap(16) + _DRIVEN
                      + r"|(?:increase|growth|rise|step[- ]up) in (?:our |the )?" + _BACKLOG_NOUN + _gap(4) + _DRIVEN)
# "Our customers are still building" (STANCE_LABELS.md): a supplier stating its customers' build-out as fact
_CUSTOMERS = r"(?:customers|hyperscalers|cloud (?:providers|customers|service providers)|csps)"
_BUILDING = (r"(?:are |remain |continue to |continued to |keep |kept )?(?:still )?(?:build\w*|expand\w*|"
             r"scal\w* (?:up|out)|add\w*|invest\w* (?:in|heavily)|deploy\w*|ramp\w*)")
_BUILT = (r"(?:capacity|data[- ]?cent\w*|clusters?|infrastructure|fleets?|build[- ]?outs?|fabs?|compute|gpus?|"
          r"ai factories|factories|campus\w*|sites?)")
_CUSTOMERS_BUILD = _CUSTOMERS + " " + _BUILDING + r"(?:[.!;]|$|" + _gap(6) + _BUILT + ")"
# "The site is on track to energize in Q4", "both buildings remain on schedule": the plan reaffirmed, unchanged
_ON_SCHEDULE = (r"(?:sites?|buildings?|campus\w*|projects?|facilit\w*|energi[sz]ation|construction|deployments?|"
                r"deliver\w*|build[- ]?outs?|data[- ]?cent\w*|timelines?|halls?|expansions?|capex)" + _gap(6)
                + r"(?:(?:remains?|are|is|stays?|still|continues? to be|running) )?(?:on (?:track|schedule|budget|plan)"
                r"|as planned)\b")
# "not adding capacity as fast as demand grows" is a shortfall against demand, not a stop to adding
_AS_FAST = re.compile(r"\b(?:as (?:fast|quickly|much)|fast enough|quickly enough)\b")
# "expect to spend about $40B, up from $30B": a comparison, which the figure rules read
_COMPARED = re.compile(r"\b(?:up|down|increas\w*|decreas\w*|more|less|higher|lower|from|grow\w*|rais\w*|cut\w*|"
                       r"reduc\w*)\b")


@dataclass(frozen=True)
class Defined:
    name: str
    label: str
    pattern: re.Pattern[str]
    needles: tuple[str, ...]   # words every match contains: a plain substring test skips most sentences
    unless: re.Pattern[str] | None = None  # the shape does not hold when this follows the match
    also: tuple[str, ...] = ()  # a second set of needles every match holds one of as well (tested in `match`)


def _defined(name: str, label: str, pattern: str, needles: str, unless: re.Pattern[str] | None = None,
             also: str = "") -> Defined:
    return Defined(name, label, re.compile(r"\b(?:" + pattern + r")"), tuple(needles.split("|")), unless,
                   tuple(also.split("|")) if also else ())


_NOT_BOOKED = r"(?:not|n't)\s+(?:yet\s+|quite\s+)?(?:fully booked|(?:fully )?sold out)"


# The second needles of the shapes whose first ones occur in thousands of topical sentences ("demand",
# "year", "expect"): the consumer segment, the comparison with the plan, the figure's digit.
_CONSUMER_NEEDLES = "gaming|console|pc|client|notebook|handset|smartphone|automotive|switch"
_BELOW_ABOVE_NEEDLES = "below|above|under|short|lower than|higher than|less than|more than|ahead of|behind|overshoot"
_DIGITS = "|".join("0123456789")


# Order matters: the first shape that matches decides.
SHAPES: tuple[Defined, ...] = (
    _defined("off_segment_supply", "none", _OFF_SEGMENT_SUPPLY, "suppl|inventor|shipment|demand",
             also=_CONSUMER_NEEDLES),
    _defined("office_capex", "none", _OFFICE_CAPEX, "headquarter|office"),
    _defined("risk_factor", "none", _RISK, "may|could|might|if we"),
    _defined("no_new_capacity", "cut", _NO_NEW_CAPACITY, "not |n't |no plan", unless=_AS_FAST),
    _defined("wafer_cut", "cut", _WAFER_CUT, "wafer|production|utili|output|supply"),
    _defined("no_change", "maintain", _NO_CHANGE, "chang"),
    _defined("cancels", "cut", _CANCELS, "cancel|scrap|abandon|walk|shelv"),
    _defined("sheds", "cut", _SHEDS, "reduc|cut|retir|releas|shut|decommission", unless=_REPLACED),
    _defined("delivery_timing", "maintain", _SPEND + _gap(6) + r"(?:" + _BELOW_ABOVE + r")" + _gap(10) + _TIMING,
             "timing|deliver|slipp|slid|moved|push|shift|quarter|year|period|delay",
             also=_BELOW_ABOVE_NEEDLES),
    _defined("instead_of_capacity", "moderate", _INSTEAD, "rather than|instead of"),
    _defined("not_adding", "moderate", _NOT_ADDING, "rather than|instead of|without|priority|have to|need to"),
    _defined("flexible", "moderate", _FLEXIBLE, "flexib"),
    _defined("discipline", "moderate", _DISCIPLINE, "disciplin"),
    # "our HBM is not fully booked": supply still open is no change of capacity, and not the expand row's "sold out"
    _defined("not_booked", "none", _NOT_BOOKED, "booked|sold out"),
    _defined("booked", "expand", _BOOKED, "booked|sold out|fully"),
    _defined("limits_commitments", "moderate", _LIMITS, "limit|flexib|throttle"),
    _defined("overbuild_hedge", "moderate", _OVERBUILD,
             "overbuild|over-build|overinvest|over-invest|too much|than we need"),
    _defined("measured_spend", "moderate", _MEASURED_SPEND, "measured|disciplined|tied to"),
    _defined("smaller_rise", "moderate", _SMALLER_RISE, "less than|smaller"),
    _defined("slower_growth", "moderate", _SLOWER_GROWTH, "slower|lower|moderate|measured|modest|smaller|half",
             unless=_THAN_DEMAND),
    _defined("some_paused", "moderate", _SOME_PAUSED, "paus|defer|delay|slow|push out|hold off"),
    _defined("pacing", "moderate", _PACING,
             "levers|lever to|ability to|only when|only once|only after|rather than|just-in-time|lived"),
    _defined("efficiency_to_scale", "expand", _EFFICIENCY_TO_SCALE, "efficien|saving"),
    _defined("backlog_on_demand", "expand", _BACKLOG_ON_DEMAND, "backlog|performance oblig|rpo"),
    _defined("customers_building", "expand", _CUSTOMERS_BUILD, "customers|hyperscalers|providers|csps"),
    _defined("plan_figure", "maintain", _PLAN_FIGURE, "expect|plan|intend|anticipat|forecast", unless=_COMPARED,
             also=_DIGITS),
    _defined("run_rate", "maintain", _RUN_RATE,
             "representative|run rate|run-rate|proxy|similar|in line with|look like|looks like|a lot like"),
    _defined("on_schedule", "maintain", _ON_SCHEDULE, "on track|on schedule|on budget|on plan|as planned"),
)
_NEGATED_BEFORE = re.compile(r"(?:\bnot|\bno|n't|\bnever|\bwithout)\W+(?:\w+\W+){0,2}$")
_NEGATOR = re.compile(r"\bnot\b|\bno\b|n't|\bnever\b")
FEATURES = tuple(f"def:{shape.name}" for shape in SHAPES)


def match(lowered: str, present: int | None = None) -> tuple[Defined, str] | None:
    """The first defined shape in a lower-cased sentence, with the words that matched.

    `present`, when known, has bit i set for each shape i whose needles the sentence holds
    (`present_many`); otherwise the needles are tested here."""
    if present is None:
        present = present_many([lowered])[0]
    while present:  # the set bits only, lowest (earliest shape) first: most sentences have none or one
        lowest = present & -present
        present ^= lowest
        shape = SHAPES[lowest.bit_length() - 1]
        if shape.also and not _holds_any(lowered, shape.also):
            continue
        found = shape.pattern.search(lowered)
        if found is None or shape.unless is not None and shape.unless.search(lowered, found.end()):
            continue
        if shape.label in ("expand", "cut") and shape.name != "no_new_capacity" and (
                _NEGATED_BEFORE.search(lowered, max(0, found.start() - 25), found.start())
                or _NEGATOR.search(found.group(0))):
            continue  # "not fully booked", "not reducing wafer starts": the other rules read the negation
        return shape, found.group(0)
    return None


def _holds_any(text: str, needles: tuple[str, ...]) -> bool:
    for needle in needles:
        if needle in text:
            return True
    return False


def present_many(sentences: Sequence[str]) -> list[int]:
    """For each sentence, one bit per shape whose needles it holds (bit i for SHAPES[i]).

    The sentences are searched as one text (`needles.Needles`), rather than every needle tested on
    every sentence."""
    return _NEEDLES.present(sentences)


NEEDLE_BITS = tuple((needle, 1 << bit) for bit, shape in enumerate(SHAPES) for needle in shape.needles)
_NEEDLES = Needles(NEEDLE_BITS)
