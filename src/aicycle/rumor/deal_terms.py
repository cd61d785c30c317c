"""A deal claim's own terms against the compute-contracts ledger: "Meta signs firm $27bn Nebius contract" ($12bn
firm, up to $27bn with contingent capacity), "OpenAI-Cerebras deal for 750MW valued under $5bn" (over $10bn),
"TeraWulf Abernathy JV lease worth $9.5bn over 10 years" (a 25-year lease).

The claim names the deal by its parties (both, or one and the deal's site) and states a value, megawatts or a
term; each stated term is set against the deal's. A deal that differs on every term is another deal, unless it
is the newest and the claim is news of it; a claim no deal decides is left to the usual reading.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle import contracts as ledger
from aicycle import rules
from aicycle.rumor.evidence import Item, money
from aicycle.rumor.figures import figures
from aicycle.rumor.parse import named_companies
from aicycle.rumor.records import claimed_term, deal_item, deal_power, named, party_names, stated_value
from aicycle.store import Store

# A deal that fits no claim term is still the one a claim means when the claim is news of it.
NEWS_DAYS = 30
_CLOSE = 0.15  # "~$3bn" against "approximately $3 billion"; "$10bn" against "over $10 billion"
_EXACT = 0.05  # a deal's other figures ($8.7bn with options, $920m a month) are stated to the digit
_ABOVE = re.compile(r"\b(?:over|above|more than|at least|tops?|topping|north of|exceeds?|exceeding)\s+~?$", re.I)
_BELOW = re.compile(r"\b(?:under|below|less than|at most|south of)\s+~?$", re.I)
_ROUGHLY = re.compile(r"(?:~|\b(?:about|around|approximately|roughly|nearly|almost|some|circa))\s*$", re.I)
# the ledger's record of a deal whose headline value is a ceiling ("up to approximately $14.2 billion")
_CEILING = re.compile(r"\b(?:up to|as much as)\b", re.I)
_INVEST = re.compile(r"\binvest(?:s|ed|ing|ment)?\b", re.I)
_FIRM = re.compile(r"\b(?:firm|committed|guaranteed|binding)\b", re.I)
_MONTHLY = re.compile(r"\b(?:a|per|each) month\b|\bmonthly\b|/mo(?:nth)?\b", re.I)
_YEARLY = re.compile(r"\b(?:a|per|each) year\b|\bannual(?:ly)?\b|/yr\b", re.I)
_COMPANY_SOURCES = ("press_release", "sec_filing")
_MILLIONS = re.compile(r"(\$\s?\d+(?:\.\d+)?)\s?(?:m|mn)\b")
_FIGURE_START = re.compile(r"(?<![\w.,$~])~?\$?\d")
# "$7 billion with two optional five-year extensions", "could reach as much as $27 billion": not the firm value
_CONTINGENT = re.compile(r"\b(?:option\w*|extensions?|renewals?|could|as much as|up to|contingent|additional|if)\b",
                        re.I)
_HEDGED = re.compile(r"\b(?:up to|as much as|could|potential(?:ly)?|with options?|incl\w* (?:options?|extensions?)|"
                     r"options?)\b", re.I)
# "runs through 2034" against the ledger's "through December 2032"
_END_YEAR = re.compile(r"\b(?:runs? |lasts? |extends? )?(?:through|until|to|into) (?:[A-Z][a-z]+ )?(20[2-4]\d)\b")
# A site in the ledger's words: "(Barber Lake, TX)", "Lake Mariner, NY", "(River Bend, Louisiana)".
_SITE = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+(?:[A-Z]{2}\b|[A-Z][a-z]+\))")


@dataclass(frozen=True)
class DealTerms:
    usd: tuple[float, str] | None  # (value, at | above | below)
    megawatts: tuple[float, str] | None
    years: float | None
    firm: bool | None  # "firm $27bn": the committed value, not one with options; "up to $27bn" names one with them
    rate: str | None  # month | year: "$1.25bn a month" is a payment rate, not the deal's total
    end_year: int | None = None  # "runs through 2034"
    confirmed: bool = False  # "confirmed by Alphabet": the company's own word, not a report
    invest: bool = False  # "to invest up to $100B in OpenAI": an investment, which the deal may state beside no price
    exact: bool = False  # "$19.4bn", to the decimal and unhedged: not borne out by a $17.4bn deal


def read_deal_terms(text: str) -> DealTerms | None:
    """The value, megawatts and term a claim states of a deal; None when it states none."""
    usd = megawatts = None
    exact = False
    text = _MILLIONS.sub(r"\1 million", text)  # "$920m"
    for m in _FIGURE_START.finditer(text):
        found = figures(text[m.start():m.start() + 24])
        if not found:
            continue
        _, high, unit = found[0]
        before = text[max(0, m.start() - 16):m.start()]
        op = "above" if _ABOVE.search(before) else "below" if _BELOW.search(before) else "at"
        if unit == "USD" and usd is None:
            usd = (high, op)
            exact = bool(re.match(r"\$?\d+\.\d", text[m.start():])) and not _ROUGHLY.search(before)
        elif unit == "MW" and megawatts is None:
            megawatts = (high, op)
    years = claimed_term(text)
    end = _END_YEAR.search(text)
    if usd is None and megawatts is None and years is None and end is None:
        return None
    firm = True if _FIRM.search(text) else False if _HEDGED.search(text) else None
    rate = "month" if _MONTHLY.search(text) else "year" if _YEARLY.search(text) else None
    return DealTerms(usd, megawatts, years, firm, rate, int(end.group(1)) if end else None,
                     bool(re.search(r"\bconfirm\w*\b", text, re.I)), bool(_INVEST.search(text)), exact)


def named_deals(store: Store, claim_text: str, as_of: dt.date) -> list[ledger.Contract]:
    """Deals public by as_of that the claim names: both parties, or one party and the deal's site."""
    since = as_of - dt.timedelta(days=rules.RUMOR_RECORD_DAYS)
    out = []
    for deal in ledger.as_of(store, as_of, since=since):
        buyer, seller = named(party_names(deal.buyer), claim_text), named(party_names(deal.seller), claim_text)
        sites = set(_SITE.findall(f"{deal.buyer} {deal.seller} {deal.capacity_text or ''}"))
        if buyer and seller or (buyer or seller) and any(s in claim_text for s in sites):
            out.append(deal)
    return out


