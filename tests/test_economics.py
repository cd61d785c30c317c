"""The data-center model, its scenarios and the `aicycle economics` command."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from pathlib import Path

import numpy as np
import numpy_financial as npf
import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.economics import finance, lease, model, montecarlo, run_scenario, scenarios, vector
from aicycle.economics.evaluate import evaluate
from aicycle.economics.inputs import SPECS, Inputs, from_mapping, parse_overrides
from aicycle.errors import InputError

runner = CliRunner()
CLOSED_FORM = ["gpus=1000", "capex_per_gpu=50000", "price_per_gpu_hour=2.63", "utilization=0.8",
               "opex_per_gpu_hour=0.4", "life_years=5", "discount_rate=0.1"]
ARTICLE = Path(__file__).resolve().parents[1] / "data" / "context"


def _cli_json(*args: str) -> dict:
    result = runner.invoke(app, ["economics", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_closed_form_case_from_the_cli() -> None:
    out = _cli_json("--set", *CLOSED_FORM, "--draws", "0")
    capex = 1000 * 50_000
    cash = 1000 * 8760 * (2.63 * 0.8 - 0.4)              # opex per *installed* GPU-hour
    annuity = (1 - 1.1 ** -5) / 0.1
    assert out["payback_years"] == pytest.approx(capex / cash, rel=1e-12)
    assert out["npv"] == pytest.approx(-capex + cash * annuity, rel=1e-12)
    irr = out["irr"]
    assert capex == pytest.approx(cash * (1 - (1 + irr) ** -5) / irr, rel=1e-12)   # the annuity equation
    assert irr == pytest.approx(npf.irr([-capex] + [cash] * 5), abs=1e-10)
    assert [row["net"] for row in out["cash_flows"]] == pytest.approx([-capex] + [cash] * 5)
    assert out["monte_carlo"] is None


def test_each_override_word_after_one_set_counts() -> None:
    out = _cli_json("article-payback", "--set", "utilization=0.5", "life_years=6", "--draws", "0")
    assert out["inputs"]["utilization"] == 0.5 and out["inputs"]["life_years"] == 6
    assert out["overrides"] == {"utilization": 0.5, "life_years": 6}


@pytest.mark.parametrize(("args", "named"), [
    (["--set", "utilization=-0.1"], "utilization"),
    (["--set", "life_years=0"], "life_years"),
    (["--set", "life_years=2.5"], "life_years"),
    (["--set", "utilisation=0.5"], "utilisation"),
    (["--set", "price_per_gpu_hour=cheap"], "price_per_gpu_hour"),
    (["--set", "pue=0.9"], "pue"),
    (["--set", "gpus"], "gpus"),
    (["no-such-scenario"], "no-such-scenario"),
    (["--draws", "-1"], "--draws"),
])
def test_invalid_inputs_exit_2_naming_the_input(args: list[str], named: str) -> None:
    result = runner.invoke(app, ["economics", *args])
    assert result.exit_code == 2
    assert named in result.stderr and "Traceback" not in result.output


def test_inputs_validate_in_python_too() -> None:
    with pytest.raises(InputError, match="utilization"):
        Inputs(utilization=1.5)
    with pytest.raises(InputError, match="life_years"):
        from_mapping({"life_years": 0})
    with pytest.raises(InputError, match="did you mean utilization"):
        parse_overrides(["utilisation=0.3"])
    assert parse_overrides(["utilization=80%"]) == {"utilization": 0.8}


def test_every_input_has_a_unit_help_and_a_valid_default() -> None:
    names = {f.name for f in dataclasses.fields(Inputs)}
    assert names == {s.name for s in SPECS}
    assert all(s.unit and s.help for s in SPECS)
    Inputs()  # defaults pass their own validation


def test_build_time_tax_and_residual_shape_the_flows() -> None:
    i = Inputs(build_years=2, life_years=3, tax_rate=0.25, residual_value=0.1)
    rows = evaluate(i)["cash_flows"]
    assert [r["capex"] for r in rows] == [25e6, 25e6, 0, 0, 0, 0]
    assert [r["revenue"] > 0 for r in rows] == [False, False, False, True, True, True]
    assert rows[-1]["residual"] == pytest.approx(5e6)
    ebitda = 1000 * 8760 * (2.63 * 0.8 - 0.4)
    depreciation = (50e6 - 5e6) / 3
    assert rows[3]["tax"] == pytest.approx(0.25 * (ebitda - depreciation))


def test_price_path_reserved_contracts_and_power() -> None:
    i = Inputs(price_growth=-0.1, reserved_share=0.5, reserved_discount=0.2, power_price_per_kwh=0.1,
               kw_per_gpu=1.0, pue=1.5, opex_per_gpu_hour=0.2, life_years=3)
    rows = evaluate(i)["cash_flows"]
    hours = 1000 * 8760
    for k in (1, 2, 3):
        on_demand = 0.5 * 0.8 * 2.63 * 0.9 ** (k - 1)
        reserved = 0.5 * 2.63 * 0.8                     # fixed at the first-year price
        assert rows[k]["revenue"] == pytest.approx(hours * (on_demand + reserved))
        assert rows[k]["opex"] == pytest.approx(hours * (0.2 + 1.0 * 1.5 * 0.1))


def test_facility_and_network_capex_per_mw() -> None:
    i = Inputs(capex_per_gpu=30_000, network_capex_per_gpu=5_000, facility_capex_per_mw=10e6, kw_per_gpu=1.5)
    assert evaluate(i)["capex_total"] == pytest.approx(1000 * 35_000 + 1.5 * 10e6)


def test_breakevens_zero_the_npv() -> None:
    i = Inputs(tax_rate=0.2, build_years=1, price_growth=-0.05)
    out = evaluate(i)
    at_u = evaluate(dataclasses.replace(i, utilization=out["breakeven_utilization"]))
    at_p = evaluate(dataclasses.replace(i, price_per_gpu_hour=out["breakeven_price_per_gpu_hour"]))
    assert abs(at_u["npv"]) < 1e-4 and abs(at_p["npv"]) < 1e-4
    assert evaluate(Inputs(reserved_share=1.0))["breakeven_utilization"] is None


def test_model_on_arrays_equals_model_on_scalars() -> None:
    rng = np.random.default_rng(11)
    n = 200
    params = dataclasses.asdict(Inputs(tax_rate=0.21, residual_value=0.05))
    params |= {"utilization": rng.uniform(0.1, 1, n), "price_per_gpu_hour": rng.uniform(1, 6, n),
               "life_years": rng.integers(2, 8, n).astype(float), "build_years": rng.integers(0, 3, n).astype(float),
               "price_growth": rng.uniform(-0.3, 0.1, n)}
    cols = [np.broadcast_to(c, (n,)) for c in model.net_flows(params)]
    irrs, paybacks = vector.irr_many(cols), vector.payback_many(cols)
    for j in range(n):
        one = Inputs(tax_rate=0.21, residual_value=0.05, utilization=float(params["utilization"][j]),
                     price_per_gpu_hour=float(params["price_per_gpu_hour"][j]),
                     life_years=int(params["life_years"][j]), build_years=int(params["build_years"][j]),
                     price_growth=float(params["price_growth"][j]))
        out = evaluate(one)
        want_irr, want_pb = out["irr"], out["payback_years"]
        assert (want_irr is None and math.isnan(irrs[j])) or irrs[j] == pytest.approx(want_irr, abs=1e-9)
        assert (want_pb is None and math.isnan(paybacks[j])) or paybacks[j] == pytest.approx(want_pb)


def test_lease_vs_idle_values() -> None:
    i = Inputs(internal_share=0.2, utilization=0.2, lease_fill=0.5, lease_discount=0.3, preemption_haircut=0.1,
               lease_cost_per_gpu_hour=0.2, optimize_capex=1e6, optimize_target_share=0.5,
               internal_value_per_gpu_hour=3.0, life_years=1, discount_rate=0.0)
    out = lease.lease_vs_idle(i)
    margin = 2.63 * 0.7 * 0.9 - 0.2
    hours = 1000 * 8760
    assert out["lease_margin_per_gpu_hour"] == pytest.approx(margin)
    assert out["options"]["lease"]["npv"] == pytest.approx(hours * 0.8 * 0.5 * margin)
    assert out["options"]["optimize"]["npv"] == pytest.approx(hours * 0.3 * 3.0 - 1e6)
    assert out["options"]["both"]["npv"] == pytest.approx(hours * (0.3 * 3.0 + 0.5 * 0.5 * margin) - 1e6)
    assert out["best"] == "both"
    costly = lease.lease_vs_idle(dataclasses.replace(i, lease_cost_per_gpu_hour=5.0, optimize_capex=1e12))
    assert costly["best"] == "idle"


def test_inference_unit_economics() -> None:
    out = lease.inference(Inputs(tokens_per_gpu_hour=2e6, price_per_million_tokens=4.0, price_per_gpu_hour=2.0))
    assert out["revenue_per_compute_dollar"] == pytest.approx(4.0)
    assert out["gross_margin"] == pytest.approx(0.75)
    assert out["tokens_per_gpu_hour_for_target"] == pytest.approx(1.5e6)    # 3 x $2 / ($4 per 1M)
    assert out["target_gross_margin"] == pytest.approx(2 / 3)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[\u201c\u201d\"]", "", text)).strip()


def test_shipped_scenarios_are_the_articles_claims_and_run() -> None:
    article = _normalise(next(ARTICLE.glob("000_*.txt")).read_text(encoding="utf-8"))
    catalog = scenarios.catalog()
    assert {c["name"] for c in catalog} >= {"article-payback", "article-repricing", "article-utilization-11pct",
                                           "article-lease-idle", "article-inference-3x"}
    for entry in catalog:
        assert entry["label"] == "article's claim"
        spec = scenarios.load(Path(entry["file"]))
        for sentence in re.split(r"(?<=\.) ", _normalise(spec["source"]["quote"])):
            assert sentence in article, (entry["name"], sentence)
        out = run_scenario(entry["name"], draws=2000, seed=1)
        assert math.isfinite(out["npv"]) and out["sensitivity"]["bars"]
        assert out["monte_carlo"]["draws"] == 2000


def test_article_figures_reach_the_outputs() -> None:
    low_util = run_scenario("article-utilization-11pct", draws=0)
    assert low_util["inputs"]["utilization"] == 0.11 and low_util["npv"] < 0 and low_util["irr"] is None
    repriced = run_scenario("article-repricing", draws=0)
    assert repriced["inputs"]["price_per_gpu_hour"] == 5.0 and repriced["npv"] > 0
    payback = run_scenario("article-payback", draws=0)
    assert payback["claim_check"]["output"] == "payback_years"
    assert payback["claim_check"]["within"] == (2 <= payback["payback_years"] <= 3)


def test_run_scenario_takes_a_mapping_and_a_yaml_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("title: mine\ninputs: {utilization: 0.9}\nranges: {capex_per_gpu: [40000, 60000]}\n")
    out = run_scenario(str(path), {"price_per_gpu_hour": 3}, draws=1000)
    assert out["inputs"]["utilization"] == 0.9 and out["inputs"]["price_per_gpu_hour"] == 3.0
    assert list(out["monte_carlo"]["ranges"]) == ["capex_per_gpu"]


@pytest.mark.parametrize(("body", "named"), [
    ("inputs: {life_years: 0}\n", "life_years"),
    ("inputs: {gpu: 5}\n", "gpu"),
    ("ranges: {utilization: {low: 0.9, high: 0.2}}\n", "utilization"),
    ("ranges: {utilization: {low: 0.1, high: 1.2}}\n", "utilization"),
    ("colour: red\n", "colour"),
    ("check: {output: happiness, low: 1, high: 2}\n", "check"),
    ("inputs: [1, 2]\n", "inputs"),
    ("inputs: {utilization: 0.5\n", "YAML"),
])
def test_bad_scenario_files_name_the_key(tmp_path: Path, body: str, named: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    with pytest.raises(InputError, match=named) as err:
        run_scenario(str(path), draws=0)
    assert "bad.yaml" in str(err.value)


def test_monte_carlo_is_reproducible_with_a_seed() -> None:
    a = run_scenario("article-payback", draws=50_000, seed=42)["monte_carlo"]
    b = run_scenario("article-payback", draws=50_000, seed=42)["monte_carlo"]
    c = run_scenario("article-payback", draws=50_000, seed=43)["monte_carlo"]
    assert a == b
    assert a["irr"]["percentiles"] != c["irr"]["percentiles"]
    assert sum(a["irr"]["histogram"]["counts"]) == round(50_000 * a["irr"]["defined_share"])


def test_monte_carlo_draws_respect_the_ranges() -> None:
    ranges = {"utilization": montecarlo.Range(0.5, 0.5), "life_years": montecarlo.Range(5, 5)}
    sims = montecarlo.simulate(Inputs(), ranges, 1000, seed=0)
    assert np.allclose(sims["irr"], evaluate(Inputs(utilization=0.5))["irr"])
    wide = montecarlo.simulate(Inputs(), {"life_years": montecarlo.Range(3, 7)}, 5000, seed=0)
    lives = {round(finance.irr([-50e6] + [1000 * 8760 * 1.704] * n), 12) for n in range(3, 8)}
    assert {round(v, 12) for v in wide["irr"]} == lives


def test_html_is_self_contained_and_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text('title: "<script>alert(1)</script>"\nsource: {quote: "a & b <i>"}\n')
    out_path = tmp_path / "page.html"
    result = runner.invoke(app, ["economics", str(path), "--draws", "2000", "--html", str(out_path)])
    assert result.exit_code == 0, result.output
    page = out_path.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "a &amp; b &lt;i&gt;" in page
    assert not re.search(r"<script[^>]+src=", page) and not re.search(r"<link[^>]+href=", page)  # no CDN
    assert len(re.findall(r"plotly\.js v\d", page)) == 1         # the library inlined once
    assert page.count("Plotly.newPlot") >= 5                     # cash flows, tornado, lease, 2 histograms


def test_list_and_inputs() -> None:
    listed = _cli_json("--list")
    assert all(row["label"] == "article's claim" for row in listed)
    inputs = _cli_json("--inputs")
    assert {row["name"] for row in inputs} == {s.name for s in SPECS}
    text = runner.invoke(app, ["economics", "--list"])
    assert text.exit_code == 0 and "article-payback" in text.stdout


@pytest.mark.parametrize("changes", [{}, {"tax_rate": 0.3, "residual_value": 0.2, "build_years": 2},
                                     {"price_growth": -0.15, "opex_growth": 0.03, "reserved_share": 0.4}])
def test_fast_net_flows_equal_the_component_flows(changes: dict) -> None:
    params = dataclasses.asdict(Inputs(**changes))
    assert [float(c) for c in model.net_flows(params)] == pytest.approx(
        [float(c) for c in model.flows(params).net], rel=1e-12)


def test_monte_carlo_does_not_depend_on_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    ranges = {"utilization": montecarlo.Range(0.3, 0.9), "capex_per_gpu": montecarlo.Range(4e4, 6e4, 5e4)}
    monkeypatch.setattr(montecarlo, "THREADS", 1)
    one = montecarlo.simulate(Inputs(), ranges, 100_000, seed=5)
    monkeypatch.setattr(montecarlo, "THREADS", 3)
    three = montecarlo.simulate(Inputs(), ranges, 100_000, seed=5)
    for key in one:
        assert np.array_equal(one[key], three[key], equal_nan=True)


def test_docs_cover_every_input_and_scenario() -> None:
    text = (Path(__file__).resolve().parents[1] / "docs" / "economics.md").read_text(encoding="utf-8")
    missing = [s.name for s in SPECS if f"`{s.name}`" not in text]
    missing += [name for name in scenarios.names() if f"`{name}`" not in text]
    assert not missing, f"undocumented in docs/economics.md: {missing}"
