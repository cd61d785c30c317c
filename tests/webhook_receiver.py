"""A real HTTP server on 127.0.0.1 that receives webhook POSTs and answers as scripted.

    with Receiver() as hooks:
        hooks.script("/slack", ["500", "sleep:1", "ok"])  # per request to that path, then "ok" forever
        ... post to hooks.url + "/slack" ...
        hooks.bodies("/slack")                           # the JSON bodies answered 2xx

Answers: "ok" (200), "500"/"503"/"429"/"404" (that status), "sleep:S" (wait S seconds, then 200: a
client with a shorter timeout gives up first). Every request is recorded with its path, headers,
JSON body, monotonic arrival time and the status it got.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: Any
    at: float
    status: int = 0


class Receiver:
    def __init__(self) -> None:
        self.requests: list[Received] = []
        self._faults: dict[str, list[str]] = {}
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, path: str, answers: list[str]) -> None:
        with self._lock:
            self._faults[path] = list(answers)

    def hits(self, path: str) -> list[Received]:
        return [r for r in self.requests if r.path == path]

    def bodies(self, path: str) -> list[Any]:
        """Bodies of the requests to `path` that were answered 2xx (what the hook accepted)."""
        return [r.body for r in self.hits(path) if 200 <= r.status < 300]

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _next(self, path: str) -> str:
        with self._lock:
            queue = self._faults.get(path) or []
            return queue.pop(0) if queue else "ok"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                seen = Received(self.path, dict(self.headers.items()), json.loads(raw or b"null"), time.monotonic())
                receiver.requests.append(seen)
                answer = receiver._next(self.path)
                if answer.startswith("sleep:"):
                    time.sleep(float(answer.split(":")[1]))
                    answer = "ok"
                seen.status = 200 if answer == "ok" else int(answer)
                try:
                    self.send_response(seen.status)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"{}")
                except OSError:
                    seen.status = 0  # the client had gone (timed out): not accepted

        return Handler
