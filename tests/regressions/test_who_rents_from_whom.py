""""IREN is renting data-center capacity from Microsoft" was borne out by the Microsoft / IREN deal, in which
Microsoft buys capacity from IREN; "Google is TeraWulf's tenant at Lake Mariner" was unclear (Fluidstack is the
tenant; Google backstops its lease); "Amazon is backstopping Cipher's Fluidstack lease" was borne out by Cipher's
AWS lease. The claim's buyer and seller are set against the ledger's (roles.py), and a backstop recorded on the
deal by another company refutes a claim naming the wrong one."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.roles import read_roles
from aicycle.store import Store


def test_roles_read() -> None:
    rents = read_roles("IREN is renting data-center capacity from Microsoft")
    assert rents is not None and (rents.buyer, rents.seller) == ("IREN", "Microsoft")
    sells = read_roles("Nebius sells compute to Microsoft")
    assert sells is not None and (sells.buyer, sells.seller) == ("Microsoft", "Nebius")
    tenant = read_roles("Google is TeraWulf's tenant at Lake Mariner")
    assert tenant is not None and (tenant.buyer, tenant.seller) == ("Google", "TeraWulf")
    assert read_roles("Meta plans to rent out idle compute") is None


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("IREN is renting data-center capacity from Microsoft", "2025-11-07", "contradicted"),
    ("Microsoft is renting capacity from IREN", "2025-11-07", "supported"),
    ("Google is TeraWulf's tenant at Lake Mariner", "2025-11-11", "contradicted"),
    ("Fluidstack is TeraWulf's tenant at Lake Mariner", "2025-11-11", "supported"),
    ("Amazon is backstopping Cipher's Fluidstack lease", "2025-11-05", "contradicted"),
    ("Google is backstopping Cipher's Fluidstack lease", "2025-11-05", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
