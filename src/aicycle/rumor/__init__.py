"""The rumor check: a headline against what was public on the as-of date.

`check(store, claim, as_of=None) -> dict` parses the headline, gathers point-in-time evidence and
returns a verdict (supported | contradicted | unclear) with its reasoning and evidence table.
"""

from __future__ import annotations

from aicycle.rumor.check import check
from aicycle.rumor.parse import Claim, parse_claim

__all__ = ["Claim", "check", "parse_claim"]
