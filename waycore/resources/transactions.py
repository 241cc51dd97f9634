"""`client.transactions`: browse them, and follow the change feed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncTransactions",
    "AsyncTransactionsWithRawResponse",
    "Transactions",
    "TransactionsWithRawResponse",
]


class Transactions:
    """`client.transactions`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncTransactions:
    """`client.transactions`, awaitable. See `Transactions` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


class TransactionsWithRawResponse:
    """`client.with_raw_response.transactions`: each method returns an `APIResponse`."""

    def __init__(self, transactions: Transactions) -> None:
        pass


class AsyncTransactionsWithRawResponse:
    """`aclient.with_raw_response.transactions`: each method returns an `APIResponse`."""

    def __init__(self, transactions: AsyncTransactions) -> None:
        pass
