import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.balance_list import BalanceList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
    connection_id: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    date_gte: datetime.date | Unset = UNSET,
    date_lt: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    json_entity_id: str | Unset = UNSET
    if not isinstance(entity_id, Unset):
        json_entity_id = str(entity_id)
    params["entityId"] = json_entity_id

    params["connectionId"] = connection_id

    params["accountId"] = account_id

    json_date_gte: str | Unset = UNSET
    if not isinstance(date_gte, Unset):
        json_date_gte = date_gte.isoformat()
    params["dateGte"] = json_date_gte

    json_date_lt: str | Unset = UNSET
    if not isinstance(date_lt, Unset):
        json_date_lt = date_lt.isoformat()
    params["dateLt"] = json_date_lt

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/balances",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | BalanceList | None:
    if response.status_code == 200:
        response_200 = BalanceList.from_dict(response.json())

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
) -> Response[Any | BalanceList]:
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
    entity_id: UUID | Unset = UNSET,
    connection_id: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    date_gte: datetime.date | Unset = UNSET,
    date_lt: datetime.date | Unset = UNSET,
) -> Response[Any | BalanceList]:
    """List Balances

     Projected daily balances visible to the API key, ordered by `date` descending, then
    `accountId` ascending. Rows are mutable projections: after a connection sync or a
    transaction backfill, fetch the dates you care about again. Only the Newest guide
    documents this endpoint: the pagination, the envelope, the filter types, whether
    `dateLt` is exclusive (its name says so) and the scope are not documented.

    Args:
        cursor (str | Unset):
        limit (int | Unset):
        entity_id (UUID | Unset):
        connection_id (str | Unset):
        account_id (str | Unset):
        date_gte (datetime.date | Unset):
        date_lt (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BalanceList]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        entity_id=entity_id,
        connection_id=connection_id,
        account_id=account_id,
        date_gte=date_gte,
        date_lt=date_lt,
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
    entity_id: UUID | Unset = UNSET,
    connection_id: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    date_gte: datetime.date | Unset = UNSET,
    date_lt: datetime.date | Unset = UNSET,
) -> Any | BalanceList | None:
    """List Balances

     Projected daily balances visible to the API key, ordered by `date` descending, then
    `accountId` ascending. Rows are mutable projections: after a connection sync or a
    transaction backfill, fetch the dates you care about again. Only the Newest guide
    documents this endpoint: the pagination, the envelope, the filter types, whether
    `dateLt` is exclusive (its name says so) and the scope are not documented.

    Args:
        cursor (str | Unset):
        limit (int | Unset):
        entity_id (UUID | Unset):
        connection_id (str | Unset):
        account_id (str | Unset):
        date_gte (datetime.date | Unset):
        date_lt (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BalanceList
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        entity_id=entity_id,
        connection_id=connection_id,
        account_id=account_id,
        date_gte=date_gte,
        date_lt=date_lt,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
    connection_id: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    date_gte: datetime.date | Unset = UNSET,
    date_lt: datetime.date | Unset = UNSET,
) -> Response[Any | BalanceList]:
    """List Balances

     Projected daily balances visible to the API key, ordered by `date` descending, then
    `accountId` ascending. Rows are mutable projections: after a connection sync or a
    transaction backfill, fetch the dates you care about again. Only the Newest guide
    documents this endpoint: the pagination, the envelope, the filter types, whether
    `dateLt` is exclusive (its name says so) and the scope are not documented.

    Args:
        cursor (str | Unset):
        limit (int | Unset):
        entity_id (UUID | Unset):
        connection_id (str | Unset):
        account_id (str | Unset):
        date_gte (datetime.date | Unset):
        date_lt (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BalanceList]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        entity_id=entity_id,
        connection_id=connection_id,
        account_id=account_id,
        date_gte=date_gte,
        date_lt=date_lt,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
    connection_id: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    date_gte: datetime.date | Unset = UNSET,
    date_lt: datetime.date | Unset = UNSET,
) -> Any | BalanceList | None:
    """List Balances

     Projected daily balances visible to the API key, ordered by `date` descending, then
    `accountId` ascending. Rows are mutable projections: after a connection sync or a
    transaction backfill, fetch the dates you care about again. Only the Newest guide
    documents this endpoint: the pagination, the envelope, the filter types, whether
    `dateLt` is exclusive (its name says so) and the scope are not documented.

    Args:
        cursor (str | Unset):
        limit (int | Unset):
        entity_id (UUID | Unset):
        connection_id (str | Unset):
        account_id (str | Unset):
        date_gte (datetime.date | Unset):
        date_lt (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BalanceList
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            entity_id=entity_id,
            connection_id=connection_id,
            account_id=account_id,
            date_gte=date_gte,
            date_lt=date_lt,
        )
    ).parsed
