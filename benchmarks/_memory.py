"""Peak memory of walking a long list: it must not grow with the number of pages.

Each measurement is a fresh interpreter (``python -m benchmarks._memory BASE_URL MODE``) that
walks ``client.connections.list(limit=500)`` and prints its peak RSS as JSON: ``ru_maxrss``
and, on Linux, ``VmHWM`` (used when present; see `_hwm`).
"""

from __future__ import annotations

import functools
import json
import resource
import subprocess
import sys
from collections.abc import Sequence
from typing import Final

from ._harness import CONTROL, TARGET, Result, Row, Settings, interleave
from ._payloads import API_KEY, PAGE_SIZE
from ._server import ROOT, ServerProcess

SHORT_CHAIN: Final = 1
# The long chain is `Settings.memory_pages` pages of 500 (200 in a full run: 100k connections);
# the double one is twice as long: flat means it peaks no higher.


def _child(base_url: str, mode: str) -> dict[str, int]:
    import waycore

    with waycore.Waycore(api_key=API_KEY, base_url=base_url) as client:
        pager = client.connections.list(limit=PAGE_SIZE)
        if mode == "hold":
            count = len(list(pager))  # what a pager that kept every page would cost
        else:
            count = 0
            for _conn in pager:
                count += 1
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"items": count, "maxrss_kb": maxrss_kb, **_hwm()}


def _hwm() -> dict[str, int]:
    """This process image's own peak RSS (``VmHWM``, Linux), when available.

    Linux carries ``ru_maxrss`` over ``fork`` and ``execve``: a child of a runner that has grown
    to 50 MiB reports at least 50 MiB whatever it does. ``VmHWM`` starts afresh with the new
    image, so it is what we report when the kernel offers it.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return {"vmhwm_kb": int(line.split()[1])}
    except OSError:
        pass
    return {}


def _measure(base_url: str, mode: str, expected: int) -> float:
    """Peak RSS in MiB of one fresh process walking the list at `base_url`."""
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks._memory", base_url, mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    data = json.loads(output)
    if data["items"] != expected:
        raise RuntimeError(f"walked {data['items']} connections, expected {expected}")
    # Both are in KiB on Linux.
    return float(data.get("vmhwm_kb", data["maxrss_kb"])) / 1024.0


def bench_memory(server: ServerProcess, settings: Settings) -> list[Row]:
    """Peak RSS walking 100k listed connections vs walking 1 page (and 200k).

    Walking many pages costs a few MiB more than one page (two pages are alive while the next
    is fetched, and the allocator keeps freed arenas); flat means that it then stops growing:
    400 pages peak no higher than 200. For scale, `list(pager)` keeps every connection. The
    A/A control walks one page twice as two contenders.
    """
    long_chain = settings.memory_pages
    double_chain = 2 * long_chain
    items = {n: n * PAGE_SIZE for n in (long_chain, double_chain, SHORT_CHAIN)}

    def walk(pages: int) -> functools.partial[float]:
        return functools.partial(_measure, server.chain_url(pages), "walk", items[pages])

    samples = interleave(
        {
            "long": walk(long_chain),
            "double": walk(double_chain),
            "short": walk(SHORT_CHAIN),
            "short-aa": walk(SHORT_CHAIN),
        },
        settings.memory_runs,
    )
    held = [
        _measure(server.chain_url(long_chain), "hold", items[long_chain])
        for _ in range(settings.memory_runs)
    ]
    long, double, short = samples["long"], samples["double"], samples["short"]
    results: list[Row] = [
        Result(
            name="memory",
            title=f"peak RSS walking {items[long_chain]:,} connections vs one page of 500",
            unit="MiB",
            subject=f"{long_chain} pages",
            baseline="1 page",
            subject_samples=long,
            baseline_samples=short,
        ),
        Result(
            name="memory-growth",
            title=f"peak RSS walking {double_chain} pages vs {long_chain} (flat: no growth)",
            unit="MiB",
            subject=f"{double_chain} pages",
            baseline=f"{long_chain} pages",
            subject_samples=double,
            baseline_samples=long,
            target=1.05,
            kind=TARGET,
        ),
        Result(
            name="memory-hold",
            title=f"reference: list(pager) holding all {items[long_chain]:,} vs walking one page",
            unit="MiB",
            subject="all held",
            baseline="1 page",
            subject_samples=held,
            baseline_samples=short,
        ),
        Result(
            name="memory-aa",
            title="A/A control: walking one page vs walking one page",
            unit="MiB",
            subject="1 page (twin)",
            baseline="1 page",
            subject_samples=samples["short-aa"],
            baseline_samples=short,
            kind=CONTROL,
        ),
    ]
    for result in results:
        assert isinstance(result, Result)
        result.group = "memory"
        result.notes = {
            "delta_mib": result.subject_median - result.baseline_median,
            "processes_per_contender": settings.memory_runs,
        }
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2 or args[1] not in ("walk", "hold"):
        print("usage: python -m benchmarks._memory BASE_URL walk|hold", file=sys.stderr)
        return 2
    print(json.dumps(_child(args[0], args[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
