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
# --- event study ---
PRICE_JUMP = 0.40                 # |daily return| above this looks like a missed split: flagged
CALENDAR_BENCHMARKS = ("SPY",)    # US sessions = days these have a price (KRX: any .KS ticker)
EVENT_WINDOW = (-1, 1)            # days relative to day 0 (MacKinlay 1997)
ESTIMATION_DAYS = 120             # length of the estimation window, in trading days
ESTIMATION_GAP = 10               # trading days between the estimation window and the event window
MIN_ESTIMATION_DAYS = 60          # fewer usable returns than this: the security is not estimated
EVENT_MARKET = "SPY"
EVENT_MODEL = "market"
EVENT_AFTER_DAYS = 20             # price path shown after the event (reversal check)
