"""Daily stock prices as a source: the captured files in data/prices/raw, and a live chart API.

A return series must come from ONE adjusted-close source: sources adjust for dividends on different
dates, so splicing two of them puts a fake jump where they meet. Every source therefore lands in its
own `series` (named after the source) and `adjusted_series()` picks, per ticker and span, the first
series in `PREFERENCE` whose adjusted closes cover the whole span. Nothing is spliced.

Rows carry flags instead of being dropped silently: `gap:N` (N sessions of the exchange calendar are
missing before this row, so its return spans them), `stale` (third identical close in a row) and
`jump:+49.4%` (|return| above `rules.PRICE_JUMP`, the size of a missed split). The event study leaves
flagged returns out of its estimation windows and reports them where they fall in an event window.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aicycle import config, rules
from aicycle.errors import AicycleError, DataError
from aicycle.market import chart
from aicycle.market.groups import groups
from aicycle.store import Store

if TYPE_CHECKING:  # httpx costs ~80 ms to import; offline reads never touch it
    import httpx

# Rows before this date are not bundled: the earliest event (2025-01-27) needs ~130 sessions before it.
KEEP_FROM = dt.date(2024, 1, 2)


@dataclass(frozen=True)
class RawSource:
    key: str                 # series name in stock_prices
    folder: str              # under data/prices/raw
    repo: str                # public repository @ commit the files were copied from
    adjusted: bool           # Close is dividend- and split-adjusted
    note: str                # what the adjustment is, as the source states it
    newest_first: bool = False
    drop_after: dt.date | None = None   # rows after this are not end-of-day (captured intraday)


SOURCES: tuple[RawSource, ...] = (
    RawSource("dsturdy", "dsturdy_factor_attribution",
              "https://github.com/dsturdy/Factor_Attribution/tree/712ab00cb7d01c788507bc417162a4269e29bf69",
              True, "Date,Close: adjusted close (splits + dividends)", drop_after=dt.date(2026, 7, 31)),
    RawSource("stell0", "stell0_financealerts",
              "https://github.com/Stell0/financealerts/tree/9cb2abf4ef9bc12c06ff389d7a9ff174e9a99057",
              True, "yfinance default: OHLC adjusted for splits and dividends"),
    RawSource("amars78", "amars78_findata",
              "https://github.com/amars78/findata/tree/a8f3350f1f13d065093341e58d2aa88cec7e9909",
              True, "yfinance auto_adjust=True OHLC (KRW)"),
    RawSource("sungkyu", "sungkyu_kim39_backtester39",
              "https://github.com/SungKyu-Kim39/BackTester39/tree/e57a932da939df66be5288b1041a77376778d758",
              False, "Yahoo v8 chart raw quotes (split-adjusted, not dividend-adjusted) + dividends file"),
    RawSource("robinfrank", "robinfrank777_ai_investing",
              "https://github.com/RobinFrank777/AI_investing/tree/ad2aff871ccc418bb54e429b0a3e7437f19cb4a4",
              False, "yfinance auto_adjust=False: split-adjusted, not dividend-adjusted"),
    RawSource("johnamcminn", "johnamcminn_market_data_public",
              "https://github.com/johnamcminn-hub/market-data-public/tree/094dfec35a0ac7c92bbd315da97b694fe668d706",
              False, "Alpha Vantage style raw OHLCV, newest row first", newest_first=True),
)
_BY_KEY = {s.key: s for s in SOURCES}

# Which adjusted series to use for returns, best first. A series is used only if it covers the whole
# span a study needs; the live chart API comes first because it is the freshest and fully adjusted.
PREFERENCE = ("yahoo_chart", "dsturdy", "stell0", "amars78", "sungkyu")


def exchange_of(ticker: str) -> str:
    """The exchange whose sessions a ticker trades on (from the suffix; ETFs and ADRs trade in the US)."""
    return "KRX" if ticker.upper().endswith((".KS", ".KQ")) else "US"


# --- reading the captured files -------------------------------------------------------------------

def read_raw(path: Path, source: RawSource) -> list[dict[str, Any]]:
    """Rows of one captured file, oldest first, with lower-case keys and floats."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out: list[dict[str, Any]] = []
    for i, row in enumerate(rows, start=2):
        low = {k.strip().lower(): v for k, v in row.items()}
        day = low.get("date") or low.get("timestamp")
        try:
            bar = {"date": dt.date.fromisoformat(day[:10] if day else ""),
                   **{k: _num(low.get(k)) for k in ("open", "high", "low", "close", "volume")}}
        except ValueError as exc:
            raise DataError(f"{path}: line {i}: {exc}") from None
        out.append(bar)
    out.sort(key=lambda b: b["date"])
    return out


