"""Lazy iteration over every page of a cursor-paginated list.

Only one page is held at a time, so walking 100k connections needs the memory of one page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

from ._exceptions import WaycoreError
from ._parsing import ConnectionPage
from .types.connection import Connection

FetchPage = Callable[[str | None], ConnectionPage]
AsyncFetchPage = Callable[[str | None], Awaitable[ConnectionPage]]


def _next_cursor(page: ConnectionPage, cursor: str | None) -> str | None:
    """The cursor of the following page, or `None` after the last page."""
    if not page.has_more:
        return None
    if page.next_cursor == cursor:
        # A server bug that would otherwise loop forever.
        raise WaycoreError(f"pagination did not advance: nextCursor {cursor!r} was returned twice")
    return page.next_cursor


class ConnectionPager:
    """Iterates over every connection a `list()` matches, fetching pages as needed.

    Example::

        for conn in client.connections.list(status="active", limit=500):
            print(conn.id)
        for page in client.connections.list().pages():   # page by page
            print(page.request_id, len(page.data))
    """

    def __init__(self, fetch: FetchPage) -> None:
        self._fetch = fetch

    def pages(self) -> Iterator[ConnectionPage]:
        """Each page in turn (`data`, `has_more`, `next_cursor`, `request_id`)."""
        cursor: str | None = None
        while True:
            page = self._fetch(cursor)
            yield page
            cursor = _next_cursor(page, cursor)
            if cursor is None:
                return

    def __iter__(self) -> Iterator[Connection]:
        for page in self.pages():
            yield from page.data


class AsyncConnectionPager:
    """The async counterpart of `ConnectionPager`: use `async for`.

    Example::

        async for conn in aclient.connections.list(entity_id=entity):
            print(conn.id)
    """

    def __init__(self, fetch: AsyncFetchPage) -> None:
        self._fetch = fetch

    async def pages(self) -> AsyncIterator[ConnectionPage]:
        """Each page in turn (`data`, `has_more`, `next_cursor`, `request_id`)."""
        cursor: str | None = None
        while True:
            page = await self._fetch(cursor)
            yield page
            cursor = _next_cursor(page, cursor)
            if cursor is None:
                return

    async def __aiter__(self) -> AsyncIterator[Connection]:
        async for page in self.pages():
            for item in page.data:
                yield item
