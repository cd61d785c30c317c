"""Strict JSON: every `--json` output and every web API response goes through `dumps`.

JSON has no NaN or Infinity, and strict parsers refuse them. `clean(data)` returns plain JSON types
with every non-finite number replaced by null; inside an object, a sibling key `<key>_null_reason`
says why ("not a finite number (nan)"), so a reader can tell a missing value from a broken one.
Dates become ISO strings, tuples and sets lists, numpy scalars Python numbers; anything else its str().
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

REASON_SUFFIX = "_null_reason"


def reason(value: float) -> str:
    return f"not a finite number ({value!r})"


def clean(data: Any) -> Any:
    """`data` as plain JSON types, every non-finite float replaced by null (with its reason in objects)."""
    if isinstance(data, bool) or data is None or isinstance(data, (str, int)):
        return data
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, Mapping):
        out: dict[str, Any] = {}
        for key, value in data.items():
            name = str(key)
            out[name] = clean(value)
            if _non_finite(value) and f"{name}{REASON_SUFFIX}" not in data:
                out[f"{name}{REASON_SUFFIX}"] = reason(float(value))
        return out
    if isinstance(data, (list, tuple)):
        return [clean(v) for v in data]
    if isinstance(data, (set, frozenset)):
        return [clean(v) for v in sorted(data, key=str)]
    if isinstance(data, (dt.date, dt.datetime, dt.time)):
        return data.isoformat()
    if hasattr(data, "item") and callable(data.item):  # numpy scalar
        try:
            return clean(data.item())
        except (TypeError, ValueError):
            pass
    if hasattr(data, "tolist") and callable(data.tolist):  # numpy array
        return clean(data.tolist())
    return str(data)


def _non_finite(value: Any) -> bool:
    try:
        return isinstance(value, float) and not math.isfinite(value) or (
            hasattr(value, "dtype") and value.shape == () and not math.isfinite(float(value)))
    except (TypeError, ValueError, AttributeError):
        return False


def dumps(data: Any, indent: int | None = 2) -> str:
    """Strict JSON text of `data` (never NaN or Infinity; `json.loads` with any parser accepts it)."""
    separators = None if indent else (",", ":")
    return json.dumps(clean(data), indent=indent, ensure_ascii=False, allow_nan=False, separators=separators)
