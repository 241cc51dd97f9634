"""The whole onboarding of a bank connection through the SDK, against a local sandbox.

Run it with `scripts/demo`. It starts `waycore.testing.Sandbox` on loopback and walks:
create -> show setup instructions -> hand over credentials -> complete setup -> wait until
ready -> list -> sync. Any failing step exits non-zero.
"""

from __future__ import annotations

import sys
import uuid

import waycore
from waycore.testing import Sandbox

ENTITY_ID = uuid.UUID("3c90c3cc-0d44-4b50-8888-8dd25736052a")


def step(number: int, title: str) -> None:
    print(f"\n[{number}] {title}")


def show(label: str, value: object) -> None:
    print(f"    {label:<22} {value}")


def run(client: waycore.Waycore) -> None:
    step(1, "Create a connection to Chase for the entity")
    conn = client.connections.create(entity_id=ENTITY_ID, institution_id="chase")
    show("id", conn.id)
    show("kind", conn.kind)
    if not isinstance(conn, waycore.SetupConnection):
        raise SystemExit(f"expected a setup connection, got {conn!r}")
    show("status", conn.status)

    step(2, "Show the end user what to create at the bank")
    instructions = conn.setup.instructions
    assert instructions is not None, "the first create response carries the instructions"
    for field in ("first_name", "last_name", "email", "username", "phone_number", "address"):
        show(field, getattr(instructions, field))
    show("next action", f"{conn.setup.next_action} (by {conn.setup.action_required_by})")

    step(3, "Hand over the delegated user's credentials")
    updated = client.connections.update_credentials(
        conn.id, bank_username=instructions.username, password="demo-password-not-real"
    )
    assert isinstance(updated, waycore.SetupConnection)
    show("credentials present", updated.setup.credentials_present)

    step(4, "Mark the bank-side setup complete")
    completed = client.connections.complete_setup(conn.id)
    show("status", completed.status if completed is not None else "(no body)")

    step(5, "Wait until Waycore has activated the connection")
    ready = client.connections.wait_until_ready(conn.id, timeout=30, poll_interval=0.2)
    show("kind", ready.kind)
    show("status", ready.status)
    show("sync status", ready.sync_status)

    step(6, "List the entity's connections")
    for listed in client.connections.list(entity_id=ENTITY_ID):
        show(listed.id, f"{listed.kind} / {getattr(listed, 'status', '?')}")

    step(7, "Queue a sync, then try again while it runs")
    client.connections.sync(conn.id)
    show("sync", "queued (202)")
    try:
        client.connections.sync(conn.id)
    except waycore.ConflictError as exc:
        show("second sync", f"refused as expected: {exc.code} ({exc.status_code})")
    else:
        raise SystemExit("a second sync while one runs should be refused with 409")


def main() -> int:
    with Sandbox(activation_polls=2) as sandbox:
        print(f"Waycore sandbox on {sandbox.base_url}")
        with sandbox.client(max_retries=2, timeout=10) as client:
            try:
                run(client)
            except waycore.WaycoreError as exc:
                print(f"\nFAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
                return 1
    print("\nOnboarding complete: the connection is ready and syncing.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
