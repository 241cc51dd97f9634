"""generated/waycore_raw: reproducible from the spec, parses the documented examples, ships.

The generator runs here are real (a second or two each). They happen in tmp dirs, never in
generated/: three `openapi-python-client generate` runs in the module fixture, plus
`scripts/regenerate --check` (read-only).
"""

from __future__ import annotations

import configparser
import copy
import datetime
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from waycore_raw.models import (
    ConnectionStatus,
    ReadyConnection,
    SetupConnection,
    SyncStatus,
)
from waycore_raw.types import Unset

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi" / "waycore.yaml"
CONFIG_PATH = ROOT / "openapi" / "generator-config.yaml"
GENERATED = ROOT / "generated" / "waycore_raw"


def _load_script(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


use_httpx2 = _load_script("_use_httpx2")
# The venv's bin dir (not resolved: the interpreter may be a symlink out of the venv), so the
# generator's post-hooks find the pinned ruff and scripts/ find the pinned generator.
VENV_BIN = Path(sys.executable).parent
# Tool caches that must never land in generated/ (Python's own __pycache__ is allowed on disk:
# importing waycore_raw from the editable install writes it; it is git-ignored).
TOOL_CACHES = {".ruff_cache", ".mypy_cache", ".pytest_cache"}

EXAMPLES: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))["components"][
    "examples"
]
DATETIME_KEYS = {"createdAt", "updatedAt", "lastSyncedAt"}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under root (relative path -> bytes), skipping Python bytecode caches."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@dataclass(frozen=True)
class Generation:
    out: Path
    raw_had_ruff_cache: bool
    raw_had_py_typed: bool


def _generate(spec: Path, out: Path) -> Generation:
    """Run the generator exactly as scripts/regenerate does, then its two fix-ups."""
    exe = shutil.which("openapi-python-client", path=_env()["PATH"])
    assert exe is not None, "openapi-python-client is not installed in the venv"
    out.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [
            exe,
            "generate",
            "--path",
            str(spec),
            "--config",
            str(CONFIG_PATH),
            "--meta",
            "none",
            "--output-path",
            str(out),
            "--fail-on-warning",
        ],
        cwd=out.parent,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    had_cache = (out / ".ruff_cache").exists()
    had_py_typed = (out / "py.typed").exists()
    # scripts/regenerate: "--meta none writes no py.typed and leaves the formatter's cache".
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
    (out / "py.typed").write_bytes(b"")
    use_httpx2.rewrite(out)
    return Generation(out, had_cache, had_py_typed)


@dataclass(frozen=True)
class Runs:
    first: Generation
    second: Generation
    modified: Generation


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    base = tmp_path_factory.mktemp("regen")
    first = _generate(SPEC_PATH, base / "first" / "waycore_raw")
    second = _generate(SPEC_PATH, base / "second" / "waycore_raw")

    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    spec["components"]["schemas"]["ReadyConnection"]["properties"]["nickname"] = {
        "type": ["string", "null"],
        "description": "A name the integrator gave the connection.",
    }
    modified_spec = base / "modified" / "waycore.yaml"
    modified_spec.parent.mkdir(parents=True)
    modified_spec.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    modified = _generate(modified_spec, base / "modified" / "waycore_raw")
    return Runs(first, second, modified)


# --- generated/ is exactly what the spec produces --------------------------------------------


