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

from aicycle.language.asked import ASKED  # noqa: F401  (re-exported: the rumor check reads it from here)
from aicycle.language.matcher import CueMatcher, PairMatcher, words

# Up to N words between two parts of a phrase, without unbounded backtracking.
W1, W2, W3, W4, W6 = (r"(?:[\s,]+[\w'’$.%-]+){0," + str(n) + r"}[\s,]+" for n in (1, 2, 3, 4, 6))


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
    Cue("facilities", r"(?:manufacturing|construction|development|data cent\w+) (?:projects?|facilit\w+|footprint"
        r"|network|sites?|campus\w*)|fabs?|factor(?:y|ies)|new facilit\w+", "subject", 0.8),
    Cue("compute", r"data[- ]?cent(?:er|re)s?|hyperscal\w+|GPUs?|clusters?|compute|active power|contracted power"
        r"|critical IT|IT load", "subject", 0.8),
    # Megawatts alone are as often power plants as data halls: a weak subject.
    Cue("power", r"(?:mega|giga)watts?|MW|GW", "subject", 0.5),
    Cue("invest", r"investments?|investment levels|spending|servers?", "subject", 0.7),
    Cue("invest_verb", r"invest(?:s|ing|ed)?|spends?|deploy(?:s|ing|ed|ments?)?", "subject", 0.5),
)

# "capacity" or "digestion" that is not the build-out this lexicon is about; matched before subjects.
BLOCKS: tuple[Cue, ...] = (
    Cue("capacity_other", r"capacity (?:auctions?|markets?|payments?|prices?|revenues?|performance)"
        r"|(?:PJM|BRA|RPM)" + W3 + r"capacity|(?:mass|high|higher|storage|drive|disk|memory|HDD|nearline"
        r"|near-line|exabyte|terabyte|TB|bit|DRAM|NAND|gas|generation|generating|nuclear|renewable|wind|solar"
        r"|battery|firm|dispatchable|transmission|interconnection) capacity|capacity (?:drives?|storage|points?"
        r"|shipments?|per)|in (?:this|that|my|his|her|their|a|an)(?: new| similar| advisory)? capacity"
        r"|(?:fulfillment|fulfilment|logistics|warehouse|distribution|delivery)" + W2 + r"capacity"
        r"|(?:sales|specialist|renewal|drawable|borrowing|credit|debt|lending|warehouse|fulfillment|fulfilment"
        r"|headroom|balance sheet) capacity|capacity of our (?:sales|renewal|balance)"
        r"|energy, capacity|transmission build[- ]?outs?|(?:mega|giga)watts? to the grid|(?:mega|giga)watts? of (?:new )?(?:renewables"
        r"|generation|gas|storage|battery|wind|solar|nuclear|clean)", "block", 1.0),
    Cue("non_dc_inventory", r"inventory digestion in (?:CCG|client|PC|Altera|Mobileye|NEX)"
        r"|(?:Altera|CCG|semi-?custom|Intelligent Edge|PC|client|handset|console)\w*" + W4
        + r"(?:inventory )?digest\w*|digest\w*" + W3 + r"(?:Altera|CCG|semi-?custom|Intelligent Edge|PCs?)"
        r"|backlog digestion", "block", 1.0),
    # Investment that is not capex: R&D, people, products, marketing.
    Cue("invest_other", r"invest(?:ments?|ing|ed)?" + W2 + r"(?:r&d|research|people|talent|products?|marketing"
        r"|brand|content|go-to-market)", "block", 1.0),
)

# Nouns a generic direction word may be about instead of capex: "lower churn", "revenue increased".
OTHER_METRICS = Cue(
    "other_metric", r"op[- ]?ex(?! and cap)|operating (?:expenses?|spend\w*|income|margins?)|costs?|cost (?:discipline|structure"
    r"|savings?|reductions?|management|efficien\w*)|R&D|research and development|SG&A|headcount|revenues?"
    r"|sales|margins?|earnings|EPS|cash flow|income|profit\w*|EBITDA|bookings|orders|backlog|share|prices?"
    r"|pricing|rates?|churn|debt|loans?|tax(?:es)?|interest|TCO|power consumption|water|carbon|emissions"
    r"|latency|footprint|dividends?|buybacks?|repurchases?|inventor(?:y|ies)|yields?|leverage|returns?"
    r"|results|production|output|shipments?|adoption|leasing|sold|origination|exabytes?|bits?|units?|forwards",
    "other", 1.0)

