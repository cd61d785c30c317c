"""Read a small urlencoded form body (the dashboard's forms post nothing else)."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import HTTPException, Request

FORM_MAX_BYTES = 16_384


async def read_form(request: Request) -> dict[str, str]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(415, "send the form as application/x-www-form-urlencoded")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > FORM_MAX_BYTES:
            raise HTTPException(413, f"form body larger than {FORM_MAX_BYTES} bytes")
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=200)
    except (UnicodeDecodeError, ValueError) as exc:
        raise HTTPException(400, f"unreadable form body: {exc}") from None
    return {k: v[-1] for k, v in fields.items()}
