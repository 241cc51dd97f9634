"""Entity models: the businesses that own connections."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

import attrs

from .._models import Model

__all__ = ["Entity"]


@attrs.frozen(slots=True)
class Entity(Model):
    """A business that owns connections: one of your customers, or the organization-attached
    entity Waycore manages (`is_default_org_entity=True`).

    `contact_emails` is `[]` when the API sends none; `metadata` is `{}` when absent.
    """

    _schema_name: ClassVar[str | None] = "Entity"

    entity_id: str
    external_entity_id: str
    is_default_org_entity: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    name: str | None = None
    contact_emails: list[str] = attrs.field(factory=list)
    metadata: dict[str, Any] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)
