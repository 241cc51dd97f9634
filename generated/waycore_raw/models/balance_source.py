from enum import StrEnum


class BalanceSource(StrEnum):
    BANKPROVIDED = "bankProvided"
    DERIVED = "derived"

    def __str__(self) -> str:
        return str(self.value)
