"""`client.webhooks`: register the URLs Waycore posts events to."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any, Unpack

import httpx2

from .._models import parser_for
from .._operation import RequestOptions
from .._pagination import AsyncPager, Page, Pager, page_parser
from .._raw import async_to_raw, async_to_raw_page, to_raw, to_raw_page
from .._response import ignore_body, json_parser
from .._types import NOT_GIVEN, NotGiven
from ..types.webhook import CreateWebhookResponse, Webhook, WebhookEventType
from . import _webhooks_calls as calls

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncWebhooks", "AsyncWebhooksWithRawResponse", "Webhooks", "WebhooksWithRawResponse"]

_parse_created: Callable[[object], CreateWebhookResponse] = parser_for(CreateWebhookResponse)


def _unwrap_created(data: object) -> Webhook:
    # Only create answers `{webhook, meta}`; every other call answers the bare Webhook.
    return _parse_created(data).webhook


_created: Callable[[httpx2.Response], Webhook] = json_parser(_unwrap_created)
_webhook: Callable[[httpx2.Response], Webhook] = json_parser(parser_for(Webhook))
_page: Callable[[httpx2.Response], Page[Webhook]] = json_parser(page_parser(Webhook))

_EventTypes = Collection[WebhookEventType | str]


class Webhooks:
    """Webhook registrations: where Waycore POSTs events, and which ones.

    Example::

        hook = client.webhooks.create(
            url="https://hooks.example.com/waycore",
            events=[waycore.WebhookEventType.CONNECTION_STATUS_CHANGED, "test"],
        )
        save_secret(hook.secret)        # in full only now; later reads return it masked
        client.webhooks.send_test_event(hook.id)

    Verify each delivery with `waycore.webhooks.construct_event(body, header, secret)`.
    `create` and `send_test_event` are not repeated after a timeout, a dropped connection
    or a 5xx (the first attempt may have registered or sent); they are retried only when the
    connection could not be opened, or on 429.

    Every method also takes `timeout=`, `deadline=`, `extra_headers=`, `extra_query=` and
    `extra_body=` (see `waycore.RequestOptions`).
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        *,
        url: str,
        events: _EventTypes,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Webhook:
        """Register `url` (https://, or http:// to a loopback host; at most 2048 characters)
        for `events` (a non-empty list). Returns the webhook with its full `secret`."""
        call = calls.create(url=url, events=events, metadata=metadata)
        return self._client._request(call, _created, options)

    def list(
        self, *, limit: int | None = None, **options: Unpack[RequestOptions]
    ) -> Pager[Webhook]:
        """Every webhook registration, fetched lazily page by page (`limit` per page, 1–500)."""
        filters = calls.list_filters(limit=limit)

        def fetch(cursor: str | None) -> Page[Webhook]:
            return self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return Pager(fetch)

    def retrieve(self, webhook_id: str, **options: Unpack[RequestOptions]) -> Webhook:
        """Fetch one registration (its `secret` comes back masked)."""
        return self._client._request(calls.retrieve(webhook_id), _webhook, options)

    def update(
        self,
        webhook_id: str,
        *,
        url: str | NotGiven = NOT_GIVEN,
        events: _EventTypes | NotGiven = NOT_GIVEN,
        active: bool | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Webhook:
        """Change the given fields only (at least one); `metadata=None` clears the metadata.

        Example: `client.webhooks.update(hook.id, active=False)` pauses deliveries.
        """
        call = calls.update(webhook_id, url=url, events=events, active=active, metadata=metadata)
        return self._client._request(call, _webhook, options)

    def delete(self, webhook_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a registration; deliveries to it stop."""
        return self._client._request(calls.delete(webhook_id), ignore_body, options)

    def send_test_event(self, webhook_id: str, **options: Unpack[RequestOptions]) -> None:
        """Queue a `test` delivery to the registration (it must be active and subscribed to
        `test`)."""
        return self._client._request(calls.send_test_event(webhook_id), ignore_body, options)


class AsyncWebhooks:
    """`client.webhooks`, awaitable. See `Webhooks` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(
        self,
        *,
        url: str,
        events: _EventTypes,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Webhook:
        """Register `url` for `events`; returns the webhook with its full `secret`."""
        call = calls.create(url=url, events=events, metadata=metadata)
        return await self._client._request(call, _created, options)

    def list(
        self, *, limit: int | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncPager[Webhook]:
        """Every webhook registration, fetched lazily: `async for hook in ....list()`."""
        filters = calls.list_filters(limit=limit)

        async def fetch(cursor: str | None) -> Page[Webhook]:
            return await self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return AsyncPager(fetch)

    async def retrieve(self, webhook_id: str, **options: Unpack[RequestOptions]) -> Webhook:
        """Fetch one registration (its `secret` comes back masked)."""
        return await self._client._request(calls.retrieve(webhook_id), _webhook, options)

    async def update(
        self,
        webhook_id: str,
        *,
        url: str | NotGiven = NOT_GIVEN,
        events: _EventTypes | NotGiven = NOT_GIVEN,
        active: bool | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Webhook:
        """Change the given fields only; `metadata=None` clears the metadata."""
        call = calls.update(webhook_id, url=url, events=events, active=active, metadata=metadata)
        return await self._client._request(call, _webhook, options)

    async def delete(self, webhook_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a registration; deliveries to it stop."""
        return await self._client._request(calls.delete(webhook_id), ignore_body, options)

    async def send_test_event(self, webhook_id: str, **options: Unpack[RequestOptions]) -> None:
        """Queue a `test` delivery to the registration."""
        call = calls.send_test_event(webhook_id)
        return await self._client._request(call, ignore_body, options)


class WebhooksWithRawResponse:
    """`client.with_raw_response.webhooks`: each method returns an `APIResponse`."""

    def __init__(self, webhooks: Webhooks) -> None:
        self.create = to_raw(webhooks.create)
        self.list = to_raw_page(webhooks.list)
        self.retrieve = to_raw(webhooks.retrieve)
        self.update = to_raw(webhooks.update)
        self.delete = to_raw(webhooks.delete)
        self.send_test_event = to_raw(webhooks.send_test_event)


class AsyncWebhooksWithRawResponse:
    """`aclient.with_raw_response.webhooks`: each method returns an `APIResponse`."""

    def __init__(self, webhooks: AsyncWebhooks) -> None:
        self.create = async_to_raw(webhooks.create)
        self.list = async_to_raw_page(webhooks.list)
        self.retrieve = async_to_raw(webhooks.retrieve)
        self.update = async_to_raw(webhooks.update)
        self.delete = async_to_raw(webhooks.delete)
        self.send_test_event = async_to_raw(webhooks.send_test_event)
