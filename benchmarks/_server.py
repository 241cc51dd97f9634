"""A minimal keep-alive HTTP/1.1 server of canned bytes, run in its own process.

``python -m benchmarks._server`` listens on 127.0.0.1 (port 0), prints ``PORT <n>`` and serves
until its standard input closes, so it dies with the runner even if the runner is killed.
`ServerProcess` starts and stops it.

Routes (anything else is a 404), optionally under a ``/pages/<N>`` prefix that makes the list
a chain of N pages instead of `DEFAULT_LIST_PAGES`:

- ``POST /v1/connections``: a setup connection;
- ``GET /v1/connections/{id}``: a ready connection;
- ``GET /v1/connections[?cursor=cK]``: page K of 500 items, chained by ``nextCursor``;
- ``GET /v1/transactions[?cursor=cK]`` (not under the prefix): page K of a chain of
  `DEFAULT_LIST_PAGES` pages of 500 distinct transactions;
- ``GET /v1/transactions/sync[?cursor=sync_cur_N][&limit=L]`` (not under the prefix): the change
  feed of `FEED_EVENTS` events. Without a cursor the head (no events, ``hasMore: false``, the
  cursor ``sync_cur_0``); with one, the next ``limit`` events (default 100, at most 500) after
  event N, ``hasMore`` until the last is sent. A cursor it never sent is a 400
  ``invalid_cursor``. Transaction bodies are built on the first request (about a second);
- for the peers (not under the prefix): ``GET /openai/v1/models/{id}`` (an OpenAI model) and
  ``GET /stripe/v1/customers/{id}`` (a Stripe customer).

The parser is an `asyncio.Protocol` over a byte buffer: it reads the request line and
``Content-Length``, skips the body, and answers with precomputed bytes (always with
``Content-Length``, never closing the connection unless asked), so its cost per request is a
few microseconds and the same for every contender.
"""

from __future__ import annotations

import asyncio
import os
import select
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from ._payloads import (
    CREATE_BODY,
    DEFAULT_LIST_PAGES,
    FEED_DEFAULT_LIMIT,
    FEED_MAX_LIMIT,
    OPENAI_MODEL_BODY,
    PAGE_HEAD,
    PAGE_ITEMS,
    RETRIEVE_BODY,
    STRIPE_CUSTOMER_BODY,
    SYNC_CURSOR_PREFIX,
    page_tail,
    sync_page_body,
    transaction_page_items,
)

ROOT: Final = Path(__file__).resolve().parent.parent
_MAX_PAGES: Final = 100_000
_STARTUP_TIMEOUT: Final = 15.0


def _head(status: bytes, length: int, request_id: bytes) -> bytes:
    return (
        b"HTTP/1.1 " + status + b"\r\n"
        b"Content-Type: application/json\r\n"
        b"Content-Length: " + str(length).encode() + b"\r\n"
        b"x-request-id: " + request_id + b"\r\n"
        b"\r\n"
    )


def _whole(status: bytes, body: bytes, request_id: bytes) -> tuple[bytes, ...]:
    return (_head(status, len(body), request_id) + body,)


_CREATE: Final = _whole(b"200 OK", CREATE_BODY, b"req_create")
_RETRIEVE: Final = _whole(b"200 OK", RETRIEVE_BODY, b"req_retrieve")
_NOT_FOUND: Final = _whole(
    b"404 Not Found", b'{"error":{"code":"not_found","message":"no such route"}}', b"req_404"
)
_OPENAI_MODEL: Final = _whole(b"200 OK", OPENAI_MODEL_BODY, b"req_openai_model")
_STRIPE_CUSTOMER: Final = _whole(b"200 OK", STRIPE_CUSTOMER_BODY, b"req_stripe_customer")
# GET under these prefixes (one more path segment: the id) answers for a peer SDK.
_PEER_ROUTES: Final = (
    (b"/openai/v1/models/", _OPENAI_MODEL),
    (b"/stripe/v1/customers/", _STRIPE_CUSTOMER),
)
_INVALID_CURSOR: Final = _whole(
    b"400 Bad Request",
    b'{"error":{"code":"invalid_cursor","message":"malformed cursor"}}',
    b"req_invalid_cursor",
)
_INVALID_LIMIT: Final = _whole(
    b"400 Bad Request",
    b'{"error":{"code":"invalid_request","message":"limit must be 1-500"}}',
    b"req_invalid_limit",
)
_COLLECTION: Final = b"/v1/connections"
_TRANSACTIONS: Final = b"/v1/transactions"
_SYNC: Final = b"/v1/transactions/sync"
_PAGES_PREFIX: Final = b"/pages/"


