"""An analyst's question ("could you", "you talked about", a question mark) is not the company's words:
STANCE_LABELS.md makes it `none`, and the rumor check does not quote it as the company's.

`ASKED` is the case-insensitive reference; `asked` gives the same answer on lower-cased text about
fourteen times faster, because without IGNORECASE `re` can skip to each phrase's first letter in C.
"""

from __future__ import annotations

import re

_START = (r"^\W*(?:(?:and|so|but|or|now|okay|ok)\W+)?(?:\w+,\s*)?(?:would|will|does|do|did|is|are|can|could|"
          r"should) (?:that|this|it|you|they|there)\b")
# Each phrase opens with a literal letter of its own (`asked` builds its fast form from that).
_PHRASES = (
    "could you", "can you", "would you", "i know", "i appreciate", "any (?:early )?(?:comments|color)",
    "follow-up", "my question", "i wanted to ask", "just wanted to", "you'?ve talked", "you talked",
    "you have talked", "i'?m (?:also )?(?:curious|wondering)", "i was (?:curious|wondering)",
    r"squeez\w+ (?:in )?(?:a|another|one more|too many) questions?",
    "you (?:grew|guided|said|mentioned|noted|raised|lowered)", "your (?:guide|guidance|outlook)",
    "the guide (?:seems|would seem) to", "i was hoping (?:you|to)", "hoping you (?:could|can)",
    "just wondering", "curious(?=,)", "curious (?:if|whether|how|what|to)", "i also wanted to ask",
    "if you could (?:provide|give|talk|share|help|comment)", "share (?:for|with) us",
    "a (?:bit|little) more (?:perspective|color)",
)
# Substrings one of which every phrase's match holds ("you" covers eleven phrases): most sentences hold
# none, and three or four `in` tests cost less than the phrases' regex scan. Keep in step with _PHRASES.
# ("guide seem", not "the guide": found at every "the " of a document by `rules`, the opening costs.)
NEEDLES = ("you", "i know", "appreciate", "comments", "color", "follow-up", "question", "wanted to", "curious",
           "wondering", "squeez", "guide seem", "guide would seem", "hoping", "share", "perspective")
ASKED = re.compile(r"\?|" + _START + r"|\b(?:" + "|".join(_PHRASES) + r")\b", re.I)

_START_LOWER = re.compile(_START)
# `\b` + phrase as phrase[0] + "not after a word character": the same test, placed after a literal
_PHRASES_LOWER = re.compile("(?:" + "|".join(p[0] + r"(?<!\w.)" + p[1:] for p in _PHRASES) + r")\b")
# Characters that IGNORECASE matches to an ASCII letter of the phrases although they differ after `lower()`
# (Kelvin sign, dotted capital I, long s, dotless i): where one occurs, the reference decides.
_FOLDS_TO_ASCII = ("\u212a", "\u0130", "\u017f", "\u0131")


def asked(lowered: str, holds_needle: bool | None = None) -> bool:
    """`bool(ASKED.search(lowered))` for lower-cased text; `holds_needle`, when known, says whether it
    holds one of NEEDLES (found for many sentences at once by the caller)."""
    if "?" in lowered:
        return True
    if not lowered.isascii() and any(c in lowered for c in _FOLDS_TO_ASCII):
        return ASKED.search(lowered) is not None
    if _START_LOWER.match(lowered) is not None:
        return True
    if holds_needle is None:
        holds_needle = any(needle in lowered for needle in NEEDLES)
    return holds_needle and _PHRASES_LOWER.search(lowered) is not None
