"""Accounts: ``GET /accounts`` and ``GET /accounts/{accountId}``, served from the ledger."""

from __future__ import annotations

from typing import Final

from ._common import ApiError, Reply, json_reply, paginate
from ._ledger import LedgerView
from ._query import CURRENCY_RE, enum_param, pattern_param
from ._routes import ApiRequest, Resource

__all__ = ["ACCOUNT_STATUSES", "ACCOUNT_TYPES", "resource"]

ACCOUNT_TYPES: Final = (
    "checking",
    "savings",
    "moneyMarket",
    "creditCard",
    "loan",
    "investment",
    "wallet",
    "other",
    "unknown",
)
ACCOUNT_STATUSES: Final = ("open", "closed", "unknown")

resource: Final = Resource("accounts", lambda options: LedgerView())


@resource.route("GET", "/accounts")
def _list(view: LedgerView, request: ApiRequest) -> Reply:
    query = request.query
    connection_id = query.get("connectionId")
    account_type = enum_param(query, "type", ACCOUNT_TYPES)
    currency = pattern_param(query, "currency", CURRENCY_RE, "3 to 12 capital letters or digits")
    status = enum_param(query, "status", ACCOUNT_STATUSES)
    matching = (
        account
        for account in view.ledger.accounts.values()
        if (connection_id is None or account.connection_id == connection_id)
        and (account_type is None or account.type == account_type)
        and (currency is None or account.currency == currency)
        and (status is None or account.status == status)
    )
    page = paginate(
        matching,
        query=query,
        filters=(connection_id, account_type, currency, status),
        key=lambda account: account.seq,
        render=lambda account: account.to_json(),
        request_id=request.request_id,
    )
    return json_reply(200, page)


@resource.route("GET", "/accounts/{accountId}")
def _retrieve(view: LedgerView, request: ApiRequest) -> Reply:
    account = view.ledger.accounts.get(request.params["accountId"])
    if account is None:
        raise ApiError(404, "not_found", "Account not found.")
    return json_reply(200, account.to_json())
