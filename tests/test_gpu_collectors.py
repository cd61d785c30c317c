"""GPU-price collectors against a real HTTP server on 127.0.0.1 replaying captured responses.

vast.ai: the real bundles response captured 2026-07-15 (data/gpu_prices/api_captures).
Shadeform: its documentation example (api_doc_examples). Lambda and RunPod: no captured response
exists anywhere (API_NOTES.md), so their payloads are built from the documented field names only.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from aicycle.gpu.providers import base as gpu_base
from aicycle.gpu.providers.lambdalabs import LambdaProvider
from aicycle.gpu.providers.runpod import RunPodProvider
from aicycle.gpu.providers.shadeform import ShadeformProvider
from aicycle.gpu.providers.vast import VastProvider, parse_offers
from aicycle.gpu.refresh import collect_one, refresh_gpu
from aicycle.store import open_store
from tests.gpu_replay import ReplayServer, Reply, serve

VAST = "gpu_prices/api_captures/vastai_bundles_H100SXM_2026-07-15_macrogauge.json"
SHADEFORM = "gpu_prices/api_doc_examples/shadeform_instances_types_doc_example.json"
# Documented shapes (API_NOTES.md), not captured responses.
LAMBDA_DOC = {"data": {"gpu_8x_h100_sxm5": {
    "instance_type": {"name": "gpu_8x_h100_sxm5", "description": "8x H100 (80 GB SXM5)",
                      "gpu_description": "H100 (80 GB SXM5)", "price_cents_per_hour": 2392,
                      "specs": {"vcpus": 208, "memory_gib": 1800, "storage_gib": 24780, "gpus": 8}},
    "regions_with_capacity_available": []}}}
RUNPOD_DOC = {"data": {"gpuTypes": [
    {"id": "NVIDIA H100 80GB HBM3", "displayName": "H100 SXM", "memoryInGb": 80, "securePrice": 2.99,
     "communityPrice": 2.69, "secureSpotPrice": None, "communitySpotPrice": 1.75}]}}


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    yield from serve()


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gpu_base, "BACKOFF_SECONDS", 0.0)
    monkeypatch.setenv("AICYCLE_HTTP_RETRIES", "2")


def _bytes(data_dir: Path, rel: str) -> bytes:
    return (data_dir / rel).read_bytes()


def _client(timeout: float = 2.0) -> httpx.Client:
    return httpx.Client(timeout=timeout)


def test_vast_replay_gives_per_gpu_prices(server: ReplayServer, data_dir: Path) -> None:
    server.route("/api/v0/bundles/", Reply(200, _bytes(data_dir, VAST)))
    with _client() as c:
        result = VastProvider(base_url=server.url).collect(c)
    assert result.status == "ok" and result.rejected == 0 and result.unknown == {}
    on_demand = [o for o in result.offers if o.term == "on_demand"]
    assert len(on_demand) == 6 and {o.sku for o in on_demand} == {"H100-SXM"}
    # SOURCES.md: median dph_total / num_gpus = 1.7614 USD per GPU-hour
    assert statistics.median(o.price_usd_per_gpu_hour for o in on_demand) == pytest.approx(1.7614, abs=1e-4)
    eight = next(o for o in on_demand if o.gpu_count == 8)
    assert eight.price_usd_per_gpu_hour == pytest.approx(16.002222222222223 / 8)
    # The query is the documented JSON, once per term; no key is sent when none is configured.
    sent = [json.loads(r.body) for r in server.requests]
    methods_and_types = [(r.method, q["type"]) for r, q in zip(server.requests, sent, strict=True)]
    assert methods_and_types == [("POST", "on-demand"), ("POST", "bid")]
    assert sent[0]["verified"] == {"eq": True} and sent[0]["rentable"] == {"eq": True}
    assert all("authorization" not in {k.lower() for k in r.headers} for r in server.requests)


def test_vast_spot_prices_are_a_separate_term(server: ReplayServer, data_dir: Path) -> None:
    server.route("/api/v0/bundles/", Reply(200, _bytes(data_dir, VAST)))
    with _client() as c:
        result = VastProvider(base_url=server.url, api_key="k").collect(c)
    spot = [o for o in result.offers if o.term == "spot"]
    assert len(spot) == 6 and all(o.method.startswith("min_bid / num_gpus") for o in spot)
    assert server.requests[0].headers["Authorization"] == "Bearer k"


def test_malformed_offers_are_dropped_and_counted(data_dir: Path) -> None:
    payload = json.loads(_bytes(data_dir, VAST))
    offers = payload["offers"]
    offers[0]["num_gpus"] = 0            # division by zero avoided, not guessed
    del offers[1]["dph_total"]           # missing price
    offers[2]["dph_total"] = "2.2"       # a string is not a price
    offers[3]["gpu_name"] = "Imaginary X9000"  # unknown name: kept, counted
    offers.append("not an offer")
    parsed, rejected, unknown = parse_offers(payload)
    assert rejected == 4 and len(parsed) == 3
    assert unknown == {"Imaginary X9000": 1}
    assert next(o for o in parsed if o.raw_name == "Imaginary X9000").sku == "UNKNOWN"


def test_shadeform_doc_example_in_cents_per_instance(server: ReplayServer, data_dir: Path) -> None:
    server.route("/v1/instances/types", Reply(200, _bytes(data_dir, SHADEFORM)))
    with _client() as c:
        result = ShadeformProvider(base_url=server.url, api_key="sf-key").collect(c)
    (offer,) = result.offers
    assert offer.price_usd_per_gpu_hour == pytest.approx(2.10)  # 210 cents / 1 GPU
    assert offer.provider == "shadeform:hyperstack" and offer.family == "cloud_list"
    # The example is inconsistent (A6000 instance, A100 48 GB GPU): the GPU type decides, memory kept raw.
    assert offer.sku == "A100-PCIE" and offer.raw_name == "A100 48GB pcie"
    assert server.requests[0].headers["X-API-KEY"] == "sf-key"


def test_lambda_and_runpod_documented_shapes(server: ReplayServer) -> None:
    server.route("/api/v1/instance-types", Reply(200, json.dumps(LAMBDA_DOC).encode()))
    server.route("/graphql", Reply(200, json.dumps(RUNPOD_DOC).encode()))
    with _client() as c:
        lam = LambdaProvider(base_url=server.url, api_key="l").collect(c)
        rp = RunPodProvider(base_url=server.url, api_key="r").collect(c)
    (lo,) = lam.offers
    assert (lo.sku, lo.price_usd_per_gpu_hour, lo.gpu_count) == ("H100-SXM", pytest.approx(2.99), 8)
    got = {(o.family, o.term): o.price_usd_per_gpu_hour for o in rp.offers}
    assert got == {("cloud_list", "on_demand"): 2.99, ("marketplace", "on_demand"): 2.69,
                   ("marketplace", "spot"): 1.75}
    assert {o.sku for o in rp.offers} == {"H100-SXM"}
    assert json.loads(server.requests[1].body)["query"].startswith("query GpuTypes")
    assert server.requests[1].query == {"api_key": ["r"]}
    assert server.requests[0].headers["Authorization"] == "Bearer l"


@pytest.mark.parametrize(("reply", "needle"), [
    (Reply(500, b"oops"), "HTTP 500 after 2 attempt(s)"),
    (Reply(429, b"slow down"), "HTTP 429"),
    (Reply(403, b'{"error": "forbidden"}'), "HTTP 403"),
    (Reply(200, b"<html>maintenance</html>", content_type="text/html"), "not JSON"),
    (Reply(200, b'{"something": []}'), "no 'offers' list"),
])
def test_http_errors_become_an_error_status(server: ReplayServer, reply: Reply, needle: str) -> None:
    server.route("/api/v0/bundles/", reply)
    with _client() as c:
        result = collect_one(VastProvider(base_url=server.url), c)
    assert result.status == "error" and needle in result.detail and result.offers == []


def test_truncated_body_is_an_error(server: ReplayServer, data_dir: Path) -> None:
    server.route("/api/v0/bundles/", Reply.truncated(_bytes(data_dir, VAST)[:5000]))
    with _client() as c:
        result = collect_one(VastProvider(base_url=server.url), c)
    assert result.status == "error"


def test_retry_recovers_from_one_503(server: ReplayServer, data_dir: Path) -> None:
    body = _bytes(data_dir, VAST)
    server.route("/api/v0/bundles/", Reply(503, b""), Reply(200, body))
    with _client() as c:
        result = collect_one(VastProvider(base_url=server.url), c)
    assert result.status == "ok" and len(result.offers) == 12


def test_one_provider_timing_out_while_others_succeed(server: ReplayServer, data_dir: Path) -> None:
    server.route("/api/v0/bundles/", Reply(200, _bytes(data_dir, VAST)))
    server.route("/v1/instances/types", Reply(200, _bytes(data_dir, SHADEFORM)))
    server.route("/api/v1/instance-types", Reply.hang(1.0))  # Lambda hangs past the client timeout
    providers = [VastProvider(base_url=server.url), LambdaProvider(base_url=server.url, api_key="l"),
                 RunPodProvider(base_url=server.url, api_key=""),  # no key: skipped
                 ShadeformProvider(base_url=server.url, api_key="s")]
    store = open_store(memory=True, seed=False)
    with httpx.Client(timeout=0.3) as c:
        summary = refresh_gpu(store, providers, client=c)
    status = {p["provider"]: p["status"] for p in summary["providers"]}
    assert status == {"vast.ai": "ok", "lambda": "error", "runpod": "skipped-no-key", "shadeform": "ok"}
    assert "timed out" in next(p["detail"] for p in summary["providers"] if p["provider"] == "lambda")
    snaps = store.query("SELECT provider, status, n_offers, raw IS NOT NULL AS has_raw FROM gpu_snapshots "
                        "ORDER BY provider")
    assert [(s["provider"], s["status"], s["n_offers"], s["has_raw"]) for s in snaps] == [
        ("lambda", "error", 0, False), ("runpod", "skipped-no-key", 0, False),
        ("shadeform", "ok", 1, True), ("vast.ai", "ok", 12, True)]
    assert summary["rows_inserted"] == store.count("gpu_prices") == 13


def test_each_refresh_adds_a_dated_snapshot(server: ReplayServer, data_dir: Path) -> None:
    import datetime as dt

    server.route("/api/v0/bundles/", Reply(200, _bytes(data_dir, VAST)))
    store = open_store(memory=True, seed=False)
    with _client() as c:
        for day in (1, 2):
            refresh_gpu(store, [VastProvider(base_url=server.url)], client=c,
                        now=dt.datetime(2026, 11, day, 12, tzinfo=dt.UTC))
    rows = store.query("SELECT observed_on, count(*) n, min(kind) kind, min(source) source FROM gpu_prices "
                       "GROUP BY 1 ORDER BY 1")
    assert [(r["observed_on"].isoformat(), r["n"]) for r in rows] == [("2026-11-01", 12), ("2026-11-02", 12)]
    assert store.count("gpu_snapshots") == 2 and rows[0]["source"] == "vast.ai api"


def test_missing_fields_in_the_keyed_providers(data_dir: Path) -> None:
    from aicycle.gpu.providers import lambdalabs as gpu_lambda
    from aicycle.gpu.providers import runpod as gpu_runpod
    from aicycle.gpu.providers import shadeform as gpu_shadeform

    doc = json.loads(_bytes(data_dir, SHADEFORM))
    good = doc["instance_types"][0]
    no_gpus = json.loads(json.dumps(good))
    no_gpus["configuration"]["num_gpus"] = 0
    no_conf = {k: v for k, v in good.items() if k != "configuration"}
    offers, rejected, _ = gpu_shadeform.parse_instance_types({"instance_types": [good, no_gpus, no_conf, None]})
    assert (len(offers), rejected) == (1, 3)

    lam = json.loads(json.dumps(LAMBDA_DOC))
    lam["data"]["gpu_1x_broken"] = {"instance_type": {"name": "gpu_1x_broken", "price_cents_per_hour": 100}}
    lam["data"]["gpu_1x_free"] = {"instance_type": {"name": "gpu_1x_free", "price_cents_per_hour": 0,
                                                   "specs": {"gpus": 1}}}
    offers, rejected, _ = gpu_lambda.parse_instance_types(lam)
    assert (len(offers), rejected) == (1, 2)

    rp = {"data": {"gpuTypes": [*RUNPOD_DOC["data"]["gpuTypes"], {"id": "x", "displayName": "Mystery 1"},
                                {"displayName": None}]}}
    offers, rejected, unknown = gpu_runpod.parse_gpu_types(rp)
    assert rejected == 2 and len(offers) == 3 and unknown == {}
    with pytest.raises(ValueError, match="no data.gpuTypes"):
        gpu_runpod.parse_gpu_types({"errors": [{"message": "unauthorized"}]})
    with pytest.raises(ValueError, match="no 'data' object"):
        gpu_lambda.parse_instance_types({"error": {"code": "global/invalid-api-key", "message": "bad key"}})


def test_two_collections_in_one_day_count_each_offer_once(server: ReplayServer, data_dir: Path) -> None:
    import datetime as dt

    from aicycle.gpu.index import computed_lines

    server.route("/api/v0/bundles/", Reply(200, _bytes(data_dir, VAST)))
    store = open_store(memory=True, seed=False)
    with _client() as c:
        for hour in (8, 20):
            refresh_gpu(store, [VastProvider(base_url=server.url)], client=c,
                        now=dt.datetime(2026, 11, 2, hour, tzinfo=dt.UTC))
    assert store.count("gpu_prices") == 24
    (line,) = [ln for ln in computed_lines(store) if ln.term == "on_demand"]
    (point,) = line.points
    # 6 offers, not 12. Q1 1.7339, Q3 1.9475, fences [1.4135, 2.268]: all six kept.
    assert (point.n_quotes, point.n_dropped) == (6, 0)
    assert point.value == pytest.approx(1.7614, abs=1e-4)
