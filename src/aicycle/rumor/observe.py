"""What one sentence shows for a claim's reading: constrained or not, sold out, paused or on track, growth
slower or faster, a deal made, a figure past a line, up or down. The stance of capex sentences comes from the
language package's public `classify`; the coarse direction words from the claim parser's own table.
"""

from __future__ import annotations

import re

from aicycle.language import classify
from aicycle.rumor import vocab
from aicycle.rumor.figures import FIGURE, current_figures, figures
from aicycle.rumor.parse import cue_direction
from aicycle.rumor.reading import Reading
from aicycle.rumor.status import status_check

ENGINE_OBJECTS = ("capex", "ai_spend", "guidance")
# Views a company gives of a figure it only forecasts (the industry's equipment spending): no filed series or
# guidance ledger records their revisions, so only a sentence saying the view moved shows one.
VIEW_OBJECTS = ("wfe", "shipments")
_TIGHT = re.compile(rf"(?<!\w)(?:{dict(vocab.DIRECTIONS)['constrained']}|{dict(vocab.DIRECTIONS)['sold_out']}|"
                    r"fully subscribed|booked through|consumed|more demand than (?:we have )?suppl\w*)(?!\w)", re.I)
_LOOSE = re.compile(rf"(?<!\w)(?:{dict(vocab.DIRECTIONS)['unconstrained']})(?!\w)", re.I)
_NEG = re.compile(r"\b(?:not|no|never|n't|without|neither|nor)\b", re.I)
_PAUSE = re.compile(rf"(?<!\w)(?:{dict(vocab.DIRECTIONS)['pause']}|{dict(vocab.DIRECTIONS)['cancel']}|"
                    r"slip\w*|push\w* (?:out|back)|sell (?:our|its) (?:entire )?(?:interest|stake))(?!\w)", re.I)
_ON_TRACK = re.compile(r"\bon (?:track|schedule|time|plan)\b|\bahead of schedule\b", re.I)
_FASTER = re.compile(r"accelerat\w*|faster|grew faster|higher growth|growth rate (?:\w+ ){0,3}higher|"
                     r"growth (?:\w+ ){0,3}(?:to be )?higher than", re.I)
_SIGNED = re.compile(r"\b(?:sign(?:s|ed|ing|ings)?\b|agree\w*|entered into|increased|contract\w* with|committed|"
                     r"announced|"
                     r"expand\w* (?:the |our )?use of|plan\w* to (?:use|rent|buy|lease|add))\b", re.I)
_SLOWER = re.compile(rf"(?<!\w)(?:{dict(vocab.DIRECTIONS)['slower_growth']})(?!\w)", re.I)
_NO_OUTLOOK = re.compile(r"\b(?:not|aren'?t|isn'?t|won'?t be|will not be) (?:providing|giving|going to give|"
                         r"sharing|issuing)|too early to", re.I)
_REVISED = re.compile(r"\b(?:rais|increas|lower|reduc|cut|narrow|updat|trim|lift)\w* (?:\w+ ){0,8}"
                      r"(?:from|prior|previous)|\b(?:up|down|increased|lowered|narrowed) from\b|\bunchanged\b|"
                      r"\breaffirm\w*|\bmaintain\w*", re.I)
# A sentence stating that a figure moved ("up from our prior view", "raising our guidance $5 billion to $20 billion")
_MOVED = re.compile(r"\b(?:rais|increas|lower|reduc|cut|lift|trim|boost|hik)\w* (?:\S+ ){0,8}"
                    r"(?:from|prior|previous|to)\b|\b(?:up|down) from\b", re.I)
_SCHEDULED = ("pause", "cancel", "ahead", "delivered", "given")
_FORWARD_GUIDE = re.compile(r"\b(?:expect\w*|anticipat\w*|outlook|guid\w*|plan\w*|forecast\w*)\b", re.I)
_DELIVERED = re.compile(r"\b(?:was|were|been|has|have) (?:\w+ ){0,2}(?:delivered|handed over|energi[sz]ed|completed)\b|"
                        r"\b(?:delivered|handed over|energi[sz]ed|completed) (?:the|our|its|their|\d|first|all|on|to|"
                        r"ahead)\b|\b(?:went live|came online)\b", re.I)
# "expected to deliver", "on track to energize": not done yet
FORWARD_WORDS = re.compile(r"\b(?:expect\w*|will|\w+'ll|get to|plan\w*|on track|to be|scheduled|target\w*|"
                           r"anticipat\w*)\b", re.I)
