"""Weigh the evidence against the claim: supported | contradicted | unclear, a confidence, and why.

Each item shows a direction (up / down / flat); against the claim's direction it supports,
contradicts or says nothing. Items are weighed (kind of evidence x freshness), each company casts
one vote (its net weight), and the verdict follows the mean vote. Scope words ("some projects")
keep company-wide totals from contradicting a claim about part of the business.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from aicycle import rules
from aicycle.rumor.evidence import Item, signed
from aicycle.rumor.lexicon import METRIC_LABELS
from aicycle.rumor.parse import Claim
from aicycle.rumor.reading import OBJECT_LABELS, Reading
from aicycle.rumor.vocab import DECIDERS

_OLD_OBJECTS = ("capex", "ai_spend", "guidance", "projects", "backlog", "power", "memory_supply", "gpu_prices")

# Evidence about demand in general rather than the claim itself: it adds weight, it cannot decide.
INDIRECT_SIGNALS = ("revenue_trend", "capex_statement")
SCOPE_CAVEAT = "company-wide evidence: a partial move can coexist with it"


@dataclass
class Verdict:
    verdict: str
    confidence: float
    reasoning: list[str] = field(default_factory=list)


# For each direction of the reading: what an item must show to support it, and what contradicts it.
RELATION: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "up": (frozenset({"up", "faster", "above"}), frozenset({"down", "flat", "below", "paused", "short", "beyond"})),
    "down": (frozenset({"down", "paused", "below"}), frozenset({"up", "faster", "flat", "above", "on_track"})),
    "flat": (frozenset({"flat"}), frozenset({"up", "down", "faster"})),
    "slower_growth": (frozenset({"slower", "down", "flat"}), frozenset({"faster"})),
    "faster_growth": (frozenset({"faster"}), frozenset({"slower", "down", "flat"})),
    "pause": (frozenset({"paused", "down"}), frozenset({"on_track", "up"})),
    "cancel": (frozenset({"paused", "down"}), frozenset({"on_track", "up"})),
    "constrained": (frozenset({"tight"}), frozenset({"loose"})),
    "sold_out": (frozenset({"tight"}), frozenset({"loose"})),
    "unconstrained": (frozenset({"loose"}), frozenset({"tight"})),
    "above": (frozenset({"above", "match"}), frozenset({"below", "mismatch"})),
    "below": (frozenset({"below"}), frozenset({"above"})),
    "at": (frozenset({"match"}), frozenset({"mismatch"})),
    "ahead": (frozenset({"on_track", "up"}), frozenset({"paused", "down"})),
    "delivered": (frozenset({"delivered"}), frozenset({"paused"})),
    "given": (frozenset({"given"}), frozenset({"not_given"})),
    "share": (frozenset({"match"}), frozenset({"mismatch"})),
    "counted_in": (frozenset({"match"}), frozenset({"mismatch"})),  # what a figure counts (inclusion.py)
    "left_out": (frozenset({"match"}), frozenset({"mismatch"})),
    "price_gap": (frozenset({"match"}), frozenset({"mismatch"})),  # one seller's prices a multiple of another's
    "schedule": (frozenset({"match"}), frozenset({"mismatch"})),  # a site's delivery date against the claim's
    "stake_sale": (frozenset({"match"}), frozenset({"mismatch"})),  # a sale the company signed, at its price
    "vs_guide": (frozenset({"match"}), frozenset({"mismatch"})),  # a reported figure against its own guide
    "plant": (frozenset({"match"}), frozenset({"mismatch"})),  # a maker's own word on adding manufacturing capacity
    "reclassified": (frozenset({"match"}), frozenset({"mismatch"})),  # a capex figure moved by accounting alone
    "growth_source": (frozenset({"match"}), frozenset({"mismatch"})),  # what a backlog's growth came from
    "input_constraint": (frozenset({"match"}), frozenset({"mismatch"})),  # a buyer held back by an input
    "bottleneck": (frozenset({"match"}), frozenset({"mismatch"})),  # which of two things is the bottleneck
    "target_revision": (frozenset({"match"}), frozenset({"mismatch"})),  # a company's own target raised or cut
    "reaction": (frozenset({"match"}), frozenset({"mismatch"})),  # a stock's move on a dated piece of news
    "deal_terms": (frozenset({"match"}), frozenset({"mismatch"})),  # a deal's value, megawatts and term
    "roles": (frozenset({"match"}), frozenset({"mismatch"})),  # who buys compute from whom
    "growth_basis": (frozenset({"match"}), frozenset({"mismatch"})),  # a rise on the basis the claim names
    "quarter_dip": (frozenset({"match"}), frozenset({"mismatch"})),  # a quarter's dip said to be a cut
    "driver": (frozenset({"match"}), frozenset({"mismatch"})),  # what the company says moved its capex
    "power_terms": (frozenset({"match"}), frozenset({"mismatch"})),  # a power event's figures, kind and outcome
    "backstop": (frozenset({"match"}), frozenset({"mismatch"})),  # who backstops which deal
}
# Memory supply read the old way: a rising HBM outlook or revenue is tightness (demand ahead of supply).
_TIGHT_AS_UP = {"up": "tight", "down": "loose"}
# Company-wide figures: they cannot refute a claim about part of the business.
COMPANY_WIDE = ("capex_trend", "guidance_level", "guidance_revision", "guidance_unrevised", "power_trend",
                "revenue_trend", "backlog_trend")


def claimed(reading: Reading, item: Item) -> str | None:
    """The direction an item is judged against: a level when the item is a level, else the reading's."""
    if item.observed in ("above", "below", "match", "mismatch") and reading.level:
        return reading.level.op
    return reading.direction


