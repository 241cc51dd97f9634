"""Institution models: the banks in Waycore's catalog."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from .._models import Model

__all__ = ["Institution"]


@attrs.frozen(slots=True)
class Institution(Model):
    """A bank, banking platform or fintech in Waycore's catalog.

    The API documents only `institutionId` and `name`, without saying they are always sent,
    so both may be `None`. Anything else the catalog holds (portal URLs, for instance) is in
    `extra` under its wire name.
    """

    _schema_name: ClassVar[str | None] = "Institution"

    institution_id: str | None = None
    name: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)