def _num(text: str | None) -> float | None:
    if text is None or text.strip() in ("", "null", "None", "nan"):
        return None
    return float(text)


def read_dividends(path: Path) -> dict[dt.date, float]:
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as fh:
        return {dt.date.fromisoformat(r["Date"][:10]): float(r["Dividend"]) for r in csv.DictReader(fh)}


def dividend_adjusted(bars: Sequence[dict[str, Any]], dividends: dict[dt.date, float]) -> list[float | None]:
    """Adjusted closes from raw closes and cash dividends (Yahoo's method, one source only).

    On each ex-date the earlier closes are scaled by 1 - D / close(day before ex-date); the factors
    multiply backwards, so the latest close is unchanged and returns include the dividend.
    """
    factor = 1.0
    out: list[float | None] = [None] * len(bars)
    for i in range(len(bars) - 1, -1, -1):
        close = bars[i]["close"]
        out[i] = None if close is None else close * factor
        div = dividends.get(bars[i]["date"])
        if div and i > 0 and bars[i - 1]["close"]:
            factor *= 1.0 - div / bars[i - 1]["close"]
    return out


# --- flags ------------------------------------------------------------------------------------------

def flag_series(dates: Sequence[dt.date], values: Sequence[float | None],
                sessions: Sequence[dt.date]) -> list[str | None]:
    """One flag string (or None) per row: missing sessions before it, stale closes, split-like jumps."""
    position = {d: i for i, d in enumerate(sessions)}
    flags: list[str | None] = []
    for i, day in enumerate(dates):
        parts = []
        if i > 0 and day in position and dates[i - 1] in position:
            missing = position[day] - position[dates[i - 1]] - 1
            if missing > 0:
                parts.append(f"gap:{missing}")
        value, prev = values[i], values[i - 1] if i > 0 else None
        if i >= 2 and value is not None and value == prev == values[i - 2]:
            parts.append("stale")
        if value is not None and prev:
            change = value / prev - 1.0
            if abs(change) > rules.PRICE_JUMP:
                parts.append(f"jump:{change:+.1%}")
        flags.append(";".join(parts) or None)
    return flags


def sessions_from_dates(date_sets: Iterable[Iterable[dt.date]]) -> list[dt.date]:
    """An exchange's trading days as the union of the days its liquid tickers have prices for."""
    days: set[dt.date] = set()
    for ds in date_sets:
        days.update(ds)
    return sorted(days)


# --- the snapshot loader -----------------------------------------------------------------------------