def relate(claim: Claim, reading: Reading, item: Item) -> str:
    """Which way one item points for this reading."""
    said, seen = claimed(reading, item), item.observed
    if seen is None or said is None or item.weight <= 0:
        return "neutral"
    if said in ("constrained", "sold_out", "unconstrained") and seen in _TIGHT_AS_UP:
        seen = _TIGHT_AS_UP[seen]
    negated = reading.negated
    if item.absence and said != "flat":
        # "Not revised yet" neither confirms nor refutes a revision; it does bear out "is not raising".
        return "supports" if negated else "neutral"
    pro, con = RELATION.get(said, (frozenset(), frozenset()))
    if seen not in pro and seen not in con:
        return "neutral"
    partial = (claim.scoped or bool(reading.places) and reading.object == "projects"
               or reading.object in ("segment_capex", "leases", "compute_contracts", "capacity", "demand_supply")
               or reading.direction in ("pause", "cancel") and reading.object != "projects")
    if partial and seen in con and not negated and item.signal in COMPANY_WIDE:
        # A claim about some projects is not refuted by company-wide totals or statements.
        item.caveat = item.caveat or SCOPE_CAVEAT
        return "neutral"
    small = claim.strong and item.change is not None and abs(item.change) < rules.RUMOR_STRONG_MOVE
    if small and seen in pro:
        item.caveat = (f"moved {signed(item.change)}: the direction the claim says, but smaller than "
                       f"the claim's wording implies (at least {rules.RUMOR_STRONG_MOVE:.0%})")
        return "supports" if negated else "neutral"  # "not collapsing" holds when it fell 10%
    if negated:
        return "contradicts" if seen in pro else "supports"
    return "supports" if seen in pro else "contradicts"


def judge(claim: Claim, reading: Reading, items: list[Item]) -> Verdict:
    for item in items:
        item.points = relate(claim, reading, item)
    _latest_level_decides(reading, items)
    votes = _votes(claim, items)
    if not votes:
        first = _no_evidence(claim, reading, items) if reading.object in _OLD_OBJECTS \
            else _no_evidence_v2(reading, items)
        reasons = [first, *_qualifiers(claim, items, "unclear"), _decider(reading)]
        return Verdict("unclear", calibrated("unclear", 0.3), _as_read(reading, reasons))
    net = sum(v for v, _ in votes.values()) / len(votes)
    total = sum(w for _, w in votes.values())
    if net >= rules.RUMOR_VERDICT_MARGIN:
        verdict = "supported"
    elif net <= -rules.RUMOR_VERDICT_MARGIN:
        verdict = "contradicted"
    else:
        verdict = "unclear"
    reasons = _reasons(claim, items, votes, verdict)
    if verdict != "unclear" and not _direct(items, "supports" if verdict == "supported" else "contradicts"):
        # A demand proxy (revenue) can back a reading, never settle one alone.
        reasons.append("Only indirect evidence (a revenue trend or spending plans) points this way; "
                       "nothing direct settles it.")
        verdict = "unclear"
    mismatch = [i for i in items if i.signal == "figure_mismatch"]
    if verdict == "supported" and mismatch:
        # The direction is right but the move the headline reports had not happened yet.
        reasons.append(mismatch[0].text + ".")
        verdict = "unclear"
    confidence = _confidence(verdict, net, total, claim)
    if verdict == "unclear":
        reasons.append(_decider(reading))
    else:
        reasons.extend(_partial(votes, verdict))
    return Verdict(verdict, confidence, _as_read(reading, reasons))


