"""Typed models and enums returned by the SDK, one module per resource."""

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
