"""`client.transactions`: browsing, the change feed (`sync`, `sync_pages`) and its events."""

from __future__ import annotations

import datetime
import json
import pickle
from decimal import Decimal
from typing import Any

import httpx2
import pytest

import waycore
from waycore._cursor_stores import MemoryCursorStore
from waycore._exceptions import CursorExpiredError, InvalidCursorError
from waycore._feed import AsyncTransactionFeed, TransactionFeed, stream_key
from waycore._models import parser_for
from waycore.types.transaction import (
    EntryType,
    Transaction,
    TransactionAdded,
    TransactionEvent,
    TransactionModified,
    TransactionRail,
    TransactionRemoved,
    TransactionStatus,
    TransactionSyncPage,
    UnknownTransactionEvent,
)

TXN_ID = "5d0c1f8e-3b7a-4c2d-9e6f-1a2b3c4d5e6f"
# The spec's example (schemas.Transaction.example), plus a field this SDK does not know.
TXN: dict[str, Any] = {
    "id": TXN_ID,
    "connectionId": "conn_123",
    "accountId": "acct_123",
    "status": "posted",
    "postedDate": "2023-11-06",
    "updatedAt": "2023-11-07T05:31:56Z",
    "amount": "-250.00",
    "currency": "USD",
    "entryType": "debit",
    "description": "GUSTO PAYROLL",
    "rail": "ach",
    "rawDescription": "ORIG CO NAME:GUSTO ORIG ID:9138864001 DESC DATE:231106 CO ENTRY DESCR:NET",
    "paymentReference": "PAYROLL-2023-11-06",
    "bankReference": "231106000123456",
    "baiCode": "451",
    "category": "payroll",
    "subcategory": None,
    "mcc": None,
    "merchantName": None,
    "counterpartyName": "Gusto",
    "counterpartyAccountMasked": "****4321",
    "valueDate": "2023-11-07",
}
# The same without the explicit nulls, which `to_dict()` leaves out.
TXN_NO_NULLS = {k: v for k, v in TXN.items() if v is not None}
PENDING: dict[str, Any] = {
    "id": "txn_pending",
    "connectionId": "conn_123",
    "accountId": "acct_123",
    "status": "pending",
    "postedDate": None,
    "updatedAt": "2023-11-07T05:31:56Z",
    "amount": "1500.00",
    "currency": "USD",
    "entryType": "credit",
    "description": "INCOMING WIRE",
    "rail": "wire",
}


def _page(items, cursor=None, request_id=None):
    body = {"data": items, "pagination": {"hasMore": cursor is not None, "nextCursor": cursor}}
    if request_id:
        body["meta"] = {"requestId": request_id}
    return httpx2.Response(200, json=body)


def _sync(events=(), cursor="cur_next", has_more=False, request_id="req_s"):
    body: dict[str, Any] = {"events": list(events), "nextCursor": cursor, "hasMore": has_more}
    if request_id:
        body["meta"] = {"requestId": request_id}
    return httpx2.Response(200, json=body)


def _added(txn_id="t1", **extra):
    return {"type": "added", "eventId": f"evt_{txn_id}", "eventAt": "2023-11-07T05:31:56Z",
            "transaction": {**PENDING, "id": txn_id}, **extra}  # fmt: skip


def _walk(api, iterator):
    """Every page `sync_pages` yields, and the exception that ended it (or None)."""
    pages: list[TransactionSyncPage] = []
    if api.is_async:

        async def run():
            try:
                async for page in iterator:
                    pages.append(page)
            except Exception as exc:
                return exc
            return None

        return pages, api.run(run())
    try:
        for page in iterator:
            pages.append(page)
    except Exception as exc:
        return pages, exc
    return pages, None


@pytest.fixture
def ok(recorder):
    return recorder(httpx2.Response(200, json=TXN))


# --- the Transaction model ------------------------------------------------------------------


