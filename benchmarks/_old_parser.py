# The pre-engine parser, kept as the benchmark reference (issues 8 and 12).
#
# A verbatim copy of `waycore/_parsing.py` at commit efc838a ("Move to httpx2"), the
# hand-written per-model parser the declarative engine replaces. Only its imports changed: it
# depends on the public `waycore.types` classes alone, so it keeps working once `_parsing.py`
# is deleted. The parse benchmark runs it interleaved with the SDK's current parse path; the
# targets are "<= 1.0x this" (issue 8) and "<= 0.5x this" (issue 12). Do not optimise it.
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

from waycore.types import (
    ConnectionSetup,
    ConnectionStatus,
    ReadyConnection,
    SetupConnection,
    SetupInstructions,
    SyncStatus,
    UnknownConnection,
)

# The SDK's `Connection` alias, spelled out so this file depends only on the classes above.
Connection = ReadyConnection | SetupConnection | UnknownConnection

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


_STATUSES: dict[str, Any] = ConnectionStatus._value2member_map_
_SYNC_STATUSES: dict[str, Any] = SyncStatus._value2member_map_


def _status(value: str) -> ConnectionStatus:
    member: ConnectionStatus | None = _STATUSES.get(value)
    return member if member is not None else ConnectionStatus(value)


def _sync_status(value: str) -> SyncStatus:
    member: SyncStatus | None = _SYNC_STATUSES.get(value)
    return member if member is not None else SyncStatus(value)


def _is_opt_str(value: object) -> bool:
    return value is None or type(value) is str


def _explain(d: dict[str, Any], required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    """Raise the `ParseError` naming the first field of the wrong type.

    The parsers below check all fields at once on the fast path (a list page holds
    hundreds of connections) and call this only to say which field failed.
    """
    for key in required:
        _str(d, key)
    for key in optional:
        _opt(d, key, str)
    raise ParseError("unexpected field types")  # pragma: no cover - the loops raise first


_READY_REQUIRED = ("id", "entityId", "institutionId", "status", "syncStatus")
_READY_OPTIONAL = ("portalUrl", "institutionName", "errorCode", "errorMessage")


def _ready(d: dict[str, Any]) -> ReadyConnection:
    # Typed as returning Any: the fast-path checks below narrow what mypy cannot.
    get: Callable[[str], Any] = d.get
    conn_id, entity_id, institution_id = get("id"), get("entityId"), get("institutionId")
    status, sync_status = get("status"), get("syncStatus")
    portal_url, institution_name = get("portalUrl"), get("institutionName")
    error_code, error_message = get("errorCode"), get("errorMessage")
    if not (
        type(conn_id) is str
        and type(entity_id) is str
        and type(institution_id) is str
        and type(status) is str
        and type(sync_status) is str
        and _is_opt_str(portal_url)
        and _is_opt_str(institution_name)
        and _is_opt_str(error_code)
        and _is_opt_str(error_message)
    ):
        _explain(d, _READY_REQUIRED, _READY_OPTIONAL)
    last_synced_at = get("lastSyncedAt")
    return ReadyConnection(
        id=conn_id,
        entity_id=entity_id,
        institution_id=institution_id,
        status=_status(status),
        sync_status=_sync_status(sync_status),
        created_at=_datetime(get("createdAt"), "createdAt"),
        updated_at=_datetime(get("updatedAt"), "updatedAt"),
        portal_url=portal_url,
        institution_name=institution_name,
        last_synced_at=None
        if last_synced_at is None
        else _datetime(last_synced_at, "lastSyncedAt"),
        error_code=error_code,
        error_message=error_message,
        metadata=_metadata(d),
        extra={} if d.keys() <= _READY_KEYS else _extra(d, _READY_KEYS),
    )


def _instructions(value: object) -> SetupInstructions | None:
    if value is None:
        return None
    d = _mapping(value, "setup.instructions")
    fields = {attr: d.get(wire) for wire, attr in _INSTRUCTION_FIELDS.items()}
    if not all(map(_is_opt_str, fields.values())):
        _explain(d, (), tuple(_INSTRUCTION_FIELDS))
    extra = {} if d.keys() <= _INSTRUCTION_KEYS else _extra(d, _INSTRUCTION_KEYS)
    return SetupInstructions(**fields, extra=extra)


def _setup_state(value: object) -> ConnectionSetup:
    d = _mapping(value, "setup")
    return ConnectionSetup(
        status=_opt(d, "status", str),
        instructions=_instructions(d.get("instructions")),
        credentials_present=_opt(d, "credentialsPresent", bool),
        action_required_by=_opt(d, "actionRequiredBy", str),
        next_action=_opt(d, "nextAction", str),
        extra={} if d.keys() <= _SETUP_STATE_KEYS else _extra(d, _SETUP_STATE_KEYS),
    )


_SETUP_REQUIRED = ("id", "entityId", "status")
_SETUP_OPTIONAL = ("institutionId", "portalUrl", "institutionName")


def _setup(d: dict[str, Any]) -> SetupConnection:
    # Typed as returning Any: the fast-path checks below narrow what mypy cannot.
    get: Callable[[str], Any] = d.get
    conn_id, entity_id, status = get("id"), get("entityId"), get("status")
    institution_id, portal_url = get("institutionId"), get("portalUrl")
    institution_name = get("institutionName")
    if not (
        type(conn_id) is str
        and type(entity_id) is str
        and type(status) is str
        and _is_opt_str(institution_id)
        and _is_opt_str(portal_url)
        and _is_opt_str(institution_name)
    ):
        _explain(d, _SETUP_REQUIRED, _SETUP_OPTIONAL)
    return SetupConnection(
        id=conn_id,
        entity_id=entity_id,
        status=_status(status),
        created_at=_datetime(get("createdAt"), "createdAt"),
        updated_at=_datetime(get("updatedAt"), "updatedAt"),
        setup=_setup_state(get("setup")),
        institution_id=institution_id,
        portal_url=portal_url,
        institution_name=institution_name,
        metadata=_metadata(d),
        extra={} if d.keys() <= _SETUP_KEYS else _extra(d, _SETUP_KEYS),
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
