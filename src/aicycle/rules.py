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
