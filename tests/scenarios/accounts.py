"""Scenarios of `client.accounts` (of an active connection): list with filters and by pages,
retrieve, and a `NotFoundError`."""

from __future__ import annotations

from typing import Any

import waycore

from ._base import Scenario, Steps, active_connection, expect_error, op


def _account(account: waycore.Account) -> dict[str, Any]:
    return {
        "id": account.id,
        "type": str(account.type),
        "currency": account.currency,
        "status": str(account.status),
        "balance": str(account.current_balance),
    }


def accounts_list_and_retrieve() -> Steps:
    connection_id = yield from active_connection()
    every = yield op("accounts.list", connection_id=connection_id, limit=1)  # one per page
    assert len(every) == 2
    checking = yield op(
        "accounts.list",
        connection_id=connection_id,
        type="checking",
        currency="USD",
        status="open",
    )
    assert [a.type for a in checking] == ["checking"]
    fetched = yield op("accounts.retrieve", account_id=checking[0].id)
    assert fetched.id == checking[0].id
    missing = yield from expect_error(
        waycore.NotFoundError, "accounts.retrieve", account_id="acct_does_not_exist"
    )
    return {
        "every": [_account(a) for a in every],
        "checking": [_account(a) for a in checking],
        "fetched": _account(fetched),
        "missing": missing,
    }


SCENARIOS = [
    Scenario("accounts_list_and_retrieve", accounts_list_and_retrieve, drives_sandbox=True),
]
