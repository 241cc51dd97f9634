"""Connection models: frozen, snake_case, `None` for absent optional fields.

Fields the SDK does not know yet are kept in `extra` (wire names as keys), never dropped.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar, Literal, TypeAlias

import attrs

from .._models import Model, raw_field, tagged_union
from .enums import ConnectionStatus, SyncStatus

__all__ = [
    "Connection",
    "ConnectionSetup",
    "ReadyConnection",
    "SetupConnection",
    "SetupInstructions",
    "UnknownConnection",
]


@attrs.frozen(slots=True)
class SetupInstructions(Model):
    """What to show the end user so they can create the delegated user at the bank.

    Any field may be `None` while Waycore is still provisioning it.
    """

    _schema_name: ClassVar[str | None] = "SetupInstructions"

    first_name: str | None = None
    last_name: str | None = None
    address: str | None = None
    email: str | None = None
    username: str | None = None
    phone_number: str | None = None
    email_provisioning_status: str | None = None
    phone_number_provisioning_status: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class ConnectionSetup(Model):
    """Onboarding state of a setup connection.

    `status`, `action_required_by` and `next_action` are open strings: the API documents
    examples (`"awaitingDelegatedUserCreation"`, `"endUser"`, `"createDelegatedUser"`), not
    complete lists. `instructions` is always there (every field `None` when the server sent
    none), so reading it needs no `None` check.
    """

    _schema_name: ClassVar[str | None] = "ConnectionSetup"
    status: str | None = None
    instructions: SetupInstructions = attrs.field(factory=SetupInstructions)
    credentials_present: bool | None = None
    action_required_by: str | None = None
    next_action: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class ReadyConnection(Model):
    """A live connection (`kind="ready"`): it has accounts and transactions and can sync.

    Example::

        conn = client.connections.retrieve("conn_123")
        if isinstance(conn, waycore.ReadyConnection) and conn.status == "active":
            client.connections.sync(conn.id)
    """

    _schema_name: ClassVar[str | None] = "ReadyConnection"

    id: str
    entity_id: str
    institution_id: str
    status: ConnectionStatus
    sync_status: SyncStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind: Literal["ready"] = "ready"
    portal_url: str | None = None
    institution_name: str | None = None
    last_synced_at: datetime.datetime | None = None
    error_code: str | None = None
    error_message: str | None = None
    metadata: dict[str, Any] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class SetupConnection(Model):
    """A connection whose onboarding is not finished (`kind="setup"`).

    Show `setup.instructions` to the end user, then hand over credentials with
    `client.connections.update_credentials(...)` and call `complete_setup(...)`.
    `institution_id` is `None` for a connection created from a portal URL alone.
    """

    _schema_name: ClassVar[str | None] = "SetupConnection"

    id: str
    entity_id: str
    status: ConnectionStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    setup: ConnectionSetup
    kind: Literal["setup"] = "setup"
    institution_id: str | None = None
    portal_url: str | None = None
    institution_name: str | None = None
    metadata: dict[str, Any] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class UnknownConnection(Model):
    """A connection of a `kind` this SDK version does not know; `raw` is the payload as sent.

    A payload of unknown kind without a string `id` cannot be read (the call raises
    `APIResponseValidationError`), so `conn.id` is a `str` on every connection.
    """

    id: str
    kind: str
    raw: dict[str, Any] = raw_field()  # noqa: RUF009 - an attrs field, not a dataclass default


Connection: TypeAlias = ReadyConnection | SetupConnection | UnknownConnection
"""Any connection the API can return; tell the shapes apart with `isinstance` or `kind`.

A payload without `kind` is a `ReadyConnection`; an unknown `kind` an `UnknownConnection`."""
tagged_union(Connection, tag="kind", default="ready")
