"""'Microsoft slashes 2026 capex to ~$175B as AI demand cools' was supported by the new figure, although the
call that gave it says only a lease-accounting change moved it ("Outside of this useful life impact, our
calendar year 2026 CapEx investment expectations remain unchanged"). A claim that the plans fell, or that
demand cooling cut them, is refuted by that sentence; one that the figure reflects the accounting is borne out;
one about the figure alone is still read on the guide."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.reclassified import Reclassified, read_reclassified
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "read"), [
    ("Microsoft slashes 2026 capex to ~$175B as AI demand cools", Reclassified(real_cut=True)),
    ("Microsoft dials back its underlying 2026 capex plan", Reclassified(real_cut=True)),
    ("Microsoft's new $175 billion capex figure reflects lease accounting, not a cut", Reclassified(real_cut=False)),
    ("Microsoft cuts its 2026 capex outlook to about $175bn", None),
])
def test_read(claim: str, read: Reclassified | None) -> None:
    assert read_reclassified(claim) == read


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Microsoft slashes 2026 capex to ~$175B as AI demand cools", "2026-07-31", "contradicted"),
    ("Microsoft dials back its underlying 2026 capex plan; new ~$175bn figure reflects cooling AI demand",
     "2026-07-31", "contradicted"),
    ("Microsoft's new $175 billion capex figure reflects lease accounting, not a cut in investment plans",
     "2026-07-31", "supported"),
    ("Microsoft lowers reported 2026 capex figure to about $175bn on lease reclassification", "2026-08-02",
     "supported"),
    ("Microsoft cuts its 2026 capex outlook to about $175bn", "2026-07-31", "supported"),  # the figure alone
    ("Microsoft slashes 2026 capex to ~$175B as AI demand cools", "2026-07-20", "unclear"),  # before the call
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want


def test_a_rise_is_not_read_as_a_cut_explained(store: Store) -> None:
    """"Underlying" alone does not make a claim a cut: a rise is read as usual (against the lowered guide)."""
    result = check(store, "Microsoft's underlying 2026 capex rises", "2026-07-31")
    assert "reclassified" not in result["reasoning"]
