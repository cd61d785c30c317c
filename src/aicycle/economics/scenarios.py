"""Scenarios as YAML files: inputs, Monte Carlo ranges, and the claim each one tests.

A scenario file (src/aicycle/data/scenarios/<name>.yaml):

    name: article-payback            # equals the file name
    title: ...
    label: article's claim           # where the claim comes from
    source: {quote: ..., section: ..., figure: ...}
    assumptions: [...]               # every input not taken from the source, and why
    inputs: {name: value, ...}       # over the neutral defaults of `Inputs`
    ranges: {name: {low, high[, mode]}, ...}
    check: {output: payback_years, low: 2, high: 3}   # the claimed range of one output (optional)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from aicycle.economics import lease, montecarlo, sensitivity
from aicycle.economics.evaluate import evaluate
from aicycle.economics.inputs import Inputs, coerce, from_mapping, parse_overrides
from aicycle.errors import InputError

KEYS = {"name", "title", "label", "source", "assumptions", "inputs", "ranges", "check"}
CHECKABLE = {"payback_years", "irr", "npv", "discounted_payback_years",
             "inference.revenue_per_compute_dollar", "inference.gross_margin"}
DEFAULT_DRAWS = 100_000
DEFAULT_SEED = 7


def scenario_dir() -> Path:
    return Path(str(resources.files("aicycle") / "data" / "scenarios"))


def names() -> list[str]:
    return sorted(p.stem for p in scenario_dir().glob("*.yaml"))


def resolve(name_or_path: str) -> Path:
    """A shipped scenario's name, or the path of a YAML file."""
    if name_or_path in names():
        return scenario_dir() / f"{name_or_path}.yaml"
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml"):
        if not path.is_file():
            raise InputError(f"scenario file {path} does not exist")
        return path
    raise InputError(f"unknown scenario {name_or_path!r}; known: {', '.join(names())} (or a .yaml path)")


def load(path: Path) -> dict[str, Any]:
    """Parse and validate one scenario file; errors name the file and the key at fault."""
    where = f"{path.name}: "
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{where}cannot read YAML ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(doc, dict):
        raise InputError(f"{where}expected a mapping at the top level")
    unknown = set(doc) - KEYS
    if unknown:
        raise InputError(f"{where}unknown key(s) {sorted(unknown)}; allowed: {sorted(KEYS)}")
    for key in ("inputs", "ranges"):
        if not isinstance(doc.get(key) or {}, dict):
            raise InputError(f"{where}{key} must be a mapping of input name -> value")
    inputs = from_mapping(doc.get("inputs") or {}, where=f"{where}inputs.")
    ranges = {n: montecarlo.parse_range(n, r, where) for n, r in (doc.get("ranges") or {}).items()}
    check = _check(doc.get("check"), where)
    return {"name": str(doc.get("name") or path.stem), "title": str(doc.get("title") or path.stem),
            "label": str(doc.get("label") or "user scenario"), "source": doc.get("source") or {},
            "assumptions": list(doc.get("assumptions") or []), "inputs": inputs, "ranges": ranges,
            "check": check, "file": str(path)}


def _check(raw: Any, where: str) -> dict[str, Any] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("output") not in CHECKABLE or not {"low", "high"} <= set(raw):
        raise InputError(f"{where}check needs output (one of {sorted(CHECKABLE)}), low and high")
    return {"output": raw["output"], "low": float(raw["low"]), "high": float(raw["high"])}


def catalog() -> list[dict[str, Any]]:
    out = []
    for name in names():
        s = load(scenario_dir() / f"{name}.yaml")
        out.append({"name": s["name"], "title": s["title"], "label": s["label"],
                    "figure": s["source"].get("figure"), "file": s["file"]})
    return out


def _overrides(raw: Mapping[str, Any] | Sequence[str] | None) -> dict[str, Any]:
    if raw is None:
        return {}
    if isinstance(raw, Mapping):
        return {name: coerce(name, value, "--set ") for name, value in raw.items()}
    return parse_overrides(raw)


def _claim_check(check: dict[str, Any] | None, result: dict[str, Any]) -> dict[str, Any] | None:
    if check is None:
        return None
    value: Any = result
    for part in check["output"].split("."):
        value = value.get(part) if isinstance(value, dict) else None
    within = value is not None and check["low"] <= value <= check["high"]
    return {**check, "model": value, "within": within}


def run(name_or_path: str | None = None, overrides: Mapping[str, Any] | Sequence[str] | None = None,
        *, draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """Everything the CLI, the HTML page and the web dashboard show for one scenario (JSON-ready).

    `name_or_path` None runs the neutral defaults of `Inputs`. `overrides` (a mapping or `name=value`
    strings) replace scenario inputs; `draws=0` skips the Monte Carlo.
    """
    montecarlo.check_draws(draws)  # before any work: a run that cannot fit in memory fails at once
    if name_or_path is None:
        scenario: dict[str, Any] = {"name": "defaults", "title": "Neutral defaults", "label": "model defaults",
                                    "source": {}, "assumptions": [], "inputs": Inputs(), "ranges": {},
                                    "check": None, "file": None}
    else:
        scenario = load(resolve(name_or_path))
    changes = _overrides(overrides)
    inputs = scenario["inputs"].replace(**changes) if changes else scenario["inputs"]
    ranges = scenario["ranges"] or sensitivity.default_ranges(inputs)
    ranges = {n: r for n, r in ranges.items() if n not in changes}   # a --set pins an input
    result: dict[str, Any] = {
        "scenario": {k: scenario[k] for k in ("name", "title", "label", "source", "assumptions", "file")},
        "inputs": inputs.to_dict(),
        "overrides": changes,
        **evaluate(inputs),
        "lease_vs_idle": lease.lease_vs_idle(inputs),
        "inference": lease.inference(inputs),
    }
    result["claim_check"] = _claim_check(scenario["check"], result)
    result["sensitivity"] = sensitivity.tornado(inputs, ranges)
    claim = scenario["check"]
    window = (claim["low"], claim["high"]) if claim and claim["output"] == "payback_years" else None
    result["monte_carlo"] = montecarlo.run(inputs, ranges, draws, seed, window) if draws and ranges else None
    return result
