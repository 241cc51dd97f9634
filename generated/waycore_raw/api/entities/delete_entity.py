from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import Response


def _get_kwargs(
    entity_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/entities/{entity_id}".format(
            entity_id=quote(str(entity_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | None:
    if response.status_code == 200:
        return None

    if response.status_code == 202:
        return None

    if response.status_code == 204:
        return None

    if response.status_code == 400:
        return None

    if response.status_code == 401:
        return None

    if response.status_code == 403:
        return None

    if response.status_code == 404:
        return None

    if response.status_code == 409:
        return None

    if response.status_code == 422:
        return None

    if response.status_code == 429:
        return None

    if response.status_code == 500:
        return None

    if response.status_code == 502:
        return None

    if response.status_code == 503:
        return None

    if response.status_code == 504:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    entity_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any]:
    """Delete Entity

     Hard-delete the entity and its public connections and related data, including
    linked accounts and transactions. Default entities managed by the organization
    cannot be deleted. May answer `409 Conflict` while one of the entity's connections is
    syncing. Only the guide documents this endpoint: the success status and body are not
    documented, so clients accept any of these 2xx and ignore a body. Scope
    `entities:write` (inferred).

    Args:
        entity_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        entity_id=entity_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    entity_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any]:
    """Delete Entity

     Hard-delete the entity and its public connections and related data, including
    linked accounts and transactions. Default entities managed by the organization
    cannot be deleted. May answer `409 Conflict` while one of the entity's connections is
    syncing. Only the guide documents this endpoint: the success status and body are not
    documented, so clients accept any of these 2xx and ignore a body. Scope
    `entities:write` (inferred).

    Args:
        entity_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        entity_id=entity_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
