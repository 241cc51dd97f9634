"""`waycore.webhooks.construct_event` and the typed webhook events.

Signatures are computed here with `hmac` directly (never with `sign`), so a bug shared by the
signer and the verifier cannot make these tests pass. No test sleeps: `now` is passed.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import hmac
import json
import pickle
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import waycore
from waycore._models import parser_for
from waycore.types.enums import ConnectionStatus
from waycore.webhooks import (
    ConnectionStatusChangedData,
    ConnectionStatusChangedEvent,
    TestEvent,
    TransactionsSyncAvailableData,
    TransactionsSyncAvailableEvent,
    UnknownWebhookEvent,
    WebhookEvent,
    WebhookVerificationError,
    construct_event,
)

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

SECRET = "whsec_3kQ9xYzSECRETvalue"
OTHER_SECRET = "whsec_other_rotated_secret"
T = 1_699_335_116

STATUS_CHANGED = {
    "id": "evt_abc123",
    "type": "connection.status_changed",
    "createdAt": "2023-11-07T05:31:56Z",
    "data": {
        "connectionId": "conn_123",
        "previousStatus": "active",
        "status": "reauthRequired",
        "errorCode": "bank_credentials_expired",
        "errorMessage": "The bank asked for the delegated user's password to be renewed.",
    },
}
SYNC_AVAILABLE = {
    "id": "evt_def456",
    "type": "transactions.sync_available",
    "createdAt": "2023-11-07T06:02:11Z",
    "data": {"connectionId": "conn_123", "accountId": None},
}
TEST = {"id": "evt_ghi789", "type": "test", "createdAt": "2023-11-07T06:10:00Z", "data": {}}


def hmac_hex(body: bytes, secret: str, t: int | str) -> str:
    return hmac.new(secret.encode("utf-8"), f"{t}.".encode() + body, hashlib.sha256).hexdigest()


def signed(payload: Any, secret: str = SECRET, t: int = T) -> tuple[bytes, str]:
    """A body (bytes, as sent) and its `Waycore-Signature` header."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return body, f"t={t},v1={hmac_hex(body, secret, t)}"


def construct(payload: Any, **kwargs: Any) -> Any:
    body, header = signed(payload)
    return construct_event(body, header, SECRET, now=T, **kwargs)


def refused(body: bytes | str, header: Any, secret: Any = SECRET, **kwargs: Any) -> str:
    with pytest.raises(WebhookVerificationError) as info:
        construct_event(body, header, secret, **{"now": T, **kwargs})
    message = str(info.value)
    assert SECRET not in message and OTHER_SECRET not in message
    return message


# --- each event type ------------------------------------------------------------------------


def test_connection_status_changed():
    event = construct(STATUS_CHANGED)
    assert isinstance(event, ConnectionStatusChangedEvent)
    assert event.id == "evt_abc123"
    assert event.type == "connection.status_changed"
    assert event.created_at == datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)
    assert event.data == ConnectionStatusChangedData(
        connection_id="conn_123",
        status=ConnectionStatus.REAUTH_REQUIRED,
        previous_status=ConnectionStatus.ACTIVE,
        error_code="bank_credentials_expired",
        error_message="The bank asked for the delegated user's password to be renewed.",
    )
    assert event.data.status is ConnectionStatus.REAUTH_REQUIRED
    assert event.data_raw == STATUS_CHANGED["data"]
    assert event.to_dict() == STATUS_CHANGED


def test_connection_status_changed_keeps_explicit_nulls():
    payload = copy.deepcopy(STATUS_CHANGED)
    payload["data"].update(status="active", errorCode=None, errorMessage=None)
    event = construct(payload)
    assert event.data.error_code is None and event.data.status is ConnectionStatus.ACTIVE
    assert event.data_raw == payload["data"]  # as sent, `null`s included
    # to_dict() writes the typed data: like every model, it leaves out optional `None`s.
    expected = copy.deepcopy(payload)
    del expected["data"]["errorCode"], expected["data"]["errorMessage"]
    assert event.to_dict() == expected


def test_transactions_sync_available_keeps_explicit_null():
    event = construct(SYNC_AVAILABLE)
    assert isinstance(event, TransactionsSyncAvailableEvent)
    assert event.data == TransactionsSyncAvailableData(connection_id="conn_123", account_id=None)
    assert event.data_raw == {"connectionId": "conn_123", "accountId": None}  # as sent
    assert event.to_dict() == {**SYNC_AVAILABLE, "data": {"connectionId": "conn_123"}}


def test_test_event():
    payload = {**TEST, "data": {"note": "hello", "n": 1}}
    event = construct(payload)
    assert isinstance(event, TestEvent)
    assert event.type == "test" and event.id == "evt_ghi789"
    assert event.data == {"note": "hello", "n": 1} == event.data_raw
    assert event.to_dict() == payload


