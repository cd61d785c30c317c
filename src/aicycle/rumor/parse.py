"""Read a headline into a claim: which company (or group), which metric, which direction.

Parsing never raises on odd text: a headline it cannot read comes back with `problem` set, and the
check answers "unclear" with that reason. Only a non-string input is a usage error.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from aicycle import universe
from aicycle.errors import InputError
from aicycle.rumor import lexicon, vocab
from aicycle.rumor.shorthand import expand

MAX_CHARS = 1000  # a headline, or a short paragraph; anything longer is not a claim to check
_TAG = re.compile(r"<[^>]{0,500}>")
_SPACE = re.compile(r"\s+")
_CONTINUE = re.compile(r"\b(?:keeps?|kept|continu\w*(?: to)?)\s+(?=\w+ing\b)", re.I)
_LIST_GLUE = re.compile(r"(?:'s)?\s*(?:,|&|/|\+|,?\s+and|,?\s+or)\s*", re.I)
_YEAR = re.compile(r"\b(20[2-3]\d)\b")
_AMOUNT = re.compile(r"(?:US)?\$\s?(\d+(?:\.\d+)?)\s*(?:(?:-|–|to)\s*\$?\s?(\d+(?:\.\d+)?))?\s*"
                     r"(billion|bn|b|trillion|tn|t)\b", re.I)
_SCALE = {"b": 1e9, "bn": 1e9, "billion": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12}


@dataclass
class Claim:
    text: str  # the claim as read: its shorthand spelled out ("Dec qtr": "December quarter")
    company: str | None = None  # ticker, or a group name ("hyperscalers")
    company_name: str | None = None
    tickers: list[str] = field(default_factory=list)
    metric: str | None = None
    direction: str | None = None  # up | down | flat
    negated: bool = False
    strong: bool = False  # "collapsing", "soaring": the claim is of a large move
    scoped: bool = False  # "some", "early-stage": the claim is about part of the business
    hedged: bool = False  # "said to", "weighs": a report or a plan, not an announced fact
    year: int | None = None
    amount: tuple[float, float] | None = None  # the figure the headline names, low-high in USD ("to $130-145B")
    said: str = ""  # the claim as given, as it is shown
    cues: list[str] = field(default_factory=list)
    problem: str | None = None

    def parsed(self) -> dict[str, Any]:
        return {"company": self.company, "metric": self.metric, "direction": self.direction}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def clean(text: object) -> tuple[str, str | None]:
    """Normalize a headline; returns (clean text, problem or None)."""
    if not isinstance(text, str):
        raise InputError(f"a claim must be text, not {type(text).__name__}")
    if len(text) > 20 * MAX_CHARS:
        return "", f"the claim is {len(text):,} characters long; a headline is at most {MAX_CHARS:,}"
    text = unicodedata.normalize("NFKC", text)
    text = html.unescape(_TAG.sub(" ", text))
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = _SPACE.sub(" ", text).strip()
    if not text:
        return "", "the claim is empty (nothing left after removing markup and control characters)"
    if len(text) > MAX_CHARS:
        return text[:MAX_CHARS], f"the claim is {len(text):,} characters long; a headline is at most {MAX_CHARS:,}"
    if not re.search(r"[A-Za-z]{2,}", text):
        return text, "the claim has no words to read"
    return text, None


def parse_claim(raw: object) -> Claim:
    text, problem = clean(raw)
    claim = Claim(text=expand(text), problem=problem, said=text)
    if problem:
        return claim
    body = _CONTINUE.sub("", text.replace("’", "'").replace("‘", "'"))
    _read_company(claim, body)
    # the metric of what moved, not of why it moved or where the money goes; the whole claim when that names none
    core = re.sub(vocab.USE_CLAUSE, r"\1", re.sub(vocab.REASON_CLAUSE, "", body, flags=re.I), flags=re.I)
    claim.metric = _first_metric(core) or _first_metric(body)
    # the move, not its reason: "+14% despite MI308 ban" rose; the reason's words count only when the move has none
    _read_direction(claim, re.sub(vocab.REASON_CLAUSE, "", body, flags=re.I))
    if claim.direction is None:
        _read_direction(claim, body)
    if claim.direction is None and _CONTINUE.search(text):
        # "keeps spending on AI": carrying on is the opposite of a cut.
        claim.direction = "up"
        claim.cues.append("direction: carries on -> up")
    claim.scoped = _has(lexicon.SCOPE, body)
    claim.hedged = _has(lexicon.HEDGES, body)
    years = _YEAR.findall(body)
    claim.year = int(years[0]) if years else None
    claim.amount = _amount(body)
    _default_group(claim)
    claim.problem = _missing(claim)
    return claim


def _default_group(claim: Claim) -> None:
    if claim.tickers or claim.metric not in lexicon.DEFAULT_GROUPS or claim.direction is None:
        return
    other = re.search(rf"\b(?:{lexicon.UNCOVERED})\b", claim.text)
    if other:  # "TSMC raises its 2026 capex budget": a company the store does not follow, not the hyperscalers
        claim.cues.append(f"company not covered: {other.group(0)}")
        return
    label, roles = lexicon.DEFAULT_GROUPS[claim.metric]
    claim.company = claim.company_name = label
    claim.tickers = [c.ticker for c in universe.companies() if c.role in roles]
    claim.cues.append(f"no company named: read as the {label}")


def _amount(text: str) -> tuple[float, float] | None:
    """The first dollar figure that is not the old one ("to $130-145B (from $125-145B)")."""
    for m in _AMOUNT.finditer(text):
        if re.search(r"\bfrom\W*$", text[max(0, m.start() - 8):m.start()], re.I):
            continue
        scale = _SCALE[m.group(3).lower()]
        low = float(m.group(1)) * scale
        high = float(m.group(2)) * scale if m.group(2) else low
        return (low, high)
    return None


def _has(pattern: str, text: str) -> bool:
    return re.search(rf"(?<![\w$])(?:{pattern})(?!\w)", text, re.I) is not None


# --- company ------------------------------------------------------------------------------------

@cache
def _alias_patterns() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, ticker, name), longest alias first so "Google Cloud" wins over "Google"."""
    entries: list[tuple[str, str, str, bool]] = []
    for c in universe.companies():
        names = {c.name, *c.aliases, *lexicon.EXTRA_ALIASES.get(c.ticker, ())}
        for name in names:
            entries.append((name, c.ticker, c.name, False))
        base = c.ticker.split(".")[0]
        entries.append((base, c.ticker, c.name, True))
    for ticker, name, aliases in vocab.EXTRA_SUBJECTS:
        entries.extend((alias, ticker, name, False) for alias in aliases)
        entries.append((ticker, ticker, name, True))
    entries.sort(key=lambda e: -len(e[0]))
    out = []
    for alias, ticker, name, is_ticker in entries:
        word = re.escape(alias)
        if is_ticker:
            # Tickers count when written as $TICK, or in capitals as their own word.
            out.append((re.compile(rf"(?<![\w$]){word}\b"), ticker, name))  # capitals only
            out.append((re.compile(rf"\${word}\b", re.I), ticker, name))
        else:
            out.append((re.compile(rf"(?<![\w$]){word}(?:'s)?(?!\w)", re.I), ticker, name))
    return tuple(out)


