"""`Waycore` and `AsyncWaycore`: the objects users create."""

from __future__ import annotations

from ._base_client import AsyncAPIClient, SyncAPIClient
from .resources.connections import AsyncConnections, Connections

__all__ = ["AsyncWaycore", "Waycore"]


class Waycore(SyncAPIClient):
    """The Waycore API client. Thread-safe; reuse one instance (it pools connections).

    Args:
        api_key: defaults to `$WAYCORE_API_KEY`; missing raises `WaycoreError`.
        base_url: defaults to `$WAYCORE_BASE_URL`, then `https://api.waycore.com/v1`.
            Plain `http://` is refused except for loopback hosts.
        timeout: seconds (or an `httpx2.Timeout`) per request; there is always one.
        max_retries: retries on connection errors, timeouts, 408, 429 and 5xx.
        http_client: an `httpx2.Client` of your own (proxies, custom TLS); the SDK still sets
            auth and never closes it.
        default_headers: extra headers sent with every request.

    Example::

        with waycore.Waycore() as client:
            conn = client.connections.retrieve("conn_123")
    """

    connections: Connections

    def _init_resources(self) -> None:
        self.connections = Connections(self)


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