def test_transaction_from_the_spec_example():
    txn = Transaction.from_dict(TXN)
    assert txn.amount == Decimal("-250.00") and type(txn.amount) is Decimal
    assert txn.posted_date == datetime.date(2023, 11, 6) and type(txn.posted_date) is datetime.date
    assert txn.updated_at == datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)
    assert txn.status is TransactionStatus.POSTED
    assert txn.entry_type is EntryType.DEBIT
    assert txn.rail is TransactionRail.ACH
    assert txn.bai_code == "451" and txn.subcategory is None and txn.customer_reference is None
    assert txn.extra == {"valueDate": "2023-11-07"}
    assert txn.to_dict() == TXN_NO_NULLS
    assert pickle.loads(pickle.dumps(txn)) == txn


def test_pending_transaction_has_no_posted_date():
    txn = Transaction.from_dict(PENDING)
    assert txn.posted_date is None and txn.status == "pending"
    assert txn.to_dict() == PENDING  # a required-but-null field stays in the dict


def test_unknown_enum_values_are_kept():
    txn = Transaction.from_dict(
        {**PENDING, "status": "disputed", "rail": "chaps", "entryType": "x"}
    )
    assert (txn.status, txn.rail, txn.entry_type) == ("disputed", "chaps", "x")
    assert isinstance(txn.rail, TransactionRail) and not txn.rail.is_known
    assert txn.to_dict()["rail"] == "chaps"


def test_amount_given_as_a_json_number_is_still_exact():
    txn = Transaction.from_dict({**PENDING, "amount": 0.1})
    assert txn.amount == Decimal("0.1")
    assert txn.to_dict()["amount"] == "0.1"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("postedDate", "2023-11-06T00:00:00Z"),
        ("amount", "NaN"),
        ("amount", "1e3x"),
        ("id", None),
        ("description", 5),
    ],
)
def test_a_2xx_with_a_bad_transaction_keeps_the_body(api, recorder, field, value):
    body = {**TXN, field: value}
    handler = recorder(httpx2.Response(200, json=body))
    with pytest.raises(waycore.APIResponseValidationError, match=field) as info:
        api.run(api.client(handler).transactions.retrieve(TXN_ID))
    assert info.value.body == body


def test_absent_posted_date_reads_as_none(api, recorder):
    # Required but nullable: the engine reads an absent value like null, leniently.
    body = {k: v for k, v in PENDING.items() if k != "postedDate"}
    handler = recorder(httpx2.Response(200, json=body))
    txn = api.run(api.client(handler).transactions.retrieve("txn_pending"))
    assert txn.posted_date is None
    assert txn.to_dict() == PENDING


# --- retrieve -------------------------------------------------------------------------------


def test_retrieve(api, ok):
    txn = api.run(api.client(ok).transactions.retrieve(TXN_ID))
    assert isinstance(txn, Transaction) and txn.id == TXN_ID
    (request,) = ok.requests
    assert (request.method, request.url.path) == ("GET", f"/v1/transactions/{TXN_ID}")


@pytest.mark.parametrize("bad", ["", ".", "..", None, 12, "sync"])
def test_retrieve_bad_id_sends_nothing(api, ok, bad):
    with pytest.raises(ValueError, match="transaction_id"):
        api.run(api.client(ok).transactions.retrieve(bad))
    assert ok.calls == 0


def test_retrieve_encodes_the_id(api, ok):
    api.run(api.client(ok).transactions.retrieve("sync/x"))
    assert ok.requests[0].url.raw_path == b"/v1/transactions/sync%2Fx"


def test_retrieve_not_found(api, recorder):
    handler = recorder(httpx2.Response(404, json={"code": "not_found", "message": "none"}))
    with pytest.raises(waycore.NotFoundError):
        api.run(api.client(handler).transactions.retrieve(TXN_ID))


# --- list -----------------------------------------------------------------------------------


