"""`check(store, claim, as_of)`: read the claim, gather the evidence that matches the reading, judge it.

Evidence providers are chosen by the reading's object: a claim about NAND capex meets NAND
statements, a lease claim lease records, a level claim the latest figure. Each provider is a small
function of the store, the reading and the as-of date, so a richer reader can replace one alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from aicycle import rules
from aicycle.errors import InputError
from aicycle.rumor import (
    auctions,
    hedged,
    levels,
    margins,
    market_share,
    mix,
    parse,
    price_window,
    records,
    said,
    trends,
    vocab,
    ytd,
)
from aicycle.rumor import fundamentals as fx
from aicycle.rumor import guidance as gx
from aicycle.rumor.amounts import decline
from aicycle.rumor.evidence import Item
from aicycle.rumor.growth_level import growth_level_items
from aicycle.rumor.growth_pace import pace_items
from aicycle.rumor.market import gpu_price_trend, wanted_skus, wanted_terms
from aicycle.rumor.narrow import narrow_reading, tickers_for
from aicycle.rumor.parse import Claim, parse_claim
from aicycle.rumor.ppa import is_ppa_claim, ppa_items
from aicycle.rumor.price_gap import gap_items, read_gap
from aicycle.rumor.reaction import reaction_items, read_reaction
from aicycle.rumor.reading import Reading, read
from aicycle.rumor.scope import FORWARD
from aicycle.rumor.sizes import mild_move, said_rise, short_of_fall, short_of_growth, unsized
from aicycle.rumor.stated_trend import stated_trend_items
from aicycle.rumor.verdict import Verdict, judge
from aicycle.store import Store

Provider = Callable[[Store, str, dt.date, "int | None"], list[Item]]

_SPENDING: tuple[Provider, ...] = (gx.guidance_revisions, gx.guidance_level, fx.capex_trend)
# Company-wide figures, by the reading's object. Objects not listed are answered by statements,
# records and levels only (a NAND claim is not judged on total capex).
COMPANY_PROVIDERS: dict[str, tuple[Provider, ...]] = {
    "capex": _SPENDING,
    "ai_spend": _SPENDING,
    "guidance": (gx.guidance_revisions, gx.guidance_level),
    "projects": (*_SPENDING, fx.power_trend),
    "backlog": (fx.backlog_trend,),
    "power": (fx.power_trend,),
    "memory_supply": (fx.hbm_outlook, fx.revenue_trend),
}
# For a claim about guidance itself, the level of spending is context, not an answer.
_CONTEXT_ONLY = {"guidance": ("guidance_level",)}
# Directions that company-wide totals cannot answer (growth rates and constraint are said, not summed).
_NOT_BY_TOTALS = ("slower_growth", "faster_growth", "constrained", "unconstrained", "sold_out")
# The company's RPO is its cloud business's backlog: Alphabet's 10-K says "primarily related to Google Cloud"
# ($513.9B of $519.5B at 2026-06-30), and Amazon's reported RPO ($364B at 2026-03-31) is the figure its CEO
# gives as "the backlog" in answer to a question on AWS's (call of 2026-04-29).
_YEAR_ON_YEAR = re.compile(r"\byear[- ](?:on|over)[- ]year\b|\byoy\b|\bfrom a year (?:ago|earlier)\b", re.I)
_OTHERS_CAPEX = re.compile(r"\b(?:hyperscal\w*|csps?|cloud (?:service )?providers|cloud players|analysts?'? "
                           r"expectations?|aggregate capex|street)\b", re.I)
_RPO_IS_UNIT = frozenset({("AMZN", "AWS"), ("GOOGL", "Google Cloud")})
MARKET_OBJECTS = ("gpu_prices", "memory_prices", "memory_supply", "power", "compute_contracts", "leases")


def check(store: Store, claim: str, as_of: dt.date | str | None = None) -> dict[str, Any]:
    """Check a headline against what was public on `as_of` (default: today)."""
    day = _as_of(as_of)
    parsed = parse_claim(claim)
    if auctions.is_auction_claim(parsed.text):  # "PJM's 2027/28 auction clears at the cap": that auction's result
        reading = replace(read(parsed, day), object="power", direction="up", level=None)
        items = [i for i in auctions.auction_items(store, parsed.text, day) if i.date and i.date <= day]
        return _result(parsed, reading, day, judge(parsed, reading, items), items)
    if parsed.tickers and market_share.is_share_claim(parsed.text):
        # "Samsung overtakes SK hynix in HBM share": the research firms' shares, quarter by quarter
        reading = market_share.read(parsed, read(parsed, day))
        items = [i for i in market_share.share_items(store, parsed, reading, day) if i.date and i.date <= day]
        return _result(parsed, reading, day, judge(parsed, reading, items), items)
    reaction = read_reaction(parsed.text)
    if reaction is not None:  # "TSMC ADRs sank ~7% on Meta Compute report": the stock's close after the news
        reading = replace(read(parsed, day), object="market_reaction", direction="reaction", negated=False,
                          level=None, tickers=list(reaction.tickers), subject=", ".join(reaction.tickers),
                          modality="fact")  # the move is read from prices, whatever the news was
        items = reaction_items(store, reaction, day)
        # "on a report": the news it names, not a hedge on the move; "tanks ~10%": the size it names, not a strong word
        parsed = replace(parsed, hedged=False, strong=False)
        return _result(parsed, reading, day, judge(parsed, reading, items), items)
    gap = read_gap(parsed.text)
    if gap is not None:  # "hyperscaler H100 prices are more than double neocloud rates": the index's two medians
        reading = replace(read(parsed, day), object="gpu_prices", direction="price_gap", negated=False, level=None)
        items = gap_items(store, gap, parsed.text, day)
        return _result(parsed, reading, day, judge(parsed, reading, items), items)
    base = read(parsed, day)  # read once: the paths below and the usual one share it
    narrow = narrow_reading(store, parsed, base, day)
    if narrow is not None:  # a claim one narrow reading answers: a site's date, a result against its guide, ...
        reading, items = narrow
        return _result(parsed, reading, day, judge(parsed, reading, items), items)
    if parsed.problem and not _readable(parsed):
        return _result(parsed, None, day, Verdict("unclear", 0.0, [f"Cannot check this claim: {parsed.problem}."]), [])
    reading = base
    margin = margins.margin_line(parsed.text) if reading.tickers else None
    if margin is not None:  # "SK hynix Q2 operating margin above 45%": the quarter's income over its revenue
        reading = replace(reading, object="operating_margin", level=margin, direction=None)
        items = [i for t in reading.tickers for i in margins.margin_items(store, reading, t, day)]
        return _result(parsed, reading, day, judge(parsed, reading, items), items)
    if reading.tickers and hedged.is_hedged(parsed.text):  # "CFO: if demand turns, we can slow the buys"
        reading = replace(reading, object="option")
        items = [i for i in hedged.hedge_items(store, reading.tickers, day) if i.date and i.date <= day]
        return _result(parsed, reading, day, hedged.verdict(items), items)
    problem = _problem(parsed, reading)
    if problem:
        return _result(parsed, reading, day, Verdict("unclear", 0.0, [f"Cannot check this claim: {problem}."]), [])
    reading, summed_or_split = _split_or_so_far(store, parsed, reading, day)
    items = gather(store, parsed, reading, day) if summed_or_split is None \
        else [i for i in summed_or_split if i.date is not None and i.date <= day]  # point in time, as in gather
    return _result(parsed, reading, day, judge(parsed, reading, items), items)


def _split_or_so_far(store: Store, claim: Claim, reading: Reading, as_of: dt.date) -> tuple[Reading, list[Item] | None]:
    """Claims that sum or split a whole: "most of its capex goes to AWS" (the split the company states), "capex
    in the first nine months already exceeds all of FY25" (the quarters so far, summed). None: read as usual."""
    tickers = tickers_for(claim, reading)
    if reading.so_far is not None:
        return reading, [i for t in tickers
                         for i in ytd.so_far_items(store, t, reading.so_far, as_of, reading.level)]
    if reading.share is None:
        return reading, None
    shares = [i for t in tickers for i in mix.share_items(store, reading, t, as_of)]
    if not shares and reading.direction != "share":
        return reading, None
    return replace(reading, direction="share"), shares


