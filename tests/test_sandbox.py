"""Behaviour of the in-memory sandbox server, driven with raw httpx2 (not the SDK)."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from http.client import HTTPConnection
from typing import Any

import _spec_facts as docs
import httpx2
import pytest
from _signals import ctrl_c_restored

from waycore.testing import RecordedRequest, Sandbox

PASSWORD = "hunter2-very-secret"
CONN_ID_RE = re.compile(r"\Aconn_[0-9a-f]{24}\Z")
REQUEST_ID_RE = re.compile(r"\Areq_[0-9a-f]+\Z")


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sb:
        yield sb


def make_client(sb: Sandbox, **kwargs: Any) -> httpx2.Client:
    # trust_env=False: a proxy from the environment must never see loopback traffic.
    kwargs.setdefault("timeout", 5.0)
    kwargs.setdefault("headers", {"Authorization": f"Bearer {sb.api_key}"})
    return httpx2.Client(base_url=sb.base_url, trust_env=False, **kwargs)


@pytest.fixture
def http(sandbox: Sandbox) -> Iterator[httpx2.Client]:
    with make_client(sandbox) as client:
        yield client


def new_entity() -> str:
    return str(uuid.uuid4())


def create(http: httpx2.Client, **body: Any) -> httpx2.Response:
    body.setdefault("entityId", new_entity())
    if "portalUrl" not in body:
        body.setdefault("institutionId", "chase")
    return http.post("/connections", json=body)


def assert_error(response: httpx2.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert error["requestId"] == response.headers["x-request-id"]
    assert REQUEST_ID_RE.match(error["requestId"])
    return dict(error)


def to_ready_active(sandbox: Sandbox, http: httpx2.Client, **body: Any) -> str:
    conn_id = str(create(http, **body).json()["id"])
    sandbox.set_state(conn_id, kind="ready", status="active")
    return conn_id


# -- lifecycle -----------------------------------------------------------------------------


def test_full_lifecycle_with_activation_polls() -> None:
    with Sandbox(activation_polls=2) as sb, make_client(sb) as http:
        entity = new_entity()
        created = http.post("/connections", json={"entityId": entity, "institutionId": "chase"})
        assert created.status_code == 201
        conn = created.json()
        assert CONN_ID_RE.match(conn["id"])
        assert conn["kind"] == "setup"
        assert conn["status"] == "draft"
        assert conn["entityId"] == entity
        assert conn["institutionId"] == "chase"
        assert conn["institutionName"] == "Chase"
        assert conn["portalUrl"] == "https://secure.chase.com/web/auth/dashboard"
        assert conn["metadata"] == {}
        assert "syncStatus" not in conn and "lastSyncedAt" not in conn
        setup = conn["setup"]
        assert setup["status"] == "awaitingDelegatedUserCreation"
        assert setup["credentialsPresent"] is False
        assert setup["actionRequiredBy"] == "endUser"
        assert setup["nextAction"] == "createDelegatedUser"
        instructions = setup["instructions"]
        assert set(instructions) == set(docs.SETUP_INSTRUCTIONS_FIELDS)
        assert all(isinstance(v, str) and v for v in instructions.values())
        assert instructions["emailProvisioningStatus"] == "pending"
        assert instructions["phoneNumberProvisioningStatus"] == "pending"
        assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]+", instructions["email"])
        assert re.fullmatch(r"\+1\d{10}", instructions["phoneNumber"])
        for stamp in (conn["createdAt"], conn["updatedAt"]):
            assert stamp.endswith("Z")
            assert datetime.fromisoformat(stamp).tzinfo is not None
        conn_id = conn["id"]

        # Setup cannot complete before credentials are handed over.
        assert_error(
            http.put(f"/connections/{conn_id}/setupCompletion"), 409, "credentials_missing"
        )
        assert_error(http.put(f"/connections/{conn_id}/sync"), 409, "connection_not_ready")

        creds = http.put(
            f"/connections/{conn_id}/credentials",
            json={"bankUsername": "acme_waycore", "password": PASSWORD},
        )
        assert creds.status_code == 200
        assert creds.json()["kind"] == "setup"
        assert creds.json()["status"] == "draft"
        assert creds.json()["setup"]["credentialsPresent"] is True
        assert creds.json()["setup"]["nextAction"] == "completeSetup"
        assert PASSWORD not in creds.text

        done = http.put(f"/connections/{conn_id}/setupCompletion")
        assert done.status_code == 200
        ready = done.json()
        assert ready["kind"] == "ready"
        assert ready["status"] == "pendingActivation"
        assert ready["syncStatus"] == "idle"
        assert "setup" not in ready
        assert ready["lastSyncedAt"] is None
        assert ready["errorCode"] is None and ready["errorMessage"] is None
        for key in ("id", "entityId", "institutionId", "institutionName", "portalUrl", "metadata"):
            assert ready[key] == conn[key]
        assert ready["createdAt"] == conn["createdAt"]

        # Not active yet: sync is refused.
        assert_error(http.put(f"/connections/{conn_id}/sync"), 409, "connection_not_ready")
        # activation_polls=2: two reads (one GET, one list) still see pendingActivation.
        assert http.get(f"/connections/{conn_id}").json()["status"] == "pendingActivation"
        listed = http.get("/connections", params={"entityId": entity}).json()["data"]
        assert [c["status"] for c in listed] == ["pendingActivation"]
        assert http.get(f"/connections/{conn_id}").json()["status"] == "active"
        assert http.get(f"/connections/{conn_id}").json()["status"] == "active"

        sync = http.put(f"/connections/{conn_id}/sync")
        assert sync.status_code == 202
        assert sync.content == b""
        assert sync.headers["content-length"] == "0"
        assert_error(http.put(f"/connections/{conn_id}/sync"), 409, "sync_in_progress")
        during = http.get(f"/connections/{conn_id}").json()
        assert during["syncStatus"] == "syncing"
        assert during["lastSyncedAt"] is None
        after = http.get(f"/connections/{conn_id}").json()
        assert after["syncStatus"] == "idle"
        assert after["lastSyncedAt"] is not None
        assert datetime.fromisoformat(after["lastSyncedAt"]) >= datetime.fromisoformat(
            after["createdAt"]
        )
        # Finished syncs can be queued again.
        assert http.put(f"/connections/{conn_id}/sync").status_code == 202


def test_activation_polls_zero_means_first_read_is_active() -> None:
    with Sandbox(activation_polls=0) as sb, make_client(sb) as http:
        conn_id = create(http).json()["id"]
        http.put(f"/connections/{conn_id}/credentials", json={"bankCustomerId": "C-1"})
        assert http.put(f"/connections/{conn_id}/setupCompletion").json()["status"] == (
            "pendingActivation"
        )
        assert http.get(f"/connections/{conn_id}").json()["status"] == "active"


def test_default_activation_is_one_pending_read(http: httpx2.Client) -> None:
    conn_id = create(http).json()["id"]
    http.put(f"/connections/{conn_id}/credentials", json={"bankUsername": "u", "password": "p"})
    http.put(f"/connections/{conn_id}/setupCompletion")
    statuses = [http.get(f"/connections/{conn_id}").json()["status"] for _ in range(3)]
    assert statuses == ["pendingActivation", "active", "active"]


def test_setup_completion_is_idempotent_on_ready(http: httpx2.Client) -> None:
    conn_id = create(http).json()["id"]
    http.put(f"/connections/{conn_id}/credentials", json={"bankUsername": "u"})
    first = http.put(f"/connections/{conn_id}/setupCompletion").json()
    again = http.put(f"/connections/{conn_id}/setupCompletion")
    assert again.status_code == 200
    assert again.json() == first


def test_create_or_return_gives_same_connection_with_200(http: httpx2.Client) -> None:
    entity = new_entity()
    first = create(http, entityId=entity, institutionId="bofa")
    second = create(http, entityId=entity, institutionId="bofa", unknownField=[1, 2])
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json() == first.json()
    # Upper-case UUID spelling is the same entity.
    third = create(http, entityId=entity.upper(), institutionId="bofa")
    assert third.status_code == 200 and third.json()["id"] == first.json()["id"]
    # Another institution or another entity is another connection.
    other_bank = create(http, entityId=entity, institutionId="svb")
    other_entity = create(http, institutionId="bofa")
    assert other_bank.status_code == other_entity.status_code == 201
    assert len({first.json()["id"], other_bank.json()["id"], other_entity.json()["id"]}) == 3


def test_create_or_return_after_the_connection_became_ready(
    sandbox: Sandbox, http: httpx2.Client
) -> None:
    entity = new_entity()
    conn_id = to_ready_active(sandbox, http, entityId=entity, institutionId="chase")
    again = create(http, entityId=entity, institutionId="chase")
    assert again.status_code == 200
    assert again.json()["id"] == conn_id
    assert again.json()["kind"] == "ready"
    assert again.json()["status"] == "active"


def test_portal_only_create(sandbox: Sandbox, http: httpx2.Client) -> None:
    entity = new_entity()
    created = http.post(
        "/connections",
        json={"entityId": entity, "portalUrl": "HTTPS://Secure.ExampleBank.com/login"},
    )
    assert created.status_code == 201
    conn = created.json()
    assert conn["kind"] == "setup"
    assert conn["institutionId"] is None
    assert conn["institutionName"] is None
    assert conn["portalUrl"] == "https://secure.examplebank.com/login"
    again = http.post(
        "/connections",
        json={"entityId": entity, "portalUrl": "https://secure.examplebank.com/login"},
    )
    assert again.status_code == 200 and again.json()["id"] == conn["id"]
    # A null institution is not sent by the SDK; null portalUrl alongside an institution is fine.
    with_null_portal = create(http, entityId=entity, institutionId="citi", portalUrl=None)
    assert with_null_portal.status_code == 201
    assert with_null_portal.json()["portalUrl"] == "https://online.citi.com/US/login.do"
    # Once ready, a portal-only connection gets an institution id (ReadyConnection needs one).
    ready = sandbox.set_state(conn["id"], kind="ready")
    assert ready["institutionId"] == "secure_examplebank_com"
    assert ready["portalUrl"] == "https://secure.examplebank.com/login"


def test_explicit_portal_overrides_catalog_portal(http: httpx2.Client) -> None:
    conn = create(http, institutionId="chase", portalUrl="https://chase.example.com/alt").json()
    assert conn["portalUrl"] == "https://chase.example.com/alt"
    assert conn["institutionName"] == "Chase"


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        ("chase", "Chase"),
        ("bofa", "Bank of America"),
        ("wells_fargo", "Wells Fargo"),
        ("svb", "Silicon Valley Bank"),
        ("first_bank_of_nowhere", None),
    ],
)
def test_institution_names_from_catalog(http: httpx2.Client, slug: str, name: str | None) -> None:
    conn = create(http, institutionId=slug).json()
    assert conn["institutionId"] == slug
    assert conn["institutionName"] == name
    if name is None:
        assert conn["portalUrl"] is None
    else:
        assert conn["portalUrl"].startswith("https://")


# -- validation ----------------------------------------------------------------------------

ENTITY = "3c90c3cc-0d44-4b50-8888-8dd25736052a"


@pytest.mark.parametrize(
    ("body", "mentions"),
    [
        ({"institutionId": "chase"}, "entityId"),
        ({"entityId": "not-a-uuid", "institutionId": "chase"}, "entityId"),
        ({"entityId": "3c90c3cc0d444b5088888dd25736052a", "institutionId": "chase"}, "entityId"),
        ({"entityId": 42, "institutionId": "chase"}, "entityId"),
        ({"entityId": ENTITY}, "institutionId"),
        ({"entityId": ENTITY, "portalUrl": None}, "institutionId"),
        ({"entityId": ENTITY, "institutionId": ""}, "institutionId"),
        ({"entityId": ENTITY, "institutionId": None}, "institutionId"),
        ({"entityId": ENTITY, "institutionId": 7}, "institutionId"),
        ({"entityId": ENTITY, "portalUrl": "http://bank.example.com/login"}, "portalUrl"),
        ({"entityId": ENTITY, "portalUrl": "/login"}, "portalUrl"),
        ({"entityId": ENTITY, "portalUrl": "https://"}, "portalUrl"),
        ({"entityId": ENTITY, "portalUrl": "https://bank.example.com/a b"}, "portalUrl"),
        ({"entityId": ENTITY, "portalUrl": 12}, "portalUrl"),
        ({"entityId": ENTITY, "institutionId": "chase", "portalUrl": "ftp://x.com"}, "portalUrl"),
        (["not", "an", "object"], "object"),
        ("just a string", "object"),
    ],
)
def test_create_validation_errors(
    sandbox: Sandbox, http: httpx2.Client, body: Any, mentions: str
) -> None:
    error = assert_error(http.post("/connections", json=body), 422, "validation_error")
    assert mentions in error["message"]
    assert http.get("/connections").json()["data"] == []


@pytest.mark.parametrize("raw", [b"{not json", b"", b'{"entityId": NaN}', b"\xff\xfe\x00"])
def test_create_malformed_json_is_400(http: httpx2.Client, raw: bytes) -> None:
    response = http.post("/connections", content=raw, headers={"Content-Type": "application/json"})
    assert_error(response, 400, "invalid_json")


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"bankUsername": 5}, 422, "validation_error"),
        ({"password": ["x"]}, 422, "validation_error"),
        ({"bankCustomerId": {"id": 1}}, 422, "validation_error"),
        ({"bankUsername": True}, 422, "validation_error"),
        ([{"bankUsername": "u"}], 422, "validation_error"),
        ("{broken", 400, "invalid_json"),
    ],
)
def test_credentials_validation_errors(
    sandbox: Sandbox, http: httpx2.Client, body: Any, status: int, code: str
) -> None:
    conn_id = create(http).json()["id"]
    if isinstance(body, str):
        response = http.put(f"/connections/{conn_id}/credentials", content=body.encode())
    else:
        response = http.put(f"/connections/{conn_id}/credentials", json=body)
    assert_error(response, status, code)
    # Nothing was stored.
    assert sandbox.peek(conn_id)["setup"]["credentialsPresent"] is False


def test_credentials_null_clears_and_unknown_fields_are_ignored(http: httpx2.Client) -> None:
    conn_id = create(http).json()["id"]
    stored = http.put(
        f"/connections/{conn_id}/credentials", json={"bankUsername": "u", "extra": 1}
    ).json()
    assert stored["setup"]["credentialsPresent"] is True
    # A field left out keeps its value.
    kept = http.put(f"/connections/{conn_id}/credentials", json={}).json()
    assert kept["setup"]["credentialsPresent"] is True
    cleared = http.put(f"/connections/{conn_id}/credentials", json={"bankUsername": None}).json()
    assert cleared["setup"]["credentialsPresent"] is False
    assert cleared["setup"]["nextAction"] == "createDelegatedUser"
    assert_error(http.put(f"/connections/{conn_id}/setupCompletion"), 409, "credentials_missing")


def test_credentials_on_ready_connection_return_it_unchanged(
    sandbox: Sandbox, http: httpx2.Client
) -> None:
    conn_id = to_ready_active(sandbox, http)
    before = sandbox.peek(conn_id)
    response = http.put(
        f"/connections/{conn_id}/credentials", json={"bankUsername": "new", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert response.json() == before
    assert PASSWORD not in response.text


@pytest.mark.parametrize("limit", ["0", "501", "-1", "abc", "1.5", "", "10000000000000000000"])
def test_list_bad_limit_is_400(http: httpx2.Client, limit: str) -> None:
    assert_error(http.get("/connections", params={"limit": limit}), 400, "invalid_limit")


@pytest.mark.parametrize("limit", ["1", "500"])
def test_list_limit_bounds_are_accepted(http: httpx2.Client, limit: str) -> None:
    create(http)
    create(http)
    page = http.get("/connections", params={"limit": limit}).json()
    assert len(page["data"]) == min(int(limit), 2)
    assert page["pagination"]["hasMore"] is (limit == "1")


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"entityId": "nope"}, "invalid_parameter"),
        ({"status": "bogus"}, "invalid_parameter"),
        ({"cursor": "garbage!!"}, "invalid_cursor"),
        ({"cursor": ""}, "invalid_cursor"),
        ({"cursor": "eyJiIjoiMSJ9"}, "invalid_cursor"),  # {"b":"1"}: decodes, wrong shape
    ],
)
def test_list_bad_parameters_are_400(
    http: httpx2.Client, params: dict[str, str], code: str
) -> None:
    assert_error(http.get("/connections", params=params), 400, code)


def test_cursor_with_other_filters_is_rejected(http: httpx2.Client) -> None:
    entity = new_entity()
    for slug in ("chase", "bofa", "svb"):
        create(http, entityId=entity, institutionId=slug)
    first = http.get("/connections", params={"entityId": entity, "limit": 1}).json()
    cursor = first["pagination"]["nextCursor"]
    assert isinstance(cursor, str) and cursor
    for other in (
        {"limit": "1"},
        {"entityId": new_entity(), "limit": "1"},
        {"entityId": entity, "status": "draft", "limit": "1"},
        {"entityId": entity, "institutionId": "chase", "limit": "1"},
    ):
        error = assert_error(
            http.get("/connections", params={**other, "cursor": cursor}), 400, "invalid_cursor"
        )
        assert "filters" in error["message"]
    # Same filters, different page size: accepted.
    page = http.get("/connections", params={"entityId": entity, "limit": 5, "cursor": cursor})
    assert page.status_code == 200
    assert len(page.json()["data"]) == 2


def test_pagination_across_three_pages_with_filters(sandbox: Sandbox, http: httpx2.Client) -> None:
    entity, other_entity = new_entity(), new_entity()
    mine = [create(http, entityId=entity, institutionId=f"bank_{i}").json()["id"] for i in range(7)]
    for i in range(3):
        create(http, entityId=other_entity, institutionId=f"bank_{i}")
    sandbox.set_state(mine[0], status="paused")
    drafts = [conn_id for conn_id in mine if conn_id != mine[0]]

    seen: list[str] = []
    cursor: str | None = None
    pages = []
    while True:
        params: dict[str, Any] = {"entityId": entity, "status": "draft", "limit": 2}
        if cursor is not None:
            params["cursor"] = cursor
        response = http.get("/connections", params=params)
        assert response.status_code == 200
        page = response.json()
        assert set(page) == {"data", "pagination", "meta"}
        assert page["meta"]["requestId"] == response.headers["x-request-id"]
        pages.append(page)
        seen.extend(conn["id"] for conn in page["data"])
        assert all(conn["entityId"] == entity for conn in page["data"])
        assert all(conn["status"] == "draft" for conn in page["data"])
        cursor = page["pagination"]["nextCursor"]
        assert page["pagination"]["hasMore"] is (cursor is not None)
        if cursor is None:
            break
    assert [len(p["data"]) for p in pages] == [2, 2, 2]
    assert [p["pagination"]["hasMore"] for p in pages] == [True, True, False]
    # Newest first, as the spec says; no duplicates, nothing missed.
    assert seen == list(reversed(drafts))

    # Three pages with limit 3 over the 7 connections of the entity: 3, 3, 1.
    sizes = []
    cursor = None
    while True:
        params = {"entityId": entity, "limit": 3, **({"cursor": cursor} if cursor else {})}
        page = http.get("/connections", params=params).json()
        sizes.append(len(page["data"]))
        cursor = page["pagination"]["nextCursor"]
        if cursor is None:
            break
    assert sizes == [3, 3, 1]


def test_pagination_is_stable_when_connections_are_created_between_pages(
    http: httpx2.Client,
) -> None:
    entity = new_entity()
    ids = [create(http, entityId=entity, institutionId=f"b{i}").json()["id"] for i in range(4)]
    first = http.get("/connections", params={"entityId": entity, "limit": 2}).json()
    create(http, entityId=entity, institutionId="late")
    second = http.get(
        "/connections",
        params={"entityId": entity, "limit": 2, "cursor": first["pagination"]["nextCursor"]},
    ).json()
    assert [c["id"] for c in first["data"] + second["data"]] == list(reversed(ids))


def test_institution_filter(http: httpx2.Client) -> None:
    create(http, institutionId="chase")
    svb = create(http, institutionId="svb").json()["id"]
    data = http.get("/connections", params={"institutionId": "svb"}).json()["data"]
    assert [c["id"] for c in data] == [svb]


# -- auth, routing, headers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer  x y"},
        {"Authorization": "way_test_sandbox_abc"},
        {"Authorization": "Bearer way_test_wrong"},
    ],
)
def test_missing_malformed_or_wrong_key_is_401(sandbox: Sandbox, headers: dict[str, str]) -> None:
    with make_client(sandbox, headers=headers) as client:
        for response in (
            client.get("/connections"),
            client.post("/connections", json={"entityId": ENTITY, "institutionId": "chase"}),
            client.get("/connections/conn_x"),
        ):
            assert_error(response, 401, "unauthorized")
            assert response.headers["www-authenticate"].startswith("Bearer")
            assert sandbox.api_key not in response.text
    # Nothing was created by the rejected POST.
    assert sandbox.requests[1].method == "POST"
    with make_client(sandbox) as client:
        assert client.get("/connections").json()["data"] == []


def test_bearer_scheme_is_case_insensitive_and_key_override(sandbox: Sandbox) -> None:
    with make_client(sandbox, headers={"Authorization": f"bearer {sandbox.api_key}"}) as client:
        assert client.get("/connections").status_code == 200
    with Sandbox(api_key="way_test_custom") as custom:
        assert custom.api_key == "way_test_custom"
        with make_client(custom) as client:
            assert client.get("/connections").status_code == 200
        with make_client(custom, headers={"Authorization": f"Bearer {sandbox.api_key}"}) as c:
            assert_error(c.get("/connections"), 401, "unauthorized")
    assert sandbox.api_key.startswith("way_test_sandbox_")
    assert len(sandbox.api_key) > len("way_test_sandbox_") + 16


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/connections/conn_000000000000000000000000"),
        ("PUT", "/connections/conn_000000000000000000000000/credentials"),
        ("PUT", "/connections/conn_000000000000000000000000/setupCompletion"),
        ("PUT", "/connections/conn_000000000000000000000000/sync"),
    ],
)
def test_unknown_connection_is_404(http: httpx2.Client, method: str, path: str) -> None:
    response = http.request(method, path, json={"bankUsername": "u"})
    error = assert_error(response, 404, "not_found")
    assert error["message"] == "Connection not found."


@pytest.mark.parametrize(
    "path", ["/nope", "/connections/conn_x/unknown", "/connections/conn_x/sync/more", "/"]
)
def test_unknown_route_is_404(http: httpx2.Client, path: str) -> None:
    assert_error(http.get(path), 404, "not_found")
    response = http.get(str(http.base_url).replace("/v1/", "/v2/") + "connections")
    assert_error(response, 404, "not_found")


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("DELETE", "/connections", "GET, POST"),
        ("PUT", "/connections", "GET, POST"),
        ("POST", "/connections/conn_x", "GET"),
        ("PATCH", "/connections/conn_x", "GET"),
        ("GET", "/connections/conn_x/sync", "PUT"),
        ("POST", "/connections/conn_x/credentials", "PUT"),
        ("BREW", "/connections", "GET, POST"),
    ],
)
def test_wrong_method_is_405(http: httpx2.Client, method: str, path: str, allow: str) -> None:
    response = http.request(method, path)
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["allow"] == allow


def test_head_gets_headers_without_body(http: httpx2.Client) -> None:
    response = http.head("/connections")
    assert response.status_code == 405
    assert response.content == b""
    assert int(response.headers["content-length"]) > 0


def test_encoded_slash_stays_inside_the_id(http: httpx2.Client) -> None:
    # "x%2Fsync" is one id segment, so this is the GET-only route, not the sync route.
    raw = httpx2.URL(str(http.base_url) + "connections/x%2Fsync")
    assert_error(http.put(raw), 405, "method_not_allowed")
    assert_error(http.get(raw), 404, "not_found")


def test_every_response_has_a_request_id(sandbox: Sandbox, http: httpx2.Client) -> None:
    conn_id = to_ready_active(sandbox, http)
    responses = [
        create(http),
        http.get("/connections"),
        http.get(f"/connections/{conn_id}"),
        http.put(f"/connections/{conn_id}/sync"),
        http.put(f"/connections/{conn_id}/sync"),
        http.get("/connections/unknown"),
        http.delete("/connections"),
    ]
    ids = [r.headers["x-request-id"] for r in responses]
    assert [r.status_code for r in responses] == [201, 200, 200, 202, 409, 404, 405]
    assert all(REQUEST_ID_RE.match(i) for i in ids)
    assert len(set(ids)) == len(ids)


def test_keep_alive_reuses_one_connection(sandbox: Sandbox) -> None:
    host, port = "127.0.0.1", sandbox.port
    conn = HTTPConnection(host, port, timeout=5)
    try:
        headers = {"Authorization": f"Bearer {sandbox.api_key}"}
        conn.request("GET", "/v1/connections", headers=headers)
        first = conn.getresponse()
        assert first.version == 11
        assert first.will_close is False
        first.read()
        sock = conn.sock
        conn.request("PUT", "/v1/connections/nope/sync", headers=headers)
        second = conn.getresponse()
        assert second.status == 404
        second.read()
        assert conn.sock is sock  # no reconnect happened
    finally:
        conn.close()


# -- faults --------------------------------------------------------------------------------


def test_status_fault_answers_exactly_count_requests(sandbox: Sandbox, http: httpx2.Client) -> None:
    sandbox.inject_fault(status=503, retry_after="2", count=2)
    body = {"entityId": ENTITY, "institutionId": "chase"}
    first, second, third = (http.post("/connections", json=body) for _ in range(3))
    for response in (first, second):
        assert_error(response, 503, "service_unavailable")
        assert response.headers["retry-after"] == "2"
    assert third.status_code == 201
    assert "retry-after" not in third.headers
    assert len(http.get("/connections").json()["data"]) == 1
    # The faulted requests were recorded too.
    assert [r.method for r in sandbox.requests] == ["POST", "POST", "POST", "GET"]


def test_fault_applies_before_auth_and_to_matching_path_and_method_only(
    sandbox: Sandbox, http: httpx2.Client
) -> None:
    conn_id = create(http).json()["id"]
    sandbox.inject_fault(status=429, retry_after="1", path=f"/connections/{conn_id}", method="get")
    assert http.get("/connections").status_code == 200
    assert http.put(f"/connections/{conn_id}/sync").status_code == 409
    response = httpx2.get(f"{sandbox.base_url}/connections/{conn_id}", trust_env=False)
    assert_error(response, 429, "rate_limited")
    assert response.headers["retry-after"] == "1"
    assert http.get(f"/connections/{conn_id}").status_code == 200


def test_fault_with_custom_body(sandbox: Sandbox, http: httpx2.Client) -> None:
    sandbox.inject_fault(status=502, body="<html>Bad Gateway</html>", content_type="text/html")
    sandbox.inject_fault(status=200, body={"unexpected": True}, path="/v1/connections")
    sandbox.inject_fault(status=500, body=b"\x00raw", headers={"X-Extra": "yes"})
    html = http.get("/connections/x")
    assert (html.status_code, html.text) == (502, "<html>Bad Gateway</html>")
    assert html.headers["content-type"] == "text/html"
    odd = http.get("/connections")
    assert (odd.status_code, odd.json()) == (200, {"unexpected": True})
    raw = http.get("/connections/y")
    assert (raw.status_code, raw.content) == (500, b"\x00raw")
    assert raw.headers["x-extra"] == "yes"
    assert raw.headers["content-type"].startswith("text/plain")
    assert REQUEST_ID_RE.match(raw.headers["x-request-id"])


def test_drop_fault_closes_without_answer(sandbox: Sandbox, http: httpx2.Client) -> None:
    sandbox.inject_fault(drop=True, count=1)
    with pytest.raises(httpx2.TransportError) as excinfo:
        http.get("/connections")
    assert isinstance(excinfo.value, httpx2.RemoteProtocolError | httpx2.ReadError)
    response = http.get("/connections")
    assert response.status_code == 200
    assert [r.path for r in sandbox.requests] == ["/v1/connections", "/v1/connections"]


def test_delay_fault_makes_a_short_timeout_expire(sandbox: Sandbox) -> None:
    sandbox.inject_fault(delay=0.3, count=1)
    with make_client(sandbox, timeout=0.05) as client:
        started = time.perf_counter()
        with pytest.raises(httpx2.TimeoutException):
            client.get("/connections")
        assert time.perf_counter() - started < 0.3
    with make_client(sandbox, timeout=2.0) as client:
        started = time.perf_counter()
        assert client.get("/connections").status_code == 200
        assert time.perf_counter() - started < 0.25


def test_delay_combined_with_status(sandbox: Sandbox, http: httpx2.Client) -> None:
    sandbox.inject_fault(delay=0.05, status=504)
    started = time.perf_counter()
    response = http.get("/connections")
    assert time.perf_counter() - started >= 0.05
    assert_error(response, 504, "gateway_timeout")


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"status": 503, "count": 0},
        {"status": 503, "drop": True},
        {"status": 99},
        {"delay": -1.0},
        {"delay": float("nan")},
        {"status": 500, "path": "connections"},
    ],
)
def test_inject_fault_rejects_bad_arguments(sandbox: Sandbox, kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        sandbox.inject_fault(**kwargs)


# -- secrets, recording, control -----------------------------------------------------------


def test_password_never_recorded_nor_echoed(sandbox: Sandbox, http: httpx2.Client) -> None:
    conn_id = create(http).json()["id"]
    texts = []
    texts.append(
        http.put(
            f"/connections/{conn_id}/credentials",
            json={"bankUsername": "u", "password": PASSWORD, "nested": {"Password": PASSWORD}},
        ).text
    )
    texts.append(http.put(f"/connections/{conn_id}/credentials", json={"password": 5}).text)
    texts.append(http.put(f"/connections/{conn_id}/setupCompletion").text)
    texts.append(http.get(f"/connections/{conn_id}").text)
    texts.append(http.get("/connections").text)
    assert all(PASSWORD not in text for text in texts)
    assert "password" not in "".join(texts).lower().replace('"password must', "")
    recorded = sandbox.requests
    assert PASSWORD not in repr(recorded)
    assert recorded[1] == RecordedRequest(
        "PUT",
        f"/v1/connections/{conn_id}/credentials",
        {},
        {"bankUsername": "u", "password": "***", "nested": {"Password": "***"}},
    )
    method, path, query, body = recorded[2]
    assert (method, path, query, body) == (
        "PUT",
        f"/v1/connections/{conn_id}/credentials",
        {},
        {"password": "***"},
    )
    assert PASSWORD not in repr(sandbox.peek(conn_id))


def test_requests_record_method_path_query_and_body(sandbox: Sandbox, http: httpx2.Client) -> None:
    http.get("/connections", params={"limit": 5, "status": "active"})
    http.post("/connections", json={"entityId": ENTITY, "institutionId": "chase"})
    http.post("/connections", content=b"{oops", headers={"Content-Type": "application/json"})
    assert sandbox.requests == [
        RecordedRequest("GET", "/v1/connections", {"limit": "5", "status": "active"}, None),
        RecordedRequest(
            "POST", "/v1/connections", {}, {"entityId": ENTITY, "institutionId": "chase"}
        ),
        RecordedRequest("POST", "/v1/connections", {}, None),
    ]
    # A copy: mutating it does not change the sandbox's log.
    sandbox.requests.clear()
    assert len(sandbox.requests) == 3


def test_reset_forgets_everything(sandbox: Sandbox, http: httpx2.Client) -> None:
    create(http)
    sandbox.inject_fault(status=500, count=5)
    sandbox.reset()
    assert sandbox.requests == []
    response = http.get("/connections")
    assert response.status_code == 200
    assert response.json()["data"] == []


def test_set_state_controls_and_errors(sandbox: Sandbox, http: httpx2.Client) -> None:
    conn_id = create(http).json()["id"]
    with pytest.raises(ValueError, match="syncStatus"):
        sandbox.set_state(conn_id, sync_status="syncing")
    errored = sandbox.set_state(
        conn_id, kind="ready", status="errored", error_code="bank_down", error_message="Down."
    )
    assert (errored["kind"], errored["status"], errored["errorCode"]) == (
        "ready",
        "errored",
        "bank_down",
    )
    assert http.get(f"/connections/{conn_id}").json() == errored
    assert_error(http.put(f"/connections/{conn_id}/sync"), 409, "connection_not_ready")
    cleared = sandbox.set_state(conn_id, status="active", error_code=None, metadata={"a": 1})
    assert (cleared["errorCode"], cleared["errorMessage"]) == (None, "Down.")
    assert cleared["metadata"] == {"a": 1}
    syncing = sandbox.set_state(conn_id, sync_status="syncing")
    assert syncing["syncStatus"] == "syncing"
    # An explicitly set sync state does not finish by itself.
    http.get(f"/connections/{conn_id}")
    assert http.get(f"/connections/{conn_id}").json()["syncStatus"] == "syncing"
    assert sandbox.set_state(conn_id, status="someFutureStatus")["status"] == "someFutureStatus"
    with pytest.raises(ValueError, match="setup"):
        sandbox.set_state(conn_id, kind="setup")
    with pytest.raises(KeyError):
        sandbox.set_state("conn_missing", status="active")
    with pytest.raises(KeyError):
        sandbox.peek("conn_missing")


# -- lifetime ------------------------------------------------------------------------------


def test_start_stop_and_properties() -> None:
    sandbox = Sandbox()
    with pytest.raises(RuntimeError):
        _ = sandbox.base_url
    assert repr(sandbox) == "<Sandbox not running>"
    sandbox.start()
    try:
        port = sandbox.port
        assert sandbox.base_url == f"http://127.0.0.1:{port}/v1"
        assert repr(sandbox) == f"<Sandbox http://127.0.0.1:{port}/v1>"
        assert sandbox.api_key not in repr(sandbox)
        with pytest.raises(RuntimeError):
            sandbox.start()
        with make_client(sandbox) as client:
            assert client.get("/connections").status_code == 200
    finally:
        sandbox.stop()
    sandbox.stop()  # a second stop is harmless
    with pytest.raises(httpx2.ConnectError):
        httpx2.get(f"http://127.0.0.1:{port}/v1/connections", trust_env=False)
    with pytest.raises(ValueError):
        Sandbox(activation_polls=-1)


def test_stop_ends_idle_keep_alive_connections() -> None:
    sandbox = Sandbox().start()
    client = make_client(sandbox)
    try:
        assert client.get("/connections").status_code == 200
        port = sandbox.port
        sandbox.stop()
        with pytest.raises(httpx2.TransportError):
            client.get("/connections")
        with pytest.raises(httpx2.ConnectError):
            httpx2.get(f"http://127.0.0.1:{port}/v1/connections", trust_env=False)
    finally:
        client.close()


def test_serve_blocks_until_stopped() -> None:
    sandbox = Sandbox().start()
    returned = threading.Event()

    def run() -> None:
        sandbox.serve()
        returned.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert not returned.wait(0.1)
    with make_client(sandbox) as client:
        assert client.get("/connections").status_code == 200
    sandbox.stop()
    assert returned.wait(5)


def test_concurrent_creates_are_thread_safe(sandbox: Sandbox) -> None:
    entity = new_entity()
    statuses: list[int] = []
    ids: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        with make_client(sandbox) as client:
            for _ in range(5):
                r = create(client, entityId=entity, institutionId="chase")
                with lock:
                    statuses.append(r.status_code)
                    ids.append(r.json()["id"])

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 39 + [201]
    assert len(set(ids)) == 1


def test_import_waycore_does_not_import_testing_and_testing_is_stdlib_only() -> None:
    code = (
        "import sys\n"
        "import waycore\n"
        "assert 'waycore.testing' not in sys.modules, 'import waycore pulled in testing'\n"
        "before = set(sys.modules)\n"
        "import waycore.testing\n"
        "waycore.testing.Sandbox, waycore.testing.RecordedRequest\n"
        "new = {m.split('.')[0] for m in set(sys.modules) - before}\n"
        "third_party = sorted(new - set(sys.stdlib_module_names) - {'waycore'})\n"
        "print(','.join(third_party))\n"
    )
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_serve_stops_cleanly_on_keyboard_interrupt() -> None:
    # The contract the `waycore sandbox` CLI relies on: serve() blocks, Ctrl-C ends it cleanly.
    code = (
        "from waycore.testing import Sandbox\n"
        "sandbox = Sandbox().start()\n"
        "print(sandbox.base_url, sandbox.api_key, flush=True)\n"
        "sandbox.serve()\n"
        "print('stopped', flush=True)\n"
    )
    proc = subprocess.Popen(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ctrl_c_restored,
    )
    try:
        assert proc.stdout is not None
        base_url, api_key = proc.stdout.readline().split()
        response = httpx2.get(
            f"{base_url}/connections",
            headers={"Authorization": f"Bearer {api_key}"},
            trust_env=False,
        )
        assert response.json()["data"] == []
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert out.strip() == "stopped"
    assert err == ""
