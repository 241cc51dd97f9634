"""The accounts endpoints (`Operation` records) and the pure builders of their calls, shared
by the sync and async resources."""

from __future__ import annotations

from .. import _validation as check
from .. import _validation_values as values
from .._operation import Call, Operation
from ..types.account import AccountStatus, AccountType

LIST = Operation(
    "listAccounts",
    "GET",
    "/accounts",
    "accounts.list",
    query=("connectionId", "type", "currency", "status", "limit"),
)
RETRIEVE = Operation("getAccount", "GET", "/accounts/{accountId}", "accounts.retrieve")

OPERATIONS = (LIST, RETRIEVE)


def list_filters(
    *,
    connection_id: str | None,
    type: AccountType | str | None,
    currency: str | None,
    status: AccountStatus | str | None,
    limit: int | None,
) -> dict[str, str | int]:
    """The query every page repeats (a cursor is only valid for the same query)."""
    candidates: dict[str, str | int | None] = {
        "connectionId": values.optional_id(connection_id, "connection_id"),
        "type": values.enum_filter(type, AccountType, "type"),
        "currency": values.currency_filter(currency),
        "status": values.enum_filter(status, AccountStatus, "status"),
        "limit": check.list_limit(limit),
    }
    return {key: value for key, value in candidates.items() if value is not None}


def retrieve(account_id: str) -> Call:
    return RETRIEVE.call(check.connection_id_segment(account_id, "account_id"))