def _readable(claim: Claim) -> bool:
    """Parse problems that the reading may still resolve (a metric or direction parse.py does not know)."""
    return bool(claim.text) and (claim.problem or "").startswith("no ")


def _problem(claim: Claim, reading: Reading) -> str | None:
    if reading.object is None:
        return claim.problem or "no object recognized (capex, guidance, backlog, revenue, power, ...)"
    if reading.direction is None and reading.level is None:
        return "no direction recognized: say whether it is going up, down, staying flat or past a level"
    if not reading.tickers and reading.object not in MARKET_OBJECTS:
        return "no company recognized: name a company in the universe or a group such as 'hyperscalers'"
    return None


def _as_of(value: dt.date | str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"as_of: {value!r} is not a date (YYYY-MM-DD)") from None


def gather(store: Store, claim: Claim, reading: Reading, as_of: dt.date) -> list[Item]:
    obj = reading.object or ""
    items: list[Item] = []
    by_totals = reading.direction not in _NOT_BY_TOTALS
    named = parse.named_companies(claim.text)
    deal = obj in ("compute_contracts", "leases")
    readers = tickers_for(claim, reading)
    if obj == "power" and records.names_power_actor(claim.text) and not parse.named_companies(claim.text):
        readers = []  # "Dominion pauses data center hookups" is about the utility, not the data-center owners
    if deal:  # either side of a deal may be the one that says so
        readers = list(dict.fromkeys([*readers, *(t for t, _ in named)]))
    if _group_level(claim, reading):
        # "Hyperscaler 2026 capex approaches $700B": the group's sum, never one member against the whole line;
        # NVIDIA's calls quote the analysts' aggregate
        items.extend(levels.group_guides(store, reading, readers, as_of))
        items.extend(said.said_items(store, reading, "NVDA", as_of, focus=_AGGREGATE))
        readers = []
    for ticker in readers:
        if not levels.results_public(store, reading, ticker, as_of):
            continue  # "trims its guide at Q2 results" before those results: nothing can answer it yet
        if _RECORD.search(claim.text) and obj in ("capex", "revenue", "backlog") and reading.direction == "up" \
                and not reading.level and not reading.segment:
            # "record quarterly capex", "its largest quarter yet": the quarter against all before it
            reported = reading.modality in ("fact", "report") and levels.quarter_reported(store, reading, ticker, as_of)
            record = trends.record_items(store, reading, ticker, as_of) if reported else []
            items.extend(record or said.said_items(store, reading, ticker, as_of))
            continue
        if reading.quarters_in_a_row and not reading.level:
            # quarter on quarter: the latest quarters decide, not a year-on-year change; a named quarter not
            # reported yet ("capex higher sequentially in the March quarter") only by what was said of it
            # a part ("data center revenue fell q/q") is not the company's total
            whole = reading.segment is None or (ticker, reading.segment) in _RPO_IS_UNIT
            reported = whole and reading.modality == "fact" and levels.quarter_reported(store, reading, ticker, as_of)
            figures = pace_items(store, reading, ticker, as_of, claim.text) if reported else []
            figures = figures or (trends.sequential_items(store, reading, ticker, as_of) if reported else [])
            figures = figures or stated_trend_items(store, reading, ticker, as_of)
            items.extend(figures or said.said_items(store, reading, ticker, as_of))  # figures first
            continue
        # A named quarter not reported yet ("second-quarter 2026 capex tops $30B" on 2026-07-10): other
        # quarters' figures do not answer it; only what the company said about that quarter can.
        # "slashes its 2025 revenue outlook": a guide, which reported revenue neither makes nor unmakes
        # ("beats its $54B guide" is a result, read as a fact, and is answered by it)
        revenue_guide = obj == "revenue" and reading.modality in ("plan", "expectation") \
            and bool(_TARGET.search(claim.text))
        totals = deal or (not revenue_guide and levels.quarter_reported(store, reading, ticker, as_of))
        if by_totals and not reading.level and not deal and totals:
            for provider in COMPANY_PROVIDERS.get(obj, ()):
                if provider is gx.guidance_revisions and reading.range_end and reading.direction in ("up", "down"):
                    provider = partial(gx.guidance_revisions, end=reading.range_end)  # "bumped the TOP end"
                items.extend(provider(store, ticker, as_of, reading.period.year))
        if reading.direction in ("slower_growth", "faster_growth") and obj in ("capex", "ai_spend", "guidance") \
                and not reading.level and totals and reading.period.quarter is None and not reading.quarters_in_a_row:
            items.extend(gx.growth_change(store, ticker, as_of, reading.period.year))
        others = tuple(words for t, words in named if t != ticker)
        parties = others if deal else ()
        focus = () if deal else others + _project_nouns(claim.text, reading)
        stated = [] if deal or _TARGET.search(claim.text) else stated_trend_items(store, reading, ticker, as_of)
        product = _product_revenue(claim.text, named) if obj == "revenue" else None
        must = _LEAD_TIMES.pattern if _LEAD_TIMES.search(claim.text) else rf"\b{product}" if product else None
        spoken = stated or said.said_items(store, reading, ticker, as_of, parties, focus=focus, must=must)
        if reading.level is not None and obj in ("capex", "guidance") and not _OTHERS_CAPEX.search(claim.text):
            # a chip maker quoting its customers' capex ("top CSPs ... roughly $600 billion") is not its own
            spoken = [i for i in spoken if not _OTHERS_CAPEX.search(i.text)]
        if reading.range_end and reading.direction in ("up", "down") and any(
                i.signal == "guidance_revision" and i.ticker == ticker for i in items):
            for i in spoken:  # "bumped the TOP end": the revision's ends decide; a sentence saying "increased" cannot
                i.weight = 0.0 if i.observed in ("up", "down") else i.weight
        items.extend(spoken)
        if deal or not totals:
            continue
        if reading.segment == "AI" or product:
            continue  # AI or Trainium revenue is a part the store's totals do not give: only what was said answers
        if reading.segment in vocab.UNIT_NAMES and not (obj == "backlog" and (ticker, reading.segment) in _RPO_IS_UNIT):
            items.extend(trends.division_items(store, reading, ticker, as_of))
            continue  # AWS, Azure, Google Cloud: company totals do not answer a claim about one business
        items.extend(pace_items(store, reading, ticker, as_of, claim.text))  # "growth slowed in Q3"
        items.extend(levels.level_items(store, reading, ticker, as_of))
        items.extend(growth_level_items(store, reading, ticker, as_of))  # "RPO growing more than 400% a year"
        if not reading.level or reading.growth is not None and reading.level.op == "at":
            # "rose 66% to 19.2tn won": the size of the rise is claimed as well as where it ended
            items.extend(trends.trend_items(store, reading, ticker, as_of))
        one_end = reading.range_end and reading.level is not None and reading.level.high is None \
            and reading.direction not in ("up", "down")  # "tops out at $X": judged by that end of the guide
        if obj == "guidance" and claim.amount and (reading.level is None or reading.level.op == "at") and not one_end:
            mismatch = gx.figure_check(store, ticker, as_of, reading.period.year, claim.amount)
            items.extend([mismatch] if mismatch else [])
    if obj == "gpu_prices" and reading.modality in ("plan", "expectation"):
        # "will be higher at end-2026": prices not yet quoted; only a forecast in so many words can answer it
        items.extend(i for i in said_market(store, reading, as_of) if FORWARD.search(i.text))
    elif obj == "gpu_prices" and (_RECORD.search(claim.text) and reading.direction == "up"
                                  or _NEW_LOW.search(claim.text)):
        # "H100 rental prices hit an all-time high in August 2026", "a new cycle low": that point against all before it
        day = price_window.claim_window(claim.text, as_of, level=True) or (price_window.LATEST, as_of)
        items.extend(price_window.record_items(store, as_of, day[1], wanted_skus(claim.text),
                                               wanted_terms(claim.text), price_window.wanted_sources(claim.text),
                                               low=bool(_NEW_LOW.search(claim.text))))
    elif obj == "gpu_prices":
        skus, terms = wanted_skus(claim.text), wanted_terms(claim.text)  # "RTX 4090 prices jump": not H100 words
        window = price_window.claim_window(claim.text, as_of, level=reading.level is not None)
        hints = price_window.wanted_sources(claim.text)
        named_variant = next((v for v in ("SXM", "PCIE", "NVL") if v in claim.text.upper()), None)
        of_the_part = named_variant and re.search(r"\b(?:median|average|index)\b", claim.text, re.I)
        if window is None and reading.level and (hints or of_the_part):
            window = (price_window.LATEST, as_of)  # "Vast.ai offers are below $2", "the A100 PCIe median": its latest
        if window is None and not reading.level and reading.period.year == as_of.year and not reading.period.quarter \
                and not _YEAR_AGO.search(claim.text):  # "below year-ago levels": the trend's year-on-year move
            window = (dt.date(as_of.year, 1, 1), as_of)  # "prices slide in 2026", said in 2026: the year so far
        if not (window and reading.level):  # a price on a named day is the series', not a call's words
            items.extend(i for i in said_market(store, reading, as_of)
                         if not skus or any(k.replace(" ", "").lower() in i.text.replace(" ", "").lower()
                                            for k in skus))
        if window is None:
            trend = gpu_price_trend(store, as_of, skus, terms, hints)
            if not trend and reading.level and skus:  # "MI300X rents above $3": a series too young for a trend
                trend = price_window.window_items(store, as_of, (price_window.LATEST, as_of), skus, terms, hints, None)
            items.extend(trend)
        else:  # "rose between mid-October and mid-November", "on October 5, 2026": that window's own points
            # an H100 with no form factor named is the benchmark SXM part
            variant = named_variant or ("SXM" if "H100" in claim.text.upper() else None)
            items.extend(price_window.window_items(store, as_of, window, skus, terms, hints, variant))
    if obj in ("compute_contracts", "leases"):
        items.extend(records.contract_items(store, reading, claim.text, as_of))
    subject = bool(claim.tickers) and not any(c.startswith("no company named") for c in claim.cues)
    grid_side = records.names_power_actor(claim.text) or any(t in vocab.POWER_SUPPLIERS for t in claim.tickers)
    if obj == "power" and is_ppa_claim(claim.text):  # "Meta signs Clinton nuclear PPA with Constellation"
        # the recorded agreement, not the parties' words about their other business
        items = ppa_items(store, [n for _, n in parse.named_companies(claim.text)], reading.places, as_of)
    elif obj == "power" and not (subject and not grid_side):
        items.extend(records.power_items(store, reading, claim.text, as_of))  # the grid, not one company's MW
    elif obj == "projects" and reading.places and (reading.direction in ("pause", "cancel") or
                                                   records.APPROVED.search(claim.text)):
        # "Tucson blocks Project Blue", "pulls back on projects including one in Ohio", "Tucson approves Project
        # Blue": a permitting event names it
        items.extend(records.project_items(store, reading, claim.company_name, as_of))
    if obj == "gpu_prices" and reading.level and reading.level.unit == "USD/hour":
        items = levels.price_levels(items, reading, price_window.wanted_sources(claim.text))
    if obj in ("gpu_prices", "memory_prices"):
        items = [mild_move(i, claim.text) for i in items]
    if _YEAR_ON_YEAR.search(claim.text) or reading.growth is not None and not reading.quarters_in_a_row:
        # "doubles year on year", "backlog more than quadrupled": a quarter-on-quarter change does not answer it
        items = [i for i in items if not (i.method or "").endswith(fx.PREVIOUS_REPORT)]
    if reading.growth is not None and obj != "gpu_prices":
        newest = max((i.date for i in items if i.signal == "said_document" and i.date), default=None)
        items = [said_rise(i, whole=reading.segment is None) if i.date == newest else i for i in items]
    if reading.growth is not None and any(i.change is not None for i in items):
        # how much it rose is a figure's to say: words that it rose do not bear out "more than doubles"
        items = [short_of_growth(i, reading.growth, reading.growth_most) for i in items if i.change is not None]
    elif reading.growth is not None and reading.modality in ("plan", "expectation"):
        items = [unsized(i) for i in items]  # "2027 capex will at least double", against "increase significantly"
    fall = decline(claim.text) if reading.direction == "down" else None
    if fall is not None:  # "H200 list rates fell more than 10% m/m": an 8.5% fall does not bear it out
        items = [short_of_fall(i, *fall) for i in items]
    if _QUARTERLY.search(claim.text):  # "quarterly revenue more than quadruples": not the year's
        items = [i for i in items if not re.fullmatch(r"FY\d{4}", i.period or "")]
    if obj in ("capex", "guidance") and reading.direction in ("up", "down") and _AFTER_REPORT.search(claim.text):
        # "Meta cuts 2026 capex after 'Meta Compute' report": a move said to follow a report is answered by what
        # the company said since, not by a guide from months before it
        items = [i for i in items if i.date and (as_of - i.date).days <= rules.RUMOR_RAISE_ANSWERED_DAYS]
    for item in items:  # a guide's rise over last year's spending is the answer when the claim sizes that rise
        if item.signal in _CONTEXT_ONLY.get(obj, ()) and reading.growth is None:
            item.weight = 0.0
    # Point in time, enforced once more at the end: nothing dated after as_of is ever shown.
    return [i for i in items if i.date is not None and i.date <= as_of]


