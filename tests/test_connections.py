"""`client.connections`: request building, argument checks, pagination, return values."""

from __future__ import annotations

import json
import uuid

import httpx2
import pytest

import waycore

PORTAL = "https://portal.bank.example/login"


def _body(request: httpx2.Request) -> object:
    return json.loads(request.content) if request.content else None


@pytest.fixture
def ok(recorder, ready_payload):
    """A handler answering every request with a ready connection."""
    return recorder(httpx2.Response(200, json=ready_payload()))


# --- create ---------------------------------------------------------------------------------


def test_create_by_institution(api, ok, entity_id):
    conn = api.run(api.client(ok).connections.create(entity_id=entity_id, institution_id="chase"))
    assert isinstance(conn, waycore.ReadyConnection) and conn.id == "conn_123"
    (request,) = ok.requests
    assert request.method == "POST"
    assert request.url.path == "/v1/connections"
    assert request.headers["content-type"] == "application/json"
    assert _body(request) == {"entityId": entity_id, "institutionId": "chase"}
    assert b"null" not in request.content


def test_create_by_portal(api, recorder, setup_payload, entity_id):
    handler = recorder(httpx2.Response(201, json=setup_payload()))
    conn = api.run(api.client(handler).connections.create(entity_id=entity_id, portal_url=PORTAL))
    assert isinstance(conn, waycore.SetupConnection)
    assert conn.institution_id is None
    assert conn.setup.instructions.first_name == "Way"
    assert _body(handler.requests[0]) == {"entityId": entity_id, "portalUrl": PORTAL}


def test_create_by_both(api, ok, entity_id):
    api.run(
        api.client(ok).connections.create(
            entity_id=entity_id, institution_id="chase", portal_url=PORTAL
        )
    )
    assert _body(ok.requests[0]) == {
        "entityId": entity_id,
        "institutionId": "chase",
        "portalUrl": PORTAL,
    }


def test_create_accepts_uuid_and_normalises(api, ok, entity_id):
    api.run(
        api.client(ok).connections.create(entity_id=uuid.UUID(entity_id), institution_id="chase")
    )
    api.run(api.client(ok).connections.create(entity_id=entity_id.upper(), institution_id="chase"))
    assert [_body(r)["entityId"] for r in ok.requests] == [entity_id, entity_id]


def test_create_empty_portal_omitted(api, ok, entity_id):
    api.run(
        api.client(ok).connections.create(
            entity_id=entity_id, institution_id="chase", portal_url=""
        )
    )
    assert _body(ok.requests[0]) == {"entityId": entity_id, "institutionId": "chase"}


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"entity_id": "not-a-uuid", "institution_id": "chase"}, "entity_id"),
        ({"entity_id": "", "institution_id": "chase"}, "entity_id"),
        ({"entity_id": None, "institution_id": "chase"}, "entity_id"),
        ({"entity_id": 12345, "institution_id": "chase"}, "entity_id"),
        ({}, "institution_id"),
        ({"institution_id": ""}, "institution_id"),
        ({"institution_id": None, "portal_url": None}, "institution_id"),
        ({"institution_id": "", "portal_url": ""}, "portal_url"),
        ({"institution_id": 7}, "institution_id"),
        ({"portal_url": "http://portal.bank.example/login"}, "portal_url"),
        ({"portal_url": "/login"}, "portal_url"),
        ({"portal_url": "portal.bank.example"}, "portal_url"),
        ({"portal_url": "https://"}, "portal_url"),
        ({"portal_url": "https://bank.example/a b"}, "portal_url"),
        ({"institution_id": "chase", "portal_url": "ftp://bank.example"}, "portal_url"),
    ],
)
def test_create_bad_arguments_send_nothing(api, ok, entity_id, kwargs, param):
    kwargs = {"entity_id": entity_id, **kwargs}
    client = api.client(ok)
    with pytest.raises(ValueError, match=param):
        api.run(client.connections.create(**kwargs))
    assert ok.calls == 0


# --- connection ids -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("conn_id", "raw_path"),
    [
        ("conn_123", b"/v1/connections/conn_123"),
        ("a/b c", b"/v1/connections/a%2Fb%20c"),
        ("50%?#", b"/v1/connections/50%25%3F%23"),
        ("...", b"/v1/connections/..."),
        ("é", b"/v1/connections/%C3%A9"),
    ],
)
def test_id_percent_encoded_in_path(api, ok, conn_id, raw_path):
    api.run(api.client(ok).connections.retrieve(conn_id))
    assert ok.requests[0].url.raw_path == raw_path
    assert ok.requests[0].method == "GET"