def deal_terms_items(store: Store, terms: DealTerms, claim_text: str, as_of: dt.date) -> list[Item]:
    """The named deals as evidence: one that fits every term the claim states bears it out; one that fits a term
    and differs on another (the deal the claim means, told wrong), or the newest when it is news of the last
    month and differs on all, refutes it. Empty when no deal decides the claim."""
    deals = named_deals(store, claim_text, as_of)
    newest = max(deals, key=lambda d: d.announced_on, default=None)
    items = []
    for deal in deals:
        results = _compare(terms, deal)
        right = [how for ok, how in results if ok is True]
        wrong = [how for ok, how in results if ok is False]
        news = deal is newest and (as_of - deal.announced_on).days <= NEWS_DAYS
        if right and not wrong:
            items.append(deal_item(deal, "match", "; ".join(right)))
        elif wrong and (right or news):
            items.append(deal_item(deal, "mismatch", "; ".join(wrong)))
    fitting = [i for i in items if i.observed == "match"]
    # a deal that fits is the one the claim means; the parties' other deals are others
    return fitting or items or _other_party(store, terms, claim_text, as_of)


def _other_party(store: Store, terms: DealTerms, claim_text: str, as_of: dt.date) -> list[Item]:
    """"OpenAI signs $38B multi-year compute deal with Google Cloud": the one party's deal of that very value, news of
    the last month, is with another company (Amazon Web Services) than the one the claim names."""
    if terms.usd is None or terms.usd[1] != "at":
        return []
    value = terms.usd[0]
    others = {t for t, _ in named_companies(claim_text)}
    for deal in ledger.as_of(store, as_of, since=as_of - dt.timedelta(days=NEWS_DAYS)):
        buyer, seller = named(party_names(deal.buyer), claim_text), named(party_names(deal.seller), claim_text)
        if buyer == seller or deal.value_usd is None or abs(deal.value_usd - value) > _EXACT * value:
            continue  # the claim must name exactly one party of a deal of its value
        stranger = others - {deal.buyer_ticker, deal.seller_ticker}
        if stranger:
            party = deal.seller if buyer else deal.buyer
            return [deal_item(deal, "mismatch", f"the {money(value)} deal is with {party}, not the company the claim "
                                                f"names")]
    return []


def _compare(terms: DealTerms, deal: ledger.Contract) -> list[tuple[bool, str]]:
    """Each term the claim states that the ledger states too: (agrees, how). None where the claim's value is the
    point and the deal has no stated value (an analyst's estimate is not the deal's)."""
    if terms.usd is not None and deal.value_usd is None and not _investment(terms, deal):
        return []
    if terms.confirmed and deal.source_type not in _COMPANY_SOURCES:
        return []  # "confirmed by Alphabet": a news report of the deal does not bear out the company's word
    results = [_value(terms, deal), _power(terms, deal), _term(terms, deal), _end(terms, deal)]
    if results[0][0] is False and terms.usd and _states(deal, terms.usd[0]):
        results.append((True, f"the deal stating {money(terms.usd[0])}"))  # its figure names it, whatever is wrong
    return [(ok, how) for ok, how in results if ok is not None]


