"""Shares of a whole: "about two-thirds of Microsoft's capex went to GPUs and CPUs", "most of its 2026 capex goes
to AWS", "60% of that investment in servers and 40% in data centers and networking". The claim's share and the
shares a company states are read the same way, so the two can be set side by side."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FRACTIONS = {"half": 0.5, "two-thirds": 2 / 3, "two thirds": 2 / 3, "a third": 1 / 3, "one-third": 1 / 3,
              "one third": 1 / 3, "three-quarters": 0.75, "three quarters": 0.75, "a quarter": 0.25,
              "one-quarter": 0.25}
_MAJORITY = r"(?:the )?(?:vast |overwhelming |large )?majority|most|the bulk|the lion'?s share|predominantly"
_QUALIFIER = r"(?P<q>more than|over|just over|at least|less than|under|about|roughly|around|nearly|approximately|some)"
_SHARE = re.compile(rf"(?<![\w-])(?:{_QUALIFIER}\s+)?(?P<f>{'|'.join(map(re.escape, _FRACTIONS))}|\d+(?:\.\d+)?\s?%|"
                    rf"{_MAJORITY})(?!\w)", re.I)
# What a share is of: the claim must name one, and a company's sentence must speak of the same.
WHOLES = {"capex": r"cap(?:ital )?ex\w*|capital|spend\w*|invest\w*", "compute": r"compute",
          "backlog": r"backlog|\bRPO\b|remaining performance"}
# The parts a share goes to. Those in one group are disjoint (a dollar goes to a GPU or to a building; to AWS
# or to retail), so two of them cannot both hold most of the whole; technical infrastructure spans them all.
PARTS = {
    "short-lived assets": (r"gpus?|cpus?|chips?|servers?|machines|short[- ]lived|accelerators?", "asset"),
    "long-lived assets": (r"long[- ]lived|buildings?|(?:data[- ]cent(?:er|re)s?|sites?) and networking|land|"
                          r"data[- ]cent(?:er|re) (?:sites?|buildings?|shells?)|facilities|finance leases", "asset"),
    "cloud": (r"aws|azure|google cloud|cloud", "business"),
    "retail": (r"retail|logistics|fulfil?ment|stores", "business"),
    "technical infrastructure": (r"technical infrastructure", ""),
}
_RATHER = re.compile(r"\b(?:rather than|instead of|not)\b", re.I)


@dataclass(frozen=True)
class Share:
    value: float  # the fraction (most: 0.5 with op above)
    op: str  # at | above | below
    whole: str  # capex | compute | backlog
    part: str  # a key of PARTS, or a name the claim gives ("OpenAI")
    text: str


def read_share(text: str) -> Share | None:
    """The share a claim names, of which whole, going to which part; None when it names none."""
    for m in _SHARE.finditer(text):
        if re.search(r"\b(?:first|second|back|front|latter|other)\s*$", text[:m.start()], re.I):
            continue  # "the first half of 2026": a period, not a share
        rest = text[m.end():]
        of = re.match(r"\s+of\s+(?P<whole>(?:[\w'’.-]+\s+){0,5}?)(?P<verb>(?:[\w-]+\s+){0,2}?)"
                      r"(?:to|for|on|into|towards?|from|(?:is|are|was|were|comes? from|came from)(?:\s+from)?)\s+"
                      r"(?P<part>.+)$", rest, re.I)  # "~45% of MSFT commercial RPO is OpenAI"
        if of is None:
            continue
        whole = next((w for w, p in WHOLES.items() if re.search(p, of.group("whole") + of.group("verb"), re.I)), None)
        if whole is None:
            continue
        part = part_of(_RATHER.split(of.group("part"))[0])
        if part is None:
            continue
        value, op = _measure(m)
        return Share(value, op, whole, part, text[m.start():m.end() + of.start("part")].strip())
    return _share_held(text)


# "OpenAI accounts for roughly 45% of Microsoft's commercial backlog": the part first, then its share of the whole
_HELD = re.compile(r"\b(?P<part>[A-Z][\w.-]+)\s+(?:now\s+)?(?:accounts? for|accounted for|makes? up|made up|"
                   r"represents?|represented|holds?|held|is|was)\s+(?P<share>.+?)\s+of\s+(?P<whole>.+)$")


def _share_held(text: str) -> Share | None:
    held = _HELD.search(text)
    if held is None:
        return None
    m = _SHARE.fullmatch(held.group("share"))
    whole = next((w for w, p in WHOLES.items() if re.search(p, held.group("whole"), re.I)), None)
    if m is None or whole is None:
        return None
    value, op = _measure(m)
    return Share(value, op, whole, part_of(held.group("part")) or held.group("part"), held.group(0))


def part_of(text: str) -> str | None:
    """The part a claim names: one of PARTS, else the first name ("OpenAI")."""
    named = re.search(r"\b([A-Z][\w-]+)", text)
    return _known_part(text) or (named.group(1) if named else None)


def _known_part(text: str) -> str | None:
    return next((name for name, (pattern, _) in PARTS.items() if re.search(rf"\b(?:{pattern})\b", text, re.I)), None)


def stated_shares(sentence: str) -> list[tuple[float, str, str]]:
    """(fraction, op, part) for each share a sentence states and the part it names right after it."""
    found = []
    matches = list(_SHARE.finditer(sentence))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        after = sentence[m.end():min(end, m.end() + 90)]
        part = _known_part(after)
        if part is None:
            named = re.search(r"\b(?:from|to|with|tied to|related to)\s+([A-Z][\w-]+)", after)
            part = named.group(1) if named else None
        if part is not None:
            value, op = _measure(m)
            found.append((value, op, part))
    return found


def disjoint(a: str, b: str) -> bool:
    """Whether parts a and b cannot share a dollar (so both cannot hold most of the whole)."""
    group_a, group_b = PARTS.get(a, ("", "")), PARTS.get(b, ("", ""))
    return a != b and bool(group_a[1]) and group_a[1] == group_b[1]


def _measure(m: re.Match[str]) -> tuple[float, str]:
    word, q = m.group("f").lower(), (m.group("q") or "").lower()
    if re.fullmatch(_MAJORITY, word, re.I):
        return 0.5, "above"
    value = float(word.rstrip("%").strip()) / 100 if word.endswith("%") else _FRACTIONS[word]
    op = "above" if q in ("more than", "over", "just over", "at least") else "below" if q in ("less than", "under") \
        else "at"
    return value, op
