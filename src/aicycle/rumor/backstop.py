"""Who backstops which deal: "Google is backstopping Cipher's new AWS lease" (Google backs Cipher's leases with
Fluidstack; the AWS lease has no backstop in the ledger). The ledger records a backstop beside the party it backs
("Fluidstack (Google backstop $1.4B)"); the deal between the parties the claim names either carries the
backstopper's name or does not, and another deal of theirs carrying it says where the backstop is."""

from __future__ import annotations

import datetime as dt
import re

from aicycle import contracts as ledger
from aicycle import rules
from aicycle.rumor.evidence import Item
from aicycle.rumor.records import deal_item, named, party_names
from aicycle.store import Store

# "Google is backstopping", "Google backstops", "backstopped by Google"
_BY = re.compile(r"\b(?P<who>[A-Z][\w.&-]+)\s+(?:is\s+|to\s+|will\s+)?(?:backstop\w*|guarantee\w*)\b|"
                 r"\b(?:backstopped|guaranteed)\s+by\s+(?P<by>[A-Z][\w.&-]+)", re.I)


# the ledger's record of who backstops a party: "Fluidstack (Google backstop $1.4B)"
BACKER = re.compile(r"\((\w[\w.&-]*) backstop\b")


def backstopper(text: str) -> str | None:
    """The company a claim says backstops a deal, or None when it says of none."""
    m = _BY.search(text)
    return (m.group("who") or m.group("by")) if m else None


def backstop_items(store: Store, who: str, claim_text: str, as_of: dt.date) -> list[Item]:
    """The deal between the parties the claim names, judged on whether the ledger records `who` backstopping it; else
    another deal of one of them that `who` backstops, as evidence the backstop is elsewhere."""
    since = as_of - dt.timedelta(days=rules.RUMOR_RECORD_DAYS)
    deals = ledger.as_of(store, as_of, since=since)
    rest = claim_text.replace(who, " ")

    def backs(deal: ledger.Contract) -> bool:
        return bool(re.search(rf"\b{re.escape(who)}\b[^;)]*backstop|backstop[^;)]*\b{re.escape(who)}\b",
                              f"{deal.buyer} {deal.seller} {deal.value_text or ''}", re.I))

    def parties(deal: ledger.Contract) -> tuple[bool, bool]:
        return named(party_names(deal.buyer) - {who.lower()}, rest), named(party_names(deal.seller), rest)

    both = [d for d in deals if all(parties(d))]
    if any(backs(d) for d in both):
        return [_item(next(d for d in both if backs(d)), "match", f"{who} backstops it")]
    elsewhere = [d for d in deals if any(parties(d)) and backs(d)]
    if both and elsewhere:
        return [_item(both[-1], "mismatch", f"the ledger records no backstop by {who} on it"),
                _item(elsewhere[-1], None, f"{who} backstops this deal instead")]
    other = next((d for d in reversed(both) if BACKER.search(f"{d.buyer} {d.seller}")), None)
    if other is not None:  # "Amazon is backstopping Cipher's Fluidstack lease": Google backstops it
        backer = BACKER.search(f"{other.buyer} {other.seller}")
        return [_item(other, "mismatch", f"{backer.group(1) if backer else 'another company'} backstops it, "
                                         f"not {who}")]
    return []


def _item(deal: ledger.Contract, seen: str | None, how: str) -> Item:
    item = deal_item(deal, seen, how)
    item.text = f"{item.text}; {how}"
    return item
