"""The loopback HTTP server: moves bytes between sockets and a :class:`SandboxApp`.

Standard library only (``http.server``), one thread per connection. Everything about the API
lives in the app; this module only frames requests and responses, and protects the process
from clients: idle connections time out, oversized bodies are refused before being read.
"""

from __future__ import annotations

import contextlib
import re
import selectors
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Final

from ._app import SandboxApp, status_phrase
from ._common import Reply, error_reply, new_request_id

__all__ = ["DEFAULT_READ_TIMEOUT", "SandboxHTTPServer"]

DEFAULT_READ_TIMEOUT: Final = 5.0
# After refusing a body, how long and how much of it to read and throw away (see
# _Handler._discard_input) before closing.
_LINGER_SECONDS: Final = 2.0
_LINGER_BYTES: Final = 64 * 1024 * 1024
_LINE_LIMIT: Final = 65537
_DIGITS_RE: Final = re.compile(rb"\A[0-9]+\Z")
_HEX_RE: Final = re.compile(rb"\A[0-9a-fA-F]+\Z")
# More digits than this is more than any limit the sandbox could be configured with; it is
# never handed to int(), which refuses strings over 4300 digits with a ValueError.
_MAX_LENGTH_DIGITS: Final = 15

# Bound at import: a test that swaps `socket.socket` out (to prove in-process clients open
# none) must not break the handler threads of a loopback sandbox still winding down.
_SOCKET = socket.socket


class _BadFraming(Exception):
    """The request body's framing (Content-Length / chunked) cannot be read."""


class _TooLarge(Exception):
    """The request body is over the app's ``max_body_size``."""


def _content_length(value: str) -> int:
    raw = value.strip().encode("ascii", "replace")
    if not _DIGITS_RE.match(raw):
        raise _BadFraming
    raw = raw.lstrip(b"0") or b"0"
    return sys.maxsize if len(raw) > _MAX_LENGTH_DIGITS else int(raw)


