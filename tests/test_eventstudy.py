"""The event study against independent computations (statsmodels OLS, plain loops) on real and synthetic returns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats as sps

from aicycle.errors import InputError
from aicycle.eventstudy import core, stats, study
from aicycle.eventstudy.spec import Spec, parse_window
from aicycle.market import events, prices
from aicycle.store import Store, open_store


@pytest.fixture(scope="module")
def store(data_dir: Path) -> Store:
    s = open_store(memory=True, seed=False)
    prices.load_raw(s, data_dir)
    events.load_raw(s, data_dir)
    return s


def _ar0(result: dict, ticker: str) -> float:
    sec = next(s for s in result["securities"] if s["ticker"] == ticker)
    return next(a["ar"] for a in sec["abnormal_returns"] if a["day"] == 0)


def test_meta_compute_report_reaction(store: Store) -> None:
    ev = events.get_event(store, "meta_compute_report")
    res = study.run(store, ev, ["MU", "META", "000660.KS", "005930.KS"], Spec())
    assert -0.13 < _ar0(res, "MU") < -0.08          # the article: Micron about -10% abnormal
    assert 0.07 < _ar0(res, "META") < 0.11          # Meta about +9%
    day0 = {s["ticker"]: s["day0"] for s in res["securities"]}
    assert day0 == {"MU": "2026-07-01", "META": "2026-07-01", "000660.KS": "2026-07-02", "005930.KS": "2026-07-02"}
    hynix = next(s for s in res["securities"] if s["ticker"] == "000660.KS")
    assert next(a["return"] for a in hynix["abnormal_returns"] if a["day"] == 0) == pytest.approx(-0.1457, abs=5e-4)
    assert any("lagged" in n for n in res["notes"])   # no KOSPI: SPY lagged, said in the output
    assert res["estimation_window"] == [-130, -11] and res["event_window"] == [-1, 1]


def test_day0_matches_the_events_file(store: Store, data_dir: Path) -> None:
    table = pd.read_csv(data_dir / "events" / "ai_cycle_events.csv")
    us, krx = prices.sessions(store, "US"), prices.sessions(store, "KRX")
    for row in table.itertuples():
        date = dt.date.fromisoformat(row.news_date)
        assert str(events.day0_for("US", date, row.news_timing, us)) == row.first_us_reaction_day
        assert str(events.day0_for("KRX", date, row.news_timing, krx)) == row.first_krx_reaction_day
    assert not {dt.date(2025, 1, d) for d in (27, 28, 29, 30)} & set(krx)   # Lunar New Year, from the data


# --- independent computation ---------------------------------------------------------------------

def _independent(r_est: np.ndarray, m_est: np.ndarray, r_evt: np.ndarray, m_evt: np.ndarray) -> dict:
    """Per security with statsmodels OLS; cross-sectional tests with plain loops, written separately."""
    n_sec, w = r_evt.shape
    out: dict[str, list] = {k: [] for k in ("alpha", "beta", "sigma", "ar", "t_ar", "car", "t_car", "resid", "dof")}
    for i in range(n_sec):
        ok = np.isfinite(r_est[i]) & np.isfinite(m_est[i])
        x = sm.add_constant(m_est[i][ok])
        res = sm.OLS(r_est[i][ok], x).fit()
        alpha, beta = res.params
        ar = r_evt[i] - alpha - beta * m_evt[i]
        x0 = np.column_stack([np.ones(w), m_evt[i]])
        t_ar = ar / res.get_prediction(x0).se_obs        # prediction error of each event day
        ones = np.ones(w)
        car_var = res.mse_resid * (w + ones @ x0 @ np.linalg.inv(x.T @ x) @ x0.T @ ones)
        resid = np.full(r_est.shape[1], np.nan)
        resid[ok] = res.resid
        for k, v in (("alpha", alpha), ("beta", beta), ("sigma", np.sqrt(res.mse_resid)), ("ar", ar), ("t_ar", t_ar),
                     ("car", ar.sum()), ("t_car", ar.sum() / np.sqrt(car_var)), ("resid", resid),
                     ("dof", res.df_resid)):
            out[k].append(v)
    o = {k: np.array(v) for k, v in out.items()}
    scar, dof, n = o["t_car"], o["dof"], n_sec
    o["patell"] = scar.sum() / np.sqrt(sum(d / (d - 2) for d in dof))
    o["bmp"] = scar.mean() / (scar.std(ddof=1) / np.sqrt(n))
    # Documented definition: residuals demeaned over their observed days, missing days as 0.
    filled = [np.nan_to_num(e - np.nanmean(e)) for e in o["resid"]]
    pairs = [(a @ b) / np.sqrt((a @ a) * (b @ b)) for i, a in enumerate(filled) for b in filled[i + 1:]]
    rbar = float(np.mean(pairs))
    o["kp_rbar"] = rbar
    o["bmp_kp"] = o["bmp"] * np.sqrt((1 - rbar) / (1 + (n - 1) * rbar))
    port = np.nanmean(o["resid"], axis=0)
    o["portfolio"] = o["ar"].mean(axis=0).sum() / (np.sqrt(w) * port.std(ddof=1))
    p_pos = np.sum(o["resid"] > 0) / np.sum(np.isfinite(o["resid"]))
    wins = np.sum(o["car"] > 0)
    o["generalized_sign"] = (wins - n * p_pos) / np.sqrt(n * p_pos * (1 - p_pos))
    u = []
    for i in range(n):
        both = np.concatenate([o["resid"][i], o["ar"][i]])
        ok = np.isfinite(both)
        ranks = np.full(both.shape, np.nan)
        ranks[ok] = sps.rankdata(both[ok])
        u.append(ranks / (ok.sum() + 1) - 0.5)
    ubar = np.nanmean(np.array(u), axis=0)
    o["corrado_rank"] = ubar[-w:].sum() / (np.sqrt(w) * np.sqrt(np.mean(ubar**2)))
    return o


def _compare(f: core.Fit, cs: dict, ind: dict) -> None:
    for k in ("alpha", "beta", "sigma", "ar", "t_ar", "car", "t_car"):
        got = getattr(f, k)
        np.testing.assert_allclose(got, ind[k], rtol=0, atol=1e-8, err_msg=k)
    for k in ("patell", "bmp", "kp_rbar", "bmp_kp", "portfolio", "generalized_sign", "corrado_rank"):
        assert cs[k][0] == pytest.approx(ind[k], abs=1e-8), k


def _raw_returns(data_dir: Path, ticker: str) -> pd.Series:
    d = pd.read_csv(data_dir / "prices" / "raw" / "dsturdy_factor_attribution" / f"{ticker}.csv", index_col="Date")
    d = d[d.index <= "2026-07-31"]
    return d["Close"].pct_change()


def test_real_prices_agree_with_statsmodels(store: Store, data_dir: Path) -> None:
    tickers = ["MU", "META", "NVDA", "AMD", "TSM", "CRWV", "NBIS", "SOXX"]
    spy = _raw_returns(data_dir, "SPY")
    pos = spy.index.get_loc("2026-07-01")
    est = slice(pos - 130, pos - 10)
    evt = slice(pos - 1, pos + 2)
    r = np.array([_raw_returns(data_dir, t).reindex(spy.index).to_numpy() for t in tickers])
    m = np.tile(spy.to_numpy(), (len(tickers), 1))
    ind = _independent(r[:, est], m[:, est], r[:, evt], m[:, evt])
    f = core.fit(r[:, est], m[:, est], r[:, evt], m[:, evt])
    _compare(f, stats.cross_section(f, np.zeros(len(tickers), dtype=np.int64)), ind)
    # The full path from the store gives the same numbers as the raw files.
    res = study.run(store, events.get_event(store, "meta_compute_report"), tickers, Spec())
    for i, t in enumerate(tickers):
        sec = next(s for s in res["securities"] if s["ticker"] == t)
        assert sec["car"] == pytest.approx(ind["car"][i], abs=1e-8)
        assert [a["ar"] for a in sec["abnormal_returns"]] == pytest.approx(list(ind["ar"][i]), abs=1e-8)
    assert res["portfolio"]["tests"]["bmp_kp"]["stat"] == pytest.approx(ind["bmp_kp"], abs=1e-8)


def _simulate(rng: np.random.Generator, groups: int, n: int, shift: float, est_days: int = 120, w: int = 3):
    k = groups * n
    m = rng.normal(0.0005, 0.01, (k, est_days + w))
    beta = rng.uniform(0.5, 1.5, (k, 1))
    r = 0.0002 + beta * m + rng.normal(0, 0.02, (k, est_days + w))
    r[:, est_days + 1] += shift                         # planted abnormal return on day 0
    return r[:, :est_days], m[:, :est_days], r[:, est_days:], m[:, est_days:], np.repeat(np.arange(groups), n)


def test_synthetic_agrees_with_independent_computation() -> None:
    rng = np.random.default_rng(7)
    r_est, m_est, r_evt, m_evt, _ = _simulate(rng, 1, 25, 0.01)
    r_est[3, 10] = np.nan                         # a missing day is left out, not filled
    ind = _independent(r_est, m_est, r_evt, m_evt)
    f = core.fit(r_est, m_est, r_evt, m_evt)
    _compare(f, stats.cross_section(f, np.zeros(25, dtype=np.int64)), ind)


TESTS = ("patell", "bmp", "bmp_kp", "portfolio", "generalized_sign", "corrado_rank", "cross_sectional_t")


def test_size_is_five_percent_without_an_abnormal_return() -> None:
    rng = np.random.default_rng(11)
    f_args = _simulate(rng, 3000, 20, 0.0)
    f = core.fit(*f_args[:4])
    cs = stats.cross_section(f, f_args[4])
    for name in TESTS:
        rate = np.mean(cs[f"{name}_p"] < 0.05)
        assert 0.03 < rate < 0.07, (name, rate)
    assert np.mean(core.t_pvalue(f.t_car, f.dof) < 0.05) == pytest.approx(0.05, abs=0.01)


def test_power_matches_theory_with_a_planted_abnormal_return() -> None:
    rng = np.random.default_rng(13)
    n, shift, sigma, w = 20, 0.015, 0.02, 3
    args = _simulate(rng, 3000, n, shift)
    f = core.fit(*args[:4])
    cs = stats.cross_section(f, args[4])
    ncp = shift / (sigma * np.sqrt(w)) * np.sqrt(n)     # BMP: mean SCAR shift over its sd, times sqrt(N)
    crit = sps.t.ppf(0.975, n - 1)
    expected = sps.nct.sf(crit, n - 1, ncp) + sps.nct.cdf(-crit, n - 1, ncp)
    power = np.mean(cs["bmp_p"] < 0.05)
    assert power == pytest.approx(expected, abs=0.05)
    assert expected > 0.4
    for name in ("patell", "portfolio", "corrado_rank"):
        assert np.mean(cs[f"{name}_p"] < 0.05) > 0.3, name
    assert np.mean(cs["generalized_sign_p"] < 0.05) > 0.2     # signs carry less information


def test_models_market_adjusted_and_constant_mean() -> None:
    rng = np.random.default_rng(3)
    r_est, m_est, r_evt, m_evt, _ = _simulate(rng, 1, 5, 0.0)
    adj = core.fit(r_est, m_est, r_evt, m_evt, "market_adjusted")
    np.testing.assert_allclose(adj.ar, r_evt - m_evt, atol=1e-15)
    np.testing.assert_allclose(adj.sigma, np.std(r_est - m_est, axis=1, ddof=1), atol=1e-12)
    cm = core.fit(r_est, m_est, r_evt, m_evt, "constant_mean")
    np.testing.assert_allclose(cm.ar, r_evt - r_est.mean(axis=1, keepdims=True), atol=1e-15)
    np.testing.assert_allclose(cm.sigma, np.std(r_est, axis=1, ddof=1), atol=1e-12)


# --- errors --------------------------------------------------------------------------------------

def test_bad_tickers_and_dates_are_named_and_others_still_report(store: Store) -> None:
    ev = events.get_event(store, "deepseek_r1")
    res = study.run(store, ev, ["NVDA", "XXX", "CRWV", "NBIS"], Spec())
    assert [s["ticker"] for s in res["securities"]] == ["NVDA"]
    why = {e["ticker"]: e["error"] for e in res["errors"]}
    assert "no prices stored" in why["XXX"]
    assert "estimation window too short" in why["NBIS"]
    assert "CRWV" in why
    far = study.run(store, events.user_event(dt.date(2030, 1, 2), "during"), ["MU"], Spec())
    assert "outside the US price data" in far["errors"][0]["error"]
    late = study.run(store, events.user_event(dt.date(2026, 8, 21), "during"), ["META"], Spec())
    assert "runs past the last US session" in late["errors"][0]["error"]


@pytest.mark.parametrize("text", ["1", "a,b", "3,1", "-1,2,3", ""])
def test_malformed_window(text: str) -> None:
    with pytest.raises(InputError, match="--window"):
        parse_window(text)


def test_spec_rejects_short_estimation_and_overlap() -> None:
    with pytest.raises(InputError, match="too short"):
        Spec(estimation=10).validate()
    with pytest.raises(InputError, match="overlaps"):
        Spec(window=(-20, 1)).validate()


def test_flagged_returns_leave_estimation_and_are_named_in_the_window(store: Store) -> None:
    on_jump = study.run(store, events.user_event(dt.date(2025, 9, 9), "during"), ["NBIS"], Spec())
    assert "jump:+49.4%" in on_jump["securities"][0]["notes"][0]
    later = study.run(store, events.user_event(dt.date(2025, 11, 3), "during"), ["NBIS", "MU"], Spec())
    excluded = {s["ticker"]: (s["excluded_flagged"], s["n_estimation"]) for s in later["securities"]}
    assert excluded == {"NBIS": (1, 119), "MU": (0, 120)}
