"""`client.with_raw_response`: the same methods, returning `APIResponse[T]`.

Each wrapper runs the method with `raw_mode` set, so the client hands back the HTTP response
(with a `parse()` giving the usual value) instead of parsing it. Typed with `ParamSpec`, so the
wrapped method keeps its signature.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar, cast

from ._base_client import raw_mode
from ._pagination import AsyncPager, Page, Pager
from ._response import APIResponse

_P = ParamSpec("_P")
_R = TypeVar("_R")
_T = TypeVar("_T")


def to_raw(method: Callable[_P, _R]) -> Callable[_P, APIResponse[_R]]:
    """`method`, returning the `APIResponse` of its one request."""

    def raw(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        token = raw_mode.set(True)
        try:
            return cast(APIResponse[_R], method(*args, **kwargs))
        finally:
            raw_mode.reset(token)

    return raw


def async_to_raw(method: Callable[_P, Awaitable[_R]]) -> Callable[_P, Awaitable[APIResponse[_R]]]:
    """The awaitable twin of `to_raw`."""

    async def raw(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        token = raw_mode.set(True)
        try:
            return cast(APIResponse[_R], await method(*args, **kwargs))
        finally:
            raw_mode.reset(token)

    return raw


def to_raw_page(method: Callable[_P, Pager[_T]]) -> Callable[_P, APIResponse[Page[_T]]]:
    """A list method, returning the `APIResponse` of its first page."""

    def raw(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[Page[_T]]:
        pager = method(*args, **kwargs)  # arguments are checked here, outside raw mode
        token = raw_mode.set(True)
        try:
            return cast(APIResponse[Page[_T]], pager._fetch(None))
        finally:
            raw_mode.reset(token)

    return raw


def async_to_raw_page(
    method: Callable[_P, AsyncPager[_T]],
) -> Callable[_P, Awaitable[APIResponse[Page[_T]]]]:
    """The awaitable twin of `to_raw_page`."""

    async def raw(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[Page[_T]]:
        pager = method(*args, **kwargs)
        token = raw_mode.set(True)
        try:
            page: Any = await pager._fetch(None)
            return cast(APIResponse[Page[_T]], page)
        finally:
            raw_mode.reset(token)

    return raw
