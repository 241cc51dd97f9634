from http import HTTPStatus
from typing import Any

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_list import AccountList
from ...models.account_status import AccountStatus
from ...models.account_type import AccountType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    connection_id: str | Unset = UNSET,
    type_: AccountType | Unset = UNSET,
    currency: str | Unset = UNSET,
    status: AccountStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    params["connectionId"] = connection_id

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["currency"] = currency

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/accounts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountList | Any | None:
    if response.status_code == 200:
        response_200 = AccountList.from_dict(response.json())

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
) -> Response[AccountList | Any]:
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
    connection_id: str | Unset = UNSET,
    type_: AccountType | Unset = UNSET,
    currency: str | Unset = UNSET,
    status: AccountStatus | Unset = UNSET,
) -> Response[AccountList | Any]:
    """List Accounts

     List accounts, one page at a time. Pass `pagination.nextCursor` back as `cursor` with
    the same filters. Scope `accounts:read`. The docs also show a `fields` sparse-fieldset
    parameter, which this SDK does not model.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        connection_id (str | Unset):
        type_ (AccountType | Unset): Canonical account type. Current and Newest list
            `moneyMarket`; Legacy does not.
             Example: checking.
        currency (str | Unset):
        status (AccountStatus | Unset): Account status. Example: open.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountList | Any]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        connection_id=connection_id,
        type_=type_,
        currency=currency,
        status=status,
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
    connection_id: str | Unset = UNSET,
    type_: AccountType | Unset = UNSET,
    currency: str | Unset = UNSET,
    status: AccountStatus | Unset = UNSET,
) -> AccountList | Any | None:
    """List Accounts

     List accounts, one page at a time. Pass `pagination.nextCursor` back as `cursor` with
    the same filters. Scope `accounts:read`. The docs also show a `fields` sparse-fieldset
    parameter, which this SDK does not model.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        connection_id (str | Unset):
        type_ (AccountType | Unset): Canonical account type. Current and Newest list
            `moneyMarket`; Legacy does not.
             Example: checking.
        currency (str | Unset):
        status (AccountStatus | Unset): Account status. Example: open.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountList | Any
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        connection_id=connection_id,
        type_=type_,
        currency=currency,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    connection_id: str | Unset = UNSET,
    type_: AccountType | Unset = UNSET,
    currency: str | Unset = UNSET,
    status: AccountStatus | Unset = UNSET,
) -> Response[AccountList | Any]:
    """List Accounts

     List accounts, one page at a time. Pass `pagination.nextCursor` back as `cursor` with
    the same filters. Scope `accounts:read`. The docs also show a `fields` sparse-fieldset
    parameter, which this SDK does not model.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        connection_id (str | Unset):
        type_ (AccountType | Unset): Canonical account type. Current and Newest list
            `moneyMarket`; Legacy does not.
             Example: checking.
        currency (str | Unset):
        status (AccountStatus | Unset): Account status. Example: open.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountList | Any]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        connection_id=connection_id,
        type_=type_,
        currency=currency,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    connection_id: str | Unset = UNSET,
    type_: AccountType | Unset = UNSET,
    currency: str | Unset = UNSET,
    status: AccountStatus | Unset = UNSET,
) -> AccountList | Any | None:
    """List Accounts

     List accounts, one page at a time. Pass `pagination.nextCursor` back as `cursor` with
    the same filters. Scope `accounts:read`. The docs also show a `fields` sparse-fieldset
    parameter, which this SDK does not model.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        connection_id (str | Unset):
        type_ (AccountType | Unset): Canonical account type. Current and Newest list
            `moneyMarket`; Legacy does not.
             Example: checking.
        currency (str | Unset):
        status (AccountStatus | Unset): Account status. Example: open.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountList | Any
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            connection_id=connection_id,
            type_=type_,
            currency=currency,
            status=status,
        )
    ).parsed
