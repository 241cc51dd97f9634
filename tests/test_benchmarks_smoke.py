"""The benchmark suite works: one ``--quick`` run of every benchmark (not a timed test).

It asserts the shape of the results (every row present, ratios finite and positive, one A/A
control per table, peers that are absent skipped as "not installed"), never a timing. The
benchmarks themselves are never part of the test suite; see BENCHMARKS.md.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = 12345

# Every row of a full run, by table; each table holds exactly one A/A control (`*-aa`).
ROWS = {
    "create": ("create", "create-aa", "create-httpx"),
    "retrieve": ("retrieve", "retrieve-aa"),
    "list": ("list", "list-aa"),
    "txlist": ("txlist", "txlist-aa"),
    "feed": ("feed", "feed-aa"),
    "parse": ("parse", "parse-aa", "parse-json", "parse-pydantic"),
    "async32": ("async32", "async32-aa"),
    "async64": ("async64", "async64-aa"),
    "peers": ("peers-sdk", "peers-generated", "peers-openai", "peers-stripe", "peers-aa"),
    "memory": ("memory", "memory-growth", "memory-hold", "memory-aa"),
    "import": ("import", "import-aa", "import-httpx"),
}
# Rows that depend on an optional package, and the package.
OPTIONAL = {
    "create-httpx": "httpx",
    "parse-pydantic": "pydantic-core",
    "peers-openai": "openai",
    "peers-stripe": "stripe",
    "import-httpx": "httpx",
}
TARGETS = {"create", "retrieve", "list", "parse", "async32", "async64", "memory-growth", "import"}


def _run(args: list[str], tmp_path: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    results = tmp_path / "results.json"
    command = [sys.executable, "-m", "benchmarks", "--quick", "--seed", str(SEED)]
    done = subprocess.run(  # noqa: S603 - our own interpreter and module, fixed arguments
        [*command, *args, "--json", str(results)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    data: dict[str, Any] = json.loads(results.read_text())
    data["stdout"] = done.stdout
    return data


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every benchmark once, quick; `import` in this interpreter (the clean venv needs PyPI)."""
    return _run(["--import-python", sys.executable], tmp_path_factory.mktemp("bench"))


def _rows(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in data["results"] + data["skipped"]}


def test_the_run_is_quick_and_reproducible(quick_run: dict[str, Any]) -> None:
    assert quick_run["mode"] == "quick"
    assert quick_run["order_seed"] == SEED
    assert quick_run["settings"]["quick"] is True
    assert quick_run["machine"]["httpx2"]


@pytest.mark.parametrize("table", sorted(ROWS))
def test_every_table_has_its_rows_and_one_aa_control(quick_run: dict[str, Any], table: str) -> None:
    rows = _rows(quick_run)
    for name in ROWS[table]:
        assert name in rows, f"{name} missing from {sorted(rows)}"
        assert rows[name]["group"] == table
    controls = [rows[name] for name in ROWS[table] if rows[name]["kind"] == "control"]
    assert [c["name"] for c in controls] == [f"{table}-aa"]
    assert "reason" not in controls[0], controls[0]  # measured, never skipped
    # The baseline of every table is raw httpx2 (or the old parser, json.loads, one page...).
    if table in ("create", "retrieve", "list", "txlist", "feed", "async32", "async64"):
        assert rows[table]["baseline"] == "raw httpx2"


def test_ratios_are_present_finite_and_positive(quick_run: dict[str, Any]) -> None:
    rounds = quick_run["settings"]["rounds"]
    for row in quick_run["results"]:
        name = row["name"]
        assert math.isfinite(row["ratio"]) and row["ratio"] > 0, name
        assert row["ratio"] == pytest.approx(row["subject_median"] / row["baseline_median"])
        assert row["paired_ratio_min"] > 0 and math.isfinite(row["paired_ratio_max"]), name
        assert row["subject_samples"] and row["baseline_samples"], name
        if row["group"] in ("create", "retrieve", "list", "txlist", "feed", "parse", "peers"):
            assert len(row["subject_samples"]) == rounds, name
        if name in TARGETS:
            assert row["kind"] == "target" and row["target"] > 0 and row["met"] in (True, False)
        # Each row shows up in the printed table with its ratio.
        assert re.search(rf"^{re.escape(name)}\s.*?\b\d+\.\d{{3}}x", quick_run["stdout"], re.M)


