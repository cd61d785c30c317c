"""Every error path is one line and an exit status: each failing command the integrity review listed,
run as a real process. Exit 2 for bad usage or input, 1 for a runtime failure; never a traceback,
unless AICYCLE_DEBUG=1 asks for one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FACTS = "date,company,ticker,metric,value,unit,period,source_type,source,source_url,seen_via,notes\n"


def _files(tmp: Path) -> None:
    (tmp / "future_gpu.csv").write_text("date,sku,price,term,source,url\n2099-01-01,H100,2.5,on_demand,mine,\n")
    (tmp / "future_facts.csv").write_text(FACTS + "2099-01-01,Meta,META,capex_cash_ppe,5e9,USD,Q3 2026,m,s,,,\n")
    (tmp / "nan_facts.csv").write_text(FACTS + "2026-10-30,Meta,META,capex_cash_ppe,nan,USD,Q3 2026,m,s,,,\n")
    (tmp / "binary.csv").write_bytes(bytes(range(256)) * 4)
    (tmp / "latin1.csv").write_bytes("date,sku\n2026-01-01,caf\xe9\n".encode("latin-1"))
    (tmp / "amd.txt").write_text("We will expand capital expenditures next year.\n")


# (arguments, extra environment, exit status) — {tmp} is the test's folder.
CASES: list[tuple[list[str], dict[str, str], int]] = [
    (["gpu", "import", "{tmp}/future_gpu.csv"], {}, 2),
    (["load-facts", "{tmp}/future_facts.csv"], {}, 2),
    (["load-facts", "{tmp}/nan_facts.csv"], {}, 2),
    (["ingest", "{tmp}/amd.txt", "--company", "NVDA", "--date", "2026-02-01"], {}, 2),  # stored as AMD's first
    (["economics", "--set", "capex_per_gpu=1e308"], {}, 2),
    (["report", "--as-of", "0001-01-01"], {}, 2),
    (["check", "Nvidia raised capex", "--as-of", "0001-01-01"], {}, 2),
    (["economics", "--draws", "100000000000"], {}, 2),
    (["event", "deepseek_r1", "--html", "{tmp}"], {}, 2),
    (["event", "deepseek_r1", "--html", "{tmp}/missing/x.html"], {}, 2),
    (["report", "--html", "/proc/x.html"], {}, 2),
    (["load-facts", "{tmp}/missing.csv"], {}, 2),
    (["load-facts", "{tmp}/binary.csv"], {}, 2),
    (["load-facts", "{tmp}/latin1.csv"], {}, 2),
    (["gpu", "import", "{tmp}/missing.csv"], {}, 2),
    (["gpu", "import", "{tmp}/binary.csv"], {}, 2),
    (["gpu", "import", "{tmp}/latin1.csv"], {}, 2),
    (["language", "evaluate", "--data", "{tmp}/missing.jsonl"], {}, 2),
    (["language", "evaluate", "--data", "{tmp}/binary.csv"], {}, 2),
    (["language", "evaluate", "--data", "{tmp}/latin1.csv"], {}, 2),
    (["refresh", "--only", "sec"], {"AICYCLE_SEC_RATE": "abc"}, 2),
    (["refresh", "--only", "sec"], {"AICYCLE_HTTP_TIMEOUT": "-1"}, 2),
    (["refresh", "--ticker", "ZZZZ"], {}, 2),
    (["ingest", "{tmp}", "--company", "AMD", "--date", "2026-01-01"], {}, 2),
    (["report"], {"DAMAGE": "1"}, 1),
    (["language", "tone", "NVDA"], {"DAMAGE": "1"}, 1),
    (["store", "info"], {"DAMAGE": "1"}, 1),
]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "aicycle.cli", *args], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("errors")
    _files(tmp)
    env = {**os.environ, "AICYCLE_HOME": str(tmp / "home"), "AICYCLE_SEC_USER_AGENT": "Jane Doe jane@example.com",
           "COLUMNS": "80"}
    env.pop("AICYCLE_DEBUG", None)
    first = _run(["ingest", str(tmp / "amd.txt"), "--company", "AMD", "--date", "2026-01-01"], env)
    assert first.returncode == 0, first.stderr
    damaged = tmp / "damaged"
    damaged.mkdir()
    store = tmp / "home" / "aicycle.duckdb"
    data = bytearray(store.read_bytes())
    data[300_000:] = os.urandom(len(data) - 300_000)
    (damaged / "aicycle.duckdb").write_bytes(bytes(data))
    return tmp, env


@pytest.mark.parametrize(("args", "extra", "status"), CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_one_line_and_an_exit_status(prepared: tuple[Path, dict[str, str]], args: list[str], extra: dict[str, str],
                                     status: int) -> None:
    tmp, env = prepared
    env = {**env, **{k: v for k, v in extra.items() if k != "DAMAGE"}}
    if "DAMAGE" in extra:
        env["AICYCLE_HOME"] = str(tmp / "damaged")
    result = _run([a.replace("{tmp}", str(tmp)) for a in args], env)
    assert result.returncode == status, (result.returncode, result.stderr[-600:])
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr


def test_debug_shows_the_traceback(prepared: tuple[Path, dict[str, str]]) -> None:
    tmp, env = prepared
    result = _run(["load-facts", str(tmp / "binary.csv")], {**env, "AICYCLE_DEBUG": "1"})
    assert result.returncode == 2
    assert "Traceback (most recent call last)" in result.stderr and "InputError" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("error: ")
