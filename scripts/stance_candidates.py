"""Build the candidate pool of real sentences that labellers will label for capex stance.

Every document in data/ is split with the language engine's own splitter (`document_text` for the
document's kind, then `sentence_spans`), so `sentence_index` is the index the product sees. Each
sentence is sorted into one stratum:

- topic: about capex, capacity, data centres, compute, supply/demand, infrastructure investment,
  guidance, wafers/HBM, power, leases, build-out, spending pace or discipline;
- hard_negative: the same words with another meaning (storage or credit capacity, ad efficiency,
  opex/headcount or revenue guidance, gaming/PC supply, inventory write-offs, offices and
  warehouses, accounting leases, past amounts without a direction, analysts' questions);
- random_negative: anything else that reads as a sentence.

Strata are sampled per company (weighted: hyperscalers and NVIDIA most), spread over each
company's documents, deduplicated (exact and near-exact, and against the old dev set), and the
pool is split into shards balanced by company. Deterministic for a given seed.

    python scripts/stance_candidates.py [--seed 14] [--total 4200] [--shards DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from aicycle.language.loader import FISCAL_YEAR_END_MONTH, estimated_public_date
from aicycle.language.text import document_text, sentence_spans

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
OUT = DATA / "stance" / "candidates.jsonl"
DEV_SET = REPO / "tests" / "data" / "stance_dev.jsonl"
# Strata and their shares; analysts' questions are a sub-stratum of the hard negatives, kept small.
SHARE = {"topic": 0.65, "hard_negative": 0.15, "question": 0.05, "random_negative": 0.15}
# Share of the pool per company, relative: hyperscaler and NVIDIA calls are worth the most.
COMPANY_WEIGHT = {"META": 3.0, "GOOGL": 3.0, "AMZN": 3.0, "MSFT": 3.0, "NVDA": 3.5,
                  "IREN": 1.6, "CIFR": 1.6, "WULF": 1.6, "CRWV": 1.2, "ORCL": 0.8}
# How many of a company's picks each kind of document gets per round (calls say the most).
KIND_WEIGHT = {"call": 1.0, "release": 0.7, "10-K": 0.5, "10-Q": 0.5}
FILING_DATES = {"orcl-10-q-oracle-fixture.html": "2024-09-10"}  # signature date in the filing
SPLIT_MODE = {"call": "transcript", "release": "release", "10-K": "release", "10-Q": "release"}

_I = re.IGNORECASE
# Strong topic words: on their own enough to make a sentence a topic candidate.
STRONG = re.compile(
    r"\b(?:cap[- ]?ex\w*|capital (?:expenditure|spend|investment|intensity|budget|plan)\w*|data[- ]?cent(?:er|re)s?"
    r"|capacity|capacities|compute|GPUs?|accelerators?|infrastructure|build[- ]?outs?|building out|built out"
    r"|wafer (?:starts?|capacity|fab)|WFE|HBM|(?:mega|giga)watts?|MW|GW|leases?|leased|leasing|fabs?"
    r"|clusters?|hyperscal\w+|supply[- ]constrain\w*|capacity[- ]constrain\w*|sold out|fully booked"
    r"|AI factor(?:y|ies)|energi[sz]\w+|campus(?:es)?|footprint|servers?)\b", _I)
# Weak topic words: two different ones make a topic candidate.
WEAK = [re.compile(rf"\b(?:{p})\b", _I) for p in (
    r"demand", r"suppl(?:y|ies|ied)", r"spend\w*", r"invest(?!or)\w*", r"guidance|guide[ds]?|outlook", r"power",
    r"pace", r"disciplin\w*", r"efficien\w*", r"optimi[sz]\w*", r"digest\w*", r"paus(?:e|es|ed|ing)",
    r"moderat\w*", r"throttl\w*", r"constrain\w*|shortages?", r"backlog", r"depreciation|useful li(?:fe|ves)",
    r"training|inference", r"cloud", r"chips?|memory|DRAM|NAND", r"sites?", r"fleet")]
# Words that carry a stance: topic sentences with them are sampled more often.
CUE = re.compile(
    r"\b(?:increas\w*|rais\w*|higher|grow\w*|accelerat\w*|expand\w*|add\w*|more|step(?:ped)? up|doubl\w*"
    r"|exceed\w*|outstrip\w*|short\w*|tight\w*|constrain\w*|maintain\w*|reaffirm\w*|unchanged|similar"
    r"|consistent|representative|flat|in line|on track|no change|slow\w*|moderat\w*|paus\w*|disciplin\w*"
    r"|optimi[sz]\w*|efficien\w*|digest\w*|throttl\w*|flexib\w*|defer\w*|delay\w*|push(?:ed)? out|lower\w*"
    r"|reduc\w*|cut\w*|decreas\w*|declin\w*|cancel\w*|scal\w+ back|pull\w* back|fewer|less|below|expect\w*"
    r"|anticipat\w*|plan\w*|will|going to|guid\w*|range)\b", _I)
# Capex proper: a sentence with these stays a topic candidate even if a hard-negative pattern fires.
CORE = re.compile(r"\b(?:cap[- ]?ex\w*|capital expenditures?|capital spend\w*|(?:data[- ]?cent(?:er|re)|compute"
                  r"|AI|GPU|wafer|fab) capacity|build[- ]?outs?|(?:capacity|supply)[- ]constrain\w*"
                  r"|(?:ahead of|exceed\w*|outstrip\w*|short of) (?:the |our )?(?:capacity|supply)|sold out)\b", _I)
# Conference-call housekeeping: not worth a labeller's time in any stratum.
BOILERPLATE = re.compile(r"press star|star (?:one|zero|1|0)\b|operator instructions"
                         r"|forward-looking (?:statements|information)|(?:next|first|last) question|please go ahead"
                         r"|listen-only|being recorded|webcast|replay"
                         r"|non-GAAP (?:financial )?measures|investor relations|turn the call|Form 10-[KQ]", _I)
_G = r"(?:\W+\w+){0,5}\W+"  # up to five words between two parts of a pattern
HARD = {
    "capacity_other": r"\b(?:storage|drives?|disk|HDD|nearline|areal|exabytes?|terabytes?|TB|credit|borrowing|debt"
                      r"|lending|balance sheet|liquidity|financial|sales|selling|hiring|fulfil+ment|warehouse"
                      r"|logistics|distribution|delivery|shipping)\W+capacity|capacity (?:to (?:borrow|repay|return"
                      r"|fund)|per (?:drive|disk|unit))|in (?:his|her|my|this|that|their|a|an)(?: new)? capacity",
    "efficiency_other": r"\b(?:ads?|advertising|monetization|marketing|conversion|sales|operating|opex|cost|workforce"
                        r"|headcount|labor|employee|engineering|productivity|pricing)\W+efficien\w*"
                        r"|efficien\w* (?:of|in) (?:our )?(?:ads?|advertising|marketing|sales|operations|opex|costs?)",
    "opex_guidance": r"\b(?:operating expenses?|op[- ]?ex|headcount|hiring|SG&A|R&D|total expenses|employee"
                     r" compensation)\b" + _G + r"(?:guid\w*|expect\w*|outlook|grow\w*|increas\w*|declin\w*)"
                     r"|\b(?:guid\w*|expect\w*|outlook)" + _G + r"(?:operating expenses?|op[- ]?ex|headcount)\b",
    "revenue_guidance": r"\b(?:revenues?|net sales|gross margins?|operating margins?|EPS|earnings per share"
                        r"|operating income|ARR)\b" + _G + r"(?:guid\w*|outlook|expect\w*|range|forecast\w*)"
                        r"|\b(?:guid\w*|outlook|expect\w*)" + _G + r"(?:revenues?|net sales|gross margins?|EPS"
                        r"|operating income)\b",
    "consumer_supply": r"\b(?:gaming|PCs?|consoles?|notebooks?|laptops?|client|consumer|handsets?|smartphones?"
                       r"|automotive|Switch|Xbox)\b" + _G + r"(?:suppl\w+|constrain\w*|shortages?|tight\w*)"
                       r"|\b(?:suppl\w+|constrain\w*|shortages?)" + _G + r"(?:gaming|PCs?|consoles?|client"
                       r"|consumer|handsets?|smartphones?)\b",
    "inventory": r"\binventory (?:write[- ]?(?:offs?|downs?)|provisions?|reserves?|charges?)|excess (?:and obsolete )?"
                 r"inventor\w+|written (?:off|down)|write[- ]?(?:offs?|downs?)",
    "facilities_other": r"\b(?:office|headquarters|corporate (?:facilit\w+|real estate)|real estate|retail stores?"
                        r"|fulfil+ment (?:centers?|network)|warehouses?|delivery (?:stations?|network)|logistics"
                        r"|transportation|aircraft|vehicles?)\b",
    "lease_accounting": r"\blease (?:liabilit\w+|costs?|expense|terms?|payments?|incentives?)|right-of-use"
                        r"|operating lease (?:costs?|assets?|liabilit\w+)",
    "power_other": r"\b(?:pricing|purchasing|earnings|computing) power\b|\bpowerful\b|\bempower\w*"
                   r"|\bpower of (?:our|the)",
    "segment_names": r"\binfrastructure software\b|\b(?:Compute and Networking|Data Center) (?:segment )?revenue",
    "past_amount": r"\b(?:capital expenditures?|cap[- ]?ex|purchases of property and equipment)\b(?:\W+\w+){0,8}\W+"
                   r"(?:were|was|totall?ed|of)\W+\$\s?\d",
}
HARD_RE = {name: re.compile(pattern, _I) for name, pattern in HARD.items()}
DIRECTION = re.compile(r"\b(?:expect\w*|anticipat\w*|will|plan\w*|increas\w*|higher|lower|decreas\w*|grow\w*"
                       r"|declin\w*|up|down|more|less|guid\w*)\b", _I)


@dataclass
class Sentence:
    id: str
    company: str
    source_file: str
    sentence_index: int
    doc_date: str
    kind: str
    text: str
    speaker_role: str | None = None
    selection: str = ""
    score: float = 1.0


@dataclass(frozen=True)
class Doc:
    company: str
    path: Path
    date: str
    kind: str
    body_line: int = 1  # first line of the company's words (calls with a third-party summary)


def documents() -> list[Doc]:
    docs: list[Doc] = []
    for path in sorted((DATA / "transcripts").glob("*.txt")):
        ticker, year, quarter = path.stem.split("_")
        date = estimated_public_date(int(year), int(quarter[1]), FISCAL_YEAR_END_MONTH[ticker])
        docs.append(Doc(ticker, path, date.isoformat(), "call"))
    with (DATA / "calls_2025_2026" / "index.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            docs.append(Doc(row["ticker"], DATA / "calls_2025_2026" / row["file"], row["call_date"], "call",
                            int(row["transcript_body_starts_at_line"])))
    for path in sorted(p for p in (DATA / "edgar" / "earnings_releases").glob("*/*") if p.is_file()):
        company, date = path.name.split("_")[:2]
        docs.append(Doc(company.upper(), path, date, "release"))
    for path in sorted((DATA / "edgar" / "filings").glob("*.html")):
        company, _, form = path.stem.split("-")[:3]
        date = FILING_DATES.get(path.name) or "-".join(path.stem.split("-")[-3:])
        docs.append(Doc(company.upper(), path, dt.date.fromisoformat(date).isoformat(), f"10-{form.upper()}"))
    return docs


def speaker_turns(text: str, first_line: int = 0) -> dict[int, str]:
    """Role of the speaker (operator | company | analyst) at each line where a turn starts.

    Calls name the speaker on a line of its own. The operator is "Operator", or else the first speaker.
    Once the operator opens the questions, whoever speaks right after the operator, or is named by
    the operator, is an analyst, unless they spoke before the questions (the company's speakers).
    """
    lines = text.split("\n")
    turns: list[tuple[int, str]] = []
    for i in range(first_line, len(lines)):
        name = lines[i].strip()
        if (0 < len(name) <= 50 and name[-1] not in ".?!,:;" and (i <= first_line + 1 or not lines[i - 1].strip())
                and i + 1 < len(lines) and lines[i + 1].strip() and len(name.split()) <= 6
                and all(w[:1].isupper() for w in name.replace(".", " ").split()) and not re.search(r"\d", name)):
            turns.append((i, name))
    if not turns:
        return {}
    names = {name for _, name in turns}
    operator = {"Operator"} if "Operator" in names else {turns[0][1]}  # else the operator gives a first name
    bounds = [t[0] for t in turns[1:]] + [len(lines)]
    analysts: set[str] = set()
    prepared: set[str] = set()  # who spoke before the first question: the company's own speakers
    questions_open = after_operator = False
    for (start, name), end in zip(turns, bounds, strict=True):
        said = " ".join(lines[start + 1:end])
        # Transcripts sometimes fold the operator's "next question comes from …" into the previous turn.
        introduces = bool(_INTRODUCES.search(said))
        if (name in operator and _QUESTIONS.search(said) or introduces) and prepared:
            questions_open = True
        if questions_open and (name in operator or introduces):
            analysts |= {n for _, n in turns if n not in operator and n not in prepared and n.split()[-1] in said}
        if name not in operator and not questions_open:
            prepared.add(name)
        elif name not in operator and after_operator and name not in prepared:
            analysts.add(name)
        after_operator = name in operator
    return {start: "operator" if name in operator else "analyst" if name in analysts else "company"
            for start, name in turns}


_QUESTIONS = re.compile(r"question|operator instructions", _I)
_INTRODUCES = re.compile(r"question (?:comes|is|will come|today comes) from|(?:comes )?from the line of", _I)


def split(doc: Doc) -> list[Sentence]:
    raw = doc.path.read_text(encoding="utf-8")
    prose = document_text(raw, SPLIT_MODE[doc.kind])
    line_starts = [0] + [m.end() for m in re.finditer("\n", prose)]
    body_from = line_starts[min(doc.body_line, len(line_starts)) - 1]
    roles = speaker_turns(prose, doc.body_line - 1) if doc.kind == "call" and "\n" in prose.strip() else {}
    turn_starts = sorted(roles)
    out = []
    rel = doc.path.relative_to(REPO).as_posix()
    line, turn = 0, None
    for index, (start, end) in enumerate(sentence_spans(prose)):
        while line + 1 < len(line_starts) and line_starts[line + 1] <= start:
            line += 1
            if line in roles:
                turn = line
        if start < body_from:
            continue
        role = None if turn is None else roles[turn]
        if line in turn_starts:  # the speaker's name itself
            continue
        out.append(Sentence(f"{doc.path.stem}#{index}", doc.company, rel, index, doc.date, doc.kind,
                            prose[start:end], role))
    return out


def quotes() -> list[Sentence]:
    rel = "data/facts/capex_guidance_quotes.csv"
    out = []
    with (DATA / "facts" / "capex_guidance_quotes.csv").open(encoding="utf-8") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            doc = row["document"]
            kind = "10-K" if "10-K" in doc else "10-Q" if "10-Q" in doc else "call" if "call" in doc else "release"
            out.append(Sentence(f"capex_guidance_quotes#{i}", row["ticker"], rel, i, row["date"], kind, row["quote"],
                                "company"))
    return out


def readable(text: str) -> bool:
    words = text.split()
    letters = sum(c.isalpha() for c in text)
    return 40 <= len(text) <= 600 and len(words) >= 7 and letters >= 0.6 * len(text) \
        and not BOILERPLATE.search(text)


def classify(s: Sentence) -> str:
    text = s.text
    strong = {m.group(0).lower() for m in STRONG.finditer(text)}
    weak = sum(1 for rx in WEAK if rx.search(text))
    hard = [n for n, rx in HARD_RE.items() if rx.search(text)]
    if "past_amount" in hard and DIRECTION.search(text):
        hard.remove("past_amount")
    question = s.speaker_role == "analyst" or text.rstrip().endswith("?")
    topical = bool(strong) or weak >= 2
    if topical and (question or (hard and not (CORE.search(text) and "past_amount" not in hard))):
        return "question" if question else "hard_negative"
    if topical:
        cues = len({m.group(0).lower() for m in CUE.finditer(text)})
        s.score = 1.0 + len(strong) + 0.5 * weak + min(cues, 4) + (2.0 if CORE.search(text) else 0.0)
        return "topic"
    if hard and (weak or "capacity" in text.lower() or "efficien" in text.lower()):
        return "hard_negative"
    return "random_negative"


def _norm(text: str) -> str:
    return re.sub(r"[^a-z]+", "", text.lower())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


class Dedup:
    """Exact duplicates by letters only; near-exact by word-set overlap among sentences opening alike."""

    def __init__(self) -> None:
        self.exact: set[str] = set()
        self.blocks: dict[str, list[set[str]]] = defaultdict(list)

    def seen(self, text: str, add: bool = True) -> bool:
        key, words = _norm(text), _words(text)
        block = " ".join(words[:6])
        bag = set(words)
        dup = key in self.exact or any(len(bag & other) >= 0.85 * len(bag | other) for other in self.blocks[block])
        if add and not dup:
            self.exact.add(key)
            self.blocks[block].append(bag)
        return dup


def dev_set(dedup: Dedup) -> set[tuple[str, int]]:
    """Register the old dev set's sentences so none enters the pool; returns its (file, index) pairs."""
    places = set()
    for line in DEV_SET.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        dedup.seen(row["text"])
        path, _, index = row["source"].partition(", sentence ")
        if index.isdigit():
            places.add((path, int(index)))
    return places


def allocate(avail: dict[str, int], total: int) -> dict[str, int]:
    """Split `total` across companies by weight, capped by what each has; leftovers go to the rest."""
    take = dict.fromkeys(avail, 0)
    left = total
    open_ = {c for c, n in avail.items() if n}
    while left > 0 and open_:
        weight = sum(COMPANY_WEIGHT.get(c, 1.0) for c in open_)
        given = 0
        for c in sorted(open_):
            share = max(1, int(left * COMPANY_WEIGHT.get(c, 1.0) / weight))
            add = min(share, avail[c] - take[c], left - given)
            take[c] += add
            given += add
        left -= given
        open_ = {c for c in open_ if take[c] < avail[c]}
        if given == 0:
            break
    return take


def spread(items: list[Sentence], rng: random.Random) -> list[Sentence]:
    """Order a company's sentences so that taking a prefix spreads picks over its documents.

    Within a document the order is a score-weighted random draw (Efraimidis–Spirakis keys);
    across documents, calls get more picks per round than releases and filings.
    """
    by_doc: dict[str, list[Sentence]] = defaultdict(list)
    for s in items:
        by_doc[s.source_file].append(s)
    keyed = []
    for doc in sorted(by_doc):
        ranked = sorted(by_doc[doc], key=lambda s: -rng.random() ** (1.0 / s.score))
        offset = rng.random()
        keyed += [((rank + offset) / KIND_WEIGHT[s.kind], s.id, s) for rank, s in enumerate(ranked)]
    return [s for _, _, s in sorted(keyed, key=lambda k: (k[0], k[1]))]


def build(seed: int, total: int) -> list[Sentence]:
    rng = random.Random(seed)
    dedup = Dedup()
    dev_places = dev_set(dedup)
    forced = [q for q in quotes() if not dedup.seen(q.text, add=False)]
    for q in forced:  # the curated quotes are all in: they are guidance sentences by construction
        dedup.seen(q.text)
        q.selection = classify(q)
        q.selection = "hard_negative" if q.selection == "question" else q.selection
    strata: dict[str, dict[str, list[Sentence]]] = {k: defaultdict(list) for k in SHARE}
    for doc in documents():
        for s in split(doc):
            if (s.source_file, s.sentence_index) in dev_places or s.speaker_role == "operator" \
                    or not readable(s.text) or dedup.seen(s.text):  # first occurrence in document order wins
                continue
            s.selection = classify(s)
            strata[s.selection][s.company].append(s)
    companies = sorted({c for stratum in strata.values() for c in stratum})
    pool = list(forced)
    counts = Counter(q.selection for q in forced)
    for selection, share in SHARE.items():
        ordered = {c: spread(strata[selection][c], rng) for c in companies}
        want = allocate({c: len(ordered[c]) for c in companies}, round(total * share) - counts[selection])
        for c in companies:
            for s in ordered[c][:want[c]]:
                s.selection = "hard_negative" if selection == "question" else selection
                pool.append(s)
    return sorted(pool, key=lambda s: (s.company, s.source_file, s.sentence_index))


# Restraint, level and decline words: stances the first pool holds few of in a boom (maintain, moderate,
# cut). Candidates chosen by these words, beside a topic word, form the enriched stratum.
RARE = re.compile(r"\b(?:reduc\w*|lower\w*|decreas\w*|declin\w*|cut\w*|cancel\w*|delay\w*|push\w* out|defer\w*"
                  r"|paus\w*|slow\w*|moderat\w*|disciplin\w*|optimi[sz]\w*|efficien\w*|flat|similar|consistent"
                  r"|in line|unchanged|maintain\w*|reaffirm\w*|no change|representative|run[- ]rate|timing|digest\w*"
                  r"|below|down|less|smaller|fewer|throttl\w*|flexib\w*|prudent|measured|careful|pace|pacing"
                  r"|rationali[sz]\w*|wafer starts|underutili[sz]\w*|idle|excess|overbuil\w*|lower rate|narrow\w*)\b",
                  _I)
ENRICHED_OUT = DATA / "stance" / "candidates_enriched.jsonl"


def enriched(seed: int, total: int, taken: set[str]) -> list[Sentence]:
    """Topic sentences with restraint/level/decline words that the first pool did not take."""
    rng = random.Random(seed + 7)
    dedup = Dedup()
    dev_places = dev_set(dedup)
    for line in OUT.read_text(encoding="utf-8").splitlines():
        dedup.seen(json.loads(line)["text"])
    by_company: dict[str, list[Sentence]] = defaultdict(list)
    for doc in documents():
        for s in split(doc):
            if s.id in taken or (s.source_file, s.sentence_index) in dev_places or s.speaker_role in ("operator",
                    "analyst") or not readable(s.text) or not RARE.search(s.text) or dedup.seen(s.text):
                continue
            if CORE.search(s.text) or STRONG.search(s.text):
                s.selection = "enriched"
                by_company[s.company].append(s)
    companies = sorted(by_company)
    ordered = {c: spread(by_company[c], rng) for c in companies}
    want = allocate({c: len(ordered[c]) for c in companies}, total)
    pool = [s for c in companies for s in ordered[c][:want[c]]]
    return sorted(pool, key=lambda s: (s.company, s.source_file, s.sentence_index))


def row(s: Sentence) -> dict[str, object]:
    return {"id": s.id, "company": s.company, "source_file": s.source_file, "sentence_index": s.sentence_index,
            "doc_date": s.doc_date, "kind": s.kind, "selection": s.selection, "speaker_role": s.speaker_role,
            "text": s.text}


def shards(pool: list[Sentence], n: int, seed: int) -> list[list[Sentence]]:
    """n shards of near-equal size, each with about 1/n of every company's sentences of each stratum."""
    rng = random.Random(seed + 1)
    out: list[list[Sentence]] = [[] for _ in range(n)]
    groups: dict[tuple[str, str], list[Sentence]] = defaultdict(list)
    for s in pool:
        groups[(s.company, s.selection)].append(s)
    turn = 0
    for key in sorted(groups):
        items = groups[key][:]
        rng.shuffle(items)
        for s in items:  # one counter across groups, so the shard sizes differ by at most one
            out[turn % n].append(s)
            turn += 1
    for shard in out:
        rng.shuffle(shard)
    return out


def write(path: Path, items: list[Sentence]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for s in items:
            handle.write(json.dumps(row(s), ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--total", type=int, default=4200)
    parser.add_argument("--shards", type=Path, default=None, help="folder for shard_1.jsonl … (default: none)")
    parser.add_argument("--shard-count", type=int, default=4)
    parser.add_argument("--enrich", type=int, default=0, help="also write N enriched candidates (rare stances)")
    args = parser.parse_args(argv)
    if args.total < 100 or args.shard_count < 1:
        print("error: --total must be at least 100 and --shard-count at least 1", file=sys.stderr)
        return 2
    pool = build(args.seed, args.total)
    write(OUT, pool)
    if args.enrich:
        extra = enriched(args.seed, args.enrich, {s.id for s in pool})
        write(ENRICHED_OUT, extra)
        print(f"{len(extra)} enriched candidates -> {ENRICHED_OUT.relative_to(REPO)}:",
              dict(sorted(Counter(s.company for s in extra).items())))
        if args.shards:
            for i, shard in enumerate(shards(extra, 2, args.seed + 7), start=1):
                write(args.shards / f"enriched_{i}.jsonl", shard)
    print(f"{len(pool)} candidates -> {OUT.relative_to(REPO)}")
    by_company = Counter(s.company for s in pool)
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for s in pool:
        per[s.company][s.selection] += 1
    print(f"{'company':8} {'total':>6} {'topic':>6} {'hard':>6} {'random':>6}")
    for c in sorted(by_company):
        print(f"{c:8} {by_company[c]:6} {per[c]['topic']:6} {per[c]['hard_negative']:6} {per[c]['random_negative']:6}")
    print("selection:", dict(sorted(Counter(s.selection for s in pool).items())))
    print("kind:", dict(sorted(Counter(s.kind for s in pool).items())))
    if args.shards:
        for i, shard in enumerate(shards(pool, args.shard_count, args.seed), start=1):
            path = args.shards / f"shard_{i}.jsonl"
            write(path, shard)
            print(f"{path}: {len(shard)} sentences, {len({s.company for s in shard})} companies, "
                  f"{dict(sorted(Counter(s.selection for s in shard).items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