def test_list_walks_pages_repeating_every_filter(api, recorder):
    handler = recorder(_page([TXN], "cur_a", "req_1"), _page([PENDING], None, "req_2"))
    pager = api.client(handler).transactions.list(
        account_id="acct_123",
        connection_id="conn_123",
        status=TransactionStatus.POSTED,
        rail="fasterPayments",
        posted_date_gte=datetime.date(2023, 11, 1),
        posted_date_lt="2023-12-01",
        sort="-updatedAt",
        limit=1,
    )
    assert handler.calls == 0
    assert [t.id for t in api.collect(pager)] == [TXN_ID, "txn_pending"]
    filters = {
        "accountId": "acct_123",
        "connectionId": "conn_123",
        "status": "posted",
        "rail": "fasterPayments",
        "postedDateGte": "2023-11-01",
        "postedDateLt": "2023-12-01",
        "sort": "-updatedAt",
        "limit": "1",
    }
    assert [dict(r.url.params) for r in handler.requests] == [
        filters,
        {**filters, "cursor": "cur_a"},
    ]
    assert all((r.method, r.url.path) == ("GET", "/v1/transactions") for r in handler.requests)


def test_list_without_filters_sends_no_query(api, recorder):
    handler = recorder(_page([]))
    assert api.collect(api.client(handler).transactions.list()) == []
    assert handler.requests[0].url.query == b""


@pytest.mark.parametrize("sort", ["postedDate", "-postedDate", "updatedAt", "-updatedAt"])
def test_list_sort_orders(api, recorder, sort):
    handler = recorder(_page([]))
    api.collect(api.client(handler).transactions.list(sort=sort))
    assert handler.requests[0].url.params["sort"] == sort


def test_list_unknown_enum_strings_pass_through(api, recorder):
    handler = recorder(_page([]))
    api.collect(
        api.client(handler).transactions.list(status="disputed", rail=TransactionRail("chaps"))
    )
    assert dict(handler.requests[0].url.params) == {"status": "disputed", "rail": "chaps"}


@pytest.mark.parametrize(
    ("kwargs", "param", "error"),
    [
        ({"sort": "amount"}, "sort", ValueError),
        ({"sort": "+postedDate"}, "sort", ValueError),
        ({"sort": 1}, "sort", TypeError),
        ({"status": 1}, "status", TypeError),
        ({"status": EntryType.DEBIT}, "status", TypeError),
        ({"rail": TransactionStatus.POSTED}, "rail", TypeError),
        ({"rail": ""}, "rail", ValueError),
        ({"posted_date_gte": "2023-13-01"}, "posted_date_gte", ValueError),
        ({"posted_date_lt": datetime.datetime(2024, 1, 1)}, "posted_date_lt", TypeError),
        ({"posted_date_gte": "2024-01-02", "posted_date_lt": "2024-01-01"}, "posted_date_gte",
         ValueError),
        ({"account_id": ""}, "account_id", ValueError),
        ({"connection_id": 3}, "connection_id", TypeError),
        ({"limit": 0}, "limit", ValueError),
        ({"limit": 501}, "limit", ValueError),
    ],
)  # fmt: skip
def test_list_bad_arguments_raise_at_call(api, ok, kwargs, param, error):
    with pytest.raises(error, match=param):
        api.client(ok).transactions.list(**kwargs)
    assert ok.calls == 0


# --- sync: one call -------------------------------------------------------------------------


def test_sync_without_cursor_sets_the_stream_head(api, recorder):
    handler = recorder(_sync([], cursor="head_1", request_id="req_h"))
    page = api.run(api.client(handler).transactions.sync())
    assert isinstance(page, TransactionSyncPage)
    assert (page.events, page.next_cursor, page.has_more, page.request_id) == (
        [],
        "head_1",
        False,
        "req_h",
    )
    (request,) = handler.requests
    assert (request.method, request.url.path, request.url.query) == (
        "GET",
        "/v1/transactions/sync",
        b"",
    )


def test_sync_sends_cursor_and_filters(api, recorder):
    handler = recorder(_sync([]))
    api.run(
        api.client(handler).transactions.sync(
            cursor="cur_1", account_id="acct_1", connection_id="conn_1", limit=500
        )
    )
    assert dict(handler.requests[0].url.params) == {
        "cursor": "cur_1",
        "accountId": "acct_1",
        "connectionId": "conn_1",
        "limit": "500",
    }


