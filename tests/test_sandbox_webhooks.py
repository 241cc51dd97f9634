"""The sandbox's webhooks, driven with raw httpx2: registrations, and signed deliveries to a
real local receiver (an ``http.server`` on 127.0.0.1), verified with ``waycore.webhooks``.

Retries use delays of a few milliseconds; waits are on conditions, never fixed sleeps.
"""

from __future__ import annotations

import ast
import itertools
import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple

import httpx2
import pytest

import waycore.testing
from waycore.testing import Sandbox
from waycore.testing._deliveries import Outbox, SendResult
from waycore.webhooks import verify_signature

EVENTS = ["connection.status_changed", "transactions.sync_available", "test"]
FAST = (0.005, 0.005)


class Delivery(NamedTuple):
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def event(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.body)
        return parsed


class Receiver:
    """A webhook endpoint on loopback: records each POST, answers the scripted statuses."""

    def __init__(self) -> None:
        self.deliveries: list[Delivery] = []
        self.answers: list[int] = []  # consumed first; then 204
        self._changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver._changed:
                    receiver.deliveries.append(Delivery(self.path, dict(self.headers), body))
                    status = receiver.answers.pop(0) if receiver.answers else 204
                    receiver._changed.notify_all()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self.thread.start()

    def url(self, path: str = "/hooks") -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def wait_for(self, count: int, timeout: float = 5.0) -> list[Delivery]:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.deliveries) >= count, timeout), (
                f"{len(self.deliveries)} of {count} deliveries arrived"
            )
            return list(self.deliveries)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(delivery_retry_delays=FAST) as sb:
        yield sb


def client(sandbox: Sandbox, *, in_process: bool = False) -> httpx2.Client:
    auth = {"Authorization": f"Bearer {sandbox.api_key}"}
    if in_process:
        return httpx2.Client(
            transport=sandbox.transport(), base_url=Sandbox.IN_PROCESS_BASE_URL, headers=auth
        )
    return httpx2.Client(base_url=sandbox.base_url, headers=auth, trust_env=False, timeout=5)


@pytest.fixture
def http(sandbox: Sandbox) -> Iterator[httpx2.Client]:
    with client(sandbox) as c:
        yield c


def register(http: httpx2.Client, url: str, events: list[str] | None = None) -> dict[str, Any]:
    response = http.post("/webhooks", json={"url": url, "events": events or EVENTS})
    assert response.status_code == 201, response.text
    webhook: dict[str, Any] = response.json()["webhook"]
    return webhook


def onboard(http: httpx2.Client) -> str:
    """A connection taken through setup to pendingActivation (one status change)."""
    conn = http.post(
        "/connections", json={"entityId": str(uuid.uuid4()), "institutionId": "chase"}
    ).json()
    http.put(f"/connections/{conn['id']}/credentials", json={"bankUsername": "acme"})
    assert http.put(f"/connections/{conn['id']}/setupCompletion").status_code == 200
    conn_id: str = conn["id"]
    return conn_id


def closed_port() -> int:
    """A loopback port nobody listens on: connecting is refused at once."""
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port: int = unused.getsockname()[1]
    return port


def verified(delivery: Delivery, secret: str) -> dict[str, Any]:
    assert delivery.headers["Content-Type"] == "application/json"
    verify_signature(delivery.body, delivery.headers["Waycore-Signature"], secret)
    return delivery.event


# -- registrations -------------------------------------------------------------------------


def test_create_shows_the_secret_once_then_masks_it(http: httpx2.Client) -> None:
    created = http.post(
        "/webhooks",
        json={"url": "https://hooks.acme.example/w", "events": ["test"], "metadata": {"t": 1}},
    )
    assert created.status_code == 201
    body = created.json()
    assert body["meta"]["requestId"] == created.headers["x-request-id"]
    webhook = body["webhook"]
    secret = webhook["secret"]
    assert secret.startswith("whsec_") and len(secret) > 20
    assert (webhook["active"], webhook["metadata"], webhook["events"]) == (True, {"t": 1}, ["test"])
    fetched = http.get(f"/webhooks/{webhook['id']}").json()
    listed = http.get("/webhooks").json()["data"]
    for shown in (fetched, listed[0]):
        assert shown["secret"] != secret
        assert shown["secret"] == "*" * 16 + secret[-4:]
        assert {k: v for k, v in shown.items() if k != "secret"} == {
            k: v for k, v in webhook.items() if k != "secret"
        }
    assert secret not in http.get("/webhooks").text


