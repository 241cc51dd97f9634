"""`client.accounts`: the bank accounts a connection reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["Accounts", "AccountsWithRawResponse", "AsyncAccounts", "AsyncAccountsWithRawResponse"]


class Accounts:
    """`client.accounts`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAccounts:
    """`client.accounts`, awaitable. See `Accounts` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


class AccountsWithRawResponse:
    """`client.with_raw_response.accounts`: each method returns an `APIResponse`."""

    def __init__(self, accounts: Accounts) -> None:
        pass


class AsyncAccountsWithRawResponse:
    """`aclient.with_raw_response.accounts`: each method returns an `APIResponse`."""

    def __init__(self, accounts: AsyncAccounts) -> None:
        pass
