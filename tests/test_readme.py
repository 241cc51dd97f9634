"""Every Python example in README.md runs against the sandbox and passes `mypy --strict`,
and is formatted as `ruff format` would write it."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from waycore.testing import Sandbox

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def _blocks() -> list[str]:
    return _BLOCK.findall(README.read_text(encoding="utf-8"))


def test_the_readme_has_examples() -> None:
    assert len(_blocks()) >= 10


@pytest.fixture
def sandbox_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Sandbox]:
    """A loopback sandbox the examples reach through $WAYCORE_BASE_URL / $WAYCORE_API_KEY,
    run from an empty folder (the mirror example writes a SQLite file).

    The payment example pays between two USD operating accounts, as a customer with two
    banks has: the README's onboarding connects Chase, and a second bank is connected here.
    """
    with Sandbox() as sandbox:
        with sandbox.client() as client:
            second = client.connections.create(
                entity_id=sandbox.DEFAULT_ENTITY_ID, institution_id="bofa"
            )
            sandbox.set_state(second.id, kind="ready", status="active")
        monkeypatch.setenv("WAYCORE_BASE_URL", sandbox.base_url)
        monkeypatch.setenv("WAYCORE_API_KEY", sandbox.api_key)
        monkeypatch.delenv("WAYCORE_LOG", raising=False)
        monkeypatch.chdir(tmp_path)
        yield sandbox


def test_every_example_runs_against_the_sandbox(
    sandbox_env: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    for number, block in enumerate(_blocks(), start=1):
        namespace: dict[str, object] = {"__name__": f"readme_example_{number}"}
        try:
            exec(compile(block, f"README.md example {number}", "exec"), namespace)  # noqa: S102
        except Exception as exc:  # pragma: no cover - the message is the diagnosis
            pytest.fail(f"README example {number} failed: {type(exc).__name__}: {exc}\n{block}")
    printed = capsys.readouterr().out
    assert "accountNumber" not in printed and "account_number='***'" in printed  # masked
    assert "3c90c3cc" not in printed or "conn_" in printed  # they print what they read


def _write_examples(folder: Path) -> list[Path]:
    paths = []
    for number, block in enumerate(_blocks(), start=1):
        path = folder / f"readme_example_{number}.py"
        path.write_text(block, encoding="utf-8")
        paths.append(path)
    return paths


def test_every_example_passes_mypy_strict(tmp_path: Path) -> None:
    paths = _write_examples(tmp_path)
    proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--python-version",
            "3.11",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_example_is_ruff_formatted(tmp_path: Path) -> None:
    paths = _write_examples(tmp_path)
    proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [
            sys.executable,
            "-m",
            "ruff",
            "format",
            "--check",
            "--diff",
            "--config",
            str(ROOT / "pyproject.toml"),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
