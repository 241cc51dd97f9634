from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.entity import Entity
from ...models.update_entity_request import UpdateEntityRequest
from ...types import Response


def _get_kwargs(
    entity_id: UUID,
    *,
    body: UpdateEntityRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/entities/{entity_id}".format(
            entity_id=quote(str(entity_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Entity | None:
    if response.status_code == 200:
        response_200 = Entity.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = response.json()
        return response_400

    if response.status_code == 401:
        response_401 = response.json()
        return response_401

    if response.status_code == 403:
        response_403 = response.json()
        return response_403

    if response.status_code == 404:
        response_404 = response.json()
        return response_404

    if response.status_code == 422:
        response_422 = response.json()
        return response_422

    if response.status_code == 429:
        response_429 = response.json()
        return response_429

    if response.status_code == 500:
        response_500 = response.json()
        return response_500

    if response.status_code == 502:
        response_502 = response.json()
        return response_502

    if response.status_code == 503:
        response_503 = response.json()
        return response_503

    if response.status_code == 504:
        response_504 = response.json()
        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Entity]:
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
    body: UpdateEntityRequest,
) -> Response[Any | Entity]:
    """Update Entity

     Update the contact emails for a canonical entity. The supplied list replaces the
    existing one. Scope `entities:write` (inferred).

    Args:
        entity_id (UUID):
        body (UpdateEntityRequest): Body of `PATCH /v1/entities/{entityId}`. The stored reference
            page lost its field
            names: the one documented element is a replacement list of contact email addresses,
            named `contactEmails` here after the response field (inferred). Whether it is
            required is not visible. The list replaces the old one; duplicates are removed
            case-insensitively; order is preserved; an empty array clears all contacts.
             Example: {'contactEmails': ['treasury@acme.example', 'cfo@acme.example']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Entity]
    """

    kwargs = _get_kwargs(
        entity_id=entity_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    entity_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateEntityRequest,
) -> Any | Entity | None:
    """Update Entity

     Update the contact emails for a canonical entity. The supplied list replaces the
    existing one. Scope `entities:write` (inferred).

    Args:
        entity_id (UUID):
        body (UpdateEntityRequest): Body of `PATCH /v1/entities/{entityId}`. The stored reference
            page lost its field
            names: the one documented element is a replacement list of contact email addresses,
            named `contactEmails` here after the response field (inferred). Whether it is
            required is not visible. The list replaces the old one; duplicates are removed
            case-insensitively; order is preserved; an empty array clears all contacts.
             Example: {'contactEmails': ['treasury@acme.example', 'cfo@acme.example']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Entity
    """

    return sync_detailed(
        entity_id=entity_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    entity_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateEntityRequest,
) -> Response[Any | Entity]:
    """Update Entity

     Update the contact emails for a canonical entity. The supplied list replaces the
    existing one. Scope `entities:write` (inferred).

    Args:
        entity_id (UUID):
        body (UpdateEntityRequest): Body of `PATCH /v1/entities/{entityId}`. The stored reference
            page lost its field
            names: the one documented element is a replacement list of contact email addresses,
            named `contactEmails` here after the response field (inferred). Whether it is
            required is not visible. The list replaces the old one; duplicates are removed
            case-insensitively; order is preserved; an empty array clears all contacts.
             Example: {'contactEmails': ['treasury@acme.example', 'cfo@acme.example']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Entity]
    """

    kwargs = _get_kwargs(
        entity_id=entity_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    entity_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateEntityRequest,
) -> Any | Entity | None:
    """Update Entity

     Update the contact emails for a canonical entity. The supplied list replaces the
    existing one. Scope `entities:write` (inferred).

    Args:
        entity_id (UUID):
        body (UpdateEntityRequest): Body of `PATCH /v1/entities/{entityId}`. The stored reference
            page lost its field
            names: the one documented element is a replacement list of contact email addresses,
            named `contactEmails` here after the response field (inferred). Whether it is
            required is not visible. The list replaces the old one; duplicates are removed
            case-insensitively; order is preserved; an empty array clears all contacts.
             Example: {'contactEmails': ['treasury@acme.example', 'cfo@acme.example']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Entity
    """

    return (
        await asyncio_detailed(
            entity_id=entity_id,
            client=client,
            body=body,
        )
    ).parsed
