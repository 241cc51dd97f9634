"""The sandbox's transfers, driven with raw httpx2: idempotency, lifecycle, money, retries."""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx2
import pytest
from _conformance_write import internal_transfer, two_usd_accounts

from waycore.testing import Sandbox
from waycore.testing._app import SandboxApp


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(delivery_retry_delays=(0.01,)) as sb:
        yield sb


@pytest.fixture
def http(sandbox: Sandbox) -> Iterator[httpx2.Client]:
    sandbox.reset()
    with httpx2.Client(
        base_url=sandbox.base_url,
        headers={"Authorization": f"Bearer {sandbox.api_key}"},
        trust_env=False,
        timeout=5.0,
    ) as client:
        yield client


@pytest.fixture
def accounts(sandbox: Sandbox, http: httpx2.Client) -> tuple[str, str]:
    return two_usd_accounts(sandbox, http)


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


def balance(http: httpx2.Client, account_id: str) -> Decimal:
    return Decimal(http.get(f"/accounts/{account_id}").json()["currentBalance"])


def error_code(response: httpx2.Response, status: int) -> str:
    assert response.status_code == status, response.text
    code: str = response.json()["error"]["code"]
    return code


def external_body(source: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "external",
        "amount": {"type": "money", "value": "980.00", "currency": "USD"},
        "sourceAccountId": source,
        "transferType": "ach",
        "destination": {
            "paymentIdentifier": {
                "scheme": "us_ach",
                "accountNumber": "482910375612",
                "routingNumber": "021000021",
            },
            "name": "Northwind Supplies LLC",
        },
        "clientReference": "PO-7781",
        **extra,
    }


# -- idempotency ---------------------------------------------------------------------------


def test_same_key_and_body_replays_the_first_response(
    http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    body = internal_transfer(*accounts)
    headers = key()
    first = http.post("/transfers", json=body, headers=headers)
    assert first.status_code == 202
    assert "idempotent-replayed" not in first.headers
    assert first.json()["status"] == "queued"
    # Another serialisation of the same JSON (key order, spacing) is the same request.
    reordered = json.dumps(dict(reversed(list(body.items()))), indent=2)
    for content in (json.dumps(body).encode(), reordered.encode()):
        again = http.post(
            "/transfers",
            content=content,
            headers={**headers, "Content-Type": "application/json"},
        )
        assert again.status_code == 202
        assert again.headers["idempotent-replayed"] == "true"
        assert again.content == first.content  # the first answer, byte for byte
    assert [t["id"] for t in http.get("/transfers").json()["data"]] == [first.json()["id"]]


def test_same_key_with_another_body_is_a_409(
    http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    headers = key()
    assert http.post("/transfers", json=internal_transfer(*accounts), headers=headers).is_success
    other = internal_transfer(*accounts, value="10.01")
    assert error_code(http.post("/transfers", json=other, headers=headers), 409) == (
        "idempotency_key_reused"
    )
    # The key also covers the path: a retry under a create's key is another request.
    transfer_id = http.get("/transfers").json()["data"][0]["id"]
    retry = http.post(f"/transfers/{transfer_id}/retry", headers=headers)
    assert error_code(retry, 409) == "idempotency_key_reused"
    assert len(http.get("/transfers").json()["data"]) == 1


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "idempotency_key_required"),
        ({"Idempotency-Key": "x" * 256}, "invalid_idempotency_key"),
        ({"Idempotency-Key": ""}, "invalid_idempotency_key"),
    ],
)
def test_a_missing_or_malformed_key_is_a_400(
    http: httpx2.Client, accounts: tuple[str, str], headers: dict[str, str], code: str
) -> None:
    response = http.post("/transfers", json=internal_transfer(*accounts), headers=headers)
    assert error_code(response, 400) == code
    assert http.get("/transfers").json()["data"] == []


@pytest.mark.parametrize("value", [" lead", "trail\t", "two\nlines"])
def test_keys_with_outer_whitespace_are_refused(value: str) -> None:
    # http clients refuse to send these, so the app is called directly.
    app = SandboxApp(api_key="k")
    headers = {"Authorization": "Bearer k", "Idempotency-Key": value}
    reply = app.handle("POST", "/v1/transfers", headers, b"{}")
    assert reply.status == 400
    assert json.loads(reply.body)["error"]["code"] == "invalid_idempotency_key"


