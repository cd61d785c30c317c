"""The fast question test gives the case-insensitive reference's answer on lower-cased text."""

from __future__ import annotations

import json
from pathlib import Path

from aicycle.language.asked import ASKED, asked

DATA = Path(__file__).resolve().parents[1] / "data" / "stance"
TRICKY = ("could you talk about capex", "so, would that mean more capacity", "a little more color on capex",
          "hi, i know capex", "curious, how", "rescould you", "capex is up. could yousay", "\u017fhare with us",
          "could you\u212a", "\u0131 know", "we spend. would this", "okay, mark, will that grow")


def test_asked_matches_the_reference() -> None:
    texts = [json.loads(line)["text"] for f in sorted(DATA.glob("*.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines()]
    for text in [*texts, *TRICKY]:
        lowered = text.lower()
        assert asked(lowered) == bool(ASKED.search(lowered)), text