_AFTER_REPORT = re.compile(r"\b(?:after|following|on|amid)\b[^,;]{0,60}?\breports?\b", re.I)
_QUARTERLY = re.compile(r"\bquarterly\b|\ba quarter\b|\bper quarter\b", re.I)
_RECORD = re.compile(rf"\b(?:record(?![- ]lows?\b)|{vocab.NEW_HIGH})\b", re.I)
_NEW_LOW = re.compile(r"(?<!from the )(?<!from its )(?<!from a )\b(?:(?:new|fresh|cycle|record|all-time|multi-year|"
                      r"\d+-(?:month|year))[- ])+lows?\b", re.I)
_YEAR_AGO = re.compile(r"\b(?:year-?ago|year-?earlier|prior-?year|a year (?:ago|earlier))\b", re.I)
# "Trainium revenue commitments", "Instinct sales": revenue of a product the claim names, not the company's
_NAMED_REVENUE = re.compile(r"\b([A-Z][A-Za-z0-9-]+)\s+(?:revenues?|sales)\b")
_NOT_A_PRODUCT = re.compile(r"(?:Q[1-4]|H[12]|FY\d*|CY\d*|20\d\d|Total|Quarterly|Annual|Full-year|Record|Net|"
                            r"Revenue|Sales|Cloud|Data|Center|Datacenter|[A-Z][a-z]+-(?:quarter|year|half))$")


