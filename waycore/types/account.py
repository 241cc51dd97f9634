"""Account models and enums: the bank accounts a connection reads."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from .._models import Model
from ._open_enum import OpenStrEnum

__all__ = ["Account", "AccountStatus", "AccountType"]


def _mask(value: str | None) -> str:
    # Account and routing numbers are as sensitive as the API key: never in logs or tracebacks.
    return "None" if value is None else "'***'"


class AccountType(OpenStrEnum):
    """Canonical account type; compares equal to its wire string."""

    CHECKING = "checking"
    SAVINGS = "savings"
    MONEY_MARKET = "moneyMarket"
    CREDIT_CARD = "creditCard"
    LOAN = "loan"
    INVESTMENT = "investment"
    WALLET = "wallet"
    OTHER = "other"
    UNKNOWN = "unknown"


class AccountStatus(OpenStrEnum):
    """Whether the account is open; compares equal to its wire string."""

    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


@attrs.frozen(slots=True)
class Account(Model):
    """A bank account discovered on a connection.

    Balances are `Decimal` (never `float`). `account_number` and `routing_number` are shown as
    `'***'` in `repr`; read the attributes (or `to_dict()`) for the values.

    Example::

        for account in client.accounts.list(connection_id="conn_123", status="open"):
            print(account.name, account.currency, account.current_balance)
    """

    _schema_name: ClassVar[str | None] = "Account"

    id: str
    connection_id: str
    type: AccountType
    currency: str
    name: str
    status: AccountStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    official_name: str | None = None
    masked_number: str | None = None
    account_number: str | None = attrs.field(default=None, repr=_mask)
    routing_number: str | None = attrs.field(default=None, repr=_mask)
    swift_bic: str | None = None
    current_balance: Decimal | None = None
    available_balance: Decimal | None = None
    balance_as_of: datetime.datetime | None = None
    metadata: dict[str, Any] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)
