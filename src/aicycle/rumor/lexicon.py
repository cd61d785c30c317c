"""The words a headline uses for companies, metrics and directions (data, kept apart from the logic).

Patterns are regular expressions matched case-insensitively on a cleaned headline, whole words only.
They cover tenses and synonyms ("cuts", "cutting", "slashed", "scales back") so that a headline is
read by meaning, not by one spelling.
"""

from __future__ import annotations

import re

# --- companies ----------------------------------------------------------------------------------

# Names that point at one company but are not in universe.csv (executives, products, old names, the towns
# headlines name them by).
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "META": ("Zuckerberg", "Instagram", "Meta Compute", "Meta's", "Menlo Park", "social network", "Facebook parent"),
    "MSFT": ("Nadella", "Amy Hood", "Redmond", "Windows maker", "software giant"),
    "GOOGL": ("Pichai", "GOOG", "DeepMind", "Mountain View", "search giant"),
    "AMZN": ("Jassy", "Seattle", "e-commerce giant", "online retailer", "Trainium", "Trainium2", "Trainium3", "Trainium4"),
    "ORCL": ("Ellison", "Big Red", "database giant"),
    "NVDA": ("Jensen Huang", "Jensen", "GPU giant", "GPU leader"),
    "MU": ("Micron Technology", "Boise", "Idaho chipmaker"),
    "000660.KS": ("SK Group", "000660", "Icheon"),
    "005930.KS": ("005930", "Suwon"),
    "NBIS": ("Amsterdam",),
    "IREN": ("Sydney",),
    "WULF": ("Lake Mariner operator",),
    "AMD": ("Lisa Su",),
}

# Companies a claim may be about whose own figures the store does not hold: their claims are never read as the
# hyperscalers' (the group a claim naming no company defaults to).
UNCOVERED = (r"TSMC|Taiwan Semi\w*|ASML|Apple|Tesla|xAI|OpenAI|Anthropic|Foxconn|Hon Hai|ByteDance|Alibaba|"
             r"Tencent|Baidu|SoftBank|Crusoe|Lambda|Nscale|Fluidstack|Stargate")

# Group words -> universe roles. A group claim is checked company by company.
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (r"hyper-?scalers?|big tech|tech giants|cloud giants|megacaps?|cloud providers|"
     r"big (?:four|three|five) cloud", "hyperscalers", ("hyperscaler",)),
    (r"neo-?\s?clouds?|gpu clouds?|ai clouds?|gpu cloud providers", "neoclouds", ("neocloud",)),
    (r"memory (?:makers?|chipmakers?|producers?|suppliers?|vendors?|companies|players)|"
     r"dram makers?|hbm (?:makers?|suppliers?|vendors?)", "memory makers", ("memory",)),
    (r"chip-?makers?|chip (?:makers?|companies|stocks|designers?)|semiconductor (?:makers?|companies|stocks)|"
     r"semis|gpu makers?", "chipmakers", ("gpu", "memory")),
)

# --- metrics ------------------------------------------------------------------------------------

CAPEX_WORDS = (r"cap-?ex|capital expenditures?|capital spending|capital investments?|"
               r"infrastructure spend(?:ing)?|spending plans?|investment plans?|"
               # a Korean maker's "facility investment" (시설투자) is its capex
               r"facilit(?:y|ies)[- ]investments?|spen\w* (?:\w+ ){0,3}on facilities|"
               # the cash-flow line itself: "purchases of property and equipment", "cash for PP&E"
               r"purchases? of property,? (?:plant,? )?(?:and|&) equipment|PP&E")

# The several words for capex, read as the one word where words are counted ("isn't planning a capital spending
# cut": the negator is as near the cut as in "isn't planning a capex cut")
CAPEX_PHRASES = r"capital expenditures?|capital spending|capital investments?|infrastructure spending"


def one_word_capex(text: str) -> str:
    return re.sub(rf"\b(?:{CAPEX_PHRASES})\b", "capex", text, flags=re.I)


