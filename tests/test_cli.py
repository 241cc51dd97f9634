"""The `waycore` command, run in-process against a sandbox on loopback."""

from __future__ import annotations

import argparse
import datetime
import decimal
import io
import json
import os
import re
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator

import pytest

import waycore
from waycore._cli import main
from waycore.testing import Sandbox

# The documented exit codes (README "Command line", `waycore --help`).
EXIT_ERROR, EXIT_USAGE, EXIT_NOT_FOUND, EXIT_AUTH, EXIT_CONFLICT, EXIT_NETWORK = 1, 2, 3, 4, 5, 6
EXIT_BROKEN_PIPE = 141

ENTITY = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
PASSWORD = "cli-bank-password-42"


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with Sandbox(activation_polls=1) as box:
        monkeypatch.setenv("WAYCORE_API_KEY", box.api_key)
        monkeypatch.setenv("WAYCORE_BASE_URL", box.base_url)
        yield box


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    """Run the CLI in-process; usage errors (argparse's SystemExit) give their code too."""
    try:
        code = main(list(argv))
    except SystemExit as exited:
        assert isinstance(exited.code, int)
        code = exited.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err
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
    assert json.loads(lines[0])["setup"]["credentialsPresent"] is True
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
    assert code == EXIT_CONFLICT and lines == []
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
    assert (code, lines) == (EXIT_NOT_FOUND, [])
    assert re.fullmatch(
        r"waycore: error: NotFoundError: Error code: 404 - not_found: Connection not found\. "
        r"\(request_id=req_\w+\)\n",
        err,
    )

    code, _, err = run(capsys, "connections", "create", "--entity-id", "nope", "--portal-url", "x")
    assert code == EXIT_USAGE
    assert err.strip() == "waycore: error: ValueError: entity_id must be a UUID, got 'nope'"


def test_missing_api_key_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WAYCORE_API_KEY", raising=False)
    code, _, err = run(capsys, "connections", "get", "conn_1")
    assert code == EXIT_AUTH
    assert "WaycoreError: No API key" in err and "WAYCORE_API_KEY" in err
    assert "api_key=" not in err  # shell wording, not the SDK's


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


# -- secrets --------------------------------------------------------------------------------


@pytest.mark.parametrize("form", [f"--password={PASSWORD}", "--password="])
def test_a_password_given_with_equals_is_refused_and_not_echoed(
    capsys: pytest.CaptureFixture[str], form: str
) -> None:
    code, lines, err = run(capsys, "connections", "credentials", "conn_1", form)
    assert (code, lines) == (EXIT_USAGE, [])
    assert PASSWORD not in err and "ignored explicit argument" not in err
    assert "--password: takes no value" in err


def test_abbreviated_password_option_is_not_echoed(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "connections", "credentials", "conn_1", f"--pass={PASSWORD}")
    assert code == EXIT_USAGE and PASSWORD not in err


@pytest.mark.parametrize("stdin", ["\n", ""])
def test_an_empty_password_is_refused_and_nothing_is_sent(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sandbox: Sandbox,
    stdin: str,
) -> None:
    conn_id = str(create(capsys)["id"])
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code, lines, err = run(
        capsys, "connections", "credentials", conn_id, "--bank-username", "acme", "--password"
    )
    assert (code, lines) == (EXIT_USAGE, [])
    assert "--password: no password was given on stdin" in err
    assert not [r for r in sandbox.requests if r.path.endswith("/credentials")]


def test_the_api_key_is_never_printed(capsys: pytest.CaptureFixture[str], sandbox: Sandbox) -> None:
    key = sandbox.api_key
    # A server echoing the key in an error, in several encodings.
    echo = f"bad key {key} / {json.dumps(key)} / {key.upper()}"
    sandbox.inject_fault(
        status=401, body={"error": {"code": "unauthorized", "message": echo, "requestId": key}}
    )
    code, _, err = run(capsys, "--api-key", key, "connections", "get", "conn_1")
    assert code == EXIT_AUTH and key not in err and "***" in err
    # argparse errors quoting a value: the key typed where another value belongs.
    for argv in (
        ["--timeout", key, "connections", "list"],
        [f"--api-key={key}", "connections", "list", "--limit", key],
        ["--api-key", key, key],
    ):
        code, _, err = run(capsys, *argv)
        assert code == EXIT_USAGE and key not in err, argv


