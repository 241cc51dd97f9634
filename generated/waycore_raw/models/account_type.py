from enum import StrEnum


class AccountType(StrEnum):
    CHECKING = "checking"
    CREDITCARD = "creditCard"
    INVESTMENT = "investment"
    LOAN = "loan"
    MONEYMARKET = "moneyMarket"
    OTHER = "other"
    SAVINGS = "savings"
    UNKNOWN = "unknown"
    WALLET = "wallet"

    def __str__(self) -> str:
        return str(self.value)
