"""Sending webhook deliveries: one HTTP POST per attempt, to loopback addresses only.

:func:`post_delivery` is the :data:`~._deliveries.Sender` the sandbox uses; the
:class:`DeliveryWorker` is the daemon thread that sends while the loopback server runs. Both
work outside the app's lock. Standard library only (``http.client``).

Only this machine is ever contacted: the URL's host must be a loopback address or a
``localhost`` name, every address it resolves to must be a loopback one, and the connection
goes to the address that was checked (so a name cannot be re-resolved elsewhere in between).
Redirects are not followed.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
from collections.abc import Mapping
from typing import Final
from urllib.parse import urlsplit

from ._deliveries import Outbox, Sender, SendResult, is_loopback_address, is_loopback_host

__all__ = ["DeliveryWorker", "post_delivery"]

# A receiver's answer body is read (so the connection ends cleanly) but never kept.
_MAX_ANSWER_BYTES: Final = 64 * 1024
_IDLE_WAIT: Final = 1.0


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to an already-checked address; ``Host`` still names the URL's host."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        """Open the TCP connection to the pinned address."""
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """TLS to an already-checked address, verifying the certificate for the URL's host."""

    def __init__(
        self, host: str, port: int, address: str, timeout: float, context: ssl.SSLContext
    ) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._address = address
        self._tls = context

    def connect(self) -> None:
        """Open the TCP connection to the pinned address, then the TLS session."""
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)


def _not_loopback(host: str) -> SendResult:
    return SendResult(
        error=(
            f"not delivered: {host} is not a loopback address "
            "(the sandbox delivers webhooks only to this machine)"
        ),
        final=True,
    )


def post_delivery(url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> SendResult:
    """POST ``body`` to ``url`` if it is on this machine; the status, or why there is none."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        return SendResult(error=f"not delivered: invalid URL ({exc})", final=True)
    if parts.scheme not in ("http", "https") or not is_loopback_host(host):
        return _not_loopback(host or url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        return SendResult(error=f"cannot resolve {host}: {exc}")
    addresses = [str(info[4][0]) for info in infos]
    if not addresses or not all(is_loopback_address(a) for a in addresses):
        return _not_loopback(host)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        context = ssl.create_default_context()
        connection = _PinnedHTTPSConnection(host, port, addresses[0], timeout, context)
    else:
        connection = _PinnedHTTPConnection(host, port, addresses[0], timeout)
    try:
        connection.request("POST", target, body=body, headers=dict(headers))
        answer = connection.getresponse()
        answer.read(_MAX_ANSWER_BYTES)
        return SendResult(status=answer.status)
    except (OSError, http.client.HTTPException) as exc:
        return SendResult(error=f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    finally:
        connection.close()


class DeliveryWorker:
    """A daemon thread sending the outbox's deliveries (and retries) as they fall due."""

    def __init__(self, outbox: Outbox, *, send: Sender = post_delivery, name: str) -> None:
        """Prepare (not start) a worker for ``outbox``."""
        self._outbox = outbox
        self._send = send
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> DeliveryWorker:
        """Start sending; returns ``self``."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop after the attempt in progress (if any); pending deliveries stay queued."""
        self._stop.set()
        self._outbox.wake()
        if self._thread.is_alive():
            self._thread.join(self._outbox.timeout + 1.0)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._outbox.run_once(self._send, wait=_IDLE_WAIT, stop=self._stop)
