"""FastAPI's TestClient, imported without starlette's warning about the "httpx2" fork (the pinned
httpx works the same for it)."""

from __future__ import annotations

import warnings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

__all__ = ["TestClient"]
