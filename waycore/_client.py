"""`Waycore` and `AsyncWaycore`: the objects users create."""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from ._base_client import AsyncAPIClient, SyncAPIClient
from .resources.connections import (
    AsyncConnections,
    AsyncConnectionsWithRawResponse,
    Connections,
    ConnectionsWithRawResponse,
)

if TYPE_CHECKING:
    from .resources.accounts import (
        Accounts,
        AccountsWithRawResponse,
        AsyncAccounts,
        AsyncAccountsWithRawResponse,
    )
    from .resources.balances import (
        AsyncBalances,
        AsyncBalancesWithRawResponse,
        Balances,
        BalancesWithRawResponse,
    )
    from .resources.entities import (
        AsyncEntities,
        AsyncEntitiesWithRawResponse,
        Entities,
        EntitiesWithRawResponse,
    )
    from .resources.institutions import (
        AsyncInstitutions,
        AsyncInstitutionsWithRawResponse,
        Institutions,
        InstitutionsWithRawResponse,
    )
    from .resources.transactions import (
        AsyncTransactions,
        AsyncTransactionsWithRawResponse,
        Transactions,
        TransactionsWithRawResponse,
    )
    from .resources.transfers import (
        AsyncTransfers,
        AsyncTransfersWithRawResponse,
        Transfers,
        TransfersWithRawResponse,
    )
    from .resources.webhooks import (
        AsyncWebhooks,
        AsyncWebhooksWithRawResponse,
        Webhooks,
        WebhooksWithRawResponse,
    )

__all__ = ["AsyncWaycore", "Waycore"]

_R = TypeVar("_R")


class _Lazy(Generic[_R]):
    """A resource built on first access, its module imported only then: `import waycore`
    should not pay for the seven resources (and their models) a program may never use."""

    def __init__(self, module: str, name: str) -> None:
        self._module = f"{__package__}.resources.{module}"
        self._name = name

    def __set_name__(self, owner: type, attribute: str) -> None:
        self._attribute = attribute

    @overload
    def __get__(self, instance: None, owner: type) -> _Lazy[_R]: ...
    @overload
    def __get__(self, instance: object, owner: type) -> _R: ...
    def __get__(self, instance: object | None, owner: type) -> _Lazy[_R] | _R:
        if instance is None:
            return self
        cls = getattr(importlib.import_module(self._module), self._name)
        # The raw-response views wrap the client's own resource; resources wrap the client.
        source: Any = getattr(instance, "_source", instance)
        wrapped = getattr(source, self._attribute) if source is not instance else instance
        value: _R = cls(wrapped)
        instance.__dict__[self._attribute] = value  # later reads skip the descriptor
        return value


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
    entities: _Lazy[Entities] = _Lazy("entities", "Entities")
    institutions: _Lazy[Institutions] = _Lazy("institutions", "Institutions")
    accounts: _Lazy[Accounts] = _Lazy("accounts", "Accounts")
    balances: _Lazy[Balances] = _Lazy("balances", "Balances")
    transactions: _Lazy[Transactions] = _Lazy("transactions", "Transactions")
    transfers: _Lazy[Transfers] = _Lazy("transfers", "Transfers")
    webhooks: _Lazy[Webhooks] = _Lazy("webhooks", "Webhooks")

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
    entities: _Lazy[AsyncEntities] = _Lazy("entities", "AsyncEntities")
    institutions: _Lazy[AsyncInstitutions] = _Lazy("institutions", "AsyncInstitutions")
    accounts: _Lazy[AsyncAccounts] = _Lazy("accounts", "AsyncAccounts")
    balances: _Lazy[AsyncBalances] = _Lazy("balances", "AsyncBalances")
    transactions: _Lazy[AsyncTransactions] = _Lazy("transactions", "AsyncTransactions")
    transfers: _Lazy[AsyncTransfers] = _Lazy("transfers", "AsyncTransfers")
    webhooks: _Lazy[AsyncWebhooks] = _Lazy("webhooks", "AsyncWebhooks")

    def _init_resources(self) -> None:
        self.connections = AsyncConnections(self)

    @functools.cached_property
    def with_raw_response(self) -> AsyncWaycoreWithRawResponse:
        """The same methods, returning `waycore.APIResponse` when awaited."""
        return AsyncWaycoreWithRawResponse(self)


class WaycoreWithRawResponse:
    """`client.with_raw_response`: every resource, its methods returning `APIResponse`."""

    connections: ConnectionsWithRawResponse
    entities: _Lazy[EntitiesWithRawResponse] = _Lazy("entities", "EntitiesWithRawResponse")
    institutions: _Lazy[InstitutionsWithRawResponse] = _Lazy(
        "institutions", "InstitutionsWithRawResponse"
    )
    accounts: _Lazy[AccountsWithRawResponse] = _Lazy("accounts", "AccountsWithRawResponse")
    balances: _Lazy[BalancesWithRawResponse] = _Lazy("balances", "BalancesWithRawResponse")
    transactions: _Lazy[TransactionsWithRawResponse] = _Lazy(
        "transactions", "TransactionsWithRawResponse"
    )
    transfers: _Lazy[TransfersWithRawResponse] = _Lazy("transfers", "TransfersWithRawResponse")
    webhooks: _Lazy[WebhooksWithRawResponse] = _Lazy("webhooks", "WebhooksWithRawResponse")

    def __init__(self, client: Waycore) -> None:
        self._source = client
        self.connections = ConnectionsWithRawResponse(client.connections)


class AsyncWaycoreWithRawResponse:
    """`aclient.with_raw_response`: every resource, its methods returning `APIResponse`."""

    connections: AsyncConnectionsWithRawResponse
    entities: _Lazy[AsyncEntitiesWithRawResponse] = _Lazy(
        "entities", "AsyncEntitiesWithRawResponse"
    )
    institutions: _Lazy[AsyncInstitutionsWithRawResponse] = _Lazy(
        "institutions", "AsyncInstitutionsWithRawResponse"
    )
    accounts: _Lazy[AsyncAccountsWithRawResponse] = _Lazy(
        "accounts", "AsyncAccountsWithRawResponse"
    )
    balances: _Lazy[AsyncBalancesWithRawResponse] = _Lazy(
        "balances", "AsyncBalancesWithRawResponse"
    )
    transactions: _Lazy[AsyncTransactionsWithRawResponse] = _Lazy(
        "transactions", "AsyncTransactionsWithRawResponse"
    )
    transfers: _Lazy[AsyncTransfersWithRawResponse] = _Lazy(
        "transfers", "AsyncTransfersWithRawResponse"
    )
    webhooks: _Lazy[AsyncWebhooksWithRawResponse] = _Lazy(
        "webhooks", "AsyncWebhooksWithRawResponse"
    )

    def __init__(self, client: AsyncWaycore) -> None:
        self._source = client
        self.connections = AsyncConnectionsWithRawResponse(client.connections)
