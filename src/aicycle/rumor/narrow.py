"""Claims that one narrow reading answers, tried before the usual one: what a figure counts ("NVIDIA builds China
sales into its outlook"), what the capex line records, finance leases as a figure of their own, a named site's
date or a stake sale, a maker adding manufacturing capacity, a capex figure moved by accounting alone, a result
against its own guide. Each gives the reading shown to the user and the evidence it found; None leaves the claim
to the usual reading."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from aicycle import universe
from aicycle.rumor.backstop import backstop_items, backstopper
from aicycle.rumor.bottleneck import bottleneck_items, read_bottleneck
from aicycle.rumor.capex_scope import capex_scope_items, read_capex_scope
from aicycle.rumor.deal_terms import deal_terms_items, read_deal_terms
from aicycle.rumor.driver import chief, claimed_driver, driver_items
from aicycle.rumor.evidence import Item
from aicycle.rumor.finance_leases import finance_lease_items, is_finance_lease_claim
from aicycle.rumor.growth_basis import growth_basis_items, rate_items, read_growth_basis
from aicycle.rumor.growth_source import growth_source_items, read_growth_source
from aicycle.rumor.inclusion import inclusion_items, read_inclusion
from aicycle.rumor.input_constraint import input_constraint_items, read_input_constraint
from aicycle.rumor.parse import Claim
from aicycle.rumor.periods import quarter_end
from aicycle.rumor.plant import plant_items, read_plant
from aicycle.rumor.power_terms import power_terms_items
from aicycle.rumor.quarter_dip import quarter_dip_items, reads_as_dip
from aicycle.rumor.reading import Reading
from aicycle.rumor.reclassified import read_reclassified, reclassified_items
from aicycle.rumor.roles import read_roles, roles_items
from aicycle.rumor.schedule import read_schedule, schedule_items
from aicycle.rumor.stake_sale import read_stake_sale, stake_sale_items
from aicycle.rumor.target_revision import read_target_revision, target_revision_items
from aicycle.rumor.vs_guide import named_guide_items, read_named_guide, read_vs_guide, vs_guide_items
from aicycle.store import Store

Narrow = tuple[Reading, list[Item]]
# What a claim naming a deal's terms can be read as before this reading: a deal, a lease, power, a project, spend.
_DEAL_OBJECTS = (None, "compute_contracts", "leases", "power", "projects", "ai_spend", "orders")
# "Cipher's Fluidstack deal carries ~$7bn of contracted revenue": one deal's value, not the company's backlog
_A_DEALS_REVENUE = re.compile(r"\b(?:deal|contract|lease|agreement)\b"
                              r"(?![^.]*\b(?:backlog|rpo|remaining performance)\b)", re.I)


def tickers_for(claim: Claim, reading: Reading | None = None) -> list[str]:
    """The companies whose evidence speaks to the claim: those it names, else a market's makers."""
    if claim.tickers:
        return claim.tickers
    obj = reading.object if reading else None
    if claim.metric == "memory_supply" or obj in ("memory_supply", "memory_prices"):
        return [c.ticker for c in universe.by_role("memory")]  # a memory-market claim is read through the makers
    return []