def _value(terms: DealTerms, deal: ledger.Contract) -> tuple[bool | None, str]:
    if terms.usd is None:
        return None, ""
    value, op = terms.usd
    headline = None if terms.rate else deal.value_usd  # "$920m a month" is not the $32bn total
    if op != "at":
        if headline is None:
            return None, ""
        ok = headline >= value if op == "above" else headline < value
        return ok, f"valued at {money(headline)}, {'' if ok else 'not '}{'past' if op == 'above' else 'under'} " \
                   f"the claim's {money(value)}"
    if headline is not None and abs(headline - value) <= (_EXACT if terms.exact else _CLOSE) * value:
        if terms.firm and _CEILING.search(deal.value_text or ""):  # a curator's note may record the deal's wording
            return False, f"{money(headline)} is what the deal could reach (up to), not a firm commitment"
        return True, f"valued at {money(headline)}, as the claim says"
    for clause in stated_value(deal).split(";"):
        rate = "month" if _MONTHLY.search(clause) else "year" if _YEARLY.search(clause) else None
        if not any(u == "USD" and abs(v - value) <= _EXACT * value for _, v, u in figures(clause)):
            continue
        if rate != terms.rate:
            return False, f"{money(value)} is {'a total' if rate is None else 'paid a ' + rate}, " \
                          f"not {'a total' if terms.rate is None else 'a ' + terms.rate}"
        if _CONTINGENT.search(clause) and terms.firm is not False:
            firm = f"the firm value is {money(deal.value_usd)}; " if deal.value_usd else ""
            return False, f"{firm}{money(value)} counts options or contingent capacity"
        return True, f"{money(value)} is a figure the deal states"
    stated = [v for _, v, u in figures(stated_value(deal)) if u == "USD"]
    if headline is None and stated and _investment(terms, deal):
        return False, f"the investment stated is {money(max(stated))}, not {money(value)}"
    if headline is None:
        return None, ""
    if any(u == "USD" and abs(headline + v - value) <= _EXACT * value for _, v, u in figures(stated_value(deal))) \
            and _CONTINGENT.search(stated_value(deal)):
        return False, f"the firm value is {money(headline)}; {money(value)} adds what is only an option"
    return False, f"valued at {money(headline)}, not {money(value)}"


def _states(deal: ledger.Contract, value: float) -> bool:
    """Whether the deal states this very figure: its value, or one its source gives (with options, a month)."""
    stated = [v for _, v, u in figures(stated_value(deal)) if u == "USD"] + [deal.value_usd or 0.0]
    return any(abs(v - value) <= _EXACT * value for v in stated)


def _investment(terms: DealTerms, deal: ledger.Contract) -> bool:
    """A claim about an investment, and a deal whose source states the investment itself."""
    return terms.invest and bool(_INVEST.search(stated_value(deal)))


def _end(terms: DealTerms, deal: ledger.Contract) -> tuple[bool | None, str]:
    said = _END_YEAR.search(f"{deal.capacity_text or ''}; {stated_value(deal)}")
    if terms.end_year is None or said is None:
        return None, ""
    ends = int(said.group(1))
    same = ends == terms.end_year
    return same, f"runs through {ends}" + ("" if same else f", not {terms.end_year}")


def _power(terms: DealTerms, deal: ledger.Contract) -> tuple[bool | None, str]:
    if terms.megawatts is None:
        return None, ""
    value, op = terms.megawatts
    if op == "below" and terms.firm is False and _CEILING.search(deal.capacity_text or ""):
        op = "at"  # "up to 6GW" of a deal for "up to 6 GW": the same ceiling
    seen, how = deal_power(value, op, deal.capacity_text or "")
    if seen is None:
        return None, ""
    ok = seen == {"above": "above", "below": "below"}.get(op, "match")
    if ok and terms.firm and _CEILING.search(deal.capacity_text or ""):  # "a firm 6GW order" of "up to 6 GW"
        return False, f"{how}, but up to them: what the deal could reach, not a firm order"
    return ok, how


def _term(terms: DealTerms, deal: ledger.Contract) -> tuple[bool | None, str]:
    if terms.years is None or not deal.term_years:
        return None, ""
    if abs(deal.term_years - terms.years) <= 0.5:
        return True, f"a {deal.term_years:g}-year deal, as the claim says"
    return False, f"a {deal.term_years:g}-year deal, not {terms.years:g} years"
