"""The command line: pick benchmarks, run them one at a time, print a table, write JSON."""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from ._harness import Result, Settings, format_table, machine_info, write_json
from ._server import ServerProcess

DEFAULT_JSON: Final = Path(__file__).resolve().parent / "results.json"
# Cheapest first; `--only` takes these names (or `async` for both levels).
NAMES: Final = ("create", "retrieve", "list", "parse", "async32", "async64", "memory", "import")
_ALIASES: Final = {"async": ("async32", "async64")}

Bench = Callable[[ServerProcess, Settings], list[Result]]


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
    if "parse" in names:
        from ._parse_bench import bench_parse

        table["parse"] = lambda _server, settings: bench_parse(settings)
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
    parser.add_argument("--quick", action="store_true", help="a short run (~200 calls each)")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help=f"run only these (comma-separated, repeatable): {', '.join(NAMES)}, async",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        help="where to write the machine-readable results (default: benchmarks/results.json)",
    )
    args = parser.parse_args(argv)
    settings = Settings.for_mode(args.quick)
    names = _selected(args.only)
    info = machine_info()
    print(
        f"waycore benchmarks ({'quick' if settings.quick else 'full'}): {info['cores']} cores, "
        f"{info['cpu_model']}, Python {info['python']}, httpx2 {info['httpx2']}, "
        f"commit {info['commit']}",
        flush=True,
    )
    results: list[Result] = []
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
            results.extend(found)
            for r in found:
                print(f"  {r.name}: {r.ratio:.3f}x ({time.perf_counter() - started:.1f} s)")
    print()
    print(format_table(results))
    with contextlib.suppress(OSError):
        args.json.parent.mkdir(parents=True, exist_ok=True)
    write_json(args.json, settings, info, results)
    print(f"\nwrote {args.json}")
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0
