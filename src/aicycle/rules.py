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
# --- language ---
SAYDO_SOFT_SCORE = 0.1          # document stance score below this reads as restraint
SAYDO_SOFT_SHIFT = -0.3         # … or a quarter-over-quarter drop at least this large
SAYDO_HARD_SCORE = 0.4          # score at or above this reads as expansion
SAYDO_CAPEX_MOVE = 0.05         # reported capex change (YoY, else QoQ) that counts as a move
SAYDO_GUIDANCE_MOVE = 0.01      # guidance midpoint change that counts as a raise or a cut
SAYDO_WORDS_WINDOW_DAYS = 120   # words older than this at the deed's date are not compared
SAYDO_RESTRAINT_RISE = 3        # restraint watch terms up by this many on the prior quarter read as softening
