"""The money and power figures a sentence states ("$41 billion", "$115-135bn", "half a trillion", "1.5 billion" said
without its dollar sign, "450-megawatt", "5GW"), and which of them are the current ones rather than the figures it
names as earlier ("up from our previous estimate of $175 billion to $185 billion")."""

from __future__ import annotations

import re

from aicycle.rumor import vocab

# Calls transcribed from speech often drop the dollar sign ("AI revenue goals of 1.5 billion"): a bare billion or
# million counts as money unless a count of something else follows it.
_BARE = (r"(?<![\w$.,])(?=\d+(?:\.\d+)?\s+(?:trillion|billion|million)\b(?!\s+(?:diluted\s+|weighted\s+)?"
         r"(?:shares?|parameters?|transistors?|units?|users?|tokens?|devices?|people|subscribers?|hours?|miles?|"
         r"gallons?|customers?|times|square|tons?|barrels?|visits?|queries|requests|downloads?|"
         r"[a-z]+ (?:shares|users))\b))")
FIGURE = re.compile(r"(?:(?:US)?\$\s?|USD\s?|" + _BARE + r")(\d+(?:[.,]\d+)?)\s*"
                    r"(?:(?:-|–|to)\s*\$?\s?(\d+(?:\.\d+)?)\s*)?"
                    r"(trillion|billion|million|bn|b|tn)\b|\b(half a) trillion|"
                    r"(\d+(?:\.\d+)?)[\s-]*(gw|gigawatts?|mw|megawatts?)\b",
                    re.I)

_EARLIER = re.compile(r"\b(?:from|previous(?:ly)?|prior|earlier|original(?:ly)?|initial(?:ly)?|versus|vs|"
                      r"compared (?:to|with))\b(?:\W+\w+){0,3}\W*$", re.I)


def current_figures(text: str) -> list[tuple[float, float, str]]:
    """The sentence's figures less those it names as the earlier ones (all of them if that leaves none)."""
    spans = [m.start() for m in FIGURE.finditer(text)]
    keep = [not _EARLIER.search(text, max(0, at - 40), at) for at in spans]
    found = figures(text)
    current = [f for f, k in zip(found, keep, strict=True) if k]
    return current or found


def figures(text: str) -> list[tuple[float, float, str]]:
    """(low, high, unit) of every money or power figure in a sentence."""
    out = []
    for m in FIGURE.finditer(text):
        if m.group(4):
            out.append((5e11, 5e11, "USD"))
        elif m.group(5):
            scale = 1000.0 if m.group(6).lower().startswith("g") else 1.0
            out.append((float(m.group(5)) * scale, float(m.group(5)) * scale, "MW"))
        else:
            scale = vocab.SCALES[m.group(3).lower()]
            low = float(m.group(1).replace(",", "")) * scale
            high = float(m.group(2)) * scale if m.group(2) else low
            out.append((low, high, "USD"))
    return out
