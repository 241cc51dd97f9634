"""Verify (and, for tests, sign) the webhook deliveries Waycore POSTs to your server.

Always verify the *raw* request body, before parsing it: JSON that was parsed and
re-serialised almost never has the same bytes, and so never the same signature. A Flask
handler::

    import json
    import os

    import waycore.webhooks
    from flask import Flask, request

    app = Flask(__name__)

    @app.post("/waycore/webhooks")
    def receive():
        try:
            waycore.webhooks.verify_signature(
                request.get_data(),                           # raw bytes, not request.json
                request.headers.get("Waycore-Signature"),
                os.environ["WAYCORE_WEBHOOK_SECRET"],
            )
        except waycore.webhooks.WebhookVerificationError:
            return "", 400
        event = json.loads(request.get_data())
        enqueue(event)                                        # answer 2xx quickly
        return "", 204

`secret` may be a list while you rotate secrets; any of them may match. A delivery whose
timestamp is more than `tolerance` seconds (default 300) from now, either way, is refused.
Deliveries can repeat: use the event's `id` to process each once.

In your own tests, `sign(body, secret)` builds the header a real delivery would carry.
"""

from .._exceptions import WebhookVerificationError
from ._signature import sign, verify_signature

# Seam for the typed events: `construct_event(payload, header, secret, *, tolerance=300,
# now=None)` calls `verify_signature` and only then parses the envelope. It and the event
# classes are to live in `._events` and be re-exported here, next to these three names.

__all__ = [
    "WebhookVerificationError",
    "sign",
    "verify_signature",
]
