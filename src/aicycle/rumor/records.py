"""Dated records that decide claims about deals and the grid: compute contracts and power events.

Contracts are read through `aicycle.contracts.as_of` (public by the as-of date, the parties typed),
grid and permitting events through `aicycle.grid.events` (public by the as-of date, weighed the way
the power checkpoint weighs them), so the check and the report read the same rows the same way.
"""

from __future__ import annotations

import datetime as dt
import re

from aicycle import contracts as ledger
from aicycle import grid, rules
from aicycle.rumor import vocab
from aicycle.rumor.evidence import Item, money
from aicycle.rumor.figures import figures
from aicycle.rumor.parse import proper_names
from aicycle.rumor.reading import Reading
from aicycle.store import Store

_GENERIC = {"cloud", "services", "web", "the", "and", "for", "group", "energy", "power", "data", "center",
            "centers", "inc", "corp", "company", "funds", "backstop", "lessee", "end", "user", "global",
            "hyperscale", "platform", "google backstop", "tpus", "electric", "delivery", "national", "government"}
_PARTY_ALIASES = {"amazon": ("amazon", "aws"), "aws": ("amazon", "aws"), "google": ("google", "alphabet"),
                  "microsoft": ("microsoft", "azure"), "azure": ("microsoft", "azure"), "spacex": ("spacex", "xai"),
                  "xai": ("spacex", "xai"), "meta": ("meta", "facebook"), "nvidia": ("nvidia",)}
# Which power events speak to which claim words (event kinds as the power_events table names them).
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("queue", r"queue|interconnection requests?|large[- ]loads?"),
    ("capacity_price", r"capacity (?:price|auction)|auction"),
    ("load_pipeline", r"pipeline|contracted|load"), ("turbine_backlog", r"turbines?"),
    ("transformer", r"transformers?"), ("moratorium", r"moratori\w*|hookups?|connections?|halt\w*|paus\w*|ban|bar\w*"),
    ("permit", r"permit\w*|connection|block\w*|reject\w*"),
    ("ppa", r"power purchase|ppa|nuclear"),
)
_PAUSE_KINDS = ("moratorium", "permit")


def _since(as_of: dt.date) -> dt.date:
    return as_of - dt.timedelta(days=rules.RUMOR_RECORD_DAYS)


# --- compute contracts --------------------------------------------------------------------------

def party_names(party: str) -> set[str]:
    main = re.split(r"[(/;]", party)[0]
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w.&-]+", main) if w.lower() not in _GENERIC}
    out = set(words)
    for w in words:
        out.update(_PARTY_ALIASES.get(w, ()))
    return out


def named(names: set[str], text: str) -> bool:
    """Whether the text names a party: in its own words, or by a nickname the headline reader knows."""
    return any(re.search(rf"(?<!\w){re.escape(n)}(?:'s)?(?!\w)", where, re.I) for n in names if len(n) > 2
               for where in (text, proper_names(text)))


def contract_items(store: Store, reading: Reading, claim_text: str, as_of: dt.date) -> list[Item]:
    """Contracts between the parties the claim names (both named), public by as_of."""
    items = []
    deals = [d for d in ledger.as_of(store, as_of, since=_since(as_of))
             if named(party_names(d.buyer), claim_text) and named(party_names(d.seller), claim_text)
             and not (reading.object == "leases" and "lease" not in f"{d.kind} {d.quote or ''}")]
    for deal in deals:
        seen, how = _deal_size(reading, deal)
        term = claimed_term(claim_text)
        if seen in ("up", "match") and term is not None and deal.term_years and abs(deal.term_years - term) > 0.5:
            seen, how = "down", f"a {deal.term_years:g}-year deal, not {term:g} years"  # "runs ten years"
        if seen in ("down", "mismatch") and len(deals) > 1:
            seen = None  # one of several deals between them: the claim may mean another, or one still to come
        items.append(deal_item(deal, seen, f"both parties named; {how}"))
    return items