@pytest.mark.usefixtures("sandbox")
def test_a_password_echoed_by_the_server_is_masked_in_every_encoding(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn_id = str(create(capsys)["id"])
    password = 'pä"ss<wörd>&42'
    echoed = " ".join(
        [password, json.dumps(password), json.dumps(password, ensure_ascii=False), repr(password)]
    )
    sandbox.inject_fault(
        status=422, body={"detail": echoed}, path=f"/connections/{conn_id}/credentials"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    code, lines, err = run(capsys, "connections", "credentials", conn_id, "--password")
    assert (code, lines) == (EXIT_ERROR, [])
    assert "UnprocessableEntityError" in err
    for fragment in ('pä"ss', 'pä\\"ss', "p\\u00e4", "wörd", "w\\u00f6rd", "<w", "&42"):
        assert fragment not in err


# -- no traceback, ever ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:abc", "--base-url is not a valid URL"),
        ("http://127.0.0.1:99999", "--base-url has port 99999"),
        ("http://127.0.0.1:8080\r\n", "--base-url contains whitespace or control characters"),
        ("http://[::1", "--base-url is not a valid URL"),
        ("ftp://example.com", "--base-url must be an absolute http:// or https:// URL"),
        ("https://user:secret-pw@api.example.com", "--base-url may not contain a user name"),
        ("http://api.example.com/v1", "--base-url uses plain http://"),
    ],
)
def test_an_unusable_base_url_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str, expected: str
) -> None:
    monkeypatch.setenv("WAYCORE_API_KEY", "way_k")
    code, lines, err = run(capsys, "--base-url", url, "connections", "get", "conn_1")
    assert (code, lines) == (EXIT_USAGE, [])
    assert err.startswith(f"waycore: error: {expected}") and err.count("\n") == 1
    assert "secret-pw" not in err


def test_an_unusable_base_url_from_the_environment_names_the_variable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAYCORE_API_KEY", "way_k")
    monkeypatch.setenv("WAYCORE_BASE_URL", "http://127.0.0.1:abc")
    code, _, err = run(capsys, "connections", "get", "conn_1")
    assert code == EXIT_USAGE
    assert err.startswith("waycore: error: WAYCORE_BASE_URL is not a valid URL")


@pytest.mark.parametrize("value", ["1e10", "inf", "nan", "0", "-1", "soon"])
def test_an_unusable_timeout_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("WAYCORE_API_KEY", "way_k")
    code, lines, err = run(capsys, "--timeout", value, "connections", "get", "conn_1")
    assert (code, lines) == (EXIT_USAGE, [])
    assert "waycore: error: argument --timeout:" in err
    code, _, err = run(capsys, "connections", "wait", "conn_1", "--timeout", value)
    assert code == EXIT_USAGE and "argument --timeout:" in err


@pytest.mark.parametrize("port", ["65536", "99999", "-1", "http"])
def test_a_sandbox_port_out_of_range_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], port: str
) -> None:
    code, _, err = run(capsys, "sandbox", "--port", port)
    assert code == EXIT_USAGE and "argument --port:" in err


def test_a_sandbox_port_in_use_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(capsys, "sandbox", "--port", str(port))
    assert code == EXIT_ERROR
    assert err == f"waycore: error: cannot serve the sandbox on 127.0.0.1 port {port}: " + (
        "Address already in use\n"
    )


def _connection_body(sandbox: Sandbox, conn_id: str, metadata: str) -> str:
    """The connection as the API renders it, with raw JSON text as its metadata."""
    fields = {k: v for k, v in sandbox.peek(conn_id).items() if k != "metadata"}
    return json.dumps(fields)[:-1] + f', "metadata": {metadata}}}'


def _strict_json(line: str) -> object:
    def refuse(token: str) -> object:
        raise AssertionError(f"bare {token} is not JSON")

    return json.loads(line, parse_constant=refuse)


