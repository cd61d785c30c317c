"""The validation layer: every row that enters the store is checked, whatever loader produced it."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aicycle import validate
from aicycle.curated import facts as curated
from aicycle.errors import InputError
from aicycle.gpu import observations
from aicycle.language.documents import ingest
from aicycle.store import Store, open_store
from aicycle.validate import InvalidRows, check_row, check_rows

TODAY = dt.date.today()
FACT_HEADER = "date,company,ticker,metric,value,unit,period,source_type,source,source_url,seen_via,notes\n"


def _fact(**over: object) -> dict[str, object]:
    row = {"fact_key": "k", "ticker": "META", "metric": "capex", "period_start": dt.date(2026, 1, 1),
           "period_end": dt.date(2026, 3, 31), "value": 1e9, "unit": "USD", "kind": "curated",
           "source": "s", "filed": dt.date(2026, 4, 30), "flag": None}
    row.update(over)
    return row


@pytest.mark.parametrize(("change", "said"), [
    ({"value": math.nan}, "value nan is not a finite number"),
    ({"value": math.inf}, "value inf is not a finite number"),
    ({"value": 1e19}, "value 1e+19 is outside the plausible range of USD"),
    ({"value": -1e9}, "value -1000000000.0 is negative, and capex cannot be"),
    ({"unit": "furlongs"}, "unit 'furlongs' is not a known unit"),
    ({"filed": dt.date(2099, 1, 1)}, "filed 2099-01-01 is in the future"),
    ({"filed": dt.date(1989, 12, 31)}, "filed 1989-12-31 is before 1990-01-01"),
    ({"period_end": dt.date(2099, 3, 31)}, "period_end 2099-03-31 is in the future"),
    ({"ticker": ""}, "ticker is empty"),
])
def test_a_bad_field_is_named_with_its_problem(change: dict[str, object], said: str) -> None:
    with pytest.raises(InvalidRows) as err:
        check_row("facts", _fact(**change), "mine.csv: row 7", not_null=("ticker",))
    assert str(err.value).startswith(f"mine.csv: row 7: {said}")
    assert "nothing was stored" in str(err.value)


def test_what_the_rules_allow() -> None:
    check_row("facts", _fact(), "x")
    # a forecast period may lie ahead; a flagged row may break the sign rule only
    check_row("facts", _fact(metric="capex_guidance_low", period_end=dt.date(2028, 12, 31)), "x")
    check_row("facts", _fact(value=-5e8, flag="negative_derived_quarter"), "x")
    check_row("facts", _fact(metric="operating_income", value=-5e9), "x")
    check_row("facts", _fact(filed=TODAY + dt.timedelta(days=1)), "x")  # a later time zone
    with pytest.raises(InvalidRows, match="more than 30 years ahead"):
        check_row("facts", _fact(metric="capex_guidance_low", period_end=dt.date(2099, 12, 31)), "x")
    with pytest.raises(InvalidRows, match="value nan"):  # a flag never excuses a broken number
        check_row("facts", _fact(value=math.nan, flag="negative_derived_quarter"), "x")


def test_a_new_table_gets_the_generic_rules_for_free() -> None:
    row = {"contract_id": "c1", "signed_on": dt.date(2099, 1, 1), "value": 5.0, "unit": "USD"}
    with pytest.raises(InvalidRows, match="signed_on 2099-01-01 is in the future"):
        check_row("compute_contracts", row, "contracts.csv: row 2")
    with pytest.raises(InvalidRows, match="value inf"):
        check_row("compute_contracts", {**row, "signed_on": TODAY, "value": math.inf}, "x")


def test_upsert_refuses_the_whole_batch_and_names_every_failing_row() -> None:
    store = open_store(memory=True, seed=False)
    good, bad = _fact(fact_key="a"), _fact(fact_key="b", value=math.nan)
    with pytest.raises(InvalidRows) as err:
        store.upsert("facts", [good, bad, _fact(fact_key="c", unit="??")])
    assert store.count("facts") == 0
    assert err.value.problems[0].startswith("facts row 2 (ticker 'META', metric 'capex'")
    assert len(err.value.problems) == 2 and "1 more row(s) fail too" in str(err.value)


def test_check_rows_names_the_file_when_given() -> None:
    with pytest.raises(InvalidRows, match=r"^f.csv: row 2: value nan"):
        check_rows("facts", [_fact(), _fact(value=math.nan)], "f.csv")
    with pytest.raises(InvalidRows, match=r"^f.csv:9: value nan"):
        check_rows("facts", [_fact(value=math.nan)], ["f.csv:9"])


def test_every_row_of_the_bundled_snapshot_passes() -> None:
    store = open_store(memory=True)
    for table in ("facts", "documents", "gpu_prices", "gpu_index", "stock_prices", "events", "gpu_snapshots"):
        rows = store.query(f"SELECT * FROM {table}")
        check_rows(table, rows, not_null=store.not_null(table))


def test_an_as_of_date_is_bounded() -> None:
    assert validate.check_day(dt.date(2020, 1, 1), "--as-of") == dt.date(2020, 1, 1)
    with pytest.raises(InputError, match=r"--as-of: 0001-01-01 is outside 1990-01-01"):
        validate.check_day(dt.date(1, 1, 1), "--as-of")


# --- property tests over the loaders: accepted exactly when every row is valid; else nothing stored ---

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
floats = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.5, 2.5, 99.0, 150.0]))
days = st.one_of(st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)),
                 st.dates(TODAY - dt.timedelta(days=3000), TODAY))


def _content(store: Store) -> dict[str, list[tuple]]:
    return {t: sorted(map(tuple, store.con.execute(f"SELECT * FROM {t}").fetchall()), key=repr)
            for t in ("facts", "gpu_prices", "documents")}


@PROPERTY
@given(rows=st.lists(st.tuples(days, floats), min_size=1, max_size=4))
def test_gpu_import_accepts_exactly_the_valid_rows(tmp_path: Path, rows: list[tuple[dt.date, float]]) -> None:
    store = open_store(memory=True, seed=False)
    path = tmp_path / "points.csv"
    path.write_text("date,sku,price,term,source,url\n"
                    + "".join(f"{d},H100 SXM,{p!r},on_demand,my notes,\n" for d, p in rows))
    valid = all(validate.EARLIEST <= d <= validate.latest_day() and math.isfinite(p) and 0.001 <= p <= 100
                for d, p in rows)
    before = _content(store)
    try:
        observations.import_csv(store, path)
    except InputError as exc:
        assert not valid, str(exc)
        assert str(exc).startswith(f"{path}:") and "\n" not in str(exc)
        assert _content(store) == before
        return
    assert valid
    check_rows("gpu_prices", store.query("SELECT * FROM gpu_prices"))


@PROPERTY
@given(day=days, value=floats, metric=st.sampled_from(["capex_cash_ppe", "revenue", "operating_income", "rpo"]),
       unit=st.sampled_from(["USD", "USD bn", "KRW tn"]))
def test_load_facts_accepts_exactly_the_valid_rows(tmp_path: Path, day: dt.date, value: float, metric: str,
                                                   unit: str) -> None:
    store = open_store(memory=True, seed=False)
    path = tmp_path / "mine.csv"
    quarter = day - dt.timedelta(days=100)  # the row reports a quarter that ended before its date
    period = f"Q{(quarter.month - 1) // 3 + 1} {quarter.year}"
    path.write_text(FACT_HEADER + f"{day},Meta,META,{metric},{value!r},{unit},{period},mine,my source,,,\n")
    scale = {"USD": 1.0, "USD bn": 1e9, "KRW tn": 1e12}[unit]
    base = value * scale if math.isfinite(value) else value
    limit = validate.UNITS["KRW" if unit.startswith("KRW") else "USD"].high
    valid = (math.isfinite(base) and abs(base) <= limit and (metric == "operating_income" or base >= 0)
             and validate.EARLIEST <= quarter.replace(day=1, month=(quarter.month - 1) // 3 * 3 + 1)
             and day <= validate.latest_day())
    try:
        curated.load_file(store, path)
    except InputError as exc:
        assert not valid, str(exc)
        assert str(exc).startswith(f"{path}: row 2") and store.count("facts") == 0
        return
    assert valid, (day, value, metric, unit)
    check_rows("facts", store.query("SELECT * FROM facts"))


@PROPERTY
@given(day=days)
def test_ingest_accepts_exactly_the_valid_dates(tmp_path: Path, day: dt.date) -> None:
    store = open_store(memory=True, seed=False)
    doc = tmp_path / "call.txt"
    doc.write_text("We expect capital expenditures to grow meaningfully next year.\n")
    valid = validate.EARLIEST <= day <= TODAY
    try:
        ingest(store, [doc], "AMD", day.isoformat())
    except InputError as exc:
        assert not valid, str(exc)
        assert str(exc).startswith("--date:") and store.count("documents") == 0
        return
    assert valid and store.count("documents") == 1