def _latest_level_decides(reading: Reading, items: list[Item]) -> None:
    """'Tops $500B' is about the latest figure: an older figure below the line says nothing once a newer
    one is above it (and the other way round)."""
    if reading.level is None:
        return
    levelled = [i for i in items if i.observed in ("above", "below", "match", "mismatch") and i.points != "neutral"]
    if not levelled:
        return
    newest = max(i.date for i in levelled if i.date)
    # On the same day a filed figure of the very measure beats words (which may be about another
    # period or quantity), and the company's own words beat a compilation quoting them.
    rank = {"level": 0, "guided_level": 0}
    best = min(rank.get(i.signal, 1 if i.kind == "reported" else 2) for i in levelled if i.date == newest)
    for item in levelled:
        if item.date != newest or rank.get(item.signal, 1 if item.kind == "reported" else 2) > best:
            item.points = "neutral"
            item.caveat = item.caveat or "an earlier figure; the latest one decides a level claim"


def _as_read(reading: Reading, reasons: list[str]) -> list[str]:
    """The reading in full words replaces the short 'Read as …' of the parser."""
    out = [r.split(". ", 1)[1] if r.startswith("Read as ") and ". " in r else
           ("" if r.startswith("Read as ") else r) for r in reasons]
    return [f"Read as: {reading.describe()}.", *(r for r in out if r)]


def _decider(reading: Reading) -> str:
    what = DECIDERS.get(reading.object or "", "evidence on this object for the period")
    return f"What would decide it: {what}" + (f" ({reading.period.label})" if reading.period.label else "") + "."


def _partial(votes: dict[str, tuple[float, float]], verdict: str) -> list[str]:
    """A group claim that holds for some members only says which."""
    side = rules.RUMOR_VERDICT_MARGIN
    backing = sorted(k for k, (v, _) in votes.items() if v >= side)
    against = sorted(k for k, (v, _) in votes.items() if v <= -side)
    if verdict == "supported" and against:
        return [f"Partly: it holds for {', '.join(backing)}, not for {', '.join(against)}."]
    if verdict == "contradicted" and backing:
        return [f"Partly: it holds for {', '.join(backing)} only."]
    return []


def _no_evidence_v2(reading: Reading, items: list[Item]) -> str:
    what = OBJECT_LABELS.get(reading.object or "", reading.object or "?")
    if any(i.caveat == SCOPE_CAVEAT for i in items):
        return ("Nothing public by the as-of date confirms this partial claim, and company-wide evidence "
                "cannot refute it.")
    if items:
        return "The evidence public by the as-of date neither confirms nor contradicts it."
    return f"Nothing on {what} for {reading.subject or 'this market'} was public by the as-of date."


def _direct(items: list[Item], side: str) -> bool:
    return any(i.points == side and i.signal not in INDIRECT_SIGNALS for i in items)


def _weight(claim: Claim, item: Item) -> float:
    w = item.weight
    # "Flat" is a weaker answer to "cutting" than "rising" is.
    if item.observed == "flat" and claim.direction != "flat" and not claim.negated:
        w *= 0.5
    return w


def _votes(claim: Claim, items: list[Item]) -> dict[str, tuple[float, float]]:
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    # A demand proxy (a revenue trend) speaks only where nothing direct does: once the company's own words
    # or figures on the claim itself point either way, it is context.
    direct = {i.ticker or "market" for i in items if i.points != "neutral" and i.signal not in INDIRECT_SIGNALS}
    for item in items:
        if item.points == "neutral" or (item.signal in INDIRECT_SIGNALS and (item.ticker or "market") in direct):
            continue
        key = item.ticker or "market"
        sums[key][0 if item.points == "supports" else 1] += _weight(claim, item)
    return {k: ((s - c) / (s + c), s + c) for k, (s, c) in sums.items() if s + c > 0}


def _confidence(verdict: str, net: float, total: float, claim: Claim) -> float:
    depth = min(1.0, total / 1.5)  # one weak item is not as good as three strong ones
    if verdict == "unclear":
        raw = 0.25 + 0.25 * (1 - abs(net)) * depth
    else:
        raw = 0.5 + 0.45 * abs(net) * depth
        if claim.hedged and verdict == "supported":
            raw *= 0.9  # a report of a plan is confirmed less firmly than an announced fact
    return calibrated(verdict, min(raw, 0.95))