def _product_revenue(text: str, named: list[tuple[str, str]]) -> str | None:
    """The product whose revenue the claim is about ("Trainium"), or None when it names none."""
    names = {w.lower() for _, words in named for w in words.split()} | {t.lower() for t, _ in named}
    return next((m.group(1) for m in _NAMED_REVENUE.finditer(text)
                 if m.group(1).lower() not in names and not _NOT_A_PRODUCT.match(m.group(1))), None)


# "data center segment revenue increased 14%", "up 14% year-over-year": the rise a company's sentence states
def _project_nouns(text: str, reading: Reading) -> tuple[str, ...]:
    """What kind of project a claim is about ("bitcoin mining expansion on hold"): the call's sentences on
    that kind answer it before its sentences on other sites."""
    if reading.object != "projects" or reading.places:
        return ()
    return tuple(m.lower() for m in re.findall(r"\b(mining|fabs?|substations?|campus|halls?)\b", text, re.I))


_LEAD_TIMES = re.compile(r"\blead[- ]times?\b", re.I)
# "raises its ARR target": the target is a forecast, which the figures a company reports do not answer
_TARGET = re.compile(r"\b(?:targets?|goals?|outlook|guid\w*|forecasts?|ambitions?)\b", re.I)
_AGGREGATE = ("hyperscal", "top 5", "top five", "cloud providers", "clouds")


