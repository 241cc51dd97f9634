"""Issue 11, items 9–13: a sync whose answer was lost, undecodable 2xx bodies, Retry-After
garbage, cursor cycles and argument validation, through both clients."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import httpx2
import pytest
from conftest import Recorder, _ready

import waycore

CONN = "conn_123"
ENTITY = "3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f"


class Chunked(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A body streamed in 1 KiB chunks, as off a socket (not pre-read like `content=`)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self.data), 1024):
            yield self.data[start : start + 1024]

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def _streamed(status: int, data: bytes, **headers: str) -> httpx2.Response:
    return httpx2.Response(status, headers=headers, stream=Chunked(data))


# --- item 9: sync() after a lost answer --------------------------------------------------------

SYNC_RUNNING = {"error": {"code": "sync_in_progress", "message": "A sync is already running"}}


@pytest.mark.parametrize(
    "lost",
    [
        httpx2.ReadTimeout("no answer"),
        httpx2.RemoteProtocolError("server disconnected"),
        httpx2.ReadError("reset"),
    ],
    ids=["read-timeout", "disconnected", "reset"],
)
def test_sync_conflict_after_lost_answer_is_success(api, recorder, lost):
    # The first attempt may have started the sync: a 409 on the retry is what was asked.
    handler = recorder(lost, httpx2.Response(409, json=SYNC_RUNNING))
    assert api.run(api.client(handler).connections.sync("conn_9")) is None
    assert handler.calls == 2


@pytest.mark.parametrize(
    "first",
    [
        httpx2.Response(409, json=SYNC_RUNNING),
        httpx2.ConnectError("refused"),  # never reached the server: cannot have started it
        httpx2.Response(503),  # answered, not processed
    ],
    ids=["409-first", "connect-error", "503"],
)
def test_sync_conflict_stays_an_error_otherwise(api, recorder, first):
    handler = recorder(first, httpx2.Response(409, json=SYNC_RUNNING))
    with pytest.raises(waycore.ConflictError):
        api.run(api.client(handler).connections.sync("conn_9"))


# --- item 10: a 2xx whose body cannot be decoded ----------------------------------------------

CORRUPT_GZIP = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage-not-deflate"


@pytest.mark.parametrize(
    "encoding", ["gzip", "deflate", "gzip, gzip, gzip, gzip, gzip, gzip"], ids=str
)
@pytest.mark.parametrize("status", [200, 201])
def test_undecodable_2xx_body_not_retried(api, status, encoding):
    handler = Recorder(lambda r: _streamed(status, CORRUPT_GZIP, **{"Content-Encoding": encoding}))
    client = api.client(handler, max_retries=3)
    with pytest.raises(waycore.APIResponseValidationError) as info:
        api.run(client.connections.create(entity_id=ENTITY, institution_id="chase"))
    assert info.value.status_code == status
    assert info.value.body == CORRUPT_GZIP
    assert handler.calls == 1 and api.sleeps == []


@pytest.mark.parametrize("offset", [8, 12, 15])
def test_undecodable_error_body_echo_split_across_chunks_masked(api, offset):
    # Found by test_hardening_properties.py: the error body was the raw bytes read up to
    # the chunk that failed to decode, which cut the echoed password in two.
    password = "pw-SPLIT-ä-secret-END"
    body = CORRUPT_GZIP + b"x" * (1024 - len(CORRUPT_GZIP) - offset) + password.encode()
    handler = Recorder(lambda r: _streamed(422, body, **{"Content-Encoding": "gzip"}))
    client = api.client(handler)
    with pytest.raises(waycore.UnprocessableEntityError) as info:
        api.run(client.connections.update_credentials(CONN, password=password))
    for text in (str(info.value), repr(info.value), json.dumps(info.value.body)):
        assert "SPLIT" not in text and "END" not in text


def test_undecodable_error_body_keeps_its_status_class(api):
    handler = Recorder(lambda r: _streamed(404, CORRUPT_GZIP, **{"Content-Encoding": "gzip"}))
    with pytest.raises(waycore.NotFoundError):
        api.run(api.client(handler).connections.retrieve(CONN))


# --- item 11: Retry-After (test_retries.py covers -5, inf, 1_0 and 40 digits) -----------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0000000000005", 5.0), ("00000000000000000000030", 30.0), ("\t7\t", 7.0)],
    ids=["13-chars-leading-zeros", "23-chars-leading-zeros", "tabs"],
)
def test_retry_after_leading_zeros_are_not_long(api, recorder, ready_payload, value, expected):
    # Found here: a zero-padded 5 counted as "over-long" and stopped the retries.
    handler = recorder(
        httpx2.Response(503, headers={"Retry-After": value}),
        httpx2.Response(200, json=ready_payload()),
    )
    assert api.run(api.client(handler).connections.retrieve(CONN)).id == "conn_123"
    assert api.sleeps == [expected]


@pytest.mark.parametrize("value", ["+5", "0x10", "5s", "5, 5", "1.0e1", "٣", "Mon, 99 X 2024"])
def test_retry_after_garbage_gets_normal_backoff(api, recorder, ready_payload, value):
    handler = recorder(
        httpx2.Response(429, headers={"Retry-After": value.encode()}),
        httpx2.Response(200, json=ready_payload()),
    )
    assert api.run(api.client(handler).connections.retrieve(CONN)).id == "conn_123"
    assert len(api.sleeps) == 1 and 0.375 <= api.sleeps[0] <= 0.5


# --- item 12: cursors that cycle -----------------------------------------------------------------


def _cycle(request):
    cursor = request.url.params.get("cursor")
    following = {None: "A", "A": "B", "B": "A"}[cursor]
    body = {
        "data": [_ready(id=f"c_{cursor}")],
        "pagination": {"hasMore": True, "nextCursor": following},
    }
    return httpx2.Response(200, json=body)


def test_cursor_cycle_stops_after_yielding_the_pages(api):
    handler = Recorder(_cycle)
    pager = api.client(handler).connections.list()
    seen: list[str] = []

    async def walk_async() -> None:
        async for conn in pager:
            seen.append(conn.id)

    with pytest.raises(waycore.WaycoreError, match="did not advance"):
        if api.is_async:
            api.run(walk_async())
        else:
            for conn in pager:
                seen.append(conn.id)
    assert seen == ["c_None", "c_A", "c_B"]
    assert handler.calls == 3


def test_cursor_cycle_stops_page_by_page(api):
    pages = api.client(Recorder(_cycle)).connections.list().pages()
    got: list[object] = []

    async def walk_async() -> None:
        async for page in pages:
            got.append(page.next_cursor)

    with pytest.raises(waycore.WaycoreError, match="did not advance"):
        if api.is_async:
            api.run(walk_async())
        else:
            for page in pages:
                got.append(page.next_cursor)
    assert got == ["A", "B", "A"]


# --- item 13: every bad argument named, before sending --------------------------------------


@pytest.mark.parametrize(
    "portal_url",
    [
        "https://portal.bank.example\x00/login",
        "https://portal.bank.example:99999/login",
        "https://portal.bank.example:abc/login",
        "https://[::1/login",
        "https://portal.bank.example/lo\ngin",
    ],
)
def test_bad_portal_url_named_before_sending(api, recorder, ready_payload, portal_url):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    with pytest.raises(ValueError, match="portal_url"):
        api.run(api.client(handler).connections.create(entity_id=ENTITY, portal_url=portal_url))
    assert handler.calls == 0


@pytest.mark.parametrize("method", ["retrieve", "sync", "complete_setup", "update_credentials"])
def test_lone_surrogate_connection_id_named(api, recorder, method):
    handler = recorder(httpx2.Response(200))
    resource = api.client(handler).connections
    kwargs = {"password": "pw"} if method == "update_credentials" else {}
    with pytest.raises(ValueError, match="connection_id"):
        api.run(getattr(resource, method)("conn_\ud800", **kwargs))
    assert handler.calls == 0