@pytest.mark.parametrize(
    "event_type", ["account.created", "transfer.status_changed", "payout.settled"]
)
def test_unknown_and_reserved_types(event_type):
    payload = {
        "id": "evt_x",
        "type": event_type,
        "createdAt": "2024-05-01T12:00:00Z",
        "data": {"accountId": "acc_1", "amount": "12.50"},
        "apiVersion": "2024-05",
    }
    event = construct(payload)
    assert isinstance(event, UnknownWebhookEvent)
    assert event.type == event_type and event.id == "evt_x"
    assert event.created_at == datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC)
    assert event.raw == payload
    assert event.data_raw == payload["data"]
    assert event.to_dict() == payload


def test_unknown_fields_and_enum_values_kept():
    payload = copy.deepcopy(STATUS_CHANGED)
    payload["data"]["status"] = "suspended"
    payload["data"]["reason"] = "bank maintenance"
    payload["apiVersion"] = "2024-05"
    event = construct(payload)
    assert event.data.status == "suspended" and not event.data.status.is_known
    assert event.data.extra == {"reason": "bank maintenance"}
    assert event.extra == {"apiVersion": "2024-05"}
    assert event.to_dict() == payload


def test_sparse_status_data_is_all_none():
    event = construct({**STATUS_CHANGED, "data": {}})
    assert isinstance(event, ConnectionStatusChangedEvent)
    assert event.data == ConnectionStatusChangedData()


def test_repr_does_not_repeat_data_raw():
    text = repr(construct(STATUS_CHANGED))
    assert "data_raw" not in text and "REAUTH_REQUIRED" in text


def test_events_pickle():
    for payload in (STATUS_CHANGED, SYNC_AVAILABLE, TEST, {**TEST, "type": "x.y"}):
        event = construct(payload)
        assert pickle.loads(pickle.dumps(event)) == event


@pytest.mark.parametrize("kind", ["bytes", "str", "bytearray", "memoryview"])
def test_payload_types(kind):
    body, header = signed(STATUS_CHANGED)
    payload: Any = {
        "bytes": body,
        "str": body.decode(),
        "bytearray": bytearray(body),
        "memoryview": memoryview(body),
    }[kind]
    assert isinstance(construct_event(payload, header, SECRET, now=T), ConnectionStatusChangedEvent)


def test_non_ascii_body_verified_on_its_raw_bytes():
    body = json.dumps({**TEST, "data": {"who": "Zoë"}}, ensure_ascii=False).encode()
    _, header = signed(body)
    event = construct_event(body, header, SECRET, now=T)
    assert event.data == {"who": "Zoë"}
    reserialised = json.dumps(json.loads(body)).encode()  # what a framework's .json gives back
    assert "no valid signature" in refused(reserialised, header)


def test_rotation_any_secret_and_any_v1_matches():
    body, header = signed(TEST, secret=OTHER_SECRET)
    assert isinstance(construct_event(body, header, [SECRET, OTHER_SECRET], now=T), TestEvent)
    both = f"t={T},v1={hmac_hex(body, SECRET, T)},v1={hmac_hex(body, OTHER_SECRET, T)}"
    assert isinstance(construct_event(body, both, OTHER_SECRET, now=T), TestEvent)


def test_exported_from_waycore_webhooks():
    for name in (
        "construct_event",
        "ConnectionStatusChangedEvent",
        "ConnectionStatusChangedData",
        "TransactionsSyncAvailableEvent",
        "TransactionsSyncAvailableData",
        "TestEvent",
        "UnknownWebhookEvent",
        "WebhookEvent",
        "verify_signature",
        "sign",
        "WebhookVerificationError",
    ):
        assert name in waycore.webhooks.__all__ and hasattr(waycore.webhooks, name)


# --- verification comes first ---------------------------------------------------------------


def test_tampered_body_refused():
    body, header = signed(STATUS_CHANGED)
    tampered = body.replace(b"reauthRequired", b"active")
    assert "no valid signature" in refused(tampered, header)


def test_wrong_secret_refused():
    body, header = signed(STATUS_CHANGED, secret=OTHER_SECRET)
    message = refused(body, header)
    assert hmac_hex(body, SECRET, T) not in message


@pytest.mark.parametrize("t", [T - 301, T + 301])
def test_stale_or_future_timestamp_refused(t):
    body, header = signed(TEST, t=t)
    assert "tolerance" in refused(body, header)
    assert isinstance(construct_event(body, header, SECRET, now=T, tolerance=None), TestEvent)
    assert isinstance(construct_event(body, header, SECRET, now=T, tolerance=301), TestEvent)


@pytest.mark.parametrize(
    "header", [None, "", "garbage", "t=1", f"v1={'0' * 64}", "t=1,v1=zz", "t=é,v1=00", 42]
)
def test_missing_or_malformed_header_refused(header):
    body, _ = signed(TEST)
    refused(body, header)


