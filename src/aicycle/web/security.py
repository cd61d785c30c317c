"""Security headers on every response, as a plain ASGI middleware (cheap: no body buffering).

Scripts, styles, images and connections come from this server only. Page scripts are static files
and charts are JSON data blocks (figures.py), so no inline script is ever allowed; the only inline
styles allowed are plotly.js's own, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# plotly.js injects <style> elements: an empty one it fills through CSSOM (not subject to CSP),
# and fixed stylesheets written as string literals. Allowing exactly those by hash keeps
# 'unsafe-inline' out; any other inline style stays blocked.
_STYLE_LITERAL = re.compile(r"createElement\(\"style\"\).{0,400}?\.textContent='([^'\\]*)'", re.S)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@cache
def plotly_style_hashes(plotly_js: Path) -> tuple[str, ...]:
    source = plotly_js.read_text(encoding="utf-8")
    return (_sha256(""), *(_sha256(m.group(1)) for m in _STYLE_LITERAL.finditer(source)))


def state_style_hashes(colours: list[str]) -> tuple[str, ...]:
    """The report's cards carry their state colour as style="--state: #rrggbb"; allow exactly those."""
    return ("'unsafe-hashes'", *(_sha256(f"--state: {c}") for c in colours)) if colours else ()


def content_security_policy(style_hashes: tuple[str, ...] = ()) -> str:
    return "; ".join((
        "default-src 'self'",
        "script-src 'self'",
        " ".join(("style-src 'self'", *style_hashes)),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ))


HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeaders:
    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = ((b"content-security-policy", csp.encode()), *HEADERS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def host_name(header: str) -> str:
    """The host part of a Host header: "[::1]:8000" -> "::1", "localhost:8000" -> "localhost"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class AllowedHosts:
    """Answer only requests addressed to this machine by a loopback name.

    A page on another site could make the browser resolve its own domain to 127.0.0.1 (DNS
    rebinding) and read the dashboard; such requests carry that domain in Host and get a 400.
    `("*",)` turns the check off (used when serving on a non-loopback address, with a warning).
    """

    def __init__(self, app: ASGIApp, hosts: tuple[str, ...]) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.hosts:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if host in self.hosts:
            await self.app(scope, receive, send)
            return
        body = b'{"error": "unexpected Host header; open the dashboard at http://127.0.0.1"}'
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def is_loopback(host: str) -> bool:
    """True when binding `host` exposes the dashboard to this machine only."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
