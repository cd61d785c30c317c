"""Many events over a panel of returns at once: S securities x E events, chunked to stay in cache.

`study_panel` takes returns already on one calendar (a (S, T) matrix and a (T,) market) and event
positions; it gathers the windows with fancy indexing and runs core.fit and stats.cross_section on
chunks of events. Used by the benchmark and by anyone scanning many dates.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from aicycle.eventstudy import core, stats
from aicycle.eventstudy.spec import Spec


def study_panel(r: np.ndarray, m: np.ndarray, event_pos: np.ndarray, spec: Spec,
                chunk: int = 20, workers: int | None = None) -> dict[str, Any]:
    """CAR per (event, security) and each cross-sectional test per event."""
    spec.validate()
    est_lo, est_hi = spec.estimation_window
    a, b = spec.window
    est_off = np.arange(est_lo, est_hi + 1)
    evt_off = np.arange(a, b + 1)
    n_sec = r.shape[0]
    if event_pos.min() + est_lo < 0 or event_pos.max() + b >= r.shape[1]:
        raise ValueError("an event's windows fall outside the panel")
    cars = np.empty((len(event_pos), n_sec))
    sec = np.arange(n_sec)

    def one(start: int) -> dict[str, np.ndarray]:
        pos = event_pos[start:start + chunk]
        e_idx = (pos[:, None] + est_off[None, :])                 # (e, L)
        v_idx = (pos[:, None] + evt_off[None, :])                 # (e, W)
        r_est = r[sec[None, :, None], e_idx[:, None, :]].reshape(-1, len(est_off))
        r_evt = r[sec[None, :, None], v_idx[:, None, :]].reshape(-1, len(evt_off))
        m_est = np.repeat(m[e_idx], n_sec, axis=0)
        m_evt = np.repeat(m[v_idx], n_sec, axis=0)
        f = core.fit(r_est, m_est, r_evt, m_evt, spec.model)
        cs = stats.cross_section(f, np.repeat(np.arange(len(pos)), n_sec))
        cars[start:start + len(pos)] = f.car.reshape(len(pos), n_sec)
        return cs

    # numpy releases the GIL in its loops, so chunks run in parallel on the machine's cores.
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        parts = list(pool.map(one, range(0, len(event_pos), chunk)))
    return {"car": cars, **{k: np.concatenate([p[k] for p in parts]) for k in parts[0]}}
