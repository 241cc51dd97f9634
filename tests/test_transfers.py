"""`client.transfers`: bodies, amounts, idempotency keys across retries, errors, parsing."""

from __future__ import annotations

import copy
import datetime
import json
import pickle
import uuid
from decimal import Decimal
from typing import Any

import httpx2
import pytest

import waycore
from waycore._exceptions import ConflictError, IdempotencyConflictError
from waycore.types.transfer import (
    Money,
    Transfer,
    TransferDirection,
    TransferStatus,
    TransferType,
)

SRC = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
DST = "9b2f6c1e-7d4a-4f0b-8c3e-2a1d5e6f7a8b"
TRANSFER_ID = "7c1e9a44-2f3b-4d5e-8a6b-0c9d8e7f6a5b"
ACH = {
    "paymentIdentifier": {
        "scheme": "us_ach",
        "accountNumber": "482910375612",
        "routingNumber": "021000021",
    },
    "name": "Northwind Supplies LLC",
}


def transfer_payload(**overrides: Any) -> dict[str, Any]:
    """The spec's Transfer example (wire format); kwargs override keys."""
    payload: dict[str, Any] = {
        "id": TRANSFER_ID,
        "status": "queued",
        "type": "internal",
        "requestedAmount": {"type": "money", "value": "1250.00", "currency": "USD"},
        "sourceAccountId": SRC,
        "destination": {"type": "internal", "accountId": DST},
        "transferType": "internal",
        "clientReference": "INV-1042",
        "executionDate": "2023-12-25",
        "memo": "Fund payroll account",
        "createdAt": "2023-12-20T14:03:12Z",
        "updatedAt": "2023-12-20T14:03:12Z",
    }
    payload.update(overrides)
    return payload


def _body(request: httpx2.Request) -> Any:
    return json.loads(request.content) if request.content else None


@pytest.fixture
def ok(recorder):
    return recorder(httpx2.Response(202, json=transfer_payload()))


def internal(client: Any, **overrides: Any) -> Any:
    kwargs: dict[str, Any] = {
        "amount": Decimal("1250.00"),
        "currency": "USD",
        "source_account_id": SRC,
        "destination_account_id": DST,
        "client_reference": "INV-1042",
    }
    kwargs.update(overrides)
    return client.transfers.create_internal(**kwargs)


def external(client: Any, **overrides: Any) -> Any:
    kwargs: dict[str, Any] = {
        "amount": "980.00",
        "currency": "USD",
        "source_account_id": SRC,
        "transfer_type": "ach",
        "destination": ACH,
        "client_reference": "PO-7781",
    }
    kwargs.update(overrides)
    return client.transfers.create_external(**kwargs)


def _uuid4(text: str) -> bool:
    try:
        return uuid.UUID(text).version == 4 and str(uuid.UUID(text)) == text
    except ValueError:
        return False


# --- request bodies -------------------------------------------------------------------------


def test_create_internal_body_exact(api, ok):
    transfer = api.run(
        internal(
            api.client(ok),
            execution_date=datetime.date(2023, 12, 25),
            memo="Fund payroll account",
            skip_preflight=False,
        )
    )
    (request,) = ok.requests
    assert request.method == "POST"
    assert request.url.path == "/v1/transfers"
    assert request.url.query == b""
    assert _body(request) == {
        "type": "internal",
        "transferType": "internal",
        "amount": {"type": "money", "value": "1250.00", "currency": "USD"},
        "sourceAccountId": SRC,
        "destination": {"type": "internal", "accountId": DST},
        "clientReference": "INV-1042",
        "executionDate": "2023-12-25",
        "memo": "Fund payroll account",
        "skipPreflight": False,
    }
    assert _uuid4(request.headers["Idempotency-Key"])
    assert isinstance(transfer, Transfer) and transfer.id == TRANSFER_ID


def test_create_internal_omits_none(api, ok):
    api.run(internal(api.client(ok), execution_date=None, memo=None, skip_preflight=None))
    body = _body(ok.requests[0])
    assert set(body) == {
        "type",
        "transferType",
        "amount",
        "sourceAccountId",
        "destination",
        "clientReference",
    }
    assert b"null" not in ok.requests[0].content


