"""Regression: `AICYCLE_HTTP_TIMEOUT=-1` was used as given (and a non-numeric AICYCLE_SEC_RATE used to
give a ValueError traceback). Numeric settings are checked for a number and a range, one line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle import config
from aicycle.cli import app
from aicycle.errors import ConfigError


@pytest.mark.parametrize(("env", "value", "said"), [
    ("AICYCLE_HTTP_TIMEOUT", "-1", "AICYCLE_HTTP_TIMEOUT='-1' must be between 0.1 and 600"),
    ("AICYCLE_HTTP_TIMEOUT", "nan", "AICYCLE_HTTP_TIMEOUT='nan' must be between"),
    ("AICYCLE_SEC_RATE", "abc", "AICYCLE_SEC_RATE='abc' is not a number"),
    ("AICYCLE_HTTP_RETRIES", "0", "AICYCLE_HTTP_RETRIES='0' must be between 1 and 20"),
])
def test_a_bad_number_is_refused(monkeypatch: pytest.MonkeyPatch, home: Path, env: str, value: str,
                                 said: str) -> None:
    monkeypatch.setenv(env, value)
    name = env.removeprefix("AICYCLE_").lower()
    with pytest.raises(ConfigError, match=said.replace("(", r"\(")):
        config.float_setting(name)
    monkeypatch.setenv("AICYCLE_SEC_USER_AGENT", "Jane Doe jane@example.com")
    result = CliRunner().invoke(app, ["refresh", "--only", "sec", "--ticker", "NVDA"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert said in result.stderr