def stated_value(deal: ledger.Contract) -> str:
    """The deal's value as its source states it: the curator's bracketed notes ("[note: ... per another
    outlet; not in this source]") are not the source's words."""
    return re.sub(r"\s*\[note:[^\]]*\]", "", deal.value_text or "").strip()


def deal_item(deal: ledger.Contract, seen: str | None, how: str) -> Item:
    """One ledger deal as evidence: the parties, its value, term and capacity, and the ledger's quote."""
    quote = _short(deal.quote or stated_value(deal))
    text = (f"{deal.buyer} / {deal.seller} ({deal.kind.replace('_', ' ')}"
            + (f", {money(deal.value_usd)}" if deal.value_usd else "")
            + (f", {deal.term_years:g} years" if deal.term_years else "")
            + (f", {deal.capacity_text}" if deal.capacity_text else "") + f"): \u201c{quote}\u201d")
    return Item(signal="contract", text=text, date=deal.announced_on, source=deal.source, kind="curated",
                observed=seen, weight=0.9 if seen else 0.0, url=deal.url, value=deal.value_usd,
                unit="USD" if deal.value_usd else None, ticker=None, period=deal.announced_text,
                method=f"compute-contracts ledger ({deal.source_type}): {how}")


def _deal_size(reading: Reading, deal: ledger.Contract) -> tuple[str | None, str]:
    """A claim naming a dollar size is borne out by a deal of about that size; a deal between the same
    parties with no stated value, or another value, is another step of the relationship."""
    level = reading.level
    if level is not None and level.unit == "MW":
        return deal_power(level.value, level.op, deal.capacity_text or "")
    if level is None or level.unit != "USD":
        return "up", "a deal between them"
    if deal.value_usd is None:
        return None, "no value stated, the claim names one"
    close = abs(deal.value_usd - level.value) <= 0.15 * level.value
    return ("up", "value matches") if close else (None, "another value")


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "decade": 10}
_TERM = re.compile(r"\b(?:runs?|lasts?|spans?|term of|for|over|across)\s+(?:about\s+|roughly\s+)?"
                   r"(?P<a>\d+|[a-z]+)\s+(?:years?|yrs?)\b|"
                   r"\b(?P<b>\d+|[a-z]+)[- ](?:year|yr)\b(?!\s+(?:high|low|old|ago))|\b(?P<c>decade)[- ]long\b", re.I)


