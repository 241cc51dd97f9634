"""`Waycore` and `AsyncWaycore`: the objects users create."""

from __future__ import annotations

import functools

from ._base_client import AsyncAPIClient, SyncAPIClient
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
from .resources.connections import (
    AsyncConnections,
    AsyncConnectionsWithRawResponse,
    Connections,
    ConnectionsWithRawResponse,
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
    entities: Entities
    institutions: Institutions
    accounts: Accounts
    balances: Balances
    transactions: Transactions
    transfers: Transfers
    webhooks: Webhooks

    def _init_resources(self) -> None:
        self.connections = Connections(self)
        self.entities = Entities(self)
        self.institutions = Institutions(self)
        self.accounts = Accounts(self)
        self.balances = Balances(self)
        self.transactions = Transactions(self)
        self.transfers = Transfers(self)
        self.webhooks = Webhooks(self)

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
    entities: AsyncEntities
    institutions: AsyncInstitutions
    accounts: AsyncAccounts
    balances: AsyncBalances
    transactions: AsyncTransactions
    transfers: AsyncTransfers
    webhooks: AsyncWebhooks

    def _init_resources(self) -> None:
        self.connections = AsyncConnections(self)
        self.entities = AsyncEntities(self)
        self.institutions = AsyncInstitutions(self)
        self.accounts = AsyncAccounts(self)
        self.balances = AsyncBalances(self)
        self.transactions = AsyncTransactions(self)
        self.transfers = AsyncTransfers(self)
        self.webhooks = AsyncWebhooks(self)

    @functools.cached_property
    def with_raw_response(self) -> AsyncWaycoreWithRawResponse:
        """The same methods, returning `waycore.APIResponse` when awaited."""
        return AsyncWaycoreWithRawResponse(self)


class WaycoreWithRawResponse:
    """`client.with_raw_response`: every resource, its methods returning `APIResponse`."""

    def __init__(self, client: Waycore) -> None:
        self.connections = ConnectionsWithRawResponse(client.connections)
        self.entities = EntitiesWithRawResponse(client.entities)
        self.institutions = InstitutionsWithRawResponse(client.institutions)
        self.accounts = AccountsWithRawResponse(client.accounts)
        self.balances = BalancesWithRawResponse(client.balances)
        self.transactions = TransactionsWithRawResponse(client.transactions)
        self.transfers = TransfersWithRawResponse(client.transfers)
        self.webhooks = WebhooksWithRawResponse(client.webhooks)


class AsyncWaycoreWithRawResponse:
    """`aclient.with_raw_response`: every resource, its methods returning `APIResponse`."""

    def __init__(self, client: AsyncWaycore) -> None:
        self.connections = AsyncConnectionsWithRawResponse(client.connections)
        self.entities = AsyncEntitiesWithRawResponse(client.entities)
        self.institutions = AsyncInstitutionsWithRawResponse(client.institutions)
        self.accounts = AsyncAccountsWithRawResponse(client.accounts)
        self.balances = AsyncBalancesWithRawResponse(client.balances)
        self.transactions = AsyncTransactionsWithRawResponse(client.transactions)
        self.transfers = AsyncTransfersWithRawResponse(client.transfers)
        self.webhooks = AsyncWebhooksWithRawResponse(client.webhooks)
