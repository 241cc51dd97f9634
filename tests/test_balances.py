"""`client.balances`: date filters, the `Balance` model (money as Decimal, dates as date)."""

from __future__ import annotations

import datetime
import pickle
import uuid
from decimal import Decimal

import httpx2
import pytest

import waycore
from waycore.types.balance import Balance, BalanceSource

ENTITY = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
# The spec's example (schemas.Balance.example), plus a field this SDK does not know.
ROW = {
    "accountId": "acct_123",
    "connectionId": "conn_123",
    "entityId": ENTITY,
    "date": "2023-11-06",
    "ledgerBalance": "1234.56",
    "postedTransactionDelta": "-250.00",
    "source": "bankProvided",
    "updatedAt": "2023-11-07T05:31:56Z",
    "anchorDate": "2023-11-01",
}


def _page(items, cursor=None, request_id=None):
    body = {"data": items, "pagination": {"hasMore": cursor is not None, "nextCursor": cursor}}
    if request_id:
        body["meta"] = {"requestId": request_id}
    return httpx2.Response(200, json=body)


@pytest.fixture
def ok(recorder):
    return recorder(_page([ROW]))


# --- model ----------------------------------------------------------------------------------


def test_balance_from_the_spec_example():
    row = Balance.from_dict(ROW)
    assert row.account_id == "acct_123" and row.connection_id == "conn_123"
    assert row.entity_id == ENTITY
    assert row.date == datetime.date(2023, 11, 6) and type(row.date) is datetime.date
    assert row.ledger_balance == Decimal("1234.56") and type(row.ledger_balance) is Decimal
    assert row.posted_transaction_delta == Decimal("-250.00")
    assert row.source is BalanceSource.BANK_PROVIDED and row.source == "bankProvided"
    assert row.updated_at == datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)
    assert row.extra == {"anchorDate": "2023-11-01"}
    assert row.to_dict() == ROW
    assert pickle.loads(pickle.dumps(row)) == row


def test_every_balance_field_is_optional():
    row = Balance.from_dict({"ledgerBalance": None, "postedTransactionDelta": None})
    assert row == Balance()
    assert row.entity_id is None and row.date is None and row.source is None
    assert row.to_dict() == {}


def test_unknown_source_is_kept_and_amounts_never_float():
    row = Balance.from_dict({**ROW, "source": "estimated", "ledgerBalance": 0.3})
    assert row.source == "estimated" and not row.source.is_known
    assert row.ledger_balance == Decimal("0.3")
    assert row.to_dict()["ledgerBalance"] == "0.3"
    assert row.to_dict()["source"] == "estimated"


@pytest.mark.parametrize(
    ("field", "value"),
    [("date", "06/11/2023"), ("date", 20231106), ("ledgerBalance", "1.2.3"), ("source", 1)],
)
def test_a_2xx_with_a_bad_row_keeps_the_body(api, recorder, field, value):
    body = {"data": [{**ROW, field: value}], "pagination": {"hasMore": False}}
    handler = recorder(httpx2.Response(200, json=body))
    with pytest.raises(waycore.APIResponseValidationError, match=rf"data\[0\]\.{field}") as info:
        api.collect(api.client(handler).balances.list())
    assert info.value.body == body


# --- list -----------------------------------------------------------------------------------


def test_list_sends_every_filter_on_every_page(api, recorder):
    handler = recorder(_page([ROW], "cur_a", "req_1"), _page([ROW, ROW], None, "req_2"))
    pager = api.client(handler).balances.list(
        entity_id=uuid.UUID(ENTITY),
        connection_id="conn_123",
        account_id="acct_123",
        date_gte=datetime.date(2023, 11, 1),
        date_lt="2023-12-01",
        limit=1,
    )
    assert handler.calls == 0
    rows = api.collect(pager)
    assert len(rows) == 3 and all(isinstance(r, Balance) for r in rows)
    filters = {
        "entityId": ENTITY,
        "connectionId": "conn_123",
        "accountId": "acct_123",
        "dateGte": "2023-11-01",
        "dateLt": "2023-12-01",
        "limit": "1",
    }
    assert [dict(r.url.params) for r in handler.requests] == [
        filters,
        {**filters, "cursor": "cur_a"},
    ]
    assert all((r.method, r.url.path) == ("GET", "/v1/balances") for r in handler.requests)


def test_list_without_filters_sends_no_query(api, ok):
    assert len(api.collect(api.client(ok).balances.list())) == 1
    assert ok.requests[0].url.query == b""


@pytest.mark.parametrize(
    ("kwargs", "sent"),
    [
        ({"date_gte": "2024-02-29"}, {"dateGte": "2024-02-29"}),
        ({"date_lt": datetime.date(2024, 1, 1)}, {"dateLt": "2024-01-01"}),
        (
            {"date_gte": "2024-01-01", "date_lt": "2024-01-01"},
            {"dateGte": "2024-01-01", "dateLt": "2024-01-01"},
        ),
        ({"entity_id": ENTITY.upper()}, {"entityId": ENTITY}),
    ],
)
def test_list_filter_values(api, ok, kwargs, sent):
    api.collect(api.client(ok).balances.list(**kwargs))
    assert dict(ok.requests[0].url.params) == sent


@pytest.mark.parametrize(
    ("kwargs", "param", "error"),
    [
        ({"date_gte": "2024-02-30"}, "date_gte", ValueError),
        ({"date_gte": "20240101"}, "date_gte", ValueError),
        ({"date_gte": "2024-01-01T00:00:00"}, "date_gte", ValueError),
        ({"date_gte": ""}, "date_gte", ValueError),
        ({"date_lt": "next week"}, "date_lt", ValueError),
        ({"date_lt": 20240101}, "date_lt", TypeError),
        ({"date_lt": datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)}, "date_lt", TypeError),
        ({"date_gte": "2024-02-01", "date_lt": "2024-01-31"}, "date_gte", ValueError),
        ({"date_gte": datetime.date(2024, 2, 1), "date_lt": "2024-01-31"}, "date_lt", ValueError),
        ({"entity_id": "acme"}, "entity_id", ValueError),
        ({"entity_id": 5}, "entity_id", TypeError),
        ({"connection_id": ""}, "connection_id", ValueError),
        ({"account_id": ""}, "account_id", ValueError),
        ({"account_id": 9}, "account_id", TypeError),
        ({"limit": 0}, "limit", ValueError),
        ({"limit": 501}, "limit", ValueError),
    ],
)
def test_list_bad_arguments_raise_at_call(api, ok, kwargs, param, error):
    with pytest.raises(error, match=param):
        api.client(ok).balances.list(**kwargs)
    assert ok.calls == 0


def test_raw_list(api, recorder):
    handler = recorder(_page([ROW], None, "req_b"))
    raw = api.run(api.client(handler).with_raw_response.balances.list(account_id="acct_123"))
    assert (raw.status_code, raw.request_id) == (200, "req_b")
    page = raw.parse()
    assert page.data == [Balance.from_dict(ROW)]
    assert handler.requests[0].url.params["accountId"] == "acct_123"
