""""Microsoft expects to remain capacity constrained through the end of 2026" as of 2026-04-20 was supported by
"we now expect to be capacity constrained through at least the end of our fiscal year" (June 2026) and by
present-tense sentences: a claim about how long a state lasts is answered only by a sentence naming the year."""

from __future__ import annotations

from pathlib import Path

from aicycle.rumor import check
from tests import rumor_store


def test_a_span_to_a_years_end_needs_a_sentence_naming_it(data_dir: Path) -> None:
    store = rumor_store.loaded_store(data_dir)
    claim = "Microsoft expects to remain capacity constrained through the end of 2026"
    assert check(store, claim, "2026-04-20")["verdict"] == "unclear"
