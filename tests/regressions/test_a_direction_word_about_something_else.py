"""The rules read a direction word near a compute or capacity word as a stance ("the GPU business was down
sequentially" as a cut); on real calls that is more often about something else, so an unsure model is no
longer overruled there. A rise or cut of capex or WFE, and a restraint, still go to the rules."""

import pytest

from aicycle.language.stance import classify, classify_rules


@pytest.mark.parametrize("text", [
    "My math suggests that could have even meant that the GPU business was down sequentially.",
    "And it's not like HPC clusters where they'll build one and tear it down.",
    "Services orders grew 16% as customers aimed to get more capacity and better performance out of their plants.",
])
def test_a_direction_word_near_compute_is_not_a_stance(text: str) -> None:
    assert classify_rules(text).label != "none"  # the rules alone still misread it
    assert classify(text).label == "none"


@pytest.mark.parametrize(("text", "label"), [
    ("Capex will be meaningfully higher next year.", "expand"),
    ("We expect WFE to be down this year.", "cut"),
    ("We will stay disciplined and sweat the fleet we have.", "moderate"),
    ("Efficiency gains from DeepSeek-style models will lead to more demand for compute, not less.", "expand"),
])
def test_spending_and_restraint_still_read_by_the_rules(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize("text", [
    "We may be able to sell excess capacity to third parties if we overbuild.",
    "Our spending on AI infrastructure is measured and tied to demand signals.",
])
def test_a_hedge_against_overbuilding_and_measured_spending_are_moderate(text: str) -> None:
    # the model trained on round 19's 1,945 further real sentences reads both `none` with confidence;
    # STANCE_LABELS.md's moderate row names hedges and discipline, so the definitions decide them
    assert classify(text).label == "moderate"
