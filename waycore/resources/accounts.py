"""`client.accounts`: the bank accounts a connection reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Unpack

import httpx2

from .._models import parser_for
from .._operation import RequestOptions
from .._pagination import AsyncPager, Page, Pager, page_parser
from .._raw import async_to_raw, async_to_raw_page, to_raw, to_raw_page
from .._response import json_parser
from ..types.account import Account, AccountStatus, AccountType
from . import _accounts_calls as calls

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["Accounts", "AccountsWithRawResponse", "AsyncAccounts", "AsyncAccountsWithRawResponse"]

_account: Callable[[httpx2.Response], Account] = json_parser(parser_for(Account))
_page: Callable[[httpx2.Response], Page[Account]] = json_parser(page_parser(Account))


class Accounts:
    """The bank accounts discovered on your connections.

    Example::

        for account in client.accounts.list(connection_id="conn_123", type="checking"):
            print(account.name, account.current_balance)   # a Decimal, or None

    Every method also takes `timeout=`, `deadline=`, `extra_headers=`, `extra_query=` and
    `extra_body=` (see `waycore.RequestOptions`).
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        connection_id: str | None = None,
        type: AccountType | str | None = None,
        currency: str | None = None,
        status: AccountStatus | str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Pager[Account]:
        """Every matching account, fetched lazily page by page (`limit` per page, 1–500).

        `type` and `status` take a member or any string (values newer than this SDK pass
        through); `currency` is a code such as `"USD"` (3–12 of `A-Z0-9`). Arguments are
        checked now; nothing is sent until you iterate.
        """
        filters = calls.list_filters(
            connection_id=connection_id, type=type, currency=currency, status=status, limit=limit
        )

        def fetch(cursor: str | None) -> Page[Account]:
            return self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return Pager(fetch)

    def retrieve(self, account_id: str, **options: Unpack[RequestOptions]) -> Account:
        """Fetch one account. Raises `NotFoundError` if it is missing or not visible."""
        return self._client._request(calls.retrieve(account_id), _account, options)


class AsyncAccounts:
    """`client.accounts`, awaitable. See `Accounts` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        connection_id: str | None = None,
        type: AccountType | str | None = None,
        currency: str | None = None,
        status: AccountStatus | str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Account]:
        """Every matching account, fetched lazily: `async for account in ....list()`."""
        filters = calls.list_filters(
            connection_id=connection_id, type=type, currency=currency, status=status, limit=limit
        )

        async def fetch(cursor: str | None) -> Page[Account]:
            return await self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return AsyncPager(fetch)

    async def retrieve(self, account_id: str, **options: Unpack[RequestOptions]) -> Account:
        """Fetch one account. Raises `NotFoundError` if it is missing or not visible."""
        return await self._client._request(calls.retrieve(account_id), _account, options)


class AccountsWithRawResponse:
    """`client.with_raw_response.accounts`: each method returns an `APIResponse`."""

    def __init__(self, accounts: Accounts) -> None:
        self.list = to_raw_page(accounts.list)
        self.retrieve = to_raw(accounts.retrieve)


class AsyncAccountsWithRawResponse:
    """`aclient.with_raw_response.accounts`: each method returns an `APIResponse`."""

    def __init__(self, accounts: AsyncAccounts) -> None:
        self.list = async_to_raw_page(accounts.list)
        self.retrieve = async_to_raw(accounts.retrieve)
