"""`Waycore` and `AsyncWaycore`: the objects users create."""

from __future__ import annotations

import functools

from ._base_client import AsyncAPIClient, SyncAPIClient
from .resources.connections import (
    AsyncConnections,
    AsyncConnectionsWithRawResponse,
    Connections,
    ConnectionsWithRawResponse,
)

__all__ = ["AsyncWaycore", "Waycore"]


class Waycore(SyncAPIClient):
    """The Waycore API client. Thread-safe; reuse one instance (it pools connections).

    Args:
        api_key: defaults to `$WAYCORE_API_KEY`; missing raises `WaycoreError`.
        base_url: defaults to `$WAYCORE_BASE_URL`, then `https://api.waycore.com/v1`.
            Plain `http://` is refused except for loopback hosts.
        timeout: seconds (or a `waycore.Timeout`) for each phase of a request; there is
            always one.
        max_retries: retries on connection errors, timeouts, 408, 429 and 5xx (a POST that
            is not safe to repeat only when it surely never reached the server, or on 429).
        http_client: an `httpx2.Client` of your own (proxies, custom TLS); the SDK still sets
            auth, never follows redirects and never closes it.
        default_headers: extra headers sent with every request.
        deadline: seconds bounding each whole call (retries and sleeps included); `None`
            (the default) for none.
        max_response_bytes: the largest response body read (after decompression).

    Example::

        with waycore.Waycore() as client:
            conn = client.connections.retrieve("conn_123")
    """

    connections: Connections

    def _init_resources(self) -> None:
        self.connections = Connections(self)

    @functools.cached_property
    def with_raw_response(self) -> WaycoreWithRawResponse:
        """The same methods, returning `waycore.APIResponse` (status, headers, request id,
        and `parse()` for the usual value)::

            raw = client.with_raw_response.connections.retrieve("conn_123")
            print(raw.status_code, raw.request_id)
        """
        return WaycoreWithRawResponse(self)


class AsyncWaycore(AsyncAPIClient):
    """The asyncio Waycore client: the same surface as `Waycore`, awaitable.

    Example::

        async with waycore.AsyncWaycore() as client:
            conn = await client.connections.retrieve("conn_123")
            async for conn in client.connections.list(status="active"):
                ...
    """

    connections: AsyncConnections

    def _init_resources(self) -> None:
        self.connections = AsyncConnections(self)

    @functools.cached_property
    def with_raw_response(self) -> AsyncWaycoreWithRawResponse:
        """The same methods, returning `waycore.APIResponse` when awaited."""
        return AsyncWaycoreWithRawResponse(self)


class WaycoreWithRawResponse:
    """`client.with_raw_response`: every resource, its methods returning `APIResponse`."""

    def __init__(self, client: Waycore) -> None:
        self.connections = ConnectionsWithRawResponse(client.connections)


class AsyncWaycoreWithRawResponse:
    """`aclient.with_raw_response`: every resource, its methods returning `APIResponse`."""

    def __init__(self, client: AsyncWaycore) -> None:
        self.connections = AsyncConnectionsWithRawResponse(client.connections)
