"""Masking secrets in text the SDK prints or logs, whatever encoding a server echoed them in."""

from __future__ import annotations

import functools
import html
import json
from urllib.parse import quote, quote_plus

MASK = "***"


@functools.lru_cache(maxsize=64)
def _forms(secret: str) -> tuple[str, ...]:
    """Every way a server may have written `secret` back: raw, JSON-escaped (ASCII or not),
    HTML-escaped, URL-encoded and Python `repr`, longest first so a longer form is masked
    before a shorter one inside it."""
    forms = {
        secret,
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        html.escape(secret),
        html.escape(secret, quote=False),
        quote(secret, safe=""),
        quote_plus(secret, safe=""),
        repr(secret)[1:-1],
    }
    forms.discard("")
    return tuple(sorted(forms, key=len, reverse=True))


def redact(text: str, secrets: tuple[str, ...]) -> str:
    """`text` with every form of every non-empty secret replaced by `***`."""
    for secret in secrets:
        if secret:
            for form in _forms(secret):
                if form in text:
                    text = text.replace(form, MASK)
    return text