# Checked in this order: the first metric whose pattern matches wins, most specific first.
METRICS: tuple[tuple[str, str], ...] = (
    ("capex_guidance",
     rf"(?:(?:{CAPEX_WORDS}|spending|investment|spend)\s+(?:\w+\s+){{0,2}}"
     # "its 2026 capex plan at roughly $200bn": a plan stated at a figure is the guide (not "cuts its plans")
     r"(?:guidance|outlooks?|forecasts?|targets?|budgets?|guides?|projections?|range|"
     r"plan(?=\s+(?:at|is|of|was|stands?|stays?|remains?|to)\s+(?:\w+\s+)?[~$])))|"
     r"(?:(?:guidance|outlook|forecast|budget)\s+(?:for|on)\s+(?:\w+\s+){0,2}"
     rf"(?:{CAPEX_WORDS}|spending|investment))|"
     r"(?:(?:rais|lift|boost|cut|lower|trim|narrow|reaffirm|maintain|hik|slash)\w*\s+(?:its\s+|their\s+)?"
     r"(?:20\d\d\s+)?(?:guidance|outlook|forecast|guide))"),
    ("gpu_rental_prices",
     r"(?:gpu|h100|h200|b200|b300|a100|gh200|mi300x?|compute|cloud gpu|ai chip)s?"
     r"(?:\s+(?:sxm\d?|pcie|nvl\d*|\d+gb|marketplace|market|rental|rent|hourly|on-demand|spot|cloud|hour|list|"
     r"one-year|1-year|\d+-(?:yr|year|month|mo)|contract)){0,3}\s+"
     r"(?:prices?|pricing|rates?|costs?|offers?|index|median|averages?|rentals?|rents)|"
     r"(?:gpu|h100|h200|b200|b300|a100|gh200|mi3\d\dx?|l40s)\w*\b[^.]{0,40}?\$\s?\d+(?:\.\d+)?\s*(?:/|per |an |a )\s*(?:gpu-)?h(?:ou)?r\b|"
     r"(?:gpu|h100|h200|b200|a100) (?:\w+ )?(?:rental|price) index|"
     r"rental (?:prices?|rates?)|(?:price|cost) of (?:renting )?(?:a |an )?(?:gpus?|h100s?|compute)|"
     r"gpu rental|gpu-hours?|gpus? (?:glut|shortage|oversupply|surplus|demand)|"
     r"(?:glut|shortage|oversupply|surplus) of (?:gpus?|compute|ai chips)|compute (?:glut|shortage)|"
     r"demand for (?:gpus?|compute|ai chips|accelerators)|(?:ai chip|accelerator|compute) demand"),
    ("memory_supply",
     r"hbm\d?e?|high[- ]bandwidth memory|dram|nand|memory (?:supply|chips?|market|prices?|"
     r"shortage|glut|demand|cycle|capacity|output)|(?:shortage|glut|oversupply) of memory|memory"),
    ("backlog",
     r"backlog|remaining performance obligations?|rpo|contracted revenue|order book|"
     r"bookings|contract pipeline|committed contracts"),
    ("power",
     r"power (?:capacity|contracts?|deals?|demand|supply|purchases?)|megawatts?|gigawatts?|\d+\s?[mg]w|"
     r"electricity|energy (?:demand|deals?|contracts?)|grid (?:connections?|capacity)|"
     r"contracted power|active power|power|ppas?|power purchase agreements?"),
    ("data_center_construction",
     r"data[- ]?cent(?:er|re)s?|datacent(?:er|re)s?|construction|build-?outs?|campus(?:es)?|"
     r"server farms?|(?<!on )facilit(?:y|ies)(?![- ]invest)"),
    ("capex", CAPEX_WORDS),
    ("ai_investment",
     r"ai (?:investments?|spending|spend|capex|infrastructure|budgets?|build|push|bets?|ambitions|"
     r"outlays?|expansion)|(?:investments?|spending|spend|outlays?) (?:on|in) (?:ai|artificial intelligence)|"
     r"(?:idle|excess|spare|surplus|unused|wasted|stranded|underused|underutili[sz]ed) (?:ai )?(?:compute|capacity|gpus?)|overbuil\w*|"
     r"over-?capacity|compute capacity|ai capacity|(?:gpu|chip|server|hardware|equipment|accelerator)s? "
     r"(?:purchases|orders|buying|spend\w*)|invest(?:ing|s|ed)? (?:\w+ )?in (?:ai|artificial intelligence|"
     r"compute|infrastructure)|investments?|investing|spending|spend"),
)

METRIC_LABELS: dict[str, str] = {
    "capex": "capital expenditure",
    "capex_guidance": "capex guidance",
    "ai_investment": "AI investment",
    "data_center_construction": "data-center construction",
    "gpu_rental_prices": "GPU rental prices",
    "backlog": "backlog / remaining performance obligations",
    "memory_supply": "HBM / memory supply",
    "power": "power capacity",
}

# Metrics that are about a market, not one company: no company needed.
MARKET_METRICS = ("gpu_rental_prices", "memory_supply")

# A company metric with no company named ("AI spending slowdown") is read for those who do the spending.
DEFAULT_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "capex": ("hyperscalers", ("hyperscaler",)),
    "capex_guidance": ("hyperscalers", ("hyperscaler",)),
    "ai_investment": ("hyperscalers", ("hyperscaler",)),
    "data_center_construction": ("hyperscalers and neoclouds", ("hyperscaler", "neocloud")),
    "backlog": ("hyperscalers and neoclouds", ("hyperscaler", "neocloud")),
    "power": ("hyperscalers and neoclouds", ("hyperscaler", "neocloud")),
}