def test_deeply_nested_metadata_prints(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox
) -> None:
    conn_id = str(create(capsys)["id"])
    depth = 600  # the SDK parses it; attrs.asdict then ran out of stack (RecursionError)
    body = _connection_body(sandbox, conn_id, '{"deep": ' + "[" * depth + "]" * depth + "}")
    sandbox.inject_fault(status=200, body=body, content_type="application/json", method="GET")
    code, lines, err = run(capsys, "connections", "get", conn_id)
    assert (code, err) == (0, "")
    value = _strict_json(lines[0])["metadata"]["deep"]  # type: ignore[index]
    levels = 0
    while value != []:
        (value,) = value
        levels += 1
    assert levels == depth - 1


def test_nan_and_infinity_are_printed_as_strings(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox
) -> None:
    conn_id = str(create(capsys)["id"])
    body = _connection_body(sandbox, conn_id, '{"a": NaN, "b": Infinity, "c": [-Infinity, 1.5]}')
    sandbox.inject_fault(status=200, body=body, content_type="application/json", method="GET")
    code, lines, _ = run(capsys, "connections", "get", conn_id)
    assert code == 0
    metadata = _strict_json(lines[0])["metadata"]  # type: ignore[index]
    assert metadata == {"a": "NaN", "b": "Infinity", "c": ["-Infinity", 1.5]}


def test_json_output_of_other_values() -> None:
    from waycore._cli._output import dumps

    value = {
        "amount": decimal.Decimal("12.30"),
        "nan": decimal.Decimal("NaN"),
        "day": datetime.date(2026, 1, 2),
        "at": datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
        "id": uuid.UUID(ENTITY),
        "status": waycore.ConnectionStatus.ACTIVE,
        "tuple": (1, None, True),
        1: "int key",
        "text": 'quote " and é',
    }
    assert json.loads(dumps(value)) == {
        "amount": "12.30",
        "nan": "NaN",
        "day": "2026-01-02",
        "at": "2026-01-02T03:04:05+00:00",
        "id": ENTITY,
        "status": "active",
        "tuple": [1, None, True],
        "1": "int key",
        "text": 'quote " and é',
    }
    assert dumps(value).isascii()
    assert dumps({"k": "a secret here"}, secrets=["secret"]) == '{"k": "a *** here"}'


def test_a_broken_pipe_exits_quietly(sandbox: Sandbox) -> None:
    """`waycore connections list | head -1`: the reader leaves after the first line."""
    with sandbox.client() as client:
        for institution in ("chase", "bofa", "svb"):
            client.connections.create(entity_id=ENTITY, institution_id=institution)
    # Every page takes a moment, so the reader is gone before the second line is written.
    sandbox.inject_fault(delay=0.3, count=3, method="GET", path="/connections")
    proc = subprocess.Popen(
        [sys.executable, "-m", "waycore._cli", "connections", "list", "--limit", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert json.loads(proc.stdout.readline())["entityId"] == ENTITY
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=30) == EXIT_BROKEN_PIPE
    assert err == ""


# -- exit codes and messages -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected", "name"),
    [
        (400, EXIT_ERROR, "BadRequestError"),
        (401, EXIT_AUTH, "AuthenticationError"),
        (403, EXIT_AUTH, "PermissionDeniedError"),
        (404, EXIT_NOT_FOUND, "NotFoundError"),
        (409, EXIT_CONFLICT, "ConflictError"),
        (422, EXIT_ERROR, "UnprocessableEntityError"),
        (429, EXIT_ERROR, "RateLimitError"),
        (500, EXIT_ERROR, "InternalServerError"),
    ],
)
def test_exit_code_per_api_error(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, status: int, expected: int, name: str
) -> None:
    sandbox.inject_fault(status=status)
    code, lines, err = run(capsys, "--max-retries", "0", "connections", "get", "conn_1")
    assert (code, lines) == (expected, [])
    assert err.startswith(f"waycore: error: {name}: Error code: {status}")


