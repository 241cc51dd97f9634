from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.transfer import Transfer
from ...types import Response


def _get_kwargs(
    transfer_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/transfers/{transfer_id}".format(
            transfer_id=quote(str(transfer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Transfer | None:
    if response.status_code == 200:
        response_200 = Transfer.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = response.json()
        return response_401

    if response.status_code == 403:
        response_403 = response.json()
        return response_403

    if response.status_code == 404:
        response_404 = response.json()
        return response_404

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
) -> Response[Any | Transfer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    transfer_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Transfer]:
    """Get Transfer

     One transfer. Only a Legacy reference page exists for this endpoint, and its
    Transfer schema differs from the Newest one (`batchId`, `connectionId`, a
    decimal-string `amount` and `currency`, `rail` with `internalTransfer`, camelCase
    `pendingBankApproval`, a string `failureReason`, `destinationAccountId` /
    `counterparty`, `memo` of at most 140 characters, `matchedTransactionId`,
    `completedAt`, `metadata`). This spec describes the Newest Transfer; Legacy fields
    that still arrive are kept as additional properties. Scopes are not documented.

    Args:
        transfer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Transfer]
    """

    kwargs = _get_kwargs(
        transfer_id=transfer_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    transfer_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Transfer | None:
    """Get Transfer

     One transfer. Only a Legacy reference page exists for this endpoint, and its
    Transfer schema differs from the Newest one (`batchId`, `connectionId`, a
    decimal-string `amount` and `currency`, `rail` with `internalTransfer`, camelCase
    `pendingBankApproval`, a string `failureReason`, `destinationAccountId` /
    `counterparty`, `memo` of at most 140 characters, `matchedTransactionId`,
    `completedAt`, `metadata`). This spec describes the Newest Transfer; Legacy fields
    that still arrive are kept as additional properties. Scopes are not documented.

    Args:
        transfer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Transfer
    """

    return sync_detailed(
        transfer_id=transfer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    transfer_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Transfer]:
    """Get Transfer

     One transfer. Only a Legacy reference page exists for this endpoint, and its
    Transfer schema differs from the Newest one (`batchId`, `connectionId`, a
    decimal-string `amount` and `currency`, `rail` with `internalTransfer`, camelCase
    `pendingBankApproval`, a string `failureReason`, `destinationAccountId` /
    `counterparty`, `memo` of at most 140 characters, `matchedTransactionId`,
    `completedAt`, `metadata`). This spec describes the Newest Transfer; Legacy fields
    that still arrive are kept as additional properties. Scopes are not documented.

    Args:
        transfer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Transfer]
    """

    kwargs = _get_kwargs(
        transfer_id=transfer_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    transfer_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Transfer | None:
    """Get Transfer

     One transfer. Only a Legacy reference page exists for this endpoint, and its
    Transfer schema differs from the Newest one (`batchId`, `connectionId`, a
    decimal-string `amount` and `currency`, `rail` with `internalTransfer`, camelCase
    `pendingBankApproval`, a string `failureReason`, `destinationAccountId` /
    `counterparty`, `memo` of at most 140 characters, `matchedTransactionId`,
    `completedAt`, `metadata`). This spec describes the Newest Transfer; Legacy fields
    that still arrive are kept as additional properties. Scopes are not documented.

    Args:
        transfer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Transfer
    """

    return (
        await asyncio_detailed(
            transfer_id=transfer_id,
            client=client,
        )
    ).parsed
