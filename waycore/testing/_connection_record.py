"""How the sandbox stores one connection, and how the API renders it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from ._common import format_timestamp

__all__ = ["ConnectionRecord", "delegate_instructions"]


@dataclass(eq=False)
class ConnectionRecord:
    """One connection as the sandbox stores it; :meth:`to_json` renders the API shape."""

    seq: int
    id: str
    entity_id: str
    institution_id: str | None
    portal_url: str | None
    institution_name: str | None
    # Create-or-return matches portal-only connections on their portal, even after
    # activation has given them an institution id.
    created_from_portal: bool
    created_at: datetime
    updated_at: datetime
    instructions: dict[str, str | None]
    kind: Literal["setup", "ready"] = "setup"
    status: str = "draft"
    metadata: dict[str, Any] = field(default_factory=dict)
    setup_status: str = "awaitingDelegatedUserCreation"
    action_required_by: str = "endUser"
    next_action: str = "createDelegatedUser"
    bank_username: str | None = None
    bank_customer_id: str | None = None
    password: str | None = field(default=None, repr=False)
    sync_status: str = "idle"
    last_synced_at: datetime | None = None
    error_code: str | None = None
    error_message: str | None = None
    # GETs left before a pending activation / running sync completes; None when nothing is
    # pending. Counting reads instead of seconds keeps tests deterministic.
    activation_countdown: int | None = None
    sync_countdown: int | None = None

    @property
    def credentials_present(self) -> bool:
        """Whether any credential was handed over and not cleared since."""
        return any(
            v is not None for v in (self.bank_username, self.bank_customer_id, self.password)
        )

    def to_json(self) -> dict[str, Any]:
        """The connection as the API returns it (camelCase; never the password)."""
        common: dict[str, Any] = {
            "id": self.id,
            "entityId": self.entity_id,
            "institutionId": self.institution_id,
            "status": self.status,
        }
        if self.kind == "ready":
            return {
                **common,
                "syncStatus": self.sync_status,
                "createdAt": format_timestamp(self.created_at),
                "updatedAt": format_timestamp(self.updated_at),
                "kind": "ready",
                "portalUrl": self.portal_url,
                "institutionName": self.institution_name,
                "lastSyncedAt": (
                    None if self.last_synced_at is None else format_timestamp(self.last_synced_at)
                ),
                "errorCode": self.error_code,
                "errorMessage": self.error_message,
                "metadata": dict(self.metadata),
            }
        return {
            **common,
            "createdAt": format_timestamp(self.created_at),
            "updatedAt": format_timestamp(self.updated_at),
            "kind": "setup",
            "portalUrl": self.portal_url,
            "institutionName": self.institution_name,
            "metadata": dict(self.metadata),
            "setup": {
                "status": self.setup_status,
                "instructions": dict(self.instructions),
                "credentialsPresent": self.credentials_present,
                "actionRequiredBy": self.action_required_by,
                "nextAction": self.next_action,
            },
        }


def delegate_instructions(connection_id: str) -> dict[str, str | None]:
    # Derived from the id so the same connection always shows the same delegated user.
    tag = connection_id[-6:]
    phone_suffix = int(connection_id[-4:], 16) % 10_000
    return {
        "firstName": "Waycore",
        "lastName": "Delegate",
        "address": "123 Market St, San Francisco, CA 94105",
        "email": f"delegate.{tag}@users.waycore.com",
        "username": f"waycore_{tag}",
        "phoneNumber": f"+1415555{phone_suffix:04d}",
        "emailProvisioningStatus": "pending",
        "phoneNumberProvisioningStatus": "pending",
    }