_SEQUENTIAL = re.compile(r"\bsequential\w*|quarter[- ](?:over|on)[- ]quarter|"
                         r"from (?:the )?(?:prior|previous|last) quarter", re.I)
_ENGINE = {"expand": "up", "maintain": "flat", "moderate": "slower", "cut": "down", "none": None}


def observe(reading: Reading, text: str) -> tuple[str | None, str]:
    """(what the sentence shows for this reading, how it was read)."""
    direction = reading.direction or ""
    if reading.level is not None and reading.level.unit == "pct":
        return _growth_rate(reading, text)
    if reading.level is not None and reading.level.unit in ("USD", "MW") and direction not in _SCHEDULED:
        return _level(reading, text)  # "the 168 MW build slips": the figure names the build, the claim is its date
    if direction in vocab.TIGHTNESS or reading.object in ("capacity", "demand_supply"):
        return _tightness(text)
    if direction == "given":  # "Meta gives a 2027 capex forecast": a figure for that year, or words declining one
        if _NO_OUTLOOK.search(text):
            return "not_given", "words: no outlook given"
        if current_figures(text) and _FORWARD_GUIDE.search(text):
            return "given", "a figure looking forward"
        return None, "no outlook words"
    if direction == "delivered":
        done = _DELIVERED.search(text)
        if done and not FORWARD_WORDS.search(text[max(0, done.start() - 40):done.start()]):
            return "delivered", f"words: {done.group(0)!r}"
        m = _PAUSE.search(text)
        return ("paused", f"words: {m.group(0)!r}") if m else (None, "not delivered yet in these words")
    if direction in ("pause", "cancel", "ahead"):
        if _ON_TRACK.search(text):
            return "on_track", "words: on track / on schedule"
        m = _PAUSE.search(text)
        if m and not _NEG.search(text[max(0, m.start() - 25):m.start()]):
            return "paused", f"words: {m.group(0)!r}"
        return None, "no pause or schedule words"
    if reading.object in ("compute_contracts", "leases"):
        return _deal(reading, text)
    if direction in ("slower_growth", "faster_growth"):
        if _FASTER.search(text):
            return "faster", "words: accelerating / faster"
        if _SLOWER.search(text):
            return "slower", "words: slower growth"
    if _NO_OUTLOOK.search(text):
        return None, "no outlook given"
    if reading.object == "guidance" and direction in ("up", "down", "flat") and not _REVISED.search(text):
        return None, "a level, not a revision"  # "$115-135B, growth over 2025" is not a raise of the range
    if reading.quarters_in_a_row and _SEQUENTIAL.search(text):
        # "decrease on a sequential basis due to the timing of deliveries": the stance engine reads a plan kept
        # (maintain); a claim about the next quarter against this one turns on the direction words
        seen, cues = _segment_cues(reading, text)
        if seen:
            return seen, "direction words: " + ", ".join(cues)
    against_plan = VS_PLAN.search(text)
    if against_plan and reading.object in ("capex", "ai_spend") and direction in ("up", "down"):
        # "52.7 trillion won, 5 trillion above earlier plan": spending set against its own plan
        seen = "down" if re.match(r"below|less|short|under", against_plan.group(0), re.I) else "up"
        return seen, f"words: {against_plan.group(0)!r}"
    if reading.object in ENGINE_OBJECTS:
        try:
            stance = classify(text)
            # a calibrated confidence under one half is more often wrong than right: no reading at all
            label = str(stance.label).lower() if stance.confidence >= 0.5 else "none"
        except Exception:  # noqa: BLE001 - a failing engine must not fail the check
            label = ""
        if label == "maintain" and direction in ("slower_growth", "faster_growth") and not _LEVEL_KEPT.search(text):
            return None, "a plan figure, not a pace"  # "$115-135B in 2026" says nothing of how fast it grows
        if label:
            return _ENGINE.get(label), f"language engine: {label}"
    seen, cues = _segment_cues(reading, text)
    return seen, "direction words: " + (", ".join(cues) if cues else "none")


_CLAUSES = re.compile(r"[,;]|\b(?:partially offset by|offset by|while|whereas|but)\b", re.I)


def _segment_cues(reading: Reading, text: str) -> tuple[str | None, list[str]]:
    """The direction words of the clauses naming the claim's segment, where a sentence names others too:
    "Revenue increased 3% ..., partially offset by the data center revenue decrease" says data center fell."""
    pattern = dict(vocab.SEGMENTS).get(reading.segment or "")
    if pattern:
        clauses = _CLAUSES.split(text)
        named = [c for c in clauses if re.search(rf"(?<!\w)(?:{pattern})(?!\w)", c, re.I)]
        if named and len(named) < len(clauses):
            seen, cues = cue_direction(" ".join(named))
            if seen:
                return seen, [*cues, f"(the clause naming {reading.segment})"]
    return cue_direction(text)


