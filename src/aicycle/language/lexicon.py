"""The stance lexicon: cue phrases as data, compiled once into one alternation.

A cue is (name, pattern, label, weight, negated): `negated` is the label the cue takes when a
negator stands just before it ("not slowing down" → expand, "no change" → maintain). Cues of the
kind `subject` carry no direction; they say the sentence is about capex or capacity. `block` cues
mark "capacity" that means something else (auctions, disk drives, a person's role) and off-topic
spending (opex, R&D). All patterns use bounded gaps only, so matching stays linear in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Up to N words between two parts of a phrase, without unbounded backtracking.
W1, W2, W3, W4 = (r"(?:[\s,]+[\w'’$.%-]+){0," + str(n) + r"}[\s,]+" for n in (1, 2, 3, 4))


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: str
    label: str        # expand | maintain | moderate | cut | subject | block
    weight: float
    negated: str | None = None


SUBJECTS: tuple[Cue, ...] = (
    Cue("capex", r"cap[- ]?ex(?:es)?|capital expenditures?|capital spend\w*|capital investments?"
        r"|capital budget\w*|capital intensity|capital plan|growth capex|development spend\w*"
        r"|(?:gross|net) capital", "subject", 1.0),
    Cue("wfe", r"WFE|wafer fab equipment|fab (?:spend\w*|capacity|investments?)", "subject", 1.0),
    Cue("infrastructure", r"(?:AI|data[- ]?cent(?:er|re)s?|cloud|compute|GPU|digital|IT) infrastructure"
        r"(?: investments?| spend\w*| build\w*)?|infrastructure (?:investments?|spend\w*)"
        r"|AI investments?|investments? in AI|cloud spend\w*", "subject", 1.0),
    Cue("build_out", r"build[- ]?outs?|building out|build out|built out", "subject", 1.0),
    Cue("capacity", r"capacity|capacities", "subject", 0.8),
    Cue("data_center", r"data[- ]?cent(?:er|re)s?|hyperscal\w+|(?:mega|giga)watts?|GPUs?|clusters?"
        r"|compute|servers?", "subject", 0.5),
    Cue("invest", r"invest(?:s|ing|ed|ments?)?|spend(?:s|ing)?|deploy(?:s|ing|ed|ments?)?", "subject", 0.4),
)

# "capacity" or "investment" that is not the build-out this lexicon is about.
BLOCKS: tuple[Cue, ...] = (
    Cue("capacity_other", r"capacity (?:auctions?|markets?|payments?|prices?|revenues?|performance)"
        r"|(?:PJM|BRA|RPM)" + W3 + r"capacity|(?:mass|high|higher|storage|drive|disk|memory|HDD|nearline"
        r"|near-line|exabyte|terabyte|TB|bit|DRAM|NAND) capacity|capacity (?:drives?|storage|points?"
        r"|shipments?|per)|(?:new|this|that|my|his|her|their|an advisory|a similar) capacity\b(?! (?:to|for|in))"
        r"|(?:sales|specialist|renewal|drawable|borrowing|credit|debt|lending|warehouse|fulfillment|fulfilment"
        r"|transmission|headroom|balance sheet) capacity|capacity of our (?:sales|renewal|balance)"
        r"|energy, capacity", "block", 1.0),
    Cue("opex", r"op[- ]?ex|operating expenses?|operating spend\w*|cost (?:discipline|structure|savings?"
        r"|reductions?|management|efficien\w*)|R&D|research and development|SG&A|headcount", "block", 1.0),
    Cue("non_dc_inventory", r"inventory digestion in (?:CCG|client|PC|Altera|Mobileye|NEX)"
        r"|(?:Altera|CCG|semi-?custom|Intelligent Edge|PC|client|handset|console)\w*" + W4
        + r"(?:inventory )?digest\w*|digest\w*" + W3 + r"(?:Altera|CCG|semi-?custom|Intelligent Edge|PCs?)",
        "block", 1.0),
)

DIRECTIONS: tuple[Cue, ...] = (
    # --- expand ---
    Cue("constrained", r"(?:capacity|supply|power)[- ](?:constrain\w*|limit\w*|tight\w*)|constrained"
        r"|more demand than (?:supply|capacity)|demand (?:exceed|outstrip|outpac)\w*|sold out|scarcity"
        r"|shortage|short on capacity", "expand", 1.6),
    Cue("rent_outside", r"(?:rent|leas|procur|contract|secur)(?:e|es|ed|ing)?" + W2
        + r"(?:third[- ]party|outside|additional|external|more) (?:capacity|compute|GPUs?|data cent\w+)",
        "expand", 1.4),
    Cue("out_of_digestion", r"(?:coming|come|came|emerg\w*) out of" + W3 + r"digestion"
        r"|digestion (?:period )?(?:is |was )?(?:over|behind|ending|easing)|(?:finish\w*|largely|complet\w*) digest\w*"
        r"|period of consuming", "expand", 2.5),
    Cue("efficiency_more", r"efficien\w+" + W4 + r"(?:more|additional) (?:compute|capacity|GPUs?|workloads?|demand)"
        r"|(?:more|additional) (?:compute|capacity)" + W4 + r"efficien\w+", "expand", 1.6),
    Cue("increase", r"increas\w*|rais(?:e|es|ed|ing)|higher|up-?sid\w*|step(?:s|ped|ping)? up|lean\w*[- ]in"
        r"|(?:double|triple)[ds]?|doubling|more than doubl\w*", "expand", 1.0, "maintain"),
    Cue("grow", r"grow(?:s|ing|n|th)?|grew|accelerat\w*|expan(?:d|ds|ded|ding|sion)|ramp(?:s|ed|ing)?(?: up)?"
        r"|scal(?:e|es|ed|ing) up|surg\w*|soar\w*", "expand", 1.0, "moderate"),
    Cue("build", r"build(?:ing)? (?:new|more|additional|out)|(?:bring|bringing|brought|come|coming|came) online"
        r"|new capacity|capacity (?:additions?|expansions?|adds)|add(?:s|ed|ing)? (?:capacity|megawatts|gigawatts)"
        r"|adding" + W2 + r"capacity|(?:invest|spend)\w* (?:heavily|aggressively|significantly)"
        r"|(?:major|large|significant|massive|big) (?:investments?|build\w*|capex|projects)"
        r"|continu\w* to (?:invest|build|deploy|spend)|capacity (?:block|blocks) (?:needs|in high demand)"
        r"|(?:more|additional) capacity|more and more", "expand", 1.0),
    Cue("strong", r"strong\w*|robust|record|insatiable|unprecedented|tailwind|very positive|quite positive"
        r"|significant investment", "expand", 0.6, "moderate"),
    Cue("no_slowdown", r"no (?:sign\w* of )?(?:slow\w*|pause|digestion|let-?up|overbuild)"
        r"|(?:not|n't|never|without)" + W2 + r"(?:slow\w*|pause\w*|pull\w* back|digest\w*|overbuild)",
        "expand", 1.6),
    # --- maintain ---
    Cue("flat", r"flat(?:tish)?|unchanged|(?:roughly|more or less|broadly|largely) (?:in line|consistent|similar)"
        r"|in line with|consistent with|similar (?:to|level\w*)|same level|steady|stable|no (?:real )?"
        r"(?:change|inflection)|reaffirm\w*|reiterat\w*|remain\w* (?:at|around|about) (?:the same|\$)",
        "maintain", 1.2),
    Cue("maintain_view", r"maintain\w*" + W2 + r"(?:outlook|guidance|view|range|plan|capex|ranges|level)"
        r"|tighten\w*|narrow\w*|sustain\w*", "maintain", 1.1),
    # --- moderate ---
    Cue("moderate", r"moderat\w*|slow(?:er|ing|ed|s)?(?: down)?\b|slowdown|lower rate|decelerat\w*"
        r"|less (?:rapid|aggressive)|not (?:grow|increase)\w* as (?:fast|much|quickly)|normaliz\w*"
        r"|flatten\w*|plateau\w*|level\w* off|taper\w*", "moderate", 1.5),
    Cue("digest", r"digest\w*|indigestion|pause\w*|air pocket|throttl\w*", "moderate", 1.5, "expand"),
    Cue("discipline", r"(?:capital|capex|spending|investment) discipline|disciplined (?:capital|capex|spend\w*"
        r"|investment|approach to (?:capex|capital|investment))|(?:remain|stay|be|being) disciplined"
        r"|scrutiniz\w*|more attention|prudent|measured pace|low end of|limited capital|without having to invest"
        r"|less capital|(?:cost|capex) optimi[sz]\w*|working through" + W2 + r"optimi[sz]\w*"
        r"|controlling capital", "moderate", 1.6),
    Cue("efficiency", r"efficien\w* with (?:our )?capital|capital[- ]efficien\w*", "moderate", 1.2),
    Cue("excess", r"excess capacity|overcapacity|over-?build\w*|surplus capacity|sell\w*" + W2
        + r"(?:excess|spare|surplus|unused) capacity", "moderate", 1.3, "maintain"),
    Cue("uncertain", r"uncertain\w*|cautio\w*|wait and see", "moderate", 0.8),
    # --- cut ---
    Cue("cut", r"cut(?:s|ting)?|reduc\w*|lower(?:ed|ing)?|decreas\w*|declin\w*|down\b|pull\w* back"
        r"|scal\w* back|cancel\w*|delay\w*|defer\w*|halt\w*|(?:decided )?not to continue|shelv\w*"
        r"|lack of|sav(?:e|ings) in" + W2 + r"capex|savings", "cut", 1.1, "maintain"),
)

NEGATORS = re.compile(r"(?:\bnot|\bno|n't|\bnever|\bwithout|\bnor|\bhardly)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)

ALL_CUES: tuple[Cue, ...] = SUBJECTS + BLOCKS + DIRECTIONS
_BY_GROUP = {f"c{i}": cue for i, cue in enumerate(ALL_CUES)}

# One alternation for everything: earlier (more specific) alternatives win at a position.
_ORDER = BLOCKS + tuple(c for c in DIRECTIONS if c.weight >= 1.3) + SUBJECTS \
    + tuple(c for c in DIRECTIONS if c.weight < 1.3)
COMBINED = re.compile(
    "|".join(rf"(?P<c{ALL_CUES.index(c)}>\b(?:{c.pattern}))" for c in _ORDER), re.IGNORECASE
)

# The cheap first pass: a sentence without any of these words cannot carry a capex stance.
TOPICAL = re.compile(
    r"cap[- ]?ex|capital|capacit|invest|spend|build|data[- ]?cent|infrastructure|digest|WFE"
    r"|compute|GPU|cluster|megawatt|gigawatt|constrain|sold out|hyperscal|deploy|pause|overbuil",
    re.IGNORECASE,
)


def cue_for(group: str) -> Cue:
    return _BY_GROUP[group]
