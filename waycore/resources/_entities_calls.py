"""The entities endpoints (`Operation` records) and the pure builders of their calls, shared
by the sync and async resources.

Each builder validates its arguments (raising `ValueError`, or `TypeError` for a wrong type,
naming the parameter, before anything is sent) and returns a `Call`. Arguments left as `None`
are omitted.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from .. import _validation as check
from .._operation import Call, Operation, Retry

_ONE = "/entities/{entityId}"
MAX_CONTACT_EMAILS = 100

CREATE = Operation(
    "createEntity",
    "POST",
    "/entities",
    "entities.create",
    body=("externalEntityId", "name", "metadata"),
    # Whether a repeated create returns the entity or makes a 409 is undocumented: a retry
    # after a lost answer could fail or duplicate, so only provably unsent requests are retried.
    retry=Retry.UNSAFE,
)
LIST = Operation(
    "listEntities", "GET", "/entities", "entities.list", query=("externalEntityId", "limit")
)
RETRIEVE = Operation("getEntity", "GET", _ONE, "entities.retrieve")
UPDATE = Operation("updateEntity", "PATCH", _ONE, "entities.update", body=("contactEmails",))
DELETE = Operation("deleteEntity", "DELETE", _ONE, "entities.delete")

OPERATIONS = (CREATE, LIST, RETRIEVE, UPDATE, DELETE)


def _external_id(value: object) -> str:
    if not isinstance(value, str):
        raise check.ArgumentTypeError(
            f"external_entity_id must be a string, not {type(value).__name__}"
        )
    if not value:
        raise ValueError("external_entity_id must be a non-empty string")
    return value


def _entity_segment(entity_id: object) -> str:
    # Canonical form (lower-case, hyphenated), safe as a path segment.
    return str(check.entity_uuid(entity_id))


def _metadata(value: object) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise check.ArgumentTypeError("metadata must be a mapping with string keys")
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        # Refused here rather than when the body is encoded, so nothing is half-sent.
        raise check.ArgumentTypeError("metadata must hold JSON values only") from None
    return dict(value)


def _contact_emails(value: object) -> list[str]:
    if isinstance(value, str | bytes | bytearray):
        # A bare string would otherwise be sent as a list of its characters.
        raise check.ArgumentTypeError("contact_emails must be a list of strings, not a string")
    if not isinstance(value, Sequence):
        raise check.ArgumentTypeError(
            f"contact_emails must be a list of strings, not {type(value).__name__}"
        )
    if len(value) > MAX_CONTACT_EMAILS:
        raise ValueError(
            f"contact_emails may hold at most {MAX_CONTACT_EMAILS} addresses, got {len(value)}"
        )
    emails: list[str] = []
    for index, email in enumerate(value):
        if not isinstance(email, str):
            raise check.ArgumentTypeError(
                f"contact_emails[{index}] must be a string, not {type(email).__name__}"
            )
        if "@" not in email:
            # The address is not echoed: it is personal data.
            raise ValueError(f"contact_emails[{index}] is not an email address (no '@')")
        emails.append(email)
    return emails


def create(
    *, external_entity_id: str, name: str | None, metadata: Mapping[str, Any] | None
) -> Call:
    body: dict[str, Any] = {"externalEntityId": _external_id(external_entity_id)}
    display_name = check.optional_str(name, "name")
    if display_name is not None:
        body["name"] = display_name
    meta = _metadata(metadata)
    if meta is not None:
        body["metadata"] = meta
    return CREATE.call(json=body)


def retrieve(entity_id: str | uuid.UUID) -> Call:
    return RETRIEVE.call(_entity_segment(entity_id))


def list_filters(*, external_entity_id: str | None, limit: int | None) -> dict[str, str | int]:
    """The query every page repeats (a cursor is only valid for the same query)."""
    params: dict[str, str | int] = {}
    if external_entity_id is not None:
        params["externalEntityId"] = _external_id(external_entity_id)
    limit_value = check.list_limit(limit)
    if limit_value is not None:
        params["limit"] = limit_value
    return params


def update(entity_id: str | uuid.UUID, *, contact_emails: Sequence[str]) -> Call:
    segment = _entity_segment(entity_id)
    return UPDATE.call(segment, json={"contactEmails": _contact_emails(contact_emails)})


def delete(entity_id: str | uuid.UUID) -> Call:
    return DELETE.call(_entity_segment(entity_id))
