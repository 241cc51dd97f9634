"""The exception tree. Every exception the SDK raises on purpose is a `WaycoreError`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx2

from ._constants import MAX_BODY_IN_MESSAGE
from ._redact import redact

if TYPE_CHECKING:
    from .types import Connection

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ConnectionStateError",
    "CursorExpiredError",
    "IdempotencyConflictError",
    "InternalServerError",
    "InvalidCursorError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "WaycoreError",
    "WebhookVerificationError",
]


class WaycoreError(Exception):
    """Base class of every error the SDK raises (argument errors are plain `ValueError`).

    Every one survives `pickle` (Celery, multiprocessing): the attributes are kept, except the
    `httpx2` request and response, which hold the API key in their headers and come back as
    `None`.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        state = {k: v for k, v in self.__dict__.items() if k not in _NOT_PICKLED}
        # A class combined by error code and status (see `_both`) is pickled as its two
        # parts: another process may not have built it yet.
        cls: Any = getattr(type(self), "_combined_of", None) or type(self)
        return (_unpickle, (cls, self.args, state))


_NOT_PICKLED = frozenset({"request", "response", "__traceback__"})


def _unpickle(
    cls: type[WaycoreError] | tuple[type[APIStatusError], type[APIStatusError]],
    args: tuple[Any, ...],
    state: dict[str, Any],
) -> Any:
    if isinstance(cls, tuple):
        cls = _both(*cls)
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    if isinstance(error, APIError):
        error.request = None  # type: ignore[assignment]
    if isinstance(error, APIResponseValidationError | APIStatusError):
        error.response = None  # type: ignore[assignment]
    return error


class APIError(WaycoreError):
    """A request to the API failed. `request` is the last `httpx2.Request` sent."""

    request: httpx2.Request

    def __init__(self, message: str, *, request: httpx2.Request) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """The API could not be reached (DNS, refused, reset) even after retries."""

    def __init__(self, message: str = "Connection error.", *, request: httpx2.Request) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out, even after retries."""

    def __init__(self, *, request: httpx2.Request) -> None:
        super().__init__("Request timed out.", request=request)


class APIResponseValidationError(APIError):
    """A 2xx response whose body the SDK could not read.

    Nothing is lost: `body` holds the payload (parsed JSON where it parses, else the text),
    so a created connection's id is still reachable::

        except waycore.APIResponseValidationError as e:
            conn_id = e.body.get("id") if isinstance(e.body, dict) else None
    """

    def __init__(self, message: str, *, response: httpx2.Response, body: object) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body


class APIStatusError(APIError):
    """The API answered with a 4xx or 5xx status.

    Attributes:
        status_code: the HTTP status.
        code: the error code from the body (`"not_found"`), or `None`.
        message: the body's message, or else the HTTP reason phrase.
        request_id: from the body (`error.requestId` / `meta.requestId`) or `x-request-id`.
        body: the response body, parsed JSON where it parses, else the text (`None` if empty).
        response: the `httpx2.Response`.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx2.Response,
        body: object,
        code: str | None,
        request_id: str | None,
    ) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.code = code
        self.request_id = request_id

    def __str__(self) -> str:
        parts = [f"Error code: {self.status_code}"]
        parts.append(f"{self.code}: {self.message}" if self.code else self.message)
        text = " - ".join(parts)
        if self.request_id:
            text += f" (request_id={self.request_id})"
        return text


class BadRequestError(APIStatusError):
    """400: the request was malformed."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, malformed, expired or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the API key lacks the scope for this call."""


class NotFoundError(APIStatusError):
    """404: no such resource, or not visible to this key."""


class ConflictError(APIStatusError):
    """409: e.g. a sync is already running."""


class IdempotencyConflictError(ConflictError):
    """409 answering a transfer create: the `Idempotency-Key` was already used with another
    request body. Use a new key for a new transfer, or the same body to replay the first."""


class CursorExpiredError(APIStatusError):
    """The change-feed cursor expired (error code `cursor_expired`, whatever the HTTP
    status): start over with `transactions.sync()` and a backfill (`feed.run` does this)."""


class InvalidCursorError(APIStatusError):
    """The change-feed cursor is not one the API issued for these filters (error code
    `invalid_cursor`, whatever the HTTP status)."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but its values were rejected."""


class RateLimitError(APIStatusError):
    """429: too many requests, even after retries."""


class InternalServerError(APIStatusError):
    """5xx: the API failed, even after retries."""


class ConnectionStateError(WaycoreError):
    """`wait_until_ready` met a state that waiting cannot fix (`revoked`, `reauthRequired`).

    `connection` is the connection as last fetched.
    """

    def __init__(self, message: str, *, connection: Connection) -> None:
        super().__init__(message)
        self.connection = connection


