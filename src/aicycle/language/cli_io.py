"""Input and output of `aicycle language classify`: plain lines or JSONL in, JSONL or a table out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aicycle.errors import InputError
from aicycle.language.stance import classify
from aicycle.language.text import decode


def read_input(source: str) -> str:
    if source == "-":
        return decode(sys.stdin.buffer.read(), "stdin")
    path = Path(source)
    if not path.is_file():
        raise InputError(f"{source}: no such file")
    return decode(path.read_bytes(), source)


def items(text: str, name: str = "input") -> Iterator[tuple[str, str]]:
    """(id, text) pairs: JSON objects with "id" and "text", or one plain sentence per line."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("{"):
            try:
                obj = json.loads(stripped)
            except json.JSONDecodeError as exc:
                raise InputError(f"{name}:{number}: invalid JSON ({exc.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise InputError(f"{name}:{number}: a JSON line needs a string field 'text'")
            yield str(obj.get("id", number)), obj["text"]
        else:
            yield str(number), stripped


def classified(text: str, name: str = "input", backend: str = "rules") -> Iterator[dict[str, Any]]:
    """Classified rows; `backend` is rules (default) or llm (needs AICYCLE_LLM_BASE_URL)."""
    if backend not in ("rules", "llm"):
        raise InputError(f"--backend: {backend!r} is not rules or llm")
    pairs = list(items(text, name))  # parse everything first: bad input fails before any request
    if backend == "rules":
        for ident, sentence in pairs:
            yield {"id": ident, "text": sentence, **classify(sentence).to_dict()}
        return
    from aicycle.language.llm import LLMClassifier

    llm = LLMClassifier.from_settings()
    try:
        for ident, sentence in pairs:
            yield {"id": ident, "text": sentence, **llm.classify(sentence).to_dict()}
    finally:
        llm.close()
