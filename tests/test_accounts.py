"""`client.accounts`: filters, the `Account` model (money as Decimal, masked numbers)."""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal

import httpx2
import pytest

import waycore
from waycore.types.account import Account, AccountStatus, AccountType

# The spec's example (schemas.Account.example), plus a field this SDK does not know.
PAYLOAD = {
    "id": "acct_123",
    "connectionId": "conn_123",
    "type": "checking",
    "currency": "USD",
    "name": "Operating Account",
    "status": "open",
    "createdAt": "2023-11-07T05:31:56Z",
    "updatedAt": "2023-11-07T05:31:56Z",
    "officialName": "Business Complete Checking",
    "maskedNumber": "****6789",
    "accountNumber": "482910375612",
    "routingNumber": "021000021",
    "swiftBic": "CHASUS33",
    "currentBalance": "1234.56",
    "availableBalance": "1200.00",
    "balanceAsOf": "2023-11-07T05:31:56Z",
    "metadata": {},
    "overdraftLimit": "500.00",
}
# The list example: optional fields absent or null.
SAVINGS = {
    "id": "acct_456",
    "connectionId": "conn_123",
    "type": "savings",
    "currency": "EUR",
    "name": "Reserve",
    "status": "open",
    "createdAt": "2023-11-07T05:31:56Z",
    "updatedAt": "2023-11-07T05:31:56Z",
    "currentBalance": "50000.00",
    "availableBalance": None,
    "balanceAsOf": None,
}


def _page(items, cursor=None, request_id=None):
    body = {"data": items, "pagination": {"hasMore": cursor is not None, "nextCursor": cursor}}
    if request_id:
        body["meta"] = {"requestId": request_id}
    return httpx2.Response(200, json=body)


@pytest.fixture
def ok(recorder):
    return recorder(httpx2.Response(200, json=PAYLOAD))


# --- model ----------------------------------------------------------------------------------


def test_account_from_the_spec_example():
    account = Account.from_dict(PAYLOAD)
    assert account.type is AccountType.CHECKING and account.type == "checking"
    assert account.status is AccountStatus.OPEN
    assert account.current_balance == Decimal("1234.56")
    assert type(account.current_balance) is Decimal
    assert type(account.available_balance) is Decimal
    assert account.balance_as_of == datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)
    assert account.account_number == "482910375612"
    assert account.routing_number == "021000021"
    assert account.extra == {"overdraftLimit": "500.00"}
    assert account.to_dict() == PAYLOAD  # complete: the numbers are only masked in repr
    assert pickle.loads(pickle.dumps(account)) == account


def test_repr_masks_account_and_routing_numbers():
    text = repr(Account.from_dict(PAYLOAD))
    assert "482910375612" not in text
    assert "021000021" not in text
    assert "account_number='***'" in text
    assert "routing_number='***'" in text
    assert "masked_number='****6789'" in text  # already masked by the bank
    absent = repr(Account.from_dict(SAVINGS))
    assert "account_number=None" in absent and "routing_number=None" in absent


def test_account_with_optional_fields_absent_or_null():
    account = Account.from_dict(SAVINGS)
    assert account.type is AccountType.SAVINGS
    assert account.current_balance == Decimal("50000.00")
    assert account.available_balance is None
    assert account.balance_as_of is None
    assert account.official_name is None and account.account_number is None
    assert account.metadata == {} and account.extra == {}
    expected = {k: v for k, v in SAVINGS.items() if v is not None}
    assert account.to_dict() == {**expected, "metadata": {}}


def test_unknown_enum_values_are_kept():
    account = Account.from_dict({**PAYLOAD, "type": "escrow", "status": "frozen"})
    assert account.type == "escrow" and isinstance(account.type, AccountType)
    assert not account.type.is_known
    assert account.status == "frozen" and isinstance(account.status, AccountStatus)
    assert account.to_dict()["type"] == "escrow"


def test_balances_accept_json_numbers_and_never_become_floats():
    account = Account.from_dict({**PAYLOAD, "currentBalance": 12, "availableBalance": 0.1})
    assert account.current_balance == Decimal(12)
    assert account.available_balance == Decimal("0.1")  # not 0.1000000000000000055...
    assert account.to_dict()["availableBalance"] == "0.1"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("currentBalance", "12,50"),
        ("currentBalance", "NaN"),
        ("type", 3),
        ("name", None),
        ("createdAt", "yesterday"),
        ("connectionId", None),
    ],
)
def test_a_2xx_with_a_bad_body_keeps_the_body(api, recorder, field, value):
    body = {**PAYLOAD, field: value}
    handler = recorder(httpx2.Response(200, json=body))
    with pytest.raises(waycore.APIResponseValidationError, match=field) as info:
        api.run(api.client(handler).accounts.retrieve("acct_123"))
    assert info.value.body == body


# --- retrieve -------------------------------------------------------------------------------


def test_retrieve(api, ok):
    account = api.run(api.client(ok).accounts.retrieve("acct_123"))
    assert isinstance(account, Account) and account.id == "acct_123"
    (request,) = ok.requests
    assert (request.method, request.url.path) == ("GET", "/v1/accounts/acct_123")


