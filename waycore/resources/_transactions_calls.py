"""The transactions endpoints (`Operation` records) and the pure builders of their calls,
shared by the sync and async resources, plus the stopping rule of `sync_pages`."""

from __future__ import annotations

import datetime

from .. import _validation as check
from .. import _validation_values as values
from .._operation import Call, Operation
from .._pagination import CursorWalk
from ..types.transaction import TransactionRail, TransactionStatus

LIST = Operation(
    "listTransactions",
    "GET",
    "/transactions",
    "transactions.list",
    query=(
        "accountId",
        "connectionId",
        "status",
        "rail",
        "postedDateGte",
        "postedDateLt",
        "sort",
        "limit",
    ),
)
RETRIEVE = Operation(
    "getTransaction", "GET", "/transactions/{transactionId}", "transactions.retrieve"
)
# `cursor` is declared here: `sync()` is one call that takes it, not a pager that adds it.
SYNC = Operation(
    "syncTransactions",
    "GET",
    "/transactions/sync",
    "transactions.sync",
    query=("accountId", "connectionId", "limit", "cursor"),
)

OPERATIONS = (LIST, RETRIEVE, SYNC)

SORTS = ("postedDate", "-postedDate", "updatedAt", "-updatedAt")


def _sort(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise check.ArgumentTypeError(f"sort must be a string, not {type(value).__name__}")
    if value not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, got {value!r}")
    return value


def list_filters(
    *,
    account_id: str | None,
    connection_id: str | None,
    status: TransactionStatus | str | None,
    rail: TransactionRail | str | None,
    posted_date_gte: datetime.date | str | None,
    posted_date_lt: datetime.date | str | None,
    sort: str | None,
    limit: int | None,
) -> dict[str, str | int]:
    """The query every page repeats (a cursor is only valid for the same query and sort)."""
    start = values.optional_date(posted_date_gte, "posted_date_gte")
    end = values.optional_date(posted_date_lt, "posted_date_lt")
    values.date_range(start, end, "posted_date_gte", "posted_date_lt")
    candidates: dict[str, str | int | None] = {
        "accountId": values.optional_id(account_id, "account_id"),
        "connectionId": values.optional_id(connection_id, "connection_id"),
        "status": values.enum_filter(status, TransactionStatus, "status"),
        "rail": values.enum_filter(rail, TransactionRail, "rail"),
        "postedDateGte": None if start is None else start.isoformat(),
        "postedDateLt": None if end is None else end.isoformat(),
        "sort": _sort(sort),
        "limit": check.list_limit(limit),
    }
    return {key: value for key, value in candidates.items() if value is not None}


def retrieve(transaction_id: str) -> Call:
    segment = check.connection_id_segment(transaction_id, "transaction_id")
    if segment == "sync":
        # /transactions/sync is the change feed, not a transaction.
        raise ValueError("transaction_id may not be 'sync'")
    return RETRIEVE.call(segment)


def sync_filters(
    *, account_id: str | None, connection_id: str | None, limit: int | None
) -> dict[str, str | int]:
    """The stream-defining filters, repeated on every sync call (a cursor is bound to them)."""
    candidates: dict[str, str | int | None] = {
        "accountId": values.optional_id(account_id, "account_id"),
        "connectionId": values.optional_id(connection_id, "connection_id"),
        "limit": check.list_limit(limit),
    }
    return {key: value for key, value in candidates.items() if value is not None}


def sync_cursor(cursor: object) -> str | None:
    """`None` (start at the stream head) or a cursor from an earlier page.

    `""` is refused rather than read as "no cursor": that would silently restart the mirror.
    """
    if cursor is None:
        return None
    if not isinstance(cursor, str):
        raise check.ArgumentTypeError(f"cursor must be a string, not {type(cursor).__name__}")
    if not cursor:
        raise ValueError("cursor must be a non-empty string (pass None to start at the head)")
    return cursor


def sync_walk(cursor: str | None) -> CursorWalk:
    """The cursors of one `sync_pages` run, starting from `cursor`."""
    return CursorWalk("the transaction feed", cursor)
