"""`waycore transfers ...`: in-process against a sandbox; one test (the Idempotency-Key on
the wire across retries) runs through a recording `httpx2.MockTransport` in front of the
sandbox's in-process app, because the sandbox does not record request headers."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from test_cli import ENTITY, EXIT_CONFLICT, EXIT_NOT_FOUND, EXIT_USAGE, run

import waycore
from waycore._cli import _client
from waycore.testing import Sandbox

EXIT_ERROR = 1


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


@pytest.fixture
def usd_accounts(box: Sandbox) -> tuple[str, str]:
    """Two USD accounts of active connections, with money on the first."""
    with box.client() as client:
        for institution in ("chase", "bofa"):
            conn = client.connections.create(entity_id=ENTITY, institution_id=institution)
            box.set_state(conn.id, kind="ready", status="active")
        source, destination = (a.id for a in client.accounts.list(currency="USD"))
    return source, destination


def internal(source: str, destination: str, *extra: str) -> list[str]:
    return [
        "transfers",
        "create-internal",
        "--amount",
        "12.50",
        "--currency",
        "USD",
        "--source",
        source,
        "--destination",
        destination,
        "--client-reference",
        "inv-1",
        *extra,
    ]


def test_create_internal_get_and_list(
    capsys: pytest.CaptureFixture[str], box: Sandbox, usd_accounts: tuple[str, str]
) -> None:
    source, destination = usd_accounts
    code, (transfer,), err = cli(capsys, box, *internal(source, destination, "--memo", "rent"))
    assert (code, err) == (0, "")
    assert transfer["requestedAmount"] == {"type": "money", "value": "12.50", "currency": "USD"}
    assert transfer["sourceAccountId"] == source
    assert transfer["destination"] == {"type": "internal", "accountId": destination}
    assert transfer["clientReference"] == "inv-1" and transfer["status"] == "queued"
    (sent,) = [r for r in box.requests if r.method == "POST" and r.path.endswith("/transfers")]
    assert sent.body["amount"]["value"] == "12.50"  # a decimal string on the wire

    code, (got,), _ = cli(capsys, box, "transfers", "get", transfer["id"])
    assert code == 0 and got["id"] == transfer["id"]

    code, listed, _ = cli(capsys, box, "transfers", "list", "--account-id", source, "--limit", "1")
    assert code == 0 and [t["id"] for t in listed] == [transfer["id"]]
    code, listed, _ = cli(capsys, box, "transfers", "list", "--account-id", "acct_other")
    assert code == 0 and listed == []


def test_the_same_idempotency_key_never_makes_a_second_transfer(
    capsys: pytest.CaptureFixture[str], box: Sandbox, usd_accounts: tuple[str, str]
) -> None:
    argv = internal(*usd_accounts, "--idempotency-key", "invoice-1")
    code, (first,), _ = cli(capsys, box, *argv)
    code2, (again,), _ = cli(capsys, box, *argv)
    assert (code, code2) == (0, 0) and again["id"] == first["id"]

    # The same key with another request: a conflict, exit code 5.
    argv[argv.index("12.50")] = "13.00"
    code, lines, err = cli(capsys, box, *argv)
    assert (code, lines) == (EXIT_CONFLICT, [])
    assert err.startswith("waycore: error: IdempotencyConflictError:")


def test_an_unknown_outcome_names_the_key_to_run_again_with(
    capsys: pytest.CaptureFixture[str], box: Sandbox, usd_accounts: tuple[str, str]
) -> None:
    box.inject_fault(status=503, method="POST", path="/transfers")
    code, lines, err = cli(capsys, box, "--max-retries", "0", *internal(*usd_accounts))
    assert (code, lines) == (EXIT_ERROR, []) and err.count("\n") == 1
    assert err.startswith("waycore: error: InternalServerError: Error code: 503")
    match = re.search(r"run the same command with --idempotency-key (\S+) to finish it", err)
    assert match is not None
    key = match.group(1)

    code, (made,), _ = cli(capsys, box, *internal(*usd_accounts, "--idempotency-key", key))
    code2, (replayed,), _ = cli(capsys, box, *internal(*usd_accounts, "--idempotency-key", key))
    assert (code, code2) == (0, 0) and made["id"] == replayed["id"]
    with box.client() as client:
        assert [t.id for t in client.transfers.list()] == [made["id"]]

    # A definite refusal (4xx) made nothing, so no hint.
    code, _, err = cli(capsys, box, *internal(usd_accounts[0], "acct_missing"))
    assert code != 0 and "--idempotency-key" not in err


def test_the_idempotency_key_is_the_same_on_every_retry(
    capsys: pytest.CaptureFixture[str],
    box: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
    usd_accounts: tuple[str, str],
) -> None:
    """A fake in front of the sandbox: the first attempt gets a 503, the retry goes through."""
    inner = box.transport()
    seen: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx2.Response(503, headers={"Retry-After": "0"}, json={"error": {}})
        return inner.handle_request(request)

    def fake_client(args: argparse.Namespace) -> waycore.Waycore:
        return waycore.Waycore(
            box.api_key,
            base_url=box.base_url,
            max_retries=args.max_retries,
            http_client=httpx2.Client(transport=httpx2.MockTransport(handler)),
        )

    monkeypatch.setattr(_client, "build_client", fake_client)
    code, lines, _ = run(capsys, *internal(*usd_accounts))
    assert code == 0 and json.loads(lines[0])["status"] == "queued"
    keys = [r.headers.get("Idempotency-Key") for r in seen]
    assert len(keys) == 2 and keys[0] == keys[1] and keys[0]
    assert json.loads(seen[1].content)["amount"] == {
        "type": "money",
        "value": "12.50",
        "currency": "USD",
    }


def test_create_external_and_retry(
    capsys: pytest.CaptureFixture[str], box: Sandbox, usd_accounts: tuple[str, str]
) -> None:
    destination = {
        "paymentIdentifier": {
            "scheme": "us_ach",
            "accountNumber": "000123456789",
            "routingNumber": "021000021",
        },
        "name": "Supplier Inc",
    }
    code, (transfer,), _ = cli(
        capsys,
        box,
        "transfers",
        "create-external",
        "--amount",
        "100",
        "--currency",
        "USD",
        "--source",
        usd_accounts[0],
        "--transfer-type",
        "ach",
        "--destination-json",
        json.dumps(destination),
        "--client-reference",
        "sup-7",
    )
    assert code == 0
    assert transfer["type"] == "external" and transfer["transferType"] == "ach"
    assert transfer["requestedAmount"]["value"] == "100"

    box.fail_transfer(transfer["id"])
    code, (retried,), _ = cli(capsys, box, "transfers", "retry", transfer["id"])
    assert code == 0 and retried["id"] == transfer["id"] and retried["status"] != "failed"

    code, _, _ = cli(capsys, box, "transfers", "retry", "tr_missing")
    assert code == EXIT_NOT_FOUND


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--amount", "12,50", "argument --amount: expected a decimal amount"),
        ("--amount", "nan", "argument --amount: must be a positive amount"),
        ("--amount", "-1", "argument --amount: must be a positive amount"),
        ("--amount", "0", "argument --amount: must be a positive amount"),
        ("--amount", "1_000", "argument --amount: expected a decimal amount"),
        ("--execution-date", "tomorrow", "argument --execution-date: expected a date"),
    ],
)
def test_bad_values_are_usage_errors_and_nothing_is_sent(
    capsys: pytest.CaptureFixture[str], box: Sandbox, option: str, value: str, message: str
) -> None:
    argv = internal("acct_a", "acct_b")
    if option in argv:
        argv[argv.index(option) + 1] = value
    else:
        argv += [option, value]
    code, lines, err = cli(capsys, box, *argv)
    assert (code, lines) == (EXIT_USAGE, []) and message in err
    assert not box.requests


def test_a_bad_destination_json_is_not_echoed(
    capsys: pytest.CaptureFixture[str], box: Sandbox
) -> None:
    secret_number = "000123456789"
    code, _, err = cli(
        capsys,
        box,
        "transfers",
        "create-external",
        "--amount",
        "1",
        "--currency",
        "USD",
        "--source",
        "acct_a",
        "--transfer-type",
        "ach",
        "--destination-json",
        f'{{"accountNumber": {secret_number}',
        "--client-reference",
        "r",
    )
    assert code == EXIT_USAGE and "argument --destination-json: is not valid JSON" in err
    assert secret_number not in err and not box.requests
