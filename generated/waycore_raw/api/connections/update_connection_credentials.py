from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ready_connection import ReadyConnection
from ...models.setup_connection import SetupConnection
from ...models.update_credentials_request import UpdateCredentialsRequest
from ...types import Response


def _get_kwargs(
    connection_id: str,
    *,
    body: UpdateCredentialsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/connections/{connection_id}/credentials".format(
            connection_id=quote(str(connection_id), safe=""),
        ),
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
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCredentialsRequest,
) -> Response[Any | ReadyConnection | SetupConnection]:
    """Update Connection Credentials

     Hand over the delegated user's bank credentials. The password is accepted and never
    echoed back; it must never be logged or recorded.

    Args:
        connection_id (str):
        body (UpdateCredentialsRequest): Body of `PUT /v1/connections/{connectionId}/credentials`.
            Every field is optional. Example: {'bankUsername': 'acme_waycore', 'password':
            '<password>'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ReadyConnection | SetupConnection]
    """

    kwargs = _get_kwargs(
        connection_id=connection_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCredentialsRequest,
) -> Any | ReadyConnection | SetupConnection | None:
    """Update Connection Credentials

     Hand over the delegated user's bank credentials. The password is accepted and never
    echoed back; it must never be logged or recorded.

    Args:
        connection_id (str):
        body (UpdateCredentialsRequest): Body of `PUT /v1/connections/{connectionId}/credentials`.
            Every field is optional. Example: {'bankUsername': 'acme_waycore', 'password':
            '<password>'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ReadyConnection | SetupConnection
    """

    return sync_detailed(
        connection_id=connection_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCredentialsRequest,
) -> Response[Any | ReadyConnection | SetupConnection]:
    """Update Connection Credentials

     Hand over the delegated user's bank credentials. The password is accepted and never
    echoed back; it must never be logged or recorded.

    Args:
        connection_id (str):
        body (UpdateCredentialsRequest): Body of `PUT /v1/connections/{connectionId}/credentials`.
            Every field is optional. Example: {'bankUsername': 'acme_waycore', 'password':
            '<password>'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ReadyConnection | SetupConnection]
    """

    kwargs = _get_kwargs(
        connection_id=connection_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCredentialsRequest,
) -> Any | ReadyConnection | SetupConnection | None:
    """Update Connection Credentials

     Hand over the delegated user's bank credentials. The password is accepted and never
    echoed back; it must never be logged or recorded.

    Args:
        connection_id (str):
        body (UpdateCredentialsRequest): Body of `PUT /v1/connections/{connectionId}/credentials`.
            Every field is optional. Example: {'bankUsername': 'acme_waycore', 'password':
            '<password>'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ReadyConnection | SetupConnection
    """

    return (
        await asyncio_detailed(
            connection_id=connection_id,
            client=client,
            body=body,
        )
    ).parsed
