"""A power or permitting claim read on the terms of the event it names: "Constellation-Microsoft Three Mile Island
restart comes with a 10-year PPA" (the PPA runs 20 years), "FERC OKs Talen's bid to lift co-located load at
Susquehanna to 480 MW" (FERC rejected it), "xAI gets air permit for 15 permanent gas turbines at Colossus",
"Texas PUCT's 'Batch Zero' is a moratorium" (a one-time review of new large loads). The stored event whose names
the claim shares is found; its figures (a term in years, megawatts, a share, a count of turbines or plants), its
kind and what the regulator did are set against the claim's. A claim that names no stored event, or whose terms the
event does not state, is left to the usual reading."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle import grid
from aicycle.rumor.evidence import Item
from aicycle.rumor.records import power_item
from aicycle.store import Store

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_NUMBER = r"(\d[\d,]*(?:\.\d+)?|" + "|".join(_NUMBERS) + r")"
# (unit, pattern): the figures a power event states
_FIGURES = (
    ("year", re.compile(rf"\b{_NUMBER}[- ]years?\b", re.I)),
    ("MW", re.compile(rf"\b{_NUMBER}\s?(mw|gw|megawatts?|gigawatts?)\b", re.I)),
    ("pct", re.compile(rf"\b{_NUMBER}\s?(?:%|percent)", re.I)),
    ("turbine", re.compile(rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?turbines?\b", re.I)),
    ("plant", re.compile(rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?plants?\b", re.I)),
)
_UNITS = {"mw": "MW", "gw": "MW", "pct": "pct", "gas turbines": "turbine", "gas plants": "plant"}
# what a regulator did: let it go ahead, or stop it
# (a regulator's words: a company halting its own build, or a queue "clearing", is not one)
_YES = re.compile(r"\b(?:oks?|ok'?d|okay\w*|approv\w*|grant\w*|authori[sz]\w*|permit(?:s|ted)?|"
                  r"fast-?track\w*|green-?light\w*|adopt\w*|"
                  # a regulator's order that something be done: "FERC orders PJM to write co-location rules"
                  r"orders?|ordered|direct(?:s|ed|ing)|requir(?:es|ed))\b", re.I)
_NO = re.compile(r"\b(?:reject\w*|den(?:y|ies|ied)|block\w*|moratori\w*|bans?|banned)\b", re.I)
_UNCONDITIONAL = re.compile(r"\bno strings\b|\bno conditions\b|\bunconditional\w*|\bwithout (?:any )?conditions\b",
                            re.I)
_CONDITIONS = re.compile(r"\b(?:must|required?|requirements?|conditions?|conditional|provision of|at least|"
                         r"subject to)\b", re.I)
_MORATORIUM = re.compile(r"\bmoratori\w*", re.I)
# "~180 GW" sought by prospective customers is not firm contracts
_PROSPECTIVE = re.compile(r"\b(?:prospective|seeking|sought|requests?|requested|inquir\w*|pipeline)\b[^.;]{0,40}$",
                          re.I)
_NOT_NAMES = {"the", "data", "new", "gas", "ppa", "us", "ai", "per", "and", "for", "with", "after", "says", "said",
              "oks"}
_CLOSE = 0.03


@dataclass(frozen=True)
class Figure:
    unit: str
    value: float
    at: int  # where in the text


def power_terms_items(store: Store, text: str, as_of: dt.date) -> list[Item]:
    """The stored event the claim names, judged on its figures, its kind and what was done; [] when none is named
    or the event states none of the claim's terms."""
    claimed = _figures(text)
    # "Ireland reopens grid to data centres with no strings attached": one name is enough for the latest event of it
    unconditional = bool(_UNCONDITIONAL.search(text))
    best, score = None, 0 if unconditional else 1
    named = _names(text)
    for event in grid.events(store, as_of):
        names = _name_hits(named, event)
        if not names or 2 * names < len(named):
            continue  # most of the names the claim gives must be the event's: Constellation's PPA with Meta is
            # not its PPA with Microsoft
        theirs = _event_figures(event)
        points = names + sum(2 for f in claimed if _same(f, theirs))
        if points > score or unconditional and best is not None and points == score and event.filed > best.filed:
            best, score = event, points
    if best is None:
        return []
    judged = _judge(text, claimed, best)
    if judged is None:
        return []
    item = power_item(best, judged[0], 1.0)
    item.text = f"{item.text}; {judged[1]}"
    item.method = f"{item.method}; the claim's figures, kind and outcome against the event's"
    return [item]


