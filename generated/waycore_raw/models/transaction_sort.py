from enum import StrEnum


class TransactionSort(StrEnum):
    POSTEDDATE = "postedDate"
    UPDATEDAT = "updatedAt"
    VALUE_1 = "-postedDate"
    VALUE_3 = "-updatedAt"

    def __str__(self) -> str:
        return str(self.value)
