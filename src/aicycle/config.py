"""Settings, read in one place.

Every setting is a `Setting(name, env, default, help)`; `docs/settings.md` documents each one and a
test fails when one is missing there. A value comes from, in order: the environment variable, the
config file (TOML in the user config directory, or the file `AICYCLE_CONFIG` names), the default.
In the file a setting is its name (`sec_user_agent = "..."`), or the same name split at its first
underscore into a table (`[sec]` then `user_agent = "..."`). Tables named in `SECTIONS` hold
structured settings (lists of webhooks and the like) that `section()` returns as they are.
"""

from __future__ import annotations

import functools
import math
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs

from aicycle.errors import ConfigError

CONFIG_ENV = "AICYCLE_CONFIG"
SECTIONS: dict[str, str] = {
    "watch": "`aicycle watch`: delivery (terminal, JSON-lines log, Atom feed, webhooks) and schedule.",
}


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str | None
    help: str

    @property
    def secret(self) -> bool:
        return self.name.endswith(("api_key", "webhook_url"))

    def value(self) -> str | None:
        return self.lookup()[0]

    def lookup(self) -> tuple[str | None, str]:
        """The value and where it came from: the variable's name, the config file's path, or 'default'."""
        raw = os.environ.get(self.env)
        if raw not in (None, ""):
            return raw, self.env
        in_file = _file_values().get(self.name)
        if in_file is None:
            in_file = _section_value(self.name)
        if in_file is not None:
            return in_file, str(config_path())
        return self.default, "default"


SETTINGS: tuple[Setting, ...] = (
    Setting("home", "AICYCLE_HOME", None,
            "Directory holding the store, the HTTP cache and the lock (default: the user data dir)."),
    Setting("sec_user_agent", "AICYCLE_SEC_USER_AGENT", None,
            "User-Agent for SEC requests, e.g. 'Jane Doe jane@example.com'. Required by `refresh`."),
    Setting("sec_base_url", "AICYCLE_SEC_BASE_URL", "https://data.sec.gov",
            "Base URL of the SEC data API (companyfacts, submissions)."),
    Setting("sec_archives_url", "AICYCLE_SEC_ARCHIVES_URL", "https://www.sec.gov",
            "Base URL of SEC EDGAR archives (filing documents)."),
    Setting("sec_rate", "AICYCLE_SEC_RATE", "8",
            "Maximum SEC requests per second (capped at 10)."),
    Setting("sec_releases_per_company", "AICYCLE_SEC_RELEASES_PER_COMPANY", "8",
            "`refresh --only releases`: earnings 8-Ks looked at per company, newest first."),
    Setting("http_timeout", "AICYCLE_HTTP_TIMEOUT", "20",
            "Timeout in seconds for one HTTP request."),
    Setting("http_retries", "AICYCLE_HTTP_RETRIES", "4",
            "Attempts per request on 429, 5xx and timeouts (exponential backoff)."),
    Setting("vast_base_url", "AICYCLE_VAST_BASE_URL", "https://console.vast.ai",
            "Base URL of the vast.ai offer search (`/api/v0/bundles/`; no key needed)."),
    Setting("vast_api_key", "AICYCLE_VAST_API_KEY", None, "Optional vast.ai API key."),
    Setting("lambda_base_url", "AICYCLE_LAMBDA_BASE_URL", "https://cloud.lambda.ai",
            "Base URL of the Lambda Cloud API (`/api/v1/instance-types`)."),
    Setting("lambda_api_key", "AICYCLE_LAMBDA_API_KEY", None, "Lambda Cloud API key (enables Lambda)."),
    Setting("runpod_base_url", "AICYCLE_RUNPOD_BASE_URL", "https://api.runpod.io",
            "Base URL of the RunPod GraphQL API (`/graphql`)."),
    Setting("runpod_api_key", "AICYCLE_RUNPOD_API_KEY", None, "RunPod API key (enables RunPod)."),
    Setting("shadeform_base_url", "AICYCLE_SHADEFORM_BASE_URL", "https://api.shadeform.ai",
            "Base URL of the Shadeform API (`/v1/instances/types`)."),
    Setting("shadeform_api_key", "AICYCLE_SHADEFORM_API_KEY", None,
            "Shadeform API key (enables Shadeform)."),
    Setting("prices_base_url", "AICYCLE_PRICES_BASE_URL", "https://query2.finance.yahoo.com",
            "Base URL of the daily-price chart API used by `refresh`."),
    Setting("llm_base_url", "AICYCLE_LLM_BASE_URL", None,
            "OpenAI-compatible endpoint for the optional LLM stance backend (off when unset)."),
    Setting("llm_api_key", "AICYCLE_LLM_API_KEY", None, "API key for the optional LLM backend."),
    Setting("llm_model", "AICYCLE_LLM_MODEL", None, "Model name for the optional LLM backend."),
    # --- errors ---
    Setting("debug", "AICYCLE_DEBUG", "0",
            "1 prints the full traceback after an error's one-line message (for bug reports)."),
    # --- watch (docs/watch.md); also settable in the file's [watch] table (`every = "15m"`) ---
    Setting("watch_every", "AICYCLE_WATCH_EVERY", "15m",
            "`aicycle watch`: time between runs (30s, 15m, 1h; a bare number is seconds)."),
    Setting("watch_terminal", "AICYCLE_WATCH_TERMINAL", "on",
            "`aicycle watch`: one line per event on the terminal (on/off)."),
    Setting("watch_log", "AICYCLE_WATCH_LOG", None,
            "`aicycle watch`: JSON-lines event log (default: watch/events.jsonl in the home; 'off' disables)."),
    Setting("watch_feed", "AICYCLE_WATCH_FEED", None,
            "`aicycle watch`: Atom feed file (default: watch/feed.xml in the home; 'off' disables)."),
    Setting("watch_webhook_url", "AICYCLE_WATCH_WEBHOOK_URL", None,
            "`aicycle watch`: one more webhook, from the environment (a secret: never printed)."),
    Setting("watch_webhook_format", "AICYCLE_WATCH_WEBHOOK_FORMAT", "json",
            "Body of that webhook: json (generic), slack or discord."),
    Setting("watch_webhook_timeout", "AICYCLE_WATCH_WEBHOOK_TIMEOUT", "10",
            "Seconds one webhook request may take (default for every hook)."),
    Setting("watch_webhook_attempts", "AICYCLE_WATCH_WEBHOOK_ATTEMPTS", "3",
            "Attempts per event and hook on 5xx, 429 and timeouts before giving up for this run."),
    Setting("watch_companies", "AICYCLE_WATCH_COMPANIES", None,
            "`aicycle watch`: tickers to watch, comma-separated (default: the whole universe)."),
)
# Numeric settings and the interval each must lie in (inclusive), said in the error.
RANGES: dict[str, tuple[float, float]] = {
    "sec_rate": (0.1, 1000.0),
    "sec_releases_per_company": (1, 100),
    "http_timeout": (0.1, 600.0),
    "http_retries": (1, 20),
}

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str | None:
    return _BY_NAME[name].value()


