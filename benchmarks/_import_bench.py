"""``import waycore`` vs ``import httpx2``, each in a fresh interpreter of a clean venv.

The venv holds only the installed wheel and its runtime dependencies (httpx2, attrs), not the
generator or the dev tools. It is cached in ``benchmarks/.venv-import`` and rebuilt when
``pyproject.toml`` changes; the waycore wheel in it is reinstalled when the sources change.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Final

from ._harness import Result, Settings, interleave
from ._server import ROOT

VENV: Final = Path(__file__).resolve().parent / ".venv-import"
_DEPS_KEY: Final = VENV / ".pyproject-key"
_SOURCE_KEY: Final = VENV / ".source-key"
# Nanoseconds spent in the import statement alone (not interpreter start-up).
_PROBE: Final = (
    "import time; t = time.perf_counter_ns(); import {module}; print(time.perf_counter_ns() - t)"
)
_CHECK: Final = (
    "import importlib.util, waycore; "
    "print(waycore.__file__); "
    "print(importlib.util.find_spec('openapi_python_client') is None)"
)


def _python() -> Path:
    return VENV / "bin" / "python"


def _digest(paths: list[Path]) -> str:
    sha = hashlib.sha256()
    for path in paths:
        sha.update(str(path.relative_to(ROOT)).encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:16]


def _source_files() -> list[Path]:
    files = [ROOT / "pyproject.toml"]
    for package in (ROOT / "waycore", ROOT / "generated" / "waycore_raw"):
        files.extend(p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".typed"))
    return sorted(files)


def _run(args: list[str], cwd: Path | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def ensure_venv(log: bool = True) -> Path:
    """The clean venv's interpreter, (re)building the venv and the wheel in it as needed."""
    deps_key = _digest([ROOT / "pyproject.toml"])
    source_key = _digest(_source_files())
    fresh = not (_python().exists() and _DEPS_KEY.exists() and _DEPS_KEY.read_text() == deps_key)
    if not fresh and _SOURCE_KEY.exists() and _SOURCE_KEY.read_text() == source_key:
        return _python()
    with tempfile.TemporaryDirectory(prefix="waycore-wheel-") as wheel_dir:
        if log:
            print("  building the waycore wheel…", flush=True)
        # The dev venv has hatchling (a dev extra), so this needs no network.
        pip_wheel = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
        _run([*pip_wheel, "--no-build-isolation", "--wheel-dir", wheel_dir, str(ROOT)])
        wheel = str(next(Path(wheel_dir).glob("waycore-*.whl")))
        if fresh:
            if log:
                print(f"  creating {VENV.relative_to(ROOT)} (httpx2 and attrs from PyPI)…")
            shutil.rmtree(VENV, ignore_errors=True)
            _run([sys.executable, "-m", "venv", str(VENV)])
            _run([str(_python()), "-m", "pip", "install", "--quiet", wheel])
            _DEPS_KEY.write_text(deps_key)
        else:
            pip_install = [str(_python()), "-m", "pip", "install", "--quiet"]
            _run([*pip_install, "--no-deps", "--force-reinstall", wheel])
    _SOURCE_KEY.write_text(source_key)
    return _python()


def _import_ms(python: Path, module: str, cwd: Path) -> float:
    # -I: no user site, no PYTHON* variables, and not the checkout on sys.path.
    out = _run([str(python), "-I", "-c", _PROBE.format(module=module)], cwd=cwd)
    return int(out.strip()) / 1e6


def bench_import(settings: Settings) -> list[Result]:
    """Median import time of waycore and of httpx2, interleaved, one fresh interpreter each."""
    python = ensure_venv()
    with tempfile.TemporaryDirectory(prefix="waycore-import-") as tmp:
        cwd = Path(tmp)
        location, no_generator = _run([str(python), "-I", "-c", _CHECK], cwd=cwd).split()
        if not location.startswith(str(VENV)) or no_generator != "True":
            raise RuntimeError(f"the import venv is not clean: waycore from {location}")
        for module in ("waycore", "httpx2"):  # compile .pyc files, warm the page cache
            for _ in range(3):
                _import_ms(python, module, cwd)
        samples = interleave(
            {
                "waycore": lambda: _import_ms(python, "waycore", cwd),
                "httpx2": lambda: _import_ms(python, "httpx2", cwd),
            },
            settings.import_runs,
        )
    result = Result(
        name="import",
        title="import waycore vs import httpx2 (fresh interpreter, clean venv)",
        unit="ms",
        subject="waycore",
        baseline="httpx2",
        subject_samples=samples["waycore"],
        baseline_samples=samples["httpx2"],
        target=1.2,
        notes={"interpreters_per_contender": settings.import_runs, "venv": str(VENV)},
    )
    result.notes["delta_ms"] = result.subject_median - result.baseline_median
    return [result]
