"""Issue 11, items 1 and 2: `deadline=` bounds a whole call, and `wait_until_ready` its wait.

Everything runs on the harness's fake clock except the loopback tests at the end, which
check (sync and async) that a real server dripping bytes cannot hold a call past its deadline.
"""

from __future__ import annotations

import asyncio
import math
import select
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator

import httpx2
import pytest

import waycore

CONN = "conn_123"


def _retrieve(api, client, **options):
    return api.run(client.connections.retrieve(CONN, **options))


# --- item 1: attempts and backoff sleeps ----------------------------------------------------


def test_deadline_bounds_attempts_and_sleeps(api, recorder):
    # Without a deadline this is 11 attempts and ~40 s of backoff.
    handler = recorder(httpx2.Response(503, json={"message": "busy"}))
    client = api.client(handler, max_retries=10)
    start = api.now
    with pytest.raises(waycore.InternalServerError):  # the last attempt's error
        _retrieve(api, client, deadline=3)
    assert 2 <= handler.calls < 11
    assert api.now - start <= 3
    assert sum(api.sleeps) <= 3


def test_sleep_that_would_end_past_deadline_is_not_slept(api, recorder):
    # Retry-After 2 s, but only 1.5 s are left: raise the 429 at once, no sleep.
    handler = recorder(httpx2.Response(429, headers={"Retry-After": "2"}, json={"code": "slow"}))
    with pytest.raises(waycore.RateLimitError):
        _retrieve(api, api.client(handler, max_retries=3), deadline=1.5)
    assert handler.calls == 1 and api.sleeps == []


@pytest.mark.parametrize(
    "failure",
    [httpx2.ReadTimeout("slow"), httpx2.ConnectError("refused"), httpx2.ReadError("reset")],
    ids=["read-timeout", "connect-error", "read-error"],
)
def test_deadline_reached_during_an_attempt_is_a_timeout(api, recorder, failure):
    def slow_failure(request):
        api.now += 5  # the attempt itself outlives the deadline
        raise failure

    handler = recorder(slow_failure)
    with pytest.raises(waycore.APITimeoutError):
        _retrieve(api, api.client(handler, max_retries=5), deadline=2)
    assert handler.calls == 1 and api.sleeps == []


class _Trickle:
    """A body arriving one byte per chunk, 0.5 s apart on the fake clock."""

    def __init__(self, api, size: int = 1000) -> None:
        self.api = api
        self.size = size
        self.sent = 0

    def _next(self) -> bytes:
        self.api.now += 0.5
        self.sent += 1
        return b" "


class _SyncTrickle(_Trickle, httpx2.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.size):
            yield self._next()


