"""`client.transactions`: browse them, and follow the change feed."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Unpack

import httpx2

from .._models import parser_for
from .._operation import RequestOptions
from .._pagination import AsyncPager, Page, Pager, page_parser
from .._raw import async_to_raw, async_to_raw_page, to_raw, to_raw_page
from .._response import json_parser
from ..types.transaction import (
    Transaction,
    TransactionRail,
    TransactionStatus,
    TransactionSyncPage,
    TransactionSyncResponse,
)
from . import _transactions_calls as calls

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient
    from .._feed import AsyncTransactionFeed, CursorStore, TransactionFeed

__all__ = [
    "AsyncTransactions",
    "AsyncTransactionsWithRawResponse",
    "Transactions",
    "TransactionsWithRawResponse",
]

_parse_sync_body: Callable[[object], TransactionSyncResponse] = parser_for(TransactionSyncResponse)


def _parse_sync_page(data: object) -> TransactionSyncPage:
    return TransactionSyncPage.from_response(_parse_sync_body(data))


_transaction: Callable[[httpx2.Response], Transaction] = json_parser(parser_for(Transaction))
_page: Callable[[httpx2.Response], Page[Transaction]] = json_parser(page_parser(Transaction))
_sync: Callable[[httpx2.Response], TransactionSyncPage] = json_parser(_parse_sync_page)


class Transactions:
    """Transactions: browse them with `list()`, keep a mirror current with the change feed.

    Browse::

        for txn in client.transactions.list(account_id="acct_123", posted_date_gte="2024-05-01"):
            print(txn.posted_date, txn.amount, txn.description)   # date, Decimal, str

    Follow the feed (save the cursor only after a page is applied)::

        for page in client.transactions.sync_pages(cursor=saved_cursor):
            apply(page.events)
            save(page.next_cursor)

    Every method also takes `timeout=`, `deadline=`, `extra_headers=`, `extra_query=` and
    `extra_body=` (see `waycore.RequestOptions`).
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        account_id: str | None = None,
        connection_id: str | None = None,
        status: TransactionStatus | str | None = None,
        rail: TransactionRail | str | None = None,
        posted_date_gte: datetime.date | str | None = None,
        posted_date_lt: datetime.date | str | None = None,
        sort: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Pager[Transaction]:
        """Every matching transaction, fetched lazily page by page (`limit` per page, 1–500).

        `status` and `rail` take a member or any string; the posted dates a `datetime.date`
        or an ISO string (`posted_date_gte` inclusive, `posted_date_lt` exclusive); `sort`
        is one of `postedDate`, `-postedDate` (the API's default), `updatedAt`, `-updatedAt`.
        Arguments are checked now; nothing is sent until you iterate.
        """
        filters = calls.list_filters(
            account_id=account_id,
            connection_id=connection_id,
            status=status,
            rail=rail,
            posted_date_gte=posted_date_gte,
            posted_date_lt=posted_date_lt,
            sort=sort,
            limit=limit,
        )

        def fetch(cursor: str | None) -> Page[Transaction]:
            return self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return Pager(fetch)

    def retrieve(self, transaction_id: str, **options: Unpack[RequestOptions]) -> Transaction:
        """Fetch one transaction. Raises `NotFoundError` if it is missing or not visible."""
        return self._client._request(calls.retrieve(transaction_id), _transaction, options)

    def sync(
        self,
        *,
        cursor: str | None = None,
        account_id: str | None = None,
        connection_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> TransactionSyncPage:
        """One call to the change feed: the events after `cursor`.

        Without a cursor the API answers no events and sets the stream head: save its
        `next_cursor`, backfill with `list()`, then follow the feed from the cursor. Keep
        `account_id` / `connection_id` the same for the life of a cursor. Raises
        `CursorExpiredError` (start over) or `InvalidCursorError`.
        """
        call = calls.SYNC.page(
            calls.sync_filters(account_id=account_id, connection_id=connection_id, limit=limit),
            calls.sync_cursor(cursor),
        )
        return self._client._request(call, _sync, options)

    def sync_pages(
        self,
        *,
        cursor: str | None = None,
        account_id: str | None = None,
        connection_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Iterator[TransactionSyncPage]:
        """Every page available now, calling again at once while `has_more` is true.

        Yields each page, the last one (`has_more == False`) included, so you can apply it
        and only then persist `page.next_cursor`. Raises `WaycoreError` if the server hands
        back a cursor already used in this run while `has_more` is true (it would loop
        forever). Arguments are checked now; nothing is sent until you iterate.
        """
        filters = calls.sync_filters(
            account_id=account_id, connection_id=connection_id, limit=limit
        )
        start = calls.sync_cursor(cursor)

        def pages() -> Iterator[TransactionSyncPage]:
            walk = calls.sync_walk(start)
            current = start
            while True:
                page = self._client._request(calls.SYNC.page(filters, current), _sync, options)
                yield page
                current = walk.next_cursor(page)
                if current is None:
                    return

        return pages()

    def feed(
        self,
        store: CursorStore,
        *,
        account_id: str | None = None,
        connection_id: str | None = None,
    ) -> TransactionFeed:
        """A `TransactionFeed` keeping a mirror current, its cursor kept in `store`."""
        from .._feed import TransactionFeed  # loaded on first use: most users never mirror

        return TransactionFeed(self, store, account_id=account_id, connection_id=connection_id)


class AsyncTransactions:
    """`client.transactions`, awaitable. See `Transactions` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        account_id: str | None = None,
        connection_id: str | None = None,
        status: TransactionStatus | str | None = None,
        rail: TransactionRail | str | None = None,
        posted_date_gte: datetime.date | str | None = None,
        posted_date_lt: datetime.date | str | None = None,
        sort: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Transaction]:
        """Every matching transaction, fetched lazily: `async for txn in ....list()`."""
        filters = calls.list_filters(
            account_id=account_id,
            connection_id=connection_id,
            status=status,
            rail=rail,
            posted_date_gte=posted_date_gte,
            posted_date_lt=posted_date_lt,
            sort=sort,
            limit=limit,
        )

        async def fetch(cursor: str | None) -> Page[Transaction]:
            return await self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return AsyncPager(fetch)

    async def retrieve(self, transaction_id: str, **options: Unpack[RequestOptions]) -> Transaction:
        """Fetch one transaction. Raises `NotFoundError` if it is missing or not visible."""
        return await self._client._request(calls.retrieve(transaction_id), _transaction, options)

    async def sync(
        self,
        *,
        cursor: str | None = None,
        account_id: str | None = None,
        connection_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> TransactionSyncPage:
        """One call to the change feed; see `Transactions.sync`."""
        call = calls.SYNC.page(
            calls.sync_filters(account_id=account_id, connection_id=connection_id, limit=limit),
            calls.sync_cursor(cursor),
        )
        return await self._client._request(call, _sync, options)

    def sync_pages(
        self,
        *,
        cursor: str | None = None,
        account_id: str | None = None,
        connection_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[TransactionSyncPage]:
        """Every page available now: `async for page in ....sync_pages(cursor=...)`; see
        `Transactions.sync_pages`. Arguments are checked now."""
        filters = calls.sync_filters(
            account_id=account_id, connection_id=connection_id, limit=limit
        )
        start = calls.sync_cursor(cursor)

        async def pages() -> AsyncIterator[TransactionSyncPage]:
            walk = calls.sync_walk(start)
            current = start
            while True:
                call = calls.SYNC.page(filters, current)
                page = await self._client._request(call, _sync, options)
                yield page
                current = walk.next_cursor(page)
                if current is None:
                    return

        return pages()

    def feed(
        self,
        store: CursorStore,
        *,
        account_id: str | None = None,
        connection_id: str | None = None,
    ) -> AsyncTransactionFeed:
        """An `AsyncTransactionFeed` keeping a mirror current, its cursor kept in `store`."""
        from .._feed import AsyncTransactionFeed  # loaded on first use

        return AsyncTransactionFeed(self, store, account_id=account_id, connection_id=connection_id)


class TransactionsWithRawResponse:
    """`client.with_raw_response.transactions`: each method returns an `APIResponse`
    (`sync_pages` and `feed` make several calls, so they have no raw form)."""

    def __init__(self, transactions: Transactions) -> None:
        self.list = to_raw_page(transactions.list)
        self.retrieve = to_raw(transactions.retrieve)
        self.sync = to_raw(transactions.sync)


class AsyncTransactionsWithRawResponse:
    """`aclient.with_raw_response.transactions`: each method returns an `APIResponse`."""

    def __init__(self, transactions: AsyncTransactions) -> None:
        self.list = async_to_raw_page(transactions.list)
        self.retrieve = async_to_raw(transactions.retrieve)
        self.sync = async_to_raw(transactions.sync)
