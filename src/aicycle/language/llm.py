"""Optional LLM backend for the stance of a sentence, behind the same `Stance` interface.

Off by default: it runs only when `AICYCLE_LLM_BASE_URL` is set and the caller asks for it
(`aicycle language classify --backend llm`). The endpoint is OpenAI-compatible: the base URL ends
where the API's paths start (e.g. `http://127.0.0.1:8000/v1`), and the request is
`POST {base}/chat/completions`. The model must answer with a JSON object
`{"label": ..., "confidence": ..., "cues": [...]}`; anything else is a `DataError`. 429, 5xx and
timeouts are retried with exponential backoff (`AICYCLE_HTTP_RETRIES`).
"""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from aicycle import config
from aicycle.errors import ConfigError, DataError
from aicycle.language.labels import LABELS, Stance

SYSTEM_PROMPT = (
    "You label one sentence from an earnings call or press release by what it says about the direction "
    "of AI / data-center capital expenditure or compute capacity: expand, maintain, moderate, cut or none "
    "(none = off topic or no direction). Growth at a lower rate is moderate; negated slowdowns are expand; "
    "capacity that means disk drives, power auctions or warehouses is none; opex is none. Answer only with "
    'JSON: {"label": "...", "confidence": 0.0-1.0, "cues": ["phrases that decided it"]}.'
)
_RETRY_STATUS = {429, 500, 502, 503, 504}


class LLMClassifier:
    """Classify sentences through an OpenAI-compatible chat-completions endpoint."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout: float = 20.0,
                 retries: int = 4, backoff: float = 0.5, client: httpx.Client | None = None) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.retries = max(1, retries)
        self.backoff = backoff
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.client = client or httpx.Client(timeout=timeout, headers=headers)

    @classmethod
    def from_settings(cls) -> LLMClassifier:
        base = config.get("llm_base_url")
        if not base:
            raise ConfigError("the LLM backend is off: set AICYCLE_LLM_BASE_URL (and AICYCLE_LLM_MODEL)")
        model = config.get("llm_model")
        if not model:
            raise ConfigError("set AICYCLE_LLM_MODEL to the model name the endpoint serves")
        return cls(base, model, config.get("llm_api_key"), timeout=config.float_setting("http_timeout"),
                   retries=int(config.float_setting("http_retries")))

    def close(self) -> None:
        self.client.close()

    def classify(self, text: str) -> Stance:
        body = {"model": self.model, "temperature": 0,
                "messages": [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": text}]}
        return parse_answer(self._post(body))

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        last = ""
        for attempt in range(self.retries):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                response = self.client.post(self.url, json=body)
            except httpx.TimeoutException:
                last = "timed out"
                continue
            except httpx.HTTPError as exc:
                raise DataError(f"LLM endpoint {self.url}: {exc}") from None
            if response.status_code in _RETRY_STATUS:
                last = f"HTTP {response.status_code}"
                continue
            if response.status_code != 200:
                raise DataError(f"LLM endpoint {self.url}: HTTP {response.status_code}")
            try:
                payload = response.json()
            except ValueError:
                raise DataError(f"LLM endpoint {self.url}: response is not JSON (truncated?)") from None
            if not isinstance(payload, dict):
                raise DataError(f"LLM endpoint {self.url}: response is not a JSON object")
            return payload
        raise DataError(f"LLM endpoint {self.url}: gave up after {self.retries} attempts ({last})")


def parse_answer(payload: dict[str, Any]) -> Stance:
    """The Stance in a chat-completions response, or a DataError saying what is wrong with it."""
    try:
        content = payload["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise DataError("LLM response has no choices[0].message.content") from None
    text = str(content).strip().removeprefix("```json").removeprefix("```").removesuffix("```").strip()
    try:
        answer = json.loads(text)
    except json.JSONDecodeError:
        raise DataError(f"LLM answer is not JSON: {text[:80]!r}") from None
    label = answer.get("label") if isinstance(answer, dict) else None
    if label not in LABELS:
        raise DataError(f"LLM answer has label {label!r}; expected one of {', '.join(LABELS)}")
    try:
        confidence = min(max(float(answer.get("confidence", 0.5)), 0.0), 1.0)
    except (TypeError, ValueError):
        raise DataError("LLM answer has a confidence that is not a number") from None
    cues = answer.get("cues") or []
    if not isinstance(cues, list):
        raise DataError("LLM answer 'cues' is not a list")
    return Stance(label, round(confidence, 2), tuple(str(c) for c in cues))