@cache
def _names_by_ticker() -> dict[str, str]:
    return {ticker: name for _, ticker, name in _alias_patterns()}


@cache
def proper_names(text: str) -> str:
    """The proper names of the companies the text names, however it names them ("the Amsterdam neocloud" is
    Nebius Group), so that a ledger's party names can be found in a headline that uses a nickname."""
    names = _names_by_ticker()
    return " ".join(names[ticker] for ticker, _ in named_companies(text))


def named_companies(text: str) -> list[tuple[str, str]]:
    """Every company the text names, in order: (ticker, the words that name it)."""
    hits: list[tuple[int, int, str]] = []
    for pattern, ticker, _ in _alias_patterns():
        m = pattern.search(text)
        if m and not any(a <= m.start() < b for a, b, _ in hits):
            hits.append((m.start(), m.end(), ticker))
    out: dict[str, str] = {}
    for start, end, ticker in sorted(hits):
        out.setdefault(ticker, re.sub(r"'s$", "", text[start:end]))
    return list(out.items())


def _read_company(claim: Claim, text: str) -> None:
    hits: list[tuple[int, int, str, str]] = []
    for pattern, ticker, name in _alias_patterns():
        m = pattern.search(text)
        if m and not any(a <= m.start() < b for a, b, _, _ in hits):  # "Google Cloud" is not also "Google"
            hits.append((m.start(), m.end(), ticker, name))
    group = _group(text)
    if group and not hits:
        label, roles = group
        claim.company, claim.company_name = label, label
        claim.tickers = [c.ticker for c in universe.companies() if c.role in roles]
        claim.cues.append(f"group: {label}")
        return
    if not hits:
        return
    hits.sort()
    subjects = [hits[0]]
    for prev, hit in pairwise(hits):
        # "Nebius, CoreWeave and Oracle pull back": a list of companies is one subject.
        if _LIST_GLUE.fullmatch(text[prev[1]:hit[0]]) and hit[2] not in {s[2] for s in subjects}:
            subjects.append(hit)
        elif hit[2] not in {s[2] for s in subjects}:
            break
    claim.tickers = [h[2] for h in subjects]
    claim.company = ",".join(claim.tickers)
    claim.company_name = " and ".join(h[3] for h in subjects)
    claim.cues.append(f"company: {claim.company_name}")
    others = [t for t in dict.fromkeys(h[2] for h in hits) if t not in claim.tickers]
    if others:
        claim.cues.append("also named: " + ", ".join(others))


