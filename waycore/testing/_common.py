"""Helpers every sandbox resource shares: errors, ids, timestamps, JSON, limits, pagination.

A resource module builds its replies from these, so every resource answers errors, lists and
cursors the same way. Nothing here touches a socket or a lock.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import json
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, TypeVar

__all__ = [
    "UNSET",
    "ApiError",
    "Reply",
    "SortKey",
    "Unset",
    "error_reply",
    "format_timestamp",
    "is_uuid",
    "json_bytes",
    "json_reply",
    "new_id",
    "new_request_id",
    "paginate",
    "parse_json",
    "parse_limit",
    "redact",
    "utcnow",
    "validation_error",
]

LIST_LIMIT_MIN: Final = 1
LIST_LIMIT_MAX: Final = 500
LIST_LIMIT_DEFAULT: Final = 100
REDACTED: Final = "***"

# The canonical 8-4-4-4-12 form only: uuid.UUID() also accepts braces, URNs and bare hex,
# which JSON Schema's "uuid" format (what the spec promises) does not.
_UUID_RE: Final = re.compile(
    r"\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z"
)
# Digits only, and few of them: int() would accept "+5", " 5", "5_0" and 4300-digit strings.
_LIMIT_RE: Final = re.compile(r"\A[0-9]{1,4}\Z")

T = TypeVar("T")
#: Where an item sits in a listing; keys increase along the listing's order.
SortKey = int | tuple[int | str, ...]


class Unset(enum.Enum):
    """Marks a test-control argument that was not given (``None`` is a meaningful value)."""

    UNSET = enum.auto()


UNSET: Final = Unset.UNSET


class ApiError(Exception):
    """A request the API refuses; rendered as ``{"error": {"code", "message", "requestId"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        """Keep the HTTP status, the machine-readable code and the human message."""
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def validation_error(message: str) -> ApiError:
    """A 422 ``validation_error``: the body is JSON but not what the operation accepts."""
    return ApiError(422, "validation_error", message)


@dataclass
class Reply:
    """An HTTP response to write, or ``drop=True`` to close the connection without one."""

    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_type: str | None = None
    drop: bool = False
    close: bool = False
    request_id: str = ""

    def header_list(self, *, close: bool = False) -> list[tuple[str, str]]:
        """Every header to send, the same for the loopback server and the in-process one."""
        headers = [("x-request-id", self.request_id or new_request_id()), *self.headers]
        if self.content_type is not None and self.body:
            headers.append(("Content-Type", self.content_type))
        headers.append(("Content-Length", str(len(self.body))))
        if close or self.close:
            headers.append(("Connection", "close"))
        return headers


def new_id(prefix: str) -> str:
    """A fresh id as the API formats them: ``<prefix>_`` and 24 hex digits."""
    return f"{prefix}_{secrets.token_hex(12)}"


def new_request_id() -> str:
    """A fresh request id (``req_...``)."""
    return new_id("req")


def utcnow() -> datetime:
    """The current time, timezone-aware (UTC)."""
    return datetime.now(UTC)


def format_timestamp(value: datetime) -> str:
    """RFC 3339 in UTC with a ``Z`` suffix, millisecond precision."""
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def is_uuid(value: object) -> bool:
    """Whether ``value`` is a UUID string in the canonical 8-4-4-4-12 form."""
    return isinstance(value, str) and _UUID_RE.match(value) is not None


def json_bytes(value: object) -> bytes:
    """Compact JSON, the way the API writes it."""
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def json_reply(status: int, value: object) -> Reply:
    """A JSON response."""
    return Reply(status, json_bytes(value), content_type="application/json")


def error_reply(
    status: int,
    code: str,
    message: str,
    request_id: str,
    *,
    headers: list[tuple[str, str]] | None = None,
) -> Reply:
    """The API's error body, ``{"error": {"code", "message", "requestId"}}``."""
    body = {"error": {"code": code, "message": message, "requestId": request_id}}
    return Reply(
        status, json_bytes(body), list(headers or []), "application/json", request_id=request_id
    )


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(body: bytes) -> object:
    """Strict JSON: NaN and Infinity are refused, as every other JSON parser would."""
    return json.loads(body, parse_constant=_reject_constant)


def redact(value: Any) -> Any:
    """A copy of a JSON value with every non-null ``password`` replaced by ``"***"``."""
    if isinstance(value, dict):
        return {
            key: (
                REDACTED
                if isinstance(key, str) and key.lower() == "password" and item is not None
                else redact(item)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact(item) for item in value]
    return value


def parse_limit(
    query: Mapping[str, str],
    *,
    default: int = LIST_LIMIT_DEFAULT,
    minimum: int = LIST_LIMIT_MIN,
    maximum: int = LIST_LIMIT_MAX,
) -> int:
    """The ``limit`` query parameter, or ``default``; 400 ``invalid_limit`` when out of range."""
    raw = query.get("limit")
    if raw is None:
        return default
    if not _LIMIT_RE.match(raw) or not minimum <= int(raw) <= maximum:
        raise ApiError(
            400, "invalid_limit", f"limit must be an integer from {minimum} to {maximum}."
        )
    return int(raw)


def paginate(
    items: Iterable[T],
    *,
    query: Mapping[str, str],
    filters: Sequence[object],
    key: Callable[[T], SortKey],
    render: Callable[[T], Any],
    request_id: str,
    default_limit: int = LIST_LIMIT_DEFAULT,
    max_limit: int = LIST_LIMIT_MAX,
) -> dict[str, Any]:
    """One page of a list in the API's envelope: ``{"data", "pagination", "meta"}``.

    ``items`` are the matching items in the listing's order (an iterator is fine: it is
    consumed only up to the page's end); ``key(item)`` is a stable position that increases
    along that order and is unique (newest first: ``-seq``). The cursor holds the last key
    returned, so items created or removed between pages neither repeat nor shift the rest.
    ``filters`` are the (JSON-serialisable) filter values; a cursor is bound to them and is
    refused (400 ``invalid_cursor``) with other filters. ``limit`` and ``cursor`` are read
    from ``query``; ``render`` turns a page item into its JSON value (only page items are
    rendered, so a render that counts as a read sees exactly the returned items).
    """
    limit = parse_limit(query, default=default_limit, maximum=max_limit)
    bound = _filters_hash(filters)
    after = _decode_cursor(query["cursor"], bound) if "cursor" in query else None
    page: list[T] = []
    has_more = False
    for item in items:
        if after is not None and not _is_after(key(item), after):
            continue
        if len(page) == limit:
            has_more = True
            break
        page.append(item)
    next_cursor = _encode_cursor(key(page[-1]), bound) if has_more else None
    return {
        "data": [render(item) for item in page],
        "pagination": {"hasMore": has_more, "nextCursor": next_cursor},
        "meta": {"requestId": request_id},
    }


def _is_after(position: SortKey, cursor: SortKey) -> bool:
    try:
        return bool(position > cursor)  # type: ignore[operator]
    except TypeError:
        # A cursor of another listing (an int against a tuple key, say) fits nowhere.
        raise ApiError(400, "invalid_cursor", "The cursor is not valid.") from None


def _filters_hash(filters: Sequence[object]) -> str:
    canonical = json.dumps(list(filters), sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _encode_cursor(position: SortKey, filters_hash: str) -> str:
    payload = json.dumps({"b": position, "q": filters_hash}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, filters_hash: str) -> SortKey:
    invalid = ApiError(400, "invalid_cursor", "The cursor is not valid.")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
    except (ValueError, binascii.Error, RecursionError):
        raise invalid from None
    if not isinstance(payload, dict) or not isinstance(payload.get("q"), str):
        raise invalid
    position = payload.get("b")
    if isinstance(position, list) and all(
        type(part) is int or isinstance(part, str) for part in position
    ):
        position = tuple(position)
    elif type(position) is not int:
        raise invalid
    if payload["q"] != filters_hash:
        raise ApiError(
            400, "invalid_cursor", "The cursor belongs to a query with different filters."
        )
    result: SortKey = position
    return result
