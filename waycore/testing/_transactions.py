"""Transactions: the list, one transaction, and the change feed (``GET /transactions/sync``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from ._common import ApiError, Reply, SortKey, json_reply, paginate
from ._ledger import LedgerView
from ._ledger_records import TransactionRecord
from ._query import date_range, enum_param, in_range
from ._routes import ApiRequest, Resource

__all__ = ["RAILS", "SORTS", "TRANSACTION_STATUSES", "resource"]

TRANSACTION_STATUSES: Final = ("pending", "posted", "reversed", "cancelled", "unknown")
RAILS: Final = (
    "internalTransfer",
    "card",
    "ach",
    "sepaCredit",
    "sepaDebit",
    "wire",
    "swift",
    "fasterPayments",
)


def _posted_ascending(t: TransactionRecord) -> SortKey:
    # Pending transactions (no posted date yet) come after every posted one.
    if t.posted_date is None:
        return (1, 0, t.id)
    return (0, t.posted_date.toordinal(), t.id)


def _posted_descending(t: TransactionRecord) -> SortKey:
    # ... and so first when the newest come first.
    if t.posted_date is None:
        return (0, 0, t.id)
    return (1, -t.posted_date.toordinal(), t.id)


def _micros(t: TransactionRecord) -> int:
    return int(t.updated_at.timestamp() * 1_000_000)


#: The documented sort orders; ties are broken by id, ascending.
SORTS: Final[dict[str, Callable[[TransactionRecord], SortKey]]] = {
    "-postedDate": _posted_descending,
    "postedDate": _posted_ascending,
    "updatedAt": lambda t: (_micros(t), t.id),
    "-updatedAt": lambda t: (-_micros(t), t.id),
}

resource: Final = Resource("transactions", lambda options: LedgerView())


@resource.route("GET", "/transactions")
def _list(view: LedgerView, request: ApiRequest) -> Reply:
    query = request.query
    account_id = query.get("accountId")
    connection_id = query.get("connectionId")
    status = enum_param(query, "status", TRANSACTION_STATUSES)
    rail = enum_param(query, "rail", RAILS)
    gte, lt = date_range(query, "postedDateGte", "postedDateLt")
    sort = enum_param(query, "sort", tuple(SORTS)) or "-postedDate"
    key = SORTS[sort]
    matching = sorted(
        (
            t
            for t in view.ledger.transactions.values()
            if (account_id is None or t.account_id == account_id)
            and (connection_id is None or t.connection_id == connection_id)
            and (status is None or t.status == status)
            and (rail is None or t.rail == rail)
            and in_range(t.posted_date, gte, lt)
        ),
        key=key,
    )
    page = paginate(
        matching,
        query=query,
        filters=(
            account_id,
            connection_id,
            status,
            rail,
            None if gte is None else gte.isoformat(),
            None if lt is None else lt.isoformat(),
            sort,
        ),
        key=key,
        render=lambda t: t.to_json(),
        request_id=request.request_id,
    )
    return json_reply(200, page)


@resource.route("GET", "/transactions/sync")
def _sync(view: LedgerView, request: ApiRequest) -> Reply:
    return json_reply(200, view.ledger.feed.page(request.query, request.request_id))


@resource.route("GET", "/transactions/{transactionId}")
def _retrieve(view: LedgerView, request: ApiRequest) -> Reply:
    transaction = view.ledger.transactions.get(request.params["transactionId"])
    if transaction is None:
        raise ApiError(404, "not_found", "Transaction not found.")
    return json_reply(200, transaction.to_json())
