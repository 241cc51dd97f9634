"""`waycore transactions ...`: transactions, and the change feed (`sync`)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..resources._transactions_calls import SORTS
from ..types.transaction import TransactionRail, TransactionStatus
from ._args import add_limit, iso_date, known_values, text
from ._output import emit, emit_each
from ._parser import Commands

if TYPE_CHECKING:
    from .._client import Waycore
    from ..types.transaction import TransactionEvent, TransactionSyncPage


def register(commands: Commands) -> None:
    group = commands.group("transactions", help="read transactions and follow their changes")

    listing = group.command(
        "list", help="print every matching transaction, one per line", run=_list
    )
    listing.add_argument("--account-id", type=text, metavar="ID", help="only this account's")
    listing.add_argument("--connection-id", type=text, metavar="ID", help="only this connection's")
    listing.add_argument(
        "--status",
        type=text,
        help=f"only transactions in this status: {known_values(TransactionStatus)} (or any "
        "newer value)",
    )
    listing.add_argument(
        "--rail",
        type=text,
        help=f"only transactions on this rail: {known_values(TransactionRail)} (or any newer "
        "value)",
    )
    listing.add_argument(
        "--posted-date-gte",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="only transactions posted on or after this date",
    )
    listing.add_argument(
        "--posted-date-lt",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="only transactions posted before this date (not on it)",
    )
    listing.add_argument(
        "--sort",
        choices=SORTS,
        metavar="ORDER",
        help=f"one of {', '.join(SORTS)} (the API's default: -postedDate); write a "
        "descending order with `=`, e.g. --sort=-updatedAt",
    )
    add_limit(listing, "transactions")

    get = group.command("get", help="print one transaction", run=_get)
    get.add_argument("transaction_id", type=text, help="the transaction's id")

    sync = group.command(
        "sync",
        help="print the change events after a cursor, one per line "
        '(`{"type": "added", ...}`), then a last line `{"nextCursor": ..., "hasMore": ...}`; '
        "without --cursor, no events and the head cursor of the stream",
        run=_sync,
    )
    sync.add_argument(
        "--cursor",
        type=text,
        help="the nextCursor printed by the previous run (save it only once you have "
        "applied the events before it)",
    )
    sync.add_argument(
        "--account-id",
        type=text,
        metavar="ID",
        help="only this account's changes (keep it the same for the life of a cursor)",
    )
    sync.add_argument(
        "--connection-id",
        type=text,
        metavar="ID",
        help="only this connection's changes (keep it the same for the life of a cursor)",
    )
    add_limit(sync, "events")
    sync.add_argument(
        "--all",
        action="store_true",
        help="while hasMore is true, ask again at once, printing every page's events; the "
        "last line then holds the cursor to resume from",
    )


def _list(client: Waycore, args: argparse.Namespace) -> None:
    pager = client.transactions.list(
        account_id=args.account_id,
        connection_id=args.connection_id,
        status=args.status,
        rail=args.rail,
        posted_date_gte=args.posted_date_gte,
        posted_date_lt=args.posted_date_lt,
        sort=args.sort,
        limit=args.limit,
    )
    emit_each(pager)


def _get(client: Waycore, args: argparse.Namespace) -> None:
    emit(client.transactions.retrieve(args.transaction_id))


def _sync(client: Waycore, args: argparse.Namespace) -> None:
    filters: dict[str, Any] = {
        "cursor": args.cursor,
        "account_id": args.account_id,
        "connection_id": args.connection_id,
        "limit": args.limit,
    }
    pages: Iterable[TransactionSyncPage] = (
        client.transactions.sync_pages(**filters)
        if args.all
        else [client.transactions.sync(**filters)]
    )
    last: TransactionSyncPage | None = None
    for page in pages:
        emit_each(_event_dict(event) for event in page.events)
        last = page
    assert last is not None  # sync_pages yields at least one page
    emit({"nextCursor": last.next_cursor, "hasMore": last.has_more})


def _event_dict(event: TransactionEvent) -> dict[str, Any]:
    """The event's wire form with its `type` first, so a line reads `{"type": "added", ...`."""
    wire = event.to_dict()
    return {"type": wire.pop("type", event.type), **wire}
