"""`client.entities`: create, retrieve, list, update and delete the entities that own
connections."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Unpack

import httpx2

from .._models import parser_for
from .._operation import RequestOptions
from .._pagination import AsyncPager, Page, Pager, page_parser
from .._raw import async_to_raw, async_to_raw_page, to_raw, to_raw_page
from .._response import ignore_body, json_parser
from ..types.entity import Entity
from . import _entities_calls as calls

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncEntities", "AsyncEntitiesWithRawResponse", "Entities", "EntitiesWithRawResponse"]

_entity: Callable[[httpx2.Response], Entity] = json_parser(parser_for(Entity))
_page: Callable[[httpx2.Response], Page[Entity]] = json_parser(page_parser(Entity))


class Entities:
    """Entities: the businesses (your customers, or your own organization) that own
    connections.

    Example::

        entity = client.entities.create(external_entity_id="acme-corp-001", name="Acme Corp")
        client.entities.update(entity.entity_id, contact_emails=["treasury@acme.example"])

    Every method also takes `timeout=`, `deadline=`, `extra_headers=`, `extra_query=` and
    `extra_body=` (see `waycore.RequestOptions`).
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        *,
        external_entity_id: str,
        name: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Entity:
        """Create an entity for `external_entity_id`, your own stable id for the customer.

        Not retried after a timeout or a 5xx (it may have been created): on such an error,
        look it up with `list(external_entity_id=...)` before creating it again.
        """
        call = calls.create(external_entity_id=external_entity_id, name=name, metadata=metadata)
        return self._client._request(call, _entity, options)

    def retrieve(self, entity_id: str | uuid.UUID, **options: Unpack[RequestOptions]) -> Entity:
        """Fetch one entity by its UUID. Raises `NotFoundError` if it does not exist."""
        return self._client._request(calls.retrieve(entity_id), _entity, options)

    def list(
        self,
        *,
        external_entity_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Pager[Entity]:
        """Every entity visible to you (or the one with `external_entity_id`), fetched
        lazily page by page (`limit` per page, 1–500). Arguments are checked now."""
        filters = calls.list_filters(external_entity_id=external_entity_id, limit=limit)

        def fetch(cursor: str | None) -> Page[Entity]:
            return self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return Pager(fetch)

    def update(
        self,
        entity_id: str | uuid.UUID,
        *,
        contact_emails: Sequence[str],
        **options: Unpack[RequestOptions],
    ) -> Entity:
        """Replace the entity's contact emails (at most 100; `[]` clears them).

        The people Waycore reaches when one of the entity's connections needs attention.
        """
        call = calls.update(entity_id, contact_emails=contact_emails)
        return self._client._request(call, _entity, options)

    def delete(self, entity_id: str | uuid.UUID, **options: Unpack[RequestOptions]) -> None:
        """Delete the entity with its connections, accounts and transactions.

        Raises `ConflictError` while one of its connections is syncing.
        """
        return self._client._request(calls.delete(entity_id), ignore_body, options)


class AsyncEntities:
    """`client.entities`, awaitable. See `Entities` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(
        self,
        *,
        external_entity_id: str,
        name: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Entity:
        """Create an entity for `external_entity_id` (not retried once it may have arrived)."""
        call = calls.create(external_entity_id=external_entity_id, name=name, metadata=metadata)
        return await self._client._request(call, _entity, options)

    async def retrieve(
        self, entity_id: str | uuid.UUID, **options: Unpack[RequestOptions]
    ) -> Entity:
        """Fetch one entity by its UUID. Raises `NotFoundError` if it does not exist."""
        return await self._client._request(calls.retrieve(entity_id), _entity, options)

    def list(
        self,
        *,
        external_entity_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Entity]:
        """Every matching entity, fetched lazily: `async for entity in ....list()`."""
        filters = calls.list_filters(external_entity_id=external_entity_id, limit=limit)

        async def fetch(cursor: str | None) -> Page[Entity]:
            return await self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return AsyncPager(fetch)

    async def update(
        self,
        entity_id: str | uuid.UUID,
        *,
        contact_emails: Sequence[str],
        **options: Unpack[RequestOptions],
    ) -> Entity:
        """Replace the entity's contact emails (at most 100; `[]` clears them)."""
        call = calls.update(entity_id, contact_emails=contact_emails)
        return await self._client._request(call, _entity, options)

    async def delete(self, entity_id: str | uuid.UUID, **options: Unpack[RequestOptions]) -> None:
        """Delete the entity with its connections (`ConflictError` while one syncs)."""
        return await self._client._request(calls.delete(entity_id), ignore_body, options)


class EntitiesWithRawResponse:
    """`client.with_raw_response.entities`: each method returns an `APIResponse`."""

    def __init__(self, entities: Entities) -> None:
        self.create = to_raw(entities.create)
        self.retrieve = to_raw(entities.retrieve)
        self.list = to_raw_page(entities.list)
        self.update = to_raw(entities.update)
        self.delete = to_raw(entities.delete)


class AsyncEntitiesWithRawResponse:
    """`aclient.with_raw_response.entities`: each method returns an `APIResponse`."""

    def __init__(self, entities: AsyncEntities) -> None:
        self.create = async_to_raw(entities.create)
        self.retrieve = async_to_raw(entities.retrieve)
        self.list = async_to_raw_page(entities.list)
        self.update = async_to_raw(entities.update)
        self.delete = async_to_raw(entities.delete)
