"""Masking secrets in text the SDK prints or logs, whatever encoding a server echoed them in."""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Callable
from urllib.parse import quote, quote_plus

MASK = "***"


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate must not raise here


# How a server may write a value back: JSON-escaped (ASCII or not), HTML-escaped, URL-encoded,
# Python `repr` (of the text, or of its UTF-8 bytes, as h11 errors quote a header line).
_ENCODINGS: tuple[Callable[[str], str], ...] = (
    lambda text: json.dumps(text)[1:-1],
    lambda text: json.dumps(text, ensure_ascii=False)[1:-1],
    html.escape,
    lambda text: html.escape(text, quote=False),
    lambda text: quote(_utf8(text), safe=""),
    lambda text: quote_plus(_utf8(text), safe=""),
    lambda text: repr(text)[1:-1],
    lambda text: repr(_utf8(text))[2:-1],
)


@functools.lru_cache(maxsize=64)
def _forms(secret: str) -> tuple[str, ...]:
    """Every way a server may have written `secret` back: raw, or in any of `_ENCODINGS`
    applied once or twice (the request body's JSON quoted in a JSON string or an HTML page),
    longest first so a longer form is masked before a shorter one inside it."""
    once = {secret, *(encode(secret) for encode in _ENCODINGS)}
    forms = once | {encode(form) for form in once for encode in _ENCODINGS}
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
