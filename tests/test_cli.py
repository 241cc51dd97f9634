"""The `waycore` command, run in-process against a sandbox on loopback."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

import waycore
from waycore._cli import main
from waycore.testing import Sandbox

ENTITY = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
PASSWORD = "cli-bank-password-42"


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with Sandbox(activation_polls=1) as box:
        monkeypatch.setenv("WAYCORE_API_KEY", box.api_key)
        monkeypatch.setenv("WAYCORE_BASE_URL", box.base_url)
        yield box


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def create(capsys: pytest.CaptureFixture[str], institution: str = "chase") -> dict[str, object]:
    code, lines, _ = run(
        capsys, "connections", "create", "--entity-id", ENTITY, "--institution-id", institution
    )
    assert code == 0 and len(lines) == 1
    created: dict[str, object] = json.loads(lines[0])
    return created


@pytest.mark.usefixtures("sandbox")
def test_onboarding_from_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = create(capsys)
    assert conn["kind"] == "setup" and conn["status"] == "draft"
    assert conn["setup"]["instructions"]["username"]  # type: ignore[index]
    conn_id = str(conn["id"])

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code, lines, err = run(
        capsys, "connections", "credentials", conn_id, "--bank-username", "acme", "--password"
    )
    assert code == 0
    assert json.loads(lines[0])["setup"]["credentials_present"] is True
    assert PASSWORD not in "\n".join(lines) + err

    code, lines, _ = run(capsys, "connections", "complete-setup", conn_id)
    assert code == 0 and json.loads(lines[0])["status"] == "pendingActivation"

    code, lines, _ = run(
        capsys, "connections", "wait", conn_id, "--timeout", "10", "--poll-interval", "0.01"
    )
    ready = json.loads(lines[0])
    assert code == 0 and ready["kind"] == "ready" and ready["status"] == "active"

    code, lines, _ = run(capsys, "connections", "get", conn_id)
    assert code == 0 and json.loads(lines[0])["id"] == conn_id

    code, lines, _ = run(capsys, "connections", "sync", conn_id)
    assert code == 0 and json.loads(lines[0]) == {"id": conn_id, "sync": "queued"}
    code, lines, err = run(capsys, "connections", "sync", conn_id)
    assert code == 1 and lines == []
    assert err.startswith("waycore: error: ConflictError: Error code: 409")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.usefixtures("sandbox")
def test_list_prints_one_object_per_line_across_pages(capsys: pytest.CaptureFixture[str]) -> None:
    ids = {create(capsys, institution)["id"] for institution in ("chase", "bofa", "svb")}
    code, lines, _ = run(capsys, "connections", "list", "--entity-id", ENTITY, "--limit", "2")
    assert code == 0
    assert {json.loads(line)["id"] for line in lines} == ids


@pytest.mark.usefixtures("sandbox")
def test_errors_are_one_line_with_a_non_zero_exit(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(capsys, "connections", "get", "conn_missing")
    assert (code, lines) == (1, [])
    assert re.fullmatch(
        r"waycore: error: NotFoundError: Error code: 404 - not_found: Connection not found\. "
        r"\(request_id=req_\w+\)\n",
        err,
    )

    code, _, err = run(capsys, "connections", "create", "--entity-id", "nope", "--portal-url", "x")
    assert code == 1
    assert err.strip() == "waycore: error: ValueError: entity_id must be a UUID, got 'nope'"


def test_missing_api_key_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WAYCORE_API_KEY", raising=False)
    code, _, err = run(capsys, "connections", "get", "conn_1")
    assert code == 1
    assert "WaycoreError: No API key" in err and "WAYCORE_API_KEY" in err


def test_a_password_on_the_command_line_is_refused_and_not_echoed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["connections", "credentials", "conn_1", "--password", PASSWORD])
    out, err = capsys.readouterr()
    assert exited.value.code == 2
    assert PASSWORD not in out + err
    assert "passwords are read from stdin" in err


def test_sandbox_command_serves_until_stopped() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "waycore._cli", "sandbox", "--port", "0", "--api-key", "way_k"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stderr is not None
        banner = proc.stderr.readline()
        assert banner.startswith("Waycore sandbox on http://127.0.0.1:")
        base_url = banner.rsplit(" ", 1)[1].strip()
        with (
            waycore.Waycore("way_k", base_url=base_url, max_retries=0) as client,
            pytest.raises(waycore.NotFoundError),
        ):
            client.connections.retrieve("conn_nope")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
