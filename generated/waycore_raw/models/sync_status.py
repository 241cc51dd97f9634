from enum import StrEnum


class SyncStatus(StrEnum):
    IDLE = "idle"
    SYNCING = "syncing"

    def __str__(self) -> str:
        return str(self.value)
