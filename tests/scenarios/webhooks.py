"""Scenarios of `client.webhooks`: create (its one-time secret is scrubbed from the cassette),
list by page, retrieve (secret masked), update, send a test event, delete, and the errors of
an inactive registration and a deleted one.

The URLs are not loopback, so the sandbox never posts to them (nothing else is recorded).
"""

from __future__ import annotations

from typing import Any

import waycore

from ._base import REDACTED, Scenario, Steps, expect_error, op

HOOK_URL = "https://hooks.example.com/waycore"


def _hook(hook: waycore.Webhook) -> dict[str, Any]:
    return {
        "id": hook.id,
        "url": hook.url,
        "events": [str(event) for event in hook.events],
        "active": hook.active,
        "metadata": hook.metadata,
        "secret_masked": hook.secret.startswith("*"),
    }


def webhooks_lifecycle() -> Steps:
    hook = yield op(
        "webhooks.create",
        url=HOOK_URL,
        events=["connection.status_changed", "test"],
        metadata={"team": "treasury"},
    )
    # In full only now: the real value while recording, REDACTED in the cassette.
    assert hook.secret.startswith("whsec_") or hook.secret == REDACTED
    other = yield op(
        "webhooks.create", url=f"{HOOK_URL}/sync", events=["transactions.sync_available"]
    )
    every = yield op("webhooks.list", limit=1)  # two registrations, one per page
    assert [h.id for h in every] == [other.id, hook.id]
    fetched = yield op("webhooks.retrieve", webhook_id=hook.id)
    assert fetched.secret.startswith("*")
    paused = yield op("webhooks.update", webhook_id=hook.id, active=False)
    inactive = yield from expect_error(
        waycore.ConflictError, "webhooks.send_test_event", webhook_id=hook.id
    )
    resumed = yield op(
        "webhooks.update", webhook_id=hook.id, active=True, events=["test"], metadata=None
    )
    sent = yield op("webhooks.send_test_event", webhook_id=hook.id)
    assert sent is None
    deleted = yield op("webhooks.delete", webhook_id=other.id)
    assert deleted is None
    gone = yield from expect_error(waycore.NotFoundError, "webhooks.retrieve", webhook_id=other.id)
    remaining = yield op("webhooks.list")
    return {
        "created": _hook(hook),
        "every": [_hook(h) for h in every],
        "fetched": _hook(fetched),
        "paused": _hook(paused),
        "inactive": inactive,
        "resumed": _hook(resumed),
        "gone": gone,
        "remaining": [h.id for h in remaining],
    }


SCENARIOS = [Scenario("webhooks_lifecycle", webhooks_lifecycle)]
