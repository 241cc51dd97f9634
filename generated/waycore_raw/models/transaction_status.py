from enum import StrEnum


class TransactionStatus(StrEnum):
    CANCELLED = "cancelled"
    PENDING = "pending"
    POSTED = "posted"
    REVERSED = "reversed"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
