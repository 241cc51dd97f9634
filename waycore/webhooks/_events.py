"""Typed webhook events and `construct_event`: verify a delivery, then read it.

Every delivery is the envelope `{"id", "type", "createdAt", "data"}`; `type` picks the class.
A type this SDK does not know (including the reserved `account.created`, `account.updated`
and `transfer.status_changed`, whose payloads are undocumented) becomes an
`UnknownWebhookEvent` holding the payload as sent, so a new event never breaks a receiver.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Literal, TypeAlias

import attrs

from .._exceptions import WebhookVerificationError
from .._models import _WIRE, Model, ParseError, parser_for, raw_field, tagged_union, wire
from ..types.enums import ConnectionStatus
from ._signature import DEFAULT_TOLERANCE, verify_signature

__all__ = [
    "ConnectionStatusChangedData",
    "ConnectionStatusChangedEvent",
    "TestEvent",
    "TransactionsSyncAvailableData",
    "TransactionsSyncAvailableEvent",
    "UnknownWebhookEvent",
    "WebhookEvent",
    "construct_event",
]

# Every event keeps `data` twice: typed (`data`) and as sent (`data_raw`: the same wire
# field, so the dict exactly as received, explicit nulls and unknown keys included). It is
# declared before `data` so that the typed field is the one `to_dict()` writes and the spec
# drift check compares (both take the last field of a wire name), and it is left out of
# `repr`, where it would only repeat `data`. Spelled as `attrs.field` with the engine's wire
# metadata (what `wire("data")` builds) so type checkers see a field without a default.


@attrs.frozen(slots=True)
class ConnectionStatusChangedData(Model):
    """`data` of `connection.status_changed`. The API shows an example only, so every field
    may be `None`; `error_code` and `error_message` say why a connection errored."""

    _schema_name: ClassVar[str | None] = "ConnectionStatusChangedData"

    connection_id: str | None = None
    status: ConnectionStatus | None = None
    previous_status: ConnectionStatus | None = None
    error_code: str | None = None
    error_message: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class TransactionsSyncAvailableData(Model):
    """`data` of `transactions.sync_available`. Deliveries are connection-scoped for now, so
    `account_id` is `None` (the API says so)."""

    _schema_name: ClassVar[str | None] = "TransactionsSyncAvailableData"

    connection_id: str | None = None
    account_id: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class ConnectionStatusChangedEvent(Model):
    """A connection moved to a new status. Watch for `reauthRequired` (the end user must
    renew the bank login) and `errored`::

        if event.data.status == waycore.ConnectionStatus.REAUTH_REQUIRED:
            notify_user(event.data.connection_id)
    """

    _schema_name: ClassVar[str | None] = "ConnectionStatusChangedEvent"

    id: str
    created_at: datetime.datetime
    data_raw: dict[str, Any] = attrs.field(repr=False, metadata={_WIRE: "data"})
    data: ConnectionStatusChangedData
    type: Literal["connection.status_changed"] = "connection.status_changed"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class TransactionsSyncAvailableEvent(Model):
    """Fresh transactions are ready on `data.connection_id`: call
    `client.transactions.sync_pages(...)` (or run your feed)."""

    _schema_name: ClassVar[str | None] = "TransactionsSyncAvailableEvent"

    id: str
    created_at: datetime.datetime
    data_raw: dict[str, Any] = attrs.field(repr=False, metadata={_WIRE: "data"})
    data: TransactionsSyncAvailableData
    type: Literal["transactions.sync_available"] = "transactions.sync_available"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class TestEvent(Model):
    """The synthetic `test` event sent by `client.webhooks.send_test_event(...)`; `data` is
    undocumented, so it is a plain dict."""

    _schema_name: ClassVar[str | None] = "WebhookTestEvent"
    __test__: ClassVar[bool] = False  # not a pytest test class, despite the name

    id: str
    created_at: datetime.datetime
    data_raw: dict[str, Any] = attrs.field(repr=False, metadata={_WIRE: "data"})
    data: dict[str, Any]
    type: Literal["test"] = "test"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class UnknownWebhookEvent(Model):
    """An event of a `type` this SDK does not know; `raw` is the whole payload as sent.

    Its envelope is still checked (`id`, `type`, `createdAt`, a `data` object), so `id` can
    be used to process each delivery once, as for any event.
    """

    id: str
    type: str
    created_at: datetime.datetime
    data_raw: dict[str, Any] = wire("data", repr=False)  # noqa: RUF009
    raw: dict[str, Any] = raw_field()  # noqa: RUF009 - an attrs field, not a dataclass default


WebhookEvent: TypeAlias = (
    ConnectionStatusChangedEvent | TransactionsSyncAvailableEvent | TestEvent | UnknownWebhookEvent
)
"""Any webhook event; tell them apart with `isinstance` or `type`."""
tagged_union(WebhookEvent, tag="type")

_parse_event: Callable[[object], WebhookEvent] = parser_for(WebhookEvent)

_UNREADABLE = "verified, but the payload is not a Waycore event"


def construct_event(
    payload: bytes | str,
    header: str | None,
    secret: str | Sequence[str],
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> WebhookEvent:
    """Verify a delivery's `Waycore-Signature` (see `verify_signature`), then parse it.

    Example (any framework: pass the raw body, never re-serialised JSON)::

        try:
            event = waycore.webhooks.construct_event(
                request.body, request.headers.get("Waycore-Signature"), secret
            )
        except waycore.WebhookVerificationError:
            return Response(status=400)
        if isinstance(event, waycore.ConnectionStatusChangedEvent):
            ...

    Returns a `ConnectionStatusChangedEvent`, `TransactionsSyncAvailableEvent`, `TestEvent`
    or, for a type this SDK does not know, an `UnknownWebhookEvent`.

    Raises:
        WebhookVerificationError: the signature or timestamp check failed; or the delivery
            is authentic but its body is not JSON or not an event envelope. That last case
            is the same error on purpose, so a receiver needs one `except` for "do not
            process this, answer 4xx" (Waycore then retries the delivery); its message
            starts with "verified, but" so logs tell it apart from a forgery. It is not an
            `APIResponseValidationError`: no API response is involved. No message holds the
            secret or a signature.
        TypeError, ValueError: `payload`, `secret`, `tolerance` or `now` is of the wrong type
            or value (a bug in the caller, as for `verify_signature`).
    """
    verify_signature(payload, header, secret, tolerance=tolerance, now=now)
    body = payload if isinstance(payload, str) else bytes(payload)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        # `from None`: a JSONDecodeError carries the whole document in `.doc`.
        raise WebhookVerificationError(f"{_UNREADABLE}: the body is not valid JSON") from None
    try:
        return _parse_event(data)
    except (ParseError, RecursionError) as exc:
        # A ParseError names the field and the expected type, never a value.
        raise WebhookVerificationError(f"{_UNREADABLE}: {exc}") from None
