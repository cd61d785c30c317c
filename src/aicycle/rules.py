"""Every threshold and window the checkpoints and the verdict use, in one place (docs/method.md).

Change a number here and every reading follows; nothing else hard-codes a threshold.
"""

from __future__ import annotations

# --- capex ---
# --- gpu_rental ---
# --- backlog ---
# --- memory ---
# --- power ---
# --- verdict ---
# --- rumor check ---
# A change within +/- this fraction reads as "flat" (capex, backlog, power, revenue).
RUMOR_TREND_BAND = 0.05
# GPU rental prices are noisier: +/- 10% is still "flat".
RUMOR_PRICE_BAND = 0.10
# "Collapsing", "soaring" and the like claim a large move: at least this fraction.
RUMOR_STRONG_MOVE = 0.25
# Evidence made public more than this many days before the as-of date is not used.
RUMOR_LOOKBACK_DAYS = 550
# Evidence this fresh counts in full; older evidence counts for less (RUMOR_STALE_WEIGHT).
RUMOR_FRESH_DAYS = 200
RUMOR_STALE_WEIGHT = 0.6
# A GPU price series whose latest point is older than this (days) says nothing about "now".
RUMOR_PRICE_STALE_DAYS = 120
# Net weight (supports - contradicts) / (supports + contradicts) needed for a verdict.
RUMOR_VERDICT_MARGIN = 0.34
