"""The public :class:`Sandbox`: an in-memory Waycore API, on a local port or in-process."""

from __future__ import annotations

import math
import secrets
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Literal, Self

from . import _connections, _entities, _ledger
from ._app import (
    DEFAULT_MAX_BODY_SIZE,
    DEFAULT_MAX_RECORDED_REQUESTS,
    Fault,
    RecordedRequest,
    SandboxApp,
)
from ._common import UNSET, Unset
from ._http import DEFAULT_READ_TIMEOUT, SandboxHTTPServer
from ._sandbox_controls import WriteControls

if TYPE_CHECKING:
    # Only for annotations: the SDK and httpx2 are imported lazily, so `import
    # waycore.testing` stays standard-library only.
    import httpx2

    from waycore import AsyncWaycore, Waycore

__all__ = ["Sandbox"]


class Sandbox(WriteControls):
    """An in-memory Waycore API server for tests, examples and local development.

    It serves the resources of ``openapi/waycore.yaml`` under ``/v1`` on a local port, from
    a background daemon thread, using only the standard library; or in-process, with no
    socket and no thread, through ``client(in_process=True)``. State changes are
    driven by requests, never by timers::

        with Sandbox() as sandbox:
            client = sandbox.client()
            ...

        client = Sandbox().client(in_process=True)   # no start() needed

    Lifecycle of a connection: ``POST /connections`` creates it as ``kind="setup"`` /
    ``draft``; ``PUT .../credentials`` stores credentials; ``PUT .../setupCompletion``
    turns it into ``kind="ready"`` / ``pendingActivation``; the next ``activation_polls``
    reads of it (``GET`` one, or appearing in a list) still show ``pendingActivation``, every
    later one shows ``active``. ``PUT .../sync`` answers 202 and sets ``syncStatus`` to
    ``syncing``; the next read still shows ``syncing``, later ones ``idle`` with
    ``lastSyncedAt`` set. Lists are newest first, as the spec says. A connection that becomes
    ``active`` gets accounts, 30 days of balances and transactions; each completed sync adds,
    posts and removes a few, and ``GET /transactions/sync`` reports exactly those changes.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        api_key: str | None = None,
        activation_polls: int = 1,
        max_recorded_requests: int = DEFAULT_MAX_RECORDED_REQUESTS,
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        delivery_retry_delays: Sequence[float] | None = None,
        delivery_timeout: float | None = None,
    ) -> None:
        """Configure (not start) a sandbox.

        ``port=0`` picks a free port. ``api_key`` defaults to ``"way_test_sandbox_"`` plus
        random hex. ``activation_polls`` is how many reads still see ``pendingActivation``
        after setup completion (0: the first read already sees ``active``).
        ``max_recorded_requests`` bounds :attr:`requests` (the oldest are dropped first).
        ``max_body_size`` is the largest request body accepted, in bytes (larger ones get
        413 ``payload_too_large``). ``read_timeout`` is how many seconds the loopback server
        lets a connection stay silent (idle keep-alive, or stalled mid-request) before
        closing it. Webhook deliveries are retried after each of ``delivery_retry_delays``
        seconds (default 0.5, 2), each attempt allowed ``delivery_timeout`` seconds (2).
        """
        if activation_polls < 0:
            raise ValueError("activation_polls must be >= 0")
        if api_key is not None and not api_key:
            raise ValueError("api_key must not be empty")
        if not math.isfinite(read_timeout) or read_timeout <= 0:
            raise ValueError("read_timeout must be a finite number > 0")
        self._host = host
        self._port = port
        self._read_timeout = read_timeout
        self._api_key = api_key or "way_test_sandbox_" + secrets.token_hex(16)
        self._app = SandboxApp(
            api_key=self._api_key,
            activation_polls=activation_polls,
            max_recorded_requests=max_recorded_requests,
            max_body_size=max_body_size,
        )
        self._init_deliveries(delivery_retry_delays, delivery_timeout)
        self._server: SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._state_lock = threading.Lock()

    # -- lifetime -------------------------------------------------------------------------

    def start(self) -> Self:
        """Bind the port and serve from a daemon thread; returns ``self``."""
        with self._state_lock:
            if self._server is not None:
                raise RuntimeError("the sandbox is already running")
            server = SandboxHTTPServer(
                (self._host, self._port), self._app, read_timeout=self._read_timeout
            )
            thread = threading.Thread(
                target=server.serve_until_stopped,
                name=f"waycore-sandbox-{server.server_port}",
                daemon=True,
            )
            thread.start()
            self._server, self._thread = server, thread
        self._start_deliveries(server.server_port)
        return self

    def stop(self) -> None:
        """Stop serving, close the port and every open connection. Safe to call twice."""
        with self._state_lock:
            server, thread = self._server, self._thread
            self._server = self._thread = None
        if server is None:
            return
        self._stop_deliveries()
        server.request_stop()
        if thread is not None:
            thread.join()
        server.server_close()
        server.close_open_connections()

    def serve(self) -> None:
        """Serve until KeyboardInterrupt (or :meth:`stop` from another thread), then stop.

        Starts the sandbox first unless it is already running. For a CLI::

            sandbox = Sandbox(port=8080).start()
            print(sandbox.base_url, sandbox.api_key)
            sandbox.serve()
        """
        if self._server is None:
            self.start()
        thread = self._thread
        try:
            # join() with a timeout so Ctrl-C is delivered promptly on every platform.
            while thread is not None and thread.is_alive():
                thread.join(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def __enter__(self) -> Self:
        """Start the sandbox (unless already running) for the ``with`` block."""
        if self._server is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop the sandbox."""
        self.stop()

    def __repr__(self) -> str:
        """Show where it serves, never the API key."""
        where = self.base_url if self._server is not None else "not running"
        return f"<Sandbox {where}>"

    # -- connection details ---------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT/v1`` of the running sandbox."""
        server = self._server
        if server is None:
            raise RuntimeError("the sandbox is not running; call start() or use `with`")
        host = self._host
        if host in ("", "0.0.0.0"):  # noqa: S104 - a wildcard bind is reached via loopback
            host = "127.0.0.1"
        elif host == "::":
            host = "::1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{server.server_port}/v1"

    @property
    def port(self) -> int:
        """The bound port of the running sandbox."""
        server = self._server
        if server is None:
            raise RuntimeError("the sandbox is not running; call start() or use `with`")
        return server.server_port

    @property
    def api_key(self) -> str:
        """The one API key the sandbox accepts."""
        return self._api_key

    #: The organization's default entity, present from the start (it cannot be deleted).
    DEFAULT_ENTITY_ID: Final = _entities.DEFAULT_ENTITY_ID

    #: The base URL of in-process clients. Never resolved (the transport answers every
    #: request itself); a loopback name, so the SDK accepts plain http:// for it.
    IN_PROCESS_BASE_URL: Final = "http://sandbox.localhost/v1"

    def client(self, *, in_process: bool = False, **kwargs: Any) -> Waycore:
        """A ``waycore.Waycore`` bound to this sandbox; ``kwargs`` go to its constructor
        (``api_key=`` too, e.g. to see a wrong key refused).

        ``in_process=True`` serves it through :meth:`transport`: no socket, no thread, and
        the sandbox need not be started. Otherwise it talks to the running loopback server.
        """
        from waycore import Waycore

        kwargs.setdefault("api_key", self.api_key)
        if in_process:
            import httpx2

            _no_http_client(kwargs)
            http = httpx2.Client(transport=self.transport(), trust_env=False)
            return Waycore(base_url=self.IN_PROCESS_BASE_URL, http_client=http, **kwargs)
        return Waycore(base_url=self.base_url, **kwargs)

    def async_client(self, *, in_process: bool = False, **kwargs: Any) -> AsyncWaycore:
        """A ``waycore.AsyncWaycore`` bound to this sandbox; ``kwargs`` go to its constructor.

        ``in_process=True`` serves it through :meth:`async_transport` (see :meth:`client`).
        """
        from waycore import AsyncWaycore

        kwargs.setdefault("api_key", self.api_key)
        if in_process:
            import httpx2

            _no_http_client(kwargs)
            http = httpx2.AsyncClient(transport=self.async_transport(), trust_env=False)
            return AsyncWaycore(base_url=self.IN_PROCESS_BASE_URL, http_client=http, **kwargs)
        return AsyncWaycore(base_url=self.base_url, **kwargs)

    def transport(self) -> httpx2.MockTransport:
        """An ``httpx2.MockTransport`` answering from this sandbox, for an ``httpx2.Client``
        of your own (any base URL works; :attr:`IN_PROCESS_BASE_URL` reads well)::

            httpx2.Client(transport=sandbox.transport(), base_url=Sandbox.IN_PROCESS_BASE_URL)

        Faults behave as on loopback: ``drop`` raises ``httpx2.RemoteProtocolError``, and a
        ``delay`` longer than the request's read timeout raises ``httpx2.ReadTimeout``.
        """
        from ._in_process import sync_transport

        return sync_transport(self._app)

    def async_transport(self) -> httpx2.MockTransport:
        """Like :meth:`transport`, for an ``httpx2.AsyncClient`` (delays do not block the loop)."""
        from ._in_process import async_transport

        return async_transport(self._app)

    # -- test control ---------------------------------------------------------------------

    def set_state(
        self,
        connection_id: str,
        *,
        status: str | None = None,
        kind: Literal["setup", "ready"] | None = None,
        sync_status: str | None = None,
        error_code: str | Unset | None = UNSET,
        error_message: str | Unset | None = UNSET,
        last_synced_at: datetime | Unset | None = UNSET,
        metadata: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Force a connection into a state and return it as the API would render it.

        ``kind="ready"`` finishes onboarding (drops ``setup``); a ready connection cannot go
        back to ``"setup"``. Setting ``status`` or ``sync_status`` cancels a pending
        activation or sync. Any string is accepted for ``status``/``sync_status`` so tests
        can send values the SDK does not know yet (such responses are deliberately outside
        the spec). Raises ``KeyError`` for an unknown id, ``ValueError`` for an impossible
        change. This does not count as a read.
        """
        with self._app.lock:
            store = self._app.state(_connections.resource)
            if connection_id not in store:
                raise KeyError(connection_id)
            return store.set_state(
                connection_id,
                status=status,
                kind=kind,
                sync_status=sync_status,
                error_code=error_code,
                error_message=error_message,
                last_synced_at=last_synced_at,
                metadata=metadata,
            )

    def peek(self, connection_id: str) -> dict[str, Any]:
        """A connection as the API would render it, without counting as a read."""
        with self._app.lock:
            store = self._app.state(_connections.resource)
            if connection_id not in store:
                raise KeyError(connection_id)
            return store.peek(connection_id)

    def inject_fault(
        self,
        *,
        status: int | None = None,
        retry_after: str | None = None,
        count: int = 1,
        path: str | None = None,
        method: str | None = None,
        body: object = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        delay: float | None = None,
        drop: bool = False,
    ) -> None:
        """Make the next ``count`` matching requests misbehave.

        - ``status``: answer with it instead of handling the request; the body is the API's
          JSON error unless ``body`` is given (``str``/``bytes`` are sent as-is, as
          ``text/plain`` unless ``content_type`` says otherwise; anything else as JSON).
          ``retry_after`` and ``headers`` are added to the response.
        - ``delay``: sleep that many (real) seconds first, then answer as usual (or with
          ``status``).
        - ``drop``: close the connection without any response.

        ``path`` limits the fault to one path, given in full (``"/v1/connections"``) or under
        the base URL (``"/connections"``); ``method`` to one HTTP method. Faults are checked in
        the order they were injected, before authentication, and every faulted request is
        still recorded in :attr:`requests`.
        """
        if count < 1:
            raise ValueError("count must be >= 1")
        if status is None and delay is None and not drop:
            raise ValueError("give status=, delay= or drop=True")
        if drop and status is not None:
            raise ValueError("drop=True sends no response, so it cannot have a status")
        if status is not None and not 200 <= status <= 599:
            raise ValueError("status must be from 200 to 599")
        if delay is not None and (not math.isfinite(delay) or delay < 0):
            raise ValueError("delay must be a finite number >= 0")
        if path is not None and not path.startswith("/"):
            raise ValueError("path must start with '/'")
        self._app.add_fault(
            Fault(
                remaining=count,
                status=status,
                retry_after=retry_after,
                body=body,
                content_type=content_type,
                headers=dict(headers or {}),
                delay=delay or 0.0,
                drop=drop,
                path=path,
                method=method,
            )
        )

    def expire_cursors(self) -> None:
        """Make every ``GET /transactions/sync`` cursor issued so far answer 410
        ``cursor_expired`` (as after the API's 90 days); cursors issued later work."""
        with self._app.lock:
            self._app.state(_ledger.resource).feed.expire_all()

    @property
    def requests(self) -> list[RecordedRequest]:
        """The requests received, oldest first (a copy; passwords masked).

        Only the latest ``max_recorded_requests`` (default 2000) are kept.
        """
        with self._app.lock:
            return list(self._app.requests)

    def reset(self) -> None:
        """Forget all data, pending faults and recorded requests; keep port, key and server."""
        self._app.reset()


def _no_http_client(kwargs: dict[str, Any]) -> None:
    if "http_client" in kwargs:
        raise ValueError("in_process=True brings its own http_client; use transport() instead")
