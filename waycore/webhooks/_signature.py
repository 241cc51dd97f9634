"""The `Waycore-Signature` header: checking it (`verify_signature`) and making it (`sign`).

Header: `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`. Each `v1` is the lowercase hex
HMAC-SHA256, keyed with the secret's UTF-8 bytes, of `b"<t>." + raw_body`.

Two kinds of failure are kept apart on purpose:

* the *programmer's* arguments (payload, secret, tolerance, now, timestamp) of the wrong type
  or value raise `TypeError` / `ValueError` naming the parameter: a bug to fix, not a request
  to refuse;
* anything about the *header or the body* (which an attacker controls) raises
  `WebhookVerificationError` and nothing else, so a handler needs one `except`.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import time
from collections.abc import Sequence

from .._exceptions import WebhookVerificationError

__all__ = ["DEFAULT_TOLERANCE", "HEADER_NAME", "sign", "verify_signature"]

HEADER_NAME = "Waycore-Signature"
DEFAULT_TOLERANCE = 300

# Hostile input must stay cheap: a real header is ~80 bytes per secret, so these bounds are
# far above anything legitimate yet keep parsing and comparing to a few microseconds.
MAX_HEADER_LENGTH = 8 * 1024
MAX_SIGNATURES = 16

# 15 digits reach the year 31 million; the bound keeps `int()` away from huge digit strings.
_TIMESTAMP_RE = re.compile(r"[0-9]{1,15}")
_MAX_TIMESTAMP = 10**15 - 1
# SHA-256 in hex. Any other length can never match, so it is reported as malformed.
_SIGNATURE_RE = re.compile(r"[0-9a-fA-F]{64}")

_NO_MATCH = "no valid signature for this payload and secret"


def _malformed(reason: str) -> WebhookVerificationError:
    # Never echo header content: it may hold a correct signature, and it is attacker text
    # that would otherwise land in the receiver's logs.
    return WebhookVerificationError(f"malformed {HEADER_NAME} header: {reason}")


def _payload_bytes(payload: object) -> bytes:
    if isinstance(payload, str):
        try:
            return payload.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(
                "payload must be encodable as UTF-8 (it holds lone surrogates)"
            ) from None
    if isinstance(payload, bytes | bytearray | memoryview):
        return bytes(payload)
    raise TypeError(
        f"payload must be the raw request body as bytes or str, not {type(payload).__name__}; "
        "pass the body exactly as received, never re-serialised JSON"
    )


def _secret_keys(secret: object) -> list[bytes]:
    secrets: Sequence[object]
    if isinstance(secret, str):
        secrets = (secret,)
    elif isinstance(secret, Sequence) and not isinstance(secret, bytes | bytearray):
        secrets = secret
        if not secrets:
            raise ValueError(
                "secret must be a str or a non-empty sequence of str, got an empty one"
            )
    else:
        raise TypeError(f"secret must be a str or a sequence of str, not {type(secret).__name__}")
    keys: list[bytes] = []
    for item in secrets:
        if not isinstance(item, str):
            raise TypeError(f"secret must hold only str values, not {type(item).__name__}")
        if not item:
            raise ValueError("secret must not be empty")
        try:
            keys.append(item.encode("utf-8"))
        except UnicodeEncodeError:
            raise ValueError(
                "secret must be encodable as UTF-8 (it holds lone surrogates)"
            ) from None
    return keys


def _seconds(value: object, name: str, *, allow_infinite: bool) -> float:
    # bool is an int subclass; `tolerance=True` is a bug, not one second.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number of seconds, not {type(value).__name__}")
    if isinstance(value, float) and (
        math.isnan(value) or (math.isinf(value) and not allow_infinite)
    ):
        raise ValueError(f"{name} must be a finite number of seconds")
    # Kept as given (not float()): an int too large for a float still compares exactly.
    return value


def _digest(key: bytes, timestamp: str, body: bytes) -> bytes:
    return (
        hmac.new(key, timestamp.encode("ascii") + b"." + body, hashlib.sha256)
        .hexdigest()
        .encode("ascii")
    )


def _parse_header(header: object) -> tuple[str, list[bytes]]:
    """(timestamp as sent, v1 signatures lowercased), or `WebhookVerificationError`."""
    if header is None:
        raise WebhookVerificationError(f"missing {HEADER_NAME} header")
    if not isinstance(header, str):
        raise _malformed(f"expected a str, got {type(header).__name__}")
    if len(header) > MAX_HEADER_LENGTH:
        raise _malformed(f"longer than {MAX_HEADER_LENGTH} characters")
    if not header.isascii():
        raise _malformed("contains non-ASCII characters")
    if not header.strip():
        raise _malformed("empty")

    timestamp: str | None = None
    signatures: list[bytes] = []
    for position, entry in enumerate(header.split(","), start=1):
        key, sep, value = entry.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            raise _malformed(f"entry {position} is not of the form key=value")
        if key == "t":
            if timestamp is not None:
                raise _malformed("more than one t= timestamp")
            if not _TIMESTAMP_RE.fullmatch(value):
                raise _malformed("t= is not a whole number of unix seconds")
            timestamp = value
        elif key == "v1":
            if not _SIGNATURE_RE.fullmatch(value):
                raise _malformed(f"v1= in entry {position} is not 64 hex digits")
            if len(signatures) == MAX_SIGNATURES:
                raise _malformed(f"more than {MAX_SIGNATURES} v1= signatures")
            signatures.append(value.lower().encode("ascii"))
        # Other schemes (v0=, a future v2=) are skipped so the API can add one without
        # breaking deployed receivers.
    if timestamp is None:
        raise _malformed("no t= timestamp")
    if not signatures:
        raise _malformed("no v1= signature")
    return timestamp, signatures


def _format_seconds(value: float) -> str:
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}".rstrip("0").rstrip(".")


def verify_signature(
    payload: bytes | str,
    header: str | None,
    secret: str | Sequence[str],
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> None:
    """Check that a webhook delivery comes from Waycore and is fresh; return `None` if so.

    Args:
        payload: the raw request body, `bytes` (or `str`, encoded as UTF-8) exactly as
            received. Never parse and re-serialise the JSON: one changed byte and the
            signature no longer matches.
        header: the value of the `Waycore-Signature` request header (`None` when absent).
        secret: the webhook's signing secret, or a sequence of secrets while rotating one
            (a signature made with any of them is accepted).
        tolerance: how many seconds the signed timestamp may be away from `now`, in either
            direction (too old: a replay; too far ahead: a clock skew or forgery). `None`
            turns the check off.
        now: the current unix time in seconds; defaults to `time.time()`.

    Raises:
        WebhookVerificationError: the header is missing or malformed, no `v1` signature
            matches any secret, or the timestamp is outside the tolerance window. The
            message says which, and never holds the secret or a computed signature.
        TypeError: `payload`, `secret`, `tolerance` or `now` has the wrong type.
        ValueError: `secret` is empty (or not encodable as UTF-8), `tolerance` is negative or
            NaN, or `now` is not finite.
    """
    # Programmer errors first, so a wrong argument is reported even on a bad delivery.
    body = _payload_bytes(payload)
    keys = _secret_keys(secret)
    max_age: float | None = None
    if tolerance is not None:
        max_age = _seconds(tolerance, "tolerance", allow_infinite=True)
        if max_age < 0:
            raise ValueError("tolerance must be >= 0 seconds (or None to disable the check)")
    current = time.time() if now is None else _seconds(now, "now", allow_infinite=False)

    timestamp, signatures = _parse_header(header)

    # Every signature is compared with every secret, without stopping at the first match,
    # so the time taken says nothing about which comparison succeeded.
    matched = False
    for key in keys:
        expected = _digest(key, timestamp, body)
        for candidate in signatures:
            matched |= hmac.compare_digest(expected, candidate)
    if not matched:
        raise WebhookVerificationError(_NO_MATCH)

    # Checked after the signature so a stale *authentic* delivery (a replay) is told apart
    # from a forged one; the timestamp is signed, so it can be trusted only from here on.
    if max_age is not None:
        age = current - int(timestamp)
        if abs(age) > max_age:
            when = (
                f"{_format_seconds(age)}s old"
                if age > 0
                else f"{_format_seconds(-age)}s in the future"
            )
            raise WebhookVerificationError(
                f"timestamp outside the tolerance window ({when}; tolerance "
                f"{_format_seconds(max_age)}s)"
            )


def sign(
    payload: bytes | str,
    secret: str | Sequence[str],
    *,
    timestamp: int | None = None,
) -> str:
    """Build a `Waycore-Signature` header value that `verify_signature` accepts.

    For testing your own webhook handler (and for the sandbox's deliveries)::

        body = b'{"id": "evt_1", "type": "test", "createdAt": "2024-05-01T12:00:00Z", "data": {}}'
        header = waycore.webhooks.sign(body, "whsec_test")
        client.post("/webhooks", content=body, headers={"Waycore-Signature": header})

    Args:
        payload: the exact body that will be sent, `bytes` or `str` (encoded as UTF-8).
        secret: the signing secret, or a sequence of them: one `v1=` entry each, as during
            a rotation.
        timestamp: unix seconds (an `int`); defaults to now.

    Returns:
        `"t=<timestamp>,v1=<hex>[,v1=<hex>...]"`.

    Raises:
        TypeError: `payload`, `secret` or `timestamp` has the wrong type.
        ValueError: `secret` is empty or holds more than 16 secrets, or `timestamp` is
            negative or too large.
    """
    body = _payload_bytes(payload)
    keys = _secret_keys(secret)
    if len(keys) > MAX_SIGNATURES:
        raise ValueError(f"secret may hold at most {MAX_SIGNATURES} secrets")
    if timestamp is None:
        timestamp = int(time.time())
    elif isinstance(timestamp, bool) or not isinstance(timestamp, int):
        raise TypeError(f"timestamp must be an int (unix seconds), not {type(timestamp).__name__}")
    if not 0 <= timestamp <= _MAX_TIMESTAMP:
        raise ValueError(f"timestamp must be between 0 and {_MAX_TIMESTAMP} unix seconds")
    t = str(int(timestamp))  # int(): an IntEnum's str() need not be its digits
    entries = [f"t={t}"]
    entries.extend(f"v1={_digest(key, t, body).decode('ascii')}" for key in keys)
    return ",".join(entries)
