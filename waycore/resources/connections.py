"""`client.connections`: create, read, list, onboard and sync bank connections."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import httpx2

from .._constants import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT
from .._pagination import AsyncConnectionPager, ConnectionPager
from .._parsing import ConnectionPage, parse_connection, parse_connection_page
from .._polling import WaitStep, wait_steps
from .._response import ignore_body, parse_json, parse_optional_json
from .._types import NOT_GIVEN, NotGiven, TimeoutTypes
from ..types.connection import Connection, ReadyConnection
from ..types.enums import ConnectionStatus
from . import _connection_calls as calls

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient


def _connection(response: httpx2.Response) -> Connection:
    return parse_json(response, parse_connection)


def _optional_connection(response: httpx2.Response) -> Connection | None:
    return parse_optional_json(response, parse_connection)


def _page(response: httpx2.Response) -> ConnectionPage:
    return parse_json(response, parse_connection_page)


class Connections:
    """Connections: the link between one entity and one bank portal.

    The onboarding flow::

        conn = client.connections.create(entity_id=entity_id, institution_id="chase")
        if isinstance(conn, waycore.SetupConnection):
            show(conn.setup.instructions)            # the end user creates the delegated user
            client.connections.update_credentials(conn.id, bank_username=u, password=p)
            client.connections.complete_setup(conn.id)
        ready = client.connections.wait_until_ready(conn.id, timeout=8 * 3600)
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        *,
        entity_id: str | uuid.UUID,
        institution_id: str | None = None,
        portal_url: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
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
        return self._client._request(call, _connection, timeout)

    def retrieve(
        self, connection_id: str, *, timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    ) -> Connection:
        """Fetch one connection. Raises `NotFoundError` if it is missing or not visible."""
        return self._client._request(calls.retrieve(connection_id), _connection, timeout)

    def list(
        self,
        *,
        entity_id: str | uuid.UUID | None = None,
        institution_id: str | None = None,
        status: ConnectionStatus | str | None = None,
        limit: int | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> ConnectionPager:
        """Every matching connection, fetched lazily page by page (`limit` per page, 1–500).

        Arguments are checked now; nothing is sent until you iterate::

            for conn in client.connections.list(status="active"):
                ...
        """
        filters = calls.list_filters(
            entity_id=entity_id, institution_id=institution_id, status=status, limit=limit
        )

        def fetch(cursor: str | None) -> ConnectionPage:
            return self._client._request(calls.list_page(filters, cursor), _page, timeout)

        return ConnectionPager(fetch)

    def update_credentials(
        self,
        connection_id: str,
        *,
        bank_username: str | None = None,
        bank_customer_id: str | None = None,
        password: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Connection:
        """Hand over the delegated user's bank credentials (the password is never logged)."""
        call = calls.update_credentials(
            connection_id,
            bank_username=bank_username,
            bank_customer_id=bank_customer_id,
            password=password,
        )
        return self._client._request(call, _connection, timeout)

    def complete_setup(
        self, connection_id: str, *, timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    ) -> Connection | None:
        """Tell Waycore the bank-side setup is done.

        Returns the connection, or `None` when the API answers with an empty 2xx.
        """
        call = calls.complete_setup(connection_id)
        return self._client._request(call, _optional_connection, timeout)

    def sync(self, connection_id: str, *, timeout: TimeoutTypes | NotGiven = NOT_GIVEN) -> None:
        """Queue a sync (the API answers 202). Raises `ConflictError` if one is running."""
        self._client._request(calls.sync(connection_id), ignore_body, timeout)

    def wait_until_ready(
        self,
        connection_id: str,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
    ) -> ReadyConnection:
        """Poll until the connection is `kind="ready"` and `status="active"`, and return it.

        Waits `poll_interval` seconds first, then 1.5× longer each time (at most 60 s), never
        past `timeout` seconds in all. Raises `ConnectionStateError` at once if the connection
        is `revoked` or `reauthRequired`, and `WaitTimeoutError` past the deadline.
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
                else:
                    step = steps.send(self.retrieve(connection_id, timeout=step))
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
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Connection:
        """Create a connection, or return the entity's existing one for that bank."""
        call = calls.create(
            entity_id=entity_id, institution_id=institution_id, portal_url=portal_url
        )
        return await self._client._request(call, _connection, timeout)

    async def retrieve(
        self, connection_id: str, *, timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    ) -> Connection:
        """Fetch one connection. Raises `NotFoundError` if it is missing or not visible."""
        return await self._client._request(calls.retrieve(connection_id), _connection, timeout)

    def list(
        self,
        *,
        entity_id: str | uuid.UUID | None = None,
        institution_id: str | None = None,
        status: ConnectionStatus | str | None = None,
        limit: int | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> AsyncConnectionPager:
        """Every matching connection, fetched lazily: `async for conn in ....list(...)`."""
        filters = calls.list_filters(
            entity_id=entity_id, institution_id=institution_id, status=status, limit=limit
        )

        async def fetch(cursor: str | None) -> ConnectionPage:
            return await self._client._request(calls.list_page(filters, cursor), _page, timeout)

        return AsyncConnectionPager(fetch)

    async def update_credentials(
        self,
        connection_id: str,
        *,
        bank_username: str | None = None,
        bank_customer_id: str | None = None,
        password: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Connection:
        """Hand over the delegated user's bank credentials (the password is never logged)."""
        call = calls.update_credentials(
            connection_id,
            bank_username=bank_username,
            bank_customer_id=bank_customer_id,
            password=password,
        )
        return await self._client._request(call, _connection, timeout)

    async def complete_setup(
        self, connection_id: str, *, timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    ) -> Connection | None:
        """Tell Waycore the bank-side setup is done; `None` for an empty 2xx answer."""
        call = calls.complete_setup(connection_id)
        return await self._client._request(call, _optional_connection, timeout)

    async def sync(
        self, connection_id: str, *, timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    ) -> None:
        """Queue a sync (202). Raises `ConflictError` if one is already running."""
        await self._client._request(calls.sync(connection_id), ignore_body, timeout)

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
                else:
                    step = steps.send(await self.retrieve(connection_id, timeout=step))
        except StopIteration as done:
            ready: ReadyConnection = done.value
        return ready


__all__ = ["AsyncConnections", "Connections"]
