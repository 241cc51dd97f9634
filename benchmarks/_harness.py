"""Timing, interleaving and reporting shared by every benchmark."""

from __future__ import annotations

import gc
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    """How long to measure: `--quick` shrinks every count (a smoke run, not figures)."""

    quick: bool
    rounds: int
    calls: int  # per-call benchmarks (and peers): calls per contender per measurement
    walks: int  # list and txlist benchmarks: 10-page walks per contender per measurement
    feed_runs: int  # feed benchmark: 10,000-event runs per contender per measurement
    async_calls: int  # async benchmark: calls per contender per measurement
    async_rounds: int  # async benchmark: rounds (its samples are noisier: more of them)
    import_runs: int  # import benchmark: fresh interpreters per contender
    memory_runs: int  # memory benchmark: fresh processes per contender
    memory_pages: int  # memory benchmark: the long chain (the double one is twice as long)
    parse_pages: int  # parse benchmark: pages parsed per contender per measurement
    # Import benchmark: the interpreter to measure in; None: the clean venv it builds.
    import_python: str | None = None

    @classmethod
    def for_mode(cls, quick: bool) -> Settings:
        if quick:
            return cls(
                quick=True,
                rounds=3,
                calls=60,
                walks=2,
                feed_runs=2,
                async_calls=64,
                async_rounds=3,
                import_runs=2,
                memory_runs=1,
                memory_pages=4,
                parse_pages=10,
            )
        return cls(
            quick=False,
            rounds=9,
            calls=2000,
            walks=20,
            feed_runs=8,
            async_calls=960,
            async_rounds=11,
            import_runs=31,
            memory_runs=3,
            memory_pages=200,
            parse_pages=200,
        )


Sample = Callable[[], float]
# Runs its contender `n` times and returns the elapsed nanoseconds.
Timed = Callable[[int], int]

# Per-call benchmarks split each measurement into this many chunks, alternating contenders
# chunk by chunk: the CPU speed of a shared VM drifts within a second, and only samples taken
# close together see the same machine.
CHUNKS = 10


def timed(fn: Callable[[], object]) -> Timed:
    """A `Timed` that calls `fn` in a plain loop."""

    def run(n: int) -> int:
        start = time.perf_counter_ns()
        for _ in range(n):
            fn()
        return time.perf_counter_ns() - start

    return run


def time_loop(fn: Callable[[], object], n: int) -> float:
    """Mean nanoseconds per call of `fn` over `n` calls (GC on, as in production)."""
    gc.collect()
    return timed(fn)(n) / n


# The contenders' order is shuffled afresh for every slice. A fixed rotation (ABC, BCA, CAB…)
# was measured to bias an A/A control to 0.91x: each contender then usually follows the same
# other one and inherits its cache and allocator state. The seed is in the JSON (`--seed`).
_ORDER = random.Random()


def seed_order(seed: int) -> None:
    """Make the shuffled orders of this run reproducible."""
    _ORDER.seed(seed)


def shuffled(names: Sequence[str]) -> list[str]:
    """The contenders in a fresh random order, for one slice."""
    order = list(names)
    _ORDER.shuffle(order)
    return order


def interleave_timed(
    contenders: dict[str, Timed], *, rounds: int, per_round: int, chunks: int = CHUNKS
) -> dict[str, list[float]]:
    """Nanoseconds per call of each contender, one sample per round of `per_round` calls.

    Each round runs its calls in `chunks` slices, every contender once per slice in a freshly
    shuffled order, so drifts of the machine and the order hit them alike. The garbage
    collector stays on, as in production; it is emptied before each round.
    """
    names = list(contenders)
    size = max(1, per_round // chunks)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(rounds):
        gc.collect()
        totals = dict.fromkeys(names, 0)
        for _ in range(chunks):
            for name in shuffled(names):
                totals[name] += contenders[name](size)
        for name in names:
            samples[name].append(totals[name] / (size * chunks))
    return samples


def interleave(contenders: dict[str, Sample], rounds: int) -> dict[str, list[float]]:
    """One sample of each contender per round, in a freshly shuffled order each round.

    For samples that are whole processes or long runs (import, memory).
    """
    names = list(contenders)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(rounds):
        for name in shuffled(names):
            samples[name].append(contenders[name]())
    return samples


# What a row is for: a target to meet, a reference for scale, or the A/A control (two
# identical contenders: its distance from 1.00x is the noise of that table).
TARGET, REFERENCE, CONTROL = "target", "reference", "control"


@dataclass
class Result:
    """One comparison: the SDK (or the subject) against its baseline."""

    name: str
    title: str
    unit: str
    subject: str
    baseline: str
    subject_samples: list[float]
    baseline_samples: list[float]
    higher_is_better: bool = False
    # The ratio subject/baseline must be <= (or >= when higher is better) this; None: no target.
    target: float | None = None
    notes: dict[str, Any] = field(default_factory=dict)
    # The table the row belongs to (the benchmark that measured it) and what the row is for.
    group: str = ""
    kind: str = REFERENCE

    @property
    def subject_median(self) -> float:
        return statistics.median(self.subject_samples)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline_samples)

    @property
    def ratio(self) -> float:
        return self.subject_median / self.baseline_median

    @property
    def paired_ratios(self) -> list[float]:
        """Per-round ratios (same-round samples), to show how noisy the ratio is."""
        return [s / b for s, b in zip(self.subject_samples, self.baseline_samples, strict=False)]

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        return self.ratio >= self.target if self.higher_is_better else self.ratio <= self.target

    @property
    def target_text(self) -> str:
        if self.target is None:
            return "-"
        return f"{'≥' if self.higher_is_better else '≤'} {self.target:.2f}x"

    @property
    def valid(self) -> bool:
        """Whether every sample is finite and positive (so the ratio is)."""
        values = [*self.subject_samples, *self.baseline_samples]
        return bool(values) and all(math.isfinite(v) and v > 0 for v in values)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        paired = self.paired_ratios
        data.update(
            subject_median=self.subject_median,
            baseline_median=self.baseline_median,
            ratio=self.ratio,
            paired_ratio_min=min(paired),
            paired_ratio_max=max(paired),
            target_text=self.target_text,
            met=self.met,
        )
        return data


