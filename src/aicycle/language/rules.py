"""The rule engine for capex stance: cues the trained model reads and the explanation users see.

A rule and lexicon engine (docs/stance_labels.md says what each label means):
1. a cheap keyword test drops sentences that cannot be about capex (most of a transcript);
2. two cue matchers (lexicon.py) find subjects (capex, build-out, capacity), blocks ("capacity"
   that means disk drives or a power auction), nouns that are not capex (revenue, opex, churn) and
   direction cues;
3. each direction cue votes with its weight, flipped when a negator precedes it, discounted when it
   sits far from any subject, nearer another noun, in a question or a hypothetical;
4. numbers decide when the sentence gives them: a guidance range against the prior range, or two
   years' amounts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from aicycle.language import definitions, figures
from aicycle.language.asked import NEEDLES as _ASKED_NEEDLES
from aicycle.language.asked import asked
from aicycle.language.labels import LABELS, NONE_OFF_TOPIC, Stance
from aicycle.language.lexicon import (
    CUE_MATCHERS,
    DIRECTION_CUES,
    DIRECTION_MATCHER,
    FILLERS,
    NEGATORS,
    SUBJECT_CUES,
    SUBJECT_MATCHER,
    TOPICAL,
    Cue,
)
from aicycle.language.matcher import words as _words
from aicycle.language.needles import Needles

# Cues that name the topic themselves ("capacity constrained", "digestion", "build-out").
SELF_TOPICAL = frozenset({"constrained", "rent_outside", "out_of_digestion", "efficiency_more", "build",
                          "digest", "discipline", "excess", "efficiency"})
MIN_SCORE = 0.9          # below this the sentence has no clear stance
NEAR = 90                # characters: a cue this close to a subject speaks about it
# All patterns here run on lower-cased text.


_CONTRAST = _words("but|however|yet|nonetheless|still")
_CONCESSIVE = re.compile(r"\b(?:despite|although|though|even as|even though|while)\b")
# Needles: substrings every match of the pattern beside them contains ("grid", not "the grid": a common
# opening costs the one-pass search, `needles.Needles`, a check at every place it occurs). A few `in` tests cost less than
# one regex scan, and most topical sentences hold none of them, so the regex runs only where it can match.
_CONTRAST_NEEDLES = ("but", "however", "yet", "nonetheless", "still")
_CONCESSIVE_NEEDLES = ("despite", "though", "even as", "while")
_NEGATOR_NEEDLES = ("no", "n't", "never", "without", "hardly")
_FILLER_NEEDLES = ("you know", "i mean", "sort of", "kind of", "if you will")
_HYPOTHETICAL_START = ("if ", "assuming", "suppose")
_HYPOTHETICAL_WORDS = ("whether", "depending on", "speculat", "hypothetical", "what happens",
                       "environment where")
_ASKING = re.compile(r"\b(?:do|does|did|are|is|can|could|would|will|should|how|what|where|when|why)(?:'s)?\s+"
                     r"(?:you|we|they|there|it|the|your|that|this|these|those)\b")
# "… a period of digestion at some point, but we don't see that today": the slowdown is denied.
_DENIAL = _words("do not|don't|are not|aren't|have not|haven't|not",
                 r" (?:see|seeing|seen) (?:it|that|this|any of (?:it|that))\b")
# Power plants and warehouses are not the data-center build-out unless the sentence says so.
_POWER_PLANT = re.compile(r"\b(?:generation|generating|nuclear|renewables?|gas-fired|turbines?|the grid|load growth"
                          r"|ercot|pjm|peakers?|megawatt hours?|reactors?|battery storage|wind|solar"
                          r"|warehouses?|fulfil?lment|logistics|stores)\b")
_POWER_PLANT_NEEDLES = ("generat", "nuclear", "renewable", "gas-fired", "turbine", "grid", "load growth", "ercot",
                        "pjm", "peaker", "megawatt hour", "reactor", "battery storage", "wind", "solar", "warehouse",
                        "fulfil", "logistics", "stores")
_DATA_CENTER = _words(r"data[- ]?cent\w*|ai|compute|hyperscal\w*|gpus?|cloud|cap[- ]?ex|capital expenditures?")
# Segments whose "digestion" is not data-center equipment (PCs, campus networking, FPGAs, consoles).
_NON_DC_SEGMENT = re.compile(r"\b(?:intelligent edge|ccg|client|pcs?|altera|mobileye|semi-?custom|handsets?"
                             r"|consoles?|smartphones?|automotive|industrial)\b")

# The needle groups tested on every topical sentence, found for a document's sentences in the same pass
# as the definition shapes' needles (`needles.Needles`): one bit each, after the shapes' bits.
_SHAPE_BITS = (1 << len(definitions.SHAPES)) - 1
_GROUPS = (_POWER_PLANT_NEEDLES, _CONTRAST_NEEDLES, _CONCESSIVE_NEEDLES, _HYPOTHETICAL_WORDS, _ASKED_NEEDLES)
_POWER_PLANT_BIT, _CONTRAST_BIT, _CONCESSIVE_BIT, _HYPOTHETICAL_BIT, _ASKED_BIT = (
    1 << (len(definitions.SHAPES) + i) for i in range(len(_GROUPS)))
_NEEDLES = Needles([*definitions.NEEDLE_BITS,
                    *((needle, 1 << (len(definitions.SHAPES) + i)) for i, group in enumerate(_GROUPS)
                      for needle in group)])


def classify(text: str) -> Stance:
    """Classify one sentence. Text with no capex vocabulary is `none` without further work."""
    lowered = text.lower()
    if not TOPICAL.search(lowered):
        return NONE_OFF_TOPIC
    return _classify_topical(lowered)


@dataclass
class _Cues:
    subjects: list[tuple[int, int, Cue]] = field(default_factory=list)
    blocks: list[tuple[int, int]] = field(default_factory=list)
    others: list[tuple[int, int]] = field(default_factory=list)
    directions: list[tuple[re.Match[str], Cue]] = field(default_factory=list)
    subject_starts: list[int] = field(default_factory=list)
    other_starts: list[int] = field(default_factory=list)


def _collect(text: str, positions: Sequence[int] | None = None) -> _Cues:
    found = _Cues()
    if positions is None:
        subjects, directions = list(SUBJECT_MATCHER.finditer(text)), list(DIRECTION_MATCHER.finditer(text))
    else:
        subjects, directions = CUE_MATCHERS.matches(text, positions)
    for index, match in subjects:
        cue = SUBJECT_CUES[index]
        if cue.label == "subject":
            found.subjects.append((match.start(), match.end(), cue))
        else:
            found.blocks.append(match.span())
    for index, match in directions:
        cue = DIRECTION_CUES[index]
        if found.blocks and _overlaps(found.blocks, match.start(), match.end()):
            continue  # "adding gas capacity", "in this new capacity": not the build-out
        if cue.label == "other":
            found.others.append((match.start(), match.end()))
        elif cue.label != "skip":
            found.directions.append((match, cue))
    if found.others:
        # In "data center revenue" the head noun is revenue: the subject is only a modifier.
        heads = {a for a, _ in found.others}
        found.subjects = [s for s in found.subjects if not ({s[1] + 1, s[1] + 2} & heads)]
    found.subject_starts = [a for a, _, _ in found.subjects]
    found.other_starts = [a for a, _ in found.others]
    return found


def _classify_topical(lowered: str, positions: Sequence[int] | None = None) -> Stance:
    """Rules for a sentence that passed the keyword test.

    `lowered` is the lower-cased sentence; `positions` are candidate cue starts in it (from the
    document's `PrefixIndex` pass) or None to find them here.
    """
    return read(lowered, positions)[0]


def read(lowered: str, positions: Sequence[int] | None = None) -> tuple[Stance, dict[str, float]]:
    """The rules' answer for a topical sentence and what they saw, as named features for the model:
    the rule label, each label's vote, every cue and subject by name, mood, numbers."""
    return read_many([(lowered, positions)])[0]


def read_many(sentences: Sequence[tuple[str, Sequence[int] | None]]) -> list[tuple[Stance, dict[str, float]]]:
    """`read` for many (lower-cased sentence, cue positions) pairs: the tests that need nothing else
    from a sentence run once over all of them."""
    texts = [_without_fillers(lowered) for lowered, _ in sentences]
    present = _NEEDLES.present(texts)
    return [_read(text, positions, bits)
            for text, (_, positions), bits in zip(texts, sentences, present, strict=True)]


def _read(text: str, positions: Sequence[int] | None, bits: int) -> tuple[Stance, dict[str, float]]:
    """`bits`: the needle groups and definition shapes whose needles `text` holds (`_NEEDLES`)."""
    features: dict[str, float] = {}
    if asked(text, bool(bits & _ASKED_BIT)):
        features["asked_question"] = 1.0
        return Stance("none", 0.8, ("an analyst's question",)), features
    if bits & _POWER_PLANT_BIT and not _DATA_CENTER.search(text) and _POWER_PLANT.search(text):
        features["power_plant"] = 1.0
        return Stance("none", 0.7, ("power plants or warehouses, not data centers",)), features
    found = _collect(text, positions)
    for _, _, cue in found.subjects:
        features[f"subj:{cue.name}"] = 1.0
    if found.blocks:
        features["block"] = 1.0
    if found.others:
        features["other_noun"] = 1.0
    topic = max((c.weight for _, _, c in found.subjects), default=0.0)
    has_capex = any(c.name in ("capex", "wfe") for _, _, c in found.subjects)
    numeric = figures.guidance_revision(text) if "$" in text else None
    if numeric:
        features[f"fig:guidance:{numeric[0]}"] = 1.0
    yearly = figures.yearly_amounts(text) if has_capex else None
    if yearly:
        features[f"fig:yearly:{yearly[0]}"] = 1.0
    mood = _mood(text, bool(bits & _HYPOTHETICAL_BIT))
    if mood < 1.0:
        features["mood:reduced"] = 1.0
    defined = definitions.match(text, bits & _SHAPE_BITS) if mood == 1.0 else None
    if defined:
        shape, words = defined
        features[f"def:{shape.name}"] = 1.0
        return Stance(shape.label, 0.9, (words.strip(" ,"),)), _ruled(features, shape.label)
    if (has_capex or topic >= 0.8) and (numeric or yearly):
        found_numeric = numeric or yearly
        assert found_numeric is not None
        return Stance(found_numeric[0], 0.9, (found_numeric[1],)), _ruled(features, found_numeric[0])
    scores, cues, names = _tally(text, found, topic, mood, bits)
    for name in names:
        features[name] = 1.0
    for label, score in scores.items():
        if score > 0:
            features[f"vote:{label}"] = min(score, 3.0) / 3.0
    if has_capex and mood == 1.0 and scores["expand"] > 0 and "cue:moderate" in features:
        # "capex will grow, but at a lower rate": the level still rises, the growth slows (moderate, not cut)
        features["slower_growth"] = 1.0
        return Stance("moderate", 0.85, tuple(cues["moderate"])), _ruled(features, "moderate")
    if has_capex and max(scores.values()) < MIN_SCORE and figures.past_amount(text):
        features["fig:past_amount"] = 1.0
        return Stance("none", 0.85, ("a reported amount, no direction",)), _ruled(features, "none")
    if has_capex and mood == 1.0 and max(scores.values()) < MIN_SCORE and figures.planned_amount(text):
        features["fig:planned"] = 1.0
        return Stance("maintain", 0.6, ("capex plan without direction",)), _ruled(features, "maintain")
    stance = _decide(scores, cues)
    return stance, _ruled(features, stance.label)


def _ruled(features: dict[str, float], label: str) -> dict[str, float]:
    features[f"rule:{label}"] = 1.0
    return features


def _without_fillers(lowered: str) -> str:
    # "working through, you know, their optimizations": blank the filler out, keeping every offset.
    # the fillers' own phrases as needles: "will" and " of" alone sent most sentences to the regex
    if _has_any(lowered, _FILLER_NEEDLES):
        return FILLERS.sub(_blank, lowered)
    return lowered


def _tally(text: str, found: _Cues, topic: float, mood: float, bits: int
           ) -> tuple[dict[str, float], dict[str, list[str]], list[str]]:
    """Each direction cue's vote, summed per label, with the cue phrases behind each sum (`bits` as in `_read`)."""
    scores = dict.fromkeys(LABELS[:-1], 0.0)
    cues: dict[str, list[str]] = {k: [] for k in scores}
    names: list[str] = []
    # the last contrast word matters only to a vote: sentences without a direction cue skip its regex
    last_contrast = _last(_CONTRAST, text) if found.directions and bits & _CONTRAST_BIT else None
    concessive = [m.start() for m in _CONCESSIVE.finditer(text)] \
        if found.directions and bits & _CONCESSIVE_BIT else []
    non_dc = any(c.name == "digest" for _, c in found.directions) and bool(_NON_DC_SEGMENT.search(text))
    for match, cue in found.directions:
        label, weight = _vote(text, match, cue, found, topic, concessive, non_dc)
        if weight <= 0:
            continue
        if last_contrast is not None and match.start() > last_contrast:
            weight *= 1.3  # "…, but we continue to invest": the later clause is the plan
        scores[label] += weight * mood
        cues[label].append(match.group(0))
        names.append(f"cue:{cue.name}" + (":negated" if label != cue.label else ""))
    if scores["moderate"] > scores["expand"] and _DENIAL.search(text, last_contrast or 0):
        scores["expand"], scores["moderate"] = scores["moderate"], scores["expand"]
        cues["expand"], cues["moderate"] = cues["moderate"] + ["(denied)"], cues["expand"]
        names.append("denied_slowdown")
    return scores, cues, names


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(spans, (start, 0))
    return any(a < end and b > start for a, b in spans[max(i - 1, 0):i + 2])


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _vote(text: str, match: re.Match[str], cue: Cue, found: _Cues, topic: float,
          concessive: list[int], non_dc: bool) -> tuple[str, float]:
    start, end = match.span()
    label = cue.label
    if cue.negated and _negated(text, start):
        label = cue.negated
    if cue.name in SELF_TOPICAL:
        weight = cue.weight
        if cue.name == "digest" and non_dc:
            weight = 0.0
    else:
        weight = cue.weight * _proximity(start, end, found.subjects, found.subject_starts)
        if topic < 0.7:
            weight *= 0.5
        if _distance(start, end, found.others, found.other_starts) \
                < _distance(start, end, found.subjects, found.subject_starts):
            weight *= 0.15  # the word is about revenue, churn, opex …, not about capex
    if concessive and concessive[0] < start:
        # the nearest concessive word before the cue, if it opens the cue's clause
        before = concessive[bisect_left(concessive, start) - 1]
        if before > max(text.rfind(",", before, start), text.rfind(";", before, start)):
            weight *= 0.6
    return label, weight


def _negated(text: str, start: int) -> bool:
    """A negator in the 30 characters before a cue. Each of NEGATORS' words holds one of the needles
    ("no" covers not and nor), and most windows hold none, so the regex rarely runs."""
    low = max(0, start - 30)
    window = text[low:start]
    if not _has_any(window, _NEGATOR_NEEDLES):
        return False
    return NEGATORS.search(text, low, start) is not None


def _near(starts: list[int], start: int, end: int, reach: int) -> range:
    """Indexes of the spans (sorted, non-overlapping) that may lie within `reach` of [start, end)."""
    return range(max(bisect_left(starts, start - reach - 100) - 1, 0), bisect_right(starts, end + reach))


def _distance(start: int, end: int, spans: Sequence[tuple[int, int, object] | tuple[int, int]],
              starts: list[int]) -> int:
    best = 10**9
    for i in _near(starts, start, end, 3 * NEAR):
        a, b = spans[i][0], spans[i][1]
        gap = start - b if b <= start else (a - end if a >= end else 0)
        best = min(best, gap)
    return best


def _proximity(start: int, end: int, subjects: list[tuple[int, int, Cue]], starts: list[int]) -> float:
    best = 0.0
    for i in _near(starts, start, end, 3 * NEAR):
        a, b, subject = subjects[i]
        distance = start - b if b <= start else max(a - end, 0)
        if distance <= NEAR:
            best = max(best, subject.weight + 0.2)
        elif distance <= 3 * NEAR:
            best = max(best, 0.5 * subject.weight)
    return min(best, 1.0)


def _mood(text: str, hypothetical_words: bool) -> float:
    """Questions and hypotheticals assert less than statements do (`hypothetical_words`: whether `text`
    holds one of _HYPOTHETICAL_WORDS)."""
    factor = 1.0
    if text.rstrip().endswith("?") and _ASKING.search(text):
        factor *= 0.3
    if text.lstrip(" \"“'").startswith(_HYPOTHETICAL_START) or hypothetical_words:
        factor *= 0.6
    return factor


def _has_any(text: str, needles: tuple[str, ...]) -> bool:
    for needle in needles:
        if needle in text:
            return True
    return False


def _last(pattern: re.Pattern[str], text: str) -> int | None:
    last = None
    for match in pattern.finditer(text):
        last = match.start()
    return last


def _decide(scores: dict[str, float], cues: dict[str, list[str]]) -> Stance:
    if max(scores.values()) < MIN_SCORE:  # most sentences: no ranking needed
        picked = tuple(c for label_cues in cues.values() for c in label_cues)
        return Stance("none", round(0.6 if picked else 0.8, 2), picked)
    ranked = sorted(scores.items(), key=itemgetter(1), reverse=True)  # stable: ties keep LABELS order
    (top, best), (_, second) = ranked[0], ranked[1]
    total = sum(scores.values())
    confidence = 0.5 + 0.45 * (best - second) / (total + 0.5)
    return Stance(top, round(min(confidence + 0.1 * min(best, 3.0) / 3.0, 0.97), 2), tuple(cues[top]))