def config_path() -> Path:
    named = os.environ.get(CONFIG_ENV)
    return Path(named) if named else Path(platformdirs.user_config_dir("aicycle")) / "config.toml"


def _read_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"config file {path}: {exc}") from None


@functools.cache
def _parsed(path: Path, mtime: float) -> tuple[dict[str, str], dict[str, Any]]:
    flat: dict[str, str] = {}
    sections: dict[str, Any] = {}
    for key, value in _read_file(path).items():
        if key in SECTIONS:
            sections[key] = value
        elif isinstance(value, dict):
            for sub, inner in value.items():
                flat[_known(f"{key}_{sub}", path)] = _scalar(f"{key}.{sub}", inner, path)
        else:
            flat[_known(key, path)] = _scalar(key, value, path)
    return flat, sections


def _known(name: str, path: Path) -> str:
    if name not in _BY_NAME:
        raise ConfigError(f"config file {path}: unknown setting {name!r} (`aicycle config show` lists them)")
    return name


def _scalar(key: str, value: object, path: Path) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ConfigError(f"config file {path}: {key} must be a string or a number")
    return str(value)


def _loaded() -> tuple[dict[str, str], dict[str, Any]]:
    path = config_path()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return {}, {}
    return _parsed(path, mtime)


def _file_values() -> dict[str, str]:
    return _loaded()[0]


def _section_value(name: str) -> str | None:
    """A setting written in its section's table (`[watch]` then `every = "15m"` for watch_every)."""
    table, _, key = name.partition("_")
    if table not in SECTIONS:
        return None
    value = _loaded()[1].get(table, {})
    found = value.get(key) if isinstance(value, dict) else None
    if found is None or isinstance(found, dict | list):
        return None
    return _scalar(f"{table}.{key}", found, config_path()) if not isinstance(found, bool) else str(found).lower()


def section(name: str) -> dict[str, Any]:
    """A structured table of the config file (see SECTIONS), or {} where the file has none."""
    if name not in SECTIONS:
        raise KeyError(name)
    value = _loaded()[1].get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"config file {config_path()}: [{name}] must be a table")
    return value


def shown() -> list[dict[str, str | None]]:
    """Every setting with its value (secrets masked) and origin, for `aicycle config show`."""
    out: list[dict[str, str | None]] = []
    for s in SETTINGS:
        value, origin = s.lookup()
        if s.secret and value and s.name.endswith("_url"):
            value = _masked_url(value)  # a webhook's token is in its path: show scheme and host only
        elif s.secret and value:
            value = "****" + value[-4:] if len(value) > 8 else "****"
        out.append({"name": s.name, "env": s.env, "value": value, "from": origin})
    return out


def _masked_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}/…" if parts.scheme and parts.hostname else "****"


def home() -> Path:
    configured = get("home")
    path = Path(configured) if configured else Path(platformdirs.user_data_dir("aicycle"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_path() -> Path:
    return home() / "aicycle.duckdb"


def cache_dir() -> Path:
    path = home() / "http-cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def float_setting(name: str) -> float:
    raw, origin = _BY_NAME[name].lookup()
    where = f"{origin}={raw!r}" if origin.startswith("AICYCLE_") else f"{name} = {raw!r} in {origin}"
    try:
        value = float(raw) if raw is not None else 0.0
    except ValueError:
        raise ConfigError(f"{where} is not a number") from None
    low, high = RANGES.get(name, (-math.inf, math.inf))
    if not low <= value <= high:  # NaN fails too
        raise ConfigError(f"{where} must be between {low:g} and {high:g}")
    return value


def debug() -> bool:
    """AICYCLE_DEBUG=1: show tracebacks. Never raises (it is read while reporting another error)."""
    try:
        return (get("debug") or "").strip().lower() in ("1", "true", "yes", "on")
    except Exception:  # a broken config file must not hide the error being reported
        return os.environ.get("AICYCLE_DEBUG", "").strip() == "1"
