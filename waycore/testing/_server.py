"""The sandbox's HTTP shell: auth, routing, fault injection and request recording.

:class:`SandboxApp` turns one parsed request into one reply and owns the single lock that
guards the store, the fault queue and the request log. :class:`SandboxHTTPServer` and its
handler only move bytes.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import selectors
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Final, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from ._state import ApiError, ConnectionStore

__all__ = ["Fault", "RecordedRequest", "Reply", "SandboxApp", "SandboxHTTPServer"]

API_PREFIX: Final = "/v1"
_REDACTED: Final = "***"
# Fault statuses whose conventional error code differs from the reason phrase.
_FAULT_CODES: Final[Mapping[int, str]] = {429: "rate_limited", 500: "internal_error"}


class RecordedRequest(NamedTuple):
    """One request the sandbox received, safe to print: the bank password is masked.

    ``path`` is the path as sent (still percent-encoded, without the query); ``query`` keeps
    the last value of each parameter; ``body`` is the parsed JSON body with every non-null
    ``"password"`` value replaced by ``"***"``, or ``None`` when there was no valid JSON body.
    """

    method: str
    path: str
    query: dict[str, str]
    body: Any


@dataclass
class Fault:
    """A scripted misbehaviour for the next ``remaining`` matching requests."""

    remaining: int
    status: int | None = None
    retry_after: str | None = None
    body: object = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False
    path: str | None = None
    method: str | None = None

    def matches(self, method: str, path: str) -> bool:
        """Whether a request is one this fault is aimed at."""
        if self.method is not None and self.method.upper() != method:
            return False
        if self.path is None:
            return True
        # Either the full path or the path under the base URL ("/connections/...") may be given.
        return path in (self.path, API_PREFIX + self.path)


@dataclass
class Reply:
    """An HTTP response to write, or ``drop=True`` to close the socket without one."""

    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_type: str | None = None
    drop: bool = False
    close: bool = False
    request_id: str = ""


def new_request_id() -> str:
    """A fresh request id as the API formats them."""
    return "req_" + secrets.token_hex(12)


def json_bytes(value: object) -> bytes:
    """Compact JSON, the way the API writes it."""
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def error_reply(
    status: int,
    code: str,
    message: str,
    request_id: str,
    *,
    headers: list[tuple[str, str]] | None = None,
) -> Reply:
    """The API's error body, ``{"error": {"code", "message", "requestId"}}``."""
    body = {"error": {"code": code, "message": message, "requestId": request_id}}
    return Reply(
        status, json_bytes(body), list(headers or []), "application/json", request_id=request_id
    )


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(body: bytes) -> object:
    """Strict JSON: NaN and Infinity are refused, as every other JSON parser would."""
    return json.loads(body, parse_constant=_reject_constant)


