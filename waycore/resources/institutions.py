"""`client.institutions`: the catalog of banks Waycore connects to."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Unpack

import httpx2

from .._models import parser_for
from .._operation import RequestOptions
from .._pagination import AsyncPager, Page, Pager, page_parser
from .._raw import async_to_raw, async_to_raw_page, to_raw, to_raw_page
from .._response import json_parser
from ..types.institution import Institution
from . import _institutions_calls as calls

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncInstitutions",
    "AsyncInstitutionsWithRawResponse",
    "Institutions",
    "InstitutionsWithRawResponse",
]

_institution: Callable[[httpx2.Response], Institution] = json_parser(parser_for(Institution))
_page: Callable[[httpx2.Response], Page[Institution]] = json_parser(page_parser(Institution))


class Institutions:
    """The institution catalog: find the `institution_id` to create a connection with.

    Example::

        for bank in client.institutions.list(query="chase"):
            print(bank.institution_id, bank.name)

    A bank missing from the catalog can still be connected from its portal URL
    (`client.connections.create(..., portal_url=...)`). Every method also takes `timeout=`,
    `deadline=`, `extra_headers=`, `extra_query=` and `extra_body=`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        query: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Pager[Institution]:
        """Institutions matching `query` (name, id, portal URL or domain), fetched lazily
        page by page (`limit` per page, 1–500). Arguments are checked now."""
        filters = calls.list_filters(query=query, limit=limit)

        def fetch(cursor: str | None) -> Page[Institution]:
            return self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return Pager(fetch)

    def retrieve(self, institution_id: str, **options: Unpack[RequestOptions]) -> Institution:
        """Fetch one institution by its id (a slug such as `"chase"`)."""
        return self._client._request(calls.retrieve(institution_id), _institution, options)


class AsyncInstitutions:
    """`client.institutions`, awaitable. See `Institutions` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        query: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Institution]:
        """Institutions matching `query`, fetched lazily: `async for bank in ....list()`."""
        filters = calls.list_filters(query=query, limit=limit)

        async def fetch(cursor: str | None) -> Page[Institution]:
            return await self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return AsyncPager(fetch)

    async def retrieve(self, institution_id: str, **options: Unpack[RequestOptions]) -> Institution:
        """Fetch one institution by its id (a slug such as `"chase"`)."""
        return await self._client._request(calls.retrieve(institution_id), _institution, options)


class InstitutionsWithRawResponse:
    """`client.with_raw_response.institutions`: each method returns an `APIResponse`."""

    def __init__(self, institutions: Institutions) -> None:
        self.list = to_raw_page(institutions.list)
        self.retrieve = to_raw(institutions.retrieve)


class AsyncInstitutionsWithRawResponse:
    """`aclient.with_raw_response.institutions`: each method returns an `APIResponse`."""

    def __init__(self, institutions: AsyncInstitutions) -> None:
        self.list = async_to_raw_page(institutions.list)
        self.retrieve = async_to_raw(institutions.retrieve)