def test_create_internal_iso_date_string(api, ok):
    api.run(internal(api.client(ok), execution_date="2024-02-29", skip_preflight=True))
    body = _body(ok.requests[0])
    assert body["executionDate"] == "2024-02-29"
    assert body["skipPreflight"] is True


def test_create_external_body_exact(api, ok):
    api.run(external(api.client(ok), transfer_type=TransferType.ACH, memo="May invoice"))
    (request,) = ok.requests
    assert _body(request) == {
        "type": "external",
        "transferType": "ach",
        "amount": {"type": "money", "value": "980.00", "currency": "USD"},
        "sourceAccountId": SRC,
        "destination": ACH,
        "clientReference": "PO-7781",
        "memo": "May invoice",
    }
    assert _uuid4(request.headers["Idempotency-Key"])


def test_create_external_accepts_unknown_rail(api, ok):
    api.run(external(api.client(ok), transfer_type="bacs"))
    assert _body(ok.requests[0])["transferType"] == "bacs"


@pytest.mark.parametrize(
    ("amount", "sent"),
    [
        (Decimal("1250.00"), "1250.00"),
        (Decimal("1E+2"), "100"),
        (Decimal("1.2300"), "1.2300"),
        (Decimal("0.01"), "0.01"),
        (Decimal("1E-2"), "0.01"),
        (5, "5"),
        (10**30, "1" + "0" * 30),
        ("12.50", "12.50"),
        ("1e3", "1000"),
        ("+7", "7"),
        (".5", "0.5"),
    ],
)
def test_amount_sent_as_plain_decimal_string(api, ok, amount, sent):
    api.run(internal(api.client(ok), amount=amount))
    value = _body(ok.requests[0])["amount"]["value"]
    assert value == sent
    assert isinstance(value, str) and "E" not in value.upper()


@pytest.mark.parametrize("amount", [12.5, 0.1, float("nan"), 1e2])
def test_float_amount_is_type_error(api, ok, amount):
    with pytest.raises(TypeError, match=r"amount.*float"):
        api.run(internal(api.client(ok), amount=amount))
    with pytest.raises(TypeError, match="amount"):
        api.run(external(api.client(ok), amount=amount))
    assert ok.calls == 0


@pytest.mark.parametrize("amount", [True, None, [1], b"12.50"])
def test_amount_of_wrong_type(api, ok, amount):
    with pytest.raises(TypeError, match="amount"):
        api.run(internal(api.client(ok), amount=amount))
    assert ok.calls == 0


@pytest.mark.parametrize(
    "amount",
    [
        "NaN",
        "nan",
        "sNaN",
        "Infinity",
        "-Infinity",
        "inf",
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        "E5",
        "e",
        "1e",
        "1E+",
        "",
        " 12.50",
        "12.50 ",
        "1_000",
        "12,50",
        "$12",
        "0x10",
        0,
        -5,
        "0.00",
        "-1.00",
        Decimal("0"),
        Decimal("-0"),
        Decimal("-0.01"),
        "1E+999999999",
        Decimal("1E+999999999"),
        Decimal("1E-999999999"),
        10**200,
        "1" * 200,
    ],
)
def test_bad_amount_is_value_error(api, ok, amount):
    with pytest.raises(ValueError, match="amount") as info:
        api.run(internal(api.client(ok), amount=amount))
    assert not isinstance(info.value, TypeError)
    assert ok.calls == 0


