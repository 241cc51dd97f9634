"""The sandbox's transfers, webhooks and webhook deliveries conform to openapi/waycore.yaml.

Schemathesis fuzzes these operations in ``test_sandbox_conformance.py`` (with the strategies
of ``_conformance_write.py``); here, deterministic walks through their lifecycles validate
every response with the spec's own schemas, and every delivered event body with the spec's
event schemas.

One documented deviation: the spec's ``Webhook.url`` is ``^https://.+``, but the sandbox also
accepts ``http://`` to a loopback host, so that tests can run a plain local receiver. Such a
registration's responses break that one pattern and nothing else (checked below); every other
walk registers ``https://`` URLs and is validated in full.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from _conformance_write import failed_transfer, internal_transfer, two_usd_accounts
from test_sandbox_conformance import (
    OPERATIONS,
    SCHEMAS,
    SERVED,
    SPEC,
    assert_conforms,
    client_for,
    spec_validator,
)

from waycore.testing import Sandbox

WRITE_SIDE = {
    "POST /transfers",
    "GET /transfers",
    "GET /transfers/{transferId}",
    "POST /transfers/{transferId}/retry",
    "POST /webhooks",
    "GET /webhooks",
    "GET /webhooks/{webhookId}",
    "PATCH /webhooks/{webhookId}",
    "DELETE /webhooks/{webhookId}",
    "POST /webhooks/{webhookId}/test",
}
ONE_TRANSFER = "/transfers/{transferId}"
RETRY = ONE_TRANSFER + "/retry"
ONE_WEBHOOK = "/webhooks/{webhookId}"
SIGNATURE_RE = re.compile(r"\At=[0-9]+,v1=[0-9a-f]{64}\Z")


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(delivery_retry_delays=(0.001,)) as sb:
        yield sb


@pytest.fixture
def http(sandbox: Sandbox) -> Iterator[httpx2.Client]:
    with client_for(sandbox) as client:
        yield client


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


def assert_transfer_fields(transfer: dict[str, Any]) -> None:
    properties = set(SCHEMAS["Transfer"]["properties"])
    assert set(SCHEMAS["Transfer"]["required"]) <= set(transfer) <= properties, transfer
    # Everything the sandbox knows is sent, even where the spec lets it be absent.
    assert {"status", "type", "transferType", "executionDate"} <= set(transfer)


def test_every_write_side_operation_is_served_and_in_the_spec() -> None:
    assert set(OPERATIONS) >= WRITE_SIDE
    assert SERVED >= WRITE_SIDE


def test_transfer_walk_conforms(sandbox: Sandbox, http: httpx2.Client) -> None:
    source, destination = two_usd_accounts(sandbox, http)
    body = internal_transfer(source, destination)
    headers = key()
    created = http.post("/transfers", json=body, headers=headers)
    assert created.status_code == 202
    transfer = assert_conforms(created, "POST", "/transfers")
    assert_transfer_fields(transfer)
    replay = http.post("/transfers", json=body, headers=headers)
    assert replay.headers["idempotent-replayed"] == "true"
    assert assert_conforms(replay, "POST", "/transfers") == transfer
    refusals = [
        (http.post("/transfers", json={**body, "memo": "x"}, headers=headers), 409),
        (http.post("/transfers", json=body), 400),
        (http.post("/transfers", json={**body, "amount": {}}, headers=key()), 422),
        (http.post("/transfers", content=b"{", headers=key()), 400),
    ]
    for response, status in refusals:
        assert response.status_code == status
        assert_conforms(response, "POST", "/transfers")

    path = f"/transfers/{transfer['id']}"
    statuses = []
    for _ in range(3):
        read = assert_conforms(http.get(path), "GET", ONE_TRANSFER)
        assert_transfer_fields(read)
        statuses.append(read["status"])
    assert statuses == ["executing", "completed", "completed"]
    assert "executedAmount" in read
    assert_conforms(http.get("/transfers/nope"), "GET", ONE_TRANSFER)

    external = {
        "type": "external",
        "amount": {"type": "money", "value": "5", "currency": "USD"},
        "sourceAccountId": source,
        "transferType": "sepa",
        "destination": {"paymentIdentifier": {"scheme": "iban", "iban": "DE89370400440532013000"}},
        "clientReference": "EXT-1",
    }
    pending = http.post("/transfers", json=external, headers=key())
    assert_transfer_fields(assert_conforms(pending, "POST", "/transfers"))
    waiting = assert_conforms(http.get(f"/transfers/{pending.json()['id']}"), "GET", ONE_TRANSFER)
    assert waiting["status"] == "pending_bank_approval"

    failed_id = failed_transfer(sandbox, http)
    failed = assert_conforms(http.get(f"/transfers/{failed_id}"), "GET", ONE_TRANSFER)
    assert failed["failureReason"]["message"]
    retried = http.post(f"/transfers/{failed_id}/retry", headers=key())
    assert retried.status_code == 202
    assert_transfer_fields(assert_conforms(retried, "POST", RETRY))
    for response, status in (
        (http.post(f"/transfers/{failed_id}/retry", headers=key()), 409),
        (http.post(f"/transfers/{failed_id}/retry"), 400),
        (http.post("/transfers/nope/retry", headers=key()), 404),
    ):
        assert response.status_code == status
        assert_conforms(response, "POST", RETRY)

    page = assert_conforms(http.get("/transfers", params={"limit": 2}), "GET", "/transfers")
    assert page["pagination"]["hasMore"] is True
    for transfer in page["data"]:
        assert_transfer_fields(transfer)
    mine = assert_conforms(
        http.get("/transfers", params={"accountId": destination}), "GET", "/transfers"
    )
    assert [t["id"] for t in mine["data"]] == [created.json()["id"]]
    for params in ({"limit": "0"}, {"cursor": "bad"}):
        response = http.get("/transfers", params=params)
        assert response.status_code == 400
        assert_conforms(response, "GET", "/transfers")

    with client_for(sandbox, Authorization="Bearer wrong") as intruder:
        assert_conforms(intruder.post("/transfers", json=body, headers=key()), "POST", "/transfers")
        assert_conforms(intruder.get("/transfers"), "GET", "/transfers")
        assert_conforms(intruder.get(path), "GET", ONE_TRANSFER)
        assert_conforms(intruder.post(path + "/retry", headers=key()), "POST", RETRY)


def test_webhook_walk_conforms(sandbox: Sandbox, http: httpx2.Client) -> None:
    request = {"url": "https://hooks.acme.example/w", "events": ["test"], "metadata": {"a": 1}}
    created = http.post("/webhooks", json=request)
    assert created.status_code == 201
    wrapped = assert_conforms(created, "POST", "/webhooks")
    webhook = wrapped["webhook"]
    assert set(webhook) == set(SCHEMAS["Webhook"]["properties"])
    path = f"/webhooks/{webhook['id']}"
    for bad in ({"url": "http://example.com/", "events": ["test"]}, {"url": "https://a.b/"}):
        response = http.post("/webhooks", json=bad)
        assert response.status_code == 422
        assert_conforms(response, "POST", "/webhooks")

    fetched = assert_conforms(http.get(path), "GET", ONE_WEBHOOK)
    assert set(fetched) == set(SCHEMAS["Webhook"]["properties"])
    page = assert_conforms(http.get("/webhooks", params={"limit": 1}), "GET", "/webhooks")
    assert page["data"][0]["id"] == webhook["id"]
    for params in ({"limit": "501"}, {"cursor": "x"}):
        assert_conforms(http.get("/webhooks", params=params), "GET", "/webhooks")

    patched = http.patch(path, json={"events": ["test", "connection.status_changed"]})
    assert_conforms(patched, "PATCH", ONE_WEBHOOK)
    cleared = assert_conforms(http.patch(path, json={"metadata": None}), "PATCH", ONE_WEBHOOK)
    assert cleared["metadata"] == {}
    for response in (http.patch(path, json={"active": "no"}), http.patch("/webhooks/x", json={})):
        assert response.status_code in (404, 422)
        assert_conforms(response, "PATCH", ONE_WEBHOOK)

    queued = http.post(path + "/test")
    assert queued.status_code == 202
    assert_conforms(queued, "POST", ONE_WEBHOOK + "/test")
    http.patch(path, json={"active": False})
    inactive = http.post(path + "/test")
    assert inactive.status_code == 409
    assert_conforms(inactive, "POST", ONE_WEBHOOK + "/test")

    with client_for(sandbox, Authorization="Bearer wrong") as intruder:
        assert_conforms(intruder.post("/webhooks", json=request), "POST", "/webhooks")
        assert_conforms(intruder.get("/webhooks"), "GET", "/webhooks")
        assert_conforms(intruder.get(path), "GET", ONE_WEBHOOK)
        assert_conforms(intruder.patch(path, json={}), "PATCH", ONE_WEBHOOK)
        assert_conforms(intruder.delete(path), "DELETE", ONE_WEBHOOK)
        assert_conforms(intruder.post(path + "/test"), "POST", ONE_WEBHOOK + "/test")

    deleted = http.delete(path)
    assert deleted.status_code == 204
    assert_conforms(deleted, "DELETE", ONE_WEBHOOK)
    assert_conforms(http.delete(path), "DELETE", ONE_WEBHOOK)
    assert_conforms(http.get(path), "GET", ONE_WEBHOOK)


def test_a_loopback_http_registration_breaks_only_the_url_pattern(http: httpx2.Client) -> None:
    created = http.post("/webhooks", json={"url": "http://127.0.0.1:8000/w", "events": ["test"]})
    assert created.status_code == 201
    webhook = created.json()["webhook"]
    validator = spec_validator("#/components/schemas/Webhook")
    errors = [(list(e.absolute_path), e.validator) for e in validator.iter_errors(webhook)]
    assert errors == [(["url"], "pattern")]  # the documented deviation, and nothing else
    https_twin = {**webhook, "url": "https://127.0.0.1:8000/w"}
    assert validator.is_valid(https_twin)


def test_delivered_events_conform_to_the_spec(sandbox: Sandbox, http: httpx2.Client) -> None:
    # An https registration elsewhere is never contacted, but each event is recorded (body
    # and signature exactly as they would be sent), which is what is checked here.
    webhook = http.post(
        "/webhooks",
        json={
            "url": "https://hooks.acme.example/w",
            "events": ["connection.status_changed", "transactions.sync_available", "test"],
        },
    ).json()["webhook"]
    conn = http.post("/connections", json={"entityId": str(uuid.uuid4()), "institutionId": "svb"})
    conn_id = conn.json()["id"]
    sandbox.set_state(conn_id, kind="ready", status="active")
    sandbox.set_state(conn_id, status="errored", error_code="mfa", error_message="Code expired.")
    sandbox.set_state(conn_id, status="active", error_code=None, error_message=None)
    http.put(f"/connections/{conn_id}/sync")
    http.get(f"/connections/{conn_id}")
    http.get(f"/connections/{conn_id}")
    http.post(f"/webhooks/{webhook['id']}/test")
    sandbox.deliver_pending()
    records = [r for r in sandbox.deliveries if r.webhook_id == webhook["id"]]
    assert [r.event_type for r in records] == [
        "connection.status_changed",
        "connection.status_changed",
        "connection.status_changed",
        "transactions.sync_available",
        "test",
    ]
    envelope = spec_validator("#/components/schemas/WebhookEvent")
    for record in records:
        assert SIGNATURE_RE.match(record.signature)
        operation = SPEC["webhooks"][record.event_type]["post"]
        ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        event = json.loads(record.body)
        for validator in (spec_validator(ref), envelope):
            errors = [e.message for e in validator.iter_errors(event)]
            assert not errors, (record.event_type, errors)
        data_schema = SCHEMAS[ref.rsplit("/", 1)[1]]["properties"]["data"]
        if "$ref" in data_schema:  # every documented field is sent, nothing else
            properties = SCHEMAS[data_schema["$ref"].rsplit("/", 1)[1]].get("properties", {})
            assert set(event["data"]) == set(properties)
