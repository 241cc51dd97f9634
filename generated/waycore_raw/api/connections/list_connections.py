from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.connection_list import ConnectionList
from ...models.connection_status import ConnectionStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    status: ConnectionStatus | Unset = UNSET,
    institution_id: str | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["institutionId"] = institution_id

    json_entity_id: str | Unset = UNSET
    if not isinstance(entity_id, Unset):
        json_entity_id = str(entity_id)
    params["entityId"] = json_entity_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/connections",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ConnectionList | None:
    if response.status_code == 200:
        response_200 = ConnectionList.from_dict(response.json())

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
) -> Response[Any | ConnectionList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    status: ConnectionStatus | Unset = UNSET,
    institution_id: str | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
) -> Response[Any | ConnectionList]:
    """List Connections

     List connections, newest first, one page at a time. Pass `pagination.nextCursor`
    back as `cursor` with the same filters to read the next page; a cursor is valid
    only for the query that produced it. Scope `connections:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        status (ConnectionStatus | Unset): Lifecycle status. `draft` onboarding inputs incomplete;
            `pendingActivation` bank side
            done, Waycore activating; `active` syncing normally; `reauthRequired` bank
            authentication must be renewed; `errored` recoverable, Waycore retries; `paused`
            temporarily suspended; `revoked` access removed (terminal).
             Example: active.
        institution_id (str | Unset):
        entity_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConnectionList]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        status=status,
        institution_id=institution_id,
        entity_id=entity_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    status: ConnectionStatus | Unset = UNSET,
    institution_id: str | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
) -> Any | ConnectionList | None:
    """List Connections

     List connections, newest first, one page at a time. Pass `pagination.nextCursor`
    back as `cursor` with the same filters to read the next page; a cursor is valid
    only for the query that produced it. Scope `connections:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        status (ConnectionStatus | Unset): Lifecycle status. `draft` onboarding inputs incomplete;
            `pendingActivation` bank side
            done, Waycore activating; `active` syncing normally; `reauthRequired` bank
            authentication must be renewed; `errored` recoverable, Waycore retries; `paused`
            temporarily suspended; `revoked` access removed (terminal).
             Example: active.
        institution_id (str | Unset):
        entity_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConnectionList
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        status=status,
        institution_id=institution_id,
        entity_id=entity_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    status: ConnectionStatus | Unset = UNSET,
    institution_id: str | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
) -> Response[Any | ConnectionList]:
    """List Connections

     List connections, newest first, one page at a time. Pass `pagination.nextCursor`
    back as `cursor` with the same filters to read the next page; a cursor is valid
    only for the query that produced it. Scope `connections:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        status (ConnectionStatus | Unset): Lifecycle status. `draft` onboarding inputs incomplete;
            `pendingActivation` bank side
            done, Waycore activating; `active` syncing normally; `reauthRequired` bank
            authentication must be renewed; `errored` recoverable, Waycore retries; `paused`
            temporarily suspended; `revoked` access removed (terminal).
             Example: active.
        institution_id (str | Unset):
        entity_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConnectionList]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        status=status,
        institution_id=institution_id,
        entity_id=entity_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    status: ConnectionStatus | Unset = UNSET,
    institution_id: str | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
) -> Any | ConnectionList | None:
    """List Connections

     List connections, newest first, one page at a time. Pass `pagination.nextCursor`
    back as `cursor` with the same filters to read the next page; a cursor is valid
    only for the query that produced it. Scope `connections:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        status (ConnectionStatus | Unset): Lifecycle status. `draft` onboarding inputs incomplete;
            `pendingActivation` bank side
            done, Waycore activating; `active` syncing normally; `reauthRequired` bank
            authentication must be renewed; `errored` recoverable, Waycore retries; `paused`
            temporarily suspended; `revoked` access removed (terminal).
             Example: active.
        institution_id (str | Unset):
        entity_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConnectionList
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            status=status,
            institution_id=institution_id,
            entity_id=entity_id,
        )
    ).parsed
