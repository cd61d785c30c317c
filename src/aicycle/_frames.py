"""The typed results of the notebook API (docs/api.md): headline fields as attributes, the whole result
as `.to_dict()`, the rows as `.rows`, `.to_pandas()` and `.to_arrow()`. DuckDB builds the DataFrame and
the Arrow table from the rows, so pandas and pyarrow are loaded only when asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from aicycle.errors import InputError

Day = dt.date | str | None


def day(value: Day, name: str = "as_of") -> dt.date | None:
    """A date given as a date or as YYYY-MM-DD."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Rows:
    """Rows with provenance, as a list of dicts, a pandas DataFrame or an Arrow table."""

    rows: list[dict[str, Any]] = field(repr=False)
    columns: tuple[str, ...] = field(default=(), repr=False)

    def __len__(self) -> int:
        return len(self.rows)

    def _relation(self, want: str) -> Any:
        import duckdb

        from aicycle.render.output import load_table

        con = duckdb.connect(":memory:")
        try:
            load_table(con, self.rows, self.columns or None)
            rel = con.sql("SELECT * FROM t")
            return rel.to_df() if want == "pandas" else rel.to_arrow_table()
        except ModuleNotFoundError as exc:
            raise ImportError(f"{want} is needed for this: pip install 'aicycle[notebook]' ({exc})") from None
        finally:
            con.close()

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per row, typed columns (dates as dates, numbers as floats)."""
        return self._relation("pandas")

    def to_arrow(self) -> Any:
        """A pyarrow Table with the same columns."""
        return self._relation("arrow")

    def _repr_html_(self) -> str:  # notebooks show the rows as a table
        return str(self.to_pandas()._repr_html_())


@dataclass(frozen=True, repr=False)
class Report(Rows):
    """The cycle report: `verdict`, `score`, `summary`, and one row per checkpoint metric."""

    as_of: dt.date | None = None
    verdict: str = ""
    score: float | None = None
    summary: str = ""
    checkpoints: list[dict[str, Any]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return self.data

    def __repr__(self) -> str:
        return f"Report(as_of={self.as_of}, verdict={self.verdict!r}, score={self.score})"


@dataclass(frozen=True, repr=False)
class Facts(Rows):
    """One metric of one company, one row per period, with every provenance column."""

    ticker: str = ""
    metric: str = ""
    as_of: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"ticker": self.ticker, "metric": self.metric, "as_of": self.as_of, "rows": self.rows}

    def __repr__(self) -> str:
        return f"Facts({self.ticker} {self.metric}, {len(self.rows)} periods, as_of={self.as_of})"


@dataclass(frozen=True, repr=False)
class Check(Rows):
    """A headline checked: `verdict` (supported / contradicted / unclear), `confidence`, `reasoning`,
    and one row per piece of evidence."""

    claim: str = ""
    as_of: str | None = None
    verdict: str = ""
    confidence: float = 0.0
    reasoning: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return self.data

    def __repr__(self) -> str:
        return f"Check({self.claim!r}: {self.verdict}, confidence {self.confidence:.2f})"


@dataclass(frozen=True, repr=False)
class GpuIndex(Rows):
    """The GPU rental price index: one row per line (SKU, family, term, latest median, changes)."""

    as_of: dt.date | None = None
    method_version: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return self.data

    def __repr__(self) -> str:
        return f"GpuIndex(as_of={self.as_of}, {len(self.rows)} lines, {self.method_version})"


@dataclass(frozen=True, repr=False)
class EventStudy(Rows):
    """An event study: `summary` in plain words, `portfolio` (CAAR and tests), one row per security,
    and `fundamentals_next` (what the hard data said after the event)."""

    event: dict[str, Any] = field(default_factory=dict)
    summary: str = ""
    portfolio: dict[str, Any] | None = None
    fundamentals_next: list[dict[str, Any]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return self.data

    def __repr__(self) -> str:
        return f"EventStudy({self.event.get('id')} {self.event.get('date')}, {len(self.rows)} securities)"


@dataclass(frozen=True, repr=False)
class Contracts(Rows):
    """Compute contracts (buyer, seller, value, term, dates), one row each, with their sources."""

    def to_dict(self) -> dict[str, Any]:
        return {"contracts": self.rows}

    def __repr__(self) -> str:
        return f"Contracts({len(self.rows)} contracts)"
