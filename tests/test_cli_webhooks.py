"""`waycore webhooks ...` against a sandbox, and `webhooks listen`, the local receiver:
in a thread (deliveries signed here with `waycore.webhooks.sign`), in a subprocess fed by
the sandbox's own signed deliveries, and stopped with Ctrl-C."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from _signals import ctrl_c_restored
from test_cli import EXIT_NOT_FOUND, EXIT_USAGE, run

import waycore
from waycore._cli import main
from waycore.testing import Sandbox

EXIT_ERROR, EXIT_INTERRUPTED = 1, 130
SECRET = "whsec_cli_listen_test_secret_0123"
EVENT = {
    "id": "evt_1",
    "type": "connection.status_changed",
    "createdAt": "2026-01-02T03:04:05Z",
    "data": {"connectionId": "conn_1", "status": "reauthRequired", "previousStatus": "active"},
}


@pytest.fixture
def box(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        monkeypatch.setenv("WAYCORE_API_KEY", sandbox.api_key)
        monkeypatch.delenv("WAYCORE_BASE_URL", raising=False)
        yield sandbox


def cli(
    capsys: pytest.CaptureFixture[str], box: Sandbox, *argv: str
) -> tuple[int, list[dict[str, Any]], str]:
    code, lines, err = run(capsys, "--base-url", box.base_url, *argv)
    return code, [json.loads(line) for line in lines], err


# -- registrations ----------------------------------------------------------------------------


def test_webhooks_lifecycle(capsys: pytest.CaptureFixture[str], box: Sandbox) -> None:
    code, (hook,), _ = cli(
        capsys,
        box,
        "webhooks",
        "create",
        "--url",
        "https://hooks.example.com/waycore",
        "--event",
        "connection.status_changed",
        "--event",
        "test",
        "--metadata-json",
        '{"team": "ops"}',
    )
    assert code == 0
    assert hook["events"] == ["connection.status_changed", "test"] and hook["active"] is True
    assert hook["secret"].startswith("whsec_")  # shown in full once, at creation
    assert hook["metadata"] == {"team": "ops"}
    hook_id = hook["id"]

    code, (got,), _ = cli(capsys, box, "webhooks", "get", hook_id)
    assert code == 0 and got["url"] == hook["url"] and got["secret"] != hook["secret"]
    code, listed, _ = cli(capsys, box, "webhooks", "list", "--limit", "1")
    assert code == 0 and [h["id"] for h in listed] == [hook_id]

    code, (paused,), _ = cli(capsys, box, "webhooks", "update", hook_id, "--inactive")
    assert code == 0 and paused["active"] is False
    code, (changed,), _ = cli(
        capsys,
        box,
        "webhooks",
        "update",
        hook_id,
        "--active",
        "--event",
        "test",
        "--url",
        "https://hooks.example.com/v2",
        "--clear-metadata",
    )
    assert code == 0 and changed["active"] is True and changed["events"] == ["test"]
    assert changed["url"] == "https://hooks.example.com/v2" and changed["metadata"] == {}
    (patch,) = [r for r in box.requests if r.method == "PATCH"][-1:]
    assert patch.body == {
        "url": "https://hooks.example.com/v2",
        "events": ["test"],
        "active": True,
        "metadata": None,
    }

    code, lines, _ = cli(capsys, box, "webhooks", "test", hook_id)
    assert code == 0 and lines == [{"id": hook_id, "test": "queued"}]
    code, lines, _ = cli(capsys, box, "webhooks", "delete", hook_id)
    assert code == 0 and lines == [{"id": hook_id, "deleted": True}]
    for action in ("get", "test", "delete"):
        code, _, _ = cli(capsys, box, "webhooks", action, hook_id)
        assert code == EXIT_NOT_FOUND, action


def test_webhooks_usage_errors(capsys: pytest.CaptureFixture[str], box: Sandbox) -> None:
    for argv, message in (
        (["webhooks", "update", "wh_1"], "needs at least one of --url, --event"),
        (["webhooks", "update", "wh_1", "--active", "--inactive"], "not allowed with"),
        (["webhooks", "create", "--url", "https://x.example"], "--event"),
        (["webhooks", "create", "--url", "http://x.example/h", "--event", "test"], "url"),
    ):
        code, lines, err = cli(capsys, box, *argv)
        assert (code, lines) == (EXIT_USAGE, []) and message in err, argv
    assert not [r for r in box.requests if r.path.endswith(("/webhooks", "/wh_1"))]


# -- listen -----------------------------------------------------------------------------------


class Stream:
    """A thread-safe stand-in for stdout or stderr that a test can wait on."""

    def __init__(self) -> None:
        self.text = ""
        self._changed = threading.Condition()

    def write(self, text: str) -> int:
        with self._changed:
            self.text += text
            self._changed.notify_all()
        return len(text)

    def flush(self) -> None:
        pass

    def wait_for(self, done: Callable[[str], bool], timeout: float = 10.0) -> str:
        with self._changed:
            assert self._changed.wait_for(lambda: done(self.text), timeout), self.text
            return self.text


def post(url: str, body: bytes, signature: str | None) -> int:
    """POST `body` as a delivery would (http.client: no proxy from the environment)."""
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["Waycore-Signature"] = signature
    try:
        connection.request("POST", "/waycore", body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def banner_url(line: str) -> str:
    assert line.startswith("Listening for Waycore webhooks on http://127.0.0.1:"), line
    return line.rsplit(" ", 1)[1].strip()


def test_listen_prints_verified_events_and_rejects_bad_signatures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stdout, stderr = Stream(), Stream()
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.delenv("WAYCORE_WEBHOOK_SECRET", raising=False)
    codes: list[int] = []
    argv = ["webhooks", "listen", "--port", "0", "--secret", SECRET, "--max-events", "1"]
    thread = threading.Thread(target=lambda: codes.append(main(argv)), daemon=True)
    thread.start()
    url = banner_url(stderr.wait_for(lambda text: "\n" in text).splitlines()[0])

    body = json.dumps(EVENT).encode()
    sign = waycore.webhooks.sign
    assert post(url, body, sign(body, "whsec_someone_else")) == 400
    assert post(url, body + b" ", sign(body, SECRET)) == 400  # tampered after signing
    assert post(url, body, None) == 400
    assert post(url, body, sign(body, SECRET, timestamp=int(time.time()) - 3600)) == 400
    assert stdout.text == ""
    assert post(url, body, sign(body, SECRET)) == 204

    thread.join(timeout=10)
    assert codes == [0]  # --max-events 1: stops after the first verified event
    (line,) = stdout.text.splitlines()
    assert json.loads(line) == {
        "id": "evt_1",
        "type": "connection.status_changed",
        "createdAt": "2026-01-02T03:04:05Z",
        "data": {"connectionId": "conn_1", "status": "reauthRequired", "previousStatus": "active"},
    }
    rejections = [r for r in stderr.text.splitlines() if r.startswith("waycore: rejected")]
    assert len(rejections) == 4 and all(r.endswith("(answered 400)") for r in rejections)
    assert SECRET not in stderr.text and "Traceback" not in stderr.text


def _listener(secret: str, *extra: str) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "WAYCORE_WEBHOOK_SECRET": secret}
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module, fixed options
        [sys.executable, "-m", "waycore._cli", "webhooks", "listen", "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=ctrl_c_restored,
    )
    assert proc.stderr is not None
    return proc, banner_url(proc.stderr.readline())


def test_listen_receives_the_sandbox_deliveries(
    capsys: pytest.CaptureFixture[str], box: Sandbox
) -> None:
    """The whole loop: register, point the webhook at the receiver, send a test event."""
    code, (hook,), _ = cli(
        capsys, box, "webhooks", "create", "--url", "http://127.0.0.1:9/later", "--event", "test"
    )
    assert code == 0
    proc, url = _listener(hook["secret"], "--max-events", "1")  # secret from the environment
    try:
        code, _, _ = cli(capsys, box, "webhooks", "update", hook["id"], "--url", url)
        assert code == 0
        code, _, _ = cli(capsys, box, "webhooks", "test", hook["id"])
        assert code == 0
        assert proc.wait(timeout=30) == 0
        assert proc.stdout is not None and proc.stderr is not None
        (line,) = proc.stdout.read().splitlines()
        assert "Traceback" not in proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()
    event = json.loads(line)
    assert event["type"] == "test" and set(event) >= {"id", "createdAt", "data"}
    delivered = [d for d in box.deliveries if d.url == url]
    assert [d.status for d in delivered] == [204] and delivered[0].event_id == event["id"]


def test_listen_runs_until_interrupted() -> None:
    proc, url = _listener(SECRET)
    try:
        body = json.dumps(EVENT).encode()
        assert post(url, body, waycore.webhooks.sign(body, SECRET)) == 204
        assert proc.stdout is not None and proc.stderr is not None
        assert json.loads(proc.stdout.readline())["id"] == "evt_1"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == EXIT_INTERRUPTED
        assert "Traceback" not in proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()


def test_listen_does_not_acknowledge_an_event_it_cannot_print() -> None:
    """`waycore webhooks listen | head -1`: once the reader is gone, the next delivery gets
    no 204 (the sender will deliver it again) and the command exits 141, quietly."""
    proc, url = _listener(SECRET)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        body = json.dumps(EVENT).encode()
        with pytest.raises((http.client.HTTPException, ConnectionError)):
            post(url, body, waycore.webhooks.sign(body, SECRET))
        assert proc.wait(timeout=10) == 141
        assert proc.stderr.read() == ""
    finally:
        proc.kill()
        proc.wait()


def test_listen_needs_a_secret_and_a_free_port(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WAYCORE_WEBHOOK_SECRET", raising=False)
    monkeypatch.delenv("WAYCORE_API_KEY", raising=False)  # not needed by `listen`
    code, lines, err = run(capsys, "webhooks", "listen", "--port", "0")
    assert (code, lines) == (EXIT_USAGE, [])
    assert err == (
        "waycore: error: webhooks listen needs the signing secret: set "
        "WAYCORE_WEBHOOK_SECRET (or pass --secret)\n"
    )

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(capsys, "webhooks", "listen", "--port", str(port), "--secret", SECRET)
    assert code == EXIT_ERROR
    assert (
        err == f"waycore: error: cannot listen on 127.0.0.1 port {port}: Address already in use\n"
    )

    # A secret typed where another value belongs is not echoed back.
    code, _, err = run(capsys, "webhooks", "listen", "--secret", SECRET, "--port", SECRET)
    assert code == EXIT_USAGE and "argument --port" in err and SECRET not in err
