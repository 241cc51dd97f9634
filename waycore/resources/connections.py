"""`client.connections`: create, read, list, onboard and sync bank connections."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Unpack

import httpx2

from .._constants import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT
from .._exceptions import APIError
from .._models import parser_for
from .._operation import RequestOptions
from .._pagination import AsyncPager, Page, Pager, page_parser
from .._polling import WaitStep, wait_steps
from .._raw import async_to_raw, async_to_raw_page, to_raw, to_raw_page
from .._response import ignore_body, json_parser, optional_json_parser
from ..types.connection import Connection, ReadyConnection
from ..types.enums import ConnectionStatus
from . import _connection_calls as calls

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncConnections", "Connections"]

_parse_connection: Callable[[object], Connection] = parser_for(Connection)
_connection = json_parser(_parse_connection)
_optional_connection = optional_json_parser(_parse_connection)
_page: Callable[[httpx2.Response], Page[Connection]] = json_parser(page_parser(Connection))


class Connections:
    """Connections: the link between one entity and one bank portal.

    The onboarding flow::

        conn = client.connections.create(entity_id=entity_id, institution_id="chase")
        if isinstance(conn, waycore.SetupConnection):
            show(conn.setup.instructions)            # the end user creates the delegated user
            client.connections.update_credentials(conn.id, bank_username=u, password=p)
            client.connections.complete_setup(conn.id)
        ready = client.connections.wait_until_ready(conn.id, timeout=8 * 3600)

    Every method also takes `timeout=`, `deadline=`, `extra_headers=`, `extra_query=` and
    `extra_body=` (see `waycore.RequestOptions`).
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        *,
        entity_id: str | uuid.UUID,
        institution_id: str | None = None,
        portal_url: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Connection:
        """Create a connection, or return the entity's existing one for that bank.

        Give `institution_id` (a catalog slug such as `"chase"`), `portal_url` (an https
        login-portal URL, for a bank not in the catalog) or both. A new connection usually
        comes back as a `SetupConnection` whose `setup.instructions` the end user needs.
        Retrying is safe: the API creates or returns.
        """
        call = calls.create(
            entity_id=entity_id, institution_id=institution_id, portal_url=portal_url
        )
        return self._client._request(call, _connection, options)

    def retrieve(self, connection_id: str, **options: Unpack[RequestOptions]) -> Connection:
        """Fetch one connection. Raises `NotFoundError` if it is missing or not visible."""
        return self._client._request(calls.retrieve(connection_id), _connection, options)

    def list(
        self,
        *,
        entity_id: str | uuid.UUID | None = None,
        institution_id: str | None = None,
        status: ConnectionStatus | str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Pager[Connection]:
        """Every matching connection, fetched lazily page by page (`limit` per page, 1–500).

        Arguments are checked now; nothing is sent until you iterate::

            for conn in client.connections.list(status="active"):
                ...
        """
        filters = calls.list_filters(
            entity_id=entity_id, institution_id=institution_id, status=status, limit=limit
        )

        def fetch(cursor: str | None) -> Page[Connection]:
            return self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return Pager(fetch)

    def update_credentials(
        self,
        connection_id: str,
        *,
        bank_username: str | None = None,
        bank_customer_id: str | None = None,
        password: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Connection:
        """Hand over the delegated user's bank credentials (the password is never logged)."""
        call = calls.update_credentials(
            connection_id,
            bank_username=bank_username,
            bank_customer_id=bank_customer_id,
            password=password,
        )
        return self._client._request(call, _connection, options)

    def complete_setup(
        self, connection_id: str, **options: Unpack[RequestOptions]
    ) -> Connection | None:
        """Tell Waycore the bank-side setup is done.

        Returns the connection, or `None` when the API answers with an empty 2xx.
        """
        call = calls.complete_setup(connection_id)
        return self._client._request(call, _optional_connection, options)

    def sync(self, connection_id: str, **options: Unpack[RequestOptions]) -> None:
        """Queue a sync (the API answers 202). Raises `ConflictError` if one is running."""
        return self._client._request(calls.sync(connection_id), ignore_body, options)

    def wait_until_ready(
        self,
        connection_id: str,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
    ) -> ReadyConnection:
        """Poll until the connection is `kind="ready"` and `status="active"`, and return it.

        Waits `poll_interval` seconds first, then 1.5× longer each time (at most 60 s), never
        past `timeout` seconds in all (each poll's own retries included). Raises
        `ConnectionStateError` at once if the connection is `revoked` or `reauthRequired`,
        and `WaitTimeoutError` past the deadline.
        """
        client = self._client
        steps = wait_steps(
            timeout=timeout,
            poll_interval=poll_interval,
            client_timeout=client.timeout,
            clock=client._clock,
        )
        step: WaitStep = next(steps)
        try:
            while True:
                if isinstance(step, float):
                    client._sleep(step)
                    step = steps.send(None)
                    continue
                try:
                    polled: Connection | APIError = self.retrieve(
                        connection_id, timeout=step.timeout, deadline=step.deadline
                    )
                except APIError as exc:
                    polled = exc
                step = steps.send(polled)
        except StopIteration as done:
            ready: ReadyConnection = done.value
        return ready


class AsyncConnections:
    """Connections, awaitable. See `Connections` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(
        self,
        *,
        entity_id: str | uuid.UUID,
        institution_id: str | None = None,
        portal_url: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Connection:
        """Create a connection, or return the entity's existing one for that bank."""
        call = calls.create(
            entity_id=entity_id, institution_id=institution_id, portal_url=portal_url
        )
        return await self._client._request(call, _connection, options)

    async def retrieve(self, connection_id: str, **options: Unpack[RequestOptions]) -> Connection:
        """Fetch one connection. Raises `NotFoundError` if it is missing or not visible."""
        return await self._client._request(calls.retrieve(connection_id), _connection, options)

    def list(
        self,
        *,
        entity_id: str | uuid.UUID | None = None,
        institution_id: str | None = None,
        status: ConnectionStatus | str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Connection]:
        """Every matching connection, fetched lazily: `async for conn in ....list(...)`."""
        filters = calls.list_filters(
            entity_id=entity_id, institution_id=institution_id, status=status, limit=limit
        )

        async def fetch(cursor: str | None) -> Page[Connection]:
            return await self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return AsyncPager(fetch)

    async def update_credentials(
        self,
        connection_id: str,
        *,
        bank_username: str | None = None,
        bank_customer_id: str | None = None,
        password: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Connection:
        """Hand over the delegated user's bank credentials (the password is never logged)."""
        call = calls.update_credentials(
            connection_id,
            bank_username=bank_username,
            bank_customer_id=bank_customer_id,
            password=password,
        )
        return await self._client._request(call, _connection, options)

    async def complete_setup(
        self, connection_id: str, **options: Unpack[RequestOptions]
    ) -> Connection | None:
        """Tell Waycore the bank-side setup is done; `None` for an empty 2xx answer."""
        call = calls.complete_setup(connection_id)
        return await self._client._request(call, _optional_connection, options)

    async def sync(self, connection_id: str, **options: Unpack[RequestOptions]) -> None:
        """Queue a sync (202). Raises `ConflictError` if one is already running."""
        return await self._client._request(calls.sync(connection_id), ignore_body, options)

    async def wait_until_ready(
        self,
        connection_id: str,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
    ) -> ReadyConnection:
        """Poll until ready and active; see `Connections.wait_until_ready`."""
        client = self._client
        steps = wait_steps(
            timeout=timeout,
            poll_interval=poll_interval,
            client_timeout=client.timeout,
            clock=client._clock,
        )
        step: WaitStep = next(steps)
        try:
            while True:
                if isinstance(step, float):
                    await client._sleep(step)
                    step = steps.send(None)
                    continue
                try:
                    polled: Connection | APIError = await self.retrieve(
                        connection_id, timeout=step.timeout, deadline=step.deadline
                    )
                except APIError as exc:
                    polled = exc
                step = steps.send(polled)
        except StopIteration as done:
            ready: ReadyConnection = done.value
        return ready


class ConnectionsWithRawResponse:
    """`client.with_raw_response.connections`: each method returns an `APIResponse`."""

    def __init__(self, connections: Connections) -> None:
        self.create = to_raw(connections.create)
        self.retrieve = to_raw(connections.retrieve)
        self.list = to_raw_page(connections.list)
        self.update_credentials = to_raw(connections.update_credentials)
        self.complete_setup = to_raw(connections.complete_setup)
        self.sync = to_raw(connections.sync)


class AsyncConnectionsWithRawResponse:
    """`aclient.with_raw_response.connections`: each method returns an `APIResponse`."""

    def __init__(self, connections: AsyncConnections) -> None:
        self.create = async_to_raw(connections.create)
        self.retrieve = async_to_raw(connections.retrieve)
        self.list = async_to_raw_page(connections.list)
        self.update_credentials = async_to_raw(connections.update_credentials)
        self.complete_setup = async_to_raw(connections.complete_setup)
        self.sync = async_to_raw(connections.sync)