VS_PLAN = re.compile(r"\b(?:above|more than|exceed\w*|over|ahead of|below|less than|short of|under)\s+"
                     r"(?:its |the |our |their )?(?:earlier |original |initial |previous |prior )?"
                     r"(?:plan(?:ned)?|budget(?:ed)?|target)\b", re.I)
_LEVEL_KEPT = re.compile(r"\b(?:flat\w*|similar|unchanged|in line with|consistent with|same level|steady|stable)\b",
                         re.I)
_SELLING = re.compile(r"\b(?:sell\w*|sold|offer\w*|external customers|outside (?:the company|customers)|"
                      r"api service|to customers)\b", re.I)
# a sale weighed or planned, in a company's words
_WEIGHED = re.compile(r"\b(?:potentially|opportunit(?:y|ies) to|on the table|consider\w*|explor\w*|plan\w* to|"
                      r"intend\w* to)\b", re.I)
_TWELVE_MONTHS = re.compile(r"\b(?:in|over|during) the (?:past|last|trailing|prior) (?:12|twelve) months\b|"
                            r"\btrailing twelve months\b|\bttm\b", re.I)
_NOT_YET = re.compile(r"\b(?:have ?n[o']t (?:done|started)|not yet|no plans? to|not (?:planning|going) to)\b", re.I)


def _deal(reading: Reading, text: str) -> tuple[str | None, str]:
    """A deal sentence: signed or agreed reads as a deal made; "haven't done that yet" as none made. A claim
    about selling compute is answered only by sentences about selling it, not about buying."""
    selling = _SELLING.search(text)
    if reading.selling and not selling:
        return None, "about buying, the claim is about selling"
    if reading.selling and _NOT_YET.search(text):
        # "we haven't done that yet" refutes a sale made, not a move or a plan to make one
        return ("down", "words: not done yet") if reading.modality == "fact" else (None, "not done yet: a plan may be")
    if selling and not reading.selling and not _SIGNED.search(text):
        return None, "about selling, the claim is about buying"
    weighed = _WEIGHED.search(text) if reading.selling and reading.modality in ("plan", "expectation") else None
    if weighed:  # "weighs selling compute": "the opportunity to sell compute", "potentially selling compute"
        return "up", f"words: {weighed.group(0)!r}"
    m = _SIGNED.search(text)
    if m and not _NEG.search(text[max(0, m.start() - 25):m.start()]):
        return "up", f"words: {m.group(0)!r}"
    if "%" in text:  # a deal's terms moving ("pricing up 125%")
        seen, cues = cue_direction(text)
        return seen, "direction words: " + (", ".join(cues) if cues else "none")
    return None, "no deal words"


