"""Issue 11, items 6–8: response size caps, no raw exception, exceptions pickled across
processes — through both clients wherever both apply. Items 9–13: test_hardening_calls.py."""

from __future__ import annotations

import asyncio
import gzip
import json
import multiprocessing
import pickle
import threading
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ProcessPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx2
import pytest
from conftest import Recorder, _ready

import waycore
from waycore import _exceptions

API_KEY = "way_test_key7_ROBUSTKEY"
PASSWORD = "pw-ROBUSTPW"
CONN = "conn_123"
ENTITY = "3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f"


class Chunked(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A body streamed in `size`-byte chunks (as off a socket), for either client."""

    def __init__(self, data: bytes, size: int = 1024) -> None:
        self.data = data
        self.size = size
        self.sent = 0

    def _chunks(self) -> Iterator[bytes]:
        for start in range(0, len(self.data), self.size):
            self.sent += 1
            yield self.data[start : start + self.size]

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks():
            yield chunk


def _streamed(status: int, data: bytes, **headers: str) -> httpx2.Response:
    return httpx2.Response(status, headers=headers, stream=Chunked(data))


# --- item 6: max_response_bytes ---------------------------------------------------------------

BOMB = gzip.compress(b"\0" * (16 << 20))  # 16 KiB that inflate to 16 MiB


def test_gzip_bomb_stopped_at_the_cap(api, monkeypatch):
    inflated: list[int] = []
    real = httpx2.Response._get_content_decoder

    def counting(response):
        decoder = real(response)

        class Counting:
            def decode(self, data: bytes) -> Iterator[bytes]:
                for piece in decoder.decode(data):
                    inflated.append(len(piece))
                    yield piece

            def flush(self) -> Iterator[bytes]:
                yield from decoder.flush()

        return Counting()

    monkeypatch.setattr(httpx2.Response, "_get_content_decoder", counting)
    streams: list[Chunked] = []

    def bomb(request):
        response = _streamed(200, BOMB, **{"Content-Encoding": "gzip"})
        streams.append(response.stream)
        return response

    handler = Recorder(bomb)
    client = api.client(handler, max_response_bytes=64 * 1024, max_retries=3)
    with pytest.raises(waycore.APIResponseValidationError, match="too large") as info:
        api.run(client.connections.retrieve(CONN))
    assert info.value.status_code == 200
    assert handler.calls == 1  # the answer is the problem: not asked again
    assert sum(inflated) < 2 << 20  # one bounded piece, never the 16 MiB
    assert streams[0].sent < len(BOMB) // 1024
    assert isinstance(info.value.body, bytes) and len(info.value.body) < len(BOMB)


def test_plain_body_over_the_cap(api):
    handler = Recorder(lambda r: _streamed(200, b"[" + b"1," * 50_000 + b"1]"))
    client = api.client(handler, max_response_bytes=10_000)
    with pytest.raises(waycore.APIResponseValidationError, match="too large"):
        api.run(client.connections.retrieve(CONN))


def test_default_cap_lets_a_large_body_through(api, recorder):
    payload = _ready(metadata={"blob": "x" * (2 << 20)})
    handler = Recorder(lambda r: _streamed(200, json.dumps(payload).encode()))
    conn = api.run(api.client(handler).connections.retrieve(CONN))
    assert conn.id == "conn_123"


@pytest.mark.parametrize("value", [0, -1, True, 1.5, "64"], ids=repr)
def test_bad_max_response_bytes_refused(value):
    for cls in (waycore.Waycore, waycore.AsyncWaycore):
        with pytest.raises(ValueError, match="max_response_bytes"):
            cls("k", max_response_bytes=value)


@pytest.mark.parametrize("status", [422, 503])
def test_error_body_decoded_once_per_response(api, recorder, monkeypatch, status):
    decodes: list[object] = []
    real = _exceptions.json.loads

    def counting(data, *args, **kwargs):
        decodes.append(data)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(_exceptions.json, "loads", counting)
    body = {"error": {"code": "x", "message": "nope", "requestId": "r1"}}
    handler = recorder(httpx2.Response(status, json=body))
    client = api.client(handler, max_retries=1)
    with pytest.raises(waycore.APIStatusError):
        api.run(client.connections.retrieve(CONN))
    ours = [d for d in decodes if isinstance(d, bytes | str) and b"nope" in _bytes(d)]
    assert len(ours) == handler.calls


def _bytes(data: bytes | str) -> bytes:
    return data if isinstance(data, bytes) else data.encode()


# --- item 7: no raw exception ---------------------------------------------------------------

CLIENTS = [waycore.Waycore, waycore.AsyncWaycore]


@pytest.mark.parametrize("cls", CLIENTS, ids=["sync", "async"])
@pytest.mark.parametrize(
    "url",
    [
        "https://api.example:abc/v1",
        "https://api.example/v1\r\n",
        "https://api.example/v1\n",
        "https://[::1/v1",
        "https://api.example:99999/v1",
        "https://api.example:-1/v1",
        "https://api.exa mple/v1",
        "https://api.example\x00/v1",
    ],
)
def test_unusable_base_url_refused_at_construction(cls, url):
    with pytest.raises(ValueError, match="base_url"):
        cls("k", base_url=url)


@pytest.mark.parametrize("timeout", [1e10, 1e300, httpx2.Timeout(5, read=1e10)], ids=repr)
def test_huge_timeout_refused(api, recorder, ready_payload, timeout):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    with pytest.raises(ValueError, match="timeout"):
        api.client(handler, timeout=timeout)
    client = api.client(handler)
    with pytest.raises(ValueError, match="timeout"):
        client.with_options(timeout=timeout)
    with pytest.raises(ValueError, match="timeout"):
        api.run(client.connections.retrieve(CONN, timeout=timeout))
    assert handler.calls == 0


@pytest.mark.parametrize("copy", [False, True], ids=["client", "with_options-copy"])
def test_closed_own_pool_raises_waycore_error(api, copy):
    cls = waycore.AsyncWaycore if api.is_async else waycore.Waycore
    client = cls("k", base_url="https://api.test.example/v1", max_retries=0)
    api.run(client.close())
    if copy:
        client = client.with_options(timeout=5)
    with pytest.raises(waycore.WaycoreError, match="closed"):
        api.run(client.connections.retrieve(CONN))


def test_closed_user_http_client_raises_waycore_error(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    http = api.http_client(handler)
    client = api.client(handler, http_client=http)
    api.run(http.aclose() if api.is_async else http.close())
    with pytest.raises(waycore.WaycoreError, match="closed"):
        api.run(client.with_options(max_retries=2).connections.retrieve(CONN))


@pytest.mark.parametrize(
    "headers",
    [{"X-A": "v\r\nInjected: 1"}, {"X-A": "v\n"}, {"X-A": "\x00"}, {"Bad Name": "v"}],
    ids=["crlf", "lf", "nul", "name"],
)
def test_bad_default_header_refused_at_construction(api, recorder, headers):
    with pytest.raises(ValueError, match="default_headers"):
        api.client(recorder(httpx2.Response(200)), default_headers=headers)
    client = api.client(recorder(httpx2.Response(200)))
    with pytest.raises(ValueError, match="default_headers"):
        client.with_options(default_headers=headers)


class _KeepAlive(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep the connection open between requests

    def do_GET(self) -> None:
        body = json.dumps(_ready()).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client gone mid-request (a closed event loop) is no news here


@pytest.fixture
def loopback_url():
    server = _QuietServer(("127.0.0.1", 0), _KeepAlive)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_async_client_across_event_loops(loopback_url):
    # Observed: a raw "RuntimeError: Event loop is closed" on the second asyncio.run().
    client = waycore.AsyncWaycore("k", base_url=loopback_url, max_retries=0)
    outcomes: list[object] = []
    for _ in range(3):
        try:
            outcomes.append(asyncio.run(client.connections.retrieve(CONN)).id)
        except waycore.WaycoreError as exc:  # nothing else may escape
            outcomes.append(exc)
    assert outcomes[0] == "conn_123"
    second = outcomes[1]
    assert second == "conn_123" or "event loop" in str(second)
    assert outcomes[2] == "conn_123"  # the client stays usable


# --- item 8: pickling through a process pool ----------------------------------------------


def _error_in_worker(kind: str) -> None:
    """Runs in the worker process: raise an SDK exception the way a call does."""
    answers = {
        "status": httpx2.Response(
            422,
            json={"error": {"code": "invalid", "message": f"bad {PASSWORD}", "requestId": "r1"}},
        ),
        "cursor": httpx2.Response(404, json={"error": {"code": "cursor_expired"}}),
        "connection": httpx2.ConnectError(f"refused {API_KEY}"),
        "validation": httpx2.Response(200, json={"id": "conn_1", "kind": "ready"}),
        "state": httpx2.Response(200, json=_ready(status="revoked")),
    }
    http = httpx2.Client(transport=httpx2.MockTransport(Recorder(answers[kind])))
    client = waycore.Waycore(
        API_KEY, base_url="https://api.test.example/v1", http_client=http, max_retries=0
    )
    if kind == "state":
        client.connections.wait_until_ready(CONN, timeout=5)
    client.connections.update_credentials(CONN, password=PASSWORD)


def _pool() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))


def _assert_no_secrets(error: BaseException) -> None:
    data = pickle.dumps(error)
    assert b"ROBUSTKEY" not in data and b"ROBUSTPW" not in data


def test_exceptions_cross_a_process_pool():
    # Observed: unpicklable exceptions broke the pool; the pickles held the API key.
    kinds = ["status", "connection", "validation", "state"]
    with _pool() as pool:
        futures = {kind: pool.submit(_error_in_worker, kind) for kind in kinds}
        errors = {kind: future.exception(timeout=30) for kind, future in futures.items()}
        assert pool.submit(len, "still alive").result(timeout=30) == 11
    status = errors["status"]
    assert type(status) is waycore.UnprocessableEntityError
    assert (status.status_code, status.code, status.request_id) == (422, "invalid", "r1")
    assert status.message == "bad ***" and status.response is None
    assert type(errors["connection"]) is waycore.APIConnectionError
    assert errors["connection"].request is None
    assert type(errors["validation"]) is waycore.APIResponseValidationError
    assert errors["validation"].status_code == 200 and errors["validation"].body["id"] == "conn_1"
    state = errors["state"]
    assert type(state) is waycore.ConnectionStateError and state.connection.status == "revoked"
    for error in errors.values():
        _assert_no_secrets(error)


def test_code_and_status_error_crosses_a_process_pool(monkeypatch):
    # Found here: a class combined by code and status was pickled by a name that only the
    # process which had built it knew, so the pool broke.
    # As in a fresh parent process: the combined class has not been created here yet.
    monkeypatch.delitem(vars(_exceptions), "CursorExpiredError_NotFoundError", raising=False)
    with _pool() as pool:
        error = pool.submit(_error_in_worker, "cursor").exception(timeout=30)
        assert pool.submit(len, "still alive").result(timeout=30) == 11
    assert isinstance(error, waycore.CursorExpiredError)
    assert isinstance(error, waycore.NotFoundError)
    assert error.code == "cursor_expired" and error.status_code == 404
    _assert_no_secrets(error)