@pytest.mark.parametrize(
    ("overrides", "error", "param"),
    [
        ({"currency": "usd"}, ValueError, "currency"),
        ({"currency": "US"}, ValueError, "currency"),
        ({"currency": "ABCDEFGHIJKLM"}, ValueError, "currency"),
        ({"currency": "US D"}, ValueError, "currency"),
        ({"currency": "USD\n"}, ValueError, "currency"),
        ({"currency": 840}, TypeError, "currency"),
        ({"currency": None}, TypeError, "currency"),
        ({"source_account_id": ""}, ValueError, "source_account_id"),
        ({"source_account_id": None}, ValueError, "source_account_id"),
        ({"source_account_id": 42}, TypeError, "source_account_id"),
        ({"destination_account_id": ""}, ValueError, "destination_account_id"),
        ({"client_reference": ""}, ValueError, "client_reference"),
        ({"client_reference": "x" * 141}, ValueError, "client_reference"),
        ({"client_reference": 1042}, TypeError, "client_reference"),
        ({"memo": "m" * 501}, ValueError, "memo"),
        ({"memo": 7}, TypeError, "memo"),
        ({"execution_date": "2023-13-01"}, ValueError, "execution_date"),
        ({"execution_date": "20231225"}, ValueError, "execution_date"),
        ({"execution_date": "2023-12-25T00:00:00"}, ValueError, "execution_date"),
        (
            {"execution_date": datetime.datetime(2023, 12, 25, tzinfo=datetime.UTC)},
            TypeError,
            "execution_date",
        ),
        ({"execution_date": 20231225}, TypeError, "execution_date"),
        ({"skip_preflight": "yes"}, TypeError, "skip_preflight"),
        ({"skip_preflight": 1}, TypeError, "skip_preflight"),
        ({"idempotency_key": ""}, ValueError, "idempotency_key"),
        ({"idempotency_key": " key"}, ValueError, "idempotency_key"),
        ({"idempotency_key": "key "}, ValueError, "idempotency_key"),
        ({"idempotency_key": "k" * 256}, ValueError, "idempotency_key"),
        ({"idempotency_key": "ключ"}, ValueError, "idempotency_key"),
        ({"idempotency_key": "a\r\nX-Evil: 1"}, ValueError, "idempotency_key"),
        ({"idempotency_key": "a\tb"}, ValueError, "idempotency_key"),
        ({"idempotency_key": 12345}, TypeError, "idempotency_key"),
        ({"idempotency_key": uuid.uuid4()}, TypeError, "idempotency_key"),
    ],
)
def test_create_internal_bad_arguments_send_nothing(api, ok, overrides, error, param):
    with pytest.raises(error, match=param):
        api.run(internal(api.client(ok), **overrides))
    assert ok.calls == 0


@pytest.mark.parametrize(
    ("overrides", "error", "param"),
    [
        ({"destination": {}}, ValueError, "destination"),
        ({"destination": "us_ach:482910375612"}, TypeError, "destination"),
        ({"destination": [("name", "x")]}, TypeError, "destination"),
        ({"destination": {1: "x"}}, TypeError, "destination"),
        ({"transfer_type": ""}, ValueError, "transfer_type"),
        ({"transfer_type": None}, TypeError, "transfer_type"),
        ({"transfer_type": 3}, TypeError, "transfer_type"),
        ({"amount": 980.0}, TypeError, "amount"),
    ],
)
def test_create_external_bad_arguments_send_nothing(api, ok, overrides, error, param):
    with pytest.raises(error, match=param):
        api.run(external(api.client(ok), **overrides))
    assert ok.calls == 0


def test_length_limits_accepted_at_the_bound(api, ok):
    key = "k" + " " * 253 + "y"  # 255 characters; inner spaces are allowed
    api.run(
        internal(api.client(ok), client_reference="r" * 140, memo="m" * 500, idempotency_key=key)
    )
    (request,) = ok.requests
    assert request.headers["Idempotency-Key"] == key
    assert len(_body(request)["clientReference"]) == 140


# --- idempotency keys -----------------------------------------------------------------------

FAILURES = [
    httpx2.Response(503),
    httpx2.RemoteProtocolError("server disconnected"),
    httpx2.ReadTimeout("read timed out"),
]


@pytest.mark.parametrize("method", ["internal", "external", "retry"])
def test_same_key_on_every_attempt(api, recorder, method):
    handler = recorder(*FAILURES, httpx2.Response(200, json=transfer_payload()))
    client = api.client(handler, max_retries=3)
    if method == "retry":
        call = client.transfers.retry(TRANSFER_ID)
    else:
        call = (internal if method == "internal" else external)(client)
    transfer = api.run(call)
    assert transfer.id == TRANSFER_ID
    assert handler.calls == 4  # a keyed transfer POST is retried after a 503, a drop, a timeout
    keys = [r.headers["Idempotency-Key"] for r in handler.requests]
    assert len(set(keys)) == 1 and _uuid4(keys[0])
    # The very same request each time: same body too.
    assert len({r.content for r in handler.requests}) == 1
    assert len(api.sleeps) == 3


