from http import HTTPStatus
from typing import Any

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.transaction_sync_page import TransactionSyncPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    account_id: str | Unset = UNSET,
    connection_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    params["accountId"] = account_id

    params["connectionId"] = connection_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/transactions/sync",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | TransactionSyncPage | None:
    if response.status_code == 200:
        response_200 = TransactionSyncPage.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = response.json()
        return response_409

    if response.status_code == 410:
        response_410 = response.json()
        return response_410

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
) -> Response[Any | TransactionSyncPage]:
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
) -> Response[Any | TransactionSyncPage]:
    """Sync Transactions

     The change feed for keeping a current mirror (not an immutable history log), ordered
    by the server's sync cursor ascending. Call without a cursor first: that answers zero
    events by design and only sets the stream head; save `nextCursor`, backfill through
    `GET /v1/transactions`, then poll from the saved cursor. Upsert `added` and
    `modified` by `transaction.id`, delete on `removed`; call again at once while
    `hasMore` is true. Persist `nextCursor` only after the whole page is durably
    applied. Error codes `invalid_cursor` (malformed or filter-mismatched cursor) and
    `cursor_expired` (rebootstrap) are documented without their HTTP status, so several
    4xx are listed. If rate limited, honour `Retry-After` and retry with the same cursor.
    Scope `transactions:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        account_id (str | Unset):
        connection_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | TransactionSyncPage]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        account_id=account_id,
        connection_id=connection_id,
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
) -> Any | TransactionSyncPage | None:
    """Sync Transactions

     The change feed for keeping a current mirror (not an immutable history log), ordered
    by the server's sync cursor ascending. Call without a cursor first: that answers zero
    events by design and only sets the stream head; save `nextCursor`, backfill through
    `GET /v1/transactions`, then poll from the saved cursor. Upsert `added` and
    `modified` by `transaction.id`, delete on `removed`; call again at once while
    `hasMore` is true. Persist `nextCursor` only after the whole page is durably
    applied. Error codes `invalid_cursor` (malformed or filter-mismatched cursor) and
    `cursor_expired` (rebootstrap) are documented without their HTTP status, so several
    4xx are listed. If rate limited, honour `Retry-After` and retry with the same cursor.
    Scope `transactions:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        account_id (str | Unset):
        connection_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | TransactionSyncPage
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        account_id=account_id,
        connection_id=connection_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
    account_id: str | Unset = UNSET,
    connection_id: str | Unset = UNSET,
) -> Response[Any | TransactionSyncPage]:
    """Sync Transactions

     The change feed for keeping a current mirror (not an immutable history log), ordered
    by the server's sync cursor ascending. Call without a cursor first: that answers zero
    events by design and only sets the stream head; save `nextCursor`, backfill through
    `GET /v1/transactions`, then poll from the saved cursor. Upsert `added` and
    `modified` by `transaction.id`, delete on `removed`; call again at once while
    `hasMore` is true. Persist `nextCursor` only after the whole page is durably
    applied. Error codes `invalid_cursor` (malformed or filter-mismatched cursor) and
    `cursor_expired` (rebootstrap) are documented without their HTTP status, so several
    4xx are listed. If rate limited, honour `Retry-After` and retry with the same cursor.
    Scope `transactions:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        account_id (str | Unset):
        connection_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | TransactionSyncPage]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        account_id=account_id,
        connection_id=connection_id,
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
) -> Any | TransactionSyncPage | None:
    """Sync Transactions

     The change feed for keeping a current mirror (not an immutable history log), ordered
    by the server's sync cursor ascending. Call without a cursor first: that answers zero
    events by design and only sets the stream head; save `nextCursor`, backfill through
    `GET /v1/transactions`, then poll from the saved cursor. Upsert `added` and
    `modified` by `transaction.id`, delete on `removed`; call again at once while
    `hasMore` is true. Persist `nextCursor` only after the whole page is durably
    applied. Error codes `invalid_cursor` (malformed or filter-mismatched cursor) and
    `cursor_expired` (rebootstrap) are documented without their HTTP status, so several
    4xx are listed. If rate limited, honour `Retry-After` and retry with the same cursor.
    Scope `transactions:read`.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.
        account_id (str | Unset):
        connection_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | TransactionSyncPage
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            account_id=account_id,
            connection_id=connection_id,
        )
    ).parsed
