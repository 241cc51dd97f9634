"""Profile the per-call path: ``python -m benchmarks.profile_create [--calls N] [--top N]``.

Runs `connections.create` and raw ``httpx2.Client.post().json()`` against the local server
under cProfile and prints, for each, the functions with the most own time, then the SDK's own
functions (``waycore`` and ``waycore_raw``) with their cumulative time per call: what the SDK
adds over raw httpx2.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
from collections.abc import Callable, Sequence

import httpx2

import waycore

from ._payloads import API_KEY, CREATE_PAYLOAD, ENTITY_ID, INSTITUTION_ID
from ._server import ServerProcess


def _profile(fn: Callable[[], object], calls: int) -> pstats.Stats:
    for _ in range(200):
        fn()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        fn()
    profiler.disable()
    return pstats.Stats(profiler, stream=io.StringIO())


def _total_seconds(stats: pstats.Stats) -> float:
    return float(stats.total_tt)  # type: ignore[attr-defined]


def _sdk_rows(stats: pstats.Stats, calls: int) -> list[tuple[float, float, str]]:
    """(own µs/call, cumulative µs/call, function) of the SDK's own functions."""
    rows = []
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, object]]
    raw = stats.stats  # type: ignore[attr-defined]
    for (filename, line, func), (_cc, _nc, tottime, cumtime, _callers) in raw.items():
        if "/waycore/" in filename or "/waycore_raw/" in filename:
            name = "waycore" + filename.split("/waycore", 1)[1] + f":{line}({func})"
            rows.append((tottime / calls * 1e6, cumtime / calls * 1e6, name))
    return sorted(rows, key=lambda row: row[1], reverse=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_create")
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    with ServerProcess() as server:
        url = server.base_url + "/connections"
        auth = {"Authorization": f"Bearer {API_KEY}"}
        with (
            waycore.Waycore(api_key=API_KEY, base_url=server.base_url) as sdk,
            httpx2.Client(timeout=60.0) as raw,
        ):
            sdk_stats = _profile(
                lambda: sdk.connections.create(entity_id=ENTITY_ID, institution_id=INSTITUTION_ID),
                args.calls,
            )
            raw_stats = _profile(
                lambda: raw.post(url, json=CREATE_PAYLOAD, headers=auth).json(), args.calls
            )
    sdk_us = _total_seconds(sdk_stats) / args.calls * 1e6
    raw_us = _total_seconds(raw_stats) / args.calls * 1e6
    print(f"profiled µs/call (inflated by cProfile): sdk {sdk_us:.0f}, raw {raw_us:.0f}, ")
    print(f"difference {sdk_us - raw_us:.0f} µs/call ({sdk_us / raw_us:.3f}x)\n")
    print("SDK functions, by cumulative µs/call (own µs/call):")
    for own, cumulative, name in _sdk_rows(sdk_stats, args.calls)[: args.top]:
        print(f"  {cumulative:8.1f} ({own:6.1f})  {name}")
    for label, stats in (("sdk", sdk_stats), ("raw httpx2", raw_stats)):
        out = io.StringIO()
        stats.stream = out  # type: ignore[attr-defined]
        stats.sort_stats("tottime").print_stats(args.top)
        print(f"\n=== {label}: top own time ===")
        print(out.getvalue().split("\n\n", 2)[-1].rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
