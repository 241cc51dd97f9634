from http import HTTPStatus
from typing import Any

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.institution_list import InstitutionList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    query: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    params["query"] = query

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/institutions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | InstitutionList | None:
    if response.status_code == 200:
        response_200 = InstitutionList.from_dict(response.json())

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
) -> Response[Any | InstitutionList]:
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
    limit: int | Unset = UNSET,
    query: str | Unset = UNSET,
) -> Response[Any | InstitutionList]:
    """List Institutions

     Search the institution catalog by name or identifier (Newest: also by portal URL or
    portal domain), cursor-paginated. No reference page exists: the list envelope and
    the `cursor` and `limit` parameters are assumed from "cursor-paginated". A bank need
    not be in the catalog: create the connection from `portalUrl` instead. Scope
    `connections:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):
        query (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InstitutionList]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        query=query,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    query: str | Unset = UNSET,
) -> Any | InstitutionList | None:
    """List Institutions

     Search the institution catalog by name or identifier (Newest: also by portal URL or
    portal domain), cursor-paginated. No reference page exists: the list envelope and
    the `cursor` and `limit` parameters are assumed from "cursor-paginated". A bank need
    not be in the catalog: create the connection from `portalUrl` instead. Scope
    `connections:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):
        query (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InstitutionList
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        query=query,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    query: str | Unset = UNSET,
) -> Response[Any | InstitutionList]:
    """List Institutions

     Search the institution catalog by name or identifier (Newest: also by portal URL or
    portal domain), cursor-paginated. No reference page exists: the list envelope and
    the `cursor` and `limit` parameters are assumed from "cursor-paginated". A bank need
    not be in the catalog: create the connection from `portalUrl` instead. Scope
    `connections:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):
        query (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InstitutionList]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        query=query,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    query: str | Unset = UNSET,
) -> Any | InstitutionList | None:
    """List Institutions

     Search the institution catalog by name or identifier (Newest: also by portal URL or
    portal domain), cursor-paginated. No reference page exists: the list envelope and
    the `cursor` and `limit` parameters are assumed from "cursor-paginated". A bank need
    not be in the catalog: create the connection from `portalUrl` instead. Scope
    `connections:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):
        query (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InstitutionList
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            query=query,
        )
    ).parsed
