"""HBM market share as research firms count it (quoted in the memory makers' file): who overtakes whom, one
maker's share at a level, and whether it gained or lost share, quarter against quarter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from aicycle.rumor import parse
from aicycle.rumor.amounts import Level
from aicycle.rumor.evidence import Item, as_date, item_from_fact
from aicycle.rumor.parse import Claim
from aicycle.rumor.reading import Reading
from aicycle.store import Store

_CLAIM = re.compile(r"\bhbm\b(?:\s+[\w-]+){0,2}\s+(?:market\s+|revenue\s+|shipment\s+)?share|"
                    r"share of (?:the )?hbm|\bhbm (?:market )?(?:lead|leader|crown)\b|"
                    # "held ~62% of HBM shipments": a share with no word for it
                    r"\d\s?%\s+of\s+(?:the\s+)?(?:global\s+|world\s+)?hbm\b", re.I)
_OVERTAKES = re.compile(r"\b(?:overtak\w*|overtook|pass(?:es|ed)|surpass\w*|leapfrog\w*|outsell\w*|"
                        r"beats?|beat|tops?|topped|dethron\w*|unseat\w*)\b", re.I)
_LOSES = re.compile(r"\b(?:los(?:es|t|ing)|slid\w*|slides?|falls?|fell|drops?|dropped|slips?|slipped|shrinks?|"
                    r"declin\w*|erod\w*|cedes?|ceded)\b", re.I)
_GAINS = re.compile(r"\b(?:gain\w*|ris(?:es|e|ing)|rose|climbs?|climbed|grows?|grew|expands?|expanded|jumps?|"
                    r"jumped|increas\w*|wins?|won)\b", re.I)
_TO_LEVEL = re.compile(r"\b(?:to|at|of|hits?|reach\w*|held|holds?|had|has|commands?|controls?)\s+"
                       r"(?:about |around |roughly |nearly |~)?(\d+(?:\.\d+)?)\s?%", re.I)
_POINTS = 1.5  # research firms round shares to whole points; "about 57%" holds within this
_WEIGHT = 0.8  # a research firm's estimate, quoted second hand: direct, but not the company's own figure


def is_share_claim(text: str) -> bool:
    return bool(_CLAIM.search(text))


def read(claim: Claim, reading: Reading) -> Reading:
    """The claim as a share claim: its direction (a rival overtaken is "up") and any level named."""
    text = claim.text
    rivals = parse.named_companies(text)
    direction = "up" if len(rivals) > 1 and _OVERTAKES.search(text) else \
        "down" if _LOSES.search(text) else "up" if _GAINS.search(text) else reading.direction
    level = _TO_LEVEL.search(text)
    at = Level("at", float(level.group(1)), "pct", level.group(0), None) if level else None
    return replace(reading, object="hbm_share", direction=direction, level=at)


def share_items(store: Store, claim: Claim, reading: Reading, as_of: dt.date) -> list[Item]:
    named = parse.named_companies(claim.text)
    rivals = [words for _, words in named]
    if not rivals:
        return []
    tickers = dict((words, t) for t, words in named)
    shares = {name: _shares(store, tickers[name], as_of) for name in rivals}
    quarter = _quarter(reading, shares[rivals[0]])
    if quarter is None:
        return []
    if len(rivals) > 1 and _OVERTAKES.search(claim.text):
        return _against_rival(shares, rivals[0], rivals[1], quarter)
    items = _against_last_quarter(shares[rivals[0]], rivals[0], quarter, reading)
    if reading.level is not None and quarter in shares[rivals[0]]:
        row = shares[rivals[0]][quarter]
        close = abs(_pct(row) - reading.level.value) <= _POINTS
        text = f"{rivals[0]} HBM share {_pct(row):.0f}% in {quarter} ({_how(row)})"
        # "climbed to 57%" when it fell to 57%: the right level in the wrong move bears nothing out
        moved_other_way = any(i.observed not in (None, reading.direction) for i in items)
        items.append(item_from_fact(row, "hbm_share_level", text, observed=None if close and moved_other_way
                                    else "match" if close else "mismatch", weight=_WEIGHT))
    return items


def _shares(store: Store, ticker: str, as_of: dt.date) -> dict[str, dict[str, Any]]:
    rows = store.query("SELECT * FROM facts WHERE ticker = ? AND metric = 'hbm_share' AND filed <= ? "
                       "ORDER BY period_end, filed", [ticker, as_of])
    return {_quarter_of(r): r for r in rows}  # the latest word on each quarter


def _quarter_of(row: dict[str, Any]) -> str:
    end = as_date(row["period_end"])
    assert end is not None
    return f"{end.year}Q{(end.month - 1) // 3 + 1}"


def _quarter(reading: Reading, own: dict[str, dict[str, Any]]) -> str | None:
    """The quarter the claim names (None until a share for it is public), else the latest one public."""
    if reading.period.quarter_key() is not None:
        return f"{reading.period.year}Q{reading.period.quarter}"
    return max(own) if own else None


def _against_rival(shares: dict[str, dict[str, dict[str, Any]]], one: str, other: str, quarter: str) -> list[Item]:
    a, b = shares[one].get(quarter), shares[other].get(quarter)
    if a is None or b is None:
        return []
    ahead = _pct(a) > _pct(b)
    text = (f"{quarter} HBM share: {one} {_pct(a):.0f}%, {other} {_pct(b):.0f}% ({_how(a)}): "
            f"{one} {'ahead' if ahead else 'behind'}")
    return [item_from_fact(a, "hbm_share_rank", text, observed="up" if ahead else "down", weight=_WEIGHT)]


def _against_last_quarter(own: dict[str, dict[str, Any]], ticker: str, quarter: str, reading: Reading) -> list[Item]:
    earlier = sorted(q for q in own if q < quarter)
    if quarter not in own or not earlier or reading.direction not in ("up", "down"):
        return []
    now, before = own[quarter], own[earlier[-1]]
    change = _pct(now) - _pct(before)
    if abs(change) < _POINTS:
        return []
    text = (f"{ticker} HBM share {_pct(now):.0f}% in {quarter}, {_pct(before):.0f}% in {earlier[-1]} "
            f"({_how(now)})")
    return [item_from_fact(now, "hbm_share_trend", text, observed="up" if change > 0 else "down", weight=_WEIGHT)]


def _pct(row: dict[str, Any]) -> float:
    return float(row["value"]) * 100  # stored as a fraction of the market


def _how(row: dict[str, Any]) -> str:
    """The source's own measure ("of HBM revenue (Counterpoint Research)"), from the row's note."""
    return str(row.get("note") or "").split(";")[0][:90] or "a research firm's estimate"