def _group(text: str) -> tuple[str, tuple[str, ...]] | None:
    for pattern, label, roles in lexicon.GROUPS:
        if _has(pattern, text):
            return label, roles
    return None


# --- metric and direction -----------------------------------------------------------------------

def _first_metric(text: str) -> str | None:
    for metric, pattern in lexicon.METRICS:
        if _has(pattern, text):
            return metric
    return None


@cache
def _direction_patterns() -> tuple[tuple[re.Pattern[str], str, bool], ...]:
    return tuple((re.compile(rf"(?<![\w$])(?:{p})(?!\w)", re.I), d, s) for p, d, s in lexicon.DIRECTIONS)


_MARKET = re.compile(rf"(?<!\w)(?:{lexicon.MARKET_SUBJECTS})\s+(?:\w+\s+){{0,1}}\S+", re.I)
_QUANT = re.compile(rf"(?<!\w)(?:{lexicon.QUANTIFIERS})(?!\w)", re.I)
_NEG = re.compile(rf"(?<![\w$-])(?:{lexicon.NEGATIONS})(?![\w-])", re.I)  # "signed-but-not-commenced" negates nothing


def _read_direction(claim: Claim, text: str) -> None:
    # Moves of the stock ("shares fall") say nothing about the business: blank them out.
    body = _MARKET.sub(lambda m: " " * len(m.group(0)), lexicon.one_word_capex(text))
    found: list[tuple[int, int, str, bool, str]] = []
    for pattern, direction, strong in _direction_patterns():
        for m in pattern.finditer(body):
            found.append((m.start(), m.end(), direction, strong, m.group(0)))
    if not found:
        return
    # The earliest cue wins; at one position the longer (more specific) phrase wins.
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    start, _, direction, strong, word = found[0]
    claim.direction, claim.strong = direction, strong
    claim.cues.append(f"direction: {word!r} -> {direction}")
    before = body[max(0, start - 40):start]
    if _NEG.search(" ".join(before.split()[-4:])):
        claim.negated = True
        claim.cues.append("negated")


def _missing(claim: Claim) -> str | None:
    if claim.metric is None and claim.direction is None:
        return "no metric and no direction recognized (e.g. 'Meta is cutting capex')"
    if claim.metric is None:
        return ("no metric recognized: name capex, capex guidance, AI investment, data centers, "
                "GPU rental prices, backlog, HBM/memory or power")
    if claim.direction is None:
        return "no direction recognized: say whether it is going up, down or staying flat"
    other = next((c.split(": ", 1)[1] for c in claim.cues if c.startswith("company not covered: ")), None)
    if other and not claim.tickers:
        return f"{other} is not a company aicycle follows: name one in the universe or a group such as 'hyperscalers'"
    if not claim.tickers and claim.metric not in lexicon.MARKET_METRICS:
        return "no company recognized: name a company in the universe or a group such as 'hyperscalers'"
    return None


def cue_direction(text: str) -> tuple[str | None, list[str]]:
    """The net direction of all direction words in a sentence (negated words count the other way)."""
    body = _MARKET.sub(lambda m: " " * len(m.group(0)), _CONTINUE.sub("", text))
    body = _QUANT.sub(lambda m: " " * len(m.group(0)), body)
    taken: list[tuple[int, int]] = []
    score = {"up": 0, "down": 0, "flat": 0}
    cues: list[str] = []
    for pattern, direction, _ in _direction_patterns():
        for m in pattern.finditer(body):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # part of a phrase already counted ("pull back" is not also "back")
            taken.append((m.start(), m.end()))
            before = " ".join(body[max(0, m.start() - 40):m.start()].split()[-4:])
            if _NEG.search(before) and direction != "flat":
                direction = "down" if direction == "up" else "up"
            score[direction] += 1
            cues.append(f"{m.group(0)}->{direction}")
    if score["up"] == score["down"] == score["flat"] == 0:
        return None, cues
    if score["up"] > score["down"] and score["up"] >= score["flat"]:
        return "up", cues
    if score["down"] > score["up"] and score["down"] >= score["flat"]:
        return "down", cues
    if score["flat"] > max(score["up"], score["down"]):
        return "flat", cues
    return None, cues
