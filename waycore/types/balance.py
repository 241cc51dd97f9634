"""Balance models and enums: daily balances of the accounts."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from .._models import Model
from ._open_enum import OpenStrEnum

__all__ = ["Balance", "BalanceSource"]


class BalanceSource(OpenStrEnum):
    """Where a balance came from; compares equal to its wire string."""

    BANK_PROVIDED = "bankProvided"
    """Taken from bank data."""
    DERIVED = "derived"
    """Computed by Waycore from an observed balance plus posted transactions."""


@attrs.frozen(slots=True)
class Balance(Model):
    """One projected end-of-day balance of an account.

    Rows change after a sync or a backfill: fetch the dates you care about again. The API
    documents no field as always present, so every field may be `None`; amounts are `Decimal`.
    """

    _schema_name: ClassVar[str | None] = "Balance"

    account_id: str | None = None
    date: datetime.date | None = None
    ledger_balance: Decimal | None = None
    posted_transaction_delta: Decimal | None = None
    source: BalanceSource | None = None
    updated_at: datetime.datetime | None = None
    connection_id: str | None = None
    entity_id: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)