class _Routes:
    """Request target to response parts. List pages are built once per (chain, index)."""

    def __init__(self) -> None:
        self._pages: dict[tuple[int, int], tuple[bytes, ...]] = {}
        for index in range(DEFAULT_LIST_PAGES):
            self._page(DEFAULT_LIST_PAGES, index)
        # Built on first use: only the transaction benchmarks pay for them.
        self._txn_pages: dict[int, tuple[bytes, ...]] = {}
        self._sync_pages: dict[tuple[int | None, int], tuple[bytes, ...]] = {}

    def _page(self, pages: int, index: int) -> tuple[bytes, ...]:
        key = (pages, index)
        parts = self._pages.get(key)
        if parts is None:
            tail = page_tail(index, pages)
            length = len(PAGE_HEAD) + len(PAGE_ITEMS) + len(tail)
            head = _head(b"200 OK", length, f"req_page_{index}".encode())
            # The 250 KB of items is shared by every page rather than copied into each.
            parts = (head + PAGE_HEAD, PAGE_ITEMS, tail)
            if len(self._pages) < 4096:
                self._pages[key] = parts
        return parts

    def _transaction_page(self, index: int) -> tuple[bytes, ...]:
        parts = self._txn_pages.get(index)
        if parts is None:
            items = transaction_page_items()[index]
            tail = page_tail(index, DEFAULT_LIST_PAGES)
            length = len(PAGE_HEAD) + len(items) + len(tail)
            head = _head(b"200 OK", length, f"req_txn_page_{index}".encode())
            parts = self._txn_pages[index] = (head + PAGE_HEAD, items, tail)
        return parts

    def _sync(self, query: bytes) -> tuple[bytes, ...]:
        params = dict(pair.partition(b"=")[::2] for pair in query.split(b"&") if pair)
        limit = params.get(b"limit", str(FEED_DEFAULT_LIMIT).encode())
        if not limit.isdigit() or not 1 <= int(limit) <= FEED_MAX_LIMIT:
            return _INVALID_LIMIT
        offset: int | None = None
        cursor = params.get(b"cursor")
        if cursor is not None:
            digits = cursor.removeprefix(SYNC_CURSOR_PREFIX.encode())
            if digits == cursor or not digits.isdigit():
                return _INVALID_CURSOR
            offset = int(digits)
        key = (offset, int(limit))
        parts = self._sync_pages.get(key)
        if parts is None:
            body = sync_page_body(offset, int(limit))
            parts = _whole(b"200 OK", body, f"req_sync_{offset}".encode())
            if len(self._sync_pages) < 4096:
                self._sync_pages[key] = parts
        return parts

    def respond(self, method: bytes, target: bytes) -> tuple[bytes, ...]:
        path, _, query = target.partition(b"?")
        for prefix, response in _PEER_ROUTES:
            if path.startswith(prefix):
                rest = path[len(prefix) :]
                if method == b"GET" and rest and b"/" not in rest:
                    return response
                return _NOT_FOUND
        if path == _TRANSACTIONS and method == b"GET":
            index = _cursor_index(query)
            if index is None or index >= DEFAULT_LIST_PAGES:
                return _NOT_FOUND
            return self._transaction_page(index)
        if path == _SYNC and method == b"GET":
            return self._sync(query)
        pages = DEFAULT_LIST_PAGES
        if path.startswith(_PAGES_PREFIX):
            count, _, rest = path[len(_PAGES_PREFIX) :].partition(b"/")
            if not count.isdigit() or not 1 <= int(count) <= _MAX_PAGES:
                return _NOT_FOUND
            pages, path = int(count), b"/" + rest
        if path == _COLLECTION:
            if method == b"POST":
                return _CREATE
            if method == b"GET":
                index = _cursor_index(query)
                if index is not None and index < pages:
                    return self._page(pages, index)
            return _NOT_FOUND
        if method == b"GET" and path.startswith(_COLLECTION + b"/") and path.count(b"/") == 3:
            return _RETRIEVE
        return _NOT_FOUND


