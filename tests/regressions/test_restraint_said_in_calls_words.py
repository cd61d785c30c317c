"""Real calls state the moderate row's restraint in their own words, which the model (trained mostly on boom-time
sentences) read as `none` or `expand`: capacity not added ("rather than adding new head and media unit capacity"),
flexibility kept over the pace of investment, discipline about capital or supply. Opex discipline stays `none`."""

import pytest

from aicycle.language.stance import classify


@pytest.mark.parametrize("text", [
    "We will leverage technology transitions to support Exabyte growth, rather than adding new head and media unit "
    "capacity.",
    "So our ability to deliver incremental exabytes without having to put in capex in terms of more production units "
    "has been one of the big differentiators.",
    "More broadly, as we invest in infrastructure to meet our business needs, we continue to prioritize maintaining "
    "long-term flexibility so we can adapt to how the market develops.",
    "But, you know, clearly we're predicting good pricing increases into the next quarter and we will stay very "
    "disciplined of managing supply and demand in our business.",
])
def test_restraint_in_a_calls_words_is_moderate(text: str) -> None:
    assert classify(text).label == "moderate"


@pytest.mark.parametrize("text", [
    "Operating income was $884 million, up 33% sequentially, driven by better gross margins and disciplined spending.",
    "We have the financial flexibility to adjust our capital returns as needed.",
])
def test_opex_discipline_and_financial_flexibility_are_not_a_stance(text: str) -> None:
    assert classify(text).label == "none"
