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
# A line's change is latest / base - 1, base being the point on (latest day - window), else the nearest
# earlier one within the tolerance, with the same sources as the latest point (like for like): a
# "90-day change" spans 90 to 90 + tolerance days, and says its span. The latest point must be at
# most FRESH_DAYS old on the as-of date, or the line is stale and not read.
GPU_RENTAL_WINDOW_DAYS = 90
GPU_RENTAL_SHORT_WINDOW_DAYS = 30
GPU_RENTAL_BASE_TOLERANCE_DAYS = 15
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
# --- memory makers and HBM supply (hbm.py, checkpoints/memory.py) ---
# HBM statements public within this many days count towards the supply state.
HBM_STATEMENT_DAYS = 365
# What each kind of HBM statement says about supply (+ tight, - loose). A supplier's delay keeps supply
# tight; a new supplier passing qualification adds supply; a shipment is news, not a balance.
HBM_KIND_WEIGHTS = {"sold_out": 1.0, "booked": 0.5, "delay": 0.5, "qualification": -0.5,
                    "shipment": 0.0, "glut": -1.0, "other": 0.0}
# A report the company has not confirmed (media relays) counts this much.
HBM_UNCONFIRMED_FACTOR = 0.5
# Sum of the current statements' weights: >= TIGHT_AT reads "tight", <= LOOSENING_AT "loosening".
HBM_TIGHT_AT = 1.0
HBM_LOOSENING_AT = -0.5
# What the HBM supply state adds to the memory score in place of the statement balance.
HBM_STATE_SCORE = {"tight": 1.0, "balanced": 0.0, "loosening": -1.0}
# Weak-row markers (memory_power_NOTES.md): source types and value_text phrases that flag a row.
WEAK_SOURCE_TYPES = ("blog", "opinion", "advocacy", "newsletter", "unverified", "news_aggregator")
WEAK_TEXT_MARKERS = {"low confidence": "single unverified source",
                     "not company-confirmed": "not confirmed by the company",
                     "reported (korean media)": "media report, not confirmed by the company",
                     "rounded in a broker report": "a broker's rounded figure",
                     "period not specified": "period not stated",
                     "industry sources": "industry sources, not company guidance",
                     "actual 2025": "an actual, filed as a plan",
                     "text says 'tuesday'": "date worked out from the text",
                     " prints ": "sources differ on rounding", "per other reports": "sources differ on rounding"}
# --- grid and permitting (grid.py, checkpoints/power.py) ---
# Events public within this many days before as_of make the grid signal.
GRID_WINDOW_DAYS = 365
# Weight of one event by kind: a moratorium or a capacity price binds more than a power deal.
GRID_KIND_WEIGHTS = {"moratorium": 2.0, "capacity_price": 1.5, "queue": 1.0, "load_pipeline": 1.0,
                     "turbine_backlog": 1.0, "transformer": 1.0, "permit": 1.0, "ppa": 0.5, "other": 0.5}
# A moratorium counts while in force: from its start to its stated end, or for this many days when
# its source states none (no newer source says it still stands).
MORATORIUM_OPEN_DAYS = 365
# Net signal (tightening - easing) / (tightening + easing), weighted: >= this reads "tightening",
# <= minus this "easing", between "mixed".
GRID_SIGNAL_BAND = 0.2
# Fewer tightening or easing events than this in the window are too few to read.
GRID_MIN_EVENTS = 5
# The grid part of the power score (tightening = demand pressing on the grid, as sold-out HBM does).
POWER_GRID_WEIGHT = 0.3
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
# Over a window of a month or so the headline names ("slid in April 2026"), the move in it is the claim: +/- 5%
# is flat (longer windows keep RUMOR_PRICE_BAND).
RUMOR_WINDOW_PRICE_BAND = 0.05
# A mild word ("slid", "edged up") names a small move: one of at least this fraction its way bears it out, though
# the bands above read it as flat.
RUMOR_MILD_MOVE = 0.02
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

