"""Models: dispatch on `kind`, open enums, `extra`, datetimes, frozenness."""

from __future__ import annotations

import datetime
import typing

import attrs
import httpx2
import pytest

import waycore
from waycore._models import ParseError, parser_for
from waycore._pagination import page_parser

parse_connection = parser_for(waycore.Connection)
parse_connection_page = page_parser(waycore.Connection)

UTC = datetime.UTC


def test_ready_connection_fields(ready_payload):
    conn = parse_connection(
        ready_payload(
            portalUrl="https://portal.bank.example",
            institutionName="Chase",
            lastSyncedAt="2024-05-03T01:02:03.456+00:00",
            errorCode="E42",
            errorMessage="bank said no",
            metadata={"team": "ops", "nested": {"a": [1, 2]}},
        )
    )
    assert isinstance(conn, waycore.ReadyConnection)
    assert conn.id == "conn_123"
    assert conn.entity_id == "3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f"
    assert conn.institution_id == "chase"
    assert conn.kind == "ready"
    assert conn.status == "active" and conn.status is waycore.ConnectionStatus.ACTIVE
    assert conn.sync_status == "idle" and conn.sync_status is waycore.SyncStatus.IDLE
    assert conn.created_at == datetime.datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert conn.updated_at == datetime.datetime(2024, 5, 2, 6, 30, tzinfo=UTC)
    assert conn.updated_at.utcoffset() == datetime.timedelta(hours=2)
    assert conn.last_synced_at == datetime.datetime(2024, 5, 3, 1, 2, 3, 456000, tzinfo=UTC)
    assert conn.portal_url == "https://portal.bank.example"
    assert conn.institution_name == "Chase"
    assert (conn.error_code, conn.error_message) == ("E42", "bank said no")
    assert conn.metadata == {"team": "ops", "nested": {"a": [1, 2]}}
    assert type(conn.metadata) is dict
    assert conn.extra == {}


def test_payload_without_kind_is_ready(ready_payload):
    payload = ready_payload()
    del payload["kind"]
    conn = parse_connection(payload)
    assert isinstance(conn, waycore.ReadyConnection)
    assert conn.kind == "ready"
    assert conn.extra == {}


def test_optional_fields_none_when_absent(ready_payload, setup_payload):
    conn = parse_connection(ready_payload())
    assert conn.portal_url is None
    assert conn.institution_name is None
    assert conn.last_synced_at is None
    assert conn.error_code is None
    assert conn.error_message is None
    assert conn.metadata == {}

    explicit_null = parse_connection(ready_payload(portalUrl=None, metadata=None, errorCode=None))
    assert (explicit_null.portal_url, explicit_null.metadata, explicit_null.error_code) == (
        None,
        {},
        None,
    )

    setup = parse_connection(setup_payload(setup={}))
    assert setup.setup == waycore.ConnectionSetup()
    assert setup.setup.instructions == waycore.SetupInstructions()  # always there
    assert setup.institution_name is None


def test_setup_connection_fields(setup_payload):
    conn = parse_connection(setup_payload())
    assert isinstance(conn, waycore.SetupConnection)
    assert conn.kind == "setup"
    assert conn.institution_id is None
    assert conn.portal_url == "https://portal.bank.example/login"
    assert conn.status == waycore.ConnectionStatus.DRAFT
    setup = conn.setup
    assert isinstance(setup, waycore.ConnectionSetup)
    assert setup.status == "awaitingDelegatedUserCreation"
    assert setup.credentials_present is False
    assert setup.action_required_by == "endUser"
    assert setup.next_action == "createDelegatedUser"
    instructions = setup.instructions
    assert isinstance(instructions, waycore.SetupInstructions)
    assert (instructions.first_name, instructions.last_name) == ("Way", "Core")
    assert instructions.email is None
    assert instructions.email_provisioning_status == "pending"
    assert instructions.phone_number is None


def test_unknown_kind(ready_payload):
    payload = {"id": "conn_9", "kind": "migrating", "somethingNew": [1, 2]}
    conn = parse_connection(payload)
    assert isinstance(conn, waycore.UnknownConnection)
    assert conn.id == "conn_9"
    assert conn.kind == "migrating"
    assert conn.raw == payload


@pytest.mark.parametrize("payload", [{"kind": "future"}, {"kind": "future", "id": 7}])
def test_unknown_kind_without_string_id_cannot_be_read(payload):
    # `conn.id` is a `str` on every connection: a payload without one is not a connection.
    with pytest.raises(ParseError) as info:
        parse_connection(payload)
    assert info.value.path == "id"


