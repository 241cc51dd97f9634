"""Typed models and enums returned by the SDK."""

from .connection import (
    Connection,
    ConnectionSetup,
    ReadyConnection,
    SetupConnection,
    SetupInstructions,
    UnknownConnection,
)
from .enums import ConnectionStatus, SyncStatus

__all__ = [
    "Connection",
    "ConnectionSetup",
    "ConnectionStatus",
    "ReadyConnection",
    "SetupConnection",
    "SetupInstructions",
    "SyncStatus",
    "UnknownConnection",
]
