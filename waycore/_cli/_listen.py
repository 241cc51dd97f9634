"""`waycore webhooks listen`: a local receiver that verifies and prints webhook deliveries.

A single-threaded `http.server` on loopback (by default): each POST is verified with
`waycore.webhooks.construct_event` on the raw body; a genuine delivery is answered 204 and
printed as one JSON line (the event's wire form: `id`, `type`, `createdAt`, `data`), any
other gets 400 and one line on stderr saying which check failed (never the secret). It
serves until Ctrl-C (exit code 130) or, with `--max-events N`, until N events were printed.
"""

from __future__ import annotations

import argparse
import http.server
import os
import socket
import sys
from typing import Any

from .._exceptions import WebhookVerificationError
from ..webhooks import construct_event
from ._args import int_range, text
from ._errors import CliError, ExitCode, UsageError
from ._output import StdoutClosed, emit
from ._parser import WEBHOOK_SECRET_ENV, Commands
from ._session import mask, note, printable, session, write_stderr

__all__ = ["register_listen"]

MAX_BODY = 1 << 20  # 1 MiB: far above any Waycore event
REQUEST_TIMEOUT = 10.0  # seconds a sender may take to send its request
SIGNATURE_HEADER = "Waycore-Signature"


def register_listen(group: Commands) -> None:
    listen = group.local_command(
        "listen",
        help="receive webhook deliveries on a local port: verify each one's signature, print "
        "the event as a JSON line and answer 204 (400 to a bad signature); runs until Ctrl-C",
        run=_listen,
    )
    listen.add_argument(
        "--host",
        type=text,
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    listen.add_argument(
        "--port",
        type=int_range(0, 65535),
        default=8787,
        help="port to listen on, 0 for any free port; the URL is printed on stderr (default: 8787)",
    )
    listen.add_argument(
        "--secret",
        dest="secrets",
        action="append",
        type=text,
        metavar="SECRET",
        help=f"the webhook's signing secret (whsec_...); repeat it while rotating secrets "
        f"(default: ${WEBHOOK_SECRET_ENV}, which is safer: a secret on the command line is "
        "visible to other local users in `ps`)",
    )
    listen.add_argument(
        "--max-events",
        type=int_range(1),
        metavar="N",
        help="stop (exit code 0) once N verified events were printed (default: run until Ctrl-C)",
    )


def _listen(args: argparse.Namespace) -> None:
    secrets: list[str] = args.secrets or [os.environ.get(WEBHOOK_SECRET_ENV) or ""]
    if not all(secrets):
        raise UsageError(
            f"webhooks listen needs the signing secret: set {WEBHOOK_SECRET_ENV} (or pass --secret)"
        )
    for secret in secrets:
        session().add_secret(secret)
    try:
        server = Receiver((args.host, args.port), secrets)
    except (OSError, OverflowError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise CliError(
            f"cannot listen on {args.host} port {args.port}: {reason}", ExitCode.ERROR
        ) from None
    with server:
        note(f"Listening for Waycore webhooks on {server.url}")
        while args.max_events is None or server.printed < args.max_events:
            server.handle_request()
            if server.failure is not None:
                raise server.failure


class Receiver(http.server.HTTPServer):
    """The receiving server, serving one request at a time (so lines never interleave).

    `printed` counts the events printed; `failure` holds a `StdoutClosed` raised while
    printing one, for the serving loop to re-raise (socketserver would only log it).
    """

    def __init__(self, address: tuple[str, int], secrets: list[str]) -> None:
        host = address[0]
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.secrets = secrets
        self.printed = 0
        self.failure: StdoutClosed | None = None
        super().__init__(address, _DeliveryHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{name}]" if self.address_family == socket.AF_INET6 else name
        return f"http://{shown}:{port}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A request that failed (e.g. the sender hung up): one line, no traceback."""
        failure = sys.exc_info()[1]
        if isinstance(failure, StdoutClosed):
            self.failure = failure
            return
        write_stderr(f"waycore: a delivery from {client_address[0]} could not be read\n")


class _DeliveryHandler(http.server.BaseHTTPRequestHandler):
    server: Receiver
    timeout = REQUEST_TIMEOUT
    server_version = "waycore-webhooks-listen"
    sys_version = ""

    def do_POST(self) -> None:
        length_header = self.headers.get("Content-Length")
        if length_header is None or not length_header.isdigit():
            self._reject(411, "the request has no Content-Length")
            return
        length = int(length_header)
        if length > MAX_BODY:
            self._reject(413, f"the body is larger than {MAX_BODY} bytes")
            return
        body = self.rfile.read(length)
        try:
            event = construct_event(body, self.headers.get(SIGNATURE_HEADER), self.server.secrets)
        except WebhookVerificationError as exc:
            self._reject(400, str(exc))
            return
        # Printed before the 204: if it cannot be printed (stdout closed), the sender gets no
        # answer and delivers it again later, so no acknowledged event goes unseen.
        emit(event)
        self.server.printed += 1
        self._answer(204)

    def _reject(self, status: int, reason: str) -> None:
        write_stderr(
            f"waycore: rejected a delivery from {self.client_address[0]}: "
            f"{printable(mask(reason))} (answered {status})\n"
        )
        self._answer(status, "rejected")

    def _answer(self, status: int, message: str = "") -> None:
        body = (message + "\n").encode() if message else b""
        self.send_response(status)
        if body:
            self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """No access log: stdout is for events, stderr for rejections and errors."""
