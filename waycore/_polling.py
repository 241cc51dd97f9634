"""`wait_until_ready` without I/O, shared by the sync and async clients.

`wait_steps()` is a generator: it yields a `Poll` when it wants the connection fetched (the
client sends back the fetched connection, or the `APIError` the fetch raised) or a float of
seconds to sleep (the client sends back `None`). It returns the ready connection or raises.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import NamedTuple

import httpx2

from . import _validation as check
from ._attempts import cut_by_deadline
from ._constants import MAX_POLL_INTERVAL, POLL_BACKOFF
from ._exceptions import APIError, ConnectionStateError, WaitTimeoutError
from .types.connection import Connection, ReadyConnection
from .types.enums import ConnectionStatus

# States waiting cannot fix: someone has to act (re-authenticate) or access is gone.
_HOPELESS = frozenset({ConnectionStatus.REVOKED, ConnectionStatus.REAUTH_REQUIRED})


class Poll(NamedTuple):
    """Fetch the connection with this timeout, the whole fetch (retries included) ending
    within `deadline` seconds."""

    timeout: httpx2.Timeout
    deadline: float


WaitStep = Poll | float


def is_ready(connection: Connection) -> bool:
    """Ready means `kind="ready"` and `status="active"`."""
    return isinstance(connection, ReadyConnection) and connection.status == ConnectionStatus.ACTIVE


def is_hopeless(connection: Connection) -> bool:
    return getattr(connection, "status", None) in _HOPELESS


def next_interval(current: float) -> float:
    """Each wait is 1.5× the previous one, capped at 60 s."""
    return min(current * POLL_BACKOFF, MAX_POLL_INTERVAL)


def request_timeout(client_timeout: httpx2.Timeout, remaining: float) -> httpx2.Timeout:
    """The client's timeout, shortened so a poll does not outlive the caller's deadline."""
    seconds = max(remaining, 0.1)  # a floor, so the last poll can still be sent
    if (client_timeout.read or 0.0) <= seconds:
        return client_timeout
    return httpx2.Timeout(seconds)


def _describe(connection: Connection) -> str:
    status = getattr(connection, "status", None)
    return f"connection {connection.id} is kind={connection.kind!r}, status={status!r}"


def wait_steps(
    *,
    timeout: object,
    poll_interval: object,
    client_timeout: httpx2.Timeout,
    clock: Callable[[], float],
) -> Generator[WaitStep, Connection | APIError | None, ReadyConnection]:
    """Poll, back off and decide; see the module docstring for the protocol."""
    total = check.positive_seconds(timeout, "timeout")
    interval = check.positive_seconds(poll_interval, "poll_interval")
    deadline = clock() + total
    last: Connection | None = None
    while True:
        remaining = deadline - clock()
        outcome = yield Poll(request_timeout(client_timeout, remaining), max(remaining, 0.1))
        if isinstance(outcome, APIError):
            if clock() >= deadline or cut_by_deadline(outcome):
                # The poll's own retries ran into the deadline: that is the wait timing out.
                raise WaitTimeoutError(
                    f"connection not ready after waiting {total:g} s (the last poll failed: "
                    f"{type(outcome).__name__})",
                    connection=last,
                ) from outcome
            raise outcome
        connection = last = outcome
        assert connection is not None
        if is_ready(connection):
            assert isinstance(connection, ReadyConnection)
            return connection
        if is_hopeless(connection):
            raise ConnectionStateError(
                f"{_describe(connection)}: waiting cannot make it ready", connection=connection
            )
        remaining = deadline - clock()
        if remaining <= 0:
            raise WaitTimeoutError(
                f"{_describe(connection)} after waiting {total:g} s", connection=connection
            )
        yield min(interval, remaining)
        interval = next_interval(interval)
