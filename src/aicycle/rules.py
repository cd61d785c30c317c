"""Every threshold and window the checkpoints and the verdict use, in one place (docs/method.md).

Change a number here and every reading follows; nothing else hard-codes a threshold.
"""

from __future__ import annotations

# --- capex ---
# --- gpu_rental ---
# Index method (gpu_index.py, docs/gpu_index.md): Tukey fences at k × IQR, applied when a day has at
# least GPU_INDEX_FENCE_MIN_QUOTES quotes; a computed point enters a trend only with at least
# GPU_INDEX_MIN_QUOTES quotes behind it.
GPU_INDEX_TUKEY_K = 1.5
GPU_INDEX_FENCE_MIN_QUOTES = 4
GPU_INDEX_MIN_QUOTES = 3
# Checkpoint: the SKU groups read, the terms read (spot swings with idle hours, not with the build-out).
GPU_RENTAL_SKUS = ("H100", "H200", "B200")
GPU_RENTAL_TERMS = ("on_demand", "reserved")
# A line's change is latest / base - 1, base being the point nearest to (latest day - window) within
# ± tolerance, with the same sources as the latest point (like for like). The latest point must be at
# most FRESH_DAYS old on the as-of date, or the line is stale and not read.
GPU_RENTAL_WINDOW_DAYS = 90
GPU_RENTAL_SHORT_WINDOW_DAYS = 30
GPU_RENTAL_BASE_TOLERANCE_DAYS = 30
GPU_RENTAL_FRESH_DAYS = 62
GPU_RENTAL_SLOPE_DAYS = 180          # log-price regression over this many days (>= 3 points)
GPU_RENTAL_SLOPE_MIN_SPAN_DAYS = 60  # ... spanning at least this many days (a week says nothing a year)
# State from the mean over SKU groups of each group's median line change over the window:
GPU_RENTAL_RISING = 0.05             # >= +5%: rental prices rising, shortage → expanding
GPU_RENTAL_FALLING = -0.05           # <= -5%: falling → slowing
GPU_RENTAL_SHARP_FALL = -0.15        # <= -15%: sharp fall, examine oversupply → contracting
GPU_RENTAL_SCORE_SCALE = 0.15        # score = clip(change / scale, -1, 1)
# --- backlog ---
# --- memory ---
# --- power ---
# --- verdict ---
