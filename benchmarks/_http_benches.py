"""Per-call, list-walk and async-throughput benchmarks against the local server."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx2
from waycore_raw.api.connections import create_connection
from waycore_raw.client import AuthenticatedClient
from waycore_raw.models.create_connection_request import CreateConnectionRequest

import waycore

from ._harness import Result, Settings, interleave_timed, rotation, timed
from ._payloads import (
    API_KEY,
    CONNECTION_ID,
    CREATE_PAYLOAD,
    DEFAULT_LIST_PAGES,
    ENTITY_ID,
    INSTITUTION_ID,
    PAGE_SIZE,
)
from ._server import ServerProcess

_AUTH = {"Authorization": f"Bearer {API_KEY}"}
_US = 1000.0


def _scaled(samples: dict[str, list[float]], divisor: float) -> dict[str, list[float]]:
    return {name: [value / divisor for value in values] for name, values in samples.items()}


def _warm(fn: Callable[[], object], settings: Settings) -> None:
    for _ in range(max(20, settings.calls // 10)):
        fn()


def bench_create(server: ServerProcess, settings: Settings) -> list[Result]:
    """`connections.create` vs `httpx2.Client.post(...).json()`, and the generated client."""
    url = server.base_url + "/connections"
    with (
        waycore.Waycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        httpx2.Client(timeout=60.0) as raw,
        AuthenticatedClient(base_url=server.base_url, token=API_KEY) as generated,
    ):
        body = CreateConnectionRequest.from_dict(CREATE_PAYLOAD)

        def sdk_call() -> object:
            return sdk.connections.create(entity_id=ENTITY_ID, institution_id=INSTITUTION_ID)

        def raw_call() -> object:
            return raw.post(url, json=CREATE_PAYLOAD, headers=_AUTH).json()

        def generated_call() -> object:
            return create_connection.sync(client=generated, body=body)

        assert isinstance(sdk_call(), waycore.SetupConnection)
        assert generated_call() is not None
        for fn in (sdk_call, raw_call, generated_call):
            _warm(fn, settings)
        n = settings.calls
        samples = _scaled(
            interleave_timed(
                {
                    "sdk": timed(sdk_call),
                    "raw": timed(raw_call),
                    "generated": timed(generated_call),
                },
                rounds=settings.rounds,
                per_round=n,
            ),
            _US,
        )
    notes = {"calls_per_sample": n}
    return [
        Result(
            name="create",
            title="connections.create vs httpx2.Client.post().json()",
            unit="µs/call",
            subject="sdk",
            baseline="raw httpx2",
            subject_samples=samples["sdk"],
            baseline_samples=samples["raw"],
            target=1.05,
            notes=notes,
        ),
        Result(
            name="create-generated",
            title="generated client create_connection.sync vs raw httpx2 (reference)",
            unit="µs/call",
            subject="generated",
            baseline="raw httpx2",
            subject_samples=samples["generated"],
            baseline_samples=samples["raw"],
            notes=notes,
        ),
    ]


def bench_retrieve(server: ServerProcess, settings: Settings) -> list[Result]:
    """`connections.retrieve` vs `httpx2.Client.get(...).json()`."""
    url = f"{server.base_url}/connections/{CONNECTION_ID}"
    with (
        waycore.Waycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        httpx2.Client(timeout=60.0) as raw,
    ):

        def sdk_call() -> object:
            return sdk.connections.retrieve(CONNECTION_ID)

        def raw_call() -> object:
            return raw.get(url, headers=_AUTH).json()

        assert isinstance(sdk_call(), waycore.ReadyConnection)
        for fn in (sdk_call, raw_call):
            _warm(fn, settings)
        n = settings.calls
        samples = _scaled(
            interleave_timed(
                {"sdk": timed(sdk_call), "raw": timed(raw_call)},
                rounds=settings.rounds,
                per_round=n,
            ),
            _US,
        )
    return [
        Result(
            name="retrieve",
            title="connections.retrieve vs httpx2.Client.get().json()",
            unit="µs/call",
            subject="sdk",
            baseline="raw httpx2",
            subject_samples=samples["sdk"],
            baseline_samples=samples["raw"],
            notes={"calls_per_sample": n},
        )
    ]


def bench_list(server: ServerProcess, settings: Settings) -> list[Result]:
    """Walking 10 pages of 500: `list(limit=500)` vs raw `get().json()` following cursors."""
    url = server.base_url + "/connections"
    expected = DEFAULT_LIST_PAGES * PAGE_SIZE
    with (
        waycore.Waycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        httpx2.Client(timeout=60.0) as raw,
    ):

        def sdk_walk() -> int:
            count = 0
            for _conn in sdk.connections.list(limit=PAGE_SIZE):
                count += 1
            return count

        def raw_walk() -> int:
            count = 0
            params: dict[str, str | int] = {"limit": PAGE_SIZE}
            while True:
                page = raw.get(url, params=params, headers=_AUTH).json()
                for _item in page["data"]:
                    count += 1
                pagination = page["pagination"]
                if not pagination["hasMore"]:
                    return count
                params = {"limit": PAGE_SIZE, "cursor": pagination["nextCursor"]}

        assert sdk_walk() == expected
        assert raw_walk() == expected
        n = settings.walks
        samples = _scaled(
            interleave_timed(
                {"sdk": timed(sdk_walk), "raw": timed(raw_walk)},
                rounds=settings.rounds,
                per_round=n,
                chunks=n,
            ),
            1e6,
        )
    return [
        Result(
            name="list",
            title=f"list(limit=500) walking {DEFAULT_LIST_PAGES} pages vs raw httpx2 + json()",
            unit="ms/walk",
            subject="sdk",
            baseline="raw httpx2",
            subject_samples=samples["sdk"],
            baseline_samples=samples["raw"],
            notes={"walks_per_sample": n, "items_per_walk": expected},
        )
    ]


AsyncCall = Callable[[], Awaitable[Any]]


async def _burst(call: AsyncCall, concurrency: int, per_worker: int) -> int:
    """Nanoseconds for `concurrency` workers sharing one client to make `per_worker` calls each."""

    async def worker() -> None:
        for _ in range(per_worker):
            await call()

    start = time.perf_counter_ns()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter_ns() - start


# Calls each worker makes per burst; bursts of both contenders alternate within a round.
_PER_WORKER = 5


async def _throughput_rounds(
    calls: dict[str, AsyncCall], concurrency: int, per_round: int, rounds: int
) -> dict[str, list[float]]:
    """Calls per second of each contender, one sample per round of about `per_round` calls.

    Like `interleave_timed`: each round alternates short bursts of the contenders (AB BA…),
    so that the drifting speed of a shared VM hits both alike.
    """
    names = list(calls)
    bursts = max(1, per_round // (concurrency * _PER_WORKER))
    samples: dict[str, list[float]] = {name: [] for name in names}
    turn = 0
    for _ in range(rounds):
        gc.collect()
        elapsed = dict.fromkeys(names, 0)
        for _ in range(bursts):
            for name in rotation(names, turn):
                elapsed[name] += await _burst(calls[name], concurrency, _PER_WORKER)
            turn += 1
        done = bursts * concurrency * _PER_WORKER
        for name in names:
            samples[name].append(done / (elapsed[name] / 1e9))
    return samples


async def _async_bench(
    server: ServerProcess, settings: Settings, levels: tuple[int, ...]
) -> list[Result]:
    url = server.base_url + "/connections"
    results: list[Result] = []
    async with (
        waycore.AsyncWaycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        httpx2.AsyncClient(timeout=60.0) as raw,
    ):

        async def sdk_call() -> object:
            return await sdk.connections.create(entity_id=ENTITY_ID, institution_id=INSTITUTION_ID)

        async def raw_call() -> object:
            return (await raw.post(url, json=CREATE_PAYLOAD, headers=_AUTH)).json()

        assert isinstance(await sdk_call(), waycore.SetupConnection)
        calls: dict[str, AsyncCall] = {"sdk": sdk_call, "raw": raw_call}
        for level in levels:
            # Let each pool settle at this level first (httpx2 keeps at most 20 idle
            # connections, so above that some are closed and reopened on every burst).
            await _throughput_rounds(calls, level, level * _PER_WORKER * 4, 1)
            samples = await _throughput_rounds(
                calls, level, settings.async_calls, settings.async_rounds
            )
            total = max(1, settings.async_calls // (level * _PER_WORKER)) * level * _PER_WORKER
            results.append(
                Result(
                    name=f"async{level}",
                    title=f"AsyncWaycore create throughput at {level} concurrent calls",
                    unit="calls/s",
                    subject="sdk",
                    baseline="raw httpx2",
                    subject_samples=samples["sdk"],
                    baseline_samples=samples["raw"],
                    higher_is_better=True,
                    target=0.95,
                    notes={"calls_per_sample": total, "concurrency": level},
                )
            )
    return results


def bench_async(server: ServerProcess, settings: Settings, levels: tuple[int, ...]) -> list[Result]:
    """`AsyncWaycore` vs `httpx2.AsyncClient` create throughput at each concurrency level."""
    return asyncio.run(_async_bench(server, settings, levels))
