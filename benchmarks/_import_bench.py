"""``import waycore`` vs ``import httpx2``, each in a fresh interpreter of a clean venv.

The venv holds only the installed wheel and its runtime dependencies (httpx2, attrs), not the
generator or the dev tools, plus httpx for the one reference row (installed after the wheel,
once it is recorded whether the wheel's own dependencies brought httpx in: they must not). It
is cached in ``benchmarks/.venv-import`` and rebuilt when ``pyproject.toml`` changes; the
waycore wheel in it is reinstalled when the sources change.

``--import-python PATH`` measures in another interpreter instead (the smoke test passes the
test's own, to need no network); its rows then say ``clean venv: no``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Final

from ._harness import CONTROL, TARGET, Result, Row, Settings, Skipped, interleave
from ._server import ROOT

VENV: Final = Path(__file__).resolve().parent / ".venv-import"
_DEPS_KEY: Final = VENV / ".pyproject-key"
_SOURCE_KEY: Final = VENV / ".source-key"
# Whether installing the wheel with its dependencies brought httpx in ("yes"/"no").
_WHEEL_HTTPX: Final = VENV / ".wheel-installs-httpx"
# Nanoseconds spent in the import statement alone (not interpreter start-up).
_PROBE: Final = (
    "import time; t = time.perf_counter_ns(); import {module}; print(time.perf_counter_ns() - t)"
)
# What `import waycore` loads, in a fresh interpreter: httpx2, and never httpx.
_CHECK: Final = """
import importlib.util, json, sys
import waycore
loaded = sorted(m for m in sys.modules if m.partition(".")[0] == "httpx")
print(json.dumps({
    "waycore": waycore.__file__,
    "httpx_modules_loaded": loaded,
    "httpx2_loaded": "httpx2" in sys.modules,
    "generator_installed": importlib.util.find_spec("openapi_python_client") is not None,
    "httpx_installed": importlib.util.find_spec("httpx") is not None,
}))
"""


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
        pip_install = [str(_python()), "-m", "pip", "install", "--quiet"]
        if fresh:
            if log:
                print(f"  creating {VENV.relative_to(ROOT)} (httpx2, attrs, httpx from PyPI)…")
            shutil.rmtree(VENV, ignore_errors=True)
            _run([sys.executable, "-m", "venv", str(VENV)])
            _run([*pip_install, wheel])
            has_httpx = _run([str(_python()), "-I", "-c", _HAS_HTTPX]).strip()
            _WHEEL_HTTPX.write_text("yes" if has_httpx == "True" else "no")
            # For the reference row only; a failure here skips that row.
            subprocess.run([*pip_install, "httpx"], capture_output=True, timeout=600)
            _DEPS_KEY.write_text(deps_key)
        else:
            _run([*pip_install, "--no-deps", "--force-reinstall", wheel])
    _SOURCE_KEY.write_text(source_key)
    return _python()


_HAS_HTTPX: Final = "import importlib.util; print(importlib.util.find_spec('httpx') is not None)"


def _import_ms(python: Path, module: str, cwd: Path) -> float:
    # -I: no user site, no PYTHON* variables, and not the checkout on sys.path.
    out = _run([str(python), "-I", "-c", _PROBE.format(module=module)], cwd=cwd)
    return int(out.strip()) / 1e6


def bench_import(settings: Settings) -> list[Row]:
    """Median import time of waycore and of httpx2 (and httpx), interleaved, fresh interpreters."""
    clean = settings.import_python is None
    python = ensure_venv() if clean else Path(settings.import_python or sys.executable)
    notes: dict[str, Any] = {
        "interpreters_per_contender": settings.import_runs,
        "python": str(python),
        "clean_venv": clean,
    }
    if clean:
        notes["wheel_installs_httpx"] = (
            _WHEEL_HTTPX.read_text() == "yes" if _WHEEL_HTTPX.exists() else None
        )
    with tempfile.TemporaryDirectory(prefix="waycore-import-") as tmp:
        cwd = Path(tmp)
        check = json.loads(_run([str(python), "-I", "-c", _CHECK], cwd=cwd))
        if clean and (not check["waycore"].startswith(str(VENV)) or check["generator_installed"]):
            raise RuntimeError(f"the import venv is not clean: waycore from {check['waycore']}")
        loads_httpx = bool(check["httpx_modules_loaded"])
        notes.update(
            waycore_loads_httpx=loads_httpx,
            httpx_modules_loaded=check["httpx_modules_loaded"],
            waycore_loads_httpx2=check["httpx2_loaded"],
        )
        verdict = f"YES {check['httpx_modules_loaded']}" if loads_httpx else "no"
        print(
            f"  import waycore loads httpx: {verdict}"
            f" (httpx2: {'yes' if check['httpx2_loaded'] else 'no'};"
            f" httpx installed there: {'yes' if check['httpx_installed'] else 'no'})",
            flush=True,
        )
        modules = {"waycore": "waycore", "httpx2": "httpx2", "httpx2-aa": "httpx2"}
        if check["httpx_installed"]:
            modules["httpx"] = "httpx"
        warmups = 1 if settings.quick else 3
        for module in set(modules.values()):  # compile .pyc files, warm the page cache
            for _ in range(warmups):
                _import_ms(python, module, cwd)
        samples = interleave(
            {
                name: functools.partial(_import_ms, python, module, cwd)
                for name, module in modules.items()
            },
            settings.import_runs,
        )

    def row(name: str, title: str, subject: str, baseline: str, **kwargs: Any) -> Result:
        result = Result(
            name=name,
            title=title,
            unit="ms",
            subject=subject,
            baseline=baseline,
            subject_samples=samples[subject],
            baseline_samples=samples[baseline],
            notes=dict(notes),
            group="import",
            **kwargs,
        )
        result.notes["delta_ms"] = result.subject_median - result.baseline_median
        return result

    venv = "clean venv" if clean else "given interpreter, not a clean venv"
    rows: list[Row] = [
        row(
            "import",
            f"import waycore vs import httpx2 (fresh interpreter, {venv})",
            "waycore",
            "httpx2",
            target=1.2,
            kind=TARGET,
        ),
        row(
            "import-aa", "A/A control: import httpx2 vs itself", "httpx2-aa", "httpx2", kind=CONTROL
        ),
    ]
    title = "reference: import httpx (unmaintained) vs import httpx2"
    if "httpx" in modules:
        rows.append(row("import-httpx", title, "httpx", "httpx2"))
    else:
        reason = "httpx is not installed in the import venv"
        rows.append(Skipped(name="import-httpx", title=title, reason=reason, group="import"))
    return rows
