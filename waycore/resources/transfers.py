"""`client.transfers`: move money, safely retried with idempotency keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncTransfers",
    "AsyncTransfersWithRawResponse",
    "Transfers",
    "TransfersWithRawResponse",
]


class Transfers:
    """`client.transfers`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncTransfers:
    """`client.transfers`, awaitable. See `Transfers` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


class TransfersWithRawResponse:
    """`client.with_raw_response.transfers`: each method returns an `APIResponse`."""

    def __init__(self, transfers: Transfers) -> None:
        pass


class AsyncTransfersWithRawResponse:
    """`aclient.with_raw_response.transfers`: each method returns an `APIResponse`."""

    def __init__(self, transfers: AsyncTransfers) -> None:
        pass
