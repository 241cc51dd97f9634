"""The `waycore` command: the SDK from a shell, one JSON object per line on stdout.

The API key comes from `$WAYCORE_API_KEY` and the bank password from stdin or a prompt:
neither is ever taken from the command line, where other users could see it in `ps`.
"""

from __future__ import annotations

import argparse
import datetime
import enum
import functools
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import attrs

from ._client import Waycore
from ._exceptions import WaycoreError
from ._version import __version__
from .types import Connection

EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse echoes stray arguments; one may be a password typed where it does not belong.
        if message.startswith("unrecognized arguments"):
            message = "unrecognized arguments (not shown; passwords are read from stdin)"
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def to_json(connection: Connection | None) -> str:
    """One connection as a JSON line (snake_case fields, as on the SDK's models)."""
    if connection is None:
        return "null"
    data = attrs.asdict(connection, value_serializer=lambda _i, _a, v: _jsonable(v))
    return json.dumps(data, sort_keys=False, default=str)


def _read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Bank password: ")
    return sys.stdin.readline().rstrip("\r\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="waycore", description="Waycore API from the command line.")
    parser.add_argument("--version", action="version", version=f"waycore-python {__version__}")
    parser.add_argument("--base-url", help="API base URL (default: $WAYCORE_BASE_URL or live)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    parser.add_argument("--max-retries", type=int, default=2)
    top = parser.add_subparsers(dest="command", required=True)

    conns = top.add_parser("connections", help="manage bank connections").add_subparsers(
        dest="action", required=True
    )
    create = conns.add_parser("create", help="create (or return) a connection")
    create.add_argument("--entity-id", required=True)
    create.add_argument("--institution-id")
    create.add_argument("--portal-url")
    conns.add_parser("get", help="show one connection").add_argument("connection_id")
    listing = conns.add_parser("list", help="list connections, one JSON object per line")
    listing.add_argument("--entity-id")
    listing.add_argument("--institution-id")
    listing.add_argument("--status")
    listing.add_argument("--limit", type=int)
    creds = conns.add_parser(
        "credentials", help="hand over bank credentials (password from stdin or a prompt)"
    )
    creds.add_argument("connection_id")
    creds.add_argument("--bank-username")
    creds.add_argument("--bank-customer-id")
    creds.add_argument(
        "--password", action="store_true", help="read the bank password from stdin or a prompt"
    )
    conns.add_parser("complete-setup", help="mark bank-side setup done").add_argument(
        "connection_id"
    )
    conns.add_parser("sync", help="queue a sync").add_argument("connection_id")
    wait = conns.add_parser("wait", help="wait until the connection is ready and active")
    wait.add_argument("connection_id")
    wait.add_argument("--timeout", dest="wait_timeout", type=float, default=900.0)
    wait.add_argument("--poll-interval", type=float, default=2.0)

    sandbox = top.add_parser("sandbox", help="serve a local in-memory Waycore sandbox")
    sandbox.add_argument("--host", default="127.0.0.1")
    sandbox.add_argument("--port", type=int, default=8080)
    sandbox.add_argument("--api-key", help="key the sandbox accepts (default: random)")
    return parser


def _run_connections(client: Waycore, args: argparse.Namespace) -> None:
    conns = client.connections
    action: str = args.action
    out: Callable[[str], None] = functools.partial(print, flush=True)
    if action == "create":
        out(
            to_json(
                conns.create(
                    entity_id=args.entity_id,
                    institution_id=args.institution_id,
                    portal_url=args.portal_url,
                )
            )
        )
    elif action == "get":
        out(to_json(conns.retrieve(args.connection_id)))
    elif action == "list":
        pager = conns.list(
            entity_id=args.entity_id,
            institution_id=args.institution_id,
            status=args.status,
            limit=args.limit,
        )
        for conn in pager:
            out(to_json(conn))
    elif action == "credentials":
        password = _read_password() if args.password else None
        conn = conns.update_credentials(
            args.connection_id,
            bank_username=args.bank_username,
            bank_customer_id=args.bank_customer_id,
            password=password,
        )
        out(to_json(conn))
    elif action == "complete-setup":
        out(to_json(conns.complete_setup(args.connection_id)))
    elif action == "sync":
        conns.sync(args.connection_id)
        out(json.dumps({"id": args.connection_id, "sync": "queued"}))
    elif action == "wait":
        ready = conns.wait_until_ready(
            args.connection_id, timeout=args.wait_timeout, poll_interval=args.poll_interval
        )
        out(to_json(ready))


def _serve_sandbox(args: argparse.Namespace) -> None:
    from .testing import Sandbox  # only this command needs it

    sandbox = Sandbox(host=args.host, port=args.port, api_key=args.api_key)
    sandbox.start()
    print(f"Waycore sandbox on {sandbox.base_url}", file=sys.stderr)
    print(f"export WAYCORE_BASE_URL={sandbox.base_url}", file=sys.stderr)
    print(f"export WAYCORE_API_KEY={sandbox.api_key}", file=sys.stderr)
    try:
        sandbox.serve()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".replace("\n", " ")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `waycore` console script; returns the exit code."""
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "sandbox":
            _serve_sandbox(args)
            return 0
        with Waycore(
            base_url=args.base_url, timeout=args.timeout, max_retries=args.max_retries
        ) as client:
            _run_connections(client, args)
    except (WaycoreError, ValueError) as exc:
        print(f"waycore: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