def load_raw(store: Store, data_dir: Path) -> dict[str, object]:
    """Write every captured price file into stock_prices, one series per source, with flags."""
    raw_dir = data_dir / "prices" / "raw"
    series: dict[tuple[str, str], list[dict[str, Any]]] = {}
    dropped: list[str] = []
    for source in SOURCES:
        for path in sorted((raw_dir / source.folder).glob("*.csv")):
            if path.stem.endswith("_dividends"):
                continue
            bars = read_raw(path, source)
            if source.drop_after:
                late = [b for b in bars if b["date"] > source.drop_after]
                dropped += [f"{source.key}/{path.stem} {b['date']} (intraday)" for b in late]
                bars = [b for b in bars if b["date"] <= source.drop_after]
            if source.adjusted:
                adj = [b["close"] for b in bars]
            elif source.key == "sungkyu":
                adj = dividend_adjusted(bars, read_dividends(path.with_name(f"{path.stem}_dividends.csv")))
            else:
                adj = [None] * len(bars)
            rows = [_row(path.stem, source, b, a) for b, a in zip(bars, adj, strict=False) if b["date"] >= KEEP_FROM]
            series[(path.stem, source.key)] = rows
    calendars = calendars_from_rows(series.values())
    every: list[dict[str, Any]] = []
    for (ticker, _), rows in series.items():
        _apply_flags(rows, calendars[exchange_of(ticker)])
        every += rows
    inserted, changed = store.upsert("stock_prices", every)
    return {"rows": len(every), "inserted": inserted, "changed": changed,
            "series": {f"{t}/{s}": _span(r) for (t, s), r in sorted(series.items())},
            "dropped": dropped, "flagged": sum(1 for rs in series.values() for r in rs if r["flag"])}


def _row(ticker: str, source: RawSource, bar: dict[str, Any], adj: float | None) -> dict[str, Any]:
    raw = not source.adjusted
    derived = source.key == "sungkyu"
    return {
        "ticker": ticker, "date": bar["date"], "series": source.key,
        "open": bar["open"] if raw else None, "high": bar["high"] if raw else None,
        "low": bar["low"] if raw else None, "close": bar["close"] if raw else None,
        "adj_close": adj, "volume": bar["volume"],
        "source": source.key, "adj_source": source.key if adj is not None else None,
        "url": source.repo,
        "kind": "derived" if derived else "reported",
        "method": ("adj_close derived from this source's raw closes and dividends file (Yahoo method: "
                   "earlier closes scaled by 1 - D/previous close on each ex-date)") if derived
        else source.note,
        "fetched_at": None, "flag": None,
    }


def calendars_from_rows(all_rows: Iterable[list[dict[str, Any]]]) -> dict[str, list[dt.date]]:
    """US sessions = days SPY has a price in any source; KRX = days any .KS ticker has one."""
    by_exchange: dict[str, set[dt.date]] = {"US": set(), "KRX": set()}
    for rows in all_rows:
        if not rows:
            continue
        ticker = rows[0]["ticker"]
        exchange = exchange_of(ticker)
        if exchange == "KRX" or ticker in rules.CALENDAR_BENCHMARKS:
            by_exchange[exchange].update(r["date"] for r in rows)
    return {k: sorted(v) for k, v in by_exchange.items()}


def _apply_flags(rows: list[dict[str, Any]], sessions: list[dt.date]) -> None:
    values = [r["adj_close"] if r["adj_close"] is not None else r["close"] for r in rows]
    for row, flag in zip(rows, flag_series([r["date"] for r in rows], values, sessions), strict=False):
        row["flag"] = flag


def _span(rows: list[dict[str, Any]]) -> list[str]:
    return [rows[0]["date"].isoformat(), rows[-1]["date"].isoformat()] if rows else []


# --- reading back ---------------------------------------------------------------------------------------

def sessions(store: Store, exchange: str) -> list[dt.date]:
    """The exchange's session calendar, inferred from the stored prices (see calendars_from_rows)."""
    if exchange == "KRX":
        sql = "SELECT DISTINCT date FROM stock_prices WHERE ticker LIKE '%.KS' ORDER BY date"
        return [r["date"] for r in store.query(sql)]
    marks = ", ".join("?" for _ in rules.CALENDAR_BENCHMARKS)
    sql = f"SELECT DISTINCT date FROM stock_prices WHERE ticker IN ({marks}) ORDER BY date"
    return [r["date"] for r in store.query(sql, list(rules.CALENDAR_BENCHMARKS))]