# --- directions ---------------------------------------------------------------------------------

# "below year-ago levels": a move against the same time a year before
_YEAR_AGO = r"(?:year-?ago|year-?earlier|prior-?year|last year'?s|a year ago)(?: levels?| prices?| rates?)?"

# (pattern, direction, strong?) -- "strong" words claim a large move ("collapsing", "soaring").
DIRECTIONS: tuple[tuple[str, str, bool], ...] = (
    # Tightness is "up": demand ahead of supply, pricing power, more building to come.
    (r"sold[- ]out|sells? out|selling out|shortages?|short supply|supply crunch|crunch|scarce|scarcity|"
     r"supply[- ]constrained|constrained|tight(?:en(?:s|ed|ing)?|er|ness)?|outstrip\w*|"
     r"can'?t keep up", "up", False),
    # Phrases that turn an "up" word around: a shortage that eases, growth that slows, a boom that ends.
    (r"(?:shortages?|crunch|tightness|scarcity)\s+(?:\w+\s+){0,2}(?:eas\w*|end\w*|over|abat\w*|subsid\w*|los\w*)|"
     r"growth\s+(?:\w+\s+){0,2}(?:slow\w*|decelerat\w*|moderat\w*|cool\w*|stall\w*|peak\w*)|"
     r"(?:boom|spree|frenzy|party|super-?cycle|cycle)\s+(?:\w+\s+){0,2}(?:over|end\w*|fad\w*|peak\w*|bust\w*)",
     "down", False),
    # Overbuilt / excess is "down" for the build-out.
    (r"glut(?:s|ted)?|over-?suppl\w*|over-?capacity|overbuil\w*|over-?invest\w*|surplus|"
     r"(?:selling|sells?|sold|rent\w* out|monetiz\w*|offload\w*) (?:its |their )?(?:idle|excess|spare|unused|surplus)|"
     r"(?:idle|excess|spare|unused|wasted|stranded|underused|underutili[sz]ed) (?:ai )?(?:compute|capacity|gpus?|servers?)", "down", False),
    (r"collaps\w*|crash\w*|plung\w*|plummet\w*|tank(?:s|ed|ing)?|crater\w*|nosediv\w*|"
     r"implod\w*|freefall|free-fall|evaporat\w*|dries up|dried up|halv\w*|slash\w*|gut(?:s|ted|ting)|"
     r"tumbl\w*|slump\w*|nose-?div\w*|burst\w*|(?:bubble|boom)\s+(?:pops?|popp\w*)",
     "down", True),
    (r"soar\w*|skyrocket\w*|explod\w*|balloon\w*|doubl\w*|tripl\w*|quadrupl\w*|surg\w*|spik(?:e|es|ed|ing)|"
     r"rocket\w*|record(?![- ]lows?\b)", "up", True),
    (r"unchanged|flat(?:lin\w*)?|flatten\w*(?: out)?|steady|holds? (?:steady|firm)|held (?:steady|firm)|"
     r"maintain\w*|reaffirm\w*|reiterat\w*|keeps?|kept|stable|stabiliz\w*|plateau\w*|"
     r"level(?:s|ed|ing)? off|sticks? (?:with|to)", "flat", False),
    (r"cut(?:s|ting)?|reduc\w*|lower(?:s|ed|ing)?|trim\w*|scal\w* (?:back|down)|pull\w* back|pullback|"
     r"paus\w*|halt\w*|freez\w*|froze\w*|delay\w*|postpon\w*|cancel\w*|slow\w*|rein\w* in|reins in|"
     r"curb\w*|stall\w*|on hold|par(?:e|es|ed|ing) (?:back|down)|shr[iau]nk\w*|declin\w*|fall(?:s|ing|en)?|fell|drop\w*|sink\w*(?! [^.,;]{0,30}?\binto\b)|sank|sunk(?! [^.,;]{0,30}?\binto\b)|"
     r"decreas\w*|retreat\w*|back\w* (?:away|off)|abandon\w*|scrap\w*|shelv\w*|"
     r"walk\w* back|retrench\w*|weak\w*|soft(?:en|ens|ened|ening|er|ness)?|cool(?:s|ed)?|cool\w* (?:off|down)|dip(?:s|ped|ping)?|sag(?:s|ged|ging)?|slid(?:e|es|ing)?|slip(?:s|ped|ping)?|"
     r"shed(?:s|ding)?|hit\w* the brakes|brak\w*|tighten\w* (?:the |its |their )?belts?|"
     r"peak(?:s|ed|ing)?|rolls? over|rolling over|underspen[dt]\w*|dial\w* back|downgrad\w*|decelerat\w*|moderat\w*|ease[sd]?|easing|"
     r"less|fewer|lower|cheaper|down|undersho\w*|(?:below|short of) (?:its |the |their )?(?:earlier )?plan|"
     rf"below (?:its |the |their )?{_YEAR_AGO}|(?<!from the )(?<!from its )(?<!from a )(?:new|fresh|cycle|multi-year|record|all-time)[- ]lows?",
     "down", False),
    (r"rais\w*|boost\w*|increas\w*|hik(?:e|es|ed|ing)|lift\w*|ramp\w*|accelerat(?:e|es|ed|ing|ion)|expand\w*|"
     r"expansion|grow\w*|grew|growth|jump\w*|bump\w*|climb\w*|ris(?:e|es|ing|en)|rose|ups|upgrad\w*|"
     r"step\w* up|double\w* down|pour\w*|splurg\w*|spend\w* more|more|higher|bigger|larger|"
     r"(?:signs?|signed|inks?|inked)(?= (?:an? )?(?:[\w-]+ ){0,3}(?:ppas?|power purchase agreements?)\b)|"
     r"approv(?:es|ed)|green-?light\w*|green-?lit|"
     r"\+\d+(?:\.\d+)?\s?%|strong\w*|strength|robust|gain\w*|rebound\w*|recover(?:s|ed|ing|y)?|bounc\w* back|add(?:s|ed|ing)?|up|hot|hotter|red[- ]hot|firm\w* up|(?<=prices )firm(?:s|ed|ing)?\b|(?<=rates )firm(?:s|ed|ing)?\b|pricier|build\w* out|"
     r"investing heavily|heavier|oversho\w*|(?:exceed\w*|beat\w*|above|ahead of) (?:its |the |their )?(?:earlier )?plan|"
     rf"above (?:its |the |their )?{_YEAR_AGO}|"
     r"(?<=%\s)(?:above|higher)",  # "over 50% above its 2024 spending"
     "up", False),
)