def test_sync_parses_every_event_shape(api, recorder):
    removed_with_transaction = {"type": "removed", "eventId": "e3", "transaction": TXN_NO_NULLS}
    removed_by_id = {"type": "removed", "eventId": "e4", "eventAt": "2023-11-09T05:31:56Z",
                     "transactionId": "t_gone"}  # fmt: skip
    unknown = {"type": "merged", "eventId": "e5", "into": "t9", "eventAt": "2023-11-09T06:00:00Z"}
    events = [
        _added("t1"),
        {"type": "modified", "transaction": {**TXN_NO_NULLS, "status": "reversed"}},
        removed_with_transaction,
        removed_by_id,
        unknown,
    ]
    handler = recorder(_sync(events, cursor="cur_2"))
    page = api.run(api.client(handler).transactions.sync(cursor="cur_1"))
    added, modified, removed_txn, removed_id, other = page.events

    assert isinstance(added, TransactionAdded) and added.transaction.id == "t1"
    assert added.event_id == "evt_t1"
    assert added.event_at == datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)
    assert added.transaction.amount == Decimal("1500.00")

    assert isinstance(modified, TransactionModified) and modified.transaction.id == TXN_ID
    assert (modified.event_id, modified.event_at) == (None, None)  # Legacy events carry neither

    assert isinstance(removed_txn, TransactionRemoved)
    assert removed_txn.transaction_id == TXN_ID  # taken from the embedded transaction
    assert removed_txn.transaction == Transaction.from_dict(TXN)
    assert removed_txn.event_at is None

    assert isinstance(removed_id, TransactionRemoved)
    assert removed_id.transaction_id == "t_gone" and removed_id.transaction is None
    assert removed_id.event_at == datetime.datetime(2023, 11, 9, 5, 31, 56, tzinfo=datetime.UTC)

    assert isinstance(other, UnknownTransactionEvent)
    assert (other.type, other.raw, other.event_id) == ("merged", unknown, "e5")
    assert other.event_at == datetime.datetime(2023, 11, 9, 6, 0, tzinfo=datetime.UTC)

    # Each event gives back exactly what the server sent.
    assert [e.to_dict() for e in page.events] == events


def test_removed_event_with_both_prefers_the_top_level_id():
    event = parser_for(TransactionEvent)(
        {"type": "removed", "transactionId": "t_top", "transaction": TXN}
    )
    assert isinstance(event, TransactionRemoved) and event.transaction_id == "t_top"


def test_removed_event_built_by_hand():
    assert TransactionRemoved(transaction_id="t1").transaction_id == "t1"
    embedded = TransactionRemoved(transaction=Transaction.from_dict(TXN))
    assert embedded.transaction_id == TXN_ID
    assert embedded.to_dict() == {"type": "removed", "transaction": TXN_NO_NULLS}
    with pytest.raises(ValueError, match="neither"):
        _ = TransactionRemoved().transaction_id


def test_events_survive_pickle(api, recorder):
    handler = recorder(_sync([_added("t1"), {"type": "removed", "transactionId": "t2"},
                              {"type": "new", "x": 1}]))  # fmt: skip
    page = api.run(api.client(handler).transactions.sync(cursor="c"))
    assert pickle.loads(pickle.dumps(page)) == page
    assert pickle.loads(pickle.dumps(page.events[1])).transaction_id == "t2"


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"events": [], "nextCursor": None, "hasMore": True}, "nextCursor"),
        ({"events": [], "nextCursor": "", "hasMore": True}, "nextCursor"),
        ({"events": [{"type": "removed", "eventId": "e"}], "nextCursor": "c", "hasMore": False},
         r"events\[0\]\.transactionId"),
        ({"events": [{"transactionId": "t"}], "nextCursor": "c", "hasMore": False}, "type"),
        ({"events": [{"type": "added"}], "nextCursor": "c", "hasMore": False}, "transaction"),
        ({"events": {}, "nextCursor": "c", "hasMore": False}, "events"),
        ({"events": [], "nextCursor": "c"}, "hasMore"),
        ({"data": [], "pagination": {"hasMore": False}}, "events"),
    ],
)  # fmt: skip
def test_sync_bad_body_keeps_the_body(api, recorder, body, where):
    handler = recorder(httpx2.Response(200, json=body))
    with pytest.raises(waycore.APIResponseValidationError, match=where) as info:
        api.run(api.client(handler).transactions.sync(cursor="c"))
    assert info.value.body == body


