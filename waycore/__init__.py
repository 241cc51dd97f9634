"""Python SDK for the Waycore commercial banking API.

Example::

    import waycore

    with waycore.Waycore() as client:                  # API key from $WAYCORE_API_KEY
        conn = client.connections.create(entity_id=entity_id, institution_id="chase")
"""

from typing import TYPE_CHECKING, Any

from ._client import AsyncWaycore, Waycore
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ConnectionStateError,
    CursorExpiredError,
    IdempotencyConflictError,
    InternalServerError,
    InvalidCursorError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    WaitTimeoutError,
    WaycoreError,
    WebhookVerificationError,
)
from ._operation import RequestOptions
from ._pagination import AsyncPager, Page, Pager
from ._response import APIResponse
from ._types import NOT_GIVEN, NotGiven, Timeout
from ._version import __version__
from .types.connection import (
    Connection,
    ConnectionSetup,
    ReadyConnection,
    SetupConnection,
    SetupInstructions,
    UnknownConnection,
)
from .types.enums import ConnectionStatus, SyncStatus

if TYPE_CHECKING:
    from . import webhooks
    from ._cursor_stores import CursorStore, MemoryCursorStore, SQLiteCursorStore
    from ._feed import AsyncTransactionFeed, FeedRunSummary, TransactionFeed
    from .types import (
        Account,
        AccountStatus,
        AccountType,
        Balance,
        BalanceSource,
        Entity,
        EntryType,
        Institution,
        Money,
        Transaction,
        TransactionAdded,
        TransactionEvent,
        TransactionModified,
        TransactionRail,
        TransactionRemoved,
        TransactionStatus,
        TransactionSyncPage,
        Transfer,
        TransferDirection,
        TransferStatus,
        TransferType,
        UnknownTransactionEvent,
        Webhook,
        WebhookEventType,
    )
    from .webhooks import (
        ConnectionStatusChangedData,
        ConnectionStatusChangedEvent,
        TestEvent,
        TransactionsSyncAvailableData,
        TransactionsSyncAvailableEvent,
        UnknownWebhookEvent,
        WebhookEvent,
    )

# Loaded on first use (PEP 562): verifying webhooks and mirroring transactions are not what
# every program does, and `import waycore` should not pay for them (sqlite3, hmac, models).
_LAZY = {
    "webhooks": (".webhooks", None),
    "CursorStore": ("._cursor_stores", "CursorStore"),
    "MemoryCursorStore": ("._cursor_stores", "MemoryCursorStore"),
    "SQLiteCursorStore": ("._cursor_stores", "SQLiteCursorStore"),
    "AsyncTransactionFeed": ("._feed", "AsyncTransactionFeed"),
    "FeedRunSummary": ("._feed", "FeedRunSummary"),
    "TransactionFeed": ("._feed", "TransactionFeed"),
    **{
        name: (".types", name)
        for name in (
            "Account",
            "AccountStatus",
            "AccountType",
            "Balance",
            "BalanceSource",
            "Entity",
            "EntryType",
            "Institution",
            "Money",
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
            "UnknownTransactionEvent",
            "Webhook",
            "WebhookEventType",
        )
    },
    **{
        name: (".webhooks", name)
        for name in (
            "ConnectionStatusChangedData",
            "ConnectionStatusChangedEvent",
            "TestEvent",
            "TransactionsSyncAvailableData",
            "TransactionsSyncAvailableEvent",
            "UnknownWebhookEvent",
            "WebhookEvent",
        )
    },
}


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'waycore' has no attribute {name!r}")
    import importlib

    module = importlib.import_module(where[0], __name__)
    value = module if where[1] is None else getattr(module, where[1])
    globals()[name] = value
    return value


# Names kept from before the generic pager: the connection-specific classes it replaced.
ConnectionPage = Page
ConnectionPager = Pager
AsyncConnectionPager = AsyncPager

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "Account",
    "AccountStatus",
    "AccountType",
    "AsyncConnectionPager",
    "AsyncPager",
    "AsyncTransactionFeed",
    "AsyncWaycore",
    "AuthenticationError",
    "BadRequestError",
    "Balance",
    "BalanceSource",
    "ConflictError",
    "Connection",
    "ConnectionPage",
    "ConnectionPager",
    "ConnectionSetup",
    "ConnectionStateError",
    "ConnectionStatus",
    "ConnectionStatusChangedData",
    "ConnectionStatusChangedEvent",
    "CursorExpiredError",
    "CursorStore",
    "Entity",
    "EntryType",
    "FeedRunSummary",
    "IdempotencyConflictError",
    "Institution",
    "InternalServerError",
    "InvalidCursorError",
    "MemoryCursorStore",
    "Money",
    "NotFoundError",
    "NotGiven",
    "Page",
    "Pager",
    "PermissionDeniedError",
    "RateLimitError",
    "ReadyConnection",
    "RequestOptions",
    "SQLiteCursorStore",
    "SetupConnection",
    "SetupInstructions",
    "SyncStatus",
    "TestEvent",
    "Timeout",
    "Transaction",
    "TransactionAdded",
    "TransactionEvent",
    "TransactionFeed",
    "TransactionModified",
    "TransactionRail",
    "TransactionRemoved",
    "TransactionStatus",
    "TransactionSyncPage",
    "TransactionsSyncAvailableData",
    "TransactionsSyncAvailableEvent",
    "Transfer",
    "TransferDirection",
    "TransferStatus",
    "TransferType",
    "UnknownConnection",
    "UnknownTransactionEvent",
    "UnknownWebhookEvent",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "Waycore",
    "WaycoreError",
    "Webhook",
    "WebhookEvent",
    "WebhookEventType",
    "WebhookVerificationError",
    "__version__",
    "webhooks",
]