def test_the_longest_key_is_accepted_and_a_refused_request_stores_nothing(
    http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    headers = {"Idempotency-Key": "k" * 255}
    bad = internal_transfer(*accounts, value="-1")
    assert error_code(http.post("/transfers", json=bad, headers=headers), 422) == (
        "validation_error"
    )
    # The corrected request may reuse the key: the refusal was not remembered.
    good = http.post("/transfers", json=internal_transfer(*accounts), headers=headers)
    assert good.status_code == 202
    assert "idempotent-replayed" not in good.headers


# -- validation ----------------------------------------------------------------------------


def _edit(path: str, value: Any) -> Any:
    def apply(body: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = body
        for name in parents:
            target = target[name]
        if value is KeyError:
            del target[last]
        else:
            target[last] = value

    return apply


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (_edit("amount.value", 10.5), "not a JSON number"),
        (_edit("amount.value", "1e3"), "plain decimal"),
        (_edit("amount.value", "-5.00"), "plain decimal"),
        (_edit("amount.value", "0.00"), "greater than zero"),
        (_edit("amount.type", "cash"), "amount.type"),
        (_edit("amount.currency", "usd"), "amount.currency"),
        (_edit("amount.currency", "EUR"), "holds USD"),
        (_edit("type", KeyError), "type is required"),
        (_edit("transferType", "ach"), "transferType"),
        (_edit("destination.type", "external"), "destination.type"),
        (_edit("destination.accountId", KeyError), "destination.accountId"),
        (_edit("sourceAccountId", "acct_nope"), "does not name an account"),
        (_edit("clientReference", ""), "clientReference"),
        (_edit("clientReference", "r" * 141), "clientReference"),
        (_edit("memo", "m" * 501), "memo"),
        (_edit("executionDate", "2024-02-30"), "executionDate"),
        (_edit("skipPreflight", "yes"), "skipPreflight"),
    ],
)
def test_invalid_internal_requests_are_422(
    http: httpx2.Client, accounts: tuple[str, str], edit: Any, fragment: str
) -> None:
    body = internal_transfer(*accounts)
    edit(body)
    response = http.post("/transfers", json=body, headers=key())
    assert error_code(response, 422) == "validation_error"
    assert fragment in response.json()["error"]["message"]


