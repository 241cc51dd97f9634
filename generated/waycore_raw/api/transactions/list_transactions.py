import datetime
from http import HTTPStatus
from typing import Any

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.transaction_list import TransactionList
from ...models.transaction_rail import TransactionRail
from ...models.transaction_sort import TransactionSort
from ...models.transaction_status import TransactionStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    account_id: str | Unset = UNSET,
    connection_id: str | Unset = UNSET,
    status: TransactionStatus | Unset = UNSET,
    rail: TransactionRail | Unset = UNSET,
    posted_date_gte: datetime.date | Unset = UNSET,
    posted_date_lt: datetime.date | Unset = UNSET,
    sort: TransactionSort | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    params["accountId"] = account_id

    params["connectionId"] = connection_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_rail: str | Unset = UNSET
    if not isinstance(rail, Unset):
        json_rail = rail.value

    params["rail"] = json_rail

    json_posted_date_gte: str | Unset = UNSET
    if not isinstance(posted_date_gte, Unset):
        json_posted_date_gte = posted_date_gte.isoformat()
    params["postedDateGte"] = json_posted_date_gte

    json_posted_date_lt: str | Unset = UNSET
    if not isinstance(posted_date_lt, Unset):
        json_posted_date_lt = posted_date_lt.isoformat()
    params["postedDateLt"] = json_posted_date_lt

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/transactions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | TransactionList | None:
    if response.status_code == 200:
        response_200 = TransactionList.from_dict(response.json())

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
) -> Response[Any | TransactionList]:
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
    account_id: str | Unset = UNSET,
    connection_id: str | Unset = UNSET,
    status: TransactionStatus | Unset = UNSET,
    rail: TransactionRail | Unset = UNSET,
    posted_date_gte: datetime.date | Unset = UNSET,
    posted_date_lt: datetime.date | Unset = UNSET,
    sort: TransactionSort | Unset = UNSET,
) -> Response[Any | TransactionList]:
    """List Transactions

     Historical browse of transactions. Stable ordering uses the chosen `sort` field with
    `id` as a tiebreaker. List cursors are valid only for the same query and sort order
    and cannot be used as sync cursors. Only a Legacy reference page exists; the Current
    and Newest guides agree on its filters and add the posted-date filters. The docs
    also show a `fields` sparse-fieldset parameter, which this SDK does not model.
    Scope `transactions:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        account_id (str | Unset):
        connection_id (str | Unset):
        status (TransactionStatus | Unset): Transaction status. Only `pending` and `posted` are
            emitted today; the rest are reserved. Example: posted.
        rail (TransactionRail | Unset): Payment rail. The documented list is truncated in every
            stored copy of the docs
            (after `fasterPayments` comes a value beginning with `c`): more values exist, and
            clients must keep values they do not know.
             Example: ach.
        posted_date_gte (datetime.date | Unset):
        posted_date_lt (datetime.date | Unset):
        sort (TransactionSort | Unset): Sort order of the transaction list; a leading `-` sorts
            descending. The default is `-postedDate`. Example: -postedDate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | TransactionList]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        account_id=account_id,
        connection_id=connection_id,
        status=status,
        rail=rail,
        posted_date_gte=posted_date_gte,
        posted_date_lt=posted_date_lt,
        sort=sort,
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
    account_id: str | Unset = UNSET,
    connection_id: str | Unset = UNSET,
    status: TransactionStatus | Unset = UNSET,
    rail: TransactionRail | Unset = UNSET,
    posted_date_gte: datetime.date | Unset = UNSET,
    posted_date_lt: datetime.date | Unset = UNSET,
    sort: TransactionSort | Unset = UNSET,
) -> Any | TransactionList | None:
    """List Transactions

     Historical browse of transactions. Stable ordering uses the chosen `sort` field with
    `id` as a tiebreaker. List cursors are valid only for the same query and sort order
    and cannot be used as sync cursors. Only a Legacy reference page exists; the Current
    and Newest guides agree on its filters and add the posted-date filters. The docs
    also show a `fields` sparse-fieldset parameter, which this SDK does not model.
    Scope `transactions:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        account_id (str | Unset):
        connection_id (str | Unset):
        status (TransactionStatus | Unset): Transaction status. Only `pending` and `posted` are
            emitted today; the rest are reserved. Example: posted.
        rail (TransactionRail | Unset): Payment rail. The documented list is truncated in every
            stored copy of the docs
            (after `fasterPayments` comes a value beginning with `c`): more values exist, and
            clients must keep values they do not know.
             Example: ach.
        posted_date_gte (datetime.date | Unset):
        posted_date_lt (datetime.date | Unset):
        sort (TransactionSort | Unset): Sort order of the transaction list; a leading `-` sorts
            descending. The default is `-postedDate`. Example: -postedDate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | TransactionList
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        account_id=account_id,
        connection_id=connection_id,
        status=status,
        rail=rail,
        posted_date_gte=posted_date_gte,
        posted_date_lt=posted_date_lt,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    account_id: str | Unset = UNSET,
    connection_id: str | Unset = UNSET,
    status: TransactionStatus | Unset = UNSET,
    rail: TransactionRail | Unset = UNSET,
    posted_date_gte: datetime.date | Unset = UNSET,
    posted_date_lt: datetime.date | Unset = UNSET,
    sort: TransactionSort | Unset = UNSET,
) -> Response[Any | TransactionList]:
    """List Transactions

     Historical browse of transactions. Stable ordering uses the chosen `sort` field with
    `id` as a tiebreaker. List cursors are valid only for the same query and sort order
    and cannot be used as sync cursors. Only a Legacy reference page exists; the Current
    and Newest guides agree on its filters and add the posted-date filters. The docs
    also show a `fields` sparse-fieldset parameter, which this SDK does not model.
    Scope `transactions:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        account_id (str | Unset):
        connection_id (str | Unset):
        status (TransactionStatus | Unset): Transaction status. Only `pending` and `posted` are
            emitted today; the rest are reserved. Example: posted.
        rail (TransactionRail | Unset): Payment rail. The documented list is truncated in every
            stored copy of the docs
            (after `fasterPayments` comes a value beginning with `c`): more values exist, and
            clients must keep values they do not know.
             Example: ach.
        posted_date_gte (datetime.date | Unset):
        posted_date_lt (datetime.date | Unset):
        sort (TransactionSort | Unset): Sort order of the transaction list; a leading `-` sorts
            descending. The default is `-postedDate`. Example: -postedDate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | TransactionList]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        account_id=account_id,
        connection_id=connection_id,
        status=status,
        rail=rail,
        posted_date_gte=posted_date_gte,
        posted_date_lt=posted_date_lt,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    account_id: str | Unset = UNSET,
    connection_id: str | Unset = UNSET,
    status: TransactionStatus | Unset = UNSET,
    rail: TransactionRail | Unset = UNSET,
    posted_date_gte: datetime.date | Unset = UNSET,
    posted_date_lt: datetime.date | Unset = UNSET,
    sort: TransactionSort | Unset = UNSET,
) -> Any | TransactionList | None:
    """List Transactions

     Historical browse of transactions. Stable ordering uses the chosen `sort` field with
    `id` as a tiebreaker. List cursors are valid only for the same query and sort order
    and cannot be used as sync cursors. Only a Legacy reference page exists; the Current
    and Newest guides agree on its filters and add the posted-date filters. The docs
    also show a `fields` sparse-fieldset parameter, which this SDK does not model.
    Scope `transactions:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        account_id (str | Unset):
        connection_id (str | Unset):
        status (TransactionStatus | Unset): Transaction status. Only `pending` and `posted` are
            emitted today; the rest are reserved. Example: posted.
        rail (TransactionRail | Unset): Payment rail. The documented list is truncated in every
            stored copy of the docs
            (after `fasterPayments` comes a value beginning with `c`): more values exist, and
            clients must keep values they do not know.
             Example: ach.
        posted_date_gte (datetime.date | Unset):
        posted_date_lt (datetime.date | Unset):
        sort (TransactionSort | Unset): Sort order of the transaction list; a leading `-` sorts
            descending. The default is `-postedDate`. Example: -postedDate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | TransactionList
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            account_id=account_id,
            connection_id=connection_id,
            status=status,
            rail=rail,
            posted_date_gte=posted_date_gte,
            posted_date_lt=posted_date_lt,
            sort=sort,
        )
    ).parsed