DIRECTIONS: tuple[Cue, ...] = (
    # --- expand ---
    Cue("constrained", r"(?:capacity|supply|power|compute|GPU)[- ](?:constrain\w*|limit\w*|tight\w*|shortages?)"
        r"|constrained (?:on|by) (?:capacity|supply|power)|more demand than (?:supply|capacity)"
        r"|demand" + W2 + r"(?:exceed|outstrip|outpac)\w*|sold out|scarcity"
        r"|demand" + W4 + r"(?:exceed|outstrip|outpac)\w*" + W2 + r"(?:supply|capacity|our ability)"
        r"|short(?: on)?" + W4 + r"(?:capacity|power|space|supply|gpus?|compute)"
        r"|more demand than" + W3 + r"(?:supply|capacity)|underinvest\w*|under-invest\w*"
        r"|(?:data cent\w+|capacity|clusters?|sites?|gpus?|fleet) (?:are|is) (?:fully (?:leased|utilized)|full|sold out)"
        r"|at capacity|out of capacity", "expand", 1.6),
    Cue("rent_outside", r"(?:rent|leas|procur|contract|secur)(?:e|es|ed|ing|s)?" + W4
        + r"(?:third[- ]party|outside|additional|external|more) (?:capacity|compute|GPUs?|data cent\w+)",
        "expand", 1.4),
    Cue("out_of_digestion", r"(?:coming|come|came|emerg\w*) out of" + W3 + r"digestion"
        r"|digestion (?:period )?(?:is |was )?(?:over|behind|ending|easing)|(?:finish\w*|complet\w*) digest\w*"
        r"|period of consuming|(?:cost )?(?:optimi[sz]ation|digestion)\w*" + W3 + r"(?:nearing|near|reaching) (?:a |an |the )?"
        r"(?:conclusion|end)", "expand", 2.5),
    Cue("efficiency_more", r"efficien\w+" + W4 + r"(?:more|additional) (?:compute|capacity|GPUs?|workloads?|demand)"
        r"|(?:more|additional) (?:compute|capacity)" + W4 + r"efficien\w+", "expand", 1.6),
    Cue("deploy_power", r"(?:deploy\w*|adopt\w*|add\w*|build\w*|commit\w*|secur\w*|contract\w*)" + W3
        + r"(?:at least |up to |over |more than |nearly |about )?[\d.,]+\+? ?(?:giga|mega)watts?"
        r"|[\d.,]+ ?(?:giga|mega)watts? of (?:compute|AI|data cent\w+)", "expand", 1.3),
    Cue("build", r"build(?:ing)? (?:new|more|additional)|build(?:ing)? out" + W2 + r"(?:capacity|data cent\w+"
        r"|infrastructure|networks?|clusters?|footprint|campus\w*)|(?:the|this|that|AI|a|an|of|ongoing|continued"
        r"|massive|infrastructure|cluster|sovereign) build[- ]?outs?|build-outs?|buildouts?|build outs"
        r"|(?:bring|bringing|brought|come|coming|came|opening) (?:online|up)|new capacity|capacity (?:additions?"
        r"|expansions?|adds|investments?|blocks?)|add(?:s|ed|ing)? (?:capacity|megawatts|gigawatts)"
        r"|adding" + W2 + r"capacity|(?:invest|spend)\w* (?:heavily|aggressively|significantly)"
        r"|(?:heavily|aggressively|significantly) invest\w*|invest\w*" + W3 + r"(?:our own |additional |new )?capacity"
        r"|(?:major|large|significant|massive|big|heavy)" + W2 + r"(?:investments?|build\w*|capex|projects|spend\w*)"
        r"|continu\w* to (?:invest|spend)(?! in (?:R&D|research|our people|talent))|scal\w*(?: up)?" + W2 + r"(?:infrastructure|capacity)"
        r"|(?:in )?high demand|demand for" + W2 + r"(?:capacity|compute|data cent\w+)|(?:capacity|power) needs"
        r"|more and more|far beyond|front-?load\w*|aggressive(?:ly)?" + W3 + r"(?:build|invest|add|deploy|spend|scal)\w*",
        "expand", 1.2),
    Cue("spend_growth", r"(?:capex|capital spending|investment|spending|wfe) growth", "expand", 1.0, "moderate"),
    Cue("up", r"up(?: nearly| about| approximately| over| more than| almost)? [\d.]+ ?(?:%|percent|x\b|times)"
        r"|up(?: nearly| about| approximately| over| more than| almost)? \$[\d.,]+ ?(?:million|billion|m|bn)?"
        r" (?:from|over|versus|vs\.?|compared|year[- ]over[- ]year|sequentially)"
        r"|up (?:sharply|significantly|meaningfully|substantially|considerably)|high end of", "expand", 1.1, "maintain"),
    Cue("increase", r"increas\w*|rais(?:e|es|ed|ing)|higher|larger|up-?sid\w*|step(?:s|ped|ping)? up|lean\w*[- ]in"
        r"|(?:double|triple)[ds]?(?!-digit| digit)|doubling|more than doubl\w*|(?:more|additional) capacity", "expand", 1.0, "maintain"),
    Cue("growth", r"growth", "expand", 0.8, "moderate"),
    Cue("grow", r"grow(?:s|ing|n)?|grew|accelerat\w*|expan(?:d|ds|ded|ding|sion)|ramp(?:s|ed|ing)?(?: up)?"
        r"|surg\w*|soar\w*|rising|rise", "expand", 1.0, "moderate"),
    Cue("strong", r"strong\w*|robust|record|insatiable|unprecedented|tailwind|(?:very|quite) positive"
        r"|significant investment|constrained", "expand", 0.9, "moderate"),
    # --- maintain ---
    Cue("discourse", r"consistent with (?:our |the |my )?(?:prior|previous|earlier|last) (?:commentary|comments?"
        r"|remarks)|as (?:planned|noted|discussed|mentioned)", "skip", 0.0),
    Cue("flat", r"flat(?:tish)?\b|unchanged|(?:roughly|more or less|broadly|largely) (?:in line|consistent|similar)"
        r"|in line with|consistent with|similar (?:to|level\w*)|same level|steady|stable|no (?:real )?"
        r"(?:change|inflection)|reaffirm\w*|reiterat\w*|remain\w* (?:at|around|about) (?:the same|\$)",
        "maintain", 1.2),
    Cue("maintain_view", r"maintain\w*" + W2 + r"(?:outlook|guidance|view|range|plan|capex|ranges|level)"
        r"|maintaining (?:that|it)\b|tighten\w*|narrow\w*|committed to" + W3 + r"(?:plan|capex|investment|guidance)\w*",
        "maintain", 1.1),
    # --- moderate ---
    Cue("moderate", r"moderat\w*|slow(?:er|ing|ed|s)?(?: down)?\b|slowdown|lower rate|decelerat\w*"
        r"|less (?:rapid|aggressive)|not (?:grow|increase)\w* as (?:fast|much|quickly)|normaliz\w*"
        r"|flatten\w*|plateau\w*|level\w* off|taper\w*", "moderate", 1.5, "expand"),
    Cue("digest", r"digest\w*|indigestion|paus(?:e|es|ed|ing)\b|air pocket|throttl\w*", "moderate", 1.5, "expand"),
    Cue("discipline", r"(?:capital|capex|spending|investment|supply) discipline|disciplined (?:capital spend\w*|capex"
        r"|spend\w*|investment|approach to (?:capex|capital|investment))|(?:remain|stay|be|being) disciplined"
        r"|scrutiniz\w*|more attention|prudent|measured (?:pace|approach|way)|more measured"
        r"|(?:is|are|remains?|stays?) measured(?! by| on| in| against)|low end of|limited capital"
        r"|without having to invest"
        r"|less capital|(?:cost|capex|spend) optimi[sz]\w*|working through" + W2 + r"optimi[sz]\w*"
        r"|controlling capital|optimi[sz]\w*" + W2 + r"(?:infrastructure |capex |capital )?(?:spend\w*|capex|investments?)"
        r"|(?:invest\w*|spend\w*)" + W3 + r"(?:with discipline|responsibly|prudently|judiciously)"
        r"|thoughtful|pac(?:e|ing) (?:our|the|of our) (?:investment|spend|capex)\w*"
        r"|pace of" + W4 + r"(?:will )?(?:moderat|slow|decelerat)\w*"
        r"|extend\w*" + W2 + r"useful li(?:fe|ves)|(?:growth rate|pace of growth|rate of growth)" + W6
        + r"(?:lower|slower|moderat\w*|declin\w*|decelerat\w*)", "moderate", 1.6),
    Cue("efficiency", r"efficien\w* with (?:our )?capital(?! allocation)", "moderate", 1.2),
    Cue("excess", r"excess capacity|overcapacity|(?:ample|sufficient|enough|plenty of) capacity|over-?build\w*|surplus capacity|sell\w*" + W2
        + r"(?:excess|spare|surplus|unused) capacity", "moderate", 1.3, "maintain"),
    Cue("uncertain", r"uncertain\w*|cautio\w*|wait and see", "moderate", 1.1),
    # --- cut ---
    Cue("cut", r"cut(?:s|ting)?|reduc\w*|lower(?:ed|ing)?|decreas\w*|declin\w*|down\b(?! to\b|[- ]cycle)|pull\w* back"
        r"|scal\w* back|cancel\w*|delay\w*|defer\w*|halt\w*|(?:decided )?not to continue|shelv\w*"
        r"|lack of|sav(?:e|ings) in|savings|(?:spend|invest)\w* less|less (?:capex|spending|investment)", "cut", 1.1,
        "maintain"),
)

