from enum import StrEnum


class ConnectionStatus(StrEnum):
    ACTIVE = "active"
    DRAFT = "draft"
    ERRORED = "errored"
    PAUSED = "paused"
    PENDINGACTIVATION = "pendingActivation"
    REAUTHREQUIRED = "reauthRequired"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
