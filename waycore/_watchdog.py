"""Cutting a blocking attempt off at its call's deadline (the sync client; the async one uses
`asyncio.timeout`)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Mapping
from typing import Any

import httpx2


class Watchdog:
    """Cuts one blocking attempt off at the call's deadline by shutting its socket down.

    httpx2's timeouts bound each read, not their sum: a server dripping its headers or its
    body a byte at a time holds a blocking read loop for as long as it likes, and nothing in
    that loop looks at the clock. Shutting the socket down from a timer thread ends the read
    at once. The socket is found where httpx2 exposes it: the `trace` extension reports the
    stream of a new connection, and a reused one is looked up in the httpcore2 pool (best
    effort: with another transport, only the per-read timeouts and the body check remain).
    """

    def __init__(self, http: httpx2.Client, request: httpx2.Request, seconds: float) -> None:
        self._http = http
        self._request = request
        self._streams: list[Any] = []
        self._lock = threading.Lock()
        self._done = False
        self.cut = False
        request.extensions["trace"] = self._trace
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    @staticmethod
    def can_cut(http: httpx2.Client, request: httpx2.Request) -> bool:
        """Whether `request` goes through httpx2's own network transport, whose sockets the
        watchdog can reach (not a mock or in-process transport: no thread is started)."""
        try:
            transport = http._transport_for_url(request.url)
        except Exception:  # another httpx2 version: fall back to the per-read timeouts
            return False
        return isinstance(transport, httpx2.HTTPTransport)

    def _trace(self, name: str, info: Mapping[str, Any]) -> None:
        if name in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            self._streams.append(info.get("return_value"))

    def _pooled_stream(self) -> Any:
        try:
            pool = self._http._transport_for_url(self._request.url)._pool  # type: ignore[attr-defined]
            for pool_request in list(pool._requests):
                if pool_request.request.extensions is self._request.extensions:
                    return pool_request.connection._connection._network_stream
        except Exception:  # not an httpcore2 pool, or its internals changed
            return None
        return None

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            for stream in [*self._streams, self._pooled_stream()]:
                sock = None if stream is None else stream.get_extra_info("socket")
                if isinstance(sock, socket.socket):
                    try:
                        # The base method: an SSLSocket's own would drop its TLS state
                        # under the reading thread's feet.
                        socket.socket.shutdown(sock, socket.SHUT_RDWR)
                        self.cut = True
                    except OSError:
                        pass

    def stop(self) -> None:
        """The attempt is over: never touch its connection after this."""
        with self._lock:
            self._done = True
        self._timer.cancel()
