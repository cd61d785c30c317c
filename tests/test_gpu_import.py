"""The real GPU price series load with their provenance, families kept apart, withheld/undated respected."""

from __future__ import annotations

import csv
import statistics
from pathlib import Path

import pytest

from aicycle.errors import InputError
from aicycle.gpu import observations as gpu_curated
from aicycle.gpu import series as gpu_series
from aicycle.store import Store, open_store
from tests.gpu_store import loaded_store


@pytest.fixture
def store() -> Store:
    return loaded_store()


def test_every_row_has_provenance_and_a_real_date(store: Store) -> None:
    bad = store.query("SELECT * FROM gpu_prices WHERE source IS NULL "
                      "OR kind NOT IN ('reported','derived','curated') OR method IS NULL OR filed IS NULL "
                      "OR observed_on IS NULL OR price_usd_per_gpu_hour <= 0 "
                      "OR filed > observed_on")
    assert bad == []
    assert store.query("SELECT DISTINCT family FROM gpu_prices ORDER BY 1") == [
        {"family": "cloud_list"}, {"family": "index"}, {"family": "marketplace"}]


def test_tugot17_daily_values_match_the_flattened_csv(store: Store, data_dir: Path) -> None:
    path = data_dir / "gpu_prices/series/tugot17_price_stats_derived.csv"
    with open(path) as fh:
        day = [r for r in csv.DictReader(fh)
               if r["series_file"] == "H100_80GB_SXM5" and r["timestamp_utc"].startswith("2025-11-01")]
    ours = store.query("SELECT provider, stat, price_usd_per_gpu_hour p FROM gpu_prices WHERE "
                       "source LIKE 'tugot17%' AND sku = 'H100-SXM' AND observed_on = DATE '2025-11-01'")
    by = {(r["provider"], r["stat"]): r["p"] for r in ours}
    published = statistics.median(float(r["median"]) for r in day)
    assert by[("prime-intellect", "published_median")] == pytest.approx(published)
    runpod = [float(p.split("=")[1]) for r in day for p in r["provider_min_prices"].split(";")
              if p.startswith("runpod=")]
    assert by[("runpod", "provider_min")] == pytest.approx(statistics.median(runpod))
    fam = store.query("SELECT DISTINCT family, term FROM gpu_prices WHERE source LIKE 'tugot17%'")
    assert fam == [{"family": "marketplace", "term": "on_demand"}]


def test_henry_withheld_months_are_not_loaded(store: Store, data_dir: Path) -> None:
    with open(data_dir / "gpu_prices/series/henryzhangpku_gpu_price_index/backfill_ratecards.csv") as fh:
        recs = list(csv.DictReader(fh))
    published = {(r["index_code"], r["period"]) for r in recs if r["status"] == "published"}
    rows = store.query("SELECT raw_name, strftime(observed_on, '%Y-%m') AS period FROM gpu_prices WHERE "
                       "source LIKE 'henryzhangpku%' AND stat = 'published_median' AND term = 'on_demand'")
    assert {(r["raw_name"], r["period"]) for r in rows} == published
    # GIX-B200 2023-01 is withheld: no row of any kind for it.
    assert store.query("SELECT * FROM gpu_prices WHERE raw_name = 'GIX-B200' AND observed_on < DATE '2025-07-01'") == []


def test_henry_published_value_is_the_median_of_its_provider_rates(store: Store) -> None:
    rows = store.query("""
        SELECT observed_on, sku, any_value(CASE WHEN stat = 'published_median' THEN price_usd_per_gpu_hour END) v,
               median(CASE WHEN stat = 'provider_rate' THEN price_usd_per_gpu_hour END) m
        FROM gpu_prices WHERE source LIKE 'henryzhangpku%' AND term = 'on_demand' GROUP BY ALL""")
    assert len(rows) == 107
    assert all(abs(r["v"] - r["m"]) < 0.0011 for r in rows)  # provider rates are rounded to 3 decimals
    h = store.query("SELECT price_usd_per_gpu_hour p, filed FROM gpu_prices WHERE raw_name = 'GIX-H100' "
                    "AND stat = 'published_median' AND term = 'on_demand' AND observed_on = DATE '2025-06-30'")
    assert h[0]["p"] == 3.1358 and h[0]["filed"].isoformat() == "2025-06-30"


def test_ewyluda_series_map_to_families(store: Store) -> None:
    rows = store.query("SELECT provider, family, term, count(*) n FROM gpu_prices WHERE source LIKE 'ewyluda/gpu%' "
                       "GROUP BY ALL ORDER BY provider")
    got = {r["provider"]: (r["family"], r["term"]) for r in rows}
    assert got == {"ewyluda:hyperscaler": ("cloud_list", "on_demand"), "ewyluda:index": ("index", "on_demand"),
                   "ewyluda:marketplace": ("marketplace", "on_demand"), "ewyluda:neocloud": ("cloud_list", "on_demand"),
                   "ewyluda:spot": ("index", "spot")}
    assert sum(r["n"] for r in rows) == 353
    b300 = store.query("SELECT price_usd_per_gpu_hour p FROM gpu_prices WHERE provider = 'ewyluda:index' "
                       "AND sku = 'B300' AND observed_on = DATE '2026-09-30'")
    assert b300 == [{"p": 4.2}]


