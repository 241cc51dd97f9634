"""The webhooks endpoints (`Operation` records) and the pure builders of their calls, shared
by the sync and async resources."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from .. import _validation as check
from .. import _validation_values as values
from .._operation import Call, Operation, Retry
from .._types import NotGiven

_ONE = "/webhooks/{webhookId}"

# Repeating a create after a lost answer would register the URL twice (with two secrets).
CREATE = Operation(
    "createWebhook",
    "POST",
    "/webhooks",
    "webhooks.create",
    body=("url", "events", "metadata"),
    retry=Retry.UNSAFE,
)
LIST = Operation("listWebhooks", "GET", "/webhooks", "webhooks.list", query=("limit",))
RETRIEVE = Operation("getWebhook", "GET", _ONE, "webhooks.retrieve")
UPDATE = Operation(
    "updateWebhook",
    "PATCH",
    _ONE,
    "webhooks.update",
    body=("url", "events", "active", "metadata"),
)
DELETE = Operation("deleteWebhook", "DELETE", _ONE, "webhooks.delete")
# Repeating it after a lost answer would send a second test delivery.
SEND_TEST_EVENT = Operation(
    "triggerTestWebhook", "POST", f"{_ONE}/test", "webhooks.send_test_event", retry=Retry.UNSAFE
)

OPERATIONS = (CREATE, LIST, RETRIEVE, UPDATE, DELETE, SEND_TEST_EVENT)


def _segment(webhook_id: str) -> str:
    return check.connection_id_segment(webhook_id, "webhook_id")


def create(*, url: str, events: Collection[str], metadata: Mapping[str, Any] | None) -> Call:
    body: dict[str, Any] = {
        "url": values.webhook_url(url),
        "events": values.webhook_events(events),
    }
    if metadata is not None:
        body["metadata"] = values.json_object(metadata, "metadata")
    return CREATE.call(json=body)


def retrieve(webhook_id: str) -> Call:
    return RETRIEVE.call(_segment(webhook_id))


def list_filters(*, limit: int | None) -> dict[str, str | int]:
    limit_value = check.list_limit(limit)
    return {} if limit_value is None else {"limit": limit_value}


def _not_none(value: object, name: str) -> object:
    # Only `metadata` has a documented meaning for null (clear it); what null does to the
    # other fields is not documented, so it is refused rather than sent.
    if value is None:
        raise ValueError(f"{name} may not be None: leave it out to keep the current value")
    return value


def update(
    webhook_id: str,
    *,
    url: str | NotGiven,
    events: Collection[str] | NotGiven,
    active: bool | NotGiven,
    metadata: Mapping[str, Any] | NotGiven | None,
) -> Call:
    segment = _segment(webhook_id)
    body: dict[str, Any] = {}
    if not isinstance(url, NotGiven):
        body["url"] = values.webhook_url(_not_none(url, "url"))
    if not isinstance(events, NotGiven):
        body["events"] = values.webhook_events(_not_none(events, "events"))
    if not isinstance(active, NotGiven):
        body["active"] = values.strict_bool(_not_none(active, "active"), "active")
    if not isinstance(metadata, NotGiven):
        body["metadata"] = None if metadata is None else values.json_object(metadata, "metadata")
    if not body:
        raise ValueError("update() needs at least one of url, events, active, metadata")
    return UPDATE.call(segment, json=body)


def delete(webhook_id: str) -> Call:
    return DELETE.call(_segment(webhook_id))


def send_test_event(webhook_id: str) -> Call:
    # No body: the docs describe none.
    return SEND_TEST_EVENT.call(_segment(webhook_id))
