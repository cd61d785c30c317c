"""Installing aicycle into an analysis environment keeps its numpy and pandas (issue 18).

A fresh venv gets numpy 2.2 and pandas 2.2 first, then aicycle (with the notebook extra) from this
checkout, resolved from PyPI against pyproject.toml's ranges, without CI's constraints file. Needs
PyPI, so it runs where AICYCLE_INSTALL_TEST=1 (CI sets it) and is skipped elsewhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(os.environ.get("AICYCLE_INSTALL_TEST") != "1",
                                reason="needs PyPI: set AICYCLE_INSTALL_TEST=1 (CI does)")


def _run(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=900, check=False)
    assert done.returncode == 0, f"{' '.join(args)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def test_install_keeps_numpy_and_pandas(tmp_path: Path) -> None:
    venv.create(tmp_path / "env", with_pip=True)
    py = str(tmp_path / "env" / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if k not in ("PIP_CONSTRAINT", "PYTHONPATH", "VIRTUAL_ENV")}
    env["AICYCLE_HOME"] = str(tmp_path / "home")
    pip = (py, "-m", "pip", "install", "-q", "--disable-pip-version-check")
    _run(*pip, "numpy==2.2.*", "pandas==2.2.*", env=env)
    before = _run(py, "-c", "import numpy, pandas; print(numpy.__version__, pandas.__version__)", env=env).split()
    _run(*pip, f"{REPO}[notebook]", env=env)
    after = _run(py, "-c", "import numpy, pandas; print(numpy.__version__, pandas.__version__)", env=env).split()
    assert after == before and after[0].startswith("2.2.") and after[1].startswith("2.2.")
    # and it works there: the report from the bundled snapshot, and the API into pandas 2.2
    report = _run(py, "-m", "aicycle.cli", "report", "--json", env=env)
    assert '"verdict"' in report
    frame = _run(py, "-c", "import aicycle; print(len(aicycle.facts('CRWV', 'backlog').to_pandas()))", env=env)
    assert int(frame.strip()) >= 5
    assert sys.version_info >= (3, 11)