def available_series(store: Store, ticker: str) -> list[dict[str, Any]]:
    """Adjusted series stored for a ticker with their spans, in PREFERENCE order."""
    rows = store.query(
        "SELECT series, min(date) AS first, max(date) AS last, count(*) AS n, any_value(url) AS url, "
        "any_value(adj_source) AS adj_source FROM stock_prices "
        "WHERE ticker = ? AND adj_close IS NOT NULL GROUP BY series", [ticker])
    rank = {s: i for i, s in enumerate(PREFERENCE)}
    return sorted(rows, key=lambda r: rank.get(r["series"], len(rank)))


def adjusted_series(store: Store, ticker: str, first: dt.date, last: dt.date) -> dict[str, Any] | None:
    """The first preferred series covering [first, last], with its dates, adjusted closes and flags."""
    for cand in available_series(store, ticker):
        if cand["first"] <= first and cand["last"] >= last:
            rows = store.query(
                "SELECT date, adj_close, flag FROM stock_prices WHERE ticker = ? AND series = ? "
                "AND adj_close IS NOT NULL ORDER BY date", [ticker, cand["series"]])
            return {"series": cand["series"], "url": cand["url"], "dates": [r["date"] for r in rows],
                    "adj_close": [r["adj_close"] for r in rows], "flags": [r["flag"] for r in rows]}
    return None


def refresh_prices(store: Store, tickers: Sequence[str] | None = None, *, start: dt.date | None = None,
                   end: dt.date | None = None, base_url: str | None = None,
                   client: httpx.Client | None = None, now: dt.datetime | None = None) -> dict[str, Any]:
    """Fetch each ticker into the `yahoo_chart` series; returns a per-ticker summary."""
    import httpx

    # SPY first: its days are the US calendar that the other tickers' gaps are checked against.
    names = list(tickers) if tickers else list(dict.fromkeys(["SPY", *groups()["all"]]))
    start = start or KEEP_FROM
    end = end or dt.date.today()
    base = base_url or config.get("prices_base_url") or ""
    own = client or httpx.Client(timeout=config.float_setting("http_timeout"),
                                 headers={"User-Agent": "aicycle/0.1 (daily prices)"})
    summary: dict[str, Any] = {"source": chart.SERIES, "base_url": base, "tickers": {}}
    fetched = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    try:
        for ticker in names:
            try:
                bars = chart.parse_chart(chart.fetch_chart(own, base, ticker, start, end), ticker, now)
                rows = [_chart_row(ticker, b, chart.chart_url(base, ticker), fetched) for b in bars]
                _flag(store, ticker, rows)
                inserted, changed = store.upsert("stock_prices", rows)
                summary["tickers"][ticker] = {"status": "ok", "rows": len(rows), "inserted": inserted,
                                              "changed": changed}
            except AicycleError as exc:
                summary["tickers"][ticker] = {"status": "error", "error": str(exc)}
    finally:
        if client is None:
            own.close()
    summary["ok"] = sum(1 for t in summary["tickers"].values() if t["status"] == "ok")
    summary["failed"] = len(names) - summary["ok"]
    return summary


def _chart_row(ticker: str, bar: dict[str, Any], url: str, fetched: dt.datetime) -> dict[str, Any]:
    return {"ticker": ticker, "date": bar["date"], "series": chart.SERIES, "open": bar["open"], "high": bar["high"],
            "low": bar["low"], "close": bar["close"], "adj_close": bar["adj_close"], "volume": bar["volume"],
            "source": chart.SERIES, "adj_source": chart.SERIES if bar["adj_close"] is not None else None,
            "url": url,
            "kind": "reported", "method": "v8 chart API: quote (raw) and adjclose (splits + dividends)",
            "fetched_at": fetched, "flag": None}


def _flag(store: Store, ticker: str, rows: list[dict[str, Any]]) -> None:
    exchange = exchange_of(ticker)
    known = set(sessions(store, exchange))
    if exchange == "KRX" or ticker in rules.CALENDAR_BENCHMARKS:
        known |= {r["date"] for r in rows}   # this ticker defines the calendar itself
    _apply_flags(rows, sorted(known))
