"""`client.institutions`: the catalog of banks Waycore connects to."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncInstitutions",
    "AsyncInstitutionsWithRawResponse",
    "Institutions",
    "InstitutionsWithRawResponse",
]


class Institutions:
    """`client.institutions`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncInstitutions:
    """`client.institutions`, awaitable. See `Institutions` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


class InstitutionsWithRawResponse:
    """`client.with_raw_response.institutions`: each method returns an `APIResponse`."""

    def __init__(self, institutions: Institutions) -> None:
        pass


class AsyncInstitutionsWithRawResponse:
    """`aclient.with_raw_response.institutions`: each method returns an `APIResponse`."""

    def __init__(self, institutions: AsyncInstitutions) -> None:
        pass
