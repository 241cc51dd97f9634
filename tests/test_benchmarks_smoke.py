"""The benchmark runner works: one quick run of its cheapest benchmark (not a timed test).

The benchmarks themselves are never part of the test suite; see BENCHMARKS.md.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_create_benchmark_runs_and_prints_a_ratio(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    done = subprocess.run(  # noqa: S603 - our own interpreter and module, fixed arguments
        [sys.executable, "-m", "benchmarks", "--quick", "--only", "create", "--json", str(results)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^create\s.*?\b\d+\.\d+x", done.stdout, re.MULTILINE), done.stdout
    data = json.loads(results.read_text())
    assert data["mode"] == "quick"
    [create] = [r for r in data["results"] if r["name"] == "create"]
    assert create["ratio"] > 0
