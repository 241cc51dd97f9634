"""`waycore balances list`: daily balances of accounts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ._args import add_limit, iso_date, text
from ._output import emit_each
from ._parser import Commands

if TYPE_CHECKING:
    from .._client import Waycore


def register(commands: Commands) -> None:
    group = commands.group("balances", help="read daily account balances")

    listing = group.command(
        "list", help="print every matching balance row, one per line", run=_list
    )
    listing.add_argument(
        "--entity-id", type=text, metavar="UUID", help="only this entity's accounts"
    )
    listing.add_argument(
        "--connection-id", type=text, metavar="ID", help="only this connection's accounts"
    )
    listing.add_argument("--account-id", type=text, metavar="ID", help="only this account")
    listing.add_argument(
        "--date-gte",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="only balances on or after this date",
    )
    listing.add_argument(
        "--date-lt",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="only balances before this date (not on it)",
    )
    add_limit(listing, "balances")


def _list(client: Waycore, args: argparse.Namespace) -> None:
    pager = client.balances.list(
        entity_id=args.entity_id,
        connection_id=args.connection_id,
        account_id=args.account_id,
        date_gte=args.date_gte,
        date_lt=args.date_lt,
        limit=args.limit,
    )
    emit_each(pager)