def test_sync_null_next_cursor_on_a_last_page_is_accepted(api, recorder):
    handler = recorder(_sync([], cursor=None, request_id=None))
    page = api.run(api.client(handler).transactions.sync(cursor="c"))
    assert (page.next_cursor, page.has_more, page.request_id) == (None, False, None)


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [
        (410, "cursor_expired", CursorExpiredError),
        (400, "cursor_expired", CursorExpiredError),
        (400, "invalid_cursor", InvalidCursorError),
        (422, "invalid_cursor", InvalidCursorError),
        (409, "invalid_cursor", InvalidCursorError),
    ],
)
def test_sync_cursor_errors(api, recorder, status, code, error):
    body = {"error": {"code": code, "message": "start over", "requestId": "req_e"}}
    handler = recorder(httpx2.Response(status, json=body))
    with pytest.raises(error) as info:
        api.run(api.client(handler).transactions.sync(cursor="old"))
    assert isinstance(info.value, waycore.APIStatusError)
    assert (info.value.status_code, info.value.code, info.value.request_id) == (
        status,
        code,
        "req_e",
    )
    assert handler.calls == 1  # never retried: the same cursor would fail again


@pytest.mark.parametrize(
    ("kwargs", "param", "error"),
    [
        ({"cursor": ""}, "cursor", ValueError),
        ({"cursor": 5}, "cursor", TypeError),
        ({"account_id": ""}, "account_id", ValueError),
        ({"connection_id": 1}, "connection_id", TypeError),
        ({"limit": 0}, "limit", ValueError),
        ({"limit": 501}, "limit", ValueError),
    ],
)
def test_sync_bad_arguments_send_nothing(api, recorder, kwargs, param, error):
    handler = recorder(_sync())
    client = api.client(handler)
    with pytest.raises(error, match=param):
        api.run(client.transactions.sync(**kwargs))
    with pytest.raises(error, match=param):
        client.transactions.sync_pages(**kwargs)  # checked at the call, before iterating
    assert handler.calls == 0


# --- sync_pages -----------------------------------------------------------------------------


def test_sync_pages_follows_has_more_and_yields_the_last_page(api, recorder):
    handler = recorder(
        _sync([_added("t1")], cursor="c2", has_more=True, request_id="r1"),
        _sync([_added("t2")], cursor="c3", has_more=True, request_id="r2"),
        _sync([], cursor="c4", has_more=False, request_id="r3"),
        _sync([_added("never")], cursor="c5", has_more=False),
    )
    pages, error = _walk(
        api, api.client(handler).transactions.sync_pages(cursor="c1", account_id="acct_1", limit=2)
    )
    assert error is None
    assert [(p.next_cursor, p.has_more, p.request_id) for p in pages] == [
        ("c2", True, "r1"),
        ("c3", True, "r2"),
        ("c4", False, "r3"),
    ]
    assert [[e.transaction.id for e in p.events] for p in pages] == [["t1"], ["t2"], []]
    assert handler.calls == 3  # stops after the first page with hasMore false
    assert [dict(r.url.params) for r in handler.requests] == [
        {"cursor": c, "accountId": "acct_1", "limit": "2"} for c in ("c1", "c2", "c3")
    ]
    assert all(r.url.path == "/v1/transactions/sync" for r in handler.requests)


def test_sync_pages_from_the_head_is_one_call(api, recorder):
    handler = recorder(_sync([], cursor="head", has_more=False))
    pages, error = _walk(api, api.client(handler).transactions.sync_pages(connection_id="conn_1"))
    assert error is None and [p.next_cursor for p in pages] == ["head"]
    assert dict(handler.requests[0].url.params) == {"connectionId": "conn_1"}


