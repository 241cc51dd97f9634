"""Properties: whatever the server sends, only the SDK's own exceptions escape.

The parsers may raise only `ParseError`; a client call may raise only `WaycoreError`s.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import waycore
from waycore._models import ParseError, parser_for
from waycore._pagination import page_parser

parse_connection = parser_for(waycore.Connection)
parse_connection_page = page_parser(waycore.Connection)

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

KNOWN_KEYS = [
    "id", "entityId", "institutionId", "status", "syncStatus", "createdAt", "updatedAt",
    "kind", "portalUrl", "institutionName", "lastSyncedAt", "errorCode", "errorMessage",
    "metadata", "setup", "instructions", "credentialsPresent", "data", "pagination",
    "hasMore", "nextCursor", "meta", "requestId", "error", "code", "message", "detail",
]  # fmt: skip
INTERESTING_STRINGS = [
    "ready", "setup", "active", "revoked", "idle", "2024-05-01T12:00:00Z", "2024-05-01",
    "conn_1", "", "null",
]  # fmt: skip

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(INTERESTING_STRINGS)
)
keys = st.sampled_from(KNOWN_KEYS) | st.text(max_size=10)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=25,
)

READY = {
    "id": "conn_1",
    "entityId": "3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f",
    "institutionId": "chase",
    "status": "active",
    "syncStatus": "idle",
    "createdAt": "2024-05-01T12:00:00Z",
    "updatedAt": "2024-05-01T12:00:00Z",
    "kind": "ready",
    "portalUrl": "https://portal.example",
    "lastSyncedAt": "2024-05-01T12:00:00Z",
    "metadata": {"a": 1},
}
SETUP = {
    "id": "conn_2",
    "entityId": "3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f",
    "institutionId": None,
    "status": "draft",
    "createdAt": "2024-05-01T12:00:00Z",
    "updatedAt": "2024-05-01T12:00:00Z",
    "kind": "setup",
    "setup": {
        "status": "awaitingDelegatedUserCreation",
        "instructions": {"firstName": "A", "email": None, "phoneNumber": "1"},
        "credentialsPresent": False,
        "actionRequiredBy": "endUser",
        "nextAction": "createDelegatedUser",
    },
}
PAGE = {
    "data": [READY, SETUP, {"kind": "other", "id": "x"}],
    "pagination": {"hasMore": True, "nextCursor": "cur"},
    "meta": {"requestId": "req"},
}


def _containers(value: Any) -> list[Any]:
    """Every dict and list inside `value` (itself included)."""
    found = []
    if isinstance(value, dict | list):
        found.append(value)
        for child in value.values() if isinstance(value, dict) else value:
            found.extend(_containers(child))
    return found


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> Any:
    """A valid payload with a few keys dropped or replaced by random JSON."""
    payload = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        target = draw(st.sampled_from(_containers(payload)))
        if isinstance(target, dict):
            key = draw(st.sampled_from(sorted(target)) | keys) if target else draw(keys)
            if draw(st.booleans()) and key in target:
                del target[key]
            else:
                target[key] = draw(json_values)
        elif target:
            index = draw(st.integers(min_value=0, max_value=len(target) - 1))
            if draw(st.booleans()):
                del target[index]
            else:
                target[index] = draw(json_values)
    return payload


def _parse_or_parse_error(parser, data) -> None:
    try:
        result = parser(data)
    except ParseError:
        return
    # When parsing succeeds the result is one of the documented shapes.
    assert isinstance(
        result,
        waycore.ReadyConnection
        | waycore.SetupConnection
        | waycore.UnknownConnection
        | waycore.ConnectionPage,
    )


@SETTINGS
@given(json_values)
def test_parse_connection_arbitrary_json(data):
    _parse_or_parse_error(parse_connection, data)


@SETTINGS
@given(json_values)
def test_parse_connection_page_arbitrary_json(data):
    _parse_or_parse_error(parse_connection_page, data)


@SETTINGS
@given(st.one_of(mutated(READY), mutated(SETUP)))
def test_parse_connection_mutated(data):
    _parse_or_parse_error(parse_connection, data)


@SETTINGS
@given(mutated(PAGE))
def test_parse_connection_page_mutated(data):
    _parse_or_parse_error(parse_connection_page, data)


def test_valid_payloads_parse():
    assert isinstance(parse_connection(READY), waycore.ReadyConnection)
    assert isinstance(parse_connection(SETUP), waycore.SetupConnection)
    assert len(parse_connection_page(PAGE).data) == 3


# --- through a client -----------------------------------------------------------------------

CALLS = {
    "retrieve": lambda api, c: api.run(c.connections.retrieve("conn_1")),
    "create": lambda api, c: api.run(
        c.connections.create(entity_id=READY["entityId"], institution_id="chase")
    ),
    "update_credentials": lambda api, c: api.run(
        c.connections.update_credentials("conn_1", password="pw")
    ),
    "complete_setup": lambda api, c: api.run(c.connections.complete_setup("conn_1")),
    "sync": lambda api, c: api.run(c.connections.sync("conn_1")),
    "list": lambda api, c: api.collect(c.connections.list(limit=5)),
}
ERROR_STATUSES = [400, 401, 403, 404, 408, 409, 418, 422, 429, 500, 502, 503, 520]
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40)


class Slot:
    """The response the handler sends next (hypothesis sets it per example)."""

    def __init__(self) -> None:
        self.status = 200
        self.content = b""
        self.headers: dict[str, str] = {}

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(self.status, content=self.content, headers=self.headers)


def _only_sdk_errors(api, client, call) -> None:
    try:
        CALLS[call](api, client)
    except waycore.WaycoreError as exc:
        str(exc), repr(exc)  # rendering an error never fails either


def _body(draw_json: Any, raw: bytes | None) -> bytes:
    return raw if raw is not None else json.dumps(draw_json).encode()


@pytest.fixture
def slot_client(api):
    slot = Slot()
    return api, slot, api.client(slot, max_retries=1)


@SETTINGS
@given(
    call=st.sampled_from(sorted(CALLS)),
    status=st.sampled_from([200, 201, 202, 204]),
    data=json_values | mutated(READY) | mutated(PAGE),
    raw=st.none() | st.binary(max_size=60),
)
def test_client_any_2xx_body(slot_client, call, status, data, raw):
    api, slot, client = slot_client
    slot.status, slot.content, slot.headers = status, _body(data, raw), {}
    _only_sdk_errors(api, client, call)


@SETTINGS
@given(
    call=st.sampled_from(sorted(CALLS)),
    status=st.sampled_from(ERROR_STATUSES),
    data=json_values,
    raw=st.none() | st.binary(max_size=60),
    retry_after=st.none() | header_text | st.sampled_from(["0", "1.5", "61", "-1", "nan"]),
    request_id=st.none() | header_text,
)
def test_client_any_error_body(slot_client, call, status, data, raw, retry_after, request_id):
    api, slot, client = slot_client
    slot.status, slot.content = status, _body(data, raw)
    slot.headers = {}
    if retry_after is not None:
        slot.headers["retry-after"] = retry_after
    if request_id is not None:
        slot.headers["x-request-id"] = request_id
    try:
        CALLS[call](api, client)
    except waycore.APIStatusError as exc:
        assert exc.status_code == status
        assert isinstance(exc.message, str) and exc.message
        assert isinstance(str(exc), str) and len(str(exc)) < 1000
    # Any other exception (not even a WaycoreError) fails the test.
