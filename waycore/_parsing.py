"""Pure parsers from decoded JSON to the SDK's models.

They raise only `ParseError`, which the client turns into `APIResponseValidationError` with
the raw body attached. Hand-written rather than the generated `from_dict`: the generated
parsers raise on enum values added by the server and try union variants in order instead of
dispatching on `kind` (see design.md, "Known traps").
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from .types.connection import (
    Connection,
    ConnectionSetup,
    ReadyConnection,
    SetupConnection,
    SetupInstructions,
    UnknownConnection,
)
from .types.enums import ConnectionStatus, SyncStatus

_T = TypeVar("_T")
_UTC = datetime.UTC


class ParseError(ValueError):
    """A payload does not have the shape the API documents."""


@attrs.frozen(slots=True)
class ConnectionPage:
    """One page of `GET /connections`."""

    data: list[Connection]
    has_more: bool
    next_cursor: str | None
    request_id: str | None


def _mapping(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ParseError(f"{where}: expected a JSON object, got {type(value).__name__}")
    return value


def _str(d: dict[str, Any], key: str) -> str:
    value = d.get(key)
    if not isinstance(value, str):
        raise ParseError(f"{key}: expected a string, got {value!r}"[:200])
    return value


def _opt(d: dict[str, Any], key: str, kind: type[_T]) -> _T | None:
    value = d.get(key)
    if value is None or isinstance(value, kind):
        return value
    raise ParseError(f"{key}: expected {kind.__name__} or null, got {value!r}"[:200])


def _datetime(value: object, key: str) -> datetime.datetime:
    if not isinstance(value, str):
        raise ParseError(f"{key}: expected a timestamp string, got {value!r}"[:200])
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise ParseError(f"{key}: not an RFC 3339 timestamp: {value!r}"[:200]) from None
    # RFC 3339 requires an offset; a server that omits it means UTC, and users get aware values.
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)


def _opt_datetime(d: dict[str, Any], key: str) -> datetime.datetime | None:
    value = d.get(key)
    return None if value is None else _datetime(value, key)


def _enum(d: dict[str, Any], key: str, enum: Callable[[str], _T]) -> _T:
    return enum(_str(d, key))


def _metadata(d: dict[str, Any]) -> dict[str, Any]:
    value = d.get("metadata")
    if value is None:
        return {}
    return _mapping(value, "metadata")


def _extra(d: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in known}


_READY_KEYS = frozenset(
    {
        "id",
        "entityId",
        "institutionId",
        "status",
        "syncStatus",
        "createdAt",
        "updatedAt",
        "kind",
        "portalUrl",
        "institutionName",
        "lastSyncedAt",
        "errorCode",
        "errorMessage",
        "metadata",
    }
)
_SETUP_KEYS = frozenset(
    {
        "id",
        "entityId",
        "institutionId",
        "status",
        "createdAt",
        "updatedAt",
        "kind",
        "portalUrl",
        "institutionName",
        "metadata",
        "setup",
    }
)
_SETUP_STATE_KEYS = frozenset(
    {"status", "instructions", "credentialsPresent", "actionRequiredBy", "nextAction"}
)
_INSTRUCTION_FIELDS = {
    "firstName": "first_name",
    "lastName": "last_name",
    "address": "address",
    "email": "email",
    "username": "username",
    "phoneNumber": "phone_number",
    "emailProvisioningStatus": "email_provisioning_status",
    "phoneNumberProvisioningStatus": "phone_number_provisioning_status",
}
_INSTRUCTION_KEYS = frozenset(_INSTRUCTION_FIELDS)


def _ready(d: dict[str, Any]) -> ReadyConnection:
    return ReadyConnection(
        id=_str(d, "id"),
        entity_id=_str(d, "entityId"),
        institution_id=_str(d, "institutionId"),
        status=_enum(d, "status", ConnectionStatus),
        sync_status=_enum(d, "syncStatus", SyncStatus),
        created_at=_datetime(d.get("createdAt"), "createdAt"),
        updated_at=_datetime(d.get("updatedAt"), "updatedAt"),
        portal_url=_opt(d, "portalUrl", str),
        institution_name=_opt(d, "institutionName", str),
        last_synced_at=_opt_datetime(d, "lastSyncedAt"),
        error_code=_opt(d, "errorCode", str),
        error_message=_opt(d, "errorMessage", str),
        metadata=_metadata(d),
        extra=_extra(d, _READY_KEYS),
    )


def _instructions(value: object) -> SetupInstructions | None:
    if value is None:
        return None
    d = _mapping(value, "setup.instructions")
    fields = {attr: _opt(d, wire, str) for wire, attr in _INSTRUCTION_FIELDS.items()}
    return SetupInstructions(**fields, extra=_extra(d, _INSTRUCTION_KEYS))


def _setup_state(value: object) -> ConnectionSetup:
    d = _mapping(value, "setup")
    return ConnectionSetup(
        status=_opt(d, "status", str),
        instructions=_instructions(d.get("instructions")),
        credentials_present=_opt(d, "credentialsPresent", bool),
        action_required_by=_opt(d, "actionRequiredBy", str),
        next_action=_opt(d, "nextAction", str),
        extra=_extra(d, _SETUP_STATE_KEYS),
    )


def _setup(d: dict[str, Any]) -> SetupConnection:
    return SetupConnection(
        id=_str(d, "id"),
        entity_id=_str(d, "entityId"),
        status=_enum(d, "status", ConnectionStatus),
        created_at=_datetime(d.get("createdAt"), "createdAt"),
        updated_at=_datetime(d.get("updatedAt"), "updatedAt"),
        setup=_setup_state(d.get("setup")),
        institution_id=_opt(d, "institutionId", str),
        portal_url=_opt(d, "portalUrl", str),
        institution_name=_opt(d, "institutionName", str),
        metadata=_metadata(d),
        extra=_extra(d, _SETUP_KEYS),
    )


def parse_connection(data: object) -> Connection:
    """A ConnectionResource, dispatched on `kind` (missing means `"ready"`)."""
    d = _mapping(data, "connection")
    kind = d.get("kind", "ready")
    if kind == "ready":
        return _ready(d)
    if kind == "setup":
        return _setup(d)
    if not isinstance(kind, str):
        raise ParseError(f"kind: expected a string, got {kind!r}"[:200])
    conn_id = d.get("id")
    return UnknownConnection(id=conn_id if isinstance(conn_id, str) else None, kind=kind, raw=d)


def parse_connection_page(data: object) -> ConnectionPage:
    """The list envelope: `data`, `pagination.hasMore`, `pagination.nextCursor`, `meta`."""
    d = _mapping(data, "list response")
    items = d.get("data")
    if not isinstance(items, list):
        raise ParseError("data: expected a JSON array")
    pagination = _mapping(d.get("pagination"), "pagination")
    has_more = pagination.get("hasMore")
    if not isinstance(has_more, bool):
        raise ParseError(f"pagination.hasMore: expected a boolean, got {has_more!r}"[:200])
    next_cursor = _opt(pagination, "nextCursor", str)
    if has_more and not next_cursor:
        raise ParseError("pagination: hasMore is true but nextCursor is missing")
    meta = d.get("meta")
    request_id = meta.get("requestId") if isinstance(meta, dict) else None
    return ConnectionPage(
        data=[parse_connection(item) for item in items],
        has_more=has_more,
        next_cursor=next_cursor,
        request_id=request_id if isinstance(request_id, str) else None,
    )
