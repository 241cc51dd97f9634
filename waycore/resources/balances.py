"""`client.balances`: daily balances of the accounts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncBalances", "AsyncBalancesWithRawResponse", "Balances", "BalancesWithRawResponse"]


class Balances:
    """`client.balances`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncBalances:
    """`client.balances`, awaitable. See `Balances` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


class BalancesWithRawResponse:
    """`client.with_raw_response.balances`: each method returns an `APIResponse`."""

    def __init__(self, balances: Balances) -> None:
        pass


class AsyncBalancesWithRawResponse:
    """`aclient.with_raw_response.balances`: each method returns an `APIResponse`."""

    def __init__(self, balances: AsyncBalances) -> None:
        pass