class WaitTimeoutError(WaycoreError):
    """`wait_until_ready` ran past its deadline. `connection` is the last one fetched."""

    def __init__(self, message: str, *, connection: Connection | None) -> None:
        super().__init__(message)
        self.connection = connection


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def decode_body(response: httpx2.Response) -> object:
    """The body as JSON where it parses, else as text; `None` when empty."""
    content = response.content
    if not content:
        return None
    try:
        return json.loads(content)
    except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        return response.text


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _error_fields(body: object) -> tuple[str | None, str | None, str | None]:
    """(code, message, request_id) from any of the error shapes seen in the wild."""
    if not isinstance(body, dict):
        return None, None, None
    inner = body.get("error")
    source: dict[str, Any] = inner if isinstance(inner, dict) else body
    code = _str_or_none(source.get("code"))
    message = _str_or_none(source.get("message"))
    if message is None and isinstance(inner, str):
        message = inner
    if message is None and "detail" in body:
        detail = body["detail"]
        message = detail if isinstance(detail, str) else json.dumps(detail, default=str)
    meta = body.get("meta")
    request_id = _str_or_none(source.get("requestId")) or (
        _str_or_none(meta.get("requestId")) if isinstance(meta, dict) else None
    )
    return code, message, request_id


def _redact_body(body: object, secrets: tuple[str, ...]) -> object:
    """The body with secrets masked in every string, keys included (a server echoing the
    password must not put it in `.body`, logs or pickles)."""
    if not any(secrets):
        return body
    if isinstance(body, str):
        return redact(body, secrets)
    if isinstance(body, list):
        return [_redact_body(item, secrets) for item in body]
    if isinstance(body, dict):
        return {redact(str(k), secrets): _redact_body(v, secrets) for k, v in body.items()}
    return body


# Error codes that name a condition users handle apart, whatever the HTTP status says.
_CODE_ERRORS: dict[str, type[APIStatusError]] = {
    "cursor_expired": CursorExpiredError,
    "invalid_cursor": InvalidCursorError,
}


def _both(by_code: type[APIStatusError], by_status: type[APIStatusError]) -> type[APIStatusError]:
    """A class that is both: `except CursorExpiredError` and `except NotFoundError` must each
    catch a 404 `cursor_expired`. Built once per pair, kept in this module's namespace."""
    if issubclass(by_code, by_status):
        return by_code
    name = f"{by_code.__name__}_{by_status.__name__}"
    combined = globals().get(name)
    if combined is None:
        combined = type(
            name,
            (by_code, by_status),
            {"__doc__": by_code.__doc__, "_combined_of": (by_code, by_status)},
        )
        combined.__module__ = __name__
        globals()[name] = combined
    result: type[APIStatusError] = combined
    return result


def make_status_error(
    response: httpx2.Response,
    *,
    secrets: tuple[str, ...] = (),
    status_errors: Mapping[int, type[APIStatusError]] | None = None,
) -> APIStatusError:
    """Map a 4xx/5xx response to its exception class. Pure: reads only `response`.

    `secrets` (the API key, a bank password) are masked in the message should the server
    echo them back. `status_errors` overrides the class for some statuses on one call (a 409
    answering a transfer create is an `IdempotencyConflictError`).
    """
    body = _redact_body(decode_body(response), secrets)
    code, message, request_id = _error_fields(body)
    if message is None:
        if isinstance(body, str) and body.strip():
            message = body.strip()
        else:
            message = response.reason_phrase or "Unknown error"
    # Mask before truncating, so a cut cannot leave part of a secret visible.
    message = redact(message, secrets)
    if len(message) > MAX_BODY_IN_MESSAGE:
        message = message[:MAX_BODY_IN_MESSAGE] + "…"
    if code is not None:
        code = redact(code, secrets)
    request_id = request_id or response.headers.get("x-request-id")
    if request_id is not None:
        request_id = redact(request_id, secrets)
    status = response.status_code
    cls = _STATUS_ERRORS.get(status, InternalServerError if status >= 500 else APIStatusError)
    if status_errors is not None:
        cls = status_errors.get(status, cls)
    by_code = _CODE_ERRORS.get(code or "")
    if by_code is not None:
        cls = _both(by_code, cls)
    return cls(message, response=response, body=body, code=code, request_id=request_id)


class WebhookVerificationError(WaycoreError):
    """A webhook delivery failed verification: answer it with a 4xx and do not process it.

    The message says which check failed (missing or malformed `Waycore-Signature` header,
    no matching signature, timestamp outside the tolerance window). It never contains the
    secret or any computed signature, so it is safe to log.
    """
