"""Helpers for fuzzing the sandbox's write side (transfers, webhooks) against the spec.

Real ids are not enough there: a generated ``POST /transfers`` body almost never names two
real accounts with a decimal amount, and only a failed transfer can be retried. These
helpers make real data through the API and add strategies that reach the success paths.
Kept out of the test modules so both conformance files can import it without a cycle.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx2
from hypothesis import strategies as st
from schemathesis import GenerationMode

from waycore.testing import Sandbox


def api(sandbox: Sandbox) -> httpx2.Client:
    """An authenticated client of the running sandbox (no proxy from the environment)."""
    return httpx2.Client(
        base_url=sandbox.base_url,
        headers={"Authorization": f"Bearer {sandbox.api_key}"},
        trust_env=False,
        timeout=5.0,
    )


def two_usd_accounts(sandbox: Sandbox, http: httpx2.Client) -> tuple[str, str]:
    """The USD checking accounts of two new active connections at the same bank."""
    ids = []
    for _ in range(2):
        conn = http.post(
            "/connections", json={"entityId": str(uuid.uuid4()), "institutionId": "chase"}
        ).json()
        sandbox.set_state(conn["id"], kind="ready", status="active")  # gets its accounts
        accounts = http.get(
            "/accounts", params={"connectionId": conn["id"], "currency": "USD"}
        ).json()["data"]
        ids.append(accounts[0]["id"])
    return ids[0], ids[1]


def internal_transfer(source: str, destination: str, value: str = "10.00") -> dict[str, Any]:
    """A valid ``InternalTransferRequest``."""
    return {
        "type": "internal",
        "amount": {"type": "money", "value": value, "currency": "USD"},
        "sourceAccountId": source,
        "destination": {"type": "internal", "accountId": destination},
        "transferType": "internal",
        "clientReference": "FUZZ-REF",
    }


def failed_transfer(sandbox: Sandbox, http: httpx2.Client) -> str:
    """The id of a new failed transfer (the only kind, with returned, that can be retried)."""
    body = internal_transfer(*two_usd_accounts(sandbox, http))
    created = http.post("/transfers", json=body, headers={"Idempotency-Key": str(uuid.uuid4())})
    transfer_id: str = created.json()["id"]
    sandbox.fail_transfer(transfer_id, "Fuzzing needs a failed transfer.")
    return transfer_id


def write_side_strategies(
    sandbox: Sandbox, operation: Any, label: str, mode: GenerationMode
) -> list[st.SearchStrategy[Any]]:
    """Extra case strategies for the operations whose success needs a valid body or state."""
    if label not in ("POST /transfers", "POST /transfers/{transferId}/retry"):
        return []
    key = {"Idempotency-Key": str(uuid.uuid4())}
    with api(sandbox) as http:
        if label == "POST /transfers":
            if mode != GenerationMode.POSITIVE:
                return []  # with the body fixed there is nothing left to make invalid
            body = internal_transfer(*two_usd_accounts(sandbox, http))
            # The same key every time: the first case creates, every later one is a replay.
            return [operation.as_strategy(generation_mode=mode, body=body, headers=key)]
        transfer_id = failed_transfer(sandbox, http)
    params = {"transferId": transfer_id}
    if mode != GenerationMode.POSITIVE:
        return [operation.as_strategy(generation_mode=mode, path_parameters=params)]
    return [operation.as_strategy(generation_mode=mode, path_parameters=params, headers=key)]
