"""The gpu_rental checkpoint pinned on the real data at several dates."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle import rules
from aicycle.checkpoints import gpu_rental
from aicycle.checkpoints.base import Reading
from aicycle.gpu.providers.base import price_row
from aicycle.store import open_store
from tests.gpu_store import loaded_store


def _read(day: str) -> Reading:
    return gpu_rental.read(loaded_store(), dt.date.fromisoformat(day))


def test_mid_2025_reads_steady() -> None:
    r = _read("2025-06-30")
    # H100: computed cloud-list index 3.082 vs 3.3325 on 2025-03-31 (-7.5%, 91 days) and the reserved
    # median 2.515 vs 2.37 (+6.1%): median -0.7%. H200: the computed line's 0.0% over 91 days; its
    # reserved line has no point 90-105 days back, so it gives no 90-day change. B200 has no rows yet.
    m = {x.name: x.value for x in r.metrics}
    assert r.state == "steady"
    assert m["h100_change"] == pytest.approx((3.082 / 3.3325 - 1 + 2.515 / 2.37 - 1) / 2, abs=1e-3)
    assert m["h200_change"] == pytest.approx(0.0, abs=1e-3)
    assert "b200_change" not in m
    assert m["gpu_rental_change"] == pytest.approx(-0.0035, abs=2e-4)
    assert r.score == pytest.approx(m["gpu_rental_change"] / rules.GPU_RENTAL_SCORE_SCALE, abs=1e-3)
    assert r.headline.startswith("H100 $3.08 (-0.7%), H200 $3.72 (+0.0%) over 91 days")
    assert any("No fresh like-for-like series for B200" in x for x in r.reasoning)


@pytest.mark.parametrize("day", ["2026-10-05", "2026-11-24"])
def test_latest_reads_expanding(day: str) -> None:
    r = _read(day)
    m = {x.name: x.value for x in r.metrics}
    assert r.state == "expanding" and r.score == pytest.approx(0.638, abs=1e-3)
    assert m["h100_change"] == pytest.approx(0.1363, abs=1e-4)   # +11.5% computed, +15.8% reserved
    assert m["h200_change"] == pytest.approx(0.1525, abs=1e-4)
    assert m["b200_change"] == pytest.approx(-0.0017, abs=1e-4)  # vs 2026-06-30, 92 days back
    assert m["h100_price"] == pytest.approx(3.588)
    assert "shortage remains" in r.headline


def test_mid_2026_reads_expanding_with_full_score() -> None:
    r = _read("2026-07-31")
    assert r.state == "expanding" and r.score == pytest.approx(0.9472, abs=1e-3)


def test_no_data_reads_insufficient() -> None:
    assert _read("2023-01-31").state == "insufficient_data"
    r = _read("2027-03-01")  # everything is older than the freshness limit
    assert r.state == "insufficient_data" and r.score is None


def test_evidence_names_its_source_and_is_public_by_as_of() -> None:
    for day in ("2025-06-30", "2026-11-24"):
        r = _read(day)
        assert r.evidence
        for e in r.evidence:
            assert e.source and e.url and e.filed and e.filed <= dt.date.fromisoformat(day)
            assert e.kind in ("derived", "reported") and e.method
        for points in r.charts.values():
            assert all(p["x"] <= day for p in points)


def test_charts_keep_families_apart() -> None:
    charts = _read("2026-11-24").charts
    fams = {p["family"] for pts in charts.values() for p in pts}
    assert fams == {"cloud_list", "marketplace", "index"}
    assert all(len({p["family"] for p in pts}) == 1 for pts in charts.values())


def test_a_published_level_is_not_counted_twice() -> None:
    r = _read("2026-11-24")
    names = [e.text for e in r.evidence]
    # henryzhangpku's on-demand median feeds the computed line: only the computed line is counted.
    assert not any("henryzhangpku-gix published_median" in n and "on_demand" in n for n in names)
    assert any("reserved · henryzhangpku-gix" in n for n in names)


def _point(day: str, price: float, sku: str = "H100-SXM", provider: str = "p") -> dict[str, object]:
    return price_row(observed_at=dt.datetime.fromisoformat(day), sku=sku, raw_name=sku, term="on_demand",
                     family="marketplace", provider=provider, price=price, stat="provider_min",
                     source="test", kind="curated", method="test", url="https://example.org")


@pytest.mark.parametrize(("late", "state"), [(2.0, "steady"), (2.2, "expanding"), (1.8, "slowing"),
                                             (1.6, "contracting")])
def test_thresholds_on_a_small_store(late: float, state: str) -> None:
    store = open_store(memory=True, seed=False)
    rows = [_point(d, p, provider=f"p{i}") for d, p0 in (("2026-01-01", 2.0), ("2026-04-01", late))
            for i, p in enumerate([p0, p0, p0])]
    store.upsert("gpu_prices", rows)
    r = gpu_rental.read(store, dt.date(2026, 4, 15))
    assert r.state == state
    assert r.score == pytest.approx(max(-1, min(1, (late / 2.0 - 1) / rules.GPU_RENTAL_SCORE_SCALE)), abs=1e-4)


def test_a_row_published_later_does_not_change_an_earlier_reading() -> None:
    store = open_store(memory=True, seed=False)
    store.upsert("gpu_prices", [_point("2026-01-01", 2.0, provider=f"p{i}") for i in range(3)]
                 + [_point("2026-04-01", 2.2, provider=f"p{i}") for i in range(3)])
    before = gpu_rental.read(store, dt.date(2026, 4, 15)).to_dict()
    store.upsert("gpu_prices", [_point("2026-04-20", 1.0, provider=f"p{i}") for i in range(3)])
    assert gpu_rental.read(store, dt.date(2026, 4, 15)).to_dict() == before
