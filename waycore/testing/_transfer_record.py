"""How the sandbox reads a transfer request, stores a transfer, and renders it.

The internal request is validated in full (the spec's ``InternalTransferRequest``). The
external one is documented only in part, so it is read permissively: unknown fields are
kept, and only what a Transfer needs (amount, source account, rail, a destination with a
``paymentIdentifier.scheme``, client reference) is required.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from ._common import format_timestamp, validation_error

__all__ = [
    "EXTERNAL_RAILS",
    "FINAL_STATUSES",
    "TRANSFER_STATUSES",
    "TransferRecord",
    "TransferRequest",
    "parse_transfer_request",
]

TRANSFER_STATUSES: Final = (
    "queued",
    "executing",
    "pending_bank_approval",
    "completed",
    "failed",
    "returned",
    "cancelled",
    "unknown",
)
FINAL_STATUSES: Final = frozenset({"completed", "failed", "returned", "cancelled"})
EXTERNAL_RAILS: Final = ("ach", "wire", "swift", "fednow", "rtp", "sepa", "local")
MAX_CLIENT_REFERENCE: Final = 140
MAX_MEMO: Final = 500
MAX_ID_LENGTH: Final = 255
# A plain positive decimal: no sign, no exponent (the SDK sends Decimal("1E+2") as "100").
_DECIMAL_RE: Final = re.compile(r"\A[0-9]{1,18}(?:\.[0-9]{1,18})?\Z")
_CURRENCY_RE: Final = re.compile(r"\A[A-Z0-9]{3,12}\Z")
_DATE_RE: Final = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


@dataclass(frozen=True)
class TransferRequest:
    """A validated ``POST /transfers`` body."""

    direction: str  # "internal" or "external"
    value: str  # the amount as sent, e.g. "1250.00"
    amount: Decimal
    currency: str
    source_account_id: str
    destination: dict[str, Any]  # as rendered in the Transfer (external: masked)
    destination_account_id: str | None  # internal transfers only
    transfer_type: str
    client_reference: str
    execution_date: str | None
    memo: str | None


@dataclass(eq=False)
class TransferRecord:
    """One transfer as the sandbox stores it; :meth:`to_json` renders the API shape."""

    seq: int
    id: str
    request: TransferRequest
    created_at: datetime
    updated_at: datetime
    status: str = "queued"
    failure_message: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The Newest Transfer schema."""
        req = self.request
        money = {"type": "money", "value": req.value, "currency": req.currency}
        rendered: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "type": req.direction,
            "requestedAmount": money,
            "sourceAccountId": req.source_account_id,
            "destination": copy.deepcopy(req.destination),
            "transferType": req.transfer_type,
            "clientReference": req.client_reference,
            "executionDate": req.execution_date,
            "createdAt": format_timestamp(self.created_at),
            "updatedAt": format_timestamp(self.updated_at),
        }
        if self.status in ("completed", "returned"):
            rendered["executedAmount"] = dict(money)
        if req.memo is not None:
            rendered["memo"] = req.memo
        if self.failure_message is not None:
            rendered["failureReason"] = {"message": self.failure_message}
        return rendered


