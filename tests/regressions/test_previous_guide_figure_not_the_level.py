"""'Intel's 2025 gross capex plan is below $19 billion' was contradicted by Intel's own sentence "... will now
be approximately $18 billion, which is below our previous guide of $20 billion": the highest figure of the
sentence, the previous guide, was taken for the company's figure."""

from __future__ import annotations

from pathlib import Path

from aicycle.rumor import check
from aicycle.rumor.observe import current_figures
from tests import rumor_store


def test_the_replaced_figure_is_not_the_stated_one() -> None:
    text = ("we anticipate our 2025 gross capital investment will now be approximately $18 billion, "
            "which is below our previous guide of $20 billion")
    assert current_figures(text) == [(18e9, 18e9, "USD")]
    assert current_figures("capex of $40 billion") == [(40e9, 40e9, "USD")]


def test_intel_below_19_billion_is_supported(data_dir: Path) -> None:
    store = rumor_store.loaded_store(data_dir)
    result = check(store, "Intel's 2025 gross capex plan is below $19 billion", "2025-06-15")
    assert result["verdict"] == "supported"