def test_new_key_for_every_call(api, recorder):
    handler = recorder(httpx2.Response(200, json=transfer_payload()))
    client = api.client(handler)
    api.run(internal(client))
    api.run(internal(client))
    api.run(external(client))
    api.run(client.transfers.retry(TRANSFER_ID))
    api.run(client.transfers.retry(TRANSFER_ID))
    keys = [r.headers["Idempotency-Key"] for r in handler.requests]
    assert len(set(keys)) == 5 and all(_uuid4(k) for k in keys)


@pytest.mark.parametrize("method", ["internal", "external", "retry"])
def test_callers_key_used_on_every_attempt(api, recorder, method):
    handler = recorder(FAILURES[0], FAILURES[1], httpx2.Response(200, json=transfer_payload()))
    client = api.client(handler, max_retries=3)
    if method == "retry":
        call = client.transfers.retry(TRANSFER_ID, idempotency_key="retry-inv-1042")
        expected = "retry-inv-1042"
    else:
        expected = "invoice-1042"
        call = (internal if method == "internal" else external)(client, idempotency_key=expected)
    api.run(call)
    assert [r.headers["Idempotency-Key"] for r in handler.requests] == [expected] * 3


def test_key_sent_once_per_request(api, ok):
    api.run(internal(api.client(ok), idempotency_key="inv-1"))
    assert ok.requests[0].headers.get_list("Idempotency-Key") == ["inv-1"]


def test_reads_carry_no_key(api, recorder):
    handler = recorder(httpx2.Response(200, json=transfer_payload()))
    api.run(api.client(handler).transfers.retrieve(TRANSFER_ID))
    assert "Idempotency-Key" not in handler.requests[0].headers


@pytest.mark.parametrize("code", ["idempotency_conflict", "conflict", None])
def test_409_on_create_is_idempotency_conflict(api, recorder, code):
    body = {"error": {"code": code, "message": "Key reused with another payload"}}
    handler = recorder(httpx2.Response(409, json=body))
    client = api.client(handler, max_retries=3)
    with pytest.raises(IdempotencyConflictError) as info:
        api.run(internal(client, idempotency_key="inv-1"))
    assert isinstance(info.value, ConflictError)
    assert info.value.status_code == 409
    assert handler.calls == 1  # a 409 is final
    with pytest.raises(IdempotencyConflictError):
        api.run(external(client))


def test_409_on_retry_is_plain_conflict(api, recorder):
    body = {"error": {"code": "conflict", "message": "Transfer is not retryable"}}
    handler = recorder(httpx2.Response(409, json=body))
    with pytest.raises(ConflictError) as info:
        api.run(api.client(handler).transfers.retry(TRANSFER_ID))
    assert not isinstance(info.value, IdempotencyConflictError)
    assert info.value.message == "Transfer is not retryable"


def test_409_on_create_after_a_retry_still_idempotency_conflict(api, recorder):
    handler = recorder(httpx2.Response(503), httpx2.Response(409, json={"code": "conflict"}))
    with pytest.raises(IdempotencyConflictError):
        api.run(internal(api.client(handler, max_retries=2)))
    assert handler.calls == 2


def test_raw_response_exposes_idempotent_replayed(api, recorder):
    handler = recorder(
        httpx2.Response(
            200,
            json=transfer_payload(),
            headers={"Idempotent-Replayed": "true", "x-request-id": "req_9"},
        )
    )
    client = api.client(handler)
    raw = api.run(internal(client.with_raw_response, idempotency_key="inv-1"))
    assert raw.status_code == 200
    assert raw.headers["Idempotent-Replayed"] == "true"
    assert raw.request_id == "req_9"
    assert raw.parse().requested_amount.value == Decimal("1250.00")
    raw_retry = api.run(client.with_raw_response.transfers.retry(TRANSFER_ID))
    assert raw_retry.headers.get("idempotent-replayed") == "true"
    raw_ext = api.run(external(client.with_raw_response))
    assert isinstance(raw_ext.parse(), Transfer)


def test_raw_response_without_replay_header(api, ok):
    raw = api.run(internal(api.client(ok).with_raw_response))
    assert raw.status_code == 202
    assert raw.headers.get("Idempotent-Replayed") is None


# --- retry, retrieve, list ------------------------------------------------------------------