def test_update_changes_only_given_fields(http: httpx2.Client) -> None:
    webhook = register(http, "https://a.example/hook", ["test"])
    path = f"/webhooks/{webhook['id']}"
    http.patch(path, json={"metadata": {"team": "treasury"}})
    updated = http.patch(path, json={"events": ["connection.status_changed"], "active": False})
    assert updated.status_code == 200
    body = updated.json()
    assert (body["url"], body["events"], body["active"]) == (
        "https://a.example/hook",
        ["connection.status_changed"],
        False,
    )
    assert body["metadata"] == {"team": "treasury"}  # left out: unchanged
    assert http.patch(path, json={"url": None}).json()["url"] == "https://a.example/hook"
    assert http.patch(path, json={"metadata": None}).json()["metadata"] == {}  # null clears
    refused = http.patch(path, json={"active": True, "events": []})
    assert refused.status_code == 422
    assert http.get(path).json()["active"] is False  # a refused update changes nothing
    assert (
        http.patch(path, json={"url": "https://b.example/"}).json()["url"] == "https://b.example/"
    )


def test_delete_and_unknown_ids(http: httpx2.Client) -> None:
    webhook = register(http, "https://a.example/hook")
    path = f"/webhooks/{webhook['id']}"
    deleted = http.delete(path)
    assert (deleted.status_code, deleted.content) == (204, b"")
    for response in (
        http.get(path),
        http.delete(path),
        http.patch(path, json={}),
        http.post(path + "/test"),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    assert http.get("/webhooks").json()["data"] == []


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("https://hooks.example.com/w", True),
        ("http://127.0.0.1:8080/w", True),
        ("http://127.9.9.9/w", True),
        ("http://localhost:3000/", True),
        ("http://[::1]:3000/", True),
        ("http://example.com/w", False),
        ("http://10.0.0.5/w", False),
        ("http://[::ffff:10.0.0.5]/w", False),
        ("ftp://127.0.0.1/w", False),
        ("https:///nohost", False),
        ("https://example.com/a b", False),
        ("https://example.com:99999/", False),
        ("https://example.com/" + "x" * 2030, False),
    ],
)
def test_url_rules(http: httpx2.Client, url: str, accepted: bool) -> None:
    response = http.post("/webhooks", json={"url": url, "events": ["test"]})
    assert response.status_code == (201 if accepted else 422), response.text


def test_refusing_plain_http_elsewhere_says_why(http: httpx2.Client) -> None:
    response = http.post("/webhooks", json={"url": "http://example.com/w", "events": ["test"]})
    assert response.json()["error"]["code"] == "validation_error"
    assert "loopback" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "body",
    [
        {"events": ["test"]},
        {"url": "https://a.example/"},
        {"url": "https://a.example/", "events": []},
        {"url": "https://a.example/", "events": ["nope"]},
        {"url": "https://a.example/", "events": "test"},
        {"url": "https://a.example/", "events": ["test"], "metadata": []},
        [],
    ],
)
def test_invalid_registrations_are_422(http: httpx2.Client, body: Any) -> None:
    assert http.post("/webhooks", json=body).status_code == 422


# -- signed deliveries ---------------------------------------------------------------------


def test_status_changes_are_delivered_signed(
    sandbox: Sandbox, http: httpx2.Client, receiver: Receiver
) -> None:
    webhook = register(http, receiver.url(), ["connection.status_changed"])
    conn_id = onboard(http)
    http.get(f"/connections/{conn_id}")  # activation countdown
    http.get(f"/connections/{conn_id}")  # now active
    sandbox.set_state(conn_id, status="errored", error_code="mfa", error_message="New code.")
    sandbox.deliver_pending()
    events = [verified(d, webhook["secret"]) for d in receiver.wait_for(3)]
    assert [e["data"] for e in events] == [
        {
            "connectionId": conn_id,
            "previousStatus": previous,
            "status": status,
            "errorCode": code,
            "errorMessage": message,
        }
        for previous, status, code, message in (
            ("draft", "pendingActivation", None, None),
            ("pendingActivation", "active", None, None),
            ("active", "errored", "mfa", "New code."),
        )
    ]
    for event in events:
        assert set(event) == {"id", "type", "createdAt", "data"}
        assert event["type"] == "connection.status_changed"
        assert event["id"].startswith("evt_")
    assert len({e["id"] for e in events}) == 3
    assert [d.path for d in receiver.deliveries] == ["/hooks"] * 3
    records = sandbox.deliveries
    assert [(r.event_type, r.attempt, r.status, r.delivered) for r in records] == [
        ("connection.status_changed", 1, 204, True)
    ] * 3
    assert [r.body for r in records] == [d.body for d in receiver.deliveries]


