from enum import StrEnum


class WebhookEventType(StrEnum):
    ACCOUNT_CREATED = "account.created"
    ACCOUNT_UPDATED = "account.updated"
    CONNECTION_STATUS_CHANGED = "connection.status_changed"
    TEST = "test"
    TRANSACTIONS_SYNC_AVAILABLE = "transactions.sync_available"
    TRANSFER_STATUS_CHANGED = "transfer.status_changed"

    def __str__(self) -> str:
        return str(self.value)