@dataclass
class Skipped:
    """A row that could not be measured here (e.g. a peer that is not installed)."""

    name: str
    title: str
    reason: str
    group: str = ""
    kind: str = REFERENCE

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


Row = Result | Skipped


def _format_value(value: float, unit: str) -> str:
    if unit == "calls/s":
        return f"{value:,.0f} {unit}"
    if value >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.2f} {unit}" if value < 10 else f"{value:.1f} {unit}"


def format_table(results: Sequence[Row]) -> str:
    """A plain-text table, one row per result; its ratio ends with ``x`` (e.g. ``1.031x``).

    Rows come in the order measured, grouped by benchmark. ``delta`` is subject minus baseline
    in the row's unit; ``rounds`` the range of the per-round ratios, a measure of the noise;
    ``target`` says ``A/A`` for the control rows. A skipped row says why in place of figures.
    """
    header = ("benchmark", "SDK / subject", "baseline", "delta", "ratio", "rounds", "target", "met")
    rows: list[tuple[str, ...]] = [header]
    for r in results:
        if isinstance(r, Skipped):
            rows.append((r.name, f"skipped: {r.reason}", "", "", "", "", "-", "-"))
            continue
        paired = r.paired_ratios
        met = {None: "-", True: "yes", False: "NO"}[r.met]
        rows.append(
            (
                r.name,
                f"{r.subject}: {_format_value(r.subject_median, r.unit)}",
                f"{r.baseline}: {_format_value(r.baseline_median, r.unit)}",
                f"{r.subject_median - r.baseline_median:+.1f}",
                f"{r.ratio:.3f}x",
                f"{min(paired):.2f}-{max(paired):.2f}x",
                "A/A" if r.kind == CONTROL else r.target_text,
                met,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def _commit() -> str | None:
    """The checkout's commit, with ``+dirty`` when waycore/ differs from it."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "waycore", "generated"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{head}+dirty" if head and dirty else head or None


def machine_info() -> dict[str, Any]:
    """What the figures were measured on."""
    import httpx2

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "commit": _commit(),
        "cores": os.cpu_count(),
        "cpu_model": cpu,
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "httpx2": httpx2.__version__,
        "packages": _versions(),
        "loadavg_at_start": list(os.getloadavg()),
    }


# The HTTP stack, the references and the optional peers (None: not installed).
_PACKAGES = (
    "httpx2",
    "httpcore2",
    "httpx",
    "httpcore",
    "h11",
    "anyio",
    "attrs",
    "pydantic-core",
    "openai",
    "stripe",
    "requests",
)


def _versions() -> dict[str, str | None]:
    from importlib import metadata

    found: dict[str, str | None] = {}
    for name in _PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def write_json(
    path: Path, settings: Settings, info: dict[str, Any], rows: Sequence[Row], seed: int
) -> None:
    info = {**info, "loadavg_at_end": list(os.getloadavg())}
    payload = {
        "mode": "quick" if settings.quick else "full",
        "settings": asdict(settings),
        "order_seed": seed,
        "machine": info,
        "results": [r.to_json() for r in rows if isinstance(r, Result)],
        "skipped": [r.to_json() for r in rows if isinstance(r, Skipped)],
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
