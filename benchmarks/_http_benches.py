"""Per-call, list-walk and async-throughput benchmarks against the local server.

Every table's baseline is raw httpx2 (``Client.get/post(...).json()``, or ``AsyncClient``), and
every table holds an A/A control: a second, identical raw httpx2 client interleaved with the
others (its ratio to the first shows the table's noise). ``create`` also keeps one reference
row with raw httpx, when it is importable.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Awaitable, Callable
from types import ModuleType
from typing import Any

import httpx2

import waycore

from ._harness import (
    CONTROL,
    TARGET,
    Result,
    Row,
    Settings,
    Skipped,
    interleave_timed,
    shuffled,
    timed,
)
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

AUTH = {"Authorization": f"Bearer {API_KEY}"}
_US = 1000.0
AA_TITLE = "A/A control: a second raw httpx2 client vs the first"


def scaled(samples: dict[str, list[float]], divisor: float) -> dict[str, list[float]]:
    return {name: [value / divisor for value in values] for name, values in samples.items()}


def warm(fn: Callable[[], object], settings: Settings) -> None:
    for _ in range(max(20, settings.calls // 10)):
        fn()


def httpx_or_none() -> ModuleType | None:
    """The unmaintained httpx, for the one reference row, or None when it is not installed."""
    try:
        import httpx
    except ImportError:
        return None
    return httpx


def control(name: str, unit: str, samples: dict[str, list[float]], **kwargs: Any) -> Result:
    """The A/A row of a table: contender ``raw-aa`` over ``raw``."""
    return Result(
        name=f"{name}-aa",
        title=AA_TITLE,
        unit=unit,
        subject="raw httpx2 (twin)",
        baseline="raw httpx2",
        subject_samples=samples["raw-aa"],
        baseline_samples=samples["raw"],
        group=name,
        kind=CONTROL,
        **kwargs,
    )


def bench_create(server: ServerProcess, settings: Settings) -> list[Row]:
    """`connections.create` vs `httpx2.Client.post(...).json()`; A/A; raw httpx reference."""
    url = server.base_url + "/connections"
    httpx = httpx_or_none()
    with (
        waycore.Waycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        httpx2.Client(timeout=60.0) as raw,
        httpx2.Client(timeout=60.0) as twin,
    ):
        old = httpx.Client(timeout=60.0) if httpx is not None else None

        def sdk_call() -> object:
            return sdk.connections.create(entity_id=ENTITY_ID, institution_id=INSTITUTION_ID)

        def raw_call() -> object:
            return raw.post(url, json=CREATE_PAYLOAD, headers=AUTH).json()

        def twin_call() -> object:
            return twin.post(url, json=CREATE_PAYLOAD, headers=AUTH).json()

        calls: dict[str, Callable[[], object]] = {
            "sdk": sdk_call,
            "raw": raw_call,
            "raw-aa": twin_call,
        }
        if old is not None:
            calls["httpx"] = lambda: old.post(url, json=CREATE_PAYLOAD, headers=AUTH).json()
        try:
            assert isinstance(sdk_call(), waycore.SetupConnection)
            for fn in calls.values():
                warm(fn, settings)
            n = settings.calls
            samples = scaled(
                interleave_timed(
                    {name: timed(fn) for name, fn in calls.items()},
                    rounds=settings.rounds,
                    per_round=n,
                ),
                _US,
            )
        finally:
            if old is not None:
                old.close()
    notes = {"calls_per_sample": n}
    rows: list[Row] = [
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
            group="create",
            kind=TARGET,
        ),
        control("create", "µs/call", samples, notes=notes),
    ]
    if httpx is None:
        rows.append(
            Skipped(
                name="create-httpx",
                title="reference: raw httpx (unmaintained) vs raw httpx2",
                reason="httpx is not installed",
                group="create",
            )
        )
    else:
        rows.append(
            Result(
                name="create-httpx",
                title="reference: raw httpx (unmaintained) post().json() vs raw httpx2",
                unit="µs/call",
                subject=f"raw httpx {httpx.__version__}",
                baseline="raw httpx2",
                subject_samples=samples["httpx"],
                baseline_samples=samples["raw"],
                notes=notes,
                group="create",
            )
        )
    return rows


def bench_retrieve(server: ServerProcess, settings: Settings) -> list[Row]:
    """`connections.retrieve` vs `httpx2.Client.get(...).json()`, with the A/A control."""
    url = f"{server.base_url}/connections/{CONNECTION_ID}"
    with (
        waycore.Waycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        httpx2.Client(timeout=60.0) as raw,
        httpx2.Client(timeout=60.0) as twin,
    ):

        def sdk_call() -> object:
            return sdk.connections.retrieve(CONNECTION_ID)

        def raw_call() -> object:
            return raw.get(url, headers=AUTH).json()

        def twin_call() -> object:
            return twin.get(url, headers=AUTH).json()

        assert isinstance(sdk_call(), waycore.ReadyConnection)
        calls = {"sdk": sdk_call, "raw": raw_call, "raw-aa": twin_call}
        for fn in calls.values():
            warm(fn, settings)
        n = settings.calls
        samples = scaled(
            interleave_timed(
                {name: timed(fn) for name, fn in calls.items()},
                rounds=settings.rounds,
                per_round=n,
            ),
            _US,
        )
    notes = {"calls_per_sample": n}
    return [
        Result(
            name="retrieve",
            title="connections.retrieve vs httpx2.Client.get().json()",
            unit="µs/call",
            subject="sdk",
            baseline="raw httpx2",
            subject_samples=samples["sdk"],
            baseline_samples=samples["raw"],
            target=1.05,
            notes=notes,
            group="retrieve",
            kind=TARGET,
        ),
        control("retrieve", "µs/call", samples, notes=notes),
    ]


def bench_list(server: ServerProcess, settings: Settings) -> list[Row]:
    """Walking 10 pages of 500: `list(limit=500)` vs raw `get().json()` following cursors."""
    url = server.base_url + "/connections"
    expected = DEFAULT_LIST_PAGES * PAGE_SIZE
    with (
        waycore.Waycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        httpx2.Client(timeout=60.0) as raw,
        httpx2.Client(timeout=60.0) as twin,
    ):

        def sdk_walk() -> int:
            count = 0
            for _conn in sdk.connections.list(limit=PAGE_SIZE):
                count += 1
            return count

        def raw_walker(client: httpx2.Client) -> Callable[[], int]:
            def walk() -> int:
                count = 0
                params: dict[str, str | int] = {"limit": PAGE_SIZE}
                while True:
                    page = client.get(url, params=params, headers=AUTH).json()
                    for _item in page["data"]:
                        count += 1
                    pagination = page["pagination"]
                    if not pagination["hasMore"]:
                        return count
                    params = {"limit": PAGE_SIZE, "cursor": pagination["nextCursor"]}

            return walk

        walks = {"sdk": sdk_walk, "raw": raw_walker(raw), "raw-aa": raw_walker(twin)}
        for walk in walks.values():
            assert walk() == expected
        n = settings.walks
        samples = scaled(
            interleave_timed(
                {name: timed(walk) for name, walk in walks.items()},
                rounds=settings.rounds,
                per_round=n,
                chunks=n,
            ),
            1e6,
        )
    notes = {"walks_per_sample": n, "items_per_walk": expected}
    return [
        Result(
            name="list",
            title=f"list(limit=500) walking {DEFAULT_LIST_PAGES} pages vs raw httpx2 + json()",
            unit="ms/walk",
            subject="sdk",
            baseline="raw httpx2",
            subject_samples=samples["sdk"],
            baseline_samples=samples["raw"],
            target=1.5,
            notes=notes,
            group="list",
            kind=TARGET,
        ),
        control("list", "ms/walk", samples, notes=notes),
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


# Calls each worker makes per burst; bursts of the contenders alternate within a round.
_PER_WORKER = 5
_PER_WORKER_QUICK = 1


async def _throughput_rounds(
    calls: dict[str, AsyncCall], concurrency: int, per_round: int, rounds: int, per_worker: int
) -> dict[str, list[float]]:
    """Calls per second of each contender, one sample per round of about `per_round` calls.

    Like `interleave_timed`: each round alternates short bursts of the contenders, in a
    freshly shuffled order each time, so that the drifting speed of a shared VM hits all alike.
    """
    names = list(calls)
    bursts = max(1, per_round // (concurrency * per_worker))
    samples: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(rounds):
        gc.collect()
        elapsed = dict.fromkeys(names, 0)
        for _ in range(bursts):
            for name in shuffled(names):
                elapsed[name] += await _burst(calls[name], concurrency, per_worker)
        done = bursts * concurrency * per_worker
        for name in names:
            samples[name].append(done / (elapsed[name] / 1e9))
    return samples


async def _async_bench(
    server: ServerProcess, settings: Settings, levels: tuple[int, ...]
) -> list[Row]:
    url = server.base_url + "/connections"
    results: list[Row] = []
    async with (
        waycore.AsyncWaycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        httpx2.AsyncClient(timeout=60.0) as raw,
        httpx2.AsyncClient(timeout=60.0) as twin,
    ):

        async def sdk_call() -> object:
            return await sdk.connections.create(entity_id=ENTITY_ID, institution_id=INSTITUTION_ID)

        async def raw_call() -> object:
            return (await raw.post(url, json=CREATE_PAYLOAD, headers=AUTH)).json()

        async def twin_call() -> object:
            return (await twin.post(url, json=CREATE_PAYLOAD, headers=AUTH)).json()

        assert isinstance(await sdk_call(), waycore.SetupConnection)
        calls: dict[str, AsyncCall] = {"sdk": sdk_call, "raw": raw_call, "raw-aa": twin_call}
        per_worker = _PER_WORKER_QUICK if settings.quick else _PER_WORKER
        for level in levels:
            # Let each pool settle at this level first (httpx2 keeps at most 20 idle
            # connections, so above that some are closed and reopened on every burst).
            settle = 1 if settings.quick else 4
            await _throughput_rounds(calls, level, level * per_worker * settle, 1, per_worker)
            samples = await _throughput_rounds(
                calls, level, settings.async_calls, settings.async_rounds, per_worker
            )
            total = max(1, settings.async_calls // (level * per_worker)) * level * per_worker
            notes = {"calls_per_sample": total, "concurrency": level}
            name = f"async{level}"
            results.append(
                Result(
                    name=name,
                    title=f"AsyncWaycore create throughput at {level} concurrent calls",
                    unit="calls/s",
                    subject="sdk",
                    baseline="raw httpx2",
                    subject_samples=samples["sdk"],
                    baseline_samples=samples["raw"],
                    higher_is_better=True,
                    target=0.95,
                    notes=notes,
                    group=name,
                    kind=TARGET,
                )
            )
            results.append(control(name, "calls/s", samples, notes=notes, higher_is_better=True))
    return results


def bench_async(server: ServerProcess, settings: Settings, levels: tuple[int, ...]) -> list[Row]:
    """`AsyncWaycore` vs `httpx2.AsyncClient` create throughput at each concurrency level."""
    return asyncio.run(_async_bench(server, settings, levels))
