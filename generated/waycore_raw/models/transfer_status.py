from enum import StrEnum


class TransferStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    EXECUTING = "executing"
    FAILED = "failed"
    PENDING_BANK_APPROVAL = "pending_bank_approval"
    QUEUED = "queued"
    RETURNED = "returned"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
