"""Every GPU name seen in the real price files maps to the SKU stated here (or is UNKNOWN, counted)."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from aicycle.gpu.skus import UNKNOWN, Normalizer, alias_key, aliases, in_group, normalize

# Name as it appears in the real file → expected SKU. Sources: /work/data/gpu_prices.
SEEN: dict[str, str] = {
    # vast.ai bundles capture, gpu_name (gpu_ram 81559 MB)
    "H100 SXM": "H100-SXM",
    # tugot17 gpu_type + " " + socket_type (socket None → gpu_type alone)
    "H100_80GB SXM5": "H100-SXM", "H100_80GB PCIe": "H100-PCIE", "A100_80GB SXM4": "A100-80GB-SXM",
    "A100_80GB PCIe": "A100-80GB-PCIE", "H200_141GB": "H200", "B200_180GB": "B200", "GH200_96GB": "GH200",
    # henryzhangpku index_code
    "GIX-H100": "H100", "GIX-H200": "H200", "GIX-B200": "B200", "GIX-A100": "A100",
    # ewyluda gpu_model
    "B300": "B300", "B200": "B200", "H200": "H200", "H100": "H100", "H100-NVL": "H100-NVL",
    "H100-PCIe": "H100-PCIE", "MI300X": "MI300X", "A100-80GB": "A100-80GB",
    "A100-80GB-PCIe": "A100-80GB-PCIE", "A100-40GB": "A100-40GB", "L40S": "L40S",
    # observations csv, gpu column
    "H100 (market average)": "H100", "H100 (node)": "H100", "H100 SXM5 80GB": "H100-SXM",
    "A100 SXM4 80GB": "A100-80GB-SXM",
    # Shadeform docs example: shade_instance_type and configuration.gpu_type
    "A6000": "RTX A6000", "A100": "A100",
    # toolshedlabs (data-centre and common cards; the rest are UNKNOWN below)
    "A10 24GB": "A10", "A100 40GB PCIe": "A100-40GB-PCIE", "A100 40GB SXM": "A100-40GB-SXM",
    "A100 80GB PCIe": "A100-80GB-PCIE", "A100 80GB SXM": "A100-80GB-SXM", "A40 48GB": "A40",
    "B200 180GB (form unstated)": "B200", "B200 180GB SXM": "B200", "B300 288GB (form unstated)": "B300",
    "B300 288GB SXM": "B300", "GB300 288GB SXM": "GB300", "GH200 96GB": "GH200",
    "H100 80GB PCIe": "H100-PCIE", "H100 80GB SXM": "H100-SXM", "H100 94GB NVL": "H100-NVL",
    "H200 141GB (form unstated)": "H200", "H200 141GB NVL": "H200-NVL", "H200 141GB SXM": "H200",
    "L4 24GB": "L4", "L40 48GB": "L40", "L40S 48GB": "L40S", "MI300X 192GB": "MI300X",
    "MI325X 256GB": "MI325X", "MI350X 294GB": "MI350X", "RTX 3090 24GB": "RTX 3090",
    "RTX 4090 24GB": "RTX 4090", "RTX 5090 32GB": "RTX 5090", "RTX 6000 Ada 48GB": "RTX 6000 ADA",
    "RTX A6000 48GB": "RTX A6000", "RTX PRO 6000 Blackwell 96GB (form unstated)": "RTX PRO 6000",
    "RTX PRO 6000 Blackwell 96GB Max-Q": "RTX PRO 6000", "RTX PRO 6000 Blackwell 96GB Server": "RTX PRO 6000",
    "RTX PRO 6000 Blackwell 96GB Workstation": "RTX PRO 6000", "T4 16GB": "T4",
    "V100 16GB (form unstated)": "V100", "V100 16GB PCIe": "V100", "V100 16GB SXM": "V100",
    "V100 32GB (form unstated)": "V100",
}


def _real_names(data_dir: Path) -> set[str]:
    gp = data_dir / "gpu_prices"
    names: set[str] = set()
    names |= {o["gpu_name"] for o in json.loads(
        (gp / "api_captures/vastai_bundles_H100SXM_2026-07-15_macrogauge.json").read_text())["offers"]}
    for f in (gp / "series/tugot17_gpu_price_tracker").glob("*.jsonl.gz"):
        first = json.loads(gzip.open(f, "rt").readline())
        names.add(" ".join(x for x in (first["gpu_type"], first["socket_type"]) if x))
    with open(gp / "series/henryzhangpku_gpu_price_index/backfill_ratecards.csv") as fh:
        names |= {r["index_code"] for r in csv.DictReader(fh)}
    with open(gp / "series/ewyluda_gpu_price_index/index-history.csv") as fh:
        names |= {r["gpu_model"] for r in csv.DictReader(fh)}
    with open(gp / "gpu_rental_price_observations.csv") as fh:
        names |= {r["gpu"] for r in csv.DictReader(fh)}
    doc = json.loads((gp / "api_doc_examples/shadeform_instances_types_doc_example.json").read_text())
    for it in doc["instance_types"]:
        names |= {it["shade_instance_type"], it["configuration"]["gpu_type"]}
    return names


def _toolshed_names(data_dir: Path) -> set[str]:
    line = (data_dir / "gpu_prices/series/toolshedlabs_gpu_price_feed/v2_2026-10.jsonl").read_text().splitlines()[0]
    return {n for prices in json.loads(line)["cheapest"].values() for n in prices}


@pytest.mark.parametrize(("name", "sku"), sorted(SEEN.items()))
def test_alias_seen_in_real_data_maps_to_its_sku(name: str, sku: str) -> None:
    assert normalize(name) == sku


def test_every_name_in_the_real_files_is_pinned_here(data_dir: Path) -> None:
    assert _real_names(data_dir) - set(SEEN) == set()


def test_toolshed_names_are_mapped_or_counted_unknown(data_dir: Path) -> None:
    names = _toolshed_names(data_dir)
    norm = Normalizer()
    mapped = {n: norm(n) for n in names}
    known = {n for n, s in mapped.items() if s != UNKNOWN}
    assert known == {n for n in names if n in SEEN}
    # Consumer and old cards are not in the table: kept raw and counted, never guessed.
    assert {"GTX 1080 8GB", "RTX 4090D", "CMP 170HX", "RTX 3060 12GB Mobile"} <= set(norm.unknown)
    assert sum(norm.unknown.values()) == len(names) - len(known)


def test_memory_resolves_a_form_only_name_and_never_invents_one() -> None:
    assert normalize("A100 SXM4", memory_gb=81559 / 1024) == "A100-80GB-SXM"
    assert normalize("A100 SXM4", memory_gb=40960 / 1024) == "A100-40GB-SXM"
    assert normalize("A100 SXM4") == "A100-SXM"
    assert normalize("H100 SXM", memory_gb=48) == "H100-SXM"  # no such sized alias: memory ignored


def test_unknown_and_empty_names() -> None:
    assert normalize("Imaginary X9000") == UNKNOWN
    assert normalize("") == UNKNOWN
    assert normalize(None) == UNKNOWN


def test_separators_and_case_do_not_matter() -> None:
    assert alias_key(" h100__sxm ") == "h100 sxm"
    assert normalize("h100-sxm") == normalize("H100_SXM") == "H100-SXM"


def test_alias_table_is_consistent_and_groups_cover_it() -> None:
    table = aliases()
    assert len(table) > 60
    assert all(in_group(s, "H100") for s in ("H100-SXM", "H100-PCIE", "H100-NVL", "H100"))
    assert not in_group("H200", "H100")