class _Handler(BaseHTTPRequestHandler):
    # Keep-alive needs HTTP/1.1 and an exact Content-Length on every response.
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without TCP_NODELAY, Nagle and delayed
    # ACKs add ~40 ms to every keep-alive round trip.
    disable_nagle_algorithm = True
    server_version = "WaycoreSandbox"
    sys_version = ""
    server: SandboxHTTPServer

    def setup(self) -> None:
        """Set up the streams, and give the socket the server's read timeout."""
        super().setup()
        # Without one, an idle keep-alive connection (or a client stalled mid-request)
        # pins its thread until the sandbox stops; http.server closes it on timeout.
        self.connection.settimeout(self.server.read_timeout)

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except _TooLarge:
            self._refuse_too_large()
            return
        except _BadFraming:
            reply = error_reply(
                400, "bad_request", "Malformed request body framing.", new_request_id()
            )
            self._write(reply, close=True)
            return
        reply = self.server.app.handle(self.command, self.path, _HeaderView(self.headers), body)
        if reply.drop:
            self.close_connection = True
            return
        self._write(reply)

    def __getattr__(self, name: str) -> Callable[[], None]:
        # http.server answers 501 for a method without a do_* handler; the API answers every
        # method itself (405 on a known path), so every do_* name leads to _dispatch.
        if name.startswith("do_"):
            return self._dispatch
        raise AttributeError(name)

    def handle_expect_100(self) -> bool:
        """Refuse an oversized body before the client sends it; else ``100 Continue``."""
        length = self.headers.get("Content-Length")
        with contextlib.suppress(_BadFraming):
            if length is not None and _content_length(length) > self.server.app.max_body_size:
                self._refuse_too_large()
                return False
        return super().handle_expect_100()

    def _read_body(self) -> bytes:
        limit = self.server.app.max_body_size
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return b"".join(self._read_chunks(limit))
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            return b""
        # Checked before reading: the declared length may be absurd, the body never sent.
        length = _content_length(length_header)
        if length > limit:
            raise _TooLarge
        body = self.rfile.read(length)
        if len(body) != length:
            raise _BadFraming
        return body

    def _read_chunks(self, limit: int) -> Iterator[bytes]:
        total = 0
        while True:
            size_field = self.rfile.readline(_LINE_LIMIT).split(b";", 1)[0].strip()
            if not _HEX_RE.match(size_field):
                raise _BadFraming
            size_field = size_field.lstrip(b"0") or b"0"
            if len(size_field) > _MAX_LENGTH_DIGITS:
                raise _TooLarge
            size = int(size_field, 16)
            if size == 0:
                # Skip trailers up to the blank line that ends the message.
                while self.rfile.readline(_LINE_LIMIT) not in (b"\r\n", b"\n", b""):
                    pass
                return
            total += size
            # Stop at the limit rather than after the whole body arrived.
            if total > limit:
                raise _TooLarge
            chunk = self.rfile.read(size)
            if len(chunk) != size:
                raise _BadFraming
            yield chunk
            self.rfile.readline(_LINE_LIMIT)

    def _refuse_too_large(self) -> None:
        self._write(self.server.app.refuse_too_large(self.command, self.path), close=True)
        self._discard_input()

    def _discard_input(self) -> None:
        # The client is probably still sending the refused body. Closing a socket with unread
        # input makes the kernel answer with a reset, which can destroy the 413 before the
        # client reads it; so stop writing, then read and drop what arrives (bounded in time
        # and bytes, never kept) until the client hangs up.
        sock = self.connection
        with contextlib.suppress(OSError):
            self.wfile.flush()
            sock.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + _LINGER_SECONDS
            discarded = 0
            while discarded < _LINGER_BYTES:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                sock.settimeout(min(remaining, self.server.read_timeout))
                data = sock.recv(65536)
                if not data:
                    break
                discarded += len(data)

    def _write(self, reply: Reply, *, close: bool = False) -> None:
        self.send_response(reply.status)
        for name, value in reply.header_list(close=close):
            self.send_header(name, value)
        if close or reply.close:
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD" and reply.body:
            self.wfile.write(reply.body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (bad request line, unknown method) in the API's JSON shape."""
        phrase = status_phrase(code)
        reply = error_reply(
            code, phrase.lower().replace(" ", "_"), message or phrase, new_request_id()
        )
        # The request could not be parsed, so the stream cannot be trusted for another one.
        self._write(reply, close=True)

    def log_message(self, format: str, *args: Any) -> None:
        """Silence http.server's per-request lines on stderr."""


class _HeaderView(Mapping[str, str]):
    """Case-insensitive read access to an :class:`email.message.Message` of headers."""

    def __init__(self, message: Any) -> None:
        self._message = message

    def __getitem__(self, key: str) -> str:
        value = self._message.get(key)
        if value is None:
            raise KeyError(key)
        return str(value)

    def __iter__(self) -> Any:
        return iter(self._message.keys())

    def __len__(self) -> int:
        return len(self._message)


class SandboxHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server bound to a :class:`SandboxApp`."""

    daemon_threads = True
    # The default backlog of 5 overflowed when a burst of clients connected at once, and
    # the kernel reset the connections it could not queue.
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        app: SandboxApp,
        *,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
    ) -> None:
        """Bind (not yet serve) ``address``; an IPv6 host gets an IPv6 socket.

        ``read_timeout``: seconds a connection may stay silent (idle between keep-alive
        requests, or stalled mid-request) before the server closes it.
        """
        self.app = app
        self.read_timeout = read_timeout
        self._open_sockets: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self._stop_requested = threading.Event()
        self._wake_reader, self._wake_writer = socket.socketpair()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        try:
            super().__init__(address, _Handler)
        except BaseException:
            self._wake_reader.close()
            self._wake_writer.close()
            raise

    def serve_until_stopped(self) -> None:
        """Accept connections until :meth:`request_stop`; each is handled in its own thread.

        Unlike ``serve_forever``, which notices ``shutdown()`` only at its next poll, this
        loop also waits on a wake-up socket, so stopping is immediate.
        """
        with selectors.DefaultSelector() as selector:
            selector.register(self.socket, selectors.EVENT_READ)
            selector.register(self._wake_reader, selectors.EVENT_READ)
            while not self._stop_requested.is_set():
                for key, _ in selector.select():
                    if key.fileobj is self.socket and not self._stop_requested.is_set():
                        self._accept_one()

    def _accept_one(self) -> None:
        try:
            request, client_address = self.get_request()
        except OSError:
            return
        try:
            self.process_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
            self.shutdown_request(request)

    def request_stop(self) -> None:
        """Make :meth:`serve_until_stopped` return promptly (from any thread)."""
        self._stop_requested.set()
        with contextlib.suppress(OSError):
            self._wake_writer.send(b"\0")

    def server_close(self) -> None:
        """Close the listening socket and the wake-up pair."""
        super().server_close()
        self._wake_reader.close()
        self._wake_writer.close()

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup, which can stall for seconds offline."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Track the connection so :meth:`close_open_connections` can end idle keep-alives."""
        if isinstance(request, _SOCKET):
            with self._open_lock:
                self._open_sockets.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        """Forget a finished connection, then close it."""
        if isinstance(request, _SOCKET):
            with self._open_lock:
                self._open_sockets.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        """Shut down every client socket so no handler thread outlives the server."""
        with self._open_lock:
            sockets = list(self._open_sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore clients that hang up (timeouts, dropped faults); report anything else."""
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)
