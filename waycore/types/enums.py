"""The API's enumerations. Each accepts values added by the server after this release."""

from __future__ import annotations

from ._open_enum import OpenStrEnum

__all__ = ["ConnectionStatus", "SyncStatus"]


class ConnectionStatus(OpenStrEnum):
    """Lifecycle status of a connection; compares equal to its wire string.

    Example::

        if conn.status == "active": ...            # or ConnectionStatus.ACTIVE
    """

    DRAFT = "draft"
    """Onboarding inputs are still incomplete."""
    PENDING_ACTIVATION = "pendingActivation"
    """Bank-side setup is done; Waycore is activating the connection."""
    ACTIVE = "active"
    """Syncing normally."""
    REAUTH_REQUIRED = "reauthRequired"
    """Bank authentication must be renewed; waiting will not fix it."""
    ERRORED = "errored"
    """Recoverable error; Waycore retries (see `error_code`, `error_message`)."""
    PAUSED = "paused"
    """Temporarily suspended."""
    REVOKED = "revoked"
    """Access removed; no more syncs. Terminal."""


class SyncStatus(OpenStrEnum):
    """Whether a ready connection is syncing right now."""

    IDLE = "idle"
    SYNCING = "syncing"