def test_generated_matches_a_fresh_regeneration() -> None:
    proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [str(ROOT / "scripts" / "regenerate"), "--check"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_generator_output_is_deterministic(runs: Runs) -> None:
    first = _tree(runs.first.out)
    assert "models/ready_connection.py" in first
    assert first == _tree(runs.second.out)


def test_fresh_output_equals_generated_dir(runs: Runs) -> None:
    """The same check as `scripts/regenerate --check`, ignoring bytecode caches."""
    assert _tree(runs.first.out) == _tree(GENERATED)


def test_no_tool_caches_in_the_output(runs: Runs) -> None:
    # The raw generator output does hold ruff's cache and no py.typed (the known trap);
    # scripts/regenerate's fix-ups, mirrored in _generate, remove / add them.
    assert runs.first.raw_had_ruff_cache
    assert not runs.first.raw_had_py_typed
    for root in (runs.first.out, GENERATED):
        dirs = {p.name for p in root.rglob("*") if p.is_dir()}
        assert dirs & TOOL_CACHES == set(), root
        files = {
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        assert {f for f in files if not f.endswith(".py")} == {"py.typed"}, root


def test_a_spec_change_reaches_the_generated_model(runs: Runs) -> None:
    original, modified = _tree(runs.first.out), _tree(runs.modified.out)
    changed = {
        path
        for path in original.keys() | modified.keys()
        if original.get(path) != modified.get(path)
    }
    # Only the model gained a field: the YAML round trip changed nothing else.
    assert changed == {"models/ready_connection.py"}
    new_model = modified["models/ready_connection.py"].decode()
    assert "nickname: None | str | Unset = UNSET" in new_model
    assert '"nickname"' in new_model
    assert b"nickname" not in original["models/ready_connection.py"]
    assert b"nickname" not in (GENERATED / "models" / "ready_connection.py").read_bytes()


def test_py_typed_is_present() -> None:
    assert (GENERATED / "py.typed").is_file()


# --- the generated models read the documented examples --------------------------------------


def _example(name: str) -> dict[str, Any]:
    return copy.deepcopy(EXAMPLES[name]["value"])


def _normalise(payload: Any) -> Any:
    """Datetimes compared as instants: the API writes `Z`, isoformat writes `+00:00`."""
    if isinstance(payload, dict):
        return {
            key: (
                datetime.datetime.fromisoformat(value)
                if key in DATETIME_KEYS and isinstance(value, str)
                else _normalise(value)
            )
            for key, value in payload.items()
        }
    return payload


def _utc(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_ready_example_parses() -> None:
    example = _example("ReadyConnection")
    conn = ReadyConnection.from_dict(example)
    assert (conn.id, conn.entity_id, conn.institution_id) == (
        "conn_123",
        "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "chase",
    )
    assert conn.status is ConnectionStatus.ACTIVE
    assert conn.sync_status is SyncStatus.IDLE
    assert conn.kind == "ready"
    for value in (conn.created_at, conn.updated_at, conn.last_synced_at):
        assert isinstance(value, datetime.datetime)
        assert value.utcoffset() == datetime.timedelta(0)
    assert conn.created_at == _utc(example["createdAt"])
    assert conn.portal_url == "https://secure.chase.com/web/auth/dashboard"
    assert conn.institution_name == "Chase"
    assert conn.error_code is None
    assert conn.error_message is None
    assert not isinstance(conn.metadata, Unset)
    assert conn.metadata.to_dict() == {}
    assert conn.additional_properties == {}


def test_ready_example_round_trips() -> None:
    example = _example("ReadyConnection")
    assert _normalise(ReadyConnection.from_dict(example).to_dict()) == _normalise(example)


def test_generated_parser_leaves_a_missing_kind_unset() -> None:
    """Another trap: the spec's `default: ready` only reaches __init__, not from_dict.

    A payload without `kind` parses, but `kind` is `UNSET` rather than "ready": the overlay
    must treat a missing kind as ready itself.
    """
    example = _example("ReadyConnection")
    del example["kind"]
    conn = ReadyConnection.from_dict(example)
    assert isinstance(conn.kind, Unset)
    assert "kind" not in conn.to_dict()
    assert conn.id == "conn_123"


def test_setup_example_parses() -> None:
    example = _example("SetupConnection")
    conn = SetupConnection.from_dict(example)
    assert (conn.id, conn.entity_id, conn.institution_id, conn.kind) == (
        "conn_123",
        "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "chase",
        "setup",
    )
    assert conn.status is ConnectionStatus.DRAFT
    assert conn.created_at.utcoffset() == datetime.timedelta(0)
    assert conn.updated_at == _utc(example["updatedAt"])
    setup = conn.setup
    assert setup.status == "awaitingDelegatedUserCreation"
    assert setup.credentials_present is False
    assert setup.action_required_by == "endUser"
    assert setup.next_action == "createDelegatedUser"
    instructions = setup.instructions
    assert not isinstance(instructions, Unset)
    assert (
        instructions.first_name,
        instructions.last_name,
        instructions.address,
        instructions.email,
        instructions.username,
        instructions.phone_number,
        instructions.email_provisioning_status,
        instructions.phone_number_provisioning_status,
    ) == (
        "Waycore",
        "Delegate",
        "123 Market St, San Francisco, CA 94105",
        "acme.delegate@users.waycore.com",
        "acme_waycore",
        "+14155550123",
        "pending",
        "pending",
    )


def test_setup_example_round_trips() -> None:
    example = _example("SetupConnection")
    assert _normalise(SetupConnection.from_dict(example).to_dict()) == _normalise(example)


def test_generated_parser_keeps_unknown_fields() -> None:
    example = {**_example("ReadyConnection"), "newField": {"a": 1}}
    assert ReadyConnection.from_dict(example).additional_properties == {"newField": {"a": 1}}


def test_generated_parser_raises_on_an_unknown_status() -> None:
    """The known generator trap: a status the spec does not list loses the whole response.

    This is why the `waycore` overlay parses payloads itself instead of calling from_dict.
    """
    example = {**_example("ReadyConnection"), "status": "suspended"}
    with pytest.raises(ValueError, match="suspended"):
        ReadyConnection.from_dict(example)


def test_generated_parser_rejects_the_other_kind() -> None:
    with pytest.raises(ValueError, match="kind"):
        ReadyConnection.from_dict({**_example("ReadyConnection"), "kind": "setup"})
    with pytest.raises(ValueError, match="kind"):
        SetupConnection.from_dict({**_example("SetupConnection"), "kind": "ready"})


# --- packaging --------------------------------------------------------------------------------


def test_wheel_ships_both_packages_and_the_cli(tmp_path: Path) -> None:
    """Build the wheel (about 3 s). Without hatchling in the venv, pip fetches it once
    into an isolated build environment."""
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check"]
    if importlib.util.find_spec("hatchling") is not None:
        cmd.append("--no-build-isolation")
    cmd += ["-q", "-w", str(tmp_path), str(ROOT)]
    proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
        cmd, env=_env(), capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = tmp_path.glob("waycore-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        entry_text = zf.read(entry_points).decode()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata_text = zf.read(metadata).decode()

    # One HTTP stack: httpx2, never the unmaintained httpx.
    requires = [
        line.split(":", 1)[1].strip()
        for line in metadata_text.splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    names_required = {re.split(r"[<>=!~ ;\[]", r, maxsplit=1)[0].lower() for r in requires}
    assert "httpx2" in names_required and "httpx" not in names_required, requires
    assert "Classifier: Programming Language :: Python :: 3.13" in metadata_text
    assert any(n.endswith("LICENSE") for n in names), "the MIT license text ships in the wheel"

    assert {
        "waycore/__init__.py",
        "waycore/py.typed",
        "waycore_raw/__init__.py",
        "waycore_raw/py.typed",
        "waycore_raw/models/ready_connection.py",
    } <= names
    # Installed as top-level packages, without the repo's folders or bytecode.
    top_level = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert top_level == {"waycore", "waycore_raw"}
    assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]

    parser = configparser.ConfigParser()
    parser.read_string(entry_text)
    assert parser["console_scripts"]["waycore"] == "waycore._cli:main"


def test_import_waycore_loads_httpx2_and_never_httpx() -> None:
    code = (
        "import sys, waycore, waycore.testing, waycore_raw.client\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('httpx')}))"
    )
    proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert proc.stdout.strip() == "['httpx2']"


def test_an_httpx_client_is_refused_with_what_to_pass_instead() -> None:
    httpx = pytest.importorskip("httpx")  # a dev tool brings it; waycore never does
    import waycore

    with httpx.Client() as old, pytest.raises(TypeError, match=r"pass an httpx2\.Client"):
        waycore.Waycore("way_k", http_client=old)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"pass an httpx2\.AsyncClient"):
        waycore.AsyncWaycore("way_k", http_client=httpx.AsyncClient())  # type: ignore[arg-type]
