"""The inputs of the data-center model: one typed, validated record, each field with unit and help.

Every input is data (`SPECS`): the CLI's `--set name=value`, the scenario YAML files, the docs and
the Monte Carlo ranges all read the same table, so a name is checked in one place.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from aicycle.errors import InputError

HOURS_PER_YEAR = 8760.0


@dataclass(frozen=True)
class Spec:
    """How one input is read and checked: its unit, meaning and allowed interval."""

    name: str
    unit: str
    help: str
    low: float | None = None        # inclusive lower bound
    high: float | None = None       # inclusive upper bound
    low_open: bool = False          # True: the lower bound itself is not allowed
    high_open: bool = False
    integer: bool = False


def _s(name: str, unit: str, help: str, **kw: Any) -> Spec:
    return Spec(name, unit, help, **kw)


SPECS: tuple[Spec, ...] = (
    # --- capacity and capex ---
    _s("gpus", "GPUs", "GPUs installed.", low=1, high=10_000_000, integer=True),
    _s("capex_per_gpu", "USD/GPU", "All-in capex per GPU (GPU, server share; add the parts below or "
       "fold them in here).", low=0, high=1_000_000),
    _s("network_capex_per_gpu", "USD/GPU", "Networking capex per GPU (fabric, optics).", low=0, high=1_000_000),
    _s("facility_capex_per_mw", "USD/MW IT", "Power, cooling and building capex per MW of IT load "
       "(IT MW = gpus x kw_per_gpu / 1000).", low=0, high=1e9),
    _s("kw_per_gpu", "kW/GPU", "IT power per GPU including its share of the server and network.", low=0,
       high=100),
    _s("pue", "ratio", "Power usage effectiveness: facility power / IT power.", low=1, high=5),
    # --- timing ---
    _s("build_years", "years", "Construction time; capex is paid in equal parts at the start of each "
       "build year, revenue starts after it.", low=0, high=10, integer=True),
    _s("life_years", "years", "Useful (operating) life of the GPUs.", low=1, high=40, integer=True),
    _s("residual_value", "share of capex", "Value recovered at the end of life, as a share of total capex.",
       low=0, high=1),
    # --- price and demand ---
    _s("price_per_gpu_hour", "USD/GPU-hour", "On-demand price in the first operating year.", low=0, high=1000),
    _s("price_growth", "per year", "Yearly change of the on-demand price (-0.2 = falls 20%/year).",
       low=-1, low_open=True, high=1),
    _s("utilization", "share", "Share of the on-demand (non-reserved) GPU-hours that are sold.", low=0, high=1),
    _s("reserved_share", "share", "Share of capacity sold on take-or-pay reserved contracts (paid whether "
       "used or not).", low=0, high=1),
    _s("reserved_discount", "share", "Reserved price discount off the first-year on-demand price; the "
       "reserved price is fixed for the life.", low=0, high=1, high_open=True),
    # --- operating cost ---
    _s("opex_per_gpu_hour", "USD/installed GPU-hour", "Non-power opex (staff, maintenance, software, "
       "insurance) per installed GPU-hour, sold or idle.", low=0, high=1000),
    _s("power_price_per_kwh", "USD/kWh", "Electricity price; power cost per installed GPU-hour = "
       "kw_per_gpu x pue x power_price_per_kwh.", low=0, high=10),
    _s("opex_growth", "per year", "Yearly change of all opex (power included).", low=-1, low_open=True,
       high=1),
    # --- finance ---
    _s("tax_rate", "share", "Tax on (EBITDA - straight-line depreciation); a loss gives a tax credit "
       "(it shelters the owner's other profits).", low=0, high=1, high_open=True),
    _s("discount_rate", "per year", "Discount rate for NPV and the break-evens.", low=-0.5, high=1),
    # --- lease vs idle ---
    _s("internal_share", "share", "Lease vs idle: share of capacity that internal demand fills today.",
       low=0, high=1),
    _s("internal_value_per_gpu_hour", "USD/GPU-hour", "Lease vs idle: what one more internally used "
       "GPU-hour is worth to the operator.", low=0, high=1000),
    _s("lease_fill", "share", "Lease vs idle: share of the idle capacity the market actually takes.",
       low=0, high=1),
    _s("lease_discount", "share", "Lease vs idle: discount off the market price for interruptible "
       "capacity.", low=0, high=1),
    _s("preemption_haircut", "share", "Lease vs idle: share of leased hours lost when internal jobs "
       "preempt them.", low=0, high=1),
    _s("lease_cost_per_gpu_hour", "USD/GPU-hour", "Lease vs idle: extra cost of selling a GPU-hour "
       "outside (sales, support, isolation).", low=0, high=1000),
    _s("optimize_capex", "USD", "Lease vs idle: one-off spend to raise internal utilization.", low=0,
       high=1e12),
    _s("optimize_target_share", "share", "Lease vs idle: internal share reached after that spend.",
       low=0, high=1),
    # --- inference unit economics ---
    _s("tokens_per_gpu_hour", "tokens/GPU-hour", "Inference: tokens served per GPU-hour (average, "
       "sold tokens only).", low=0, high=1e10),
    _s("price_per_million_tokens", "USD/1M tokens", "Inference: average price per million tokens.", low=0,
       high=10_000),
    _s("inference_target_ratio", "USD revenue per USD compute", "Inference: the revenue per compute "
       "dollar to test (the article's $1 -> $3 is 3).", low=0, low_open=True, high=1000),
)

SPEC_BY_NAME: dict[str, Spec] = {s.name: s for s in SPECS}


@dataclass(frozen=True)
class Inputs:
    """All inputs with neutral defaults: no tax, no build time, no residual value, a flat price.

    The defaults of the core inputs are the issue's closed-form case (1,000 GPUs at $50,000, $2.63 per
    GPU-hour, 80% utilization, $0.40 opex per installed GPU-hour, 5 years, 10%). The lease and
    inference defaults are placeholders for illustration, not measurements.
    """

    gpus: int = 1000
    capex_per_gpu: float = 50_000.0
    network_capex_per_gpu: float = 0.0
    facility_capex_per_mw: float = 0.0
    kw_per_gpu: float = 1.3
    pue: float = 1.3
    build_years: int = 0
    life_years: int = 5
    residual_value: float = 0.0
    price_per_gpu_hour: float = 2.63
    price_growth: float = 0.0
    utilization: float = 0.8
    reserved_share: float = 0.0
    reserved_discount: float = 0.0
    opex_per_gpu_hour: float = 0.4
    power_price_per_kwh: float = 0.0
    opex_growth: float = 0.0
    tax_rate: float = 0.0
    discount_rate: float = 0.1
    internal_share: float = 0.8
    internal_value_per_gpu_hour: float = 2.63
    lease_fill: float = 1.0
    lease_discount: float = 0.0
    preemption_haircut: float = 0.0
    lease_cost_per_gpu_hour: float = 0.0
    optimize_capex: float = 0.0
    optimize_target_share: float = 0.8
    tokens_per_gpu_hour: float = 1_000_000.0
    price_per_million_tokens: float = 10.0
    inference_target_ratio: float = 3.0

    def __post_init__(self) -> None:
        for spec in SPECS:
            check_value(spec, getattr(self, spec.name))

    def to_dict(self) -> dict[str, float | int]:
        return dataclasses.asdict(self)

    def replace(self, **changes: Any) -> Inputs:
        return from_mapping(changes, base=self)


def check_value(spec: Spec, value: Any, where: str = "") -> None:
    """Raise InputError naming the input when `value` is outside what `spec` allows."""
    label = f"{where}{spec.name}"
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError(f"{label}: {value!r} is not a finite number ({spec.unit})")
    if spec.integer and value != int(value):
        raise InputError(f"{label}: {value:g} must be a whole number ({spec.unit})")
    if spec.low is not None and (value < spec.low or (spec.low_open and value == spec.low)):
        op = ">" if spec.low_open else ">="
        raise InputError(f"{label}: {value:g} must be {op} {_num(spec.low)} ({spec.unit}; allowed: {bounds(spec)})")
    if spec.high is not None and (value > spec.high or (spec.high_open and value == spec.high)):
        op = "<" if spec.high_open else "<="
        raise InputError(f"{label}: {value:g} must be {op} {_num(spec.high)} ({spec.unit}; allowed: {bounds(spec)})")


def bounds(spec: Spec) -> str:
    """The allowed interval in words: "0 .. 1,000,000", "> -1 .. 10"."""
    low = "any" if spec.low is None else f"{'> ' if spec.low_open else ''}{_num(spec.low)}"
    high = "any" if spec.high is None else f"{'< ' if spec.high_open else ''}{_num(spec.high)}"
    return f"{low} .. {high}"


def _num(x: float) -> str:
    return f"{int(x):,}" if x == int(x) and abs(x) < 1e15 else f"{x:g}"


def spec(name: str, where: str = "") -> Spec:
    try:
        return SPEC_BY_NAME[name]
    except KeyError:
        close = difflib.get_close_matches(name.lower(), SPEC_BY_NAME, n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else ""
        prefix = f"{where.strip().rstrip('.:')}: " if where.strip() else ""
        raise InputError(f"{prefix}unknown input {name!r}{hint}; `aicycle economics --inputs` lists them") \
            from None


def coerce(name: str, raw: Any, where: str = "") -> float | int:
    """A value from YAML or the command line as the input's type (validated)."""
    s = spec(name, where)
    if isinstance(raw, str):
        text = raw.strip().replace("_", "")
        try:
            value: Any = float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except ValueError:
            raise InputError(f"{where}{name}: {raw!r} is not a number ({s.unit})") from None
    else:
        value = raw
    check_value(s, value, where)
    return int(value) if s.integer else float(value)


def with_value(inputs: Inputs, name: str, value: float) -> Inputs:
    """`inputs` with the one input named at run time set to `value`."""
    changes: dict[str, Any] = {name: value}
    return dataclasses.replace(inputs, **changes)


def from_mapping(values: Mapping[str, Any], base: Inputs | None = None, where: str = "") -> Inputs:
    """Inputs from name -> value pairs over `base` (defaults when None); unknown names are errors."""
    changes: dict[str, Any] = {name: coerce(name, raw, where) for name, raw in values.items()}
    return dataclasses.replace(base or Inputs(), **changes)


def parse_overrides(items: Iterable[str]) -> dict[str, float | int]:
    """`name=value` strings (the CLI's --set) as a validated mapping."""
    out: dict[str, float | int] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--set: {item!r} is not name=value")
        out[name.strip()] = coerce(name.strip(), raw, "--set ")
    return out
