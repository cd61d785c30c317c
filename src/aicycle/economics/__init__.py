"""Data-center economics: what a GPU cluster earns, when it pays back, and what idle capacity is worth.

Public surface: `Inputs`, `evaluate`, `run_scenario`, `list_scenarios`.
"""

from __future__ import annotations

from typing import Any

from aicycle.economics.evaluate import evaluate
from aicycle.economics.inputs import Inputs

__all__ = ["Inputs", "evaluate", "list_scenarios", "run_scenario"]


def run_scenario(name_or_path: str | None = None, overrides: Any = None, **options: Any) -> dict[str, Any]:
    """Run a named scenario or a YAML file with overrides; see `scenarios.run`."""
    from aicycle.economics import scenarios

    return scenarios.run(name_or_path, overrides, **options)


def list_scenarios() -> list[dict[str, Any]]:
    from aicycle.economics import scenarios

    return scenarios.catalog()
