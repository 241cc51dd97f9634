"""`client.entities`: create, retrieve, list, update and delete the entities that own
connections."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncEntities", "AsyncEntitiesWithRawResponse", "Entities", "EntitiesWithRawResponse"]


class Entities:
    """`client.entities`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncEntities:
    """`client.entities`, awaitable. See `Entities` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


class EntitiesWithRawResponse:
    """`client.with_raw_response.entities`: each method returns an `APIResponse`."""

    def __init__(self, entities: Entities) -> None:
        pass


class AsyncEntitiesWithRawResponse:
    """`aclient.with_raw_response.entities`: each method returns an `APIResponse`."""

    def __init__(self, entities: AsyncEntities) -> None:
        pass
