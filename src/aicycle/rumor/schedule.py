"""When a named building or site is delivered: "TeraWulf's CB-3 building slips past Q3 2026", "CB-5 on track to
start leasing in Q4 2026", "IREN delivers Horizon 1 to Microsoft". The company names its sites on its calls with
a status and often a date ("CB-3 was fully delivered ... in early July", "At CB-5, we expect to begin energizing
the first data hall in very early January", "CB-4 and CB-5 remain on track for delivery in the third and fourth
quarters of 2026, respectively"). The latest call that gives the site's date decides, measured against the
period the claim names; a later "remains on schedule" keeps an earlier date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from aicycle.rumor import vocab
from aicycle.rumor.evidence import Item, as_date
from aicycle.rumor.said import recent_documents, sentence_item, sentences_with_context
from aicycle.store import Store

_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_Q = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_PERIOD = re.compile(
    rf"\bQ(?P<q>[1-4])(?:\s*(?:of\s+)?(?:CY|FY)?['’]?(?P<qy>20\d\d|\d\d))?\b"
    rf"|\b(?P<qs>{_Q}(?:\s+(?:and|&)\s+{_Q})?)\s+quarters?(?:\s+of)?\s+(?P<qsy>20\d\d)\b"
    rf"|\b(?P<h>first|second)\s+half\s+(?:of\s+)?(?P<hy>20\d\d)\b|\bH(?P<hn>[12])\s*(?P<hny>20\d\d)\b"
    rf"|\b(?P<part>very early|early|mid|late)?[- ]?(?P<m>{'|'.join(vocab.MONTHS)})(?:\s+(?P<my>20\d\d))?\b"
    rf"|\b(?:end of|year-end|by the end of)\s+(?P<ey>20\d\d)\b|\b(?P<y>20\d\d)\b", re.I)
_SLIP = re.compile(r"\b(?:slip\w*|delay\w*|push(?:es|ed)?\s+(?:out|back|into|past|to)|postpone\w*|behind schedule|"
                   r"runs? late|won['’]t\s+(?:\w+\s+){0,3}(?:in|by|before|until))\b", re.I)
_ON_TIME = re.compile(r"\bon (?:track|schedule|time)\b|\bahead of schedule\b|\bas planned\b|\baligned with\b",
                      re.I)
# where a date belongs to the site's delivery, not to equipment arriving at it ("field deliveries arriving")
_DUE = re.compile(r"\b(?:delivery|deliver|energiz\w*|commenc\w*|online|operational|complet\w*|leas\w*|rent\w*|"
                  r"revenue|ready|service|handover|hand over|hand-?off)\b", re.I)
_DONE = re.compile(r"\b(?:deliver(?:s|ed)|energiz(?:es|ed)|complet(?:es|ed)|comes online|came online|"
                   r"hand(?:s|ed)? (?:[\w-]+ ){0,3}over|rent (?:has )?(?:start(?:s|ed)|begins|began|commenc\w*)|"
                   r"(?:brings?|brought) online|(?:is|are|now|fully) (?:online|operational|live|in service)|"
                   r"into service|ready[- ]for[- ]service|generating (?:lease )?revenue|accepted)\b", re.I)
# in a company's sentence, only what has happened: "the project delivers robust returns" is not a delivery
_DONE_SAID = re.compile(r"\b(?:delivered|energized|completed|came online|brought online|(?:is|are|now|fully) "
                        r"(?:online|operational|live|in service)|into service|ready[- ]for[- ]service|"
                        r"generating (?:lease )?revenue|accepted|commenced)\b", re.I)
_AHEAD = re.compile(r"\bahead of (?:the )?(?:\w+ )?(?:schedule|plan)\b|\bearly\b|\bsooner than\b", re.I)
_FUTURE = re.compile(r"\b(?:expect\w*|will|to be|to begin|target\w*|plan\w*|on track|on schedule|remains?|"
                     r"scheduled|aligned|anticipat\w*|to (?:deliver|start|commence|energi[sz]e|complete))\b", re.I)
# "restart targeted for 2027", "pulls the restart forward to 2H 2027": a date the site is due by
_TARGETED = re.compile(r"\b(?:target(?:ed|s)? for|slated for|scheduled for|pull\w* (?:[\w()-]+ ){0,5}forward|"
                       r"brings? (?:[\w()-]+ ){0,5}forward|mov\w* (?:[\w()-]+ ){0,4}up)\b", re.I)
# a company's word that the date moved earlier ("bringing crane online earlier than planned, moving it up to ...")
_BROUGHT_FORWARD = re.compile(r"\b(?:forward|earlier than (?:planned|expected)|moving it up|ahead of schedule)\b",
                              re.I)
_PAST_WORD = re.compile(r"\b(?:past|beyond|after|out of|later than)\s*$", re.I)
_NOT = re.compile(r"\b(?:won['’]t|not|never)\b", re.I)


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Schedule:
    site: str  # the name a company's sentence must carry: "CB-3", "Horizon 1", "Barber Lake"
    kind: str  # late | on_time | done
    window: Window | None  # the claim's period ("Q3 2026"), when it names one
    past: bool  # "slips past Q3": after the window's end; else "slips into 2027": from its start
    early: bool  # "delivered ahead of schedule"


_SITE_OBJECTS = (None, "projects", "leases", "power", "compute_contracts", "capacity")


def read_schedule(text: str, places: list[str], as_of: dt.date, obj: str | None) -> Schedule | None:
    """The site, what the claim says of its schedule, and the period it names; None when it is not such a
    claim (a figure "slipping in the January quarter" is not a site's date)."""
    places = [p for p in places if p.split()[0].lower() not in vocab.MONTHS]
    if not places or obj not in _SITE_OBJECTS:
        return None
    # "CB-3" before a site's long name; not an alias in brackets ("Crane (TMI-1)")
    site = next((p for p in places if re.fullmatch(r"[A-Z]{1,4}-\d{1,2}", p) and f"({p})" not in text), places[0])
    # "Barber Lake Phase 1", "Abernathy JV": calls name the site itself
    site = re.sub(r"\s+(?:(?:Phase|Unit|Building|Hall|Block)\s+\w+|JV|joint venture|campus|site|project|facility|"
                  r"building|data cent(?:er|re))$", "", site)
    done = _DONE.search(text)
    on_time = _ON_TIME.search(text)
    on_time = on_time or _TARGETED.search(text)
    kind = "late" if _SLIP.search(text) else "done" if done and not (on_time and on_time.start() < done.start()) \
        else "on_time" if on_time else None
    if kind is None:
        return None
    found = next(_periods(text, as_of, future=kind != "done"), None)
    window, past = None, False
    if found is not None:
        window, start = found
        past = bool(_PAST_WORD.search(text[:start])) or bool(_NOT.search(text[:start]))
    return Schedule(site=site, kind=kind, window=window, past=past, early=bool(_AHEAD.search(text)))


def _periods(text: str, said_on: dt.date, future: bool) -> Iterator[tuple[Window, int]]:
    """Each period a text names, with where it starts; a month with no year is the next such month after
    `said_on` when the text looks forward, else the last one before it ("may slip" names no month)."""
    for m in _PERIOD.finditer(text):
        if m.group("m") == "may":
            continue
        for window in _windows(m, said_on, future):
            yield window, m.start()


def _windows(m: re.Match[str], said_on: dt.date, future: bool) -> list[Window]:
    def year(value: str) -> int:
        return int(value) + (2000 if len(value) == 2 else 0)

    if m.group("q"):
        q = int(m.group("q"))
        if m.group("qy"):
            return [_quarter(year(m.group("qy")), q)]
        # "scheduled for handoff in Q3", no year: the next such quarter looking forward, else the last one
        ahead = _quarter(said_on.year, q)
        if future:
            return [ahead if ahead.end >= said_on else _quarter(said_on.year + 1, q)]
        return [ahead if ahead.start <= said_on else _quarter(said_on.year - 1, q)]
    if m.group("qs"):
        numbers = [_ORDINAL[w.lower()] for w in re.findall(_Q, m.group("qs"), re.I)]
        return [_quarter(int(m.group("qsy")), n) for n in numbers]
    if m.group("h") or m.group("hn"):
        half = 1 if (m.group("h") or "").lower() == "first" or m.group("hn") == "1" else 2
        y = int(m.group("hy") or m.group("hny"))
        return [Window(dt.date(y, 6 * half - 5, 1), _month_end(y, 6 * half))]
    if m.group("m"):
        month = vocab.MONTHS.index(m.group("m").lower()) + 1
        if m.group("my"):
            y = int(m.group("my"))
        elif future:
            y = said_on.year + (month < said_on.month)
        else:
            y = said_on.year - (month > said_on.month)
        return [Window(dt.date(y, month, 1), _month_end(y, month))]
    y = int(m.group("ey") or m.group("y"))
    return [Window(dt.date(y, 1, 1), dt.date(y, 12, 31))]


def _quarter(year: int, q: int) -> Window:
    return Window(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q))


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


