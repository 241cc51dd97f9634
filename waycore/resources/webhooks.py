"""`client.webhooks`: register the URLs Waycore posts events to."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncWebhooks", "AsyncWebhooksWithRawResponse", "Webhooks", "WebhooksWithRawResponse"]


class Webhooks:
    """`client.webhooks`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncWebhooks:
    """`client.webhooks`, awaitable. See `Webhooks` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


class WebhooksWithRawResponse:
    """`client.with_raw_response.webhooks`: each method returns an `APIResponse`."""

    def __init__(self, webhooks: Webhooks) -> None:
        pass


class AsyncWebhooksWithRawResponse:
    """`aclient.with_raw_response.webhooks`: each method returns an `APIResponse`."""

    def __init__(self, webhooks: AsyncWebhooks) -> None:
        pass
