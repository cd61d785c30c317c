"""Settings, read in one place.

Every setting is a `Setting(name, env, default, help)`; `docs/settings.md` documents each one and a
test fails when one is missing there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str | None
    help: str

    def value(self) -> str | None:
        raw = os.environ.get(self.env)
        return raw if raw not in (None, "") else self.default


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
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str | None:
    return _BY_NAME[name].value()


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
    raw = get(name)
    try:
        return float(raw) if raw is not None else 0.0
    except ValueError as exc:
        env = _BY_NAME[name].env
        raise ValueError(f"{env}={raw!r} is not a number") from exc
