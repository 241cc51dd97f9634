"""The transfers endpoints (`Operation` records) and the pure builders of their calls, shared
by the sync and async resources.

Every create and retry call carries an `Idempotency-Key`: the caller's, or a UUID4 that
`Operation.call` makes once per call. The client sends the same built request on every retry,
so a timeout or a 5xx can never make two transfers; that is why these POSTs are `Retry.SAFE`.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .. import _validation as check
from .. import _validation_values as values
from .._exceptions import IdempotencyConflictError
from .._operation import Call, Operation, Retry

_ONE = "/transfers/{transferId}"
CLIENT_REFERENCE_MAX_LENGTH = 140
MEMO_MAX_LENGTH = 500

CREATE = Operation(
    "createTransfer",
    "POST",
    "/transfers",
    "transfers.create_internal",  # and transfers.create_external: one endpoint, two shapes
    body=(
        "type",
        "amount",
        "sourceAccountId",
        "destination",
        "transferType",
        "clientReference",
        "executionDate",
        "memo",
        "skipPreflight",
    ),
    retry=Retry.SAFE,
    idempotency_key=True,
    # Any 409 on create means the key was used with another body, whatever the error code.
    status_errors={409: IdempotencyConflictError},
)
# A 409 here is about the transfer's state (not retryable now), so it stays a ConflictError.
RETRY = Operation("retryTransfer", "POST", f"{_ONE}/retry", "transfers.retry", idempotency_key=True)
RETRIEVE = Operation("getTransfer", "GET", _ONE, "transfers.retrieve")
LIST = Operation(
    "listTransfers", "GET", "/transfers", "transfers.list", query=("accountId", "limit")
)

OPERATIONS = (CREATE, RETRY, RETRIEVE, LIST)


def _create(
    *,
    kind: str,
    transfer_type: str,
    destination: dict[str, Any],
    amount: Decimal | int | str,
    currency: str,
    source_account_id: str,
    client_reference: str,
    execution_date: datetime.date | str | None,
    memo: str | None,
    skip_preflight: bool | None,
    idempotency_key: str | None,
) -> Call:
    body: dict[str, Any] = {
        "type": kind,
        "transferType": transfer_type,
        "amount": {
            "type": "money",
            "value": values.money_amount(amount),
            "currency": values.currency_code(currency),
        },
        "sourceAccountId": values.bounded_text(source_account_id, "source_account_id"),
        "destination": destination,
        "clientReference": values.bounded_text(
            client_reference, "client_reference", max_length=CLIENT_REFERENCE_MAX_LENGTH
        ),
    }
    date = values.calendar_date(execution_date, "execution_date")
    if date is not None:
        body["executionDate"] = date
    text = values.optional_bounded_text(memo, "memo", max_length=MEMO_MAX_LENGTH)
    if text is not None:
        body["memo"] = text
    skip = values.optional_bool(skip_preflight, "skip_preflight")
    if skip is not None:
        body["skipPreflight"] = skip
    key = values.idempotency_key(idempotency_key)
    return CREATE.call(json=body, idempotency_key=key)


def create_internal(
    *,
    amount: Decimal | int | str,
    currency: str,
    source_account_id: str,
    destination_account_id: str,
    client_reference: str,
    execution_date: datetime.date | str | None,
    memo: str | None,
    skip_preflight: bool | None,
    idempotency_key: str | None,
) -> Call:
    account = values.bounded_text(destination_account_id, "destination_account_id")
    return _create(
        kind="internal",
        transfer_type="internal",
        # `destination.type` is not shown in the docs; "internal" is the documented inference.
        destination={"type": "internal", "accountId": account},
        amount=amount,
        currency=currency,
        source_account_id=source_account_id,
        client_reference=client_reference,
        execution_date=execution_date,
        memo=memo,
        skip_preflight=skip_preflight,
        idempotency_key=idempotency_key,
    )


def create_external(
    *,
    amount: Decimal | int | str,
    currency: str,
    source_account_id: str,
    transfer_type: str,
    destination: Mapping[str, Any],
    client_reference: str,
    execution_date: datetime.date | str | None,
    memo: str | None,
    skip_preflight: bool | None,
    idempotency_key: str | None,
) -> Call:
    # The external request is documented only in part: the destination is sent as given.
    target = values.json_object(destination, "destination")
    if not target:
        raise ValueError(
            "destination must not be empty, e.g. "
            "{'paymentIdentifier': {'scheme': 'us_ach', 'accountNumber': ..., ...}}"
        )
    return _create(
        kind="external",
        transfer_type=values.open_enum_value(transfer_type, "transfer_type"),
        destination=target,
        amount=amount,
        currency=currency,
        source_account_id=source_account_id,
        client_reference=client_reference,
        execution_date=execution_date,
        memo=memo,
        skip_preflight=skip_preflight,
        idempotency_key=idempotency_key,
    )


def retry(transfer_id: str, *, idempotency_key: str | None) -> Call:
    segment = check.connection_id_segment(transfer_id, "transfer_id")
    # No body: the docs show none.
    return RETRY.call(segment, idempotency_key=values.idempotency_key(idempotency_key))


def retrieve(transfer_id: str) -> Call:
    return RETRIEVE.call(check.connection_id_segment(transfer_id, "transfer_id"))


def list_filters(*, account_id: str | None, limit: int | None) -> dict[str, str | int]:
    """The query every page repeats (a cursor is only valid for the same query)."""
    params: dict[str, str | int] = {}
    account = values.optional_id(account_id, "account_id")
    if account is not None:
        params["accountId"] = account
    limit_value = check.list_limit(limit)
    if limit_value is not None:
        params["limit"] = limit_value
    return params
