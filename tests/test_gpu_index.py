"""The index method on small inputs with hand-computed values, and on one real month."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from aicycle.gpu import index as gi
from aicycle.gpu.index import Line, Point
from tests.gpu_store import loaded_store

D0 = dt.date(2026, 1, 1)


def _quotes(prices: list[float], providers: list[str] | None = None) -> list[gi.Quote]:
    providers = providers or [f"p{i}" for i in range(len(prices))]
    return [(p, prov, "src", None, None) for p, prov in zip(prices, providers, strict=True)]


def test_tukey_fences_drop_the_far_quote() -> None:
    # [1,2,3,4,100]: Q1 = 2, Q3 = 4 (positions 1 and 3), IQR 2, fences [-1, 7] → 100 dropped.
    # Kept [1,2,3,4]: Q1 at position 0.75 = 1.75, median 2.5, Q3 at 2.25 = 3.25.
    p = gi.index_point(D0, _quotes([1.0, 2.0, 3.0, 4.0, 100.0], ["a", "a", "b", "c", "d"]))
    assert (p.value, p.q1, p.q3) == (2.5, 1.75, 3.25)
    assert (p.n_quotes, p.n_dropped, p.n_providers) == (4, 1, 3)


def test_no_filtering_under_four_quotes() -> None:
    # [1,2,50]: median 2; Q1 at position 0.5 = 1.5; Q3 at 1.5 = 26.
    p = gi.index_point(D0, _quotes([50.0, 1.0, 2.0]))
    assert (p.value, p.q1, p.q3, p.n_dropped) == (2.0, 1.5, 26.0, 0)


def test_fences_are_inclusive_and_a_zero_iqr_keeps_only_the_common_price() -> None:
    assert gi.tukey_keep([2.0, 2.0, 2.0, 2.0, 2.0]) == [True] * 5
    # Q1 = Q3 = 2: the fences collapse to [2, 2], so 2.5 is an outlier (documented in gpu_index.md).
    assert gi.tukey_keep([2.0, 2.0, 2.0, 2.0, 2.5]) == [True, True, True, True, False]
    # [1,2,3,4,7]: Q1 2, Q3 4, upper fence exactly 7: kept.
    assert gi.tukey_keep([1.0, 2.0, 3.0, 4.0, 7.0]) == [True] * 5


def _line(values: list[tuple[int, float]], source: str = "s") -> list[Point]:
    return [Point(day=D0 + dt.timedelta(days=d), value=v, sources=(source,)) for d, v in values]


def test_trend_changes_and_log_slope_by_hand() -> None:
    points = _line([(0, 2.0), (30, 2.1), (60, 2.2), (90, 2.4)])
    t = gi.trend(points, D0 + dt.timedelta(days=90))
    assert t is not None
    assert t.change == pytest.approx(2.4 / 2.0 - 1)              # 90-day base: day 0
    assert t.short_change == pytest.approx(2.4 / 2.2 - 1)        # 30-day base: day 60
    # OLS of ln(price) on x = 0, 30, 60, 90 (mean 45): Σdx² = 4500,
    # slope = (45·ln(2.4/2.0) + 15·ln(2.2/2.1)) / 4500 per day.
    slope = (45 * math.log(1.2) + 15 * math.log(2.2 / 2.1)) / 4500
    assert t.slope_annual == pytest.approx(math.expm1(slope * 365))
    assert t.slope_points == 4


def test_stale_lines_and_missing_bases() -> None:
    points = _line([(0, 2.0), (90, 2.4)])
    assert gi.trend(points, D0 + dt.timedelta(days=90 + 63)) is None   # 63 days old > 62
    assert gi.trend(points, D0 + dt.timedelta(days=90 + 62)) is not None
    # The only earlier point is 50 days before the latest: 40 days off the 90-day target (> 30).
    t = gi.trend(_line([(40, 2.0), (90, 2.4)]), D0 + dt.timedelta(days=90))
    assert t is not None and t.change is None and t.slope_annual is None  # span 50 < 60 days


def test_trends_never_compare_different_sources() -> None:
    line = Line("cloud_list", "H100", "on_demand", "computed",
                points=_line([(0, 2.0), (90, 2.4)], "a") + _line([(91, 9.0)], "b"))
    for p in line.points:
        object.__setattr__(p, "n_quotes", 5)
    trends = gi.line_trends(line, D0 + dt.timedelta(days=91))
    assert [(t.sources, t.change) for t in trends] == [(("b",), None), (("a",), pytest.approx(0.2))]


def test_real_month_reproduces_by_hand() -> None:
    # henryzhangpku GIX-H100 2025-06 providers: coreweave 6.155, crusoe 3.588, lambda 3.028,
    # nebius 3.136, runpod 2.751. Sorted: Q1 = 3.028, Q3 = 3.588, upper fence 3.588 + 1.5·0.56 = 4.428,
    # so coreweave is dropped; the median of the other four is (3.028 + 3.136) / 2 = 3.082.
    # (The source's own median, 3.1358, keeps coreweave.)
    store = loaded_store()
    (line,) = [ln for ln in gi.computed_lines(store, dt.date(2025, 6, 30), "cloud_list", "H100")
               if ln.sku == "H100" and ln.term == "on_demand"]
    p = line.points[-1]
    assert p.day == dt.date(2025, 6, 30)
    assert (p.value, p.n_quotes, p.n_dropped, p.n_providers) == (pytest.approx(3.082), 4, 1, 4)


def test_as_of_uses_only_rows_public_by_then() -> None:
    store = loaded_store()
    for line in gi.lines(store, dt.date(2025, 6, 30)):
        assert all(p.day <= dt.date(2025, 6, 30) for p in line.points)
    later = {ln.name for ln in gi.lines(store, dt.date(2026, 11, 24))}
    assert any("ewyluda" in n for n in later)
    assert not any("ewyluda" in ln.name for ln in gi.lines(store, dt.date(2025, 6, 30)))


def test_families_are_separate_lines() -> None:
    store = loaded_store()
    h100 = gi.computed_lines(store, None, None, "H100")
    assert {ln.family for ln in h100} == {"cloud_list", "marketplace"}
    assert len({(ln.family, ln.sku, ln.term) for ln in h100}) == len(h100)


def test_stored_index_carries_the_method_version() -> None:
    store = loaded_store()
    gi.store_index(store)
    assert gi.store_index(store)["inserted"] == 0
    versions = store.query("SELECT DISTINCT method_version FROM gpu_index")
    assert versions == [{"method_version": gi.METHOD_VERSION}]


def test_flags_follow_the_rows_into_points() -> None:
    # henryzhangpku flags GIX-A100 2026-08: "dispersion 0.455 above the live ceiling 0.45" (its own note).
    store = loaded_store()
    (line,) = [ln for ln in gi.computed_lines(store, dt.date(2026, 8, 31), "cloud_list", "A100")
               if ln.sku == "A100" and ln.term == "on_demand"]
    assert line.points[-1].flags == ("dispersion 0.455 above the live ceiling 0.45",)
    assert all(not p.flags for p in line.points if p.day == dt.date(2026, 5, 31))
