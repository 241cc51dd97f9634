"""`client.balances`: daily balances of the accounts."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Unpack

import httpx2

from .._operation import RequestOptions
from .._pagination import AsyncPager, Page, Pager, page_parser
from .._raw import async_to_raw_page, to_raw_page
from .._response import json_parser
from ..types.balance import Balance
from . import _balances_calls as calls

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncBalances", "AsyncBalancesWithRawResponse", "Balances", "BalancesWithRawResponse"]

_page: Callable[[httpx2.Response], Page[Balance]] = json_parser(page_parser(Balance))


class Balances:
    """End-of-day balances, one row per account and date (newest date first).

    Example::

        rows = client.balances.list(account_id="acct_123", date_gte="2024-05-01",
                                    date_lt=datetime.date(2024, 6, 1))
        for row in rows:
            print(row.date, row.ledger_balance)          # a date, a Decimal

    Rows are recomputed after syncs and backfills: fetch the dates you need again. Every method
    also takes `timeout=`, `deadline=`, `extra_headers=`, `extra_query=` and `extra_body=`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        entity_id: str | uuid.UUID | None = None,
        connection_id: str | None = None,
        account_id: str | None = None,
        date_gte: datetime.date | str | None = None,
        date_lt: datetime.date | str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Pager[Balance]:
        """Every matching balance row, fetched lazily page by page (`limit` per page, 1–500).

        `date_gte` (inclusive) and `date_lt` (exclusive) take a `datetime.date` or an ISO
        `"YYYY-MM-DD"` string; `date_gte` may not be after `date_lt`. Arguments are checked
        now; nothing is sent until you iterate.
        """
        filters = calls.list_filters(
            entity_id=entity_id,
            connection_id=connection_id,
            account_id=account_id,
            date_gte=date_gte,
            date_lt=date_lt,
            limit=limit,
        )

        def fetch(cursor: str | None) -> Page[Balance]:
            return self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return Pager(fetch)


class AsyncBalances:
    """`client.balances`, awaitable. See `Balances` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        entity_id: str | uuid.UUID | None = None,
        connection_id: str | None = None,
        account_id: str | None = None,
        date_gte: datetime.date | str | None = None,
        date_lt: datetime.date | str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Balance]:
        """Every matching balance row, fetched lazily: `async for row in ....list()`."""
        filters = calls.list_filters(
            entity_id=entity_id,
            connection_id=connection_id,
            account_id=account_id,
            date_gte=date_gte,
            date_lt=date_lt,
            limit=limit,
        )

        async def fetch(cursor: str | None) -> Page[Balance]:
            return await self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return AsyncPager(fetch)


class BalancesWithRawResponse:
    """`client.with_raw_response.balances`: each method returns an `APIResponse`."""

    def __init__(self, balances: Balances) -> None:
        self.list = to_raw_page(balances.list)


class AsyncBalancesWithRawResponse:
    """`aclient.with_raw_response.balances`: each method returns an `APIResponse`."""

    def __init__(self, balances: AsyncBalances) -> None:
        self.list = async_to_raw_page(balances.list)
