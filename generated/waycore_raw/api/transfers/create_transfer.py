from http import HTTPStatus
from typing import Any

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.external_transfer_request import ExternalTransferRequest
from ...models.internal_transfer_request import InternalTransferRequest
from ...models.transfer import Transfer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ExternalTransferRequest | InternalTransferRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/transfers",
    }

    if isinstance(body, InternalTransferRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Transfer | None:
    if response.status_code == 200:
        response_200 = Transfer.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = Transfer.from_dict(response.json())

        return response_202

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
) -> Response[Any | Transfer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ExternalTransferRequest | InternalTransferRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | Transfer]:
    """Create Transfer

     Create an internal transfer or external payment for the authenticated organization.
    The guide says `202 Accepted` with a Transfer; the reference page says only
    "Successful Response", so `200` is accepted too. External transfers always need
    end-user approval in the bank portal and move to `pending_bank_approval`. Reusing an
    `Idempotency-Key` with a materially different payload answers `409 Conflict`; a
    replay may carry `Idempotent-Replayed: true`. Scopes are not documented.

    Args:
        idempotency_key (str | Unset):
        body (ExternalTransferRequest | InternalTransferRequest): Body of `POST /v1/transfers`,
            told apart by `type`. Example: {'type': 'internal', 'amount': {'type': 'money', 'value':
            '1250.00', 'currency': 'USD'}, 'sourceAccountId': '3c90c3cc-0d44-4b50-8888-8dd25736052a',
            'destination': {'type': 'internal', 'accountId': '9b2f6c1e-7d4a-4f0b-8c3e-2a1d5e6f7a8b'},
            'transferType': 'internal', 'clientReference': 'INV-1042'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Transfer]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ExternalTransferRequest | InternalTransferRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | Transfer | None:
    """Create Transfer

     Create an internal transfer or external payment for the authenticated organization.
    The guide says `202 Accepted` with a Transfer; the reference page says only
    "Successful Response", so `200` is accepted too. External transfers always need
    end-user approval in the bank portal and move to `pending_bank_approval`. Reusing an
    `Idempotency-Key` with a materially different payload answers `409 Conflict`; a
    replay may carry `Idempotent-Replayed: true`. Scopes are not documented.

    Args:
        idempotency_key (str | Unset):
        body (ExternalTransferRequest | InternalTransferRequest): Body of `POST /v1/transfers`,
            told apart by `type`. Example: {'type': 'internal', 'amount': {'type': 'money', 'value':
            '1250.00', 'currency': 'USD'}, 'sourceAccountId': '3c90c3cc-0d44-4b50-8888-8dd25736052a',
            'destination': {'type': 'internal', 'accountId': '9b2f6c1e-7d4a-4f0b-8c3e-2a1d5e6f7a8b'},
            'transferType': 'internal', 'clientReference': 'INV-1042'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Transfer
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ExternalTransferRequest | InternalTransferRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | Transfer]:
    """Create Transfer

     Create an internal transfer or external payment for the authenticated organization.
    The guide says `202 Accepted` with a Transfer; the reference page says only
    "Successful Response", so `200` is accepted too. External transfers always need
    end-user approval in the bank portal and move to `pending_bank_approval`. Reusing an
    `Idempotency-Key` with a materially different payload answers `409 Conflict`; a
    replay may carry `Idempotent-Replayed: true`. Scopes are not documented.

    Args:
        idempotency_key (str | Unset):
        body (ExternalTransferRequest | InternalTransferRequest): Body of `POST /v1/transfers`,
            told apart by `type`. Example: {'type': 'internal', 'amount': {'type': 'money', 'value':
            '1250.00', 'currency': 'USD'}, 'sourceAccountId': '3c90c3cc-0d44-4b50-8888-8dd25736052a',
            'destination': {'type': 'internal', 'accountId': '9b2f6c1e-7d4a-4f0b-8c3e-2a1d5e6f7a8b'},
            'transferType': 'internal', 'clientReference': 'INV-1042'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Transfer]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ExternalTransferRequest | InternalTransferRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | Transfer | None:
    """Create Transfer

     Create an internal transfer or external payment for the authenticated organization.
    The guide says `202 Accepted` with a Transfer; the reference page says only
    "Successful Response", so `200` is accepted too. External transfers always need
    end-user approval in the bank portal and move to `pending_bank_approval`. Reusing an
    `Idempotency-Key` with a materially different payload answers `409 Conflict`; a
    replay may carry `Idempotent-Replayed: true`. Scopes are not documented.

    Args:
        idempotency_key (str | Unset):
        body (ExternalTransferRequest | InternalTransferRequest): Body of `POST /v1/transfers`,
            told apart by `type`. Example: {'type': 'internal', 'amount': {'type': 'money', 'value':
            '1250.00', 'currency': 'USD'}, 'sourceAccountId': '3c90c3cc-0d44-4b50-8888-8dd25736052a',
            'destination': {'type': 'internal', 'accountId': '9b2f6c1e-7d4a-4f0b-8c3e-2a1d5e6f7a8b'},
            'transferType': 'internal', 'clientReference': 'INV-1042'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Transfer
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
