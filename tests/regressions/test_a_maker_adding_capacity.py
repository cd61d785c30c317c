"""'Seagate ramps drive-unit capacity to meet AI storage demand' and four claims like it named no metric the check
knew, or were read as compute bought: a drive maker's own word on adding units ("rather than adding new head and
media unit capacity", "we don't anticipate any capacity investments") decides them (plant.py)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.plant import PlantClaim, read_plant
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "read"), [
    ("Seagate ramps drive-unit capacity to meet AI storage demand", PlantClaim(adds=True)),
    ("Seagate plans to buy capacity to build more drives for demand", PlantClaim(adds=True)),
    ("Seagate won't add HDD manufacturing capacity", PlantClaim(adds=False)),
    ("Seagate nearline capacity sold out through mid-2026", None),
])
def test_read(claim: str, read: PlantClaim | None) -> None:
    assert read_plant(claim) == read


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Seagate plans to add drive-unit manufacturing capacity", "2025-09-15", "contradicted"),
    ("Seagate ramps drive-unit capacity to meet AI storage demand", "2025-09-15", "contradicted"),
    ("Western Digital adds HDD manufacturing capacity to chase AI demand", "2025-06-15", "contradicted"),
    ("STX adding new HDD head and media capacity to chase nearline demand", "2025-03-14", "contradicted"),
    # "we are being very careful with adding more capacity" (2024): restraint, not a ramp
    ("Seagate ramps drive-unit capacity to meet AI storage demand", "2024-09-15", "contradicted"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == want
    assert "manufacturing capacity" in result["reasoning"]
