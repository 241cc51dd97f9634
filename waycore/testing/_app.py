"""The sandbox application: auth, routing, fault injection and request recording.

:class:`SandboxApp` turns one parsed request into one reply. It owns the single lock that
guards every store, the fault queue and the request log, and knows nothing of sockets: the
loopback server (``_http``) and the in-process transport (``_in_process``) both call it.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from http import HTTPStatus
from typing import Any, Final, NamedTuple, TypeVar
from urllib.parse import parse_qs, urlsplit

from ._common import (
    ApiError,
    Reply,
    error_reply,
    json_bytes,
    new_request_id,
    parse_json,
    redact,
    utcnow,
)
from ._registry import RESOURCES
from ._routes import ApiRequest, MethodNotAllowed, Resource, Router, SandboxOptions, Store, Stores

__all__ = ["API_PREFIX", "Exchange", "Fault", "RecordedRequest", "SandboxApp", "status_phrase"]

API_PREFIX: Final = "/v1"
DEFAULT_MAX_RECORDED_REQUESTS: Final = 2000
DEFAULT_MAX_BODY_SIZE: Final = 4 * 1024 * 1024
# Fault statuses whose conventional error code differs from the reason phrase.
_FAULT_CODES: Final[Mapping[int, str]] = {429: "rate_limited", 500: "internal_error"}
_STATUSES: Final = frozenset(status.value for status in HTTPStatus)

S = TypeVar("S", bound=Store)


class RecordedRequest(NamedTuple):
    """One request the sandbox received, safe to print: the bank password is masked.

    ``path`` is the path as sent (still percent-encoded, without the query); ``query`` keeps
    the last value of each parameter; ``body`` is the parsed JSON body with every non-null
    ``"password"`` value replaced by ``"***"``, or ``None`` when there was no valid JSON body
    (or it was refused as too large).
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
class Exchange:
    """A received (and recorded) request, with the fault it drew, waiting for its reply."""

    method: str
    path: str
    query: dict[str, str]
    headers: Mapping[str, str]
    body: bytes
    request_id: str
    fault: Fault | None

    @property
    def delay(self) -> float:
        """Seconds to wait before answering (a delay fault), else 0."""
        return self.fault.delay if self.fault is not None else 0.0

    @property
    def drop(self) -> bool:
        """Whether to hang up without any answer (a drop fault)."""
        return self.fault is not None and self.fault.drop


class SandboxApp:
    """Everything a request needs except the socket, behind one lock."""

    def __init__(
        self,
        *,
        api_key: str,
        activation_polls: int = 1,
        max_recorded_requests: int = DEFAULT_MAX_RECORDED_REQUESTS,
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        clock: Callable[[], datetime] = utcnow,
        resources: Iterable[Resource[Any]] = RESOURCES,
    ) -> None:
        """Accept requests carrying ``Authorization: Bearer <api_key>``.

        ``max_recorded_requests`` bounds the request log (the oldest go first);
        ``max_body_size`` is the largest request body accepted, in bytes.
        """
        if max_recorded_requests < 1:
            raise ValueError("max_recorded_requests must be >= 1")
        if max_body_size < 0:
            raise ValueError("max_body_size must be >= 0")
        resources = tuple(resources)
        self.api_key = api_key
        self.max_body_size = max_body_size
        self.lock = threading.Lock()
        self.stores = Stores(resources, SandboxOptions(activation_polls, clock))
        self.router = Router(resources, prefix=API_PREFIX)
        self.faults: list[Fault] = []
        # A ring: a long-lived sandbox (the CLI, a session fixture) must not grow forever.
        self.requests: deque[RecordedRequest] = deque(maxlen=max_recorded_requests)

    def state(self, resource: Resource[S]) -> S:
        """The store of ``resource``; hold :attr:`lock` while using it."""
        return self.stores.get(resource)

    def reset(self) -> None:
        """Forget every store's data, pending faults and recorded requests."""
        with self.lock:
            self.stores.reset()
            self.faults.clear()
            self.requests.clear()

    def add_fault(self, fault: Fault) -> None:
        """Queue a fault; earlier faults match first."""
        with self.lock:
            self.faults.append(fault)

    # -- serving --------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Reply:
        """Answer one request (blocking: a delay fault sleeps, never while holding the lock)."""
        exchange = self.receive(method, target, headers, body)
        if exchange.delay > 0:
            time.sleep(exchange.delay)
        if exchange.drop:
            return Reply(0, drop=True, request_id=exchange.request_id)
        return self.respond(exchange)

    def receive(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> Exchange:
        """Record a request and draw its fault; the caller waits out ``delay`` itself."""
        path, query = _split_target(target)
        recorded_body: Any = None
        if body:
            try:
                recorded_body = redact(parse_json(body))
            except (ValueError, RecursionError):
                recorded_body = None
        with self.lock:
            self.requests.append(RecordedRequest(method, path, query, recorded_body))
            fault = self._take_fault(method, path)
        return Exchange(method, path, query, headers, body, new_request_id(), fault)

    def respond(self, exchange: Exchange) -> Reply:
        """The reply to a received request: its fault's, or the API's answer."""
        fault = exchange.fault
        if fault is not None and fault.status is not None:
            reply = self._fault_reply(fault, exchange.request_id)
        else:
            try:
                reply = self._dispatch(exchange)
            except ApiError as exc:
                extra: list[tuple[str, str]] = []
                if exc.status == 401:
                    extra.append(("WWW-Authenticate", 'Bearer realm="waycore"'))
                if isinstance(exc, MethodNotAllowed):
                    extra.append(("Allow", ", ".join(exc.allowed)))
                reply = error_reply(
                    exc.status, exc.code, exc.message, exchange.request_id, headers=extra
                )
        reply.request_id = exchange.request_id
        return reply

    def refuse_too_large(self, method: str, target: str) -> Reply:
        """Record a request whose body is over :attr:`max_body_size`; answer 413 and close.

        Faults and authentication are skipped: the body was never read, so the stream
        cannot carry another request, and a real API's front proxy refuses it just as early.
        """
        path, query = _split_target(target)
        with self.lock:
            self.requests.append(RecordedRequest(method, path, query, None))
        limit = self.max_body_size
        reply = error_reply(
            413,
            "payload_too_large",
            f"The request body is larger than the sandbox accepts ({limit} bytes).",
            new_request_id(),
        )
        reply.close = True
        return reply

    # -- internals ------------------------------------------------------------------------

    def _dispatch(self, exchange: Exchange) -> Reply:
        self._authenticate(exchange.headers)
        route, params = self.router.resolve(exchange.method, exchange.path)
        with self.lock:
            request = ApiRequest(
                method=exchange.method,
                path=exchange.path,
                params=params,
                query=exchange.query,
                headers=exchange.headers,
                body=exchange.body,
                request_id=exchange.request_id,
                stores=self.stores,
            )
            return route.handler(self.stores.get(route.resource), request)

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
            phrase = status_phrase(fault.status)
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


def _split_target(target: str) -> tuple[str, dict[str, str]]:
    split = urlsplit(target)
    query = {
        key: values[-1] for key, values in parse_qs(split.query, keep_blank_values=True).items()
    }
    return split.path, query


def status_phrase(status: int) -> str:
    """The reason phrase of a status, or ``"Error"`` for one HTTP does not name."""
    return HTTPStatus(status).phrase if status in _STATUSES else "Error"