class _AsyncTrickle(_Trickle, httpx2.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(self.size):
            yield self._next()


def test_trickling_body_cut_off_at_deadline(api, recorder):
    stream = _AsyncTrickle(api) if api.is_async else _SyncTrickle(api)
    handler = recorder(lambda request: httpx2.Response(200, stream=stream))
    start = api.now
    with pytest.raises(waycore.APITimeoutError):
        _retrieve(api, api.client(handler, max_retries=3), deadline=2)
    # Cut right after the deadline: at most one chunk past it, and not sent again.
    assert api.now - start <= 2 + 0.5
    assert stream.sent <= 2 / 0.5 + 1
    assert handler.calls == 1


def test_attempt_timeouts_clipped_to_time_left(api, recorder, ready_payload):
    seen: list[dict[str, float]] = []

    def answer(request):
        seen.append(dict(request.extensions["timeout"]))
        if len(seen) == 1:
            return httpx2.Response(503)
        return httpx2.Response(200, json=ready_payload())

    client = api.client(recorder(answer), timeout=30)
    _retrieve(api, client, deadline=5)
    assert seen[0] == {"connect": 5, "read": 5, "write": 5, "pool": 5}
    left = 5 - api.sleeps[0]
    assert all(value == pytest.approx(left) for value in seen[1].values())


def test_short_phase_timeouts_kept_under_a_long_deadline(api, recorder, ready_payload):
    seen: list[dict[str, float]] = []

    def answer(request):
        seen.append(dict(request.extensions["timeout"]))
        return httpx2.Response(200, json=ready_payload())

    handler = recorder(answer)
    timeout = httpx2.Timeout(connect=1, read=2, write=3, pool=4)
    _retrieve(api, api.client(handler, timeout=timeout), deadline=60)
    assert seen == [{"connect": 1, "read": 2, "write": 3, "pool": 4}]


@pytest.mark.parametrize("where", ["constructor", "with_options", "call", "call-overrides"])
def test_deadline_accepted_everywhere(api, recorder, ready_payload, where):
    reads: list[float] = []
    handler = recorder(
        lambda r: (
            reads.append(r.extensions["timeout"]["read"])
            or httpx2.Response(200, json=ready_payload())
        )
    )
    options = {"deadline": 2} if where.startswith("call") else {}
    client = api.client(
        handler,
        timeout=30,
        deadline={"constructor": 2, "call-overrides": 100}.get(where),
    )
    if where == "with_options":
        client = client.with_options(deadline=2)
    _retrieve(api, client, **options)
    assert reads == [2]


def test_deadline_none_per_call_lifts_the_clients(api, recorder, ready_payload):
    reads: list[float] = []
    handler = recorder(
        lambda r: (
            reads.append(r.extensions["timeout"]["read"])
            or httpx2.Response(200, json=ready_payload())
        )
    )
    client = api.client(handler, timeout=30, deadline=2)
    _retrieve(api, client, deadline=None)
    assert reads == [30]


BAD_DEADLINES = [0, -1, math.nan, math.inf, True, 8 * 24 * 3600, "5"]


@pytest.mark.parametrize("value", BAD_DEADLINES, ids=repr)
def test_bad_deadline_refused(api, recorder, ready_payload, value):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    with pytest.raises(ValueError, match="deadline"):
        api.client(handler, deadline=value)
    client = api.client(handler)
    with pytest.raises(ValueError, match="deadline"):
        client.with_options(deadline=value)
    with pytest.raises(ValueError, match="deadline"):
        _retrieve(api, client, deadline=value)
    assert handler.calls == 0


# --- item 2: wait_until_ready under 503 + Retry-After ---------------------------------------


def test_wait_until_ready_never_sleeps_past_its_timeout(api, recorder):
    # Observed: 20 s, then InternalServerError. Now: WaitTimeoutError within the 3 s.
    handler = recorder(httpx2.Response(503, headers={"Retry-After": "10"}))
    client = api.client(handler, max_retries=5)
    start = api.now
    with pytest.raises(waycore.WaitTimeoutError) as info:
        api.run(client.connections.wait_until_ready(CONN, timeout=3, poll_interval=1))
    assert api.now - start <= 3
    assert all(delay < 10 for delay in api.sleeps)
    assert isinstance(info.value.__cause__, waycore.InternalServerError)


def test_wait_until_ready_backoff_fits_in_time_left(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(503))
    start = api.now
    with pytest.raises(waycore.WaitTimeoutError):
        api.run(api.client(handler, max_retries=50).connections.wait_until_ready(CONN, timeout=3))
    assert api.now - start <= 3


# --- item 1, for real: a loopback server dripping bytes -------------------------------------

READY = (
    b'{"id":"conn_1","entityId":"3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f","institutionId":"chase",'
    b'"status":"active","syncStatus":"idle","createdAt":"2024-05-01T12:00:00Z",'
    b'"updatedAt":"2024-05-01T12:00:00Z","kind":"ready"}'
)
OK = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (
    len(READY),
    READY,
)


class DripServer:
    """One connection: answers `normal` requests in full, then drips `prefix` + a byte every
    `interval` seconds until the client hangs up (noted in `closed`)."""

    def __init__(self, prefix: bytes, interval: float, normal: int = 0) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.closed = threading.Event()
        self._args = (prefix, interval, normal)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @staticmethod
    def _read_request(conn: socket.socket) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(65536)

    def _serve(self) -> None:
        prefix, interval, normal = self._args
        conn, _ = self._listener.accept()
        with conn, self._listener:
            for _ in range(normal):
                self._read_request(conn)
                conn.sendall(OK)
            self._read_request(conn)
            conn.sendall(prefix)
            for _ in range(int(10 / interval)):  # gives up after 10 s whatever happens
                readable, _, _ = select.select([conn], [], [], interval)
                try:
                    if readable and not conn.recv(1024):
                        break
                    conn.sendall(b"a")
                except OSError:
                    break
            else:
                return
            self.closed.set()

    def join(self) -> None:
        self._thread.join(timeout=5)


BODY_HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 99999\r\n\r\n"


def _call_real(is_async: bool, port: int, deadline: float, first_calls: int = 0) -> None:
    url = f"http://127.0.0.1:{port}/v1"
    if not is_async:
        with waycore.Waycore("way_test_loopback", base_url=url, max_retries=2) as client:
            for _ in range(first_calls):
                client.connections.retrieve(CONN)
            client.connections.retrieve(CONN, deadline=deadline)
        return

    async def run() -> None:
        async with waycore.AsyncWaycore("way_test_loopback", base_url=url, max_retries=2) as client:
            for _ in range(first_calls):
                await client.connections.retrieve(CONN)
            await client.connections.retrieve(CONN, deadline=deadline)

    asyncio.run(run())


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_real_trickling_body_cut_off(is_async):
    server = DripServer(BODY_HEADERS, interval=0.2)
    started = time.monotonic()
    with pytest.raises(waycore.APITimeoutError):
        _call_real(is_async, server.port, deadline=1)
    server.join()
    assert server.closed.is_set()
    assert time.monotonic() - started < 8  # generous: the server drips for 10 s


@pytest.mark.parametrize("reused", [False, True], ids=["new-connection", "kept-alive"])
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_real_dripping_headers_cut_off(is_async, reused):
    # httpx's per-read timeout never trips: every read gets a byte. Found here: the sync
    # client, and the async one, waited for as long as the server dripped.
    server = DripServer(b"HTTP/1.1 200 OK\r\nX-Slow: ", interval=0.05, normal=int(reused))
    started = time.monotonic()
    with pytest.raises(waycore.APITimeoutError):
        _call_real(is_async, server.port, deadline=0.3, first_calls=int(reused))
    server.join()
    assert server.closed.is_set()
    assert time.monotonic() - started < 8
