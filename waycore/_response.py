"""Turning a successful response into SDK values, and `APIResponse` for raw access. Pure;
shared by both clients."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import httpx2

from ._exceptions import APIResponseValidationError, decode_body
from ._models import ParseError

_T = TypeVar("_T")

__all__ = ["APIResponse", "ignore_body", "json_parser", "optional_json_parser", "parse_json"]


def parse_json(response: httpx2.Response, parser: Callable[[object], _T]) -> _T:
    """Decode the JSON body and parse it; any failure keeps the raw body on the error."""
    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError):
        raise APIResponseValidationError(
            f"The {response.status_code} response body is not valid JSON",
            response=response,
            body=decode_body(response),
        ) from None
    try:
        return parser(data)
    except (ParseError, RecursionError) as exc:
        raise APIResponseValidationError(
            f"The {response.status_code} response body has an unexpected shape: {exc}",
            response=response,
            body=data,
        ) from None


def json_parser(parser: Callable[[object], _T]) -> Callable[[httpx2.Response], _T]:
    """A response parser reading a JSON body with `parser`."""

    def parse(response: httpx2.Response) -> _T:
        return parse_json(response, parser)

    return parse


def optional_json_parser(parser: Callable[[object], _T]) -> Callable[[httpx2.Response], _T | None]:
    """Like `json_parser`, but an empty 2xx body (e.g. 204) gives `None`."""

    def parse(response: httpx2.Response) -> _T | None:
        if not response.content.strip():
            return None
        return parse_json(response, parser)

    return parse


def ignore_body(response: httpx2.Response) -> None:
    """For calls whose response body is undocumented: the status alone is the answer."""
    return None


class APIResponse(Generic[_T]):
    """The HTTP response of a call, from `client.with_raw_response.<resource>.<method>(...)`.

    Example::

        raw = client.with_raw_response.connections.retrieve("conn_123")
        print(raw.status_code, raw.request_id, raw.headers.get("Idempotent-Replayed"))
        conn = raw.parse()               # what connections.retrieve() would have returned
    """

    def __init__(self, response: httpx2.Response, parse: Callable[[httpx2.Response], _T]) -> None:
        self.http_response = response
        self._parse = parse

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx2.Headers:
        """The response headers (case-insensitive)."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The body's `meta.requestId`, else the `x-request-id` header."""
        try:
            body: Any = json.loads(self.http_response.content)
        except (ValueError, RecursionError):
            body = None
        meta = body.get("meta") if isinstance(body, dict) else None
        found = meta.get("requestId") if isinstance(meta, dict) else None
        if isinstance(found, str) and found:
            return found
        return self.http_response.headers.get("x-request-id")

    def parse(self) -> _T:
        """The value the method returns normally (raises `APIResponseValidationError` if the
        body cannot be read)."""
        return self._parse(self.http_response)

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {self.http_response.request.url.path}>"