def redact(value: Any) -> Any:
    """A copy of a JSON value with every non-null ``password`` replaced by ``"***"``."""
    if isinstance(value, dict):
        return {
            key: (
                _REDACTED
                if isinstance(key, str) and key.lower() == "password" and item is not None
                else redact(item)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact(item) for item in value]
    return value


class SandboxApp:
    """Everything a request needs except the socket, behind one lock."""

    def __init__(self, *, api_key: str, activation_polls: int) -> None:
        """Accept requests carrying ``Authorization: Bearer <api_key>``."""
        self.api_key = api_key
        self.lock = threading.Lock()
        self.store = ConnectionStore(activation_polls=activation_polls)
        self.faults: list[Fault] = []
        self.requests: list[RecordedRequest] = []

    def reset(self) -> None:
        """Forget connections, faults and recorded requests."""
        with self.lock:
            self.store.reset()
            self.faults.clear()
            self.requests.clear()

    def add_fault(self, fault: Fault) -> None:
        """Queue a fault; earlier faults match first."""
        with self.lock:
            self.faults.append(fault)

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Reply:
        """Answer one request. May sleep (a delay fault) but never while holding the lock."""
        request_id = new_request_id()
        split = urlsplit(target)
        path = split.path
        query = {
            key: values[-1] for key, values in parse_qs(split.query, keep_blank_values=True).items()
        }
        recorded_body: Any = None
        if body:
            try:
                recorded_body = redact(parse_json(body))
            except (ValueError, RecursionError):
                recorded_body = None
        with self.lock:
            self.requests.append(RecordedRequest(method, path, query, recorded_body))
            fault = self._take_fault(method, path)

        if fault is not None:
            if fault.delay > 0:
                time.sleep(fault.delay)
            if fault.drop:
                return Reply(0, drop=True)
        if fault is not None and fault.status is not None:
            reply = self._fault_reply(fault, request_id)
        else:
            try:
                reply = self._route(method, path, query, headers, body, request_id)
            except ApiError as exc:
                extra: list[tuple[str, str]] = []
                if exc.status == 401:
                    extra.append(("WWW-Authenticate", 'Bearer realm="waycore"'))
                reply = error_reply(exc.status, exc.code, exc.message, request_id, headers=extra)
        reply.request_id = request_id
        return reply

    def _take_fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.matches(method, path):
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self.faults.remove(fault)
                return fault
        return None

    @staticmethod
    def _fault_reply(fault: Fault, request_id: str) -> Reply:
        assert fault.status is not None
        headers = list(fault.headers.items())
        if fault.retry_after is not None:
            headers.append(("Retry-After", fault.retry_after))
        if fault.body is None:
            phrase = HTTPStatus(fault.status).phrase if fault.status in _STATUSES else "Error"
            code = _FAULT_CODES.get(
                fault.status, phrase.lower().replace(" ", "_").replace("-", "_")
            )
            reply = error_reply(fault.status, code, f"Injected fault: {phrase}.", request_id)
            reply.headers = headers
            return reply
        if isinstance(fault.body, bytes):
            payload, content_type = fault.body, "text/plain; charset=utf-8"
        elif isinstance(fault.body, str):
            payload, content_type = fault.body.encode("utf-8"), "text/plain; charset=utf-8"
        else:
            payload, content_type = json_bytes(fault.body), "application/json"
        return Reply(fault.status, payload, headers, fault.content_type or content_type)

    def _authenticate(self, headers: Mapping[str, str]) -> None:
        header = headers.get("Authorization")
        if header is None:
            raise ApiError(401, "unauthorized", "Missing Authorization header.")
        scheme, _, token = header.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise ApiError(401, "unauthorized", "Authorization must be 'Bearer <api key>'.")
        given = token.encode("utf-8", "surrogateescape")
        if not secrets.compare_digest(given, self.api_key.encode("utf-8")):
            raise ApiError(401, "unauthorized", "Invalid API key.")

    def _route(
        self,
        method: str,
        path: str,
        query: Mapping[str, str],
        headers: Mapping[str, str],
        body: bytes,
        request_id: str,
    ) -> Reply:
        self._authenticate(headers)
        # Split before unquoting so an id containing "%2F" stays one segment.
        segments = [unquote(segment) for segment in path.split("/")]
        if segments[:2] != ["", "v1"] or len(segments) < 3 or segments[2] != "connections":
            raise ApiError(404, "not_found", "No such endpoint.")
        rest = segments[3:]
        allowed: tuple[str, ...]
        if not rest:
            allowed = ("GET", "POST")
        elif len(rest) == 1 and rest[0]:
            allowed = ("GET",)
        elif len(rest) == 2 and rest[0] and rest[1] in ("credentials", "setupCompletion", "sync"):
            allowed = ("PUT",)
        else:
            raise ApiError(404, "not_found", "No such endpoint.")
        if method not in allowed:
            reply = error_reply(
                405, "method_not_allowed", f"{method} is not allowed here.", request_id
            )
            reply.headers.append(("Allow", ", ".join(allowed)))
            return reply

        if not rest and method == "POST":
            parsed = _parse_body(body)
            with self.lock:
                status, connection = self.store.create(parsed)
            return Reply(status, json_bytes(connection), content_type="application/json")
        if not rest:
            with self.lock:
                page = self.store.list(query)
            page["meta"] = {"requestId": request_id}
            return Reply(200, json_bytes(page), content_type="application/json")

        connection_id = rest[0]
        action = rest[1] if len(rest) == 2 else None
        if action is None:
            with self.lock:
                connection = self.store.retrieve(connection_id)
        elif action == "credentials":
            parsed = _parse_body(body)
            with self.lock:
                connection = self.store.update_credentials(connection_id, parsed)
        elif action == "setupCompletion":
            with self.lock:
                connection = self.store.complete_setup(connection_id)
        else:
            with self.lock:
                self.store.sync(connection_id)
            return Reply(202)
        return Reply(200, json_bytes(connection), content_type="application/json")


_STATUSES: Final = frozenset(status.value for status in HTTPStatus)


def _parse_body(body: bytes) -> object:
    if not body.strip():
        raise ApiError(400, "invalid_json", "A JSON request body is required.")
    try:
        return parse_json(body)
    except (ValueError, RecursionError):
        raise ApiError(400, "invalid_json", "The request body is not valid JSON.") from None


class _BadFraming(Exception):
    """The request body's framing (Content-Length / chunked) cannot be read."""


class _Handler(BaseHTTPRequestHandler):
    # Keep-alive needs HTTP/1.1 and an exact Content-Length on every response.
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without TCP_NODELAY, Nagle and delayed
    # ACKs add ~40 ms to every keep-alive round trip.
    disable_nagle_algorithm = True
    server_version = "WaycoreSandbox"
    sys_version = ""
    server: SandboxHTTPServer

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except _BadFraming:
            self._write(
                error_reply(
                    400, "bad_request", "Malformed request body framing.", new_request_id()
                ),
                close=True,
            )
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

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            return b""
        try:
            length = int(length_header)
        except ValueError:
            raise _BadFraming from None
        if length < 0:
            raise _BadFraming
        body = self.rfile.read(length)
        if len(body) != length:
            raise _BadFraming
        return body

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        while True:
            line = self.rfile.readline(65537)
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise _BadFraming from None
            if size == 0:
                # Skip trailers up to the blank line that ends the message.
                while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(chunks)
            chunk = self.rfile.read(size)
            if len(chunk) != size:
                raise _BadFraming
            chunks.append(chunk)
            self.rfile.readline(65537)

    def _write(self, reply: Reply, *, close: bool = False) -> None:
        self.send_response(reply.status)
        self.send_header("x-request-id", reply.request_id or new_request_id())
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.content_type is not None and reply.body:
            self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        if close or reply.close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD" and reply.body:
            self.wfile.write(reply.body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (bad request line, unknown method) in the API's JSON shape."""
        request_id = new_request_id()
        phrase = HTTPStatus(code).phrase if code in _STATUSES else "Error"
        reply = error_reply(code, phrase.lower().replace(" ", "_"), message or phrase, request_id)
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

    def __init__(self, address: tuple[str, int], app: SandboxApp) -> None:
        """Bind (not yet serve) ``address``; an IPv6 host gets an IPv6 socket."""
        self.app = app
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
        if isinstance(request, socket.socket):
            with self._open_lock:
                self._open_sockets.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        """Forget a finished connection, then close it."""
        if isinstance(request, socket.socket):
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
