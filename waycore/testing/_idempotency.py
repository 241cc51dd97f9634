"""``Idempotency-Key`` for the sandbox's keyed POSTs (transfer create and retry).

The first successful (2xx) answer to a key is kept with a fingerprint of its request (method,
path and the JSON body, canonicalised so key order and spacing do not matter). The same key
with the same request replays that answer byte for byte, with ``Idempotent-Replayed: true``;
the same key with another request is refused with 409 ``idempotency_key_reused``. A refused
request (4xx) stores nothing, so a corrected request may reuse its key, as with Stripe.

The API documents the header as optional; the sandbox requires it on these operations (400
``idempotency_key_required``), so a client that forgets it fails in tests, not in production.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from ._common import ApiError, Reply, parse_json
from ._routes import ApiRequest

__all__ = ["HEADER", "REPLAYED_HEADER", "IdempotencyCache"]

HEADER: Final = "Idempotency-Key"
REPLAYED_HEADER: Final = "Idempotent-Replayed"
MAX_KEY_LENGTH: Final = 255
# The spec's pattern ^\S(?:.*\S)?$: no whitespace at either end, no line breaks.
_KEY_RE: Final = re.compile(r"\A\S(?:.*\S)?\Z")


@dataclass(frozen=True)
class _Stored:
    fingerprint: str
    reply: Reply


def check_key(request: ApiRequest) -> str:
    """The request's ``Idempotency-Key``, or 400 saying what is wrong with it."""
    key = request.headers.get(HEADER)
    if key is None:
        raise ApiError(
            400,
            "idempotency_key_required",
            f"This request needs an {HEADER} header (1 to {MAX_KEY_LENGTH} characters) so "
            "that retrying it can never create a second transfer.",
        )
    if not 1 <= len(key) <= MAX_KEY_LENGTH or not _KEY_RE.match(key):
        raise ApiError(
            400,
            "invalid_idempotency_key",
            f"{HEADER} must be 1 to {MAX_KEY_LENGTH} characters, without leading or trailing "
            "whitespace.",
        )
    return key


def fingerprint(request: ApiRequest) -> str:
    """What makes two requests "the same": method, path and the JSON body's content."""
    canonical = request.body
    # Not JSON: the raw bytes are the request.
    with contextlib.suppress(ValueError, RecursionError):
        if request.body.strip():
            canonical = json.dumps(
                parse_json(request.body), sort_keys=True, separators=(",", ":")
            ).encode("utf-8", "surrogatepass")
    digest = hashlib.sha256()
    for part in (request.method.encode(), request.path.encode("utf-8", "surrogateescape")):
        digest.update(part + b"\0")
    digest.update(canonical)
    return digest.hexdigest()


class IdempotencyCache:
    """The answers already given per key. Not thread-safe: the app's lock guards it."""

    def __init__(self) -> None:
        """Empty."""
        self._entries: dict[str, _Stored] = {}

    def reset(self) -> None:
        """Forget every key."""
        self._entries.clear()

    def __len__(self) -> int:
        """How many keys are remembered."""
        return len(self._entries)

    def run(self, request: ApiRequest, handle: Callable[[], Reply]) -> Reply:
        """Answer ``request`` with ``handle()`` once per key; replay or refuse afterwards."""
        key = check_key(request)
        signature = fingerprint(request)
        stored = self._entries.get(key)
        if stored is not None:
            if stored.fingerprint != signature:
                raise ApiError(
                    409,
                    "idempotency_key_reused",
                    f"This {HEADER} was already used for a different request; use a new key "
                    "for a new request.",
                )
            first = stored.reply
            return Reply(
                first.status,
                first.body,
                [*first.headers, (REPLAYED_HEADER, "true")],
                first.content_type,
            )
        reply = handle()
        if 200 <= reply.status < 300:
            self._entries[key] = _Stored(signature, reply)
        return reply