# "below our previous guide of $20 billion", "up from $125B": the figure being replaced, not the one stated.
def _level(reading: Reading, text: str) -> tuple[str | None, str]:
    """A sentence's own figure against the claim's line: 'tops $600B' meets '$678 billion'."""
    level = reading.level
    assert level is not None
    if reading.object == "backlog" and not re.search(_LEVEL_NOUNS["backlog"], text, re.I):
        return None, "a figure of orders or bookings, not the backlog"
    if _forecast_of_a_reached_level(reading, text):
        return None, "a figure the company expects to reach, not one it has reached"
    if reading.status and reading.object in ("arr", "backlog", "power") and reading.modality == "fact":
        # "$4bn of ARR is up and running" against "$4 billion ... contracted ... $1 billion operating"; a figure the
        # sentence gives no status ("towards the $4 billion ARR target") says nothing of what is operating
        checked = status_check(reading.status, level.value, text, level.unit, exact=level.op == "at")
        if checked or reading.status == "operating":
            return checked or (None, "no status given the figure")
    found = [(lo, hi) for lo, hi, unit in named_figures(reading, text) if unit == level.unit]
    if not found:
        return None, "no figure of that kind"
    if reading.object in VIEW_OBJECTS and level.op == "at" and reading.direction in ("up", "down") \
            and not _MOVED.search(text):
        # "lifts its WFE view to about $105bn" is a revision of a round-number view: a sentence restating one near
        # it ("we continue to forecast ... the $100 billion range") does not show the lift
        return None, "a figure stated, not a revision to it"
    if level.op == "at":
        # A sentence naming the figure bears the claim out; one naming another figure is too often about
        # something else (another year, a quarter) to refute it: the guided ranges do that. But a sentence that
        # names the claim's figure as the earlier one ("$220 billion, up from our prior estimate of about $200
        # billion") says it no longer holds, and one recalling what was said before is not the plan now.
        # a claimed range ("$64-72bn") is borne out only where both its ends are stated ("$60 billion to $65
        # billion" states two figures)
        # a market view is stated in round figures: "the $100 billion range" is not "~$105bn"
        slack = 0.02 if reading.object in VIEW_OBJECTS else 0.05
        hit = all(any(lo * (1 - slack) <= end <= hi * (1 + slack) for lo, hi in found)
                  for end in (level.value, level.high) if end is not None)
        if hit and _RECALLED.search(text):
            return None, "an earlier plan recalled"
        if hit and reading.period.quarter is not None and _TWELVE_MONTHS.search(text):
            # "added 3.8GW in the third quarter alone" against "more than 3.8 gigawatts ... in the past 12 months"
            return "mismatch", "the figure is the past twelve months', not the quarter's"
        earlier = [f for f in figures(text) if f not in current_figures(text) and f[2] == level.unit]
        if not hit and _MOVED.search(text) and any(lo * 0.98 <= level.value <= hi * 1.02 for lo, hi, _ in earlier):
            return "mismatch", "the claim's figure is the earlier one, since revised"
        named_year = reading.period.year is not None and str(reading.period.year) in text
        if not hit and len(found) == 1 and reading.modality in ("plan", "expectation") \
                and (reading.object in ("arr", "revenue") or reading.object == "guidance" and named_year) \
                and reading.direction not in ("up", "down") and _TARGETED.search(text):
            # "we are targeting $3.7 billion of ARR by year end": the one target the sentence gives the
            # claim's measure is the plan now, and it is not the claim's figure ("raises its target to $3.7B"
            # before the raise is left to the revisions, as a guide's is)
            return "mismatch", "another target for the same measure"
        if not hit and len(found) == 1 and reading.object in VIEW_OBJECTS and named_year \
                and re.search(r"\b(?:forecast|expect|see|view)\w*\b", text, re.I):
            # "now pegs 2025 WFE at ~$105bn" against "we continue to forecast calendar year 2025 WFE spending in the
            # $100 billion range": the view of that year then, and not the claim's
            return "mismatch", "another view of the same year"
        return ("match", "figure matches") if hit else (None, "another figure")
    top = max((lo + hi) / 2 for lo, hi in found)  # a range counts at its midpoint
    if level.op == "above":
        if top >= level.value:
            return "above", "figure at or above the line"
        if _FLOOR.search(text):
            return None, "a floor below the line"  # "to exceed $1 trillion" does not say it stays under $1.2T
        if _ONE_SITE.search(text):
            return None, "one site's figure, not the whole"  # "100 MW in Lancaster" is no total under 1 GW
        return "below", "figures below the line"
    return ("below", "figure below the line") if top < level.value else ("above", "figure above the line")


_TARGETED = re.compile(r"\b(?:target\w*|on track to|goal|aim\w*|outlook|expected to be|guid\w*|anticipate)\b", re.I)
_STANDING = ("backlog", "arr", "power")  # levels a company reports as they stand at a quarter's end
_NOW = re.compile(r"\b(?:today|currently|now|as of|stands? at|ended|exited)\b", re.I)


def _forecast_of_a_reached_level(reading: Reading, text: str) -> bool:
    """ "Tops 60 GW" (no year, no move: a level now) is not borne out by "we expect to end the year with over
    60 gigawatts": that sentence forecasts the level. A claim about a target or a year's end is answered by it."""
    return (reading.modality == "fact" and reading.object in _STANDING and reading.period.year is None
            and reading.direction is None and not reading.through and bool(FORWARD_WORDS.search(text))
            and not _NOW.search(text))


# The noun a level claim measures: "$17.7 billion in AI orders ... an ending backlog of $11.7 billion" is
# answered by the figure the backlog is given, not by the orders beside it.
_CAPEX_NOUN = r"cap(?:ital )?ex\w*|capital expenditures?"
_LEVEL_NOUNS = {"backlog": r"backlog|remaining performance obligations?|\bRPO\b", "arr": r"\bARR\b|run[- ]rate",
                "capex": _CAPEX_NOUN, "guidance": _CAPEX_NOUN, "revenue": r"revenue|sales", "orders": r"\borders\b"}