def test_id_encoded_in_every_method(api, recorder, ready_payload):
    handler = recorder(
        lambda r: httpx2.Response(
            202 if r.url.path.endswith("/sync") else 200, json=ready_payload()
        )
    )
    conns = api.client(handler).connections
    api.run(conns.update_credentials("a/b", bank_username="u"))
    api.run(conns.complete_setup("a/b"))
    api.run(conns.sync("a/b"))
    assert [(r.method, r.url.raw_path) for r in handler.requests] == [
        ("PUT", b"/v1/connections/a%2Fb/credentials"),
        ("PUT", b"/v1/connections/a%2Fb/setupCompletion"),
        ("PUT", b"/v1/connections/a%2Fb/sync"),
    ]


@pytest.mark.parametrize("bad_id", ["", ".", "..", None, 123, b"conn"])
@pytest.mark.parametrize(
    "method",
    [
        lambda c, i: c.connections.retrieve(i),
        lambda c, i: c.connections.update_credentials(i, password="p"),
        lambda c, i: c.connections.complete_setup(i),
        lambda c, i: c.connections.sync(i),
        lambda c, i: c.connections.wait_until_ready(i),
    ],
    ids=["retrieve", "update_credentials", "complete_setup", "sync", "wait_until_ready"],
)
def test_bad_connection_id_sends_nothing(api, ok, bad_id, method):
    client = api.client(ok)
    with pytest.raises(ValueError, match="connection_id"):
        api.run(method(client, bad_id))
    assert ok.calls == 0


# --- list -----------------------------------------------------------------------------------


def _page(ids, cursor=None, request_id=None):
    body = {
        "data": [
            {
                "id": i,
                "entityId": "3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f",
                "institutionId": "chase",
                "status": "active",
                "syncStatus": "idle",
                "createdAt": "2024-05-01T12:00:00Z",
                "updatedAt": "2024-05-01T12:00:00Z",
            }
            for i in ids
        ],
        "pagination": {"hasMore": cursor is not None, "nextCursor": cursor},
    }
    if request_id:
        body["meta"] = {"requestId": request_id}
    return httpx2.Response(200, json=body)


def test_list_walks_pages_repeating_filters(api, recorder, entity_id):
    handler = recorder(
        _page(["c1", "c2"], "cur_a", "req_1"),
        _page(["c3"], "cur_b", "req_2"),
        _page(["c4", "c5"], None, "req_3"),
    )
    pager = api.client(handler).connections.list(
        entity_id=uuid.UUID(entity_id), institution_id="chase", status="active", limit=2
    )
    assert handler.calls == 0  # lazy: nothing sent before iteration
    items = api.collect(pager)
    assert [c.id for c in items] == ["c1", "c2", "c3", "c4", "c5"]
    assert all(isinstance(c, waycore.ReadyConnection) for c in items)
    filters = {"entityId": entity_id, "institutionId": "chase", "status": "active", "limit": "2"}
    params = [dict(r.url.params) for r in handler.requests]
    assert params == [filters, {**filters, "cursor": "cur_a"}, {**filters, "cursor": "cur_b"}]
    assert all(r.method == "GET" and r.url.path == "/v1/connections" for r in handler.requests)


def test_list_without_filters_sends_no_params(api, recorder):
    handler = recorder(_page(["c1"]))
    assert [c.id for c in api.collect(api.client(handler).connections.list())] == ["c1"]
    assert handler.requests[0].url.query == b""


def test_list_pages_expose_request_id(api, recorder):
    handler = recorder(_page(["c1"], "cur_a", "req_1"), _page([], None, "req_2"))
    pages = api.pages(api.client(handler).connections.list(limit=1))
    assert [p.request_id for p in pages] == ["req_1", "req_2"]
    assert [p.has_more for p in pages] == [True, False]
    assert [p.next_cursor for p in pages] == ["cur_a", None]
    assert [len(p.data) for p in pages] == [1, 0]
    assert all(isinstance(p, waycore.ConnectionPage) for p in pages)


def test_list_is_lazy_page_by_page(sync_api, recorder):
    handler = recorder(_page(["c1"], "cur_a"), _page(["c2"]))
    iterator = iter(sync_api.client(handler).connections.list())
    assert handler.calls == 0
    assert next(iterator).id == "c1"
    assert handler.calls == 1
    assert next(iterator).id == "c2"
    assert handler.calls == 2


def test_list_repeated_cursor_stops(api, recorder):
    handler = recorder(_page(["c1"], "same"), _page(["c2"], "same"))
    with pytest.raises(waycore.WaycoreError, match="did not advance"):
        api.collect(api.client(handler).connections.list())
    assert handler.calls == 2


def test_list_accepts_unknown_status_as_enum(api, recorder):
    handler = recorder(_page([]))
    api.collect(api.client(handler).connections.list(status=waycore.ConnectionStatus("brandNew")))
    assert handler.requests[0].url.params["status"] == "brandNew"


