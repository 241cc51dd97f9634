from http import HTTPStatus
from typing import Any

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_webhook_request import CreateWebhookRequest
from ...models.create_webhook_response import CreateWebhookResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateWebhookRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CreateWebhookResponse | None:
    if response.status_code == 200:
        response_200 = CreateWebhookResponse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CreateWebhookResponse.from_dict(response.json())

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
) -> Response[Any | CreateWebhookResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateWebhookRequest,
) -> Response[Any | CreateWebhookResponse]:
    """Create Webhook

     Register a webhook. The response is wrapped (`{webhook, meta}`) and is the only one
    that shows the signing `secret` in full. The page calls it "Successful Response"
    without a status code, so `200` and `201` are both accepted. Scope `webhooks:write`.

    Args:
        body (CreateWebhookRequest): Body of `POST /v1/webhooks`. Example: {'url':
            'https://hooks.acme.example/waycore', 'events': ['connection.status_changed',
            'transactions.sync_available'], 'metadata': {'team': 'treasury'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CreateWebhookResponse]
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
    body: CreateWebhookRequest,
) -> Any | CreateWebhookResponse | None:
    """Create Webhook

     Register a webhook. The response is wrapped (`{webhook, meta}`) and is the only one
    that shows the signing `secret` in full. The page calls it "Successful Response"
    without a status code, so `200` and `201` are both accepted. Scope `webhooks:write`.

    Args:
        body (CreateWebhookRequest): Body of `POST /v1/webhooks`. Example: {'url':
            'https://hooks.acme.example/waycore', 'events': ['connection.status_changed',
            'transactions.sync_available'], 'metadata': {'team': 'treasury'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CreateWebhookResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateWebhookRequest,
) -> Response[Any | CreateWebhookResponse]:
    """Create Webhook

     Register a webhook. The response is wrapped (`{webhook, meta}`) and is the only one
    that shows the signing `secret` in full. The page calls it "Successful Response"
    without a status code, so `200` and `201` are both accepted. Scope `webhooks:write`.

    Args:
        body (CreateWebhookRequest): Body of `POST /v1/webhooks`. Example: {'url':
            'https://hooks.acme.example/waycore', 'events': ['connection.status_changed',
            'transactions.sync_available'], 'metadata': {'team': 'treasury'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CreateWebhookResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateWebhookRequest,
) -> Any | CreateWebhookResponse | None:
    """Create Webhook

     Register a webhook. The response is wrapped (`{webhook, meta}`) and is the only one
    that shows the signing `secret` in full. The page calls it "Successful Response"
    without a status code, so `200` and `201` are both accepted. Scope `webhooks:write`.

    Args:
        body (CreateWebhookRequest): Body of `POST /v1/webhooks`. Example: {'url':
            'https://hooks.acme.example/waycore', 'events': ['connection.status_changed',
            'transactions.sync_available'], 'metadata': {'team': 'treasury'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CreateWebhookResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