def test_retry_request(api, recorder):
    handler = recorder(httpx2.Response(202, json=transfer_payload(status="queued")))
    transfer = api.run(api.client(handler).transfers.retry(TRANSFER_ID))
    (request,) = handler.requests
    assert request.method == "POST"
    assert request.url.path == f"/v1/transfers/{TRANSFER_ID}/retry"
    assert request.content == b""
    assert transfer.status is TransferStatus.QUEUED


def test_retrieve_request_and_encoding(api, recorder):
    handler = recorder(httpx2.Response(200, json=transfer_payload()))
    client = api.client(handler)
    api.run(client.transfers.retrieve(TRANSFER_ID))
    api.run(client.transfers.retrieve("a/b?c"))
    assert handler.requests[0].method == "GET"
    assert handler.requests[0].url.raw_path == f"/v1/transfers/{TRANSFER_ID}".encode()
    assert handler.requests[1].url.raw_path == b"/v1/transfers/a%2Fb%3Fc"


@pytest.mark.parametrize("bad_id", ["", ".", "..", None, 7])
@pytest.mark.parametrize("method", ["retrieve", "retry"])
def test_bad_transfer_id_sends_nothing(api, ok, bad_id, method):
    with pytest.raises(ValueError, match="transfer_id"):
        api.run(getattr(api.client(ok).transfers, method)(bad_id))
    assert ok.calls == 0


def test_retrieve_not_found(api, recorder):
    handler = recorder(httpx2.Response(404, json={"error": {"code": "not_found"}}))
    with pytest.raises(waycore.NotFoundError):
        api.run(api.client(handler).transfers.retrieve(TRANSFER_ID))


def _page(items: list[dict[str, Any]], cursor: str | None) -> httpx2.Response:
    return httpx2.Response(
        200,
        json={
            "data": items,
            "pagination": {"hasMore": cursor is not None, "nextCursor": cursor},
            "meta": {"requestId": f"req_{cursor}"},
        },
    )


def test_list_walks_pages_repeating_filters(api, recorder):
    handler = recorder(
        _page([transfer_payload(id="t1"), transfer_payload(id="t2")], "cur_2"),
        _page([transfer_payload(id="t3")], None),
    )
    pager = api.client(handler).transfers.list(account_id=SRC, limit=2)
    assert [t.id for t in api.collect(pager)] == ["t1", "t2", "t3"]
    first, second = (dict(r.url.params) for r in handler.requests)
    assert first == {"accountId": SRC, "limit": "2"}
    assert second == {"accountId": SRC, "limit": "2", "cursor": "cur_2"}
    assert all(r.url.path == "/v1/transfers" for r in handler.requests)


def test_list_without_filters_and_pages(api, recorder):
    handler = recorder(_page([transfer_payload()], None))
    pages = api.pages(api.client(handler).transfers.list())
    assert handler.requests[0].url.query == b""
    assert pages[0].request_id == "req_None" and pages[0].has_more is False


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"limit": "10"}, "limit"),
        ({"account_id": 5}, "account_id"),
        ({"account_id": ""}, "account_id"),
    ],
)
def test_list_bad_arguments_raise_at_call(api, ok, kwargs, param):
    with pytest.raises(ValueError, match=param):
        api.client(ok).transfers.list(**kwargs)
    with pytest.raises(ValueError, match=param):
        api.run(api.client(ok).with_raw_response.transfers.list(**kwargs))
    assert ok.calls == 0


def test_raw_list_returns_first_page(api, recorder):
    handler = recorder(_page([transfer_payload()], "cur_2"))
    raw = api.run(api.client(handler).with_raw_response.transfers.list(limit=5))
    assert raw.request_id == "req_cur_2"
    assert raw.parse().next_cursor == "cur_2"
    assert handler.calls == 1


# --- parsing --------------------------------------------------------------------------------


