"""Balances: ``GET /balances``, the ledger's daily rows, newest date first, then by account."""

from __future__ import annotations

from typing import Final

from ._common import Reply, json_reply, paginate
from ._ledger import LedgerView
from ._query import date_range, in_range, uuid_param
from ._routes import ApiRequest, Resource

__all__ = ["resource"]

resource: Final = Resource("balances", lambda options: LedgerView())


@resource.route("GET", "/balances")
def _list(view: LedgerView, request: ApiRequest) -> Reply:
    query = request.query
    entity_id = uuid_param(query, "entityId")
    connection_id = query.get("connectionId")
    account_id = query.get("accountId")
    gte, lt = date_range(query, "dateGte", "dateLt")
    rows = sorted(
        (
            row
            for row in view.ledger.balances.values()
            if (entity_id is None or row.entity_id == entity_id)
            and (connection_id is None or row.connection_id == connection_id)
            and (account_id is None or row.account_id == account_id)
            and in_range(row.date, gte, lt)
        ),
        key=lambda row: (-row.date.toordinal(), row.account_id),
    )
    page = paginate(
        rows,
        query=query,
        filters=(
            entity_id,
            connection_id,
            account_id,
            None if gte is None else gte.isoformat(),
            None if lt is None else lt.isoformat(),
        ),
        key=lambda row: (-row.date.toordinal(), row.account_id),
        render=lambda row: row.to_json(),
        request_id=request.request_id,
    )
    return json_reply(200, page)
