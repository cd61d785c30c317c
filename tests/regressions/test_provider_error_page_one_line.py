"""Regression: a provider's HTML error page was dumped, newlines and markup included, into the
`gpu collect` / `refresh` summary. The error is one short line of the page's visible words."""

from __future__ import annotations

import httpx
import pytest

from aicycle.errors import DataError
from aicycle.gpu.providers.base import request_json

PAGE = """<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title><style>body { color: red }</style></head>
<body>
<h1>Access denied</h1>
<p>You are not allowed
to view this page.</p>
<script>var x = 1;</script>
</body></html>
"""


def test_an_html_error_page_becomes_one_line() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(403, text=PAGE * 5))
    with httpx.Client(transport=transport) as client, pytest.raises(DataError) as err:
        request_json(client, "GET", "http://127.0.0.1/api", "lambda")
    message = str(err.value)
    assert "\n" not in message and "<" not in message and "color" not in message and "var x" not in message
    assert message.startswith("lambda: http://127.0.0.1/api: HTTP 403: 502 Bad Gateway Access denied You are")
    assert len(message) < 240
