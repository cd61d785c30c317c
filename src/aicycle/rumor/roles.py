"""Who rents compute from whom: "IREN is renting data-center capacity from Microsoft" (Microsoft buys capacity from
IREN), "Google is TeraWulf's tenant at Lake Mariner" (Fluidstack is the tenant; Google backstops its lease). The
claim gives a buyer and a seller; the ledger's deals between them say which is which."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle import contracts as ledger
from aicycle import rules
from aicycle.rumor.backstop import BACKER
from aicycle.rumor.evidence import Item
from aicycle.rumor.records import deal_item, named, party_names
from aicycle.store import Store

_WHO = r"(?P<{}>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)"
# "IREN is renting data-center capacity from Microsoft", "Meta buys compute from CoreWeave"
_FROM = re.compile(_WHO.format("buyer") + r"\s+(?:is\s+|are\s+|was\s+|has\s+been\s+|to\s+spend\s+\S+\s+)?"
                   r"(?:rent|leas|buy|bought|purchas)\w*\s+(?!out\b)(?:[\w-]+\s+){0,4}?from\s+" + _WHO.format("seller"))
# "Nebius sells compute to Microsoft", "CoreWeave is renting out GPUs to Meta"
_TO = re.compile(_WHO.format("seller") + r"\s+(?:is\s+|are\s+|was\s+|has\s+been\s+)?(?:sell|sold|rent\w*\s+out|"
                 r"leas\w*\s+out|provid|suppl)\w*\s+(?:[\w-]+\s+){0,4}?to\s+" + _WHO.format("buyer"))
# "Google is TeraWulf's tenant"
_TENANT = re.compile(_WHO.format("buyer") + r"\s+(?:is|was|becomes)\s+(?:the\s+)?" + _WHO.format("seller")
                     + r"'s\s+(?:\w+\s+)?(?:tenant|customer|client)\b")


@dataclass(frozen=True)
class Roles:
    buyer: str
    seller: str


def read_roles(text: str) -> Roles | None:
    """The buyer and seller of compute a claim names, or None when it names no such pair."""
    m = _FROM.search(text) or _TO.search(text) or _TENANT.search(text)
    return Roles(m.group("buyer"), m.group("seller")) if m else None


def roles_items(store: Store, roles: Roles, claim_text: str, as_of: dt.date) -> list[Item]:
    """The deals between the two: one with them in the claim's roles bears it out, one with the roles the other way
    round refutes it; with no deal between them, a deal of the seller's that the claimed buyer only backstops
    refutes it."""
    deals = ledger.as_of(store, as_of, since=as_of - dt.timedelta(days=rules.RUMOR_RECORD_DAYS))

    def plays(party: str, words: str) -> bool:
        return named(party_names(party), words)

    right = [d for d in deals if plays(d.buyer, roles.buyer) and plays(d.seller, roles.seller)
             and not _backer_only(d.buyer, roles.buyer)]
    if right:
        return [deal_item(_at_site(right, claim_text), "match", f"{roles.buyer} buys from {roles.seller}")]
    wrong = [d for d in deals if plays(d.buyer, roles.seller) and plays(d.seller, roles.buyer)]
    if wrong:
        return [deal_item(_at_site(wrong, claim_text), "mismatch",
                          f"{roles.seller} buys from {roles.buyer}, not the other way round")]
    backed = [d for d in deals if plays(d.seller, roles.seller) and _backer_only(d.buyer, roles.buyer)]
    if backed:
        deal = _at_site(backed, claim_text)
        return [deal_item(deal, "mismatch", f"the buyer is {deal.buyer.split(' (')[0]}; {roles.buyer} backstops "
                                            f"its lease")]
    return []


def _at_site(deals: list[ledger.Contract], claim_text: str) -> ledger.Contract:
    """The deal at the site the claim names ("at Lake Mariner"), else the latest."""
    def site_named(deal: ledger.Contract) -> bool:
        where = f"{deal.seller} {deal.capacity_text or ''} {deal.quote or ''}"
        return any(w in where for w in re.findall(r"\b(?:at|in)\s+((?:[A-Z]\w+\s?){1,3})", claim_text)
                   for w in [w.strip()])
    return max(deals, key=lambda d: (site_named(d), d.announced_on))


def _backer_only(party: str, words: str) -> bool:
    """Whether the words name only the backstop recorded beside a party ("Fluidstack (Google backstop $1.4B)")."""
    backer = BACKER.search(party)
    if backer is None:
        return False
    return named({backer.group(1).lower()}, words) and not named(party_names(party.split(" (")[0]), words)
