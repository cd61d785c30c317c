"""A real HTTP server on 127.0.0.1 that replays captured responses and injects faults.

    with ReplayServer({"/api/x.json": Path("captured.json")}) as server:
        server.script("/api/x.json", ["429", "ok"])   # first request 429, then the file
        httpx.get(server.url + "/api/x.json")

Faults, consumed one per request for that path (then "ok" forever):
  "ok"           the captured body (ETag + Last-Modified; a matching If-None-Match gets 304)
  "429" / "429:0.05"  Too Many Requests, optional Retry-After seconds
  "503", "500"   server errors
  "sleep:S"      wait S seconds before answering (to trip client timeouts)
  "truncate"     200 with only the first half of the body (Content-Length matches what is sent)
  "cut"          200 announcing the full length but closing after half the body
Every request is recorded (path, headers, monotonic time) in `server.requests`.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float
    status: int = 0


class ReplayServer:
    def __init__(self, routes: Mapping[str, Path | bytes]) -> None:
        self.routes = {p: (v if isinstance(v, bytes) else v.read_bytes()) for p, v in routes.items()}
        self.faults: dict[str, list[str]] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, path: str, faults: list[str]) -> None:
        with self._lock:
            self.faults[path] = list(faults)

    def hits(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _next_fault(self, path: str) -> str:
        with self._lock:
            queue = self.faults.get(path) or []
            return queue.pop(0) if queue else "ok"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                seen = Seen(self.path, dict(self.headers.items()), time.monotonic())
                server.requests.append(seen)
                body = server.routes.get(self.path)
                fault = server._next_fault(self.path)
                seen.status = self._answer(body, fault)

            def _answer(self, body: bytes | None, fault: str) -> int:
                if fault.startswith("sleep:"):
                    time.sleep(float(fault.split(":")[1]))
                    fault = "ok"
                if fault.startswith(("429", "5")):
                    status = int(fault.split(":")[0])
                    extra = {"Retry-After": fault.split(":")[1]} if ":" in fault else {}
                    return self._send(status, b"{}", extra)
                if body is None:
                    return self._send(404, b'{"error": "not found"}')
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                validators = {"ETag": etag, "Last-Modified": "Thu, 09 Jul 2026 11:17:10 GMT"}
                if fault == "ok" and self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", validators)
                if fault == "truncate":
                    return self._send(200, body[: len(body) // 2], validators)
                if fault == "cut":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return 200
                return self._send(200, body, validators)

            def _send(self, status: int, payload: bytes, headers: Mapping[str, str] | None = None) -> int:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)) if status != 304 else "0")
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                if status != 304:
                    self.wfile.write(payload)
                return status

        return Handler