def test_retrieve_encodes_the_id(api, ok):
    api.run(api.client(ok).accounts.retrieve("a/b?c"))
    assert ok.requests[0].url.raw_path == b"/v1/accounts/a%2Fb%3Fc"


@pytest.mark.parametrize("bad", ["", ".", "..", None, 7])
def test_retrieve_bad_id_sends_nothing(api, ok, bad):
    with pytest.raises(ValueError, match="account_id"):
        api.run(api.client(ok).accounts.retrieve(bad))
    assert ok.calls == 0


def test_retrieve_not_found(api, recorder):
    handler = recorder(httpx2.Response(404, json={"error": {"code": "not_found", "message": "x"}}))
    with pytest.raises(waycore.NotFoundError) as info:
        api.run(api.client(handler).accounts.retrieve("acct_x"))
    assert info.value.code == "not_found"


# --- list -----------------------------------------------------------------------------------


def test_list_walks_pages_repeating_filters(api, recorder):
    handler = recorder(_page([PAYLOAD], "cur_a", "req_1"), _page([SAVINGS], None, "req_2"))
    pager = api.client(handler).accounts.list(
        connection_id="conn_123",
        type=AccountType.MONEY_MARKET,
        currency="USD",
        status="open",
        limit=1,
    )
    assert handler.calls == 0
    assert [a.id for a in api.collect(pager)] == ["acct_123", "acct_456"]
    filters = {
        "connectionId": "conn_123",
        "type": "moneyMarket",
        "currency": "USD",
        "status": "open",
        "limit": "1",
    }
    assert [dict(r.url.params) for r in handler.requests] == [
        filters,
        {**filters, "cursor": "cur_a"},
    ]
    assert all((r.method, r.url.path) == ("GET", "/v1/accounts") for r in handler.requests)


def test_list_without_filters_sends_no_query(api, recorder):
    handler = recorder(_page([]))
    assert api.collect(api.client(handler).accounts.list()) == []
    assert handler.requests[0].url.query == b""


@pytest.mark.parametrize(
    ("kwargs", "sent"),
    [
        ({"type": "brandNewType"}, {"type": "brandNewType"}),
        ({"type": AccountType("brandNewType")}, {"type": "brandNewType"}),
        ({"status": AccountStatus.CLOSED}, {"status": "closed"}),
        ({"status": "dormant"}, {"status": "dormant"}),
        ({"currency": "USDC"}, {"currency": "USDC"}),
        ({"currency": "ABCDEFGHIJ12"}, {"currency": "ABCDEFGHIJ12"}),
    ],
)
def test_list_filter_values(api, recorder, kwargs, sent):
    handler = recorder(_page([]))
    api.collect(api.client(handler).accounts.list(**kwargs))
    assert dict(handler.requests[0].url.params) == sent


@pytest.mark.parametrize(
    ("kwargs", "param", "error"),
    [
        ({"currency": "usd"}, "currency", ValueError),
        ({"currency": "US"}, "currency", ValueError),
        ({"currency": "ABCDEFGHIJ123"}, "currency", ValueError),
        ({"currency": "USD\n"}, "currency", ValueError),
        ({"currency": ""}, "currency", ValueError),
        ({"currency": b"USD"}, "currency", TypeError),
        ({"type": 3}, "type", TypeError),
        ({"type": AccountStatus.OPEN}, "type", TypeError),
        ({"type": ""}, "type", ValueError),
        ({"status": AccountType.CHECKING}, "status", TypeError),
        ({"status": 1}, "status", TypeError),
        ({"connection_id": ""}, "connection_id", ValueError),
        ({"connection_id": 5}, "connection_id", TypeError),
        ({"limit": 0}, "limit", ValueError),
        ({"limit": 501}, "limit", ValueError),
    ],
)
def test_list_bad_arguments_raise_at_call(api, ok, kwargs, param, error):
    with pytest.raises(error, match=param):
        api.client(ok).accounts.list(**kwargs)
    assert ok.calls == 0


def test_list_pages_expose_request_ids(api, recorder):
    handler = recorder(_page([PAYLOAD], "cur_a", "req_1"), _page([], None, "req_2"))
    pages = api.pages(api.client(handler).accounts.list())
    assert [(p.request_id, p.has_more, p.next_cursor) for p in pages] == [
        ("req_1", True, "cur_a"),
        ("req_2", False, None),
    ]


def test_raw_responses(api, recorder):
    handler = recorder(
        httpx2.Response(200, json=PAYLOAD, headers={"x-request-id": "req_h"}),
        _page([SAVINGS], None, "req_l"),
    )
    client = api.client(handler)
    raw = api.run(client.with_raw_response.accounts.retrieve("acct_123"))
    assert (raw.status_code, raw.request_id) == (200, "req_h")
    assert raw.parse().routing_number == "021000021"
    raw_page = api.run(client.with_raw_response.accounts.list(currency="EUR"))
    assert raw_page.request_id == "req_l"
    assert [a.currency for a in raw_page.parse().data] == ["EUR"]
    assert handler.requests[1].url.params["currency"] == "EUR"