def test_same_source_and_destination_is_refused(
    http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    body = internal_transfer(accounts[0], accounts[0])
    assert error_code(http.post("/transfers", json=body, headers=key()), 422) == (
        "validation_error"
    )


def test_valid_optional_fields_are_echoed(http: httpx2.Client, accounts: tuple[str, str]) -> None:
    body = {**internal_transfer(*accounts), "memo": "m" * 500, "executionDate": "2024-02-29"}
    body["clientReference"] = "r" * 140
    transfer = http.post("/transfers", json={**body, "skipPreflight": True}, headers=key()).json()
    assert (transfer["memo"], transfer["executionDate"]) == ("m" * 500, "2024-02-29")
    assert transfer["clientReference"] == "r" * 140
    assert transfer["requestedAmount"] == {"type": "money", "value": "10.00", "currency": "USD"}
    assert transfer["destination"] == {"type": "internal", "accountId": accounts[1]}
    assert (transfer["type"], transfer["transferType"]) == ("internal", "internal")
    assert "executedAmount" not in transfer and "failureReason" not in transfer


# -- lifecycle and money -------------------------------------------------------------------


def test_internal_transfer_progresses_as_read_and_moves_the_money(
    http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    source, destination = accounts
    before = (balance(http, source), balance(http, destination))
    created = http.post(
        "/transfers", json=internal_transfer(source, destination, "125.50"), headers=key()
    ).json()
    transfer_id = created["id"]
    seen = [created["status"]]
    for _ in range(3):
        seen.append(http.get(f"/transfers/{transfer_id}").json()["status"])
    assert seen == ["queued", "executing", "completed", "completed"]
    assert (balance(http, source), balance(http, destination)) == (
        before[0] - Decimal("125.50"),
        before[1] + Decimal("125.50"),
    )
    done = http.get(f"/transfers/{transfer_id}").json()
    assert done["executedAmount"] == done["requestedAmount"]
    # Both sides got a posted transaction carrying the client reference.
    for account_id, amount, entry in (
        (source, "-125.50", "debit"),
        (destination, "125.50", "credit"),
    ):
        rows = http.get("/transactions", params={"accountId": account_id}).json()["data"]
        mine = [t for t in rows if t["paymentReference"] == "FUZZ-REF"]
        assert [(t["amount"], t["entryType"], t["status"]) for t in mine] == [
            (amount, entry, "posted")
        ]


def test_advance_transfer_steps_without_a_read(
    sandbox: Sandbox, http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    transfer_id = http.post("/transfers", json=internal_transfer(*accounts), headers=key()).json()[
        "id"
    ]
    assert sandbox.advance_transfer(transfer_id)["status"] == "executing"
    assert sandbox.advance_transfer(transfer_id)["status"] == "completed"
    assert sandbox.advance_transfer(transfer_id)["status"] == "completed"  # final: unchanged
    with pytest.raises(KeyError):
        sandbox.advance_transfer("no-such-transfer")


def test_a_list_read_advances_the_listed_transfers(
    http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    http.post("/transfers", json=internal_transfer(*accounts), headers=key())
    assert [t["status"] for t in http.get("/transfers").json()["data"]] == ["executing"]
    assert [t["status"] for t in http.get("/transfers").json()["data"]] == ["completed"]


def test_external_transfer_waits_for_bank_approval(
    sandbox: Sandbox, http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    source = accounts[0]
    before = balance(http, source)
    created = http.post("/transfers", json=external_body(source), headers=key())
    assert created.status_code == 202
    transfer = created.json()
    assert (transfer["type"], transfer["transferType"], transfer["status"]) == (
        "external",
        "ach",
        "queued",
    )
    identifier = transfer["destination"]["paymentIdentifier"]
    assert identifier == {
        "scheme": "us_ach",
        "accountNumber": "****5612",
        "routingNumber": "****0021",
    }
    assert transfer["destination"]["name"] == "Northwind Supplies LLC"
    path = f"/transfers/{transfer['id']}"
    for _ in range(3):
        assert http.get(path).json()["status"] == "pending_bank_approval"
    assert sandbox.advance_transfer(transfer["id"])["status"] == "pending_bank_approval"
    assert balance(http, source) == before
    assert sandbox.approve_transfer(transfer["id"])["status"] == "executing"
    with pytest.raises(ValueError, match="not pending_bank_approval"):
        sandbox.approve_transfer(transfer["id"])
    assert http.get(path).json()["status"] == "completed"
    assert balance(http, source) == before - Decimal("980.00")


def test_external_requests_are_permissive_but_need_a_payee(
    http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    extra = external_body(accounts[0], futureField={"nested": True})
    assert http.post("/transfers", json=extra, headers=key()).status_code == 202
    no_payee = external_body(accounts[0], destination={"name": "x"})
    assert error_code(http.post("/transfers", json=no_payee, headers=key()), 422) == (
        "validation_error"
    )
    internal_rail = external_body(accounts[0], transferType="internal")
    assert http.post("/transfers", json=internal_rail, headers=key()).status_code == 422


def test_a_transfer_whose_account_went_away_fails_and_moves_nothing(
    sandbox: Sandbox, http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    source = accounts[0]
    before = balance(http, source)
    entity = http.post("/entities", json={"externalEntityId": "leaving"}).json()["entityId"]
    conn = http.post("/connections", json={"entityId": entity, "institutionId": "chase"}).json()
    sandbox.set_state(conn["id"], kind="ready", status="active")
    params = {"connectionId": conn["id"], "currency": "USD"}
    destination = http.get("/accounts", params=params).json()["data"][0]["id"]
    transfer_id = http.post(
        "/transfers", json=internal_transfer(source, destination), headers=key()
    ).json()["id"]
    assert http.delete(f"/entities/{entity}").is_success  # takes its connections' accounts
    http.get(f"/transfers/{transfer_id}")
    failed = http.get(f"/transfers/{transfer_id}").json()
    assert failed["status"] == "failed"
    assert failed["failureReason"] == {"message": "An account of this transfer no longer exists."}
    assert balance(http, source) == before


# -- failures and retries ------------------------------------------------------------------


def test_fail_then_retry_with_a_key(
    sandbox: Sandbox, http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    transfer_id = http.post("/transfers", json=internal_transfer(*accounts), headers=key()).json()[
        "id"
    ]
    path = f"/transfers/{transfer_id}/retry"
    assert error_code(http.post(path, headers=key()), 409) == "transfer_not_retryable"
    failed = sandbox.fail_transfer(transfer_id, "Bank offline.")
    assert (failed["status"], failed["failureReason"]) == ("failed", {"message": "Bank offline."})
    assert error_code(http.post(path), 400) == "idempotency_key_required"
    headers = key()
    retried = http.post(path, headers=headers)
    assert retried.status_code == 202
    assert retried.json()["status"] == "queued"
    assert "failureReason" not in retried.json()
    replay = http.post(path, headers=headers)
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.content == retried.content
    assert error_code(http.post(path, headers=key()), 409) == "transfer_not_retryable"
    assert error_code(http.post("/transfers/nope/retry", headers=key()), 404) == "not_found"
    with pytest.raises(ValueError):
        sandbox.fail_transfer(transfer_id, "x", status="returned")  # not completed


def test_a_returned_transfer_gives_the_money_back_and_can_be_retried(
    sandbox: Sandbox, http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    source, destination = accounts
    before = balance(http, source)
    transfer_id = http.post(
        "/transfers", json=internal_transfer(source, destination), headers=key()
    ).json()["id"]
    sandbox.advance_transfer(transfer_id)
    sandbox.advance_transfer(transfer_id)
    assert balance(http, source) == before - 10
    with pytest.raises(ValueError):
        sandbox.fail_transfer(transfer_id)  # completed: it can only be returned
    returned = sandbox.fail_transfer(transfer_id, "Account closed.", status="returned")
    assert returned["status"] == "returned"
    assert balance(http, source) == before
    assert http.post(f"/transfers/{transfer_id}/retry", headers=key()).status_code == 202
    sandbox.advance_transfer(transfer_id)
    assert sandbox.advance_transfer(transfer_id)["status"] == "completed"
    assert balance(http, source) == before - 10


# -- listing -------------------------------------------------------------------------------


def test_list_is_newest_first_filtered_and_paginated(
    sandbox: Sandbox, http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    other = two_usd_accounts(sandbox, http)
    ids = [
        http.post("/transfers", json=internal_transfer(*pair), headers=key()).json()["id"]
        for pair in (accounts, other, accounts)
    ]
    first = http.get("/transfers", params={"limit": 2}).json()
    assert [t["id"] for t in first["data"]] == [ids[2], ids[1]]
    assert first["pagination"]["hasMore"] is True
    rest = http.get(
        "/transfers", params={"limit": 2, "cursor": first["pagination"]["nextCursor"]}
    ).json()
    assert [t["id"] for t in rest["data"]] == [ids[0]]
    assert rest["pagination"] == {"hasMore": False, "nextCursor": None}
    for account_id in accounts:  # source or destination
        listed = http.get("/transfers", params={"accountId": account_id}).json()["data"]
        assert [t["id"] for t in listed] == [ids[2], ids[0]]
    assert http.get("/transfers", params={"accountId": "acct_none"}).json()["data"] == []
    assert error_code(http.get("/transfers", params={"limit": 0}), 400) == "invalid_limit"
    assert error_code(http.get("/transfers/nope"), 404) == "not_found"


def test_reset_forgets_transfers_and_keys(
    sandbox: Sandbox, http: httpx2.Client, accounts: tuple[str, str]
) -> None:
    headers = key()
    http.post("/transfers", json=internal_transfer(*accounts), headers=headers)
    sandbox.reset()
    assert http.get("/transfers").json()["data"] == []
    fresh = two_usd_accounts(sandbox, http)
    again = http.post("/transfers", json=internal_transfer(*fresh, "1.00"), headers=headers)
    assert again.status_code == 202
    assert "idempotent-replayed" not in again.headers


def test_in_process_transfers_need_no_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    sandbox = Sandbox()
    auth = {"Authorization": f"Bearer {sandbox.api_key}"}

    def no_socket(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a socket was created")

    with httpx2.Client(
        transport=sandbox.transport(), base_url=Sandbox.IN_PROCESS_BASE_URL, headers=auth
    ) as http:
        monkeypatch.setattr(socket, "socket", no_socket)
        body = external_body("acct_unknown_is_refused")
        assert http.post("/transfers", json=body, headers=key()).status_code == 422
        conn = http.post(
            "/connections", json={"entityId": str(uuid.uuid4()), "institutionId": "chase"}
        ).json()
        sandbox.set_state(conn["id"], kind="ready", status="active")
        source = http.get("/accounts", params={"currency": "USD"}).json()["data"][0]["id"]
        headers = key()
        first = http.post("/transfers", json=external_body(source), headers=headers)
        again = http.post("/transfers", json=external_body(source), headers=headers)
    assert (first.status_code, again.headers["idempotent-replayed"]) == (202, "true")