def test_bad_signature_on_unreadable_body_reports_the_signature():
    # Nothing is parsed before the signature checks out.
    message = refused(b"not json at all", f"t={T},v1={'ab' * 32}")
    assert "verified" not in message and "no valid signature" in message


def test_programmer_errors_stay_type_and_value_errors():
    body, header = signed(TEST)
    with pytest.raises(TypeError, match="payload"):
        construct_event(json.loads(body), header, SECRET, now=T)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="secret"):
        construct_event(body, header, b"whsec", now=T)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="secret"):
        construct_event(body, header, "", now=T)


# --- verified, but not an event -------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "where"),
    [
        (b"not json", "not valid JSON"),
        (b"", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
        (b"[]", "expected an object"),
        (b'"evt"', "expected an object"),
        (b"null", "expected an object"),
        ({"type": "test", "createdAt": "2023-11-07T06:10:00Z", "data": {}}, "id"),
        ({**TEST, "id": 7}, "id"),
        ({k: v for k, v in TEST.items() if k != "type"}, "type"),
        ({**TEST, "type": 3}, "type"),
        ({**TEST, "type": None}, "type"),
        ({k: v for k, v in TEST.items() if k != "createdAt"}, "createdAt"),
        ({**TEST, "createdAt": "last tuesday"}, "createdAt"),
        ({k: v for k, v in TEST.items() if k != "data"}, "data"),
        ({**TEST, "data": "hello"}, "data"),
        ({**STATUS_CHANGED, "data": None}, "data"),
        ({**STATUS_CHANGED, "data": {"status": 5}}, "data.status"),
        ({**SYNC_AVAILABLE, "data": {"connectionId": ["c"]}}, "data.connectionId"),
        ({**SYNC_AVAILABLE, "type": "brand.new", "data": []}, "data"),
        ({**SYNC_AVAILABLE, "type": "brand.new", "createdAt": 0}, "createdAt"),
    ],
)
def test_verified_but_not_an_event(payload, where):
    body, header = signed(payload)
    message = refused(body, header)
    assert message.startswith("verified, but the payload is not a Waycore event")
    assert where in message


def test_not_an_event_error_chains_nothing():
    body, header = signed(b"{not json, secret stuff")
    with pytest.raises(WebhookVerificationError) as info:
        construct_event(body, header, SECRET, now=T)
    assert info.value.__cause__ is None and info.value.__suppress_context__


# --- hostile input: only WebhookVerificationError escapes -----------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
event_types = st.sampled_from(
    ["connection.status_changed", "transactions.sync_available", "test", "account.created"]
) | st.text(max_size=30)
timestamps = st.sampled_from(["2023-11-07T05:31:56Z", "2023-11-07", "", "Z"]) | st.text(max_size=30)
envelopes = st.fixed_dictionaries(
    {},
    optional={
        "id": st.text(max_size=20) | json_values,
        "type": event_types | json_values,
        "createdAt": timestamps | json_values,
        "data": st.dictionaries(
            st.sampled_from(
                ["connectionId", "accountId", "status", "previousStatus", "errorCode", "x"]
            ),
            st.text(max_size=20) | json_values,
            max_size=6,
        )
        | json_values,
    },
)

_parse_event = parser_for(WebhookEvent)


def _check(body: bytes, header: Any) -> None:
    try:
        event = construct_event(body, header, SECRET, now=T)
    except WebhookVerificationError as exc:
        assert SECRET not in str(exc)
        return
    assert isinstance(
        event,
        ConnectionStatusChangedEvent
        | TransactionsSyncAvailableEvent
        | TestEvent
        | UnknownWebhookEvent,
    )
    sent = json.loads(body)
    assert event.id == sent["id"] and event.data_raw == sent["data"]
    # to_dict() is canonical (timestamps normalised, optional nulls left out): a fixed point.
    again = _parse_event(event.to_dict())
    assert type(again) is type(event) and again.to_dict() == event.to_dict()


@SETTINGS
@given(body=st.binary(max_size=300), header=st.one_of(st.none(), st.text(max_size=200)))
@example(body=b"{}", header=f"t={T},v1={'0' * 64}")
def test_arbitrary_body_and_header(body, header):
    _check(body, header)


@SETTINGS
@given(body=st.binary(max_size=300) | envelopes.map(lambda e: json.dumps(e).encode()))
@example(body=b"\x00")
@example(body=json.dumps(STATUS_CHANGED).encode())
def test_arbitrary_signed_body(body):
    # Correctly signed, so parsing is reached: it yields an event or the same error type.
    _, header = signed(body)
    _check(body, header)


@SETTINGS
@given(envelope=envelopes)
@example(envelope=SYNC_AVAILABLE)
@example(envelope={**STATUS_CHANGED, "createdAt": "2023-11-07"})
def test_arbitrary_signed_envelope_round_trips_when_accepted(envelope):
    body, header = signed(envelope)
    _check(body, header)
