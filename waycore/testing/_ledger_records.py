"""How the sandbox stores accounts, daily balances and transactions; how the API renders them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from ._common import format_timestamp

__all__ = ["CENT", "AccountRecord", "BalanceRow", "TransactionRecord", "money"]

CENT: Final = Decimal("0.01")


def money(value: Decimal) -> str:
    """A signed decimal string with two places, as the API writes amounts (``"-250.00"``)."""
    return f"{value.quantize(CENT):f}"


@dataclass(eq=False)
class AccountRecord:
    """One bank account of a connection."""

    seq: int
    id: str
    connection_id: str
    entity_id: str
    type: str
    currency: str
    name: str
    official_name: str
    masked_number: str
    account_number: str
    routing_number: str | None
    swift_bic: str | None
    created_at: datetime
    #: The ledger balance before the first generated day; every later one follows from it.
    opening_balance: Decimal
    #: The first day with a balance row.
    history_start: date
    current_balance: Decimal = Decimal(0)
    available_balance: Decimal = Decimal(0)
    balance_as_of: datetime | None = None
    status: str = "open"
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The account as the API returns it; ``updatedAt`` equals ``balanceAsOf``."""
        as_of = None if self.balance_as_of is None else format_timestamp(self.balance_as_of)
        return {
            "id": self.id,
            "connectionId": self.connection_id,
            "type": self.type,
            "currency": self.currency,
            "name": self.name,
            "status": self.status,
            "createdAt": format_timestamp(self.created_at),
            "updatedAt": as_of or format_timestamp(self.created_at),
            "officialName": self.official_name,
            "maskedNumber": self.masked_number,
            "accountNumber": self.account_number,
            "routingNumber": self.routing_number,
            "swiftBic": self.swift_bic,
            "currentBalance": money(self.current_balance),
            "availableBalance": money(self.available_balance),
            "balanceAsOf": as_of,
            "metadata": dict(self.metadata),
        }


@dataclass(eq=False)
class TransactionRecord:
    """One transaction of an account."""

    id: str
    connection_id: str
    account_id: str
    status: str
    posted_date: date | None
    updated_at: datetime
    amount: Decimal
    currency: str
    description: str
    rail: str
    raw_description: str | None = None
    payment_reference: str | None = None
    customer_reference: str | None = None
    bank_reference: str | None = None
    bai_code: str | None = None
    category: str | None = None
    subcategory: str | None = None
    mcc: str | None = None
    merchant_name: str | None = None
    counterparty_name: str | None = None
    counterparty_account_masked: str | None = None

    @property
    def entry_type(self) -> str:
        """``credit`` for money in, ``debit`` for money out (the sign of the amount)."""
        return "debit" if self.amount < 0 else "credit"

    def to_json(self) -> dict[str, Any]:
        """The transaction as the API returns it (``postedDate`` null while pending)."""
        return {
            "id": self.id,
            "connectionId": self.connection_id,
            "accountId": self.account_id,
            "status": self.status,
            "postedDate": None if self.posted_date is None else self.posted_date.isoformat(),
            "updatedAt": format_timestamp(self.updated_at),
            "amount": money(self.amount),
            "currency": self.currency,
            "entryType": self.entry_type,
            "description": self.description,
            "rail": self.rail,
            "rawDescription": self.raw_description,
            "paymentReference": self.payment_reference,
            "customerReference": self.customer_reference,
            "bankReference": self.bank_reference,
            "baiCode": self.bai_code,
            "category": self.category,
            "subcategory": self.subcategory,
            "mcc": self.mcc,
            "merchantName": self.merchant_name,
            "counterpartyName": self.counterparty_name,
            "counterpartyAccountMasked": self.counterparty_account_masked,
        }


@dataclass(eq=False)
class BalanceRow:
    """The end-of-day balance of one account on one date (a mutable projection)."""

    account_id: str
    connection_id: str
    entity_id: str
    date: date
    ledger_balance: Decimal
    posted_transaction_delta: Decimal
    source: str
    updated_at: datetime

    def to_json(self) -> dict[str, Any]:
        """The balance row as the API returns it."""
        return {
            "accountId": self.account_id,
            "connectionId": self.connection_id,
            "entityId": self.entity_id,
            "date": self.date.isoformat(),
            "ledgerBalance": money(self.ledger_balance),
            "postedTransactionDelta": money(self.posted_transaction_delta),
            "source": self.source,
            "updatedAt": format_timestamp(self.updated_at),
        }
