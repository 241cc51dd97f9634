"""Argument checks run before anything is sent. Each error names the offending parameter."""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import SplitResult, quote, urlsplit

import httpx2

from ._constants import LIST_LIMIT_MAX, LIST_LIMIT_MIN, MAX_SECONDS
from .types.enums import ConnectionStatus


class ArgumentTypeError(TypeError, ValueError):
    """An argument of the wrong type. Both a `TypeError` and a `ValueError`, so code that
    catches either (the SDK documents `ValueError` for bad arguments) handles it."""


def _type_name(value: object) -> str:
    return type(value).__name__


def optional_str(value: object, name: str) -> str | None:
    """`None` and `""` both mean "not given"."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string, not {_type_name(value)}")
    return value


def entity_uuid(value: object, name: str = "entity_id") -> uuid.UUID:
    """A UUID, given as a string or a `uuid.UUID`."""
    if isinstance(value, uuid.UUID):
        return value
    if value is None or value == "":
        raise ValueError(f"{name} is required")
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be a UUID string or uuid.UUID, not {_type_name(value)}"
        )
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueError(f"{name} must be a UUID, got {value!r}") from None


def https_url(value: object, name: str) -> str | None:
    """An absolute `https://` URL with a host, or `None` when not given."""
    text = optional_str(value, name)
    if text is None:
        return None
    parts = _split_url(text, name)
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise ValueError(f"{name} must be an absolute https:// URL, got {text!r}")
    return text


def _split_url(text: str, name: str) -> SplitResult:
    """`urlsplit`, refusing what a server (or httpx2) would refuse later: whitespace and
    control characters, an unreadable host, a port that is not a number in 0–65535."""
    if any(c.isspace() or not c.isprintable() for c in text):
        raise ValueError(f"{name} may not contain whitespace or control characters")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"{name} is not a valid URL ({exc}): {text!r}") from None
    if port is None and parts.netloc.endswith(":") and parts.netloc.count(":") == 1:
        raise ValueError(f"{name} has an empty port: {text!r}")
    return parts


def connection_id_segment(value: object, name: str = "connection_id") -> str:
    """A connection id, percent-encoded for use as one path segment."""
    if value is None or value == "":
        raise ValueError(f"{name} must be a non-empty string")
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string, not {_type_name(value)}")
    if value in (".", ".."):
        raise ValueError(f"{name} may not be {value!r}")
    try:
        return quote(value, safe="")
    except UnicodeEncodeError:  # a lone surrogate cannot be sent
        raise ValueError(f"{name} is not valid Unicode text") from None


def list_limit(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"limit must be an int, not {_type_name(value)}")
    if not LIST_LIMIT_MIN <= value <= LIST_LIMIT_MAX:
        raise ValueError(
            f"limit must be between {LIST_LIMIT_MIN} and {LIST_LIMIT_MAX}, got {value}"
        )
    return value


def status_filter(value: object) -> str | None:
    """A known status string, or any `ConnectionStatus` (including one built from a value this
    SDK does not know yet, the deliberate escape hatch for filtering on a new status)."""
    if value is None or value == "":
        return None
    if isinstance(value, ConnectionStatus):
        return value.value
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"status must be a ConnectionStatus or str, not {_type_name(value)}"
        )
    if value not in ConnectionStatus._value2member_map_:
        known = ", ".join(s.value for s in ConnectionStatus)
        raise ValueError(
            f"status must be one of {known}, got {value!r} "
            f"(pass ConnectionStatus({value!r}) to filter on a status this SDK does not know)"
        )
    return value


def positive_seconds(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ArgumentTypeError(f"{name} must be a number of seconds, not {_type_name(value)}")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
    if value > MAX_SECONDS:
        raise ValueError(f"{name} must be at most {MAX_SECONDS:g} seconds, got {value!r}")
    return float(value)


def optional_seconds(value: object, name: str) -> float | None:
    """`None` (no limit) or a positive number of seconds."""
    return None if value is None else positive_seconds(value, name)


def positive_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"{name} must be an int, not {_type_name(value)}")
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {value}")
    return value


def extra_mapping(value: object, name: str) -> Mapping[str, Any] | None:
    """`extra_query` / `extra_body`: a mapping with string keys, or `None`."""
    if value is None:
        return None
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise ArgumentTypeError(f"{name} must be a mapping with string keys")
    return value


def extra_headers(value: object) -> dict[str, str] | None:
    return headers(value, "extra_headers") if value is not None else None


def http_client_hint(value: object, expected: type) -> str:
    """Why `http_client` was refused, and what to pass instead."""
    module = type(value).__module__.partition(".")[0]
    if module == "httpx":
        return (
            f"http_client is an httpx.{type(value).__name__}, but waycore uses httpx2 (the "
            f"maintained continuation of httpx): pass an httpx2.{expected.__name__} instead"
        )
    return f"http_client must be an httpx2.{expected.__name__}, not {_type_name(value)}"


def timeout(value: object, name: str = "timeout") -> httpx2.Timeout:
    """A float (seconds) or a fully specified `httpx2.Timeout`; never "no timeout"."""
    if value is None:
        raise ValueError(f"{name} may not be None: every request needs a timeout")
    if isinstance(value, httpx2.Timeout):
        for phase in ("connect", "read", "write", "pool"):
            seconds = getattr(value, phase)
            if seconds is None or not 0 < seconds <= MAX_SECONDS:
                raise ValueError(
                    f"{name}.{phase} must be a positive number of seconds, at most {MAX_SECONDS:g}"
                )
        return value
    return httpx2.Timeout(positive_seconds(value, name))


def max_retries(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"max_retries must be an int, not {_type_name(value)}")
    if value < 0:
        raise ValueError(f"max_retries must be 0 or more, got {value}")
    return value


def api_key(value: object) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(f"api_key must be a string, not {_type_name(value)}")
    # Never echo the key: the message names the problem only.
    if any(c.isspace() or not c.isprintable() or not c.isascii() for c in value):
        raise ValueError("api_key contains whitespace or non-printable characters")
    return value


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    import ipaddress  # only constructors need it; keeps `import waycore` light

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def base_url(value: object) -> str:
    """An absolute http(s) URL without query or fragment; plain http only on loopback."""
    if not isinstance(value, str) or not value:
        raise ValueError("base_url must be a non-empty URL string")
    parts = _split_url(value, "base_url")
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"base_url must be an absolute http(s) URL, got {value!r}")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"base_url may not carry a query, fragment or credentials, got {value!r}")
    if scheme == "http" and not _is_loopback(parts.hostname):
        raise ValueError(
            f"base_url uses plain http:// for a non-loopback host ({parts.hostname}); "
            "use https:// so the API key is not sent in the clear"
        )
    try:
        httpx2.URL(value)
    except httpx2.InvalidURL as exc:
        raise ValueError(f"base_url is not a URL httpx2 can send to ({exc}): {value!r}") from None
    return value.rstrip("/")


_TOKEN_CHARS = frozenset(
    "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)


def headers(value: object, name: str = "default_headers") -> dict[str, str]:
    """Header names must be HTTP tokens and values printable ASCII (no CR/LF): a bad header
    would otherwise fail only when sent, looking like a network error."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ArgumentTypeError(f"{name} must be a mapping, not {_type_name(value)}")
    result: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, str):
            raise ArgumentTypeError(f"{name} keys and values must be strings")
        if not key or not set(key) <= _TOKEN_CHARS:
            raise ValueError(f"{name}: {key!r} is not a valid header name")
        if any(not (c == "\t" or " " <= c <= "~") for c in item):
            # The value is not echoed: it may be a credential.
            raise ValueError(f"{name}: the value of {key!r} has a control or non-ASCII character")
        result[key] = item
    return result