@dataclass(frozen=True)
class _Said:
    status: str  # done | late | on_time | due (a date looked forward to)
    window: Window | None
    sentence: str


_THE_SITE = re.compile(r"\b(?:the|this|that) (?:site|campus|facility|project|building)\b", re.I)


def _read_sentence(sentence: str, site: str, said_on: dt.date, before: str = "") -> _Said | None:
    """What one sentence says of the site: its status and the date it gives the site, if any. A sentence that
    says "the site" speaks of the one the sentence before it named."""
    # "Horizon 1" is "Horizon One" on the call
    name = re.sub(r"(?<=\s)(\d)$", lambda m: f"(?:{m.group(1)}|{_WORDS[int(m.group(1))]})", re.escape(site))
    pattern = rf"\b{name}\b" + (f"|{_THE_SITE.pattern}" if re.search(rf"\b{name}\b", before, re.I) else "")
    clauses = [c for c in re.split(r";\s+|\.\s+|,\s+(?:and|while|but|with)\s+(?!we\b|it\b|they\b)", sentence)
               if re.search(pattern, c, re.I)
               and not re.search(rf"\bexpansions? (?:at|of) (?:our |the )?{name}|\b{name}(?:'s)? expansion", c, re.I)]
    if not clauses:
        return None
    clause = clauses[0]
    found = _DONE_SAID.search(clause)
    done = found is not None and not _FUTURE.search(clause[:found.start()]) \
        and not re.search(r"\b(?:not|n't|yet to|never)\b(?:\s+\w+){0,2}\s*$", clause[:found.start()], re.I)
    future = not done
    windows = [w for w, _ in _periods(clause, said_on, future)]
    respective = re.search(r"\brespectively\b", clause, re.I)
    if respective and len(windows) > 1:  # "CB-4 and CB-5 ... in the third and fourth quarters, respectively"
        names = re.findall(r"\b[A-Z]{1,4}-\d{1,2}\b|\b[A-Z][a-z]+(?: \d)?\b", clause)
        index = next((i for i, n in enumerate(n for n in names if n.lower() != "the")
                      if n.lower() == site.lower()), 0)
        windows = [windows[min(index, len(windows) - 1)]]
    window = windows[0] if windows else None
    if done:
        return _Said("done", window, sentence)
    if _SLIP.search(clause) and not re.search(r"\bno (?:delays?|slip)", clause, re.I):
        return _Said("late", window, sentence)
    if _ON_TIME.search(clause) or window is not None and _BROUGHT_FORWARD.search(clause):
        return _Said("on_time", window, sentence)
    if window is not None and _FUTURE.search(clause) and _DUE.search(clause):
        return _Said("due", window, sentence)
    return None


