"""Scenarios of `client.transfers`: internal and external transfers through their lifecycle,
retry after a failure, list by account and by page, an idempotent replay, an
`IdempotencyConflictError` and a `NotFoundError`.

Every create passes a fixed `idempotency_key` (the SDK would otherwise make a UUID4; it is a
header, so cassettes would still match, but a fixed key keeps the recorded request stable).
"""

from __future__ import annotations

from collections.abc import Generator
from decimal import Decimal
from typing import Any

import waycore

from ._base import ENTITY, OTHER_ENTITY, Op, Scenario, Steps, active_connection, expect_error, op

PAYROLL: dict[str, Any] = {
    "amount": Decimal("1250.00"),
    "currency": "USD",
    "client_reference": "INV-1042",
    "memo": "Payroll top-up",
}
ACH_PAYEE: dict[str, Any] = {
    "paymentIdentifier": {
        "scheme": "us_ach",
        "accountNumber": "000123456789",
        "routingNumber": "021000021",
    },
    "name": "Globex Supplies",
}


def _transfer(transfer: waycore.Transfer) -> dict[str, Any]:
    return {
        "id": transfer.id,
        "status": str(transfer.status),
        "type": str(transfer.type),
        "amount": str(transfer.requested_amount.value),
        "currency": transfer.requested_amount.currency,
        "reference": transfer.client_reference,
        "failure": transfer.failure_details and transfer.failure_details.message,
    }


def _usd_accounts() -> Generator[Op, Any, tuple[str, str]]:
    """Two USD checking accounts at the same bank (two entities' Chase connections)."""
    first = yield from active_connection(ENTITY, "chase")
    second = yield from active_connection(OTHER_ENTITY, "chase")
    source = yield op("accounts.list", connection_id=first, currency="USD")
    destination = yield op("accounts.list", connection_id=second, currency="USD")
    return source[0].id, destination[0].id


def transfers_internal() -> Steps:
    source, destination = yield from _usd_accounts()
    accounts = {"source_account_id": source, "destination_account_id": destination}
    created = yield op(
        "transfers.create_internal", **PAYROLL, **accounts, idempotency_key="cassette-internal-1"
    )
    assert created.status == "queued"
    # Each read moves an internal transfer one step: executing, then completed.
    seen = []
    for _ in range(2):
        fetched = yield op("transfers.retrieve", transfer_id=created.id)
        seen.append(str(fetched.status))
    assert seen == ["executing", "completed"]
    second = yield op(
        "transfers.create_internal",
        **{**PAYROLL, "amount": "20", "client_reference": "INV-1043"},
        **accounts,
        idempotency_key="cassette-internal-2",
    )
    by_account = yield op("transfers.list", account_id=destination)
    by_page = yield op("transfers.list", limit=1)  # two transfers, one per page
    assert [t.id for t in by_page] == [second.id, created.id]
    missing = yield from expect_error(
        waycore.NotFoundError,
        "transfers.retrieve",
        transfer_id="00000000-0000-4000-8000-00000000dead",
    )
    return {
        "created": _transfer(created),
        "seen": seen,
        "by_account": [_transfer(t) for t in by_account],
        "by_page": [t.id for t in by_page],
        "missing": missing,
    }


def transfers_external_retry() -> Steps:
    source, _ = yield from _usd_accounts()
    created = yield op(
        "transfers.create_external",
        amount="310.25",
        currency="USD",
        source_account_id=source,
        transfer_type="ach",
        destination=ACH_PAYEE,
        client_reference="BILL-77",
        idempotency_key="cassette-external-1",
    )
    waiting = yield op("transfers.retrieve", transfer_id=created.id)
    assert waiting.status == "pending_bank_approval"
    not_yet = yield from expect_error(
        waycore.ConflictError, "transfers.retry", transfer_id=created.id
    )
    yield op("sandbox.fail_transfer", transfer_id=created.id, message="Payee account closed.")
    failed = yield op("transfers.retrieve", transfer_id=created.id)
    assert failed.status == "failed" and failed.failure_details is not None
    retried = yield op(
        "transfers.retry", transfer_id=created.id, idempotency_key="cassette-retry-1"
    )
    assert retried.status == "queued" and retried.id == created.id
    listed = yield op("transfers.list", account_id=source)
    return {
        "created": _transfer(created),
        "waiting": _transfer(waiting),
        "retry_too_early": not_yet,
        "failed": _transfer(failed),
        "retried": _transfer(retried),
        "destination": created.destination,
        "listed": [_transfer(t) for t in listed],
    }


def transfers_idempotent_replay() -> Steps:
    source, destination = yield from _usd_accounts()
    request = {
        **PAYROLL,
        "source_account_id": source,
        "destination_account_id": destination,
        "idempotency_key": "cassette-replay-1",
    }
    first = yield op("with_raw_response.transfers.create_internal", **request)
    again = yield op("with_raw_response.transfers.create_internal", **request)
    assert first.parse().id == again.parse().id
    listed = yield op("transfers.list", account_id=source)
    assert len(listed) == 1  # one transfer, however often the request is sent
    return {
        "status": [first.status_code, again.status_code],
        "replayed": [
            first.headers.get("idempotent-replayed"),
            again.headers.get("idempotent-replayed"),
        ],
        "transfer": _transfer(again.parse()),
    }


def transfers_idempotency_conflict() -> Steps:
    source, destination = yield from _usd_accounts()
    accounts = {"source_account_id": source, "destination_account_id": destination}
    first = yield op(
        "transfers.create_internal", **PAYROLL, **accounts, idempotency_key="cassette-conflict-1"
    )
    conflict = yield from expect_error(
        waycore.IdempotencyConflictError,
        "transfers.create_internal",
        **{**PAYROLL, "amount": Decimal("99.00")},
        **accounts,
        idempotency_key="cassette-conflict-1",
    )
    return {"first": _transfer(first), "conflict": conflict}


SCENARIOS = [
    Scenario("transfers_internal", transfers_internal, drives_sandbox=True),
    Scenario("transfers_external_retry", transfers_external_retry, drives_sandbox=True),
    Scenario("transfers_idempotent_replay", transfers_idempotent_replay, drives_sandbox=True),
    Scenario("transfers_idempotency_conflict", transfers_idempotency_conflict, drives_sandbox=True),
]
