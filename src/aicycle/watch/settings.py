"""Where `aicycle watch` delivers, read from the config file's `[watch]` table and the environment.

    [watch]
    every = "15m"
    log = "/var/log/aicycle/events.jsonl"      # "off" disables; default: watch/events.jsonl in the home
    feed = "/srv/www/aicycle.xml"              # "off" disables; default: watch/feed.xml in the home

    [[watch.webhooks]]
    name = "ops"                                # names the hook in logs and the outbox (never its URL)
    url = "https://hooks.slack.com/services/T000/B000/XXXX"
    format = "slack"                            # json | slack | discord
    timeout = 5                                 # seconds per request
    attempts = 3                                # per event and run, on 5xx, 429 and timeouts
    backoff = 0.5                               # seconds before the first retry, doubling

Scalars follow config.py (variable > file > default); `AICYCLE_WATCH_WEBHOOK_URL` adds one hook from
the environment. A webhook URL often carries a token: it is shown only as scheme and host.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aicycle import config
from aicycle.errors import ConfigError

FORMATS = ("json", "slack", "discord")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_OFF = ("off", "false", "no", "0", "")


def mask_url(url: str) -> str:
    """`https://hooks.slack.com/…`: enough to recognise a hook, nothing of its path or query."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or '?'}/…" if parts.scheme else "…"


@dataclass(frozen=True)
class Hook:
    name: str
    url: str = field(repr=False)
    format: str = "json"
    timeout: float = 10.0
    attempts: int = 3
    backoff: float = 0.5  # seconds before the first retry, doubling (at most 8 s)

    @property
    def channel(self) -> str:
        return f"webhook:{self.name}"

    @property
    def shown(self) -> str:
        return f"{self.name} ({mask_url(self.url)}, {self.format})"


@dataclass(frozen=True)
class WatchSettings:
    every: float
    terminal: bool
    log: Path | None
    feed: Path | None
    hooks: tuple[Hook, ...]
    companies: tuple[str, ...] | None

    @property
    def channels(self) -> list[str]:
        out = ["terminal"] if self.terminal else []
        out += ["log"] if self.log else []
        out += ["feed"] if self.feed else []
        return out + [h.channel for h in self.hooks]


def parse_every(text: str, where: str = "--every") -> float:
    m = _DURATION.match(text or "")
    if not m or float(m[1]) <= 0:
        raise ConfigError(f"{where}: {text!r} is not a duration (30s, 15m, 1h)")
    return float(m[1]) * _UNITS[(m[2] or "s").lower()]


def _path(name: str, default: str) -> Path | None:
    raw = config.get(name)
    if raw is not None and raw.strip().lower() in _OFF:
        return None
    return Path(raw).expanduser() if raw else config.home() / "watch" / default


def _number(raw: Any, where: str, low: float) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"{where} = {raw!r} is not a number") from None
    if value < low:
        raise ConfigError(f"{where} = {raw!r} must be at least {low:g}")
    return value


def _hook(entry: Any, i: int, timeout: float, attempts: int) -> Hook:
    where = f"[[watch.webhooks]] #{i + 1}"
    if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
        raise ConfigError(f"{where} in {config.config_path()}: needs url = \"https://...\"")
    url = entry["url"]
    if urlsplit(url).scheme not in ("http", "https"):
        raise ConfigError(f"{where}: url must start with http:// or https:// (it is {mask_url(url)})")
    fmt = str(entry.get("format", "json")).lower()
    if fmt not in FORMATS:
        raise ConfigError(f"{where}: format {fmt!r} is not one of {', '.join(FORMATS)}")
    name = str(entry.get("name") or f"hook{i + 1}")
    return Hook(name, url, fmt, _number(entry.get("timeout", timeout), f"{where} timeout", 0.01),
                int(_number(entry.get("attempts", attempts), f"{where} attempts", 1)),
                _number(entry.get("backoff", 0.5), f"{where} backoff", 0))


def load(every: str | None = None) -> WatchSettings:
    table = config.section("watch")
    timeout = _number(config.get("watch_webhook_timeout"), "watch_webhook_timeout", 0.01)
    attempts = int(_number(config.get("watch_webhook_attempts"), "watch_webhook_attempts", 1))
    entries = table.get("webhooks", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{config.config_path()}: [watch] webhooks must be [[watch.webhooks]] tables")
    hooks = [_hook(e, i, timeout, attempts) for i, e in enumerate(entries)]
    if env_url := config.get("watch_webhook_url"):
        hooks.append(_hook({"name": "env", "url": env_url, "format": config.get("watch_webhook_format")},
                           len(hooks), timeout, attempts))
    names = [h.name for h in hooks]
    if len(set(names)) != len(names):
        raise ConfigError(f"[[watch.webhooks]]: two hooks share a name ({', '.join(names)})")
    companies = config.get("watch_companies") or table.get("companies")
    if isinstance(companies, str):
        companies = [t for t in companies.replace(" ", "").split(",") if t]
    terminal = (config.get("watch_terminal") or "on").strip().lower() not in _OFF
    return WatchSettings(
        every=parse_every(every or config.get("watch_every") or "15m", "--every" if every else "watch_every"),
        terminal=terminal, log=_path("watch_log", "events.jsonl"), feed=_path("watch_feed", "feed.xml"),
        hooks=tuple(hooks), companies=tuple(t.upper() for t in companies) if companies else None)