# --- sources and coverage (facts.py, checkpoints/coverage.py) ---
# Two sources giving the same quantity disagree when they differ by more than this (relative).
SOURCE_DISAGREEMENT = 0.005
# A checkpoint with data for fewer than this share of its companies carries a reduced confidence
# (have / of); with its newest figure older than COVERAGE_STALE_DAYS at the as-of date it has no score.
COVERAGE_MIN_SHARE = 0.6           # 3 of 5
COVERAGE_STALE_DAYS = 183          # two quarters
# A checkpoint whose score rests on one company scores at most this far from zero.
ONE_COMPANY_MAX_SCORE = 0.3
# The verdict's confidence (weighted mean of the checkpoints' confidences, over all weights) labels.
CONFIDENCE_LABELS = ((0.75, "high"), (0.5, "medium"), (0.0, "low"))
# Below this verdict confidence there is no verdict (insufficient_data): never a confident call on one company.
VERDICT_MIN_CONFIDENCE = 0.35

# --- language ---
SAYDO_SOFT_SCORE = 0.1          # document stance score below this reads as restraint
SAYDO_SOFT_SHIFT = -0.3         # … or a quarter-over-quarter drop at least this large
SAYDO_HARD_SCORE = 0.4          # score at or above this reads as expansion
SAYDO_CAPEX_MOVE = 0.05         # reported capex change (YoY, else QoQ) that counts as a move
SAYDO_GUIDANCE_MOVE = 0.01      # guidance midpoint change that counts as a raise or a cut
SAYDO_WORDS_WINDOW_DAYS = 120   # words older than this at the deed's date are not compared
SAYDO_RESTRAINT_RISE = 3        # restraint watch terms up by this many on the prior quarter read as softening

# --- watch (watch/; docs/watch.md) ---
# A filing, release, report, guidance vintage or contract dated more than this many days before the
# watcher's day is old news: it is recorded as seen, never announced.
WATCH_NEW_WITHIN_DAYS = 14
# A company's capex stance (document tone per quarter, -1..+1) moving at least this much between
# quarters is a tone shift (the say-do gap reads a drop of SAYDO_SOFT_SHIFT as softening too).
WATCH_TONE_SHIFT = 0.3
# A GPU price line (an SKU group of the gpu_rental checkpoint, like for like) moving at least this
# much from the level last announced is a move; smaller moves accumulate until they cross it.
WATCH_GPU_MOVE = 0.10
# A refresh source failing entirely this many runs in a row is announced (once, until it recovers).
WATCH_SOURCE_FAILURES = 3
# Latest events kept in the Atom feed and shown on the dashboard's overview.
WATCH_FEED_ENTRIES = 50
WATCH_OVERVIEW_EVENTS = 8

# --- rumor check: reading the claim ---
# A company's own words count for a claim this many days after they were said (about two quarters).
RUMOR_SAID_DAYS = 200
# A level claim ("tops $500B") is judged on the latest figure only if it is at most this old (days).
RUMOR_LEVEL_FRESH_DAYS = 200
# A balance under an "above" line is no answer once this many days have passed since its quarter ended: the
# next quarter's figure is due by then (about 45 days after a 91-day quarter), and it is the one that would tell.
RUMOR_LEVEL_STALE_DAYS = 140
# A balance (backlog, ARR) under an "above" line, or off a figure the claim names, stops refuting a claim naming no
# period once the quarter after its own has ended (91 days): the claim may be about that quarter's end.
RUMOR_BALANCE_NEXT_QUARTER_DAYS = 91
# A quarter's flow (revenue, capex) under an "above" line, for no named period, stops refuting the claim this many
# days after its quarter ended: the next 91-day quarter is then within two weeks of its end, and the claim may be
# about it.
RUMOR_LEVEL_NEXT_QUARTER_DAYS = 78
# "Lifts its guide above $200B" is refuted by a guide below the line only if that guide is at most this many days
# old: a results call's update the headline may be about. An older guide leaves a raise still to come open.
RUMOR_RAISE_ANSWERED_DAYS = 14
# A results call comes some 30-45 days after its quarter ends; this many days after the call, the next quarter has
# ended, and a call's balance under a claim's line no longer refutes it.
RUMOR_STALE_CALL_DAYS = 55
# A dated record (a compute contract, a power event) speaks to a claim this many days after its date.
RUMOR_RECORD_DAYS = 400
# Confidence calibration of the rumor check, fitted on the twelve claim sets of tests/data/rumor_claims*.csv
# (1,621 claims): per verdict given, (share of such verdicts that were right, mean raw confidence). The stated
# confidence is that share, moved by half the raw confidence's distance from its mean.
RUMOR_CALIBRATION = {"supported": (0.95, 0.77), "contradicted": (0.94, 0.80), "unclear": (0.65, 0.30)}
