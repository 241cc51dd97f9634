"""The SDK's main flows, end to end, against a local sandbox.

Run it with `scripts/demo`. It starts `waycore.testing.Sandbox` on loopback and walks:
1. onboarding: create a connection, show the setup instructions, hand over credentials,
   complete setup, wait until ready;
2. reading: the connection's accounts with their balances and recent transactions;
3. mirroring: the transaction change feed into a SQLite file, before and after a sync;
4. paying: connect a second bank, register a webhook receiver, pay between the two banks'
   accounts with an idempotency key (replayed safely), and show the verified deliveries.
Any failing step exits non-zero.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import waycore
from waycore.testing import Sandbox

sys.path.insert(0, str(Path(__file__).parent))
from _webhook_receiver import Receiver  # the examples folder is not a package

_T = TypeVar("_T")
ENTITY_ID = uuid.UUID("3c90c3cc-0d44-4b50-8888-8dd25736052a")


def step(title: str) -> None:
    print(f"\n== {title}")


def show(label: str, value: object) -> None:
    print(f"   {label:<24} {value}")


def onboard(client: waycore.Waycore, bank: str) -> waycore.ReadyConnection:
    step(f"Onboard a bank connection ({bank})")
    conn = client.connections.create(entity_id=ENTITY_ID, institution_id=bank)
    show("connection", f"{conn.id} ({conn.kind})")
    if isinstance(conn, waycore.SetupConnection):
        i = conn.setup.instructions
        show("delegated user to create", f"{i.first_name} {i.last_name} <{i.email}>")
        client.connections.update_credentials(
            conn.id, bank_username=i.username, password="demo-password-not-real"
        )
        show("credentials", "handed over (the password is never logged)")
        client.connections.complete_setup(conn.id)
    ready = client.connections.wait_until_ready(conn.id, timeout=30, poll_interval=0.05)
    show("status", f"{ready.status}, {ready.sync_status}")
    return ready


def read(client: waycore.Waycore, conn: waycore.ReadyConnection) -> None:
    step("Read its accounts, balances and recent transactions")
    accounts = list(client.accounts.list(connection_id=conn.id))
    for account in accounts:
        show(account.name, f"{account.currency} {account.current_balance} ({account.type})")
        balances = [b for b in client.balances.list(account_id=account.id) if b.date]
        if balances:
            latest = max(balances, key=lambda b: str(b.date))
            show("  latest balance", f"{latest.date}: {latest.ledger_balance} ({latest.source})")
        recent = client.transactions.list(account_id=account.id, sort="-postedDate", limit=3)
        for txn in next(iter(recent.pages())).data:
            when = txn.posted_date or "pending"
            show(
                f"  {when}", f"{txn.entry_type:<6} {txn.amount:>10} {txn.description} [{txn.rail}]"
            )


def mirror(client: waycore.Waycore, conn: waycore.ReadyConnection, folder: Path) -> None:
    step("Mirror the transaction change feed into SQLite")
    rows: dict[str, waycore.Transaction] = {}

    def apply(page: waycore.TransactionSyncPage) -> None:
        for event in page.events:
            if isinstance(event, waycore.TransactionAdded | waycore.TransactionModified):
                rows[event.transaction.id] = event.transaction
            elif isinstance(event, waycore.TransactionRemoved):
                rows.pop(event.transaction_id, None)

    with waycore.SQLiteCursorStore(folder / "mirror.sqlite3") as store:
        feed = client.transactions.feed(store, connection_id=conn.id)
        first = feed.run(apply)
        show("bootstrap", f"{first.events} transactions backfilled, then the head cursor saved")

        client.connections.sync(conn.id)
        current = client.connections.retrieve(conn.id)  # each read moves the sandbox's sync along
        while isinstance(current, waycore.ReadyConnection) and current.sync_status == "syncing":
            current = client.connections.retrieve(conn.id)
        changes: list[str] = []

        def apply_and_tell(page: waycore.TransactionSyncPage) -> None:
            for event in page.events:
                changes.append(type(event).__name__.removeprefix("Transaction").lower())
            apply(page)

        second = feed.run(apply_and_tell)
        show("after a sync", ", ".join(f"{changes.count(c)} {c}" for c in sorted(set(changes))))
        show("cursor", f"{second.cursor[:24]}…" if second.cursor else None)
    listed = {t.id for t in client.transactions.list(connection_id=conn.id)}
    if set(rows) != listed:
        raise SystemExit("the mirror differs from the API's transactions")
    show("mirror", f"{len(rows)} rows, identical to the API's list")


def pay(client: waycore.Waycore, sandbox: Sandbox, receiver: Receiver) -> None:
    step("Register a webhook, then pay between two accounts")
    webhook = client.webhooks.create(
        url=receiver.url,
        events=[waycore.WebhookEventType.TEST, "connection.status_changed"],
    )
    receiver.secret = webhook.secret
    show("webhook", f"{webhook.id} -> {webhook.url}")
    show("secret in its repr", webhook.secret in repr(webhook))
    client.webhooks.send_test_event(webhook.id)

    usd = list(client.accounts.list(currency="USD", type="checking"))
    source, destination = usd[0], usd[1]  # the two banks' operating accounts
    key = f"demo-{uuid.uuid4()}"

    def send(create: Callable[..., _T]) -> _T:
        return create(
            amount=Decimal("125.00"),
            currency=source.currency,
            source_account_id=source.id,
            destination_account_id=destination.id,
            client_reference="invoice-2024-0042",
            idempotency_key=key,
        )

    transfer = send(client.transfers.create_internal)
    show("transfer", f"{transfer.id} {transfer.status} {transfer.requested_amount.value}")
    replay = send(client.with_raw_response.transfers.create_internal)  # the same key again
    show("same key again", f"Idempotent-Replayed: {replay.headers.get('Idempotent-Replayed')}")
    if replay.parse().id != transfer.id:
        raise SystemExit("a replayed idempotency key must return the same transfer")
    while transfer.status != "completed":
        transfer = client.transfers.retrieve(transfer.id)  # each read advances the sandbox
        show("status", transfer.status)

    sandbox.deliver_pending()
    received = receiver.wait_for(1, timeout=5)
    for event in received:
        show("verified delivery", f"{event.type} {event.id}")
    if not received:
        raise SystemExit("the webhook receiver got no verified delivery")


def main() -> int:
    with (
        Sandbox(activation_polls=2) as sandbox,
        Receiver() as receiver,
        tempfile.TemporaryDirectory() as folder,
    ):
        print(f"Waycore sandbox on {sandbox.base_url}")
        with sandbox.client(max_retries=2, timeout=10) as client:
            try:
                conn = onboard(client, "chase")
                read(client, conn)
                mirror(client, conn, Path(folder))
                onboard(client, "bofa")
                pay(client, sandbox, receiver)
            except waycore.WaycoreError as exc:
                print(f"\nFAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
                return 1
    print("\nDone: onboarded, read, mirrored and paid, every webhook delivery verified.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