def schedule_items(store: Store, schedule: Schedule, ticker: str, as_of: dt.date) -> list[Item]:
    """The site's latest status from `ticker`'s own words public by `as_of`, judged against the claim: observed
    "match" when it bears the claim out, "mismatch" when it refutes it."""
    kept: _Said | None = None  # "remains on schedule" with no date: the date an earlier call gave still holds
    for doc in recent_documents(store, ticker, as_of):
        day = as_date(doc["date"])
        if day is None:
            continue
        said = [s for s in (_read_sentence(x, schedule.site, day, before) for before, x in sentences_with_context(
            str(doc["doc_id"]), str(doc["text"]))) if s is not None]
        said.sort(key=lambda s: (s.window is None, s.status != "done"))
        for s in said:
            if s.window is None and s.status == "on_time" and schedule.window is not None:
                kept = kept or s
                continue
            observed = _judge(schedule, s, day, as_of)
            if observed is None:
                continue
            if kept is not None and s.status != "done" and kept.status == "on_time":
                s = _Said(s.status, s.window, f"{kept.sentence} (earlier: {s.sentence})")
            return [sentence_item(doc, s.sentence, signal="site_schedule", observed=observed, as_of=as_of,
                                  method=f"the company's latest word on {schedule.site}'s schedule, against the "
                                         "claim's")]
    return []


def _judge(claim: Schedule, said: _Said, said_on: dt.date, as_of: dt.date) -> str | None:
    """'match', 'mismatch' or None (this sentence does not decide the claim)."""
    when = said.window or (Window(said_on, said_on) if said.status == "done" else None)
    if claim.kind == "done":
        if said.status != "done":
            return None  # not yet delivered is not a claim's refutation: it may still be, by a later day
        if claim.early:
            return "match" if _AHEAD.search(said.sentence) else None
        if claim.window is None or when is None:
            return "match"
        return "match" if claim.window.start <= when.end and when.start <= claim.window.end else "mismatch"
    if claim.window is None:  # "behind schedule": the company's status, whatever date it gives
        if said.status == "due":
            return None
        late = said.status == "late"
        return "match" if late == (claim.kind == "late") else "mismatch"
    if when is None:
        return None
    if claim.kind == "on_time":
        return "match" if when.end <= claim.window.end else "mismatch" if when.start > claim.window.end else None
    line = claim.window.end if claim.past else claim.window.start - dt.timedelta(days=1)
    return "match" if when.start > line else "mismatch" if when.end <= line else None
