"""`waycore connections ...`: bank connections (create, onboard, list, sync, wait)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .._constants import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT
from ..types.enums import ConnectionStatus
from ._args import MAX_REQUEST_TIMEOUT, MAX_WAIT, add_limit, known_values, seconds, text
from ._client import read_password
from ._errors import UsageError
from ._output import emit, emit_each
from ._parser import Commands

if TYPE_CHECKING:
    from .._client import Waycore


def register(commands: Commands) -> None:
    group = commands.group("connections", help="manage bank connections")

    create = group.command(
        "create", help="create a connection (or return the existing one) and print it", run=_create
    )
    create.add_argument(
        "--entity-id", required=True, type=text, metavar="UUID", help="the entity it belongs to"
    )
    create.add_argument(
        "--institution-id",
        type=text,
        metavar="ID",
        help="the bank, e.g. chase (this or --portal-url)",
    )
    create.add_argument(
        "--portal-url", type=text, metavar="URL", help="the bank's https:// login portal URL"
    )

    get = group.command("get", help="print one connection", run=_get)
    get.add_argument("connection_id", type=text, help="the connection's id (conn_...)")

    listing = group.command(
        "list", help="print every matching connection, one per line, newest first", run=_list
    )
    listing.add_argument("--entity-id", type=text, metavar="UUID", help="only this entity's")
    listing.add_argument("--institution-id", type=text, metavar="ID", help="only this bank's")
    listing.add_argument(
        "--status",
        type=text,
        help="only connections in this status: " + known_values(ConnectionStatus),
    )
    add_limit(listing, "connections")

    creds = group.command(
        "credentials",
        help="hand over the bank credentials of a setup connection (give at least one option)",
        run=_credentials,
    )
    creds.add_argument("connection_id", type=text, help="the connection's id (conn_...)")
    creds.add_argument("--bank-username", type=text, metavar="NAME", help="the bank user name")
    creds.add_argument("--bank-customer-id", type=text, metavar="ID", help="the bank customer id")
    creds.add_argument(
        "--password",
        action="store_true",
        help="also send the bank password, read from the first line of stdin or from a "
        "prompt on a terminal (never give it on the command line)",
    )

    complete = group.command(
        "complete-setup", help="mark the bank-side setup as done", run=_complete_setup
    )
    complete.add_argument("connection_id", type=text, help="the connection's id (conn_...)")

    sync = group.command("sync", help="queue a sync (exit code 5 if one is running)", run=_sync)
    sync.add_argument("connection_id", type=text, help="the connection's id (conn_...)")

    wait = group.command(
        "wait", help="wait until the connection is ready and active, then print it", run=_wait
    )
    wait.add_argument("connection_id", type=text, help="the connection's id (conn_...)")
    wait.add_argument(
        "--timeout",
        dest="wait_timeout",
        type=seconds(MAX_WAIT),
        default=DEFAULT_WAIT_TIMEOUT,
        metavar="SECONDS",
        help=f"give up after this long in all, exit code 6 (default: {DEFAULT_WAIT_TIMEOUT:g})",
    )
    wait.add_argument(
        "--poll-interval",
        type=seconds(MAX_REQUEST_TIMEOUT),
        default=DEFAULT_POLL_INTERVAL,
        metavar="SECONDS",
        help=f"first pause between checks; it grows while waiting "
        f"(default: {DEFAULT_POLL_INTERVAL:g})",
    )


def _create(client: Waycore, args: argparse.Namespace) -> None:
    if args.institution_id is None and args.portal_url is None:
        raise UsageError("connections create needs --institution-id or --portal-url (or both)")
    emit(
        client.connections.create(
            entity_id=args.entity_id,
            institution_id=args.institution_id,
            portal_url=args.portal_url,
        )
    )


def _get(client: Waycore, args: argparse.Namespace) -> None:
    emit(client.connections.retrieve(args.connection_id))


def _list(client: Waycore, args: argparse.Namespace) -> None:
    pager = client.connections.list(
        entity_id=args.entity_id,
        institution_id=args.institution_id,
        status=args.status,
        limit=args.limit,
    )
    emit_each(pager)


def _credentials(client: Waycore, args: argparse.Namespace) -> None:
    if args.bank_username is None and args.bank_customer_id is None and not args.password:
        raise UsageError(
            "connections credentials needs at least one of --bank-username, "
            "--bank-customer-id, --password"
        )
    password = read_password() if args.password else None
    emit(
        client.connections.update_credentials(
            args.connection_id,
            bank_username=args.bank_username,
            bank_customer_id=args.bank_customer_id,
            password=password,
        )
    )


def _complete_setup(client: Waycore, args: argparse.Namespace) -> None:
    emit(client.connections.complete_setup(args.connection_id))


def _sync(client: Waycore, args: argparse.Namespace) -> None:
    client.connections.sync(args.connection_id)
    emit({"id": args.connection_id, "sync": "queued"})


def _wait(client: Waycore, args: argparse.Namespace) -> None:
    emit(
        client.connections.wait_until_ready(
            args.connection_id, timeout=args.wait_timeout, poll_interval=args.poll_interval
        )
    )