def test_a_completed_sync_is_delivered(
    sandbox: Sandbox, http: httpx2.Client, receiver: Receiver
) -> None:
    webhook = register(http, receiver.url(), ["transactions.sync_available"])
    conn_id = onboard(http)
    sandbox.set_state(conn_id, status="active")
    assert http.put(f"/connections/{conn_id}/sync").status_code == 202
    http.get(f"/connections/{conn_id}")
    http.get(f"/connections/{conn_id}")
    sandbox.deliver_pending()
    [delivery] = receiver.wait_for(1)
    event = verified(delivery, webhook["secret"])
    assert event["type"] == "transactions.sync_available"
    assert event["data"] == {"connectionId": conn_id, "accountId": None}


def test_test_events_go_to_that_registration_only(
    sandbox: Sandbox, http: httpx2.Client, receiver: Receiver
) -> None:
    target = register(http, receiver.url("/target"), ["test"])
    register(http, receiver.url("/other"), ["test"])
    queued = http.post(f"/webhooks/{target['id']}/test")
    assert (queued.status_code, queued.content) == (202, b"")
    sandbox.deliver_pending()
    [delivery] = receiver.wait_for(1)
    assert delivery.path == "/target"
    event = verified(delivery, target["secret"])
    assert (event["type"], event["data"]) == ("test", {})
    unsubscribed = register(http, receiver.url(), ["connection.status_changed"])
    response = http.post(f"/webhooks/{unsubscribed['id']}/test")
    assert (response.status_code, response.json()["error"]["code"]) == (
        409,
        "webhook_not_subscribed",
    )
    http.patch(f"/webhooks/{target['id']}", json={"active": False})
    response = http.post(f"/webhooks/{target['id']}/test")
    assert (response.status_code, response.json()["error"]["code"]) == (409, "webhook_inactive")


def test_only_active_subscribed_registrations_receive(
    sandbox: Sandbox, http: httpx2.Client, receiver: Receiver
) -> None:
    register(http, receiver.url("/sync-only"), ["transactions.sync_available"])
    paused = register(http, receiver.url("/paused"), EVENTS)
    http.patch(f"/webhooks/{paused['id']}", json={"active": False})
    wanted = register(http, receiver.url("/wanted"), EVENTS)
    onboard(http)
    sandbox.deliver_pending()
    assert [d.path for d in receiver.wait_for(1)] == ["/wanted"]
    assert [r.webhook_id for r in sandbox.deliveries] == [wanted["id"]]


def test_non_2xx_answers_are_retried_and_recorded(
    sandbox: Sandbox, http: httpx2.Client, receiver: Receiver
) -> None:
    receiver.answers = [500, 503]
    webhook = register(http, receiver.url(), ["test"])
    http.post(f"/webhooks/{webhook['id']}/test")
    records = sandbox.deliver_pending()
    assert [(r.attempt, r.status, r.delivered) for r in sandbox.deliveries] == [
        (1, 500, False),
        (2, 503, False),
        (3, 204, True),
    ]
    assert len(records) <= 3  # the worker may have sent some before deliver_pending ran
    deliveries = receiver.wait_for(3)
    assert len({d.body for d in deliveries}) == 1  # the same bytes every time
    for delivery in deliveries:
        verified(delivery, webhook["secret"])  # each attempt signed afresh


def test_a_receiver_that_keeps_failing_is_given_up_on(
    sandbox: Sandbox, http: httpx2.Client, receiver: Receiver
) -> None:
    receiver.answers = [500] * 10
    webhook = register(http, receiver.url(), ["test"])
    http.post(f"/webhooks/{webhook['id']}/test")
    sandbox.deliver_pending()
    assert [(r.attempt, r.status) for r in sandbox.deliveries] == [(1, 500), (2, 500), (3, 500)]
    assert len(receiver.deliveries) == 3


def test_connection_errors_are_retried(sandbox: Sandbox, http: httpx2.Client) -> None:
    webhook = register(http, f"http://127.0.0.1:{closed_port()}/", ["test"])
    http.post(f"/webhooks/{webhook['id']}/test")
    sandbox.deliver_pending()
    records = sandbox.deliveries
    assert [r.attempt for r in records] == [1, 2, 3]
    assert all(r.status is None and not r.delivered and r.error for r in records)