def test_exit_code_for_a_network_failure_names_the_host_not_the_key(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("WAYCORE_API_KEY", "way_live_do_not_print")
    monkeypatch.setenv("WAYCORE_BASE_URL", f"http://127.0.0.1:{port}")
    code, _, err = run(capsys, "--max-retries", "0", "connections", "get", "conn_1")
    assert code == EXIT_NETWORK
    assert err.startswith(f"waycore: error: APIConnectionError: cannot reach 127.0.0.1:{port}")
    assert "way_live_do_not_print" not in err


def test_exit_code_for_a_dropped_connection_and_a_timeout(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox
) -> None:
    host = sandbox.base_url.split("//")[1].split("/")[0]
    sandbox.inject_fault(drop=True)
    code, _, err = run(capsys, "--max-retries", "0", "connections", "get", "conn_1")
    assert code == EXIT_NETWORK and f"cannot reach {host}" in err

    sandbox.inject_fault(delay=1.0)
    code, _, err = run(
        capsys, "--timeout", "0.1", "--max-retries", "0", "connections", "get", "conn_1"
    )
    assert code == EXIT_NETWORK
    assert err.startswith(f"waycore: error: APITimeoutError: {host} did not answer in time")


@pytest.mark.usefixtures("sandbox")
def test_exit_code_when_wait_runs_out_of_time(capsys: pytest.CaptureFixture[str]) -> None:
    conn_id = str(create(capsys)["id"])  # a draft: never ready without setup
    code, _, err = run(
        capsys, "connections", "wait", conn_id, "--timeout", "0.05", "--poll-interval", "0.01"
    )
    assert code == EXIT_NETWORK and err.startswith("waycore: error: WaitTimeoutError:")


def test_a_bad_api_key_is_an_auth_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAYCORE_API_KEY", "way key with spaces")
    code, _, err = run(capsys, "connections", "get", "conn_1")
    assert code == EXIT_AUTH and "WAYCORE_API_KEY contains whitespace" in err
    assert "way key with spaces" not in err


@pytest.mark.usefixtures("sandbox")
def test_messages_speak_of_options_not_sdk_calls(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "connections", "create", "--entity-id", ENTITY)
    assert code == EXIT_USAGE and "create()" not in err
    assert "--institution-id or --portal-url" in err

    code, _, err = run(capsys, "connections", "credentials", "conn_1")
    assert code == EXIT_USAGE and "update_credentials()" not in err
    assert "--bank-username, --bank-customer-id, --password" in err

    code, _, err = run(capsys, "connections", "list", "--institution-id", "")
    assert code == EXIT_USAGE and "argument --institution-id: must not be empty" in err

    code, _, err = run(capsys, "connections", "list", "--limit", "501")
    assert code == EXIT_USAGE and "argument --limit: must be from 1 to 500" in err

    code, _, err = run(capsys, "connections", "get", "conn_1", "--timeout", "5")
    assert code == EXIT_USAGE and "--timeout must come before the command" in err


def test_interrupt_and_unexpected_errors_have_no_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError(f"boom {sandbox.api_key}")

    monkeypatch.setattr(waycore.resources.connections.Connections, "retrieve", interrupted)
    code, _, _ = run(capsys, "connections", "get", "conn_1")
    assert code == 130
    monkeypatch.setattr(waycore.resources.connections.Connections, "retrieve", broken)
    code, _, err = run(capsys, "connections", "get", "conn_1")
    assert code == EXIT_ERROR
    assert err.startswith("waycore: error: unexpected RuntimeError: boom ***")


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def test_help_describes_every_option_and_the_environment(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from waycore._cli import build_parser

    commands = list(_parsers(build_parser()))
    assert len(commands) >= 10
    for path, parser in commands:
        with pytest.raises(SystemExit) as exited:
            main([*path, "--help"])
        assert exited.value.code == 0
        text = " ".join(capsys.readouterr().out.split())
        for action in parser._actions:
            assert action.help and action.help != argparse.SUPPRESS, (path, action.dest)
            for option in action.option_strings:
                assert option in text, (path, option)
            if isinstance(action, argparse._SubParsersAction):
                assert all(name in text for name in action.choices), path
    text = " ".join(capsys.readouterr().out.split()) or _top_help(capsys)
    for needle in ("WAYCORE_API_KEY", "WAYCORE_BASE_URL", "exit codes", "141"):
        assert needle in text


def _top_help(capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        main(["--help"])
    return capsys.readouterr().out