def narrow_reading(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    """The first narrow reading that takes the claim, with its evidence; None when none does."""
    # A claim naming no listed company can still name a deal between private ones ("OpenAI-Cerebras deal").
    readers = _READERS if claim.tickers else (_backstop, _roles, _deal_terms, _power_terms)
    for reader in readers:
        found = reader(store, claim, base, day)
        if found is not None:
            return found
    return None


def _inclusion(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    inclusion = read_inclusion(claim.text)  # "NVIDIA builds China sales into its outlook": what it says it counts
    if inclusion is None:
        return None
    reading = replace(base, object=base.object or "revenue", direction=inclusion.direction, negated=False,
                      level=None)
    return reading, [i for t in tickers_for(claim, reading) for i in inclusion_items(store, inclusion, t, day)]


def _capex_scope(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    scope = read_capex_scope(claim.text)  # "Hyperion construction will no longer run through its capex"
    if scope is None:
        return None
    reading = replace(base, object="capex", direction="counted_in" if scope.counted else "left_out", negated=False,
                      level=None, modality="fact")
    return reading, [i for t in tickers_for(claim, reading) for i in capex_scope_items(store, scope, t, day)]


def _growth_source(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    names = tuple(claim.tickers) + tuple((claim.company_name or "").split())
    source = read_growth_source(claim.text, names) if base.object in ("backlog", "compute_contracts") else None
    if source is None:  # "Oracle's RPO surge comes from deals where customers prepay for the GPUs"
        return None
    reading = replace(base, object="backlog", direction="growth_source", negated=False, level=None, share=None,
                      modality="fact")
    return reading, [i for t in tickers_for(claim, reading) for i in growth_source_items(store, source, t, day)]


def _input_constraint(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    held = read_input_constraint(claim.text)  # "memory shortages are leaving AWS capacity constrained"
    if held is None or set(claim.tickers) & {c.ticker for c in universe.by_role("memory")}:
        return None
    reading = replace(base, object="capacity", direction="input_constraint", negated=False, level=None,
                      modality="fact")
    return reading, [i for t in tickers_for(claim, reading) for i in input_constraint_items(store, held, t, day)]


def _bottleneck(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    which = read_bottleneck(claim.text)  # "contract signing, not GPU deployment, is the bottleneck"
    if which is None:
        return None
    reading = replace(base, object="demand_supply", direction="bottleneck", negated=False, level=None,
                      modality="fact")
    return reading, [i for t in tickers_for(claim, reading) for i in bottleneck_items(store, which, t, day)]


def _target_revision(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    level = base.level if base.level is not None and base.level.unit == "USD" else None
    revision = read_target_revision(claim.text, level.value if level else None, bool(level and level.op == "above")) \
        if base.object == "arr" and base.direction in ("up", "down") and not base.contracted else None
    if revision is None:  # "IREN lifts its year-end 2026 ARR target": the latest call's target against the last
        return None
    reading = replace(base, direction="target_revision", negated=False, level=None)
    return reading, [i for t in tickers_for(claim, reading) for i in target_revision_items(store, revision, t, day)]


def _deal_terms(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    """"Meta signs firm $27bn Nebius contract", "Microsoft's $9.7bn IREN cloud deal runs ten years": the ledger's
    record of the deal, which states its value, megawatts and term, not the parties' words that they signed one."""
    of_a_deal = base.object in _DEAL_OBJECTS or base.object == "backlog" and _A_DEALS_REVENUE.search(claim.text)
    terms = read_deal_terms(claim.text) if of_a_deal and not base.negated else None
    items = deal_terms_items(store, terms, claim.text, day) if terms else []
    if not items:
        return None
    return replace(base, object="compute_contracts", direction="deal_terms", level=None, modality="fact"), items


def _backstop(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    """"Google is backstopping Cipher's new AWS lease": whether the ledger records that backstop on that deal."""
    who = backstopper(claim.text) if not base.negated else None
    items = backstop_items(store, who, claim.text, day) if who else []
    return (replace(base, object="compute_contracts", direction="backstop", level=None, modality="fact"), items) \
        if items else None


def _roles(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    """"IREN is renting data-center capacity from Microsoft": which of the two buys from the other."""
    roles = read_roles(claim.text) if not base.negated else None
    items = roles_items(store, roles, claim.text, day) if roles else []
    return (replace(base, object="compute_contracts", direction="roles", level=None, modality="fact"), items) \
        if items else None


def _power_terms(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    """"FERC OKs Talen's bid to lift co-located load at Susquehanna to 480 MW": the stored event it names, on its
    terms (FERC rejected it)."""
    in_watts = base.object == "compute_contracts" and re.search(r"\d\s?(?:gw|mw)\b", claim.text, re.I) \
        and "$" not in claim.text  # "holds ~180 GW of firm data-center contracts": a utility's load, not a deal
    if base.object not in (None, "power", "projects") and not in_watts or base.negated:
        return None
    items = power_terms_items(store, claim.text, day)
    return (replace(base, object="power", direction="power_terms", level=None, modality="fact"), items) \
        if items else None


def _growth_basis(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    """"Oracle RPO up 363% q/q to $638bn": the rise on the basis the claim names, from the stored figures."""
    rate = read_growth_basis(claim.text)
    if rate is not None and base.level is None:  # "jumped 63% sequentially": the rate as the company states it
        items = [i for t in tickers_for(claim, base) for i in rate_items(store, rate, base, t, day)]
        return (replace(base, direction="growth_basis", negated=False), items) if items else None
    items = [i for t in tickers_for(claim, base) for i in growth_basis_items(store, rate, base, t, day)] if rate else []
    return (replace(base, direction="growth_basis", negated=False), items) if items else None


def _quarter_dip(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    """"Microsoft cuts capex: March-qtr spend falls to $31.9bn": the company's word on that quarter's dip."""
    ended = quarter_end(base.period, base.tickers)
    if ended is None or base.object not in ("capex", "projects", "ai_spend") or base.negated \
            or base.direction not in ("down", "pause", "cancel") or not reads_as_dip(claim.text, base.period.quarter):
        return None
    items = [i for t in tickers_for(claim, base) for i in quarter_dip_items(store, t, ended, day)]
    return (replace(base, direction="quarter_dip", level=None), items) if items else None


def _finance_leases(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    if not is_finance_lease_claim(claim.text):  # the figure a results call states, not capex
        return None
    reading = replace(base, object="finance_leases", negated=False)
    return reading, [i for t in tickers_for(claim, reading) for i in finance_lease_items(store, reading, t, day)]


def _site(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    """"CB-3 slips past Q3 2026" (the company's latest word on that site's date), "TeraWulf sells its stake in the
    Abernathy JV" (its own word on the sale)."""
    sale = read_stake_sale(claim.text, base.places)
    schedule = None if sale else read_schedule(claim.text, base.places, day, base.object)
    if sale is None and schedule is None:
        return None
    reading = replace(base, object="projects", direction="stake_sale" if sale else "schedule", negated=False,
                      level=None)
    return reading, [i for t in tickers_for(claim, reading)
                     for i in (stake_sale_items(store, sale, t, day) if sale
                               else schedule_items(store, schedule, t, day))]  # type: ignore[arg-type]


def _plant(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    plant = read_plant(claim.text)  # "Seagate ramps drive-unit capacity": its own word on adding units
    if plant is None:
        return None
    reading = replace(base, object="plant", direction="plant", negated=False, level=None, segment=None,
                      modality="fact")
    return reading, [i for t in tickers_for(claim, reading) for i in plant_items(store, plant, t, day)]


def _reclassified(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    """"Slashes 2026 capex to ~$175B as AI demand cools", when the company says only accounting moved it; a claim
    no call explains that way is left to the usual reading."""
    recast = read_reclassified(claim.text) if base.object in ("capex", "guidance", "leases") else None
    if recast is not None and recast.real_cut and base.direction not in ("down", "pause", "cancel"):
        recast = None  # "underlying capex rises": not a cut the accounting could explain
    items = [i for t in tickers_for(claim, base) for i in reclassified_items(store, recast, t, day)] if recast else []
    return (replace(base, direction="reclassified", negated=False, level=None), items) if items else None


def _driver(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    """"Amazon lifts 2026 capex to $220bn on surging AI demand": the company's word on what moved the figure."""
    claimed = claimed_driver(claim.text) if base.object in ("capex", "guidance", "ai_spend", "wfe") \
        and base.direction in ("up", "down") and not base.negated else None
    main = chief(claim.text)
    items = [i for t in tickers_for(claim, base) for i in driver_items(store, claimed, t, day, main)] \
        if claimed else []
    wrong = any(i.observed == "mismatch" for i in items)
    return (replace(base, direction="driver", level=None), items) if wrong else None


def _vs_guide(store: Store, claim: Claim, base: Reading, day: dt.date) -> Narrow | None:
    named = read_named_guide(claim.text)  # "capex $41bn, short of its 'over $40bn' guide": the stored result
    if named is not None:
        reading = replace(base, direction="vs_guide", negated=False, level=None, modality="fact")
        items = [i for t in tickers_for(claim, reading) for i in named_guide_items(store, named, base, t, day)]
        return (reading, items) if items else None
    vs = read_vs_guide(claim.text)  # "KLA June-qtr revenue beat guidance midpoint": the call's own figures
    if vs is None:
        return None
    reading = replace(base, object=base.object or "revenue", direction="vs_guide", negated=False, level=None,
                      modality="fact")
    return reading, [i for t in tickers_for(claim, reading) for i in vs_guide_items(store, vs, reading, t, day)]


_READERS = (_inclusion, _capex_scope, _growth_source, _input_constraint, _bottleneck, _target_revision,
            _growth_basis, _quarter_dip, _finance_leases, _site, _plant, _backstop, _roles, _deal_terms, _power_terms,
            _reclassified, _driver, _vs_guide)
