"""The report as JSON: `Report.to_dict()` serialized (dates as ISO strings)."""

from __future__ import annotations

from typing import Any

from aicycle.strict_json import dumps


def render_report(report: Any, indent: int | None = 2) -> str:
    return dumps(report.to_dict(), indent=indent) + "\n"
