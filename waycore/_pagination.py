"""One pager for every list: `Page[T]`, `Pager[T]` and `AsyncPager[T]`.

Pages are fetched lazily and only one is held at a time, so walking 100k items needs the
memory of one page. A walk refuses a cursor it has already seen, so a server that cycles
cursors (A → B → A) cannot make it loop forever.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, TypeVar

import attrs

from ._exceptions import WaycoreError
from ._models import ParseError, _fail, located_parser

_T = TypeVar("_T")

__all__ = ["AsyncPager", "CursorWalk", "Page", "Pager", "page_parser"]


@attrs.frozen(slots=True)
class Page(Generic[_T]):
    """One page of a list: its items, whether more follow, the cursor of the next page and
    the request id of the response that carried it."""

    data: list[_T]
    has_more: bool
    next_cursor: str | None
    request_id: str | None


def _request_id(envelope: dict[str, Any]) -> str | None:
    meta = envelope.get("meta")
    request_id = meta.get("requestId") if type(meta) is dict else None
    return request_id if type(request_id) is str else None


@functools.cache
def page_parser(item_type: Any) -> Callable[[object], Page[Any]]:
    """The parser of the list envelope `{data, pagination: {hasMore, nextCursor}, meta}`
    whose items are `item_type` (a model class or a registered union)."""

    def parse(data: Any) -> Page[Any]:
        if type(data) is not dict:
            _fail("", "an object", data)
        items = data.get("data")
        if type(items) is not list:
            _fail("data", "an array", items)
        pagination = data.get("pagination")
        if type(pagination) is not dict:
            _fail("pagination", "an object", pagination)
        has_more = pagination.get("hasMore")
        if type(has_more) is not bool:
            _fail("pagination.hasMore", "a boolean", has_more)
        next_cursor = pagination.get("nextCursor")
        if next_cursor is not None and type(next_cursor) is not str:
            _fail("pagination.nextCursor", "a string or null", next_cursor)
        if has_more and not next_cursor:
            raise ParseError("pagination.nextCursor", "a cursor when hasMore is true", "none")
        parse_item = located_parser(item_type)  # compiled on the first page
        parsed: list[Any] = []
        append = parsed.append
        for index, item in enumerate(items):
            try:
                append(parse_item(item, ""))
            except ParseError as exc:
                raise exc.under(f"data[{index}]") from None
        return Page(parsed, has_more, next_cursor, _request_id(data))

    return parse


class CursorWalk:
    """The cursors of one walk (a list's pages, or one `sync_pages` run): each page's cursor
    must be new to the walk, else the server would hand back the same data forever.

    The error never quotes the cursor: it is server-supplied text, and may echo anything.
    """

    def __init__(self, what: str = "pagination", start: str | None = None) -> None:
        self.what = what
        self.seen: set[str] = set() if start is None else {start}

    def next_cursor(self, page: Page[Any] | Any) -> str | None:
        """The cursor of the following page, or `None` after the last page."""
        if not page.has_more:
            return None
        cursor: str | None = page.next_cursor
        assert cursor is not None  # the parsers guarantee a cursor when hasMore is true
        if cursor in self.seen:
            raise WaycoreError(
                f"{self.what} did not advance: the server returned a nextCursor already "
                "returned in this walk (a server bug that would otherwise loop forever)"
            )
        self.seen.add(cursor)
        return cursor


class Pager(Generic[_T]):
    """Iterates over every item a `list()` matches, fetching pages as needed.

    The filters given to `list()` are repeated on every page. Example::

        for conn in client.connections.list(status="active", limit=500):
            print(conn.id)
        for page in client.connections.list().pages():   # page by page
            print(page.request_id, len(page.data))
    """

    def __init__(self, fetch: Callable[[str | None], Page[_T]]) -> None:
        self._fetch = fetch

    def pages(self) -> Iterator[Page[_T]]:
        """Each page in turn (`data`, `has_more`, `next_cursor`, `request_id`)."""
        walk = CursorWalk()
        cursor: str | None = None
        while True:
            page = self._fetch(cursor)
            yield page
            cursor = walk.next_cursor(page)
            if cursor is None:
                return

    def __iter__(self) -> Iterator[_T]:
        for page in self.pages():
            yield from page.data


class AsyncPager(Generic[_T]):
    """The async counterpart of `Pager`: use `async for`.

    Example::

        async for conn in aclient.connections.list(entity_id=entity):
            print(conn.id)
    """

    def __init__(self, fetch: Callable[[str | None], Awaitable[Page[_T]]]) -> None:
        self._fetch = fetch

    async def pages(self) -> AsyncIterator[Page[_T]]:
        """Each page in turn (`data`, `has_more`, `next_cursor`, `request_id`)."""
        walk = CursorWalk()
        cursor: str | None = None
        while True:
            page = await self._fetch(cursor)
            yield page
            cursor = walk.next_cursor(page)
            if cursor is None:
                return

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for page in self.pages():
            for item in page.data:
                yield item
