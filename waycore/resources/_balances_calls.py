"""The balances endpoint (`Operation` record) and the pure builders of its calls, shared by
the sync and async resources."""

from __future__ import annotations

import datetime
import uuid

from .. import _validation as check
from .. import _validation_values as values
from .._operation import Operation

LIST = Operation(
    "listBalances",
    "GET",
    "/balances",
    "balances.list",
    query=("entityId", "connectionId", "accountId", "dateGte", "dateLt", "limit"),
)

OPERATIONS = (LIST,)


def list_filters(
    *,
    entity_id: str | uuid.UUID | None,
    connection_id: str | None,
    account_id: str | None,
    date_gte: datetime.date | str | None,
    date_lt: datetime.date | str | None,
    limit: int | None,
) -> dict[str, str | int]:
    """The query every page repeats (a cursor is only valid for the same query)."""
    start = values.optional_date(date_gte, "date_gte")
    end = values.optional_date(date_lt, "date_lt")
    values.date_range(start, end, "date_gte", "date_lt")
    candidates: dict[str, str | int | None] = {
        "entityId": None if entity_id is None else str(check.entity_uuid(entity_id)),
        "connectionId": values.optional_id(connection_id, "connection_id"),
        "accountId": values.optional_id(account_id, "account_id"),
        "dateGte": None if start is None else start.isoformat(),
        "dateLt": None if end is None else end.isoformat(),
        "limit": check.list_limit(limit),
    }
    return {key: value for key, value in candidates.items() if value is not None}