def parse_transfer_request(body: object) -> TransferRequest:
    """A validated request, or 422 naming the first problem."""
    if not isinstance(body, dict):
        raise validation_error("The request body must be a JSON object.")
    direction = body.get("type")
    if direction not in ("internal", "external"):
        raise validation_error("type is required and must be 'internal' or 'external'.")
    value, amount, currency = _money(body.get("amount"))
    source = _account_id(body.get("sourceAccountId"), "sourceAccountId")
    client_reference = _text(body.get("clientReference"), "clientReference", MAX_CLIENT_REFERENCE)
    execution_date = _date(body["executionDate"]) if "executionDate" in body else None
    memo = _memo(body["memo"]) if "memo" in body else None
    if "skipPreflight" in body and not isinstance(body["skipPreflight"], bool):
        raise validation_error("skipPreflight must be a boolean.")
    destination = body.get("destination")
    if not isinstance(destination, dict):
        raise validation_error("destination is required and must be an object.")
    rail = body.get("transferType")
    destination_account_id: str | None = None
    if direction == "internal":
        if rail != "internal":
            raise validation_error("transferType is required and must be 'internal'.")
        if destination.get("type") != "internal":
            raise validation_error("destination.type must be 'internal'.")
        destination_account_id = _account_id(destination.get("accountId"), "destination.accountId")
        if destination_account_id == source:
            raise validation_error("destination.accountId must differ from sourceAccountId.")
        rendered = {"type": "internal", "accountId": destination_account_id}
    else:
        if rail not in EXTERNAL_RAILS:
            raise validation_error(
                "transferType is required and must be one of " + ", ".join(EXTERNAL_RAILS) + "."
            )
        identifier = destination.get("paymentIdentifier")
        if not isinstance(identifier, dict) or not isinstance(identifier.get("scheme"), str):
            raise validation_error(
                "destination.paymentIdentifier must be an object with a 'scheme' string."
            )
        rendered = _masked_destination(destination)
    return TransferRequest(
        direction=direction,
        value=value,
        amount=amount,
        currency=currency,
        source_account_id=source,
        destination=rendered,
        destination_account_id=destination_account_id,
        transfer_type=rail,
        client_reference=client_reference,
        execution_date=execution_date,
        memo=memo,
    )


def _money(raw: object) -> tuple[str, Decimal, str]:
    if not isinstance(raw, dict):
        raise validation_error("amount is required and must be a Money object.")
    if raw.get("type") != "money":
        raise validation_error("amount.type must be 'money'.")
    value = raw.get("value")
    if not isinstance(value, str):
        raise validation_error(
            'amount.value must be a decimal string such as "1250.00" (not a JSON number: '
            "binary floats cannot hold cents exactly)."
        )
    try:
        amount = Decimal(value) if _DECIMAL_RE.match(value) else None
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        amount = None
    if amount is None:
        raise validation_error(
            'amount.value must be a plain decimal string such as "1250.00" (digits, at most '
            "one '.', no sign or exponent)."
        )
    if amount <= 0:
        raise validation_error("amount.value must be greater than zero.")
    currency = raw.get("currency")
    if not isinstance(currency, str) or not _CURRENCY_RE.match(currency):
        raise validation_error("amount.currency must be 3 to 12 capital letters or digits.")
    return value, amount, currency


def _account_id(raw: object, name: str) -> str:
    if not isinstance(raw, str) or not raw.strip() or len(raw) > MAX_ID_LENGTH:
        raise validation_error(f"{name} is required and must be a non-empty account id.")
    return raw


def _text(raw: object, name: str, maximum: int) -> str:
    if not isinstance(raw, str) or not 1 <= len(raw) <= maximum:
        raise validation_error(f"{name} is required and must be 1 to {maximum} characters.")
    return raw


def _memo(raw: object) -> str:
    if not isinstance(raw, str) or len(raw) > MAX_MEMO:
        raise validation_error(f"memo must be a string of at most {MAX_MEMO} characters.")
    return raw


def _date(raw: object) -> str:
    if isinstance(raw, str) and _DATE_RE.match(raw):
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            pass
    raise validation_error("executionDate must be a date, YYYY-MM-DD.")


def _masked_destination(destination: dict[str, Any]) -> dict[str, Any]:
    """The destination as a Transfer shows it: account identifiers masked but their last 4."""
    rendered = copy.deepcopy(destination)
    rendered.setdefault("type", "external")
    identifier = rendered["paymentIdentifier"]
    for name, value in identifier.items():
        if name != "scheme" and isinstance(value, str) and len(value) > 4:
            identifier[name] = "****" + value[-4:]
    return rendered
