"""Transfer models and enums: money moved between connected accounts or paid out.

Amounts are `decimal.Decimal`, never `float`. Fields the SDK does not know yet (the Legacy
list/get pages still send `batchId`, `rail`, `completedAt`...) are kept in `extra`.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from .._models import Model, wire
from ._open_enum import OpenStrEnum

__all__ = [
    "Money",
    "Transfer",
    "TransferDirection",
    "TransferFailureReason",
    "TransferStatus",
    "TransferType",
]


class TransferStatus(OpenStrEnum):
    """Lifecycle status of a transfer; compares equal to its wire string.

    Example::

        if transfer.status == waycore.TransferStatus.PENDING_BANK_APPROVAL:
            tell_user_to_approve_in_the_bank_portal()
    """

    QUEUED = "queued"
    """Accepted and waiting to execute."""
    EXECUTING = "executing"
    PENDING_BANK_APPROVAL = "pending_bank_approval"
    """Waycore started the bank flow; the end user must approve it in the bank portal
    (always the case for external transfers)."""
    COMPLETED = "completed"
    FAILED = "failed"
    """See `Transfer.failure_reason`; `client.transfers.retry(id)` may try again."""
    RETURNED = "returned"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class TransferDirection(OpenStrEnum):
    """`Transfer.type`: between the organization's own connected accounts, or paid out."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class TransferType(OpenStrEnum):
    """The rail a transfer uses (`transfer_type`)."""

    INTERNAL = "internal"
    """Between connected accounts at the same institution."""
    ACH = "ach"
    """US domestic ACH."""
    WIRE = "wire"
    """US domestic wire."""
    SWIFT = "swift"
    """International wire via SWIFT."""
    FEDNOW = "fednow"
    RTP = "rtp"
    SEPA = "sepa"
    LOCAL = "local"
    """Local domestic rails not covered by a more specific value."""


@attrs.frozen(slots=True)
class Money(Model):
    """An amount in a currency: `Money(value=Decimal("1250.00"), currency="USD")`.

    The API documents no required field here (the spec mirrors that), so each may be `None`
    should the server leave it out; every documented response carries `value` and
    `currency`. `type` is `"money"` in every example.
    """

    _schema_name: ClassVar[str | None] = "Money"

    value: Decimal | None = None
    currency: str | None = None
    type: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class TransferFailureReason(Model):
    """Why a transfer `failed`, was `returned` or `cancelled` (`Transfer.failure_details`)."""

    _schema_name: ClassVar[str | None] = "TransferFailureReason"

    message: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class Transfer(Model):
    """A transfer (internal, between connected accounts) or payment (external).

    Example::

        transfer = client.transfers.create_internal(
            amount=Decimal("1250.00"), currency="USD",
            source_account_id=src, destination_account_id=dst,
            client_reference="INV-1042", idempotency_key="inv-1042",
        )
        print(transfer.status, transfer.requested_amount.value)

    `status`, `type` and `transfer_type` are `None` when the server leaves them out (the
    documented response sample does). `destination` is the dict as the API sent it
    (`{"type": "internal", "accountId": ...}`, or a masked external destination).
    """

    _schema_name: ClassVar[str | None] = "Transfer"

    id: str
    requested_amount: Money
    source_account_id: str
    destination: dict[str, Any]
    client_reference: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    status: TransferStatus | None = None
    type: TransferDirection | None = None
    executed_amount: Money | None = None
    transfer_type: TransferType | None = None
    execution_date: datetime.date | None = None
    memo: str | None = None
    # The wire field is an object (`{"message": ...}`, room for a code later), so it is kept
    # whole as a nested model: `to_dict()` then gives back the payload as sent, and the
    # plain-string view users want is the `failure_reason` property below.
    failure_details: TransferFailureReason | None = wire("failureReason", default=None)  # noqa: RUF009
    extra: dict[str, Any] = attrs.field(factory=dict)

    @property
    def failure_reason(self) -> str | None:
        """`failureReason.message`: why the transfer failed, was returned or cancelled."""
        return None if self.failure_details is None else self.failure_details.message