_SO_FAR_FIGURE = re.compile(r"\b(?:year[- ]to[- ]date|ytd|so far this year|first half|first nine months|"
                            r"full[- ]year|for the (?:full )?year)\b", re.I)


_RESERVED = re.compile(r"\breserv", re.I)


def named_figures(reading: Reading, text: str) -> list[tuple[float, float, str]]:
    """The sentence's current figures less amounts of change ("increased by more than $50 billion"); where it
    names the claim's noun and has several figures, those given to that noun ("backlog of $X", "CapEx ... is
    expected to reach nearly $X", "$X backlog") when there are any."""
    found = current_figures(text)
    spans = [(f, m) for f, m in zip(figures(text), FIGURE.finditer(text), strict=True) if f in found]
    levels = [(f, m) for f, m in spans if not _DELTA.search(text, max(0, m.start() - 30), m.start())] or spans
    if reading.period.quarter is not None:  # "bringing the year-to-date leasing to $575 million": not the quarter's
        levels = [(f, m) for f, m in levels if not _SO_FAR_FIGURE.search(text, max(0, m.start() - 40), m.start())]
    if reading.basis in ("reserved", "firm"):  # "backlog remaining at 29 gigawatts while growing slot reservation
        # agreements from 21 to 25 gigawatts, building our total backlog in slot reservation agreements to 55"
        reserved = [(f, m) for f, m in levels if _RESERVED.search(text, max(0, m.start() - 60), m.start())]
        levels = reserved if reading.basis == "reserved" else [p for p in levels if p not in reserved]
    noun = _LEVEL_NOUNS.get(reading.object or "")
    if noun is not None:  # "the 514 billion of cloud backlog" is no revenue figure
        levels = [(f, m) for f, m in levels if not _owned_by_another(text, m.end(), reading.object or "")]
    if len(levels) < 2 or noun is None:
        return [f for f, _ in levels]
    nouns = list(re.finditer(noun, text, re.I))
    given: list[tuple[float, float, str]] = []
    last = -100
    for f, m in levels:
        after = any(0 <= m.start() - n.end() <= 60 for n in nouns)  # "backlog of $X"
        # "$14.4 billion AI backlog", not "OpEx of $17.5 billion and net CapEx of ...": another noun's figure
        before = any(_FEW_WORDS.fullmatch(text[m.end():n.start()]) and not _JOINED.search(text[m.end():n.start()])
                     for n in nouns if n.start() >= m.end())
        if _OTHER_NOUN.match(text, m.end()) and not before:
            continue  # "ARR associated with the $3.4 billion five-year contract": the contract's figure
        if after or before or m.start() - last <= 30:  # and "$800B in 2026 and $1.3T in 2027"
            given.append(f)
            last = m.end()
    return given or [f for f, _ in levels]


_FLOOR = re.compile(r"\b(?:exceed\w*|more than|over|above|at least|north of|surpass\w*|greater than)\s+"
                    r"(?:about |approximately |roughly |nearly )?(?:US)?\$", re.I)
_RECALLED = re.compile(r"\b(?:earlier this year|at the (?:start|beginning) of the year|last quarter|previously|"
                       r"in (?:january|february|march|april|may|june|july|august|september|october|november|december))"
                       r",? we (?:said|guided|told you|indicated|shared)\b", re.I)
_ONE_SITE = re.compile(r"(?i:\b(?:data cent(?:er|re)|campus|site|facility|project)s?\s+(?:in|at|near)\s+)[A-Z]"
                       r"|(?i:\binitial\s+\d+(?:\.\d+)?\s*(?:MW|GW|megawatts?|gigawatts?)|\bexpansion potential\b)")
_JOINED = re.compile(r"\band\b|[,;]")
_NOUN_AFTER = re.compile(r"\s+(?:of\s+|in\s+)?(?:[\w-]+\s+){0,2}?(backlog|rpo|remaining performance|cap-?ex|"
                         r"capital expenditures?|revenues? run[- ]?rate|revenues?|sales|orders|bookings|arr|"
                         r"run[- ]?rate)\b", re.I)
_MEASURE_OF = (("backlog", r"backlog|rpo|remaining performance"), ("capex", r"cap-?ex|capital expenditures?"),
               ("arr", r"arr|(?:revenues? )?run[- ]?rate"), ("revenue", r"revenues?|sales"),
               ("orders", r"orders|bookings"))