def test_sync_pages_is_lazy(api, recorder):
    handler = recorder(_sync([]))
    api.client(handler).transactions.sync_pages(cursor="c1")
    assert handler.calls == 0


def test_sync_pages_refuses_a_cursor_that_does_not_advance(api, recorder):
    handler = recorder(
        _sync([_added("t1")], cursor="c2", has_more=True),
        _sync([_added("t2")], cursor="c2", has_more=True),
    )
    pages, error = _walk(api, api.client(handler).transactions.sync_pages(cursor="c1"))
    assert isinstance(error, waycore.WaycoreError) and "did not advance" in str(error)
    assert not isinstance(error, waycore.APIError)
    assert handler.calls == 2  # no third call, no infinite loop
    assert [p.next_cursor for p in pages] == ["c2", "c2"]  # the page is handed over first


def test_sync_pages_refuses_the_cursor_it_was_asked_with(api, recorder):
    handler = recorder(_sync([], cursor="c1", has_more=True))
    pages, error = _walk(api, api.client(handler).transactions.sync_pages(cursor="c1"))
    assert isinstance(error, waycore.WaycoreError) and "did not advance" in str(error)
    assert "c1" not in str(error)  # server-supplied text is never quoted
    assert handler.calls == 1 and len(pages) == 1


def test_sync_pages_refuses_a_cycle(api, recorder):
    handler = recorder(
        _sync([], cursor="c2", has_more=True),
        _sync([], cursor="c1", has_more=True),
        _sync([], cursor="c2", has_more=True),
    )
    _, error = _walk(api, api.client(handler).transactions.sync_pages(cursor="c1"))
    assert isinstance(error, waycore.WaycoreError)
    assert handler.calls == 2  # c1 -> c2 -> c1 again: stop before asking for c1 twice


def test_sync_pages_same_cursor_is_fine_once_caught_up(api, recorder):
    # No new events: the API may hand back the cursor it was given, with hasMore false.
    handler = recorder(_sync([], cursor="c1", has_more=False))
    pages, error = _walk(api, api.client(handler).transactions.sync_pages(cursor="c1"))
    assert error is None and [p.next_cursor for p in pages] == ["c1"]


def test_sync_pages_raises_cursor_expired_mid_run(api, recorder):
    handler = recorder(
        _sync([_added("t1")], cursor="c2", has_more=True),
        httpx2.Response(410, json={"code": "cursor_expired", "message": "expired"}),
    )
    pages, error = _walk(api, api.client(handler).transactions.sync_pages(cursor="c1"))
    assert isinstance(error, CursorExpiredError)
    assert len(pages) == 1


# --- raw responses and the feed -------------------------------------------------------------


def test_raw_sync(api, recorder):
    handler = recorder(_sync([_added("t1")], cursor="c2", request_id="req_r"))
    raw = api.run(api.client(handler).with_raw_response.transactions.sync(cursor="c1"))
    assert (raw.status_code, raw.request_id) == (200, "req_r")
    page = raw.parse()
    assert isinstance(page, TransactionSyncPage) and page.next_cursor == "c2"
    assert json.loads(raw.http_response.content)["events"][0]["transaction"]["id"] == "t1"


def test_raw_list_and_retrieve(api, recorder):
    handler = recorder(_page([TXN], None, "req_l"), httpx2.Response(200, json=PENDING))
    client = api.client(handler)
    raw_page = api.run(client.with_raw_response.transactions.list(sort="postedDate"))
    assert raw_page.request_id == "req_l" and raw_page.parse().data[0].id == TXN_ID
    raw = api.run(client.with_raw_response.transactions.retrieve("txn_pending"))
    assert raw.parse().posted_date is None


def test_feed_is_built_on_the_resource(api, recorder):
    handler = recorder(_sync())
    transactions = api.client(handler).transactions
    store = MemoryCursorStore()
    feed = transactions.feed(store, account_id="acct_1")
    assert isinstance(feed, AsyncTransactionFeed if api.is_async else TransactionFeed)
    assert feed.key == stream_key("acct_1", None)
    assert feed.store is store
    assert handler.calls == 0
