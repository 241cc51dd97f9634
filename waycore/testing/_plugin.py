"""pytest fixtures for code that uses waycore: ``waycore_sandbox`` and ``waycore_client``.

Registered through the ``pytest11`` entry point, so installing waycore is enough::

    def test_create(waycore_client):
        assert waycore_client.connections.create(entity_id=..., institution_id="chase").id

Loading this plugin starts nothing: the sandbox starts when a test first asks for one of the
fixtures, serves the whole session from then on, and is reset before every test that uses it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import httpx2

    from waycore import Waycore

    from ._sandbox import Sandbox

__all__ = ["waycore_client", "waycore_sandbox"]


@pytest.fixture(scope="session")
def _waycore_session_sandbox() -> Iterator[Sandbox]:
    # One server per session: starting one per test would cost a port and a thread each.
    from ._sandbox import Sandbox

    with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture(scope="session")
def _waycore_session_http() -> Iterator[httpx2.Client]:
    # One connection pool per session: building an httpx2 client costs tens of
    # milliseconds (its TLS context), too much to pay in every test.
    import httpx2

    with httpx2.Client(trust_env=False) as http:
        yield http


@pytest.fixture
def waycore_sandbox(_waycore_session_sandbox: Sandbox) -> Sandbox:
    """A running :class:`~waycore.testing.Sandbox`, shared by the session and reset (no data,
    no faults, no recorded requests) before each test that uses it."""
    _waycore_session_sandbox.reset()
    return _waycore_session_sandbox


@pytest.fixture
def waycore_client(
    waycore_sandbox: Sandbox, _waycore_session_http: httpx2.Client
) -> Iterator[Waycore]:
    """A ``waycore.Waycore`` talking to :func:`waycore_sandbox` over loopback HTTP.

    Closing it (or ``with waycore_client:``) is harmless: the session's pool stays open.
    """
    with waycore_sandbox.client(http_client=_waycore_session_http) as client:
        yield client
