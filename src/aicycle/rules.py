"""Every threshold and window the checkpoints and the verdict use, in one place (docs/method.md).

Change a number here and every reading follows; nothing else hard-codes a threshold.
"""

from __future__ import annotations

# --- capex ---
# Shared by the report's checkpoints: a quarter is 80-100 days long (a YTD or annual value never is).
QUARTER_DAYS = (80, 100)
# Shared state cut-offs on a checkpoint's standardized score (-1..+1).
EXPANDING_AT = 0.25       # score >= this -> expanding
SLOWING_BELOW = -0.10     # score <= this -> slowing (between the two: steady)
CONTRACTING_BELOW = -0.40  # score <= this -> contracting
# Capex growth: a median YoY growth of +50% across the hyperscalers scores +1 (-50% scores -1).
CAPEX_YOY_FULL_SCALE = 0.50
# A guidance revision moves the midpoint by at least this much to count as raised or cut.
GUIDANCE_MOVE_MIN = 0.01
# Revisions older than this (days before as_of) no longer move the reading.
GUIDANCE_LOOKBACK_DAYS = 200
# The latest capex quarter must end within this many days of as_of to be scored.
CAPEX_STALE_DAYS = 200
# How the capex score is put together: growth of spending vs direction of guidance.
CAPEX_WEIGHTS = {"growth": 0.6, "guidance": 0.4}
# What one guidance revision says (the company's latest revision within the lookback counts).
# "narrowed_up" = the range narrowed and its midpoint rose (Meta Jul 2026: $125-145B -> $130-145B).
GUIDANCE_REVISION_SCORE = {"raised": 1.0, "narrowed_up": 0.5, "reaffirmed": 0.0, "widened": 0.0,
                           "narrowed_down": -0.5, "cut": -1.0,
                           # a first guide for a new year, against the prior year's last guide
                           "initial_above": 1.0, "initial_level": 0.0, "initial_below": -1.0}
# A revision its source ties to an accounting change (Microsoft Jul 2026: CY2026 ~$190B -> ~$175B, "lease
# classification") says little about spending: its score counts this much.
GUIDANCE_ACCOUNTING_FACTOR = 0.3
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
# Backlog growth: +50% a year scores +1; a backlog shrinking 50% a year scores -1.
BACKLOG_GROWTH_FULL_SCALE = 0.50
# A year-ago point is looked for within this many days of period_end - 365.
BACKLOG_YOY_TOLERANCE_DAYS = 45
# A company's latest backlog must be this recent (days before as_of) to be scored.
BACKLOG_STALE_DAYS = 200
# --- memory ---
# Memory revenue growth: +50% YoY scores +1.
MEMORY_YOY_FULL_SCALE = 0.50
MEMORY_STALE_DAYS = 200
# Supply statements within this window count; words that mark a tight market, and a loose one.
MEMORY_STATEMENT_DAYS = 365
SHORTAGE_WORDS = ("sold out", "shortage", "tight", "constrained", "allocation", "fully booked")
GLUT_WORDS = ("oversupply", "glut", "inventory correction", "excess inventory", "price decline")
# A shortage statement adds this much to the memory score (a glut statement subtracts it).
MEMORY_STATEMENT_WEIGHT = 0.5
MEMORY_WEIGHTS = {"growth": 0.7, "statements": 0.3}
# --- power ---
# Growth of active (energized) power at the neo-clouds: +50% YoY scores +1.
POWER_GROWTH_FULL_SCALE = 0.50
POWER_STALE_DAYS = 200
POWER_STATEMENT_DAYS = 365
# Words that make a statement a power constraint, and event kinds that count as permitting events.
POWER_WORDS = ("power", "grid", "energy", "electricity", "megawatt", "gigawatt", "substation",
               "interconnect", "permit")
PERMIT_EVENT_KINDS = ("permit", "permitting", "power", "grid")
POWER_WEIGHTS = {"active": 0.6, "contracted": 0.4}
# --- verdict ---
# Composite weights (Conference Board style: each component's standardized change, weighted).
# Checkpoints without data drop out and the remaining weights are renormalized.
VERDICT_WEIGHTS = {"capex": 0.30, "backlog": 0.25, "gpu_rental": 0.20, "memory": 0.15, "power": 0.10}
# Below this share of the total weight with data, the verdict is insufficient_data.
VERDICT_MIN_COVERAGE = 0.5
# Diffusion: an expanding checkpoint counts 1, a steady one 0.5, slowing/contracting 0.
DIFFUSION_CREDIT = {"expanding": 1.0, "steady": 0.5, "slowing": 0.0, "contracting": 0.0}
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

# --- language ---
SAYDO_SOFT_SCORE = 0.1          # document stance score below this reads as restraint
SAYDO_SOFT_SHIFT = -0.3         # … or a quarter-over-quarter drop at least this large
SAYDO_HARD_SCORE = 0.4          # score at or above this reads as expansion
SAYDO_CAPEX_MOVE = 0.05         # reported capex change (YoY, else QoQ) that counts as a move
SAYDO_GUIDANCE_MOVE = 0.01      # guidance midpoint change that counts as a raise or a cut
SAYDO_WORDS_WINDOW_DAYS = 120   # words older than this at the deed's date are not compared
SAYDO_RESTRAINT_RISE = 3        # restraint watch terms up by this many on the prior quarter read as softening

# --- rumor check: reading the claim ---
# A company's own words count for a claim this many days after they were said (about two quarters).
RUMOR_SAID_DAYS = 200
# A level claim ("tops $500B") is judged on the latest figure only if it is at most this old (days).
RUMOR_LEVEL_FRESH_DAYS = 200
# A dated record (a compute contract, a power event) speaks to a claim this many days after its date.
RUMOR_RECORD_DAYS = 400
# Confidence calibration of the rumor check, fitted on the development claims (tests/data/rumor_claims*.csv,
# dev only): per verdict, (share of such verdicts that were right, mean raw confidence). The stated
# confidence is that share, moved by half the raw confidence's distance from its mean.
RUMOR_CALIBRATION = {"supported": (0.93, 0.79), "contradicted": (0.88, 0.86), "unclear": (0.60, 0.30)}