def test_list_accepts_enum_member(api, recorder):
    handler = recorder(_page([]))
    api.collect(
        api.client(handler).connections.list(status=waycore.ConnectionStatus.REAUTH_REQUIRED)
    )
    assert handler.requests[0].url.params["status"] == "reauthRequired"


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"limit": -1}, "limit"),
        ({"limit": True}, "limit"),
        ({"limit": 10.0}, "limit"),
        ({"limit": "10"}, "limit"),
        ({"status": "brandNew"}, "status"),
        ({"status": "ACTIVE"}, "status"),
        ({"status": 3}, "status"),
        ({"entity_id": "nope"}, "entity_id"),
        ({"institution_id": 5}, "institution_id"),
    ],
)
def test_list_bad_arguments_raise_at_call(api, ok, kwargs, param):
    client = api.client(ok)
    with pytest.raises(ValueError, match=param):
        client.connections.list(**kwargs)
    assert ok.calls == 0


@pytest.mark.parametrize("limit", [1, 500])
def test_list_limit_bounds_accepted(api, recorder, limit):
    handler = recorder(_page([]))
    api.collect(api.client(handler).connections.list(limit=limit))
    assert handler.requests[0].url.params["limit"] == str(limit)


# --- update_credentials ---------------------------------------------------------------------


def test_update_credentials_body_omits_none(api, ok):
    conns = api.client(ok).connections
    conn = api.run(conns.update_credentials("conn_123", bank_username="user1", password="pw"))
    assert conn.id == "conn_123"
    api.run(conns.update_credentials("conn_123", bank_customer_id="cust9"))
    api.run(
        conns.update_credentials("conn_123", bank_username="u", bank_customer_id="c", password="p")
    )
    assert [_body(r) for r in ok.requests] == [
        {"bankUsername": "user1", "password": "pw"},
        {"bankCustomerId": "cust9"},
        {"bankUsername": "u", "bankCustomerId": "c", "password": "p"},
    ]
    assert all(r.method == "PUT" for r in ok.requests)
    assert all(r.url.path == "/v1/connections/conn_123/credentials" for r in ok.requests)


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"bank_username": None, "password": None}, {"bank_username": "", "password": ""}],
)
def test_update_credentials_with_nothing_refused(api, ok, kwargs):
    with pytest.raises(ValueError, match="update_credentials"):
        api.run(api.client(ok).connections.update_credentials("conn_123", **kwargs))
    assert ok.calls == 0


def test_update_credentials_non_string_password_refused(api, ok):
    with pytest.raises(ValueError, match="password"):
        api.run(api.client(ok).connections.update_credentials("conn_123", password=1234))
    assert ok.calls == 0


# --- complete_setup / sync ------------------------------------------------------------------


def test_complete_setup_returns_connection(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload(id="conn_9")))
    conn = api.run(api.client(handler).connections.complete_setup("conn_9"))
    assert isinstance(conn, waycore.ReadyConnection) and conn.id == "conn_9"
    request = handler.requests[0]
    assert (request.method, request.url.path) == ("PUT", "/v1/connections/conn_9/setupCompletion")
    assert request.content == b""


@pytest.mark.parametrize(
    "response",
    [httpx2.Response(204), httpx2.Response(200), httpx2.Response(200, content=b"  \n"),
     httpx2.Response(202)],
)  # fmt: skip
def test_complete_setup_empty_answer_is_none(api, recorder, response):
    handler = recorder(response)
    assert api.run(api.client(handler).connections.complete_setup("conn_9")) is None
    assert handler.calls == 1


@pytest.mark.parametrize("response", [httpx2.Response(202), httpx2.Response(202, json={"x": 1})])
def test_sync_returns_none(api, recorder, response):
    handler = recorder(response)
    assert api.run(api.client(handler).connections.sync("conn_9")) is None
    request = handler.requests[0]
    assert (request.method, request.url.path) == ("PUT", "/v1/connections/conn_9/sync")


def test_sync_conflict(api, recorder):
    body = {"error": {"code": "sync_in_progress", "message": "A sync is already running"}}
    handler = recorder(httpx2.Response(409, json=body))
    with pytest.raises(waycore.ConflictError) as info:
        api.run(api.client(handler).connections.sync("conn_9"))
    assert info.value.code == "sync_in_progress"
    assert info.value.status_code == 409
    assert handler.calls == 1  # a 409 is never retried


def test_retrieve_not_found(api, recorder):
    handler = recorder(httpx2.Response(404, json={"code": "not_found", "message": "No such"}))
    with pytest.raises(waycore.NotFoundError) as info:
        api.run(api.client(handler).connections.retrieve("conn_x"))
    assert info.value.code == "not_found"
