"""A tiny webhook receiver for the demo: verifies each delivery's signature on the raw body
and keeps the typed events. Standard library only, on 127.0.0.1."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

import waycore


class Receiver:
    """`with Receiver() as r:` serves on `r.url`; set `r.secret` once the webhook exists."""

    def __init__(self) -> None:
        self.secret = ""
        self.events: list[waycore.WebhookEvent] = []
        self.rejected = 0
        self._arrived = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    event = waycore.webhooks.construct_event(
                        body, self.headers.get("Waycore-Signature"), receiver.secret
                    )
                except waycore.WebhookVerificationError:
                    receiver.rejected += 1
                    self.send_response(400)
                else:
                    with receiver._arrived:
                        receiver.events.append(event)
                        receiver._arrived.notify_all()
                    self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}/waycore/webhooks"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def wait_for(self, count: int, *, timeout: float) -> list[waycore.WebhookEvent]:
        """The verified events, once at least `count` arrived (or `timeout` passed)."""
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.events) >= count, timeout=timeout)
            return list(self.events)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