NEGATORS = re.compile(r"(?:\bnot|\bno|n't|\bnever|\bwithout|\bnor|\bhardly)\W+(?:\w+\W+){0,4}$")

def _lower(pattern: str) -> str:
    # Matching runs on lower-cased text without IGNORECASE (several times faster in `re`).
    if re.search(r"\\[WSDBAZ]", pattern):
        raise ValueError(f"pattern {pattern!r} has an escape that lower-casing would change")
    return pattern.lower()


# Subjects and blocks in one matcher (blocks first: "mass capacity" is not capacity); directions and
# the other-metric nouns in another, specific phrases before single words.
SUBJECT_CUES: tuple[Cue, ...] = BLOCKS + SUBJECTS
_STRONG = tuple(c for c in DIRECTIONS if c.weight >= 1.15 or c.label == "skip")
DIRECTION_CUES: tuple[Cue, ...] = _STRONG + (OTHER_METRICS,) + tuple(c for c in DIRECTIONS if c not in _STRONG)
SUBJECT_MATCHER = CueMatcher([_lower(c.pattern) for c in SUBJECT_CUES])
DIRECTION_MATCHER = CueMatcher([_lower(c.pattern) for c in DIRECTION_CUES])
CUE_MATCHERS = PairMatcher(SUBJECT_MATCHER, DIRECTION_MATCHER)

