from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx2 as httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.update_webhook_request import UpdateWebhookRequest
from ...models.webhook import Webhook
from ...types import Response


def _get_kwargs(
    webhook_id: str,
    *,
    body: UpdateWebhookRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/webhooks/{webhook_id}".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Webhook | None:
    if response.status_code == 200:
        response_200 = Webhook.from_dict(response.json())

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
) -> Response[Any | Webhook]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateWebhookRequest,
) -> Response[Any | Webhook]:
    """Update Webhook

     Only provided fields are changed: omit a field to leave it unchanged; `metadata:
    null` clears the metadata. Returns the bare Webhook. Scope `webhooks:write`.

    Args:
        webhook_id (str):
        body (UpdateWebhookRequest): Body of `PATCH /v1/webhooks/{webhookId}`. Only provided
            fields are changed: omit a
            field to leave it unchanged. The Legacy page types every field `| null`; the Current
            one says `metadata: null` clears the metadata (what `null` does to the other fields
            is not documented).
             Example: {'events': ['connection.status_changed'], 'active': False, 'metadata': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Webhook]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateWebhookRequest,
) -> Any | Webhook | None:
    """Update Webhook

     Only provided fields are changed: omit a field to leave it unchanged; `metadata:
    null` clears the metadata. Returns the bare Webhook. Scope `webhooks:write`.

    Args:
        webhook_id (str):
        body (UpdateWebhookRequest): Body of `PATCH /v1/webhooks/{webhookId}`. Only provided
            fields are changed: omit a
            field to leave it unchanged. The Legacy page types every field `| null`; the Current
            one says `metadata: null` clears the metadata (what `null` does to the other fields
            is not documented).
             Example: {'events': ['connection.status_changed'], 'active': False, 'metadata': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Webhook
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateWebhookRequest,
) -> Response[Any | Webhook]:
    """Update Webhook

     Only provided fields are changed: omit a field to leave it unchanged; `metadata:
    null` clears the metadata. Returns the bare Webhook. Scope `webhooks:write`.

    Args:
        webhook_id (str):
        body (UpdateWebhookRequest): Body of `PATCH /v1/webhooks/{webhookId}`. Only provided
            fields are changed: omit a
            field to leave it unchanged. The Legacy page types every field `| null`; the Current
            one says `metadata: null` clears the metadata (what `null` does to the other fields
            is not documented).
             Example: {'events': ['connection.status_changed'], 'active': False, 'metadata': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Webhook]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateWebhookRequest,
) -> Any | Webhook | None:
    """Update Webhook

     Only provided fields are changed: omit a field to leave it unchanged; `metadata:
    null` clears the metadata. Returns the bare Webhook. Scope `webhooks:write`.

    Args:
        webhook_id (str):
        body (UpdateWebhookRequest): Body of `PATCH /v1/webhooks/{webhookId}`. Only provided
            fields are changed: omit a
            field to leave it unchanged. The Legacy page types every field `| null`; the Current
            one says `metadata: null` clears the metadata (what `null` does to the other fields
            is not documented).
             Example: {'events': ['connection.status_changed'], 'active': False, 'metadata': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Webhook
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
            body=body,
        )
    ).parsed
