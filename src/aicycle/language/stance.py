"""The stance of one sentence about capex and capacity: expand, maintain, moderate, cut or none.

The labels are defined in docs/stance_labels.md. The trained model (`model.py`) decides; the rule
engine (`rules.py`) feeds it its cues, overrules it where the rules are certain (a guidance range
compared with the prior range in the same sentence) or where the model is unsure and the rules are
sure, and gives the cue phrases shown to the user.
Text without any capex vocabulary (the keyword gate) is `none` without further work, which keeps the
model off most sentences of a call.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from aicycle.language import definitions, model, rules
from aicycle.language.labels import LABELS, NONE_OFF_TOPIC, Stance
from aicycle.language.lexicon import TOPICAL

__all__ = ["LABELS", "Stance", "classify", "classify_rules", "classify_topical", "classify_topical_many"]
# What the rules decide by definition: a guidance range against the prior one, two years' amounts, a past
# amount with no direction, slower growth of a rising capex, power plants or warehouses rather than data centers,
# a slowdown denied ("digestion at some point, but we don't see it"), an analyst's question (`none` by definition),
# the shapes in definitions.py.
CERTAIN = ("fig:guidance:expand", "fig:guidance:maintain", "fig:guidance:cut", "fig:yearly:expand",
           "fig:yearly:maintain", "fig:yearly:cut", "fig:past_amount", "slower_growth", "power_plant",
           "denied_slowdown", "asked_question", *definitions.FEATURES)
_CERTAIN = frozenset(CERTAIN)
# Where the model is unsure and the rules are sure, the rules decide a restraint (maintain, moderate: the
# definitions' own wording, which real calls rarely hold) and a rise or cut of spending itself (capex, or the
# wafer equipment spending of a supplier's customers). A rise or fall of compute, capacity or a build-out the
# rules read from a direction word is as often about something else ("the GPU business was down
# sequentially"), and there the model decides (docs/language.md, round 19).
MODEL_UNSURE = 0.9
RULES_SURE = 0.8
SPENDING_SUBJECTS = frozenset({"subj:capex", "subj:wfe"})
RESTRAINT = frozenset({"maintain", "moderate"})


def classify(text: str) -> Stance:
    """Classify one sentence with the trained model (rules as features and certain overrides)."""
    lowered = text.lower()
    if not TOPICAL.search(lowered):
        return NONE_OFF_TOPIC
    return classify_topical(lowered)


def classify_topical(lowered: str, positions: Sequence[int] | None = None) -> Stance:
    """A lower-cased sentence that passed the keyword gate; `positions` are its cue starts, if known."""
    return classify_topical_many([(lowered, positions)])[0]


def classify_topical_many(sentences: Sequence[tuple[str, Sequence[int] | None]]) -> list[Stance]:
    """`classify_topical` for many (lower-cased sentence, cue positions) pairs, the model run once.

    The model reads `model.features`, encoded straight to its rows (`StanceModel.encode`), and only
    for the sentences the rules do not decide by definition."""
    read = rules.read_many(sentences)
    out = [rule_stance for rule_stance, _ in read]
    try:
        trained = model.load()
    except FileNotFoundError:  # a source tree before the first training run: the rules alone
        return out
    open_ = [i for i, (_, seen) in enumerate(read) if _CERTAIN.isdisjoint(seen)]
    if not open_:
        return out
    probs = trained.probabilities_read([(sentences[i][0], read[i][1]) for i in open_])
    for i, stance in zip(open_, trained.stances([read[i][0] for i in open_], probs), strict=True):
        out[i] = read[i][0] if rules_overrule(read[i][0], read[i][1], stance.confidence) else stance
    return out


def rules_overrule(rule_stance: Stance, seen: Collection[str], model_confidence: float) -> bool:
    """Whether the rules' stance replaces an unsure model's on a sentence whose rule features are `seen`."""
    if model_confidence >= MODEL_UNSURE or rule_stance.confidence < RULES_SURE:
        return False
    return rule_stance.label in RESTRAINT or (rule_stance.label != "none" and not SPENDING_SUBJECTS.isdisjoint(seen))


def classify_rules(text: str) -> Stance:
    """The rule engine alone: the baseline the model is measured against."""
    return rules.classify(text)