def test_other_hosts_are_never_contacted(monkeypatch: pytest.MonkeyPatch) -> None:
    sandbox = Sandbox()  # in-process: nothing is sent until deliver_pending()
    with client(sandbox, in_process=True) as http:
        webhook = register(http, "https://hooks.example.com/w", ["test"])
        http.post(f"/webhooks/{webhook['id']}/test")

    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the sandbox tried to reach another host")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    [record] = sandbox.deliver_pending()
    assert (record.attempt, record.status, record.delivered) == (1, None, False)
    assert record.error is not None and "not a loopback address" in record.error
    assert sandbox.deliveries == [record]  # recorded once, never retried


def test_in_process_sandbox_delivers_only_when_asked(receiver: Receiver) -> None:
    sandbox = Sandbox(delivery_retry_delays=FAST)
    threads = {t.name for t in threading.enumerate()}
    with client(sandbox, in_process=True) as http:
        webhook = register(http, receiver.url(), EVENTS)
        onboard(http)
        http.post(f"/webhooks/{webhook['id']}/test")
    assert {t.name for t in threading.enumerate()} <= threads  # no thread started
    assert (sandbox.deliveries, receiver.deliveries) == ([], [])
    records = sandbox.deliver_pending()
    assert [r.event_type for r in records] == ["connection.status_changed", "test"]
    assert [verified(d, webhook["secret"])["type"] for d in receiver.wait_for(2)] == [
        "connection.status_changed",
        "test",
    ]
    assert sandbox.deliver_pending() == []


def test_the_worker_delivers_by_itself_and_stops_with_the_server(receiver: Receiver) -> None:
    with Sandbox() as sandbox, client(sandbox) as http:
        workers = [t for t in threading.enumerate() if t.name.endswith(f"-{sandbox.port}")]
        assert any("deliveries" in t.name for t in workers)
        webhook = register(http, receiver.url(), ["test"])
        http.post(f"/webhooks/{webhook['id']}/test")
        assert verified(receiver.wait_for(1)[0], webhook["secret"])["type"] == "test"
    for worker in workers:
        worker.join(2)
        assert not worker.is_alive()


def test_deliver_pending_times_out_while_retries_wait() -> None:
    sandbox = Sandbox(delivery_retry_delays=(30.0,))
    with client(sandbox, in_process=True) as http:
        webhook = register(http, f"http://127.0.0.1:{closed_port()}/", ["test"])
        http.post(f"/webhooks/{webhook['id']}/test")
    started = time.monotonic()
    with pytest.raises(TimeoutError, match="1 webhook deliveries still pending"):
        sandbox.deliver_pending(timeout=0.2)
    assert time.monotonic() - started < 2
    sandbox.reset()  # forgets the pending delivery and the log
    assert (sandbox.deliver_pending(timeout=0.2), sandbox.deliveries) == ([], [])


def test_outbox_schedule_and_bound() -> None:
    attempts: list[float] = []

    def send(url: str, body: bytes, headers: Any, timeout: float) -> SendResult:
        attempts.append(time.monotonic())
        assert headers["Waycore-Signature"].startswith("t=")
        return SendResult(status=500)

    outbox = Outbox(retry_delays=(0.02, 0.04), max_records=2)
    outbox.enqueue("evt_1", "test", b"{}", [("wh_1", "http://127.0.0.1/", "whsec_x")])
    records = outbox.drain(send, timeout=5)
    assert [r.attempt for r in records] == [2, 3]  # the log keeps the latest two
    gaps = [b - a for a, b in itertools.pairwise(attempts)]
    assert gaps[0] >= 0.02 and gaps[1] >= 0.04
    with pytest.raises(ValueError):
        Outbox(retry_delays=(-1.0,))


@pytest.mark.parametrize(
    "module",
    [
        "_transfers",
        "_transfer_record",
        "_transfer_money",
        "_idempotency",
        "_webhooks",
        "_deliveries",
    ],
)
def test_write_side_state_modules_touch_no_sockets(module: str) -> None:
    # Only _delivery_worker sends; everything else runs under the app's lock or is pure.
    source = (Path(waycore.testing.__file__).parent / f"{module}.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    forbidden = {"socket", "ssl", "http.client", "http.server", "urllib.request", "httpx2"}
    assert not imported & (forbidden | {"waycore.testing._delivery_worker", "_delivery_worker"})
