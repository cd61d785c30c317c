"""Number formatting shared by the terminal, HTML and web renderers."""

from __future__ import annotations

from aicycle.checkpoints import common as c


def fmt(value: float | None, unit: str | None) -> str:
    """$35.8B, +26%, 1.5 GW, KRW 19.2T; '—' for no value."""
    if value is None:
        return "—"
    if unit == "ratio":
        return c.pct(value)
    if unit == "share":
        return c.pct(value, signed=False)
    if unit == "MW":
        return c.mw(value)
    if unit in ("USD", "KRW"):
        return c.usd(value, unit)
    if unit == "USD per GPU-hour":
        return f"${value:,.2f}/GPU-h"
    # grid levels (power checkpoint): as their sources state them
    if unit == "USD/MW-day":
        return f"${value:,.2f}/MW-day"
    if unit == "GW":
        return f"{value:,.4g} GW"
    if unit == "booked-through year":
        return f"booked through {value:.0f}"
    return f"{value:,.2f} {unit or ''}".strip()