def test_unknown_enum_values_kept(ready_payload):
    conn = parse_connection(ready_payload(status="archived", syncStatus="queued"))
    assert conn.status == "archived"
    assert isinstance(conn.status, waycore.ConnectionStatus)
    assert not conn.status.is_known
    assert conn.status.value == "archived" and str(conn.status) == "archived"
    assert conn.sync_status == "queued"
    assert isinstance(conn.sync_status, waycore.SyncStatus)
    assert not conn.sync_status.is_known
    assert waycore.ConnectionStatus.ACTIVE.is_known
    assert waycore.ConnectionStatus("archived") is waycore.ConnectionStatus("archived")


def test_enums_compare_to_strings():
    assert waycore.ConnectionStatus.REAUTH_REQUIRED == "reauthRequired"
    assert waycore.ConnectionStatus("pendingActivation") is (
        waycore.ConnectionStatus.PENDING_ACTIVATION
    )
    assert {s.value for s in waycore.ConnectionStatus} == {
        "draft",
        "pendingActivation",
        "active",
        "reauthRequired",
        "errored",
        "paused",
        "revoked",
    }
    assert {s.value for s in waycore.SyncStatus} == {"idle", "syncing"}


def test_unknown_fields_kept_at_every_level(ready_payload, setup_payload):
    ready = parse_connection(ready_payload(newTopLevel={"x": 1}, riskScore=7))
    assert ready.extra == {"newTopLevel": {"x": 1}, "riskScore": 7}

    payload = setup_payload(newTop="t")
    payload["setup"]["deadline"] = "2024-06-01"
    payload["setup"]["instructions"]["faxNumber"] = "+1 555"
    conn = parse_connection(payload)
    assert conn.extra == {"newTop": "t"}
    assert conn.setup.extra == {"deadline": "2024-06-01"}
    assert conn.setup.instructions.extra == {"faxNumber": "+1 555"}


def test_naive_timestamp_becomes_utc(ready_payload):
    conn = parse_connection(
        ready_payload(createdAt="2024-05-01T12:00:00", lastSyncedAt="2024-05-01 13:00:00")
    )
    assert conn.created_at.tzinfo is not None
    assert conn.created_at == datetime.datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert conn.last_synced_at == datetime.datetime(2024, 5, 1, 13, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "value", ["2024-05-01T12:00:00Z", "2024-05-01T12:00:00.123456+05:30", "2024-05-01T12:00:00"]
)
def test_all_datetimes_aware(ready_payload, value):
    conn = parse_connection(ready_payload(createdAt=value, updatedAt=value, lastSyncedAt=value))
    for dt in (conn.created_at, conn.updated_at, conn.last_synced_at):
        assert dt.tzinfo is not None and dt.utcoffset() is not None


@pytest.mark.parametrize(
    "overrides",
    [
        {"createdAt": "yesterday"},
        {"createdAt": None},
        {"id": 5},
        {"status": None},
        {"metadata": [1]},
        {"portalUrl": 3},
        {"kind": 7},
        {"kind": None},
    ],
)
def test_bad_shapes_raise_parse_error(ready_payload, overrides):
    with pytest.raises(ParseError):
        parse_connection(ready_payload(**overrides))


def test_models_are_frozen(ready_payload, setup_payload):
    ready = parse_connection(ready_payload())
    setup = parse_connection(setup_payload())
    unknown = parse_connection({"id": "x", "kind": "other"})
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ready.status = "revoked"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setup.setup = None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setup.setup.status = "x"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setup.setup.instructions.first_name = "x"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        unknown.kind = "ready"


def test_connection_union():
    assert set(typing.get_args(waycore.Connection)) == {
        waycore.ReadyConnection,
        waycore.SetupConnection,
        waycore.UnknownConnection,
    }


def test_models_compare_by_value(ready_payload):
    assert parse_connection(ready_payload()) == parse_connection(ready_payload())


def test_page_parsing(ready_payload, setup_payload):
    page = parse_connection_page(
        {
            "data": [ready_payload(), setup_payload(), {"kind": "other", "id": "z"}],
            "pagination": {"hasMore": True, "nextCursor": "cur"},
            "meta": {"requestId": "req_7"},
        }
    )
    assert [type(c) for c in page.data] == [
        waycore.ReadyConnection,
        waycore.SetupConnection,
        waycore.UnknownConnection,
    ]
    assert (page.has_more, page.next_cursor, page.request_id) == (True, "cur", "req_7")


def test_page_has_more_without_cursor_is_error():
    with pytest.raises(ParseError):
        parse_connection_page({"data": [], "pagination": {"hasMore": True}})


def test_models_through_client(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload(status="archived", extraKey=1)))
    conn = api.run(api.client(handler).connections.retrieve("conn_123"))
    assert conn.status == "archived" and not conn.status.is_known
    assert conn.extra == {"extraKey": 1}
