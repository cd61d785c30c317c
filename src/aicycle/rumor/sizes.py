"""How big a rise or fall a claim names against how big the evidence says it was: "more than doubles" is not borne
out by +76%, "roughly tripled" not by a 4.5-fold rise, "fell more than 10%" not by -8.5%; a company's words that
something rose give the rise they state."""

from __future__ import annotations

import re

from aicycle import rules
from aicycle.rumor import price_window
from aicycle.rumor.amounts import TIMES
from aicycle.rumor.evidence import Item

_PART_REVENUE = re.compile(r"\b(?:cpu|gpu|data cent\w+|gaming|networking|automotive|hbm|dram|nand|cloud|ai|"
                           r"server|storage|software)\s+(?:\w+\s+)?(?:revenue|sales)\b", re.I)
_SAID_RISE = re.compile(r"\b(?:up|increas\w*|gr[eo]w\w*|rose|rise\w*|jump\w*|climb\w*)\s+(?:revenues?\s+)?(?:by\s+)?"
                        r"(?:approximately\s+|about\s+|nearly\s+)?(\d+(?:\.\d+)?)\s?%", re.I)


def said_rise(item: Item, whole: bool = False) -> Item:
    """A company's latest words that something rose, with the rise they state, so "surges more than 50%" can be
    set against "increased 14%" (the largest rise quoted counts; "more than doubled" counts as 100%). For a claim
    about the whole, a quote about one product's revenue ("CPU revenue to more than double") does not count."""
    if item.signal != "said_document" or item.change is not None or item.observed != "up":
        return item
    quotes = [q for q in item.text.split(" / ") if not (whole and _PART_REVENUE.search(q))]
    words = " / ".join(quotes)
    rises = [float(m.group(1)) for m in _SAID_RISE.finditer(words)]
    rises += [100.0 * (times - 1) for word, times in TIMES.items() if word in words.lower()]
    if rises:
        item.change = max(rises) / 100
    return item


def unsized(item: Item) -> Item:
    """Words that something rose, or will, with no size: they do not say it doubled."""
    if item.signal == "said_document" and item.observed == "up" and item.change is None \
            and not re.search(r"\d\s?%|\bpercent\b|\bdoubl|\btripl|\bquadrupl|\bfold\b", item.text, re.I):
        item.observed, item.weight = None, 0.0
        item.text += " (a rise with no size: it does not say by how much)"
    return item


def short_of_growth(item: Item, growth: float, most: float | None = None) -> Item:
    """'More than doubles' is not borne out by a 76% rise: a figure that rose by less than the claim says
    points against it; so does one that rose far more than a multiple the claim names ('roughly tripled': +346%)."""
    if most is not None and item.observed in ("up", "faster") and item.change is not None and item.change > most \
            and item.signal != "said_document":  # words ("growing triple digits") give a least rise, not a size
        item.observed = "beyond"
        item.text += f" (far more than the rise the claim names, at most {most * 100:+.0f}%)"
        return item
    if item.observed in ("up", "faster") and item.change is not None and item.change < growth:
        if (item.method or "").startswith(price_window.FROM_LOW_METHOD):
            # a rise from the low to today has no end date: smaller so far is not yet, not false
            item.observed = None
            item.text += f" (a rise so far smaller than the claim's, at least {growth * 100:+.0f}%)"
            return item
        item.observed = "short"
        item.text += f" (less than the rise the claim names, at least {growth * 100:+.0f}%)"
    return item


def short_of_fall(item: Item, fall: float, floor: bool) -> Item:
    """A fall smaller than the floor a claim names, or far from the size it names, points against it."""
    if item.observed != "down" or item.change is None or item.change >= 0:
        return item
    size = -item.change
    if size < fall - 0.005 if floor else abs(size - fall) > max(0.015, 0.25 * fall):
        item.observed = "flat"
        item.text += f" (not the fall the claim names, {'more than ' if floor else 'about '}{fall * 100:.0f}%)"
    return item


# "slid", "edged up", "ticked down": a small move is the claim; a price band's "flat" does not refute it
_MILD = re.compile(r"\b(?:slid|slides?|slipp?(?:ed|s)?|dipp?(?:ed|s)?|edg(?:e|es|ed) (?:up|down|higher|lower)|"
                   r"tick(?:s|ed)? (?:up|down|higher|lower)|eas(?:e|es|ed)|soften(?:s|ed)?|firm(?:s|ed)|"
                   r"creep(?:s)? up|crept up|inch(?:es|ed)? (?:up|down|higher|lower))\b", re.I)


def mild_move(item: Item, claim_text: str) -> Item:
    """A price read as flat within its band that moved at least 2% the way a mild word says ("B200 prices slid",
    -3.5%) bears the word out."""
    if item.observed == "flat" and item.change is not None and abs(item.change) >= rules.RUMOR_MILD_MOVE \
            and _MILD.search(claim_text):
        item.observed = "up" if item.change > 0 else "down"
        item.text += " (a small move, as the claim's word says)"
    return item