def _group_level(claim: Claim, reading: Reading) -> bool:
    return any(c.startswith("group: ") for c in claim.cues) and reading.level is not None \
        and reading.object in ("capex", "ai_spend", "guidance")


def said_market(store: Store, reading: Reading, as_of: dt.date) -> list[Item]:
    """A market claim with no company named still meets what the sellers of compute said on it."""
    if reading.tickers:
        return []
    return [i for t in ("NVDA",) for i in said.said_items(store, reading, t, as_of)]


def _result(claim: Claim, reading: Reading | None, as_of: dt.date, verdict: Verdict,
            items: list[Item]) -> dict[str, Any]:
    order = {"contradicts": 0, "supports": 1, "neutral": 2}
    items = sorted(items, key=lambda i: (order[i.points], -i.weight))
    return {
        "claim": claim.said or claim.text,
        "parsed": claim.parsed(),
        "reading": reading.to_dict() if reading else None,
        "reading_text": reading.describe() if reading else None,
        "as_of": as_of.isoformat(),
        "verdict": verdict.verdict,
        "confidence": verdict.confidence,
        "reasoning": " ".join(verdict.reasoning),
        "evidence": [i.to_dict() for i in items],
        "details": {
            "company_name": claim.company_name, "tickers": tickers_for(claim, reading), "negated": claim.negated,
            "scoped": claim.scoped, "hedged": claim.hedged, "strong": claim.strong, "year": claim.year,
            "amount": claim.amount, "cues": claim.cues, "problem": claim.problem,
        },
    }
