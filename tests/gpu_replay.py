"""A small real HTTP server on 127.0.0.1 that replays captured GPU-price responses and injects faults.

Routes map a path to a list of responses served in turn (the last one repeats). A response is a
`Reply(status, body)`; `Reply.hang(seconds)` sleeps before answering (a timeout for the client),
`Reply.truncated(body)` announces more bytes than it sends. Every request is recorded.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    delay: float = 0.0
    truncate: bool = False
    content_type: str = "application/json"

    @classmethod
    def hang(cls, seconds: float) -> Reply:
        return cls(200, b"{}", delay=seconds)

    @classmethod
    def truncated(cls, body: bytes) -> Reply:
        return cls(200, body, truncate=True)


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class ReplayServer:
    routes: dict[str, list[Reply]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def route(self, path: str, *replies: Reply) -> None:
        self.routes[path] = list(replies)

    def next_reply(self, path: str) -> Reply:
        replies = self.routes.get(path)
        if not replies:
            return Reply(404, b'{"error": "no such route"}')
        return replies.pop(0) if len(replies) > 1 else replies[0]

    def start(self) -> None:
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                replay.requests.append(Recorded(self.command, parts.path, parse_qs(parts.query),
                                                dict(self.headers), self.rfile.read(length)))
                reply = replay.next_reply(parts.path)
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body) * (2 if reply.truncate else 1)))
                self.end_headers()
                try:
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): nothing to do
                if reply.truncate:
                    self.close_connection = True

            do_GET = do_POST = _serve

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                         daemon=True).start()

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()


def serve() -> Iterator[ReplayServer]:
    server = ReplayServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
