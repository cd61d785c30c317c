"""Settings: variable over config file over default, a clear line for a bad file, keys never shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle import config
from aicycle.cli import app
from aicycle.errors import ConfigError

runner = CliRunner()


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    monkeypatch.setenv("AICYCLE_CONFIG", str(path))
    for name in ("AICYCLE_HTTP_TIMEOUT", "AICYCLE_SEC_USER_AGENT", "AICYCLE_LAMBDA_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return path


def test_variable_beats_file_beats_default(config_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert config.SETTINGS and config.get("http_timeout") == "20"
    config_file.write_text('sec_user_agent = "Jane Doe jane@example.com"\n[http]\ntimeout = 45\n')
    assert config.get("http_timeout") == "45"
    assert config.get("sec_user_agent") == "Jane Doe jane@example.com"
    monkeypatch.setenv("AICYCLE_HTTP_TIMEOUT", "7")
    assert config.float_setting("http_timeout") == 7.0


def test_unknown_setting_and_broken_toml_are_one_line_errors(config_file: Path) -> None:
    config_file.write_text("sec_usr_agent = 'x'\n")
    with pytest.raises(ConfigError, match="unknown setting 'sec_usr_agent'"):
        config.get("http_timeout")
    config_file.write_text("[http\n")
    result = runner.invoke(app, ["config", "show"])
    assert result.exit_code == 2
    assert str(config_file) in result.stderr and "Traceback" not in result.output


def test_non_numeric_value_names_its_origin(config_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AICYCLE_SEC_RATE", "abc")
    with pytest.raises(ConfigError, match="AICYCLE_SEC_RATE='abc' is not a number"):
        config.float_setting("sec_rate")


def test_config_show_masks_keys_and_says_where_each_value_came_from(config_file: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    config_file.write_text('lambda_api_key = "secret-lambda-key-1234"\n')
    monkeypatch.setenv("AICYCLE_HTTP_TIMEOUT", "9")
    result = runner.invoke(app, ["config", "show", "--json"])
    assert result.exit_code == 0, result.output
    assert "secret-lambda" not in result.stdout
    rows = {r["name"]: r for r in json.loads(result.stdout)["settings"]}
    assert rows["lambda_api_key"] == {"name": "lambda_api_key", "env": "AICYCLE_LAMBDA_API_KEY",
                                      "value": "****1234", "from": str(config_file)}
    assert rows["http_timeout"]["from"] == "AICYCLE_HTTP_TIMEOUT" and rows["http_timeout"]["value"] == "9"
    assert rows["sec_rate"]["from"] == "default"
    table = runner.invoke(app, ["config", "show"], env={"COLUMNS": "80"})
    assert table.exit_code == 0 and "secret-lambda" not in table.stdout
    assert max(len(line) for line in table.stdout.splitlines()) <= 80


def test_structured_sections_come_back_as_written(config_file: Path) -> None:
    config_file.write_text('[[watch.webhooks]]\nurl = "http://127.0.0.1:9/hook"\nkind = "slack"\n')
    assert config.section("watch") == {"webhooks": [{"url": "http://127.0.0.1:9/hook", "kind": "slack"}]}