NEGATIONS = (r"not|no|never|isn'?t|aren'?t|wasn'?t|won'?t|doesn'?t|don'?t|didn'?t|hasn'?t|haven'?t|"
             r"without|denies|deny|denied|denying|rules? out|ruled out|dismiss\w*|rejects?|rejected|"
             r"refutes?|no plans? to|nor")

# Words that shrink the claim to part of the business: a partial pullback can coexist with growth.
SCOPE = (r"some|certain|early[- ]stage|select(?:ed)?|a few|a handful of|several|parts? of|portions? of|"
         r"one of|a (?:single|few|couple of) \w+|non-?core|smaller|specific|partially|partly|"
         r"marginal(?:ly)?|individual|particular|a project|one project|two projects|older|legacy")

# Words that mark a report, a plan or a consideration rather than an announced fact.
HEDGES = (r"said to|reportedly|report(?:s|ed)?:?|sources?|according to|weigh\w*|consider\w*|"
          r"mull\w*|plans? to|planning|could|may|might|expected to|explor\w*|eye(?:s|ing)?|"
          r"rumou?r\w*|if|possibl\w*|potential\w*|on the table|in talks|seeks? to|aims? to|"
          r"warns?|fears?|worr\w*|speculat\w*|bloomberg|reuters|wsj|ft|cnbc|the information")

# Quantifier phrases whose comparatives are not directions ("one year or less", "more than $10B").
QUANTIFIERS = r"or (?:less|more|fewer|higher|lower)|(?:more|less|fewer) than|at least|no more than|up to"

# Words after which a direction word is about the stock, not the business.
MARKET_SUBJECTS = r"shares?|stocks?|share price|stock price|market cap\w*|valuation|investors?|traders?"

# Keywords that make a sentence of a company's own statement relevant to a metric.
STATEMENT_TOPICS: dict[str, str] = {
    "capex": r"capital expenditure|capex|capital spending|infrastructure|data cent|servers?",
    "capex_guidance": r"capital expenditure|capex|capital spending",
    "ai_investment": r"capital expenditure|capex|infrastructure|data cent|compute|capacity|\bai\b|investment",
    "data_center_construction": r"data cent|construction|build|campus|facilit|capacity",
    "gpu_rental_prices": r"pric|gpu|rental|compute",
    "backlog": r"backlog|remaining performance|rpo|commitments not yet recognized|contracted",
    "memory_supply": r"hbm|memory|dram|nand|sold out|supply",
    "power": r"power|megawatt|gigawatt|\bmw\b|\bgw\b|energy|electricity",
}