def test_toolshed_vastai_is_marketplace_and_clouds_are_list(store: Store) -> None:
    rows = store.query("SELECT provider, family, price_usd_per_gpu_hour p FROM gpu_prices WHERE "
                       "source LIKE 'toolshedlabs%' AND sku = 'H100-SXM' ORDER BY provider")
    got = {r["provider"]: (r["family"], r["p"]) for r in rows}
    assert got["lambdalabs"] == ("cloud_list", 3.99) and got["runpod"] == ("cloud_list", 2.69)
    assert got["vastai"][0] == "marketplace"
    unknown = store.query("SELECT count(*) n FROM gpu_prices WHERE source LIKE 'toolshedlabs%' AND sku = 'UNKNOWN'")
    assert unknown[0]["n"] > 0  # kept raw, with sku UNKNOWN


def test_captures(store: Store) -> None:
    vast = store.query("SELECT median(price_usd_per_gpu_hour) m, count(*) n FROM gpu_prices "
                       "WHERE source LIKE 'vast.ai%'")
    assert vast[0]["n"] == 6 and vast[0]["m"] == pytest.approx(1.7614, abs=1e-4)
    snap = store.query("SELECT status, n_offers FROM gpu_snapshots WHERE snapshot_id = 'vast-capture-2026-07-15'")
    assert snap == [{"status": "ok", "n_offers": 6}]
    sfc = store.query("SELECT observed_on, price_usd_per_gpu_hour p FROM gpu_prices "
                      "WHERE provider = 'sfcompute' ORDER BY 1")
    assert [r["p"] for r in sfc] == [2.04, 2.01, 1.94, 2.11, 2.12]  # zero-price H200/B200 days skipped


def test_undated_observations_are_skipped_and_month_dates_flagged(store: Store, data_dir: Path) -> None:
    cov = gpu_curated.load_raw(open_store(memory=True, seed=False), data_dir)
    assert cov == {"rows": 8, "undated_skipped": 3, "unknown_gpu_names": {}}
    rows = store.query("SELECT observed_on, flag, term, family FROM gpu_prices WHERE kind = 'curated' ORDER BY 1")
    assert len(rows) == 8
    assert all(r["provider"] != "Silicon Data (Bloomberg ticker SDH100RT)" for r in
               store.query("SELECT provider FROM gpu_prices WHERE kind = 'curated'"))
    semi = [r for r in rows if r["observed_on"].isoformat() == "2026-03-31"]
    assert semi == [{"observed_on": semi[0]["observed_on"], "flag": "month_only_date", "term": "reserved",
                     "family": "index"}]


def test_loading_twice_changes_nothing(store: Store, data_dir: Path) -> None:
    before = store.count("gpu_prices")
    rows, _ = gpu_series.henry_rows(data_dir / "gpu_prices/series/henryzhangpku_gpu_price_index/"
                                    "backfill_ratecards.csv", gpu_series.Normalizer())
    assert store.upsert("gpu_prices", rows) == (0, 0)
    assert store.count("gpu_prices") == before


# --- user CSV ----------------------------------------------------------------------------------------

GOOD = """date,sku,price,term,source,url
2026-10-15,H100 SXM,2.31,on_demand,Example index,https://example.org/a
2026-10-16,B200,5.10,reserved,Example index,
"""


def test_user_csv_imports_and_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "points.csv"
    path.write_text(GOOD)
    s = open_store(memory=True, seed=False)
    assert gpu_curated.import_csv(s, path)["inserted"] == 2
    assert gpu_curated.import_csv(s, path)["inserted"] == 0
    rows = s.query("SELECT sku, family, kind, term, url FROM gpu_prices ORDER BY sku")
    assert rows == [{"sku": "B200", "family": "index", "kind": "curated", "term": "reserved", "url": None},
                    {"sku": "H100-SXM", "family": "index", "kind": "curated", "term": "on_demand",
                     "url": "https://example.org/a"}]


@pytest.mark.parametrize(("line", "message"), [
    ("undated,H100,2.0,on_demand,X,", ":3: date 'undated' is not a date"),
    ("2026-10-17,H999,2.0,on_demand,X,", ":3: sku 'H999' is not a known GPU"),
    ("2026-10-17,H100,-1,on_demand,X,", ":3: price '-1' must be a positive"),
    ("2026-10-17,H100,abc,on_demand,X,", ":3: price 'abc' is not a number"),
    ("2026-10-17,H100,2.0,weekly,X,", ":3: term 'weekly' must be one of"),
    ("2026-10-17,H100,2.0,on_demand,,", ":3: source '' is empty"),
])
def test_bad_user_rows_raise_and_store_nothing(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(GOOD.splitlines()[0] + "\n" + GOOD.splitlines()[1] + "\n" + line + "\n")
    s = open_store(memory=True, seed=False)
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        gpu_curated.import_csv(s, path)
    assert s.count("gpu_prices") == 0


def test_missing_columns_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text("date,sku,price\n2026-10-01,H100,2\n")
    with pytest.raises(InputError, match="missing column"):
        gpu_curated.read_user_csv(path)
    with pytest.raises(InputError, match="no such file"):
        gpu_curated.read_user_csv(tmp_path / "nope.csv")