# The cheap first pass (word starts in lower-cased text): a sentence without any of these cannot
# carry a capex stance, and most sentences of a call have none of them.
GATE_STEMS: tuple[str, ...] = (
    "cap[- ]?ex", "capital (?:expend|spend|invest|intensity|budget|plan|discipline)", "capacit",
    "invest", "spending", "data[- ]?cent", "infrastructure", "build[- ]?out",
    "digest", "indigest", "wfe", "compute", "gpu", "cluster", "megawatt", "gigawatt", "constrain", "sold out",
    "hyperscal", "paus", "overbuil", "fabs?\\b", "optimi[sz]ation", "throttl", "moderat", "short on", "shortage",
    "useful li", "front-?load",
    # Stances stated without a capex word: "demand continues to exceed supply", "backlog nearly doubled",
    # "our HBM is sold out", "the data hall energized on schedule", "we will spend the capital".
    "demand", "suppl(?:y|ies|ied)", "backlog", "leas(?:e|es|ed|ing)\\b", "pre-?leas", "hbm", "wafer", "data halls?",
    "energi[sz]", "spend", "orders?\\b", "sold\\b", "booked", "build", "fleet", "disciplin",
)
TOPICAL = re.compile(r"\b(?:" + "|".join(GATE_STEMS) + ")")


# Speech fillers that break up cue phrases in transcripts ("working through, you know, their …").
FILLERS = words("you know|i mean|sort of|kind of|if you will", r"\b,?")

