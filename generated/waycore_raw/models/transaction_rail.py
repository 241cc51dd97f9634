from enum import StrEnum


class TransactionRail(StrEnum):
    ACH = "ach"
    CARD = "card"
    FASTERPAYMENTS = "fasterPayments"
    INTERNALTRANSFER = "internalTransfer"
    SEPACREDIT = "sepaCredit"
    SEPADEBIT = "sepaDebit"
    SWIFT = "swift"
    WIRE = "wire"

    def __str__(self) -> str:
        return str(self.value)
