"""The optional LLM backend against a real HTTP server on 127.0.0.1 that replays answers and faults."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.errors import ConfigError, DataError
from aicycle.language.llm import LLMClassifier, parse_answer


def _completion(content: str) -> bytes:
    return json.dumps({"id": "x", "object": "chat.completion",
                       "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}).encode()


ANSWER = _completion('{"label": "moderate", "confidence": 0.8, "cues": ["grow at a lower rate"]}')


class Script:
    """What the fake endpoint does on each request, in order (the last step repeats)."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, object]] = [("ok", ANSWER)]
        self.requests: list[dict[str, object]] = []


@pytest.fixture
def endpoint() -> Iterator[tuple[str, Script]]:
    script = Script()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server API
            length = int(self.headers.get("Content-Length", 0))
            script.requests.append({"path": self.path, "auth": self.headers.get("Authorization"),
                                    "body": json.loads(self.rfile.read(length))})
            kind, arg = script.steps.pop(0) if len(script.steps) > 1 else script.steps[0]
            if kind == "sleep":
                time.sleep(float(arg))  # type: ignore[arg-type]
                kind, arg = "ok", ANSWER
            if kind == "status":
                self.send_response(int(arg))  # type: ignore[call-overload]
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = arg if isinstance(arg, bytes) else str(arg).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body) + (50 if kind == "cut_short" else 0)))
            self.end_headers()
            self.wfile.write(body)
            if kind == "cut_short":
                self.close_connection = True

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", script
    finally:
        server.shutdown()
        server.server_close()


def _client(url: str, **kw: object) -> LLMClassifier:
    return LLMClassifier(url, "test-model", api_key="k", backoff=0.01, **kw)  # type: ignore[arg-type]


def test_llm_answer_becomes_a_stance(endpoint: tuple[str, Script]) -> None:
    url, script = endpoint
    llm = _client(url)
    stance = llm.classify("We expect 2026 capex to grow at a lower rate.")
    llm.close()
    assert (stance.label, stance.confidence, stance.cues) == ("moderate", 0.8, ("grow at a lower rate",))
    request = script.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer k"
    assert request["body"]["model"] == "test-model"  # type: ignore[index]
    assert request["body"]["messages"][1]["content"].startswith("We expect 2026")  # type: ignore[index]


def test_retries_429_and_503_then_succeeds(endpoint: tuple[str, Script]) -> None:
    url, script = endpoint
    script.steps = [("status", 429), ("status", 503), ("ok", ANSWER)]
    llm = _client(url)
    assert llm.classify("x").label == "moderate"
    llm.close()
    assert len(script.requests) == 3


def test_timeout_is_retried_then_reported(endpoint: tuple[str, Script]) -> None:
    url, script = endpoint
    script.steps = [("sleep", 0.6)]
    llm = _client(url, timeout=0.2, retries=2)
    with pytest.raises(DataError, match="gave up after 2 attempts \\(timed out\\)"):
        llm.classify("x")
    llm.close()


@pytest.mark.parametrize(("step", "message"), [
    (("ok", b'{"choices": [{"message": {"content": "{\\"label\\": \\"exp'), "not JSON"),
    (("cut_short", ANSWER), "LLM endpoint"),
    (("ok", _completion('{"label": "bullish", "confidence": 1}')), "label 'bullish'"),
    (("ok", _completion("I think it is expand.")), "answer is not JSON"),
    (("status", 401), "HTTP 401"),
])
def test_bad_answers_are_clear_errors(endpoint: tuple[str, Script], step: tuple[str, object], message: str) -> None:
    url, script = endpoint
    script.steps = [step]
    llm = _client(url, retries=1)
    with pytest.raises(DataError, match=message):
        llm.classify("x")
    llm.close()


def test_parse_answer_accepts_fenced_json() -> None:
    payload = json.loads(_completion('```json\n{"label": "cut", "confidence": 2, "cues": []}\n```'))
    stance = parse_answer(payload)
    assert stance.label == "cut" and stance.confidence == 1.0


def test_backend_is_off_unless_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AICYCLE_LLM_BASE_URL", raising=False)
    with pytest.raises(ConfigError, match="AICYCLE_LLM_BASE_URL"):
        LLMClassifier.from_settings()
    result = CliRunner().invoke(app, ["language", "classify", "-", "--backend", "llm"], input="Capex grows.\n")
    assert result.exit_code == 2


def test_cli_llm_backend(endpoint: tuple[str, Script], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    url, _ = endpoint
    monkeypatch.setenv("AICYCLE_LLM_BASE_URL", url)
    monkeypatch.setenv("AICYCLE_LLM_MODEL", "test-model")
    result = CliRunner().invoke(app, ["language", "classify", "-", "--backend", "llm"], input="Capex grows.\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["label"] == "moderate"
