""""SK hynix Q2 operating margin above 45%" and "Micron's operating margin topped 80% last quarter" were not read at
all: the store holds no margin. It holds the quarter's operating income and revenue, each as reported; the margin is
one over the other for the same quarter, shown as derived."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.margins import margin_line
from aicycle.store import Store


@pytest.mark.parametrize(("text", "op", "value"), [
    ("SK hynix Q2 operating margin above 45%", "above", 0.45),
    ("Micron's operating margin topped 80% last quarter", "above", 0.80),
    ("Micron's op margin of about 41%", "at", 0.41),
])
def test_the_line(text: str, op: str, value: float) -> None:
    line = margin_line(text)
    assert line is not None and (line.op, line.value, line.unit) == (op, value, "pct")


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("SK hynix Q2 operating margin above 45%", "2025-07-27", "contradicted"),  # 9.2tn on 22.2tn: 41.4%
    ("SK hynix's Q2 2025 operating margin exceeds 40%", "2025-08-20", "supported"),
    ("SK hynix's Q2 2025 operating margin exceeds 40%", "2025-07-20", "unclear"),  # not reported yet
    ("Micron's operating margin topped 80% last quarter", "2026-06-27", "supported"),  # $33.3B on $41.5B
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert all(e["kind"] == "derived" for e in result["evidence"])
