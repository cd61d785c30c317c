"""The local web dashboard (`aicycle serve`): the report, the rumor check and the economics model."""

from __future__ import annotations

from aicycle.web.app import create_app

__all__ = ["create_app"]
