"""`waycore entities|institutions|accounts|balances|transactions`, in-process against a sandbox.

Every command's output is the API's wire form (`to_dict()`): camelCase names, amounts as
decimal strings, dates in ISO form; lists print one object per line across every page.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any

import pytest
from test_cli import ENTITY, EXIT_NOT_FOUND, EXIT_USAGE, run

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
    """Run `waycore --base-url <sandbox> ARGV`; the JSON lines parsed."""
    code, lines, err = run(capsys, "--base-url", box.base_url, *argv)
    return code, [json.loads(line) for line in lines], err


def active_connection(box: Sandbox, institution: str = "chase") -> str:
    """A connection made active (so it has accounts, balances and transactions)."""
    with box.client() as client:
        conn = client.connections.create(entity_id=ENTITY, institution_id=institution)
    box.set_state(conn.id, kind="ready", status="active")
    return conn.id


# -- entities ---------------------------------------------------------------------------------


def test_entities_lifecycle(capsys: pytest.CaptureFixture[str], box: Sandbox) -> None:
    code, (created,), _ = cli(
        capsys,
        box,
        "entities",
        "create",
        "--external-entity-id",
        "cust-42",
        "--name",
        "Acme",
        "--metadata-json",
        '{"tier": "gold"}',
    )
    assert code == 0
    assert created["externalEntityId"] == "cust-42" and created["name"] == "Acme"
    assert created["metadata"] == {"tier": "gold"} and created["isDefaultOrgEntity"] is False
    entity_id = created["entityId"]

    code, (got,), _ = cli(capsys, box, "entities", "get", entity_id)
    assert code == 0 and got == created

    code, listed, _ = cli(capsys, box, "entities", "list", "--limit", "1")
    assert code == 0 and len(listed) == 2  # the org's default entity and ours, page by page
    code, listed, _ = cli(capsys, box, "entities", "list", "--external-entity-id", "cust-42")
    assert code == 0 and [e["entityId"] for e in listed] == [entity_id]

    code, (updated,), _ = cli(
        capsys,
        box,
        "entities",
        "update",
        entity_id,
        "--contact-email",
        "a@x.example",
        "--contact-email",
        "b@y.example",
    )
    assert code == 0 and updated["contactEmails"] == ["a@x.example", "b@y.example"]
    code, (cleared,), _ = cli(
        capsys, box, "entities", "update", entity_id, "--clear-contact-emails"
    )
    assert code == 0 and cleared["contactEmails"] == []

    code, lines, _ = cli(capsys, box, "entities", "delete", entity_id)
    assert code == 0 and lines == [{"id": entity_id, "deleted": True}]
    code, lines, err = cli(capsys, box, "entities", "get", entity_id)
    assert (code, lines) == (EXIT_NOT_FOUND, [])
    assert err.startswith("waycore: error: NotFoundError: Error code: 404")


def test_entities_usage_errors_send_nothing(
    capsys: pytest.CaptureFixture[str], box: Sandbox
) -> None:
    for argv in (
        ["entities", "update", ENTITY],  # neither --contact-email nor --clear-contact-emails
        ["entities", "update", ENTITY, "--contact-email", "a@x", "--clear-contact-emails"],
        ["entities", "create", "--external-entity-id", "x", "--metadata-json", "[1]"],
        ["entities", "create", "--external-entity-id", "x", "--metadata-json", "{nope"],
        ["entities", "create"],
    ):
        code, lines, err = cli(capsys, box, *argv)
        assert (code, lines) == (EXIT_USAGE, []), argv
        assert err.count("waycore") >= 1
    code, _, err = cli(capsys, box, "entities", "update", ENTITY, "--contact-email", "no-at")
    assert code == EXIT_USAGE and "contact_emails" in err
    assert not [r for r in box.requests if r.path.endswith("/entities") or ENTITY in r.path]


# -- institutions -----------------------------------------------------------------------------


def test_institutions_list_and_get(capsys: pytest.CaptureFixture[str], box: Sandbox) -> None:
    code, listed, _ = cli(capsys, box, "institutions", "list", "--limit", "2")
    assert code == 0 and len(listed) > 2  # every page printed
    assert all(set(inst) >= {"institutionId", "name"} for inst in listed)

    code, matches, _ = cli(capsys, box, "institutions", "list", "--query", "chase")
    assert code == 0 and "chase" in [inst["institutionId"] for inst in matches]

    code, (chase,), _ = cli(capsys, box, "institutions", "get", "chase")
    assert code == 0 and chase["institutionId"] == "chase" and chase["name"] == "Chase"
    assert "portalUrl" in chase  # a field the SDK keeps in `extra`, printed back in place

    code, _, _ = cli(capsys, box, "institutions", "get", "no_such_bank")
    assert code == EXIT_NOT_FOUND


# -- accounts and balances --------------------------------------------------------------------


def test_accounts_list_and_get(capsys: pytest.CaptureFixture[str], box: Sandbox) -> None:
    conn_id = active_connection(box)
    code, accounts, _ = cli(capsys, box, "accounts", "list", "--connection-id", conn_id)
    assert code == 0 and len(accounts) >= 2
    assert {a["connectionId"] for a in accounts} == {conn_id}

    code, usd, _ = cli(
        capsys, box, "accounts", "list", "--currency", "USD", "--type", "checking", "--limit", "1"
    )
    assert code == 0 and usd
    assert all(a["currency"] == "USD" and a["type"] == "checking" for a in usd)
    code, open_accounts, _ = cli(capsys, box, "accounts", "list", "--status", "open")
    assert code == 0 and {a["id"] for a in open_accounts} >= {a["id"] for a in accounts}

    code, (account,), _ = cli(capsys, box, "accounts", "get", accounts[0]["id"])
    assert code == 0 and account == accounts[0]
    assert isinstance(account["currentBalance"], str)  # a decimal string, never a float
    with box.client() as client:  # the SDK's own wire form, unmasked
        assert account == client.accounts.retrieve(account["id"]).to_dict()

    code, _, err = cli(capsys, box, "accounts", "list", "--currency", "usd")
    assert code == EXIT_USAGE and "currency" in err
    code, _, _ = cli(capsys, box, "accounts", "get", "acct_missing")
    assert code == EXIT_NOT_FOUND


def test_balances_list_with_filters(capsys: pytest.CaptureFixture[str], box: Sandbox) -> None:
    active_connection(box)
    with box.client() as client:
        account = next(iter(client.accounts.list()))
        every = list(client.balances.list(account_id=account.id))
    days = sorted(b.date for b in every)
    start, end = days[3], days[10]

    code, rows, _ = cli(
        capsys,
        box,
        "balances",
        "list",
        "--account-id",
        account.id,
        "--date-gte",
        start.isoformat(),
        "--date-lt",
        end.isoformat(),
        "--limit",
        "2",
    )
    assert code == 0 and len(rows) == 7
    assert all(start <= datetime.date.fromisoformat(r["date"]) < end for r in rows)
    assert all(r["accountId"] == account.id for r in rows)
    assert all(isinstance(r["ledgerBalance"], str) for r in rows if "ledgerBalance" in r)

    code, rows, _ = cli(capsys, box, "balances", "list", "--entity-id", ENTITY)
    assert code == 0 and len(rows) >= len(every)

    code, _, err = cli(capsys, box, "balances", "list", "--date-gte", "2026-13-01")
    assert code == EXIT_USAGE and "argument --date-gte: expected a date YYYY-MM-DD" in err
    code, _, err = cli(
        capsys, box, "balances", "list", "--date-gte", "2026-02-01", "--date-lt", "2026-01-01"
    )
    assert code == EXIT_USAGE and "date_gte" in err


# -- transactions -----------------------------------------------------------------------------


def test_transactions_list_and_get(capsys: pytest.CaptureFixture[str], box: Sandbox) -> None:
    conn_id = active_connection(box)
    with box.client() as client:
        expected = [t.to_dict() for t in client.transactions.list(connection_id=conn_id)]
    code, listed, _ = cli(
        capsys, box, "transactions", "list", "--connection-id", conn_id, "--limit", "7"
    )
    assert code == 0 and listed == expected and len(expected) > 7
    assert all(isinstance(t["amount"], str) for t in listed)

    code, ascending, _ = cli(
        capsys, box, "transactions", "list", "--sort=postedDate", "--status", "posted"
    )
    dates = [t["postedDate"] for t in ascending]
    assert code == 0 and dates == sorted(dates) and {t["status"] for t in ascending} == {"posted"}

    first = listed[0]
    code, (got,), _ = cli(capsys, box, "transactions", "get", first["id"])
    assert code == 0 and got == first

    code, _, err = cli(capsys, box, "transactions", "list", "--sort", "amount")
    assert code == EXIT_USAGE and "argument --sort" in err
    code, _, err = cli(capsys, box, "transactions", "list", "--posted-date-lt", "yesterday")
    assert code == EXIT_USAGE and "argument --posted-date-lt" in err


def test_transactions_sync_prints_events_then_the_cursor(
    capsys: pytest.CaptureFixture[str], box: Sandbox
) -> None:
    conn_id = active_connection(box)
    code, lines, _ = cli(capsys, box, "transactions", "sync", "--connection-id", conn_id)
    assert code == 0 and len(lines) == 1  # no cursor: the head of the stream, no events
    (head,) = lines
    assert set(head) == {"nextCursor", "hasMore"} and head["hasMore"] is False

    # A bank sync adds, modifies and removes transactions (it ends on the next read).
    with box.client() as client:
        client.connections.sync(conn_id)
        client.connections.retrieve(conn_id)
        expected = [
            event.to_dict()
            for page in client.transactions.sync_pages(
                cursor=head["nextCursor"], connection_id=conn_id
            )
            for event in page.events
        ]
    assert len(expected) > 2

    # One page: its events, then where to resume.
    code, lines, _ = cli(
        capsys,
        box,
        "transactions",
        "sync",
        "--cursor",
        head["nextCursor"],
        "--connection-id",
        conn_id,
        "--limit",
        "2",
    )
    assert code == 0 and len(lines) == 3
    *events, tail = lines
    assert events == expected[:2]
    assert all(next(iter(event)) == "type" for event in events)  # `{"type": ...` first
    assert tail["hasMore"] is True and tail["nextCursor"] != head["nextCursor"]

    # --all: every page, then the cursor of the last one.
    code, lines, _ = cli(
        capsys,
        box,
        "transactions",
        "sync",
        "--cursor",
        head["nextCursor"],
        "--connection-id",
        conn_id,
        "--limit",
        "2",
        "--all",
    )
    assert code == 0
    *events, tail = lines
    assert events == expected and tail["hasMore"] is False
    assert {e["type"] for e in events} <= {"added", "modified", "removed"}

    code, lines, _ = cli(
        capsys,
        box,
        "transactions",
        "sync",
        "--cursor",
        tail["nextCursor"],
        "--connection-id",
        conn_id,
    )
    assert code == 0 and lines == [{"nextCursor": tail["nextCursor"], "hasMore": False}]


def test_transactions_sync_with_a_bad_cursor_is_one_line(
    capsys: pytest.CaptureFixture[str], box: Sandbox
) -> None:
    code, lines, err = cli(capsys, box, "transactions", "sync", "--cursor", "garbage")
    assert code == EXIT_ERROR and lines == []
    assert err.startswith("waycore: error: InvalidCursorError:") and err.count("\n") == 1
