"""Regression: the default lease-vs-idle case leased 89% of a cluster the model already sold 80% of
(internal_share 0.11 beside utilization 0.8), valuing a $50M cluster's idle share at $77.7M NPV; the
CLI printed raw floats ("model 3.3496259137779494", "model None") and no word on payback vs NPV."""

from __future__ import annotations

from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.economics import lease, scenarios
from aicycle.economics.inputs import Inputs


def test_idle_share_never_exceeds_what_utilization_leaves() -> None:
    default = lease.lease_vs_idle(Inputs())
    assert default["idle_share"] <= 1 - Inputs().utilization + 1e-12
    assert default["options"]["lease"]["npv"] < Inputs().gpus * Inputs().capex_per_gpu  # not above the cluster
    low = lease.lease_vs_idle(Inputs(internal_share=0.11, utilization=0.8))
    assert low["idle_share"] == default["idle_share"]  # hours the model sells are not idle


def test_economics_output_is_rounded_and_echoes_overrides() -> None:
    result = CliRunner().invoke(app, ["economics", "article-payback", "--draws", "2000",
                                      "--set", "utilization=0.6"], terminal_width=80)
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "utilization = 0.6" in out
    assert "model 3.3496" not in out and "model None" not in out
    assert all(len(word) < 14 for word in out.split() if word.replace(".", "").replace("%", "").isdigit())


def test_payback_beside_mostly_negative_npv_is_explained() -> None:
    r = scenarios.run(None, ["utilization=0.6"], draws=2000, seed=7)
    out = CliRunner().invoke(app, ["economics", "--draws", "2000", "--set", "utilization=0.6"],
                             terminal_width=80).output
    assert r["monte_carlo"]["probability_npv_negative"] > 0.5
    assert "both hold" in " ".join(out.split())