def _judge(text: str, claimed: list[Figure], event: grid.Event) -> tuple[str, str] | None:
    """('match' or 'mismatch', why), or None when the event states none of the claim's terms."""
    words = _event_text(event)
    theirs = _event_figures(event)
    found: list[tuple[str, str]] = []
    for figure in claimed:
        same_unit = [f for f in theirs if f.unit == figure.unit]
        if not same_unit:
            continue
        match = next((f for f in same_unit if _close(f.value, figure.value)), None)
        if match is not None and re.search(r"\bfirm\b", text, re.I) and _PROSPECTIVE.search(words[:match.at]):
            found.append(("mismatch", f"the event's {_show(match)} is sought, not firm"))  # "~180 GW" sought
        elif match is not None:
            found.append(("match", f"the event states {_show(match)}, as the claim does"))
        else:
            stated = ", ".join(dict.fromkeys(_show(f) for f in same_unit))
            found.append(("mismatch", f"the event states {stated}, not the claim's {_show(figure)}"))
    if _UNCONDITIONAL.search(text) and _CONDITIONS.search(words):  # "reopens the grid with no strings attached"
        found.append(("mismatch", "the event sets conditions"))
    if _MORATORIUM.search(text) and event.event_kind != "moratorium":
        found.append(("mismatch", f"the event is a {event.event_kind.replace('_', ' ')}, not a moratorium"))
    said, done = _deed(text), _deed(words)
    if said and done:
        how = "let it go ahead" if done == "yes" else "stopped it"
        found.append(("match" if said == done else "mismatch", f"the event {how}"))
    wrong = [why for seen, why in found if seen == "mismatch"]
    if wrong:
        return "mismatch", "; ".join(wrong)
    return ("match", "; ".join(why for _, why in found)) if found else None


def _show(figure: Figure) -> str:
    if figure.unit == "MW" and figure.value >= 1000:
        return f"{figure.value / 1000:g} GW"
    shown = {"year": "{:g}-year term", "MW": "{:g} MW", "pct": "{:g}%", "turbine": "{:g} turbines",
             "plant": "{:g} plants"}
    return shown[figure.unit].format(figure.value)


def _deed(text: str) -> str | None:
    yes, no = bool(_YES.search(text)), bool(_NO.search(text))
    return "yes" if yes and not no else "no" if no and not yes else None


def _names(text: str) -> set[str]:
    """The claim's proper names ("FERC", "xAI", "Susquehanna"), lower-cased."""
    found = {w.lower() for w in re.findall(r"\b[A-Za-z][A-Za-z]*[A-Z][A-Za-z]*\b|\b[A-Z][a-z]{2,}\b", text)}
    bills = {b.lower() for b in re.findall(r"\b(?:SB|HB|AB|LD|HF|SF)\s?\d{1,4}\b", text)}  # "Texas SB 6"
    return {n for n in found - _NOT_NAMES if len(n) >= 3} | bills


def _name_hits(names: set[str], event: grid.Event) -> int:
    """How many of the claim's proper names the event carries: its parties, its place, its words."""
    words = _event_text(event).lower()
    return sum(1 for n in names if re.search(rf"\b{re.escape(n)}", words))


def _event_text(event: grid.Event) -> str:
    return f"{event.actor} {event.region or ''} {event.text} {event.row.get('quote') or ''}"


def _event_figures(event: grid.Event) -> list[Figure]:
    found = _figures(_event_text(event))
    unit = _UNITS.get((event.unit or "").lower())
    if event.value is not None and unit:
        found.append(Figure(unit, float(event.value) * (1000 if (event.unit or "").lower() == "gw" else 1), 0))
    return found


def _figures(text: str) -> list[Figure]:
    found = []
    for unit, pattern in _FIGURES:
        for m in pattern.finditer(text):
            raw = m.group(1).lower().replace(",", "")
            value = float(_NUMBERS[raw]) if raw in _NUMBERS else float(raw)
            if unit == "MW" and m.group(2).lower().startswith("g"):
                value *= 1000
            found.append(Figure(unit, value, m.start()))
    return found


def _same(figure: Figure, others: list[Figure]) -> bool:
    return any(o.unit == figure.unit and _close(o.value, figure.value) for o in others)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _CLOSE * max(abs(a), abs(b))
