"""`Waycore` and `AsyncWaycore`: the objects users create."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._constants import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._types import TimeoutTypes
from .resources.connections import AsyncConnections, Connections

__all__ = ["AsyncWaycore", "Waycore"]


class Waycore(SyncAPIClient):
    """The Waycore API client. Thread-safe; reuse one instance (it pools connections).

    Args:
        api_key: defaults to `$WAYCORE_API_KEY`; missing raises `WaycoreError`.
        base_url: defaults to `$WAYCORE_BASE_URL`, then `https://api.waycore.com/v1`.
            Plain `http://` is refused except for loopback hosts.
        timeout: seconds (or an `httpx.Timeout`) per request; there is always one.
        max_retries: retries on connection errors, timeouts, 408, 429 and 5xx.
        http_client: an `httpx.Client` of your own (proxies, custom TLS); the SDK still sets
            auth and never closes it.
        default_headers: extra headers sent with every request.

    Example::

        with waycore.Waycore() as client:
            conn = client.connections.retrieve("conn_123")
    """

    connections: Connections

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
        )

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

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
        )

    def _init_resources(self) -> None:
        self.connections = AsyncConnections(self)
