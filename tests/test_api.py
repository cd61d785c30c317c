"""The notebook API: docs/api.md runs as written, the results are typed and carry provenance, and the
command line does not import the API, pandas or pyarrow."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import aicycle

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_api_page_runs_as_written(home: Path) -> None:
    namespace: dict[str, Any] = {}
    blocks = _blocks()
    assert len(blocks) >= 6
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)  # noqa: S102 - the documented example itself
    assert isinstance(namespace["report"], aicycle.Report) and namespace["report"].verdict
    assert list(namespace["frame"]["value"]) == sorted(namespace["frame"]["value"])  # backlog rose each quarter
    assert len(namespace["capex_then"]) == 3
    assert namespace["claim"].verdict == "contradicted"
    assert namespace["table"].num_rows == len(namespace["gpu"].rows)
    assert set(namespace["reactions"]["ticker"]) == {"META", "MU", "NBIS"}
    assert namespace["study"].summary.startswith("On 2026-07-01")


def test_results_are_typed_with_provenance(home: Path) -> None:
    facts = aicycle.facts("CRWV", "backlog", as_of="2026-06-30")
    frame = facts.to_pandas()
    assert str(frame["value"].dtype) == "float64" and str(frame["filed"].dtype).startswith("datetime64")
    assert {"source", "url", "accession", "kind", "filed"} <= set(frame.columns)
    assert frame["filed"].max().date().isoformat() <= "2026-06-30"
    arrow = aicycle.gpu_index(sku="H100", as_of="2026-09-30").to_arrow()
    assert str(arrow.schema.field("day").type) == "date32[day]"
    assert aicycle.report().to_dict()["verdict"]["state"] == aicycle.report().verdict


def test_bad_input_is_an_input_error(home: Path) -> None:
    with pytest.raises(aicycle.InputError):
        aicycle.facts("NOPE", "capex")
    with pytest.raises(aicycle.InputError, match="not a date"):
        aicycle.report(as_of="June")


def test_contracts_without_the_table_says_so(home: Path) -> None:
    try:
        found = aicycle.contracts()
    except aicycle.InputError as exc:
        assert "compute_contracts" in str(exc)
    else:
        assert isinstance(found, aicycle.Contracts)


def test_the_facts_module_stays_a_module() -> None:
    from aicycle import facts

    assert callable(facts) and callable(facts.series)  # the package's module and the API function
    assert set(aicycle.__all__) >= {"report", "facts", "check", "gpu_index", "event", "contracts"}


def test_the_command_line_imports_neither_the_api_nor_pandas(home: Path) -> None:
    code = ("import sys, runpy; sys.argv = ['aicycle', 'report', '--json'];\n"
            "try: runpy.run_module('aicycle.cli', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "print(sorted(m for m in ('pandas', 'pyarrow', 'aicycle._api') if m in sys.modules), file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip().splitlines()[-1] == "[]"
