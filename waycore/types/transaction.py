"""Transaction models, enums and change-feed events."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, ClassVar, Literal, TypeAlias

import attrs

from .._models import Model, ParseError, raw_field, tagged_union, wire
from ._open_enum import OpenStrEnum

__all__ = [
    "EntryType",
    "Transaction",
    "TransactionAdded",
    "TransactionEvent",
    "TransactionModified",
    "TransactionRail",
    "TransactionRemoved",
    "TransactionStatus",
    "TransactionSyncPage",
    "TransactionSyncResponse",
    "UnknownTransactionEvent",
]


class TransactionStatus(OpenStrEnum):
    """Transaction status; only `pending` and `posted` are emitted today."""

    PENDING = "pending"
    POSTED = "posted"
    REVERSED = "reversed"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class EntryType(OpenStrEnum):
    """Whether money came in (`credit`) or went out (`debit`)."""

    CREDIT = "credit"
    DEBIT = "debit"


class TransactionRail(OpenStrEnum):
    """Payment rail. The API documents more rails than these: others are kept as sent."""

    INTERNAL_TRANSFER = "internalTransfer"
    CARD = "card"
    ACH = "ach"
    SEPA_CREDIT = "sepaCredit"
    SEPA_DEBIT = "sepaDebit"
    WIRE = "wire"
    SWIFT = "swift"
    FASTER_PAYMENTS = "fasterPayments"


@attrs.frozen(slots=True)
class Transaction(Model):
    """A bank transaction. `amount` is a signed `Decimal` (negative is an outflow);
    `posted_date` is a `datetime.date`, `None` while pending."""

    _schema_name: ClassVar[str | None] = "Transaction"

    id: str
    connection_id: str
    account_id: str
    status: TransactionStatus
    posted_date: datetime.date | None
    updated_at: datetime.datetime
    amount: Decimal
    currency: str
    entry_type: EntryType
    description: str
    rail: TransactionRail
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
    extra: dict[str, Any] = attrs.field(factory=dict)


# --- The change feed ----------------------------------------------------------------------


@attrs.frozen(slots=True)
class TransactionAdded(Model):
    """A transaction appeared in the stream: upsert it by `transaction.id`."""

    _schema_name: ClassVar[str | None] = "TransactionAdded"

    transaction: Transaction
    type: Literal["added"] = "added"
    event_id: str | None = None
    event_at: datetime.datetime | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class TransactionModified(Model):
    """A transaction changed: upsert it by `transaction.id`."""

    _schema_name: ClassVar[str | None] = "TransactionModified"

    transaction: Transaction
    type: Literal["modified"] = "modified"
    event_id: str | None = None
    event_at: datetime.datetime | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class TransactionRemoved(Model):
    """A transaction was deleted: delete `transaction_id` from the mirror.

    The API sends either the whole `transaction` or only a top-level `transactionId`;
    `transaction_id` is right in both cases, and `transaction` is `None` when not sent.
    """

    _schema_name: ClassVar[str | None] = "TransactionRemoved"

    type: Literal["removed"] = "removed"
    event_id: str | None = None
    event_at: datetime.datetime | None = None
    transaction: Transaction | None = None
    # The wire field `transactionId` as sent (None when the event embeds `transaction`);
    # read `transaction_id`. A property over the declared field, not a value filled in after
    # parsing: the engine stays the only parser (a removed event read anywhere, on a page or
    # through `from_dict`, gets the fallback), and `to_dict()` gives back exactly the keys the
    # server sent. attrs names the constructor argument `transaction_id`.
    _transaction_id: str | None = wire("transactionId", default=None)
    extra: dict[str, Any] = attrs.field(factory=dict)

    @property
    def transaction_id(self) -> str:
        """The id of the removed transaction (`transactionId`, else `transaction.id`)."""
        if self._transaction_id is not None:
            return self._transaction_id
        if self.transaction is not None:
            return self.transaction.id
        # Unreachable for events read from a sync page: that parser refuses this shape.
        raise ValueError("this removed event carries neither transactionId nor transaction")


@attrs.frozen(slots=True)
class UnknownTransactionEvent(Model):
    """A change event of a `type` this SDK version does not know; `raw` is the payload as
    sent. Skipping it is usually right; log it so you notice the SDK needs an update."""

    type: str
    raw: dict[str, Any] = raw_field()  # noqa: RUF009 - an attrs field, not a dataclass default
    event_id: str | None = None
    event_at: datetime.datetime | None = None


TransactionEvent: TypeAlias = (
    TransactionAdded | TransactionModified | TransactionRemoved | UnknownTransactionEvent
)
"""One change event of the feed; tell them apart with `isinstance` (or `type`)."""
tagged_union(TransactionEvent, tag="type")


@attrs.frozen(slots=True)
class TransactionSyncResponse(Model):
    """The body of `GET /transactions/sync` as sent (users get a `TransactionSyncPage`)."""

    _schema_name: ClassVar[str | None] = "TransactionSyncPage"

    events: list[TransactionEvent]
    next_cursor: str | None
    has_more: bool
    meta: dict[str, Any] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class TransactionSyncPage:
    """One page of the transaction change feed.

    Apply `events` in order (upsert `TransactionAdded` / `TransactionModified` by
    `transaction.id`, delete on `TransactionRemoved`), then persist `next_cursor`. When
    `has_more` is true, more events are ready now: call again at once with `next_cursor`.
    """

    events: list[TransactionEvent]
    next_cursor: str | None
    has_more: bool
    request_id: str | None = None

    @classmethod
    def from_response(cls, response: TransactionSyncResponse) -> TransactionSyncPage:
        """The page of a parsed sync body; raises `ParseError` on a body no mirror could use
        (`hasMore` without a cursor, a removed event naming no transaction)."""
        if response.has_more and not response.next_cursor:
            raise ParseError("nextCursor", "a cursor when hasMore is true", "none")
        for index, event in enumerate(response.events):
            if (
                isinstance(event, TransactionRemoved)
                and event._transaction_id is None
                and event.transaction is None
            ):
                raise ParseError(
                    f"events[{index}].transactionId",
                    "a string when the event has no transaction",
                    "nothing (the field is missing)",
                )
        request_id = response.meta.get("requestId")
        return cls(
            response.events,
            response.next_cursor,
            response.has_more,
            request_id if type(request_id) is str else None,
        )
