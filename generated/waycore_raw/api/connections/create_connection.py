from http import HTTPStatus
from typing import Any

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_connection_request import CreateConnectionRequest
from ...models.ready_connection import ReadyConnection
from ...models.setup_connection import SetupConnection
from ...types import Response


def _get_kwargs(
    *,
    body: CreateConnectionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/connections",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ReadyConnection | SetupConnection | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ReadyConnection | SetupConnection:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_connection_resource_type_0 = (
                    ReadyConnection.from_dict(data)
                )

                return componentsschemas_connection_resource_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_connection_resource_type_1 = SetupConnection.from_dict(
                data
            )

            return componentsschemas_connection_resource_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 201:

        def _parse_response_201(data: object) -> ReadyConnection | SetupConnection:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_connection_resource_type_0 = (
                    ReadyConnection.from_dict(data)
                )

                return componentsschemas_connection_resource_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_connection_resource_type_1 = SetupConnection.from_dict(
                data
            )

            return componentsschemas_connection_resource_type_1

        response_201 = _parse_response_201(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = response.json()
        return response_409

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
) -> Response[Any | ReadyConnection | SetupConnection]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateConnectionRequest,
) -> Response[Any | ReadyConnection | SetupConnection]:
    """Create Connection

     Create or return a connection. If the entity already has a connection to the same
    institution or portal, the existing connection comes back. Scope `connections:write`.
    The reference page documents `200 OK`; a new connection may also come back as
    `201 Created`, so both are accepted.

    Args:
        body (CreateConnectionRequest): Body of `POST /v1/connections`. The reference page marks
            `institutionId` required,
            but the guides say a connection may be created from `portalUrl` alone for a bank not
            yet in the catalog; so `institutionId` is optional here and clients must send at least
            one of `institutionId` and `portalUrl`.
             Example: {'institutionId': 'chase', 'entityId': '3c90c3cc-0d44-4b50-8888-8dd25736052a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ReadyConnection | SetupConnection]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateConnectionRequest,
) -> Any | ReadyConnection | SetupConnection | None:
    """Create Connection

     Create or return a connection. If the entity already has a connection to the same
    institution or portal, the existing connection comes back. Scope `connections:write`.
    The reference page documents `200 OK`; a new connection may also come back as
    `201 Created`, so both are accepted.

    Args:
        body (CreateConnectionRequest): Body of `POST /v1/connections`. The reference page marks
            `institutionId` required,
            but the guides say a connection may be created from `portalUrl` alone for a bank not
            yet in the catalog; so `institutionId` is optional here and clients must send at least
            one of `institutionId` and `portalUrl`.
             Example: {'institutionId': 'chase', 'entityId': '3c90c3cc-0d44-4b50-8888-8dd25736052a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ReadyConnection | SetupConnection
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateConnectionRequest,
) -> Response[Any | ReadyConnection | SetupConnection]:
    """Create Connection

     Create or return a connection. If the entity already has a connection to the same
    institution or portal, the existing connection comes back. Scope `connections:write`.
    The reference page documents `200 OK`; a new connection may also come back as
    `201 Created`, so both are accepted.

    Args:
        body (CreateConnectionRequest): Body of `POST /v1/connections`. The reference page marks
            `institutionId` required,
            but the guides say a connection may be created from `portalUrl` alone for a bank not
            yet in the catalog; so `institutionId` is optional here and clients must send at least
            one of `institutionId` and `portalUrl`.
             Example: {'institutionId': 'chase', 'entityId': '3c90c3cc-0d44-4b50-8888-8dd25736052a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ReadyConnection | SetupConnection]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateConnectionRequest,
) -> Any | ReadyConnection | SetupConnection | None:
    """Create Connection

     Create or return a connection. If the entity already has a connection to the same
    institution or portal, the existing connection comes back. Scope `connections:write`.
    The reference page documents `200 OK`; a new connection may also come back as
    `201 Created`, so both are accepted.

    Args:
        body (CreateConnectionRequest): Body of `POST /v1/connections`. The reference page marks
            `institutionId` required,
            but the guides say a connection may be created from `portalUrl` alone for a bank not
            yet in the catalog; so `institutionId` is optional here and clients must send at least
            one of `institutionId` and `portalUrl`.
             Example: {'institutionId': 'chase', 'entityId': '3c90c3cc-0d44-4b50-8888-8dd25736052a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ReadyConnection | SetupConnection
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