def claimed_term(text: str) -> float | None:
    """The years a deal claim says it runs ("runs ten years", "15-year lease", "decade-long"), if it says."""
    for m in _TERM.finditer(text):
        word = (m.group("a") or m.group("b") or m.group("c")).lower()
        value = float(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        if value is not None and 0 < value <= 40:
            return value
    return None


def deal_power(value: float, op: str, capacity: str) -> tuple[str | None, str]:
    """"Cipher's AWS lease covers 500 MW" against the ledger's "300 MW delivered in two phases": the deal's own
    megawatts (the largest it states), not just that a deal was signed."""
    stated = [high for _, high, unit in figures(capacity) if unit == "MW"]
    if not stated:
        return None, "no megawatts stated, the claim names them"
    mw = max(stated)
    if op == "above":
        return ("above", "megawatts past the claim's") if mw >= value else ("below", "fewer megawatts")
    if op == "below":
        return ("below", "megawatts under the claim's") if mw < value else ("above", "more megawatts")
    close = abs(mw - value) <= 0.1 * value
    return ("match", "megawatts match") if close else ("mismatch", f"{mw:g} MW, not the claim's")


# --- power events -------------------------------------------------------------------------------

def _actor_filter(claim_text: str) -> re.Pattern[str] | None:
    for _, pattern in vocab.POWER_ACTORS:
        if re.search(rf"(?<!\w)(?:{pattern})(?!\w)", claim_text, re.I):
            return re.compile(pattern, re.I)
    for _, name, aliases in vocab.EXTRA_SUBJECTS:
        for alias in aliases:
            if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", claim_text):
                return re.compile(re.escape(name), re.I)
    return None


def names_power_actor(claim_text: str) -> bool:
    return any(re.search(rf"(?<!\w)(?:{p})(?!\w)", claim_text, re.I) for _, p in vocab.POWER_ACTORS)


def _kinds(claim_text: str) -> set[str]:
    return {kind for kind, words in _KIND_WORDS if re.search(rf"(?<!\w)(?:{words})(?!\w)", claim_text, re.I)}


def power_items(store: Store, reading: Reading, claim_text: str, as_of: dt.date) -> list[Item]:
    events = [e for e in grid.events(store, as_of, since=_since(as_of))][::-1]  # oldest first
    actor = _actor_filter(claim_text)
    if actor is not None:
        events = [e for e in events if actor.search(f"{e.actor} {e.region}")]
    if reading.places:  # "the Stargate campus in Abilene": only events naming the place speak to it
        events = [e for e in events if any(re.search(rf"(?<!\w){re.escape(p)}", _words(e), re.I)
                                           for p in reading.places)] if any(
            re.search(rf"(?<!\w){re.escape(p)}", _words(e), re.I) for e in events for p in reading.places
        ) or not _broad(claim_text) else []
    kinds = _kinds(claim_text)
    if reading.direction in ("pause", "cancel"):
        kinds = kinds & set(_PAUSE_KINDS) or set(_PAUSE_KINDS)
    if kinds:
        events = [e for e in events if e.event_kind in kinds]
    if not events:
        return []
    if reading.level and (reading.level.op != "at" or reading.level.unit == "MW" and reading.direction is None) \
            or reading.direction in ("up", "down", "flat"):
        return _power_levels(store, events, reading, claim_text, as_of)
    items = []
    booked = [e for e in events if e.unit == "booked-through year" and e.value is not None]
    through_year = reading.direction in vocab.TIGHTNESS and reading.period.year is not None and booked
    for event in events[-4:]:
        seen = {"tightening": "tight", "easing": "loose"}.get(event.direction)
        if through_year:
            # "booked through 2029": the latest booked-through year decides ("fully booked through 2028, limited
            # 2029 slots" says not yet); an order book's size does not say through when
            seen = None if event is not booked[-1] else (
                "tight" if (event.value or 0) >= (reading.period.year or 0) else "loose")
            if seen and _ONLY_THROUGH.search(claim_text):  # "booked only through 2028": not through 2029 by now
                seen = "tight" if event.value == reading.period.year else "loose"
        if reading.direction in ("pause", "cancel"):
            seen = "paused" if seen == "tight" and _in_force(event, as_of) else None
        items.append(power_item(event, seen, 0.7))
    return items


_ONLY_THROUGH = re.compile(r"\bonly (?:through|until|into)\b", re.I)
_STOPPED = re.compile(r"\b(?:pull\w* back|paus\w*|halt\w*|stop\w*|end\w* negotiations|cancel\w*|reject\w*|"
                      r"vot\w* (?:against|to (?:stop|end|reject))|withdr[ae]w\w*|scrap\w*|block\w*|deni\w*)\b", re.I)


# "Tucson approves Project Blue", "green-lights": a permit granted (against one stopped)
APPROVED = re.compile(r"\b(?:approv(?:es|ed|al)|green-?light\w*|green-?lit|okays?|okayed|clear(?:s|ed) the way)\b",
                      re.I)


def project_items(store: Store, reading: Reading, subject: str | None, as_of: dt.date) -> list[Item]:
    """A project said to be paused or stopped ("Tucson blocks Project Blue", "Microsoft pulls back on projects
    including one in Ohio"): permitting and grid events that name the place and say it was stopped."""
    items = []
    for event in grid.events(store, as_of, since=_since(as_of)):
        words = _words(event)
        if not any(re.search(rf"(?<!\w){re.escape(p)}", words, re.I) for p in reading.places):
            continue
        if subject and not re.search(re.escape(subject.split()[0]), words, re.I) \
                and not any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", words) for p in reading.places if " " in p):
            continue  # "Ohio" alone names a state, not the subject's project
        granted = reading.direction not in ("pause", "cancel") and APPROVED.search(words)  # an approval claim's
        seen = "paused" if _STOPPED.search(words) else "up" if granted else None
        items.append(power_item(event, seen, 0.7))
    return items[:4]


def _words(event: grid.Event) -> str:
    return f"{event.actor} {event.region} {event.text} {event.row.get('quote') or ''}"


def _broad(claim_text: str) -> bool:
    """A claim about a site or project rather than a grid, a market or a place's rules."""
    return re.search(r"\b(?:campus|site|project|plant|facility|data center in)\b", claim_text, re.I) is not None


def _in_force(event: grid.Event, as_of: dt.date) -> bool:
    """A moratorium speaks to "X halts hookups" only while in force (grid.weigh's rule); other kinds do."""
    return event.event_kind != "moratorium" or event.counts


def _power_levels(store: Store, events: list[grid.Event], reading: Reading, claim_text: str,
                  as_of: dt.date) -> list[Item]:
    """A running series' latest level (grid.belongs), against the claim's line or the level before it."""
    valued = [e for e in events if e.value is not None]
    if not valued:
        return []
    latest = valued[-1]
    series = next((s for s in grid.SERIES if grid.belongs(latest, s)), None)
    public = grid.events(store, as_of)  # the whole history of the series, not the claim's window
    same = ([e for e in public[::-1] if grid.belongs(e, series)] if series is not None else
            [e for e in valued if e.region == latest.region and e.unit == latest.unit and e.actor == latest.actor])
    value = float(latest.value or 0.0)
    if str(latest.unit or "").upper() == "GW":
        value *= 1000.0  # the claim's gigawatts are held in MW
    if reading.level and reading.level.op == "at" and reading.direction is None:
        # "Dominion's contracted data-center capacity hits ~51 GW": the series' latest figure, near the claim's
        # (another figure may be the level before it is reached, or another measure: it bears on nothing)
        near = abs(value - reading.level.value) <= 0.05 * reading.level.value
        return [power_item(latest, "match" if near else None, 1.0)]
    if reading.level and reading.level.op in ("above", "below"):
        seen: str | None = "above" if value >= reading.level.value else "below"
        actor = _actor_filter(claim_text)
        if seen == "below" and (actor is not None and not actor.search(latest.actor) or series is None):
            # one utility's 59 GW in ERCOT says nothing against ERCOT's queue topping 200 GW; nor does a figure
            # of no running series (a 75 MW review batch) against the queue's size
            seen = None
        return [power_item(latest, seen, 1.0)]
    earlier = [float(e.value or 0.0) for e in same if e.filed < latest.filed]
    if not earlier:
        return []
    if re.search(r"\brecord\b", claim_text, re.I):
        seen = "up" if value > max(earlier) else "down"
    else:
        seen = "up" if value > earlier[-1] else "down" if value < earlier[-1] else "flat"
    return [power_item(latest, seen, 1.0)]


def power_item(event: grid.Event, seen: str | None, weight: float) -> Item:
    value = f" {event.value:g} {event.unit}" if event.value is not None else ""
    text = (f"{event.actor} ({event.region}, {event.event_kind.replace('_', ' ')}, {event.direction}{value}): "
            f"\u201c{_short(str(event.row.get('quote') or event.text))}\u201d")
    return Item(signal="power_event", text=text, date=event.filed, source=str(event.row.get("source") or ""),
                kind="curated", observed=seen, weight=weight if seen else 0.0, url=event.row.get("url"),
                ticker=event.actor, period=str(event.day), method=f"power and permitting events ({event.source_type})")


def _short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
