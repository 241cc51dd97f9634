"""Webhook registrations and the events they receive. No sockets, no threads.

Registrations are stored here; their secret is shown in full only in the create response
(every later read masks it). Events are built here, under the app's lock, from connection
changes (``connection.status_changed``, ``transactions.sync_available``) and from
``POST /webhooks/{id}/test``, and queued in the :class:`~._deliveries.Outbox` for every active
registration subscribed to their type; sending happens outside the lock (``_delivery_worker``).

URLs: ``https://`` (any host), or ``http://`` to a loopback host only. The sandbox sends only
to loopback addresses, so an ``https://`` registration elsewhere is stored and listed like any
other, and its deliveries are recorded as not delivered (nothing leaves the machine). An
``http://`` URL to another host is refused (422), as the API refuses plain HTTP.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final
from urllib.parse import urlsplit

from . import _connections
from ._common import (
    ApiError,
    Reply,
    format_timestamp,
    json_reply,
    new_id,
    paginate,
    utcnow,
    validation_error,
)
from ._connection_record import ConnectionRecord
from ._deliveries import Outbox, build_event, is_loopback_host
from ._routes import ApiRequest, Resource, Stores

__all__ = ["EVENT_TYPES", "WebhookStore", "resource"]

EVENT_TYPES: Final = (
    "connection.status_changed",
    "account.created",
    "account.updated",
    "transactions.sync_available",
    "transfer.status_changed",
    "test",
)
MAX_URL_LENGTH: Final = 2048
_MASK: Final = "*" * 16


@dataclass(eq=False)
class WebhookRecord:
    """One registration as the sandbox stores it."""

    seq: int
    id: str
    url: str
    events: list[str]
    secret: str = field(repr=False)
    created_at: datetime
    updated_at: datetime
    active: bool = True
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_json(self, *, reveal_secret: bool = False) -> dict[str, Any]:
        """The registration as the API returns it; the secret masked unless revealed."""
        return {
            "id": self.id,
            "url": self.url,
            "events": list(self.events),
            "secret": self.secret if reveal_secret else _MASK + self.secret[-4:],
            "active": self.active,
            "createdAt": format_timestamp(self.created_at),
            "updatedAt": format_timestamp(self.updated_at),
            "metadata": dict(self.metadata),
        }


def check_url(value: object) -> str:
    """A registration URL, or 422 saying what is wrong with it."""
    if not isinstance(value, str) or not value:
        raise validation_error("url must be a non-empty string.")
    if len(value) > MAX_URL_LENGTH:
        raise validation_error(f"url must be at most {MAX_URL_LENGTH} characters.")
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        raise validation_error("url must not contain spaces or control characters.")
    try:
        parts = urlsplit(value)
        host = parts.hostname
        _ = parts.port  # raises on a non-numeric or out-of-range port
    except ValueError:
        raise validation_error("url is not a valid URL.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not host:
        raise validation_error("url must be an absolute https:// URL.")
    if scheme == "http" and not is_loopback_host(host):
        raise validation_error(
            "url must use https://; plain http:// is accepted only for a loopback host "
            "(127.0.0.1, ::1 or localhost), because the sandbox delivers webhooks only to "
            "this machine."
        )
    return value


def check_events(value: object) -> list[str]:
    """A subscription list, or 422."""
    if not isinstance(value, list) or not value:
        raise validation_error("events must be a non-empty array of event types.")
    for item in value:
        if item not in EVENT_TYPES:
            raise validation_error("events may contain only: " + ", ".join(EVENT_TYPES) + ".")
    return list(value)


def check_metadata(value: object) -> dict[str, Any]:
    """Client metadata, or 422."""
    if not isinstance(value, dict):
        raise validation_error("metadata must be a JSON object.")
    return dict(value)


class WebhookStore:
    """Every registration of one sandbox, and the outbox their deliveries wait in."""

    def __init__(self, *, clock: Callable[[], datetime] = utcnow) -> None:
        """``clock`` stamps registrations and events."""
        self._clock = clock
        self._webhooks: dict[str, WebhookRecord] = {}
        self._next_seq = 1
        #: Thread-safe on its own; the sandbox's worker and ``deliver_pending()`` drain it.
        self.outbox = Outbox()

    def reset(self) -> None:
        """Forget every registration, pending delivery and recorded attempt."""
        self._webhooks.clear()
        self.outbox.reset()

    def attach(self, stores: Stores) -> None:
        """Follow connections, to turn their changes into events."""
        stores.get(_connections.resource).listeners.append(self._on_connection_event)

    # -- events ---------------------------------------------------------------------------

    def publish(
        self, event_type: str, data: Mapping[str, Any], *, only: str | None = None
    ) -> str | None:
        """Queue an event for every active registration subscribed to ``event_type`` (or
        only for registration ``only``); returns the event id, or ``None`` if nobody is."""
        targets = [
            (hook.id, hook.url, hook.secret)
            for hook in self._webhooks.values()
            if hook.active and event_type in hook.events and only in (None, hook.id)
        ]
        if not targets:
            return None
        event_id, body = build_event(event_type, data, created_at=format_timestamp(self._clock()))
        self.outbox.enqueue(event_id, event_type, body, targets)
        return event_id

    def _on_connection_event(
        self, event: str, record: ConnectionRecord, previous: str | None
    ) -> None:
        if event == "status_changed":
            data = {
                "connectionId": record.id,
                "previousStatus": previous,
                "status": record.status,
                "errorCode": record.error_code,
                "errorMessage": record.error_message,
            }
            self.publish("connection.status_changed", data)
        elif event == "sync_completed":
            # Connection-scoped for now, as the docs say: "so accountId is currently null".
            self.publish(
                "transactions.sync_available", {"connectionId": record.id, "accountId": None}
            )

    # -- API operations -------------------------------------------------------------------

    def create(self, body: object) -> dict[str, Any]:
        """``POST /webhooks``: the new registration, with its secret in full."""
        if not isinstance(body, dict):
            raise validation_error("The request body must be a JSON object.")
        for name in ("url", "events"):
            if name not in body:
                raise validation_error(f"{name} is required.")
        url = check_url(body["url"])
        events = check_events(body["events"])
        metadata = check_metadata(body["metadata"]) if "metadata" in body else {}
        now = self._clock()
        record = WebhookRecord(
            seq=self._next_seq,
            id=new_id("wh"),
            url=url,
            events=events,
            secret="whsec_" + secrets.token_hex(16),
            created_at=now,
            updated_at=now,
            metadata=metadata,
        )
        self._next_seq += 1
        self._webhooks[record.id] = record
        return record.to_json(reveal_secret=True)

    def list(self, query: Mapping[str, str], request_id: str) -> dict[str, Any]:
        """``GET /webhooks``: one page, newest first, secrets masked."""
        return paginate(
            reversed(self._webhooks.values()),
            query=query,
            filters=(),
            key=lambda hook: -hook.seq,
            render=lambda hook: hook.to_json(),
            request_id=request_id,
        )

    def retrieve(self, webhook_id: str) -> dict[str, Any]:
        """``GET /webhooks/{id}``, secret masked."""
        return self._get(webhook_id).to_json()

    def update(self, webhook_id: str, body: object) -> dict[str, Any]:
        """``PATCH /webhooks/{id}``: only the given fields change; ``metadata: null`` clears.

        ``null`` for ``url``, ``events`` or ``active`` leaves them unchanged (the Legacy
        docs type them nullable; what ``null`` does is not documented).
        """
        record = self._get(webhook_id)
        if not isinstance(body, dict):
            raise validation_error("The request body must be a JSON object.")
        changes: dict[str, Any] = {}
        if body.get("url") is not None:
            changes["url"] = check_url(body["url"])
        if body.get("events") is not None:
            changes["events"] = check_events(body["events"])
        if body.get("active") is not None:
            if not isinstance(body["active"], bool):
                raise validation_error("active must be a boolean.")
            changes["active"] = body["active"]
        if "metadata" in body:
            raw = body["metadata"]
            changes["metadata"] = {} if raw is None else check_metadata(raw)
        # Validated in full before anything changes: a 422 leaves the registration as it was.
        for name, value in changes.items():
            setattr(record, name, value)
        if changes:
            record.updated_at = max(self._clock(), record.created_at)
        return record.to_json()

    def delete(self, webhook_id: str) -> None:
        """``DELETE /webhooks/{id}``; deliveries already queued still go out."""
        self._get(webhook_id)
        del self._webhooks[webhook_id]

    def send_test(self, webhook_id: str) -> str:
        """``POST /webhooks/{id}/test``: queue a ``test`` event for this registration only."""
        record = self._get(webhook_id)
        if not record.active:
            raise ApiError(409, "webhook_inactive", "The webhook is not active.")
        if "test" not in record.events:
            raise ApiError(
                409, "webhook_not_subscribed", "The webhook is not subscribed to 'test' events."
            )
        event_id = self.publish("test", {}, only=record.id)
        assert event_id is not None
        return event_id

    def _get(self, webhook_id: str) -> WebhookRecord:
        record = self._webhooks.get(webhook_id)
        if record is None:
            raise ApiError(404, "not_found", "Webhook not found.")
        return record


# -- routes ---------------------------------------------------------------------------------

resource: Final = Resource("webhooks", lambda options: WebhookStore(clock=options.clock))


@resource.route("POST", "/webhooks")
def _create(store: WebhookStore, request: ApiRequest) -> Reply:
    webhook = store.create(request.json())
    return json_reply(201, {"webhook": webhook, "meta": {"requestId": request.request_id}})


@resource.route("GET", "/webhooks")
def _list(store: WebhookStore, request: ApiRequest) -> Reply:
    return json_reply(200, store.list(request.query, request.request_id))


@resource.route("GET", "/webhooks/{webhookId}")
def _retrieve(store: WebhookStore, request: ApiRequest) -> Reply:
    return json_reply(200, store.retrieve(request.params["webhookId"]))


@resource.route("PATCH", "/webhooks/{webhookId}")
def _update(store: WebhookStore, request: ApiRequest) -> Reply:
    body = request.json()
    return json_reply(200, store.update(request.params["webhookId"], body))


@resource.route("DELETE", "/webhooks/{webhookId}")
def _delete(store: WebhookStore, request: ApiRequest) -> Reply:
    store.delete(request.params["webhookId"])
    return Reply(204)


@resource.route("POST", "/webhooks/{webhookId}/test")
def _test(store: WebhookStore, request: ApiRequest) -> Reply:
    store.send_test(request.params["webhookId"])
    return Reply(202)