def _owned_by_another(text: str, end: int, obj: str) -> bool:
    """Whether the words right after a figure give it to another measure than the claim's."""
    after = _NOUN_AFTER.match(text, end)
    if after is None:
        return False
    measure = next(name for name, pattern in _MEASURE_OF if re.fullmatch(pattern, after.group(1), re.I))
    return measure != ("capex" if obj == "guidance" else obj)


_OTHER_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:contracts?|deals?|agreements?|financing|facility|loans?|notes|"
                         r"acquisition|investments?|orders?|commitments?)\b", re.I)
_FEW_WORDS = re.compile(r"\s*(?:\w+\s+){0,2}")
_DELTA = re.compile(r"\bby (?:more than |over |about |approximately |roughly |nearly |almost )?$", re.I)


# "raised our 2025 annual growth to 25%", "revenue growth is now estimated to be approximately 25%": a rate set
_RATE = re.compile(r"\b(?:grew|grow(?:s|ing)?|growth(?: rate)?(?: of| was| accelerated to| decelerated to)?|"
                   r"growth(?: rate)?(?: \w+){0,3} to(?: be)?|"
                   r"up|increased|rose|accelerat\w* to|decelerat\w* to)\s+(?:by\s+)?"
                   r"(?:about\s+|approximately\s+|roughly\s+|around\s+)?(\d+(?:\.\d+)?)\s?%", re.I)


_ACCELERATES = re.compile(r"\baccelerat\w*|\bfaster\b|\bpicked up\b", re.I)
_SLOWS = re.compile(r"\bdecelerat\w*|\bslow\w*|\bmoderat\w*", re.I)


def _growth_rate(reading: Reading, text: str) -> tuple[str | None, str]:
    """The growth rate a sentence states ("revenue grew 43%") against the claim's rate."""
    level = reading.level
    assert level is not None
    start = 0
    named = dict(vocab.SEGMENTS).get(reading.segment or "")
    if named:  # "Microsoft Cloud grew 27% ... across Azure": the rate after the business's name is its own
        m = re.search(rf"(?<!\w)(?:{named})(?!\w)", text, re.I)
        start = m.start() if m else 0
    rates = [float(m.group(1)) / 100 for m in _RATE.finditer(text, start)]
    if not rates:
        return None, "no growth rate"
    rate = rates[0]
    way = _ACCELERATES.search(text[start:]) or _SLOWS.search(text[start:])
    if way and reading.direction in ("slower_growth", "faster_growth") \
            and (reading.direction == "slower_growth") != bool(_SLOWS.match(way.group(0))):
        # "AWS growth slows to 24%" against "growth continued to accelerate to 24%": the rate, the other way
        return "mismatch", f"growth {rate:.0%}, {way.group(0)}"
    if level.op == "at":
        return ("match" if abs(rate - level.value) <= 0.03 else "mismatch"), f"growth {rate:.0%}"
    if level.op == "above":
        return ("above" if rate >= level.value else "below"), f"growth {rate:.0%}"
    return ("below" if rate < level.value else "above"), f"growth {rate:.0%}"


# "we will still not have enough capacity to meet all the demand": a shortfall said with a negator
_SHORT = re.compile(r"\b(?:not|n't|never|nor)\s+(?:\w+\s+){0,2}enough (?:\w+ )?"
                    r"(?:capacity|compute|supply|power|gpus|chips)\b", re.I)


_HELD_TO = re.compile(r"\s+to\s+(?:what|whatever|the|others?|their|its|our|a|an|one|specific)\b", re.I)


def _tightness(text: str) -> tuple[str | None, str]:
    short = _SHORT.search(text)
    if short:
        return "tight", f"words: {short.group(0)!r}"
    loose = _LOOSE.search(text)
    if loose and _NEG.search(text[max(0, loose.start() - 20):loose.start()]):
        return "tight", f"words: negated {loose.group(0)!r}"  # "we will still not have enough capacity"
    if loose:
        return "loose", f"words: {loose.group(0)!r}"
    # "not just be constrained to what others ... are building": held to, not short of capacity
    tight = next((m for m in _TIGHT.finditer(text) if not _HELD_TO.match(text, m.end())), None)
    if tight:
        before = text[max(0, tight.start() - 30):tight.start()]
        if _NEG.search(before) and not re.search(r"\b(?:no longer|not enough)\b", before, re.I):
            return "loose", f"words: negated {tight.group(0)!r}"
        return "tight", f"words: {tight.group(0)!r}"
    return None, "no constraint words"
