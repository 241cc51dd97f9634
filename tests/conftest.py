"""Shared fixtures: sync/async clients over `httpx2.MockTransport` with sleep and clock faked.

`api` is parametrized over the two clients, so one test body covers both::

    def test_x(api, ready_payload):
        client = api.client(lambda request: httpx2.Response(200, json=ready_payload()))
        conn = api.run(client.connections.retrieve("conn_1"))   # a value, or a coroutine

`api.sleeps` records every sleep the client asked for; each sleep advances `api.now`, the
fake clock the client reads. Nothing here sleeps for real or reaches the network.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Callable, Iterator
from typing import Any

import httpx2
import pytest

import waycore
from waycore import _logging

TEST_KEY = "way_test_key0_secret"
TEST_BASE_URL = "https://api.test.example/v1"
ENTITY_ID = "3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f"

Handler = Callable[[httpx2.Request], Any]


class Harness:
    """Builds clients of one flavour (sync or async) and runs their calls."""

    def __init__(self, is_async: bool) -> None:
        self.is_async = is_async
        self.sleeps: list[float] = []
        self.now = 1_000.0
        self._runner: asyncio.Runner | None = None
        self._http: list[httpx2.Client | httpx2.AsyncClient] = []

    # The fakes installed on every client.
    def clock(self) -> float:
        return self.now

    def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def _async_sleep(self, seconds: float) -> None:
        self._sleep(seconds)

    def install_fakes(self, client: waycore.Waycore | waycore.AsyncWaycore) -> None:
        client._sleep = self._async_sleep if self.is_async else self._sleep  # type: ignore[assignment]
        client._clock = self.clock

    def http_client(self, handler: Handler) -> httpx2.Client | httpx2.AsyncClient:
        transport = httpx2.MockTransport(handler)
        http: httpx2.Client | httpx2.AsyncClient = (
            httpx2.AsyncClient(transport=transport)
            if self.is_async
            else httpx2.Client(transport=transport)
        )
        self._http.append(http)
        return http

    def client(self, handler: Handler, api_key: str | None = TEST_KEY, **kwargs: Any) -> Any:
        """A `Waycore` or `AsyncWaycore` sending through `handler`, with fake sleep/clock."""
        kwargs.setdefault("base_url", TEST_BASE_URL)
        kwargs.setdefault("http_client", self.http_client(handler))
        cls = waycore.AsyncWaycore if self.is_async else waycore.Waycore
        client = cls(api_key, **kwargs)
        self.install_fakes(client)
        return client

    def run(self, value: Any) -> Any:
        """The value itself, or the awaited result of a coroutine (async client)."""
        if inspect.isawaitable(value):
            if self._runner is None:
                self._runner = asyncio.Runner()
            return self._runner.run(_await(value))
        return value

    def collect(self, pager: Any) -> list[Any]:
        """Every item of a `list()` pager."""
        if self.is_async:
            return self.run(_collect_async(pager))
        return list(pager)

    def pages(self, pager: Any) -> list[Any]:
        """Every page of a `list()` pager."""
        if self.is_async:
            return self.run(_collect_async(pager.pages()))
        return list(pager.pages())

    def close(self) -> None:
        for http in self._http:
            if isinstance(http, httpx2.AsyncClient):
                self.run(http.aclose())
            else:
                http.close()
        if self._runner is not None:
            self._runner.close()


async def _await(value: Any) -> Any:
    return await value


async def _collect_async(iterable: Any) -> list[Any]:
    return [item async for item in iterable]


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest) -> Iterator[Harness]:
    """A `Harness` for `Waycore` and then for `AsyncWaycore`."""
    harness = Harness(is_async=request.param == "async")
    yield harness
    harness.close()


@pytest.fixture
def sync_api() -> Iterator[Harness]:
    """A `Harness` for the sync client only (threads, sync-only behaviour)."""
    harness = Harness(is_async=False)
    yield harness
    harness.close()


class Recorder:
    """A MockTransport handler that records requests and answers from a script.

    Each answer is an `httpx2.Response`, an exception to raise, or a callable taking the
    request; the last one repeats once the script runs out.
    """

    def __init__(self, *answers: Any) -> None:
        assert answers
        self.answers = list(answers)
        self.requests: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        answer = self.answers[min(len(self.requests), len(self.answers)) - 1]
        if isinstance(answer, BaseException):
            raise answer
        if isinstance(answer, httpx2.Response):
            # A fresh copy each time: a response object should not be returned twice.
            return httpx2.Response(
                answer.status_code, headers=answer.headers, content=answer.content
            )
        return answer(request)

    @property
    def calls(self) -> int:
        return len(self.requests)


@pytest.fixture
def recorder() -> type[Recorder]:
    """The `Recorder` class: `handler = recorder(httpx2.Response(200, json=...))`."""
    return Recorder


def _ready(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": "conn_123",
        "entityId": ENTITY_ID,
        "institutionId": "chase",
        "status": "active",
        "syncStatus": "idle",
        "createdAt": "2024-05-01T12:00:00Z",
        "updatedAt": "2024-05-02T08:30:00+02:00",
        "kind": "ready",
    }
    payload.update(overrides)
    return payload


def _setup(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": "conn_456",
        "entityId": ENTITY_ID,
        "institutionId": None,
        "status": "draft",
        "createdAt": "2024-05-01T12:00:00Z",
        "updatedAt": "2024-05-01T12:00:00Z",
        "kind": "setup",
        "portalUrl": "https://portal.bank.example/login",
        "setup": {
            "status": "awaitingDelegatedUserCreation",
            "instructions": {
                "firstName": "Way",
                "lastName": "Core",
                "email": None,
                "emailProvisioningStatus": "pending",
            },
            "credentialsPresent": False,
            "actionRequiredBy": "endUser",
            "nextAction": "createDelegatedUser",
        },
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def ready_payload() -> Callable[..., dict[str, Any]]:
    """Builds a valid `kind="ready"` ConnectionResource (wire format); kwargs override keys."""
    return _ready


@pytest.fixture
def setup_payload() -> Callable[..., dict[str, Any]]:
    """Builds a valid `kind="setup"` ConnectionResource (wire format); kwargs override keys."""
    return _setup


@pytest.fixture
def entity_id() -> str:
    return ENTITY_ID


@pytest.fixture
def waycore_log_debug(monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    """Sets `WAYCORE_LOG=debug` for clients built in the test, then restores the `waycore`
    logger (level, handlers) so no logging configuration leaks into other tests."""
    logger = logging.getLogger("waycore")
    level, handlers, installed = logger.level, list(logger.handlers), _logging._handler
    monkeypatch.setenv("WAYCORE_LOG", "debug")
    yield logger
    logger.setLevel(level)
    logger.handlers[:] = handlers
    _logging._handler = installed
