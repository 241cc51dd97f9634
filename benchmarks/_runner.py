"""The command line: pick benchmarks, run them one at a time, print a table, write JSON."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from ._harness import (
    Row,
    Settings,
    Skipped,
    format_table,
    machine_info,
    seed_order,
    write_json,
)
from ._server import ServerProcess

DEFAULT_JSON: Final = Path(__file__).resolve().parent / "results.json"
# A quick run proves the code works; its numbers must not replace a full run's results.json.
QUICK_JSON: Final = Path(tempfile.gettempdir()) / "waycore-benchmarks-quick.json"
# Cheapest first; `--only` takes these names (or `async` for both levels).
NAMES: Final = (
    "create",
    "retrieve",
    "list",
    "txlist",
    "feed",
    "parse",
    "async32",
    "async64",
    "peers",
    "memory",
    "import",
)
_ALIASES: Final = {"async": ("async32", "async64")}

Bench = Callable[[ServerProcess, Settings], list[Row]]


def _selected(only: Sequence[str] | None) -> list[str]:
    if not only:
        return list(NAMES)
    wanted: set[str] = set()
    for item in only:
        for name in item.split(","):
            name = name.strip()
            if not name:
                continue
            if name in _ALIASES:
                wanted.update(_ALIASES[name])
            elif name in NAMES:
                wanted.add(name)
            else:
                choices = ", ".join((*NAMES, *_ALIASES))
                raise SystemExit(f"unknown benchmark {name!r} (choose from {choices})")
    return [name for name in NAMES if name in wanted]


def _benches(names: list[str]) -> list[tuple[str, Bench]]:
    # Imported here so `--only create` pays for nothing else.
    from ._http_benches import bench_async, bench_create, bench_list, bench_retrieve

    table: dict[str, Bench] = {
        "create": bench_create,
        "retrieve": bench_retrieve,
        "list": bench_list,
    }
    if "txlist" in names or "feed" in names:
        from ._txn_benches import bench_feed, bench_txlist

        table["txlist"] = bench_txlist
        table["feed"] = bench_feed
    if "parse" in names:
        from ._parse_bench import bench_parse

        table["parse"] = lambda _server, settings: bench_parse(settings)
    if "peers" in names:
        from ._peers import bench_peers

        table["peers"] = bench_peers
    if "memory" in names:
        from ._memory import bench_memory

        table["memory"] = bench_memory
    if "import" in names:
        from ._import_bench import bench_import

        table["import"] = lambda _server, settings: bench_import(settings)
    levels = tuple(int(name.removeprefix("async")) for name in names if name.startswith("async"))
    runs: list[tuple[str, Bench]] = []
    for name in names:
        if name.startswith("async"):
            if name == f"async{levels[0]}":  # both levels share one event loop and clients
                runs.append(
                    ("async", lambda server, settings: bench_async(server, settings, levels))
                )
        else:
            runs.append((name, table[name]))
    return runs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="What the Waycore SDK costs over raw httpx2, as interleaved median ratios.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run (a few seconds a benchmark): proves the code works, not figures",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help=f"run only these (comma-separated, repeatable): {', '.join(NAMES)}, async",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        help=(
            "where to write the machine-readable results (default: benchmarks/results.json;"
            f" with --quick, {QUICK_JSON})"
        ),
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="seed of the shuffled contender order (default: random; the JSON records it)",
    )
    parser.add_argument(
        "--import-python",
        metavar="PATH",
        default=None,
        help="measure `import` in this interpreter instead of the clean venv it builds",
    )
    args = parser.parse_args(argv)
    settings = dataclasses.replace(Settings.for_mode(args.quick), import_python=args.import_python)
    json_path: Path = args.json or (QUICK_JSON if args.quick else DEFAULT_JSON)
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    seed_order(seed)
    names = _selected(args.only)
    info = machine_info()
    print(
        f"waycore benchmarks ({'quick: smoke only, not figures' if settings.quick else 'full'}): "
        f"{info['cores']} cores, {info['cpu_model']}, Python {info['python']}, "
        f"httpx2 {info['httpx2']}, commit {info['commit']}, order seed {seed}",
        flush=True,
    )
    rows: list[Row] = []
    failed: list[str] = []
    with ServerProcess() as server:
        for name, bench in _benches(names):
            print(f"- {name}…", flush=True)
            started = time.perf_counter()
            try:
                found = bench(server, settings)
            except Exception as exc:  # report the others; exit non-zero at the end
                failed.append(name)
                print(f"  FAILED: {type(exc).__name__}: {exc}", flush=True)
                continue
            rows.extend(found)
            elapsed = time.perf_counter() - started
            for r in found:
                if isinstance(r, Skipped):
                    print(f"  {r.name}: skipped ({r.reason})")
                    continue
                if not r.valid:
                    failed.append(r.name)
                print(f"  {r.name}: {r.ratio:.3f}x")
            print(f"  ({elapsed:.1f} s)", flush=True)
    print()
    print(format_table(rows))
    with contextlib.suppress(OSError):
        json_path.parent.mkdir(parents=True, exist_ok=True)
    write_json(json_path, settings, info, rows, seed)
    print(f"\nwrote {json_path}")
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0