def calibrated(verdict: str, raw: float) -> float:
    """The raw strength of the evidence mapped to how often such a verdict was right on the claim set."""
    share, mean = rules.RUMOR_CALIBRATION[verdict]
    return round(min(0.97, max(0.05, share + 0.5 * (raw - mean))), 2)


# --- reasoning in plain words -------------------------------------------------------------------

_WORDS = {"up": "rising", "down": "falling or being cut", "flat": "flat"}


def _claim_words(claim: Claim) -> str:
    who = claim.company_name or "the market"
    what = METRIC_LABELS.get(claim.metric or "", claim.metric or "?")
    how = _WORDS.get(claim.direction or "", "?")
    return f"{who}: {what} {'NOT ' if claim.negated else ''}{how}"


def _no_evidence(claim: Claim, reading: Reading, items: list[Item]) -> str:
    # a claim parse.py found no metric in ("sells its stake in the Abernathy JV") is named by its reading
    what = METRIC_LABELS.get(claim.metric or "") or claim.metric or OBJECT_LABELS.get(reading.object or "", "?")
    if any(i.caveat == SCOPE_CAVEAT for i in items):
        return (f"Read as {_claim_words(claim)}. Nothing public by the as-of date confirms this partial "
                f"claim, and company-wide evidence cannot refute it.")
    if claim.year and not any(str(claim.year) in f"{i.period} {i.text}" for i in items if i.observed):
        return (f"Read as {_claim_words(claim)} in {claim.year}. Nothing public by the as-of date speaks "
                f"to {claim.year}.")
    if items:
        return (f"Read as {_claim_words(claim)}. The evidence public by the as-of date neither confirms "
                f"nor contradicts it.")
    who = claim.company_name or "this market"
    return f"Read as {_claim_words(claim)}. Nothing on {what} for {who} was public by the as-of date."


def _reasons(claim: Claim, items: list[Item], votes: dict[str, tuple[float, float]], verdict: str) -> list[str]:
    out = [f"Read as {_claim_words(claim)}."]
    pro = sorted((i for i in items if i.points == "supports"), key=lambda i: -i.weight)
    con = sorted((i for i in items if i.points == "contradicts"), key=lambda i: -i.weight)
    if con:
        out.append("Against the claim: " + "; ".join(i.text for i in con[:3]) + ".")
    if pro:
        out.append("For the claim: " + "; ".join(i.text for i in pro[:3]) + ".")
    if len(votes) > 1:
        against = sum(1 for v, _ in votes.values() if v <= -rules.RUMOR_VERDICT_MARGIN)
        backing = sum(1 for v, _ in votes.values() if v >= rules.RUMOR_VERDICT_MARGIN)
        out.append(f"Of {len(votes)} with evidence, {backing} back the claim and {against} contradict it.")
    out.extend(_qualifiers(claim, items, verdict))
    return out


def _qualifiers(claim: Claim, items: list[Item], verdict: str) -> list[str]:
    out = []
    if claim.scoped:
        wide = sorted((i for i in items if i.caveat == SCOPE_CAVEAT), key=lambda i: -i.weight)
        out.append("The claim is about part of the business (scope words such as 'some' or 'early-stage'): "
                   "company-wide figures cannot rule it out, so at most it is partly true"
                   + (" while the company as a whole points the other way: "
                      + "; ".join(i.text for i in wide[:2]) + "." if wide else "."))
    other = [i for i in items if i.caveat and i.points != "neutral"]
    for item in other[:2]:
        out.append(f"Caveat on \u201c{item.text}\u201d: {item.caveat}.")
    if claim.hedged:
        out.append("The headline reports a plan, a consideration or an unnamed source; it was checked "
                   "against what the company filed and said, not against the report itself.")
    small = [i for i in items if i.caveat and "smaller than" in i.caveat]
    if small:
        out.append(f"Moves go the claimed way but are smaller than the wording implies: {small[0].caveat}.")
    if verdict == "unclear" and any(i.signal == "guidance_unrevised" for i in items):
        out.append("No revision had been published yet by the as-of date.")
    unknown = [i for i in items if i.signal == "guidance_unknown_prior"]
    if verdict == "unclear" and unknown:
        out.append(unknown[0].text[0].upper() + unknown[0].text[1:] + ".")
    return out

