"""Docs that cannot drift: every command and every setting is documented."""

from __future__ import annotations

from pathlib import Path

import typer.main

from aicycle.cli import app
from aicycle.config import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _command_paths() -> list[str]:
    root = typer.main.get_command(app)
    paths: list[str] = []

    def walk(cmd: object, prefix: str) -> None:
        for name, sub in getattr(cmd, "commands", {}).items():
            path = f"{prefix} {name}".strip()
            paths.append(path)
            walk(sub, path)

    walk(root, "")
    return paths


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text()
    missing = [p for p in _command_paths() if f"aicycle {p}`" not in text and f"aicycle {p} " not in text]
    assert not missing, f"undocumented commands in docs/cli.md: {missing}"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text()
    missing = [s.env for s in SETTINGS if f"`{s.env}`" not in text]
    assert not missing, f"undocumented settings in docs/settings.md: {missing}"
