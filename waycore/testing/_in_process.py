"""Serve a :class:`SandboxApp` in-process through ``httpx2.MockTransport``: no socket, no thread.

Imported only when an in-process client or transport is asked for, so ``import
waycore.testing`` stays standard-library only.
"""

from __future__ import annotations

import asyncio
import time

import httpx2

from ._app import Exchange, SandboxApp
from ._common import Reply

__all__ = ["async_transport", "sync_transport"]


def sync_transport(app: SandboxApp) -> httpx2.MockTransport:
    """A transport for ``httpx2.Client`` answering every request from ``app``."""

    def handler(request: httpx2.Request) -> httpx2.Response:
        refused = _refuse_if_too_large(app, request)
        if refused is not None:
            return refused
        exchange = _receive(app, request)
        wait, expires = _wait(exchange, request)
        if wait > 0:
            time.sleep(wait)
        return _finish(app, exchange, request, expires)

    return httpx2.MockTransport(handler)


def async_transport(app: SandboxApp) -> httpx2.MockTransport:
    """A transport for ``httpx2.AsyncClient``; a delay fault awaits without blocking the loop."""

    async def handler(request: httpx2.Request) -> httpx2.Response:
        refused = _refuse_if_too_large(app, request)
        if refused is not None:
            return refused
        exchange = _receive(app, request)
        wait, expires = _wait(exchange, request)
        if wait > 0:
            await asyncio.sleep(wait)
        return _finish(app, exchange, request, expires)

    return httpx2.MockTransport(handler)


def _target(request: httpx2.Request) -> str:
    return request.url.raw_path.decode("ascii")


def _refuse_if_too_large(app: SandboxApp, request: httpx2.Request) -> httpx2.Response | None:
    # MockTransport has already read the body; the check keeps the answer the same as the
    # loopback server's.
    if len(request.content) <= app.max_body_size:
        return None
    return _response(app.refuse_too_large(request.method, _target(request)), request)


def _receive(app: SandboxApp, request: httpx2.Request) -> Exchange:
    return app.receive(request.method, _target(request), request.headers, request.content)


def _wait(exchange: Exchange, request: httpx2.Request) -> tuple[float, bool]:
    """How long to wait, and whether the client's read timeout expires first.

    A socket would time out while the server sleeps; a MockTransport ignores timeouts, so
    this plays the client's part to keep ``inject_fault(delay=...)`` meaningful.
    """
    timeouts = request.extensions.get("timeout", {})
    read_timeout = timeouts.get("read") if isinstance(timeouts, dict) else None
    delay = exchange.delay
    if read_timeout is not None and delay > read_timeout:
        return float(read_timeout), True
    return delay, False


def _finish(
    app: SandboxApp, exchange: Exchange, request: httpx2.Request, expired: bool
) -> httpx2.Response:
    if expired:
        raise httpx2.ReadTimeout("The sandbox did not answer within the timeout.", request=request)
    if exchange.drop:
        # What httpx2 raises when a real server hangs up without answering.
        raise httpx2.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )
    return _response(app.respond(exchange), request)


def _response(reply: Reply, request: httpx2.Request) -> httpx2.Response:
    body = b"" if request.method == "HEAD" else reply.body
    return httpx2.Response(reply.status, headers=reply.header_list(), content=body, request=request)
