"""The report as JSON: `Report.to_dict()` serialized (dates as ISO strings)."""

from __future__ import annotations

import json
from typing import Any


def render_report(report: Any, indent: int | None = 2) -> str:
    return json.dumps(report.to_dict(), indent=indent, default=str, ensure_ascii=False) + "\n"