def test_only_optional_rows_are_skipped_and_say_why(quick_run: dict[str, Any]) -> None:
    for row in quick_run["skipped"]:
        package = OPTIONAL.get(row["name"])
        assert package is not None, f"{row['name']} skipped: {row['reason']}"
        assert row["reason"].startswith(package) and "not installed" in row["reason"], row


def test_import_waycore_does_not_load_httpx(quick_run: dict[str, Any]) -> None:
    [row] = [r for r in quick_run["results"] if r["name"] == "import"]
    assert row["notes"]["waycore_loads_httpx"] is False, row["notes"]["httpx_modules_loaded"]
    assert row["notes"]["waycore_loads_httpx2"] is True
    assert "import waycore loads httpx: no" in quick_run["stdout"]


def test_the_transaction_benchmarks_measure_what_they_say(quick_run: dict[str, Any]) -> None:
    """`txlist` walks 10 × 500 transactions; `feed` follows 10,000 events from a saved cursor,
    reported in events/s (higher is better), with no target: both are references."""
    rows = _rows(quick_run)
    for name in ("txlist", "txlist-aa"):
        assert rows[name]["unit"] == "ms/walk" and rows[name]["higher_is_better"] is False
        assert rows[name]["notes"]["items_per_walk"] == 5000
    for name in ("feed", "feed-aa"):
        row = rows[name]
        assert row["unit"] == "events/s" and row["higher_is_better"] is True
        notes = row["notes"]
        assert notes["events_per_run"] == 10_000 == sum(notes["event_mix"].values())
        assert notes["pages_per_run"] == 10_000 // notes["events_per_page"]
        assert set(notes["event_mix"]) == {"added", "modified", "removed"}
        assert all(count > 0 for count in notes["event_mix"].values())
    assert "saved head cursor" in rows["feed"]["title"]
    assert "no bootstrap" in rows["feed"]["title"]
    for name in ("txlist", "feed"):
        assert rows[name]["kind"] == "reference" and rows[name]["target"] is None
        assert rows[name]["subject"] == "sdk"


def test_only_runs_the_transaction_benchmarks(tmp_path: Path) -> None:
    """`--only txlist,feed` runs those two tables and nothing else."""
    data = _run(["--only", "txlist,feed"], tmp_path)
    assert [row["name"] for row in data["results"]] == ["txlist", "txlist-aa", "feed", "feed-aa"]
    assert not data["skipped"]
    for row in data["results"]:
        assert math.isfinite(row["ratio"]) and row["ratio"] > 0, row["name"]
        samples = row["subject_samples"] + row["baseline_samples"]
        assert samples and all(math.isfinite(v) and v > 0 for v in samples), row["name"]


def test_absent_peers_are_reported_not_installed(tmp_path: Path) -> None:
    """With openai, stripe, pydantic-core and httpx unimportable, those rows are skipped."""
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    for module in ("openai", "stripe", "pydantic_core", "httpx"):
        (blocked / f"{module}.py").write_text(f"raise ImportError('{module} blocked by the test')")
    env = {**os.environ, "PYTHONPATH": str(blocked)}
    data = _run(["--only", "create,parse,peers"], tmp_path, env=env)
    skipped = {row["name"]: row["reason"] for row in data["skipped"]}
    assert skipped == {
        "create-httpx": "httpx is not installed",
        "parse-pydantic": "pydantic-core is not installed",
        "peers-openai": "openai is not installed",
        "peers-stripe": "stripe is not installed",
    }
    assert {"create", "parse", "peers-sdk", "peers-generated", "peers-aa"} <= {
        row["name"] for row in data["results"]
    }
    assert re.search(r"^peers-openai\s+skipped: openai is not installed", data["stdout"], re.M)
