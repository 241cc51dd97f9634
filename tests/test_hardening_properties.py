"""Issue 11, "done when": hypothesis drives both clients against a hostile fake server
(any status 100–599, garbage headers, bodies of every kind, slow or failing attempts), on the
fake clock. Only `waycore.WaycoreError` escapes, no call outlives its deadline, and neither
the API key nor the password shows in an exception or a log line."""

from __future__ import annotations

import gzip
import html
import json
import logging
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import quote, quote_plus

import httpx2
import pytest
from conftest import Harness, _ready
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import waycore

API_KEY = "way_live_key5_PROPKEY"
PASSWORD = "Pw7\"pä\\ss<&> wörd'Qz4"
# The password is a secret the SDK knows of only in the call that sends it.
KEY_MARKERS = ("PROPKEY",)
PASSWORD_MARKERS = ("Pw7", "Qz4")
CHUNK_COST = 0.05  # fake seconds between two chunks of a streamed body


def _echoes(secret: str) -> list[str]:
    return [
        secret,
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        html.escape(secret),
        quote(secret, safe=""),
        quote_plus(secret),
        repr(secret),
        repr(secret.encode()),  # as h11 quotes a malformed header line
    ]


ECHO = st.sampled_from(_echoes(API_KEY) + _echoes(PASSWORD))
TEXT = st.text(max_size=200) | st.text(st.characters(codec="latin-1"), max_size=3000)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT | ECHO,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT | ECHO, inner, max_size=4),
    max_leaves=12,
)


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["bytes", "json", "html", "text", "error", "ready", "page"]))
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    if kind == "json":
        return json.dumps(draw(JSON), ensure_ascii=draw(st.booleans())).encode()
    if kind == "html":
        return f"<html><p>{html.escape(draw(TEXT))} {draw(ECHO)}</p></html>".encode()
    if kind == "text":
        return (draw(TEXT) + draw(ECHO) * draw(st.integers(0, 50))).encode()
    if kind == "ready":
        return json.dumps(_ready(id=draw(ECHO | st.just("conn_1")))).encode()
    if kind == "page":
        page = {"data": [_ready()], "pagination": {"hasMore": True, "nextCursor": draw(ECHO)}}
        return json.dumps(page).encode()
    error = {"code": draw(ECHO | TEXT), "message": draw(ECHO | TEXT), "requestId": draw(ECHO)}
    return json.dumps({"error": error, "detail": [{"input": draw(ECHO)}]}).encode()


RETRY_AFTER = st.sampled_from(
    ["0", "1", "5", "60", "61", "-5", "inf", "nan", "1_0", "1e3", "9" * 40, "0" * 20 + "3",
     "Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "soon", ""]
) | st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30)  # fmt: skip
ENCODING = st.sampled_from(
    ["gzip", "deflate", "br", "identity", "zstd", "x-garbage", "gzip, deflate", "gzip, " * 6]
) | st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=20)
HEADER_VALUE = ECHO | st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=50)


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    """One attempt's fate: a transport error, or a response (status, headers, body)."""
    cost = draw(st.sampled_from([0.0, 0.0, 0.3, 2.0, 30.0]))
    if draw(st.integers(0, 5)) == 0:
        error = draw(
            st.sampled_from(
                [httpx2.ConnectError, httpx2.ReadTimeout, httpx2.RemoteProtocolError,
                 httpx2.ReadError, httpx2.WriteError, httpx2.PoolTimeout]
            )
        )  # fmt: skip
        return {"cost": cost, "error": error, "message": f"failed near {draw(ECHO)}"}
    headers: dict[str, str] = {}
    for name, values in [
        ("Retry-After", RETRY_AFTER),
        ("x-request-id", HEADER_VALUE),
        ("Location", HEADER_VALUE),
        ("Content-Type", st.sampled_from(["application/json", "text/html", "x/y"])),
        ("X-Echo", ECHO),
    ]:
        if draw(st.booleans()):
            headers[name] = draw(values)
    body = draw(bodies())
    compress = draw(st.sampled_from([None, "gzip", "deflate", "corrupt", "header-only"]))
    if compress == "gzip":
        body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
    elif compress == "deflate":
        body, headers["Content-Encoding"] = zlib.compress(body), "deflate"
    elif compress == "corrupt":
        body, headers["Content-Encoding"] = b"\x1f\x8b\x08" + body, "gzip"
    elif compress == "header-only":
        headers["Content-Encoding"] = draw(ENCODING)
    return {
        "cost": cost,
        "status": draw(st.integers(100, 599)),
        "headers": headers,
        "body": body,
        "streamed": draw(st.booleans()),
    }