def test_parses_spec_example_and_round_trips():
    payload = transfer_payload()
    transfer = Transfer.from_dict(copy.deepcopy(payload))
    assert transfer.status is TransferStatus.QUEUED
    assert transfer.type is TransferDirection.INTERNAL
    assert transfer.transfer_type is TransferType.INTERNAL
    assert transfer.requested_amount == Money(
        value=Decimal("1250.00"), currency="USD", type="money"
    )
    assert isinstance(transfer.requested_amount.value, Decimal)
    assert transfer.executed_amount is None
    assert transfer.execution_date == datetime.date(2023, 12, 25)
    assert transfer.created_at == datetime.datetime(2023, 12, 20, 14, 3, 12, tzinfo=datetime.UTC)
    assert transfer.destination == {"type": "internal", "accountId": DST}
    assert transfer.failure_reason is None
    assert transfer.extra == {}
    assert transfer.to_dict() == payload
    assert pickle.loads(pickle.dumps(transfer)) == transfer


def test_failed_transfer_with_failure_reason_round_trips():
    payload = transfer_payload(
        status="failed",
        executedAmount={"type": "money", "value": "0.00", "currency": "USD"},
        failureReason={"message": "Insufficient funds in the source account.", "code": "nsf"},
    )
    transfer = Transfer.from_dict(copy.deepcopy(payload))
    assert transfer.status == "failed"
    assert transfer.failure_reason == "Insufficient funds in the source account."
    assert transfer.failure_details is not None
    assert transfer.failure_details.extra == {"code": "nsf"}
    assert transfer.executed_amount is not None
    assert transfer.executed_amount.value == Decimal("0.00")
    assert transfer.to_dict() == payload


def test_failure_reason_without_message_is_none():
    transfer = Transfer.from_dict(transfer_payload(failureReason={}))
    assert transfer.failure_reason is None


def test_minimal_response_sample_without_status_type_or_rail():
    payload = transfer_payload()
    for key in ("status", "type", "transferType", "executionDate", "memo"):
        del payload[key]
    transfer = Transfer.from_dict(payload)
    assert transfer.status is None and transfer.type is None and transfer.transfer_type is None
    assert transfer.execution_date is None and transfer.memo is None
    assert transfer.to_dict() == payload


def test_unknown_enum_values_and_legacy_fields_kept():
    payload = transfer_payload(
        status="on_hold",
        type="sideways",
        transferType="bacs",
        batchId="batch_1",
        rail="internalTransfer",
        completedAt=None,
    )
    transfer = Transfer.from_dict(copy.deepcopy(payload))
    assert transfer.status == "on_hold" and not transfer.status.is_known
    assert isinstance(transfer.status, TransferStatus)
    assert transfer.type == "sideways" and transfer.transfer_type == "bacs"
    assert transfer.extra == {"batchId": "batch_1", "rail": "internalTransfer", "completedAt": None}
    assert transfer.to_dict() == payload


def test_amount_as_json_number_parses_to_decimal():
    payload = transfer_payload(
        requestedAmount={"type": "money", "value": 1250.5, "currency": "USD"},
    )
    transfer = Transfer.from_dict(payload)
    assert transfer.requested_amount.value == Decimal("1250.5")
    assert transfer.requested_amount.to_dict()["value"] == "1250.5"


def test_money_without_value_or_currency_still_parses():
    # The spec documents no required Money field: a partial amount must not lose the transfer.
    transfer = Transfer.from_dict(transfer_payload(requestedAmount={"currency": "USD"}))
    assert transfer.requested_amount.value is None


@pytest.mark.parametrize(
    ("overrides", "path"),
    [
        ({"requestedAmount": {"value": "NaN", "currency": "USD"}}, "requestedAmount.value"),
        ({"requestedAmount": {"value": "12 USD"}}, "requestedAmount.value"),
        ({"requestedAmount": "1250.00"}, "requestedAmount"),
        ({"destination": None}, "destination"),
        ({"createdAt": "yesterday"}, "createdAt"),
        ({"failureReason": "Insufficient funds"}, "failureReason"),
        ({"id": None}, "id"),
    ],
)
def test_bad_2xx_body_keeps_body(api, recorder, overrides, path):
    payload = transfer_payload(**overrides)
    handler = recorder(httpx2.Response(202, json=payload))
    with pytest.raises(waycore.APIResponseValidationError) as info:
        api.run(internal(api.client(handler)))
    assert info.value.body == payload
    assert path in str(info.value)
    assert handler.calls == 1  # a create that succeeded is never sent again


def test_repr_shows_amount_and_status():
    text = repr(Transfer.from_dict(transfer_payload()))
    assert "Decimal('1250.00')" in text and "TransferStatus.QUEUED" in text
