"""Typed models and enums returned by the SDK, one module per resource.

Each name is loaded with its module on first use (PEP 562), so `import waycore` does not
build every model class.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account import Account, AccountStatus, AccountType
    from .balance import Balance, BalanceSource
    from .connection import (
        Connection,
        ConnectionSetup,
        ReadyConnection,
        SetupConnection,
        SetupInstructions,
        UnknownConnection,
    )
    from .entity import Entity
    from .enums import ConnectionStatus, SyncStatus
    from .institution import Institution
    from .transaction import (
        EntryType,
        Transaction,
        TransactionAdded,
        TransactionEvent,
        TransactionModified,
        TransactionRail,
        TransactionRemoved,
        TransactionStatus,
        TransactionSyncPage,
        UnknownTransactionEvent,
    )
    from .transfer import Money, Transfer, TransferDirection, TransferStatus, TransferType
    from .webhook import Webhook, WebhookEventType

_WHERE = {
    "Account": ".account",
    "AccountStatus": ".account",
    "AccountType": ".account",
    "Balance": ".balance",
    "BalanceSource": ".balance",
    "Connection": ".connection",
    "ConnectionSetup": ".connection",
    "ConnectionStatus": ".enums",
    "Entity": ".entity",
    "EntryType": ".transaction",
    "Institution": ".institution",
    "Money": ".transfer",
    "ReadyConnection": ".connection",
    "SetupConnection": ".connection",
    "SetupInstructions": ".connection",
    "SyncStatus": ".enums",
    "Transaction": ".transaction",
    "TransactionAdded": ".transaction",
    "TransactionEvent": ".transaction",
    "TransactionModified": ".transaction",
    "TransactionRail": ".transaction",
    "TransactionRemoved": ".transaction",
    "TransactionStatus": ".transaction",
    "TransactionSyncPage": ".transaction",
    "Transfer": ".transfer",
    "TransferDirection": ".transfer",
    "TransferStatus": ".transfer",
    "TransferType": ".transfer",
    "UnknownConnection": ".connection",
    "UnknownTransactionEvent": ".transaction",
    "Webhook": ".webhook",
    "WebhookEventType": ".webhook",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Account",
    "AccountStatus",
    "AccountType",
    "Balance",
    "BalanceSource",
    "Connection",
    "ConnectionSetup",
    "ConnectionStatus",
    "Entity",
    "EntryType",
    "Institution",
    "Money",
    "ReadyConnection",
    "SetupConnection",
    "SetupInstructions",
    "SyncStatus",
    "Transaction",
    "TransactionAdded",
    "TransactionEvent",
    "TransactionModified",
    "TransactionRail",
    "TransactionRemoved",
    "TransactionStatus",
    "TransactionSyncPage",
    "Transfer",
    "TransferDirection",
    "TransferStatus",
    "TransferType",
    "UnknownConnection",
    "UnknownTransactionEvent",
    "Webhook",
    "WebhookEventType",
]
