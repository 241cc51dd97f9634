"""Verify (and, for tests, sign) the webhook deliveries Waycore POSTs to your server.

Always verify the *raw* request body, before parsing it: JSON that was parsed and
re-serialised almost never has the same bytes, and so never the same signature.
`construct_event` verifies and then parses into a typed event. A Flask handler::

    import os

    import waycore
    from flask import Flask, request

    app = Flask(__name__)

    @app.post("/waycore/webhooks")
    def receive():
        try:
            event = waycore.webhooks.construct_event(
                request.get_data(),                           # raw bytes, not request.json
                request.headers.get("Waycore-Signature"),
                os.environ["WAYCORE_WEBHOOK_SECRET"],
            )
        except waycore.webhooks.WebhookVerificationError:
            return "", 400
        if isinstance(event, waycore.webhooks.ConnectionStatusChangedEvent):
            enqueue_status_change(event.data.connection_id, event.data.status)
        elif isinstance(event, waycore.webhooks.TransactionsSyncAvailableEvent):
            enqueue_sync(event.data.connection_id)        # answer 2xx quickly
        return "", 204

With FastAPI/Starlette, read the body with `await request.body()`.

`secret` may be a list while you rotate secrets; any of them may match. A delivery whose
timestamp is more than `tolerance` seconds (default 300) from now, either way, is refused.
Deliveries can repeat: use the event's `id` to process each once. `verify_signature` alone
checks a delivery without parsing it.

In your own tests, `sign(body, secret)` builds the header a real delivery would carry.
"""

from .._exceptions import WebhookVerificationError
from ._events import (
    ConnectionStatusChangedData,
    ConnectionStatusChangedEvent,
    TestEvent,
    TransactionsSyncAvailableData,
    TransactionsSyncAvailableEvent,
    UnknownWebhookEvent,
    WebhookEvent,
    construct_event,
)
from ._signature import sign, verify_signature

__all__ = [
    "ConnectionStatusChangedData",
    "ConnectionStatusChangedEvent",
    "TestEvent",
    "TransactionsSyncAvailableData",
    "TransactionsSyncAvailableEvent",
    "UnknownWebhookEvent",
    "WebhookEvent",
    "WebhookVerificationError",
    "construct_event",
    "sign",
    "verify_signature",
]
