"""pydantic-core validation of a connection list page, for scale (only if pydantic-core is there).

The same page, the same fields and types as the SDK's models: camelCase wire names, aware
datetimes, the open status enums (unknown values kept, via the enums' own ``_missing_``),
optional fields defaulting to ``None``, unknown keys kept as extras, the union dispatched on
``kind``. Two simplifications, both in pydantic-core's favour: a missing ``kind`` is not
defaulted to ``"ready"`` and an unknown ``kind`` is an error rather than an unknown-variant
object (the page holds neither). It validates the bytes with ``validate_json`` (pydantic-core's
own JSON parser), as a pydantic user would.
"""

from __future__ import annotations

from typing import Any

from waycore.types import ConnectionStatus, SyncStatus


class _Model:
    """A plain class pydantic-core fills in (what ``BaseModel`` is underneath)."""

    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
    )


class ReadyConnectionModel(_Model):
    pass


class SetupConnectionModel(_Model):
    pass


class ConnectionSetupModel(_Model):
    pass


class SetupInstructionsModel(_Model):
    pass


class PaginationModel(_Model):
    pass


class ConnectionPageModel(_Model):
    pass


def page_validator() -> Any | None:
    """A `SchemaValidator` for one list page, or None when pydantic-core is not installed."""
    try:
        from pydantic_core import SchemaValidator
        from pydantic_core import core_schema as cs
    except ImportError:
        return None

    def model(cls: type, fields: dict[str, Any]) -> Any:
        return cs.model_schema(cls, cs.model_fields_schema(fields, extra_behavior="allow"))

    def required(schema: Any, alias: str) -> Any:
        return cs.model_field(schema, validation_alias=alias)

    def optional(schema: Any, alias: str) -> Any:
        return cs.model_field(
            cs.with_default_schema(cs.nullable_schema(schema), default=None),
            validation_alias=alias,
        )

    def open_enum(cls: Any) -> Any:
        return cs.enum_schema(cls, list(cls.__members__.values()), sub_type="str", missing=cls)

    text, flag, when = cs.str_schema(), cs.bool_schema(), cs.datetime_schema()
    metadata = cs.model_field(
        cs.with_default_schema(cs.nullable_schema(cs.dict_schema()), default_factory=dict),
        validation_alias="metadata",
    )
    ready = model(
        ReadyConnectionModel,
        {
            "id": required(text, "id"),
            "entity_id": required(text, "entityId"),
            "institution_id": required(text, "institutionId"),
            "status": required(open_enum(ConnectionStatus), "status"),
            "sync_status": required(open_enum(SyncStatus), "syncStatus"),
            "created_at": required(when, "createdAt"),
            "updated_at": required(when, "updatedAt"),
            "kind": optional(text, "kind"),
            "portal_url": optional(text, "portalUrl"),
            "institution_name": optional(text, "institutionName"),
            "last_synced_at": optional(when, "lastSyncedAt"),
            "error_code": optional(text, "errorCode"),
            "error_message": optional(text, "errorMessage"),
            "metadata": metadata,
        },
    )
    instruction_wire = {
        "first_name": "firstName",
        "last_name": "lastName",
        "address": "address",
        "email": "email",
        "username": "username",
        "phone_number": "phoneNumber",
        "email_provisioning_status": "emailProvisioningStatus",
        "phone_number_provisioning_status": "phoneNumberProvisioningStatus",
    }
    instructions = model(
        SetupInstructionsModel,
        {name: optional(text, wire) for name, wire in instruction_wire.items()},
    )
    setup_state = model(
        ConnectionSetupModel,
        {
            "status": optional(text, "status"),
            "instructions": optional(instructions, "instructions"),
            "credentials_present": optional(flag, "credentialsPresent"),
            "action_required_by": optional(text, "actionRequiredBy"),
            "next_action": optional(text, "nextAction"),
        },
    )
    setup = model(
        SetupConnectionModel,
        {
            "id": required(text, "id"),
            "entity_id": required(text, "entityId"),
            "status": required(open_enum(ConnectionStatus), "status"),
            "created_at": required(when, "createdAt"),
            "updated_at": required(when, "updatedAt"),
            "setup": required(setup_state, "setup"),
            "kind": optional(text, "kind"),
            "institution_id": optional(text, "institutionId"),
            "portal_url": optional(text, "portalUrl"),
            "institution_name": optional(text, "institutionName"),
            "metadata": metadata,
        },
    )
    connection = cs.tagged_union_schema({"ready": ready, "setup": setup}, discriminator="kind")
    pagination = model(
        PaginationModel,
        {"has_more": required(flag, "hasMore"), "next_cursor": optional(text, "nextCursor")},
    )
    page = model(
        ConnectionPageModel,
        {
            "data": required(cs.list_schema(connection), "data"),
            "pagination": required(pagination, "pagination"),
            "meta": optional(cs.dict_schema(), "meta"),
        },
    )
    return SchemaValidator(page)