def _cursor_index(query: bytes) -> int | None:
    """0 without a cursor; K for ``cursor=cK``; None for a cursor this server never sent."""
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        if name == b"cursor":
            digits = value[1:]
            return int(digits) if value[:1] == b"c" and digits.isdigit() else None
    return 0


class _HTTPProtocol(asyncio.Protocol):
    """One keep-alive connection: parse as many requests as have arrived, answer each."""

    def __init__(self, routes: _Routes) -> None:
        self._routes = routes
        self._buffer = bytearray()
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        transport = self._transport
        assert transport is not None
        buffer = self._buffer
        buffer += data
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(buffer) > 65536:
                    transport.close()
                return
            head = bytes(buffer[:end]).lower()
            length = 0
            at = head.find(b"\r\ncontent-length:")
            if at >= 0:
                stop = head.find(b"\r\n", at + 2)
                length = int(head[at + 17 : stop if stop >= 0 else len(head)].strip())
            total = end + 4 + length
            if len(buffer) < total:
                return
            line_end = head.find(b"\r\n")
            request_line = bytes(buffer[: line_end if line_end >= 0 else end])
            del buffer[:total]
            method, target, _version = request_line.split(b" ", 2)
            transport.writelines(self._routes.respond(method, target))
            if b"\r\nconnection: close" in head:
                transport.close()
                return


async def _serve() -> None:
    loop = asyncio.get_running_loop()
    routes = _Routes()
    server = await loop.create_server(
        lambda: _HTTPProtocol(routes), host="127.0.0.1", port=0, backlog=1024
    )
    port = server.sockets[0].getsockname()[1]
    stop = loop.create_future()

    def on_stdin() -> None:
        # The runner holds our stdin open; EOF means it finished or died.
        if not os.read(sys.stdin.fileno(), 4096) and not stop.done():
            stop.set_result(None)

    loop.add_reader(sys.stdin.fileno(), on_stdin)
    print(f"PORT {port}", flush=True)
    async with server:
        await stop


class ServerProcess:
    """Runs the server in a child process for the duration of a ``with`` block.

    The child exits when the block ends (also on error), and also on its own should this
    process die without cleaning up, because its standard input then closes.
    """

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def chain_url(self, pages: int) -> str:
        """A base URL under which `list()` walks a chain of `pages` pages."""
        return f"http://127.0.0.1:{self.port}/pages/{pages}/v1"

    def __enter__(self) -> Self:
        process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks._server"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._process = process
        try:
            assert process.stdout is not None
            ready, _, _ = select.select([process.stdout], [], [], _STARTUP_TIMEOUT)
            line = process.stdout.readline().decode() if ready else ""
            if not line.startswith("PORT "):
                raise RuntimeError(f"benchmark server did not start (said {line!r})")
            self.port = int(line.split()[1])
        except BaseException:
            self.close()
            raise
        return self

    def close(self) -> None:
        process = self._process
        if process is None:
            return
        self._process = None
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    asyncio.run(_serve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
