"""Webhook registration models and the event-type enum."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

import attrs

from .._models import Model
from ._open_enum import OpenStrEnum

__all__ = ["CreateWebhookResponse", "Webhook", "WebhookEventType"]


class WebhookEventType(OpenStrEnum):
    """A webhook event type; compares equal to its wire string.

    Only `connection.status_changed` and `transactions.sync_available` are sent today; `test`
    is sent when triggered with `client.webhooks.send_test_event(...)`; the others are
    reserved by the API.
    """

    CONNECTION_STATUS_CHANGED = "connection.status_changed"
    ACCOUNT_CREATED = "account.created"
    ACCOUNT_UPDATED = "account.updated"
    TRANSACTIONS_SYNC_AVAILABLE = "transactions.sync_available"
    TRANSFER_STATUS_CHANGED = "transfer.status_changed"
    TEST = "test"


def _mask(value: object) -> str:
    return "None" if value is None else "'***'"


@attrs.frozen(slots=True)
class Webhook(Model):
    """A webhook registration: where Waycore POSTs which events.

    `secret` signs every delivery (`waycore.webhooks.construct_event` checks it). It is in
    full only in the answer to `client.webhooks.create(...)`; later reads return it masked.
    `repr` never shows it; `to_dict()` keeps it, so store that output as a secret.
    """

    _schema_name: ClassVar[str | None] = "Webhook"

    id: str
    url: str
    events: list[WebhookEventType]
    secret: str = attrs.field(repr=_mask)
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    metadata: dict[str, Any] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class CreateWebhookResponse(Model):
    """The wrapped answer of `POST /webhooks`; `client.webhooks.create` returns `.webhook`."""

    _schema_name: ClassVar[str | None] = "CreateWebhookResponse"

    webhook: Webhook
    # The request id is what `with_raw_response` exposes; a missing `meta` must not lose the
    # created webhook (and its one-time secret), so it is never required here.
    meta: dict[str, Any] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)
