"""aicycle: is the AI-infrastructure build-out still expanding?

In a notebook::

    import aicycle
    aicycle.report(as_of="2025-06-30").verdict
    aicycle.facts("MSFT", "capex").to_pandas()

The API functions (`report`, `facts`, `check`, `gpu_index`, `event`, `contracts`) live in
`aicycle._api` and are imported on first use, so the command line never loads them (docs/api.md).
"""

from typing import Any

from aicycle.errors import AicycleError, ConfigError, DataError, InputError, StoreBusyError
from aicycle.store import Store, open_store
from aicycle.universe import Company, companies

__version__ = "0.1.0"

_API = ("Check", "Contracts", "EventStudy", "Facts", "GpuIndex", "Report", "Rows",
        "check", "contracts", "event", "facts", "gpu_index", "report")

__all__ = [
    "AicycleError",
    "Check",
    "Company",
    "ConfigError",
    "Contracts",
    "DataError",
    "EventStudy",
    "Facts",
    "GpuIndex",
    "InputError",
    "Report",
    "Rows",
    "Store",
    "StoreBusyError",
    "__version__",
    "check",
    "companies",
    "contracts",
    "event",
    "facts",
    "gpu_index",
    "open_store",
    "report",
]


def __getattr__(name: str) -> Any:
    """The API on first use (PEP 562): `aicycle report --json` never imports it."""
    if name in _API:
        import importlib

        # `facts` and `contracts` are also the package's modules of those names, made callable
        if name in ("facts", "contracts"):
            return importlib.import_module(f"aicycle.{name}")
        return getattr(importlib.import_module("aicycle._api"), name)
    raise AttributeError(f"module 'aicycle' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
