"""Turning a successful response into SDK values. Pure; shared by both clients."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TypeVar

import httpx2

from ._exceptions import APIResponseValidationError, decode_body
from ._parsing import ParseError

_T = TypeVar("_T")


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


def parse_optional_json(response: httpx2.Response, parser: Callable[[object], _T]) -> _T | None:
    """Like `parse_json`, but an empty 2xx body (e.g. 204) gives `None`."""
    if not response.content.strip():
        return None
    return parse_json(response, parser)


def ignore_body(response: httpx2.Response) -> None:
    """For calls whose response body is undocumented: the status alone is the answer."""
    return None