class _Chunks(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    def __init__(self, harness: Harness, body: bytes) -> None:
        self.harness = harness
        self.body = body

    def _chunks(self) -> Iterator[bytes]:
        for start in range(0, len(self.body), 256):
            self.harness.now += CHUNK_COST
            yield self.body[start : start + 256]

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks():
            yield chunk


def _respond(harness: Harness, answer: dict[str, Any], request: httpx2.Request) -> httpx2.Response:
    # An attempt longer than its (deadline-clipped) read timeout times out, as httpx's would.
    limit = request.extensions["timeout"]["read"]
    if answer["cost"] > limit:
        harness.now += limit
        raise httpx2.ReadTimeout("timed out")
    harness.now += answer["cost"]
    if "error" in answer:
        raise answer["error"](answer["message"])
    headers = [(k.encode(), v.encode("latin-1", "replace")) for k, v in answer["headers"].items()]
    if answer["streamed"]:
        return httpx2.Response(
            answer["status"], headers=headers, stream=_Chunks(harness, answer["body"])
        )
    return httpx2.Response(answer["status"], headers=headers, content=answer["body"])


CALLS = {
    "retrieve": lambda c: c.connections.retrieve("conn_1"),
    "update_credentials": lambda c: c.connections.update_credentials("conn_1", password=PASSWORD),
    "sync": lambda c: c.connections.sync("conn_1"),
    "create": lambda c: c.connections.create(
        entity_id="3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f", institution_id="chase"
    ),
    "list": lambda c: c.connections.list(),
    "wait": lambda c: c.connections.wait_until_ready("conn_1", timeout=6, poll_interval=1),
}


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _texts(exc: BaseException) -> Iterator[str]:
    seen: BaseException | None = exc
    while seen is not None:
        yield from (str(seen), repr(seen), *map(str, seen.args))
        for name in ("message", "request_id", "code"):
            yield str(getattr(seen, name, ""))
        seen = seen.__cause__ or seen.__context__


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    script=st.lists(answers(), min_size=1, max_size=4),
    call=st.sampled_from(list(CALLS)),
    max_retries=st.integers(0, 3),
    deadline=st.none() | st.sampled_from([0.5, 1.0, 2.5, 10.0]),
)
def test_hostile_server(waycore_log_debug, is_async, script, call, max_retries, deadline):
    for answer in script:  # a response the test itself cannot build is not a case
        try:
            _respond(Harness(False), {**answer, "cost": 0.0}, _dummy_request())
        except httpx2.HTTPError:
            pass
        except Exception:
            assume(False)
    harness = Harness(is_async)
    lines = _Lines()
    waycore_log_debug.addHandler(lines)
    try:
        seen: list[httpx2.Request] = []

        def handler(request: httpx2.Request) -> httpx2.Response:
            seen.append(request)
            return _respond(harness, script[min(len(seen), len(script)) - 1], request)

        client = harness.client(
            handler, api_key=API_KEY, max_retries=max_retries, deadline=deadline
        )
        markers = KEY_MARKERS + (PASSWORD_MARKERS if call == "update_credentials" else ())
        start = harness.now
        try:
            result = CALLS[call](client)
            if call == "list":
                harness.collect(result)
            else:
                harness.run(result)
        except waycore.WaycoreError as exc:
            for text in _texts(exc):
                assert not any(marker in text for marker in markers), text
        # Anything else escaping fails the test by itself.
        # A list's deadline bounds each page; a wait's own timeout bounds the wait.
        limit = {"wait": 6.0, "list": None}.get(call, deadline)
        if limit is not None:
            assert harness.now - start <= limit + CHUNK_COST + 0.01
        for line in lines.lines:
            assert not any(marker in line for marker in markers), line
    finally:
        waycore_log_debug.removeHandler(lines)
        harness.close()


def _dummy_request() -> httpx2.Request:
    request = httpx2.Request("GET", "https://api.test.example/v1/x")
    request.extensions["timeout"] = {"read": 60.0}
    return request
