"""The sandbox's structure and hardening: in-process serving, bursts, limits, the pytest plugin.

Loopback only; no test sleeps longer than a few tenths of a second.
"""

from __future__ import annotations

import ast
import asyncio
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

import waycore
from waycore.testing import RecordedRequest, Sandbox
from waycore.testing._app import SandboxApp
from waycore.testing._common import ApiError, Reply, json_reply, paginate, parse_limit
from waycore.testing._registry import RESOURCES
from waycore.testing._routes import ApiRequest, Resource, Router

pytest_plugins = ["pytester"]

TESTING_DIR = Path(waycore.testing.__file__).parent
PASSWORD = "in-process-secret-pw"


def entity() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sb:
        yield sb


def raw_exchange(port: int, request: bytes, *, timeout: float = 5.0) -> bytes:
    """Send raw bytes, then read until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


def forbid_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_socket(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a socket was created")

    monkeypatch.setattr(socket, "socket", no_socket)


# -- in-process ----------------------------------------------------------------------------


def test_in_process_sync_client_onboards_without_socket_or_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sandbox = Sandbox(activation_polls=1)  # never started
    threads_before = set(threading.enumerate())
    forbid_sockets(monkeypatch)
    with sandbox.client(in_process=True, max_retries=0) as client:
        assert client.base_url == Sandbox.IN_PROCESS_BASE_URL
        conn = client.connections.create(entity_id=entity(), institution_id="chase")
        assert isinstance(conn, waycore.SetupConnection)
        with_creds = client.connections.update_credentials(
            conn.id, bank_username="acme", password=PASSWORD
        )
        assert isinstance(with_creds, waycore.SetupConnection)
        assert with_creds.setup.credentials_present is True
        done = client.connections.complete_setup(conn.id)
        assert done is not None and done.status == "pendingActivation"
        ready = client.connections.wait_until_ready(conn.id, timeout=5, poll_interval=0.001)
        assert ready.status == "active"
        assert [c.id for c in client.connections.list()] == [conn.id]
    assert set(threading.enumerate()) - threads_before == set()  # no thread started
    assert [(r.method, r.path) for r in sandbox.requests][:3] == [
        ("POST", "/v1/connections"),
        ("PUT", f"/v1/connections/{conn.id}/credentials"),
        ("PUT", f"/v1/connections/{conn.id}/setupCompletion"),
    ]
    assert PASSWORD not in repr(sandbox.requests)
    with pytest.raises(RuntimeError):
        _ = sandbox.base_url  # still not running


def test_in_process_async_client_onboards_without_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    sandbox = Sandbox(activation_polls=0)

    async def onboard() -> tuple[str, str]:
        async with sandbox.async_client(in_process=True, max_retries=0) as client:
            conn = await client.connections.create(entity_id=entity(), institution_id="svb")
            await client.connections.update_credentials(conn.id, bank_customer_id="C-1")
            await client.connections.complete_setup(conn.id)
            ready = await client.connections.wait_until_ready(
                conn.id, timeout=5, poll_interval=0.001
            )
            listed = [c.id async for c in client.connections.list(status="active")]
            assert listed == [conn.id]
            return ready.id, ready.status

    with asyncio.Runner() as runner:
        runner.run(asyncio.sleep(0))  # the loop's own self-pipe is made before sockets go
        forbid_sockets(monkeypatch)
        conn_id, status = runner.run(onboard())
        monkeypatch.undo()
    assert status == "active"
    assert sandbox.peek(conn_id)["status"] == "active"


def test_in_process_transport_for_your_own_httpx_client() -> None:
    sandbox = Sandbox()
    auth = {"Authorization": f"Bearer {sandbox.api_key}"}
    with httpx2.Client(transport=sandbox.transport(), base_url=Sandbox.IN_PROCESS_BASE_URL) as http:
        created = http.post(
            "/connections", json={"entityId": entity(), "institutionId": "chase"}, headers=auth
        )
        assert created.status_code == 201
        assert created.headers["x-request-id"].startswith("req_")
        assert created.headers["content-type"] == "application/json"
        refused = http.get("/connections")
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"].startswith("Bearer")
        head = http.head("/connections", headers=auth)
        assert (head.status_code, head.content) == (405, b"")
    assert [r.method for r in sandbox.requests] == ["POST", "GET", "HEAD"]


def test_in_process_faults_behave_like_loopback() -> None:
    sandbox = Sandbox()
    sandbox.inject_fault(drop=True)
    sandbox.inject_fault(delay=0.2)
    sandbox.inject_fault(status=503, retry_after="0")
    with sandbox.client(in_process=True, max_retries=0) as client:
        with pytest.raises(waycore.APIConnectionError):
            client.connections.retrieve("conn_x")
        started = time.perf_counter()
        with pytest.raises(waycore.APITimeoutError):
            client.connections.retrieve("conn_x", timeout=0.02)
        assert time.perf_counter() - started < 0.2
        with pytest.raises(waycore.InternalServerError) as excinfo:
            client.connections.retrieve("conn_x")
        assert excinfo.value.status_code == 503
        with pytest.raises(waycore.NotFoundError):
            client.connections.retrieve("conn_x")
    assert len(sandbox.requests) == 4


def test_in_process_async_delay_does_not_block_the_loop() -> None:
    sandbox = Sandbox()
    sandbox.inject_fault(delay=0.1, count=5)

    async def run() -> float:
        transport = sandbox.async_transport()
        auth = {"Authorization": f"Bearer {sandbox.api_key}"}
        async with httpx2.AsyncClient(
            transport=transport, base_url=Sandbox.IN_PROCESS_BASE_URL, headers=auth
        ) as http:
            started = time.perf_counter()
            responses = await asyncio.gather(*(http.get("/connections") for _ in range(5)))
            assert [r.status_code for r in responses] == [200] * 5
            return time.perf_counter() - started

    assert asyncio.run(run()) < 0.4  # five 0.1 s delays overlapped


def test_in_process_refuses_an_oversized_body() -> None:
    sandbox = Sandbox(max_body_size=64)
    with httpx2.Client(transport=sandbox.transport(), base_url=Sandbox.IN_PROCESS_BASE_URL) as http:
        response = http.post("/connections", content=b"x" * 65)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert sandbox.requests == [RecordedRequest("POST", "/v1/connections", {}, None)]


def test_in_process_client_refuses_an_http_client() -> None:
    own = httpx2.Client(transport=httpx2.MockTransport(lambda request: httpx2.Response(204)))
    with pytest.raises(ValueError, match="transport"):
        Sandbox().client(in_process=True, http_client=own)


# -- bursts on loopback --------------------------------------------------------------------


def test_fifty_concurrent_async_calls_all_succeed(sandbox: Sandbox) -> None:
    entities = [entity() for _ in range(50)]

    async def burst() -> list[Any]:
        async with sandbox.async_client(max_retries=0, timeout=10) as client:
            return await asyncio.gather(
                *(client.connections.create(entity_id=e, institution_id="chase") for e in entities),
                return_exceptions=True,
            )

    results = asyncio.run(burst())
    assert all(isinstance(r, waycore.SetupConnection) for r in results), [
        r for r in results if not isinstance(r, waycore.SetupConnection)
    ]
    assert [r.entity_id for r in results] == entities
    assert len({r.id for r in results}) == 50
    assert len(sandbox.requests) == 50


def test_threaded_burst_of_fifty_sync_calls_all_succeed(sandbox: Sandbox) -> None:
    barrier = threading.Barrier(50)
    results: list[Any] = [None] * 50

    with sandbox.client(max_retries=0, timeout=10) as client:

        def call(index: int) -> None:
            barrier.wait()
            try:
                results[index] = client.connections.create(
                    entity_id=entity(), institution_id="bofa"
                )
            except Exception as exc:
                results[index] = exc

        threads = [threading.Thread(target=call, args=(i,)) for i in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert all(isinstance(r, waycore.SetupConnection) for r in results), results
    assert len({r.id for r in results}) == 50


# -- the request log -----------------------------------------------------------------------


def test_recorded_requests_are_a_bounded_ring() -> None:
    sandbox = Sandbox(max_recorded_requests=5)
    with httpx2.Client(transport=sandbox.transport(), base_url=Sandbox.IN_PROCESS_BASE_URL) as http:
        for limit in range(1, 9):
            http.get("/connections", params={"limit": limit})
    recorded = sandbox.requests
    assert len(recorded) == 5
    assert [r.query["limit"] for r in recorded] == ["4", "5", "6", "7", "8"]  # newest kept


def test_recorded_requests_default_bound_is_2000() -> None:
    sandbox = Sandbox()
    with httpx2.Client(transport=sandbox.transport(), base_url=Sandbox.IN_PROCESS_BASE_URL) as http:
        for n in range(2003):
            http.get("/nope", params={"n": n})
    recorded = sandbox.requests
    assert len(recorded) == 2000
    assert (recorded[0].query["n"], recorded[-1].query["n"]) == ("3", "2002")


@pytest.mark.parametrize("kwargs", [{"max_recorded_requests": 0}, {"read_timeout": 0}])
def test_bad_limits_are_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        Sandbox(**kwargs)


# -- body limit and slow clients -----------------------------------------------------------


def test_oversized_body_gets_413_and_the_server_keeps_serving() -> None:
    with (
        Sandbox(max_body_size=1024) as sb,
        httpx2.Client(base_url=sb.base_url, trust_env=False, timeout=5) as http,
    ):
        auth = {"Authorization": f"Bearer {sb.api_key}"}
        for body in (b"x" * 200_000, iter([b"y" * 700, b"y" * 700])):  # sized, then chunked
            response = http.post("/connections", content=body, headers=auth)
            assert response.status_code == 413
            assert response.headers["content-type"] == "application/json"
            error = response.json()["error"]
            assert error["code"] == "payload_too_large"
            assert error["requestId"] == response.headers["x-request-id"]
            assert response.headers["connection"] == "close"
        assert http.get("/connections", headers=auth).status_code == 200
        assert [r.body for r in sb.requests] == [None, None, None]


def test_default_limit_is_4_mib(sandbox: Sandbox) -> None:
    auth = {"Authorization": f"Bearer {sandbox.api_key}"}
    with httpx2.Client(base_url=sandbox.base_url, trust_env=False, timeout=10) as http:
        over = http.post("/connections", content=b" " * (4 * 1024 * 1024 + 1), headers=auth)
        assert over.status_code == 413
        at_limit = http.post("/connections", content=b" " * (4 * 1024 * 1024), headers=auth)
        assert at_limit.status_code == 400  # read, then refused as an empty JSON body


@pytest.mark.parametrize(
    "length", ["10485760", "99999999999999999999999999999999", "9" * 5000, "0" * 20 + "5000000"]
)
def test_huge_content_length_is_answered_413_without_reading(sandbox: Sandbox, length: str) -> None:
    # The body is never sent: an answer can only come from refusing before reading it.
    request = f"POST /v1/connections HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n"
    started = time.perf_counter()
    answer = raw_exchange(sandbox.port, request.encode())
    assert time.perf_counter() - started < 2
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b'"code":"payload_too_large"' in answer
    with httpx2.Client(base_url=sandbox.base_url, trust_env=False) as http:
        assert http.get("/connections").status_code == 401  # still serving


def test_huge_chunk_size_is_answered_413(sandbox: Sandbox) -> None:
    request = (
        b"POST /v1/connections HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"FFFFFFFFFFFFFFFFFFFFFFFF\r\n"
    )
    assert raw_exchange(sandbox.port, request).startswith(b"HTTP/1.1 413 ")


def test_expect_continue_with_an_oversized_body_is_refused_at_once(sandbox: Sandbox) -> None:
    request = (
        b"PUT /v1/connections/c/credentials HTTP/1.1\r\nHost: x\r\n"
        b"Content-Length: 50000000\r\nExpect: 100-continue\r\n\r\n"
    )
    answer = raw_exchange(sandbox.port, request)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"100 Continue" not in answer


@pytest.mark.parametrize("length", ["-1", "12abc", "1e3"])
def test_malformed_content_length_is_400(sandbox: Sandbox, length: str) -> None:
    request = f"POST /v1/connections HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n"
    answer = raw_exchange(sandbox.port, request.encode())
    assert answer.startswith(b"HTTP/1.1 400 ")


def test_idle_connection_is_closed_after_the_read_timeout() -> None:
    with Sandbox(read_timeout=0.1) as sb:
        with socket.create_connection(("127.0.0.1", sb.port), timeout=2) as idle:
            started = time.perf_counter()
            assert idle.recv(1) == b""  # closed by the server, nothing sent
            assert 0.05 <= time.perf_counter() - started < 1.0
        # After a complete keep-alive exchange, the same holds.
        with socket.create_connection(("127.0.0.1", sb.port), timeout=2) as conn:
            conn.sendall(b"GET /v1/connections HTTP/1.1\r\nHost: x\r\n\r\n")
            response = b""
            started = time.perf_counter()
            while chunk := conn.recv(65536):
                response += chunk
            assert response.startswith(b"HTTP/1.1 401 ")
            assert b"Connection: close" not in response  # it was a keep-alive answer
            assert time.perf_counter() - started < 1.0
        with httpx2.Client(base_url=sb.base_url, trust_env=False) as http:
            assert http.get("/connections").status_code == 401


# -- structure: router, registration, shared helpers ---------------------------------------


class WidgetStore:
    """A minimal resource, to show what adding one takes."""

    def __init__(self) -> None:
        self.widgets: dict[str, int] = {}

    def reset(self) -> None:
        self.widgets.clear()


widgets: Resource[WidgetStore] = Resource("widgets", lambda options: WidgetStore())


@widgets.route("POST", "/widgets")
def _create_widget(store: WidgetStore, request: ApiRequest) -> Reply:
    widget_id = f"w{len(store.widgets) + 1}"
    store.widgets[widget_id] = len(store.widgets) + 1
    return json_reply(201, {"id": widget_id})


@widgets.route("GET", "/widgets")
def _list_widgets(store: WidgetStore, request: ApiRequest) -> Reply:
    page = paginate(
        store.widgets.items(),
        query=request.query,
        filters=(),
        key=lambda item: item[1],
        render=lambda item: {"id": item[0]},
        request_id=request.request_id,
        max_limit=10,
    )
    return json_reply(200, page)


@widgets.route("GET", "/widgets/{widgetId}")
def _get_widget(store: WidgetStore, request: ApiRequest) -> Reply:
    if request.params["widgetId"] not in store.widgets:
        raise ApiError(404, "not_found", "Widget not found.")
    return json_reply(200, {"id": request.params["widgetId"]})


@widgets.route("GET", "/widgets/count")
def _count_widgets(store: WidgetStore, request: ApiRequest) -> Reply:
    return json_reply(200, {"count": len(store.widgets)})


def test_a_new_resource_is_one_module_and_one_registration() -> None:
    app = SandboxApp(api_key="k", resources=(*RESOURCES, widgets))
    auth = {"Authorization": "Bearer k"}

    def call(method: str, target: str) -> tuple[int, Any]:
        reply = app.handle(method, target, auth, b"")
        return reply.status, reply.body and __import__("json").loads(reply.body)

    for _ in range(3):
        assert call("POST", "/v1/widgets")[0] == 201
    status, page = call("GET", "/v1/widgets?limit=2")
    assert (status, [w["id"] for w in page["data"]]) == (200, ["w1", "w2"])
    cursor = page["pagination"]["nextCursor"]
    status, rest = call("GET", f"/v1/widgets?limit=2&cursor={cursor}")
    assert [w["id"] for w in rest["data"]] == ["w3"]
    assert rest["pagination"] == {"hasMore": False, "nextCursor": None}
    assert call("GET", "/v1/widgets?limit=11")[1]["error"]["code"] == "invalid_limit"
    assert call("GET", "/v1/widgets/count") == (200, {"count": 3})  # literal beats {widgetId}
    assert call("GET", "/v1/widgets/w2") == (200, {"id": "w2"})
    assert call("GET", "/v1/widgets/w9")[0] == 404
    not_allowed = app.handle("DELETE", "/v1/widgets/w2", auth, b"")
    assert not_allowed.status == 405
    assert ("Allow", "GET") in not_allowed.headers
    assert call("GET", "/v1/connections")[0] == 200  # the existing resources still served
    with app.lock:
        assert len(app.state(widgets).widgets) == 3
    app.reset()
    with app.lock:
        assert app.state(widgets).widgets == {}


def test_router_refuses_two_handlers_for_one_route() -> None:
    twice: Resource[WidgetStore] = Resource("twice", lambda options: WidgetStore())
    twice.route("GET", "/widgets/{other}")(_get_widget)
    with pytest.raises(ValueError, match="two handlers"):
        Router([widgets, twice])


def test_pagination_survives_items_removed_between_pages() -> None:
    items = {n: f"item{n}" for n in range(1, 8)}

    def page(query: dict[str, str]) -> dict[str, Any]:
        return paginate(
            sorted(items, reverse=True),
            query=query,
            filters=("x",),
            key=lambda n: -n,
            render=items.__getitem__,
            request_id="req_1",
        )

    first = page({"limit": "3"})
    assert first["data"] == ["item7", "item6", "item5"]
    del items[5], items[4]
    second = page({"limit": "3", "cursor": first["pagination"]["nextCursor"]})
    assert second["data"] == ["item3", "item2", "item1"]
    assert second["meta"] == {"requestId": "req_1"}
    with pytest.raises(ApiError) as excinfo:
        paginate(
            [1],
            query={"cursor": first["pagination"]["nextCursor"]},
            filters=("y",),
            key=int,
            render=str,
            request_id="r",
        )
    assert excinfo.value.code == "invalid_cursor"


def test_pagination_with_tuple_keys() -> None:
    rows = [("2024-01-01", "a"), ("2024-01-01", "b"), ("2024-01-02", "a")]

    def walk(limit: str, cursor: str | None = None) -> dict[str, Any]:
        query = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        return paginate(rows, query=query, filters=(), key=tuple, render=list, request_id="r")

    first = walk("2")
    second = walk("2", first["pagination"]["nextCursor"])
    assert first["data"] + second["data"] == [list(r) for r in rows]
    int_cursor = paginate(
        [1, 2], query={"limit": "1"}, filters=(), key=int, render=str, request_id="r"
    )["pagination"]["nextCursor"]
    with pytest.raises(ApiError):
        walk("2", int_cursor)  # a cursor of another listing's shape


@pytest.mark.parametrize(("raw", "expected"), [(None, 100), ("1", 1), ("500", 500)])
def test_parse_limit(raw: str | None, expected: int) -> None:
    assert parse_limit({} if raw is None else {"limit": raw}) == expected


STATE_MODULES = [
    "_common",
    "_routes",
    "_registry",
    "_app",
    "_catalog",
    "_connections",
    "_connection_record",
]


@pytest.mark.parametrize("module", STATE_MODULES)
def test_app_and_state_modules_touch_no_sockets(module: str) -> None:
    tree = ast.parse((TESTING_DIR / f"{module}.py").read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not imported & {"socket", "socketserver", "selectors", "http.server", "httpx2"}


def test_no_sandbox_module_is_over_400_lines() -> None:
    sizes = {
        p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in TESTING_DIR.glob("*.py")
    }
    assert max(sizes.values()) <= 400, sizes


# -- the pytest plugin ---------------------------------------------------------------------


def test_pytest_plugin_gives_users_a_sandbox_and_a_client(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_user="""
        import threading

        def test_plugin_loaded_but_nothing_started(request):
            assert request.config.pluginmanager.has_plugin("waycore")
            assert not [t for t in threading.enumerate() if t.name.startswith("waycore-sandbox")]

        def test_create(waycore_client):
            assert waycore_client.connections.create(
                entity_id="3c90c3cc-0d44-4b50-8888-8dd25736052a", institution_id="chase"
            ).status == "draft"

        def test_each_test_starts_clean(waycore_sandbox, waycore_client):
            assert list(waycore_client.connections.list()) == []
            assert [r.method for r in waycore_sandbox.requests] == ["GET"]
            with waycore_client:
                pass  # closing the client leaves the session's pool open

        def test_same_server_for_the_session(waycore_sandbox, waycore_client):
            assert waycore_client.base_url == waycore_sandbox.base_url
            assert waycore_sandbox.requests == []
        """
    )
    # A subprocess, as a user's run would be: the fixtures come from the installed entry point.
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    result.assert_outcomes(passed=4)
