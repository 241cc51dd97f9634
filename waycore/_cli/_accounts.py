"""`waycore accounts ...`: the bank accounts of active connections."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..types.account import AccountStatus, AccountType
from ._args import add_limit, known_values, text
from ._output import emit, emit_each
from ._parser import Commands

if TYPE_CHECKING:
    from .._client import Waycore


def register(commands: Commands) -> None:
    group = commands.group("accounts", help="read bank accounts")

    listing = group.command("list", help="print every matching account, one per line", run=_list)
    listing.add_argument(
        "--connection-id", type=text, metavar="ID", help="only this connection's accounts"
    )
    listing.add_argument(
        "--type",
        type=text,
        help=f"only accounts of this type: {known_values(AccountType)} (or any newer value)",
    )
    listing.add_argument(
        "--currency", type=text, metavar="CODE", help="only accounts in this currency, e.g. USD"
    )
    listing.add_argument(
        "--status",
        type=text,
        help=f"only accounts in this status: {known_values(AccountStatus)} (or any newer value)",
    )
    add_limit(listing, "accounts")

    get = group.command(
        "get",
        help="print one account (with its full account and routing numbers, if the API sends them)",
        run=_get,
    )
    get.add_argument("account_id", type=text, help="the account's id (acct_...)")


def _list(client: Waycore, args: argparse.Namespace) -> None:
    pager = client.accounts.list(
        connection_id=args.connection_id,
        type=args.type,
        currency=args.currency,
        status=args.status,
        limit=args.limit,
    )
    emit_each(pager)


def _get(client: Waycore, args: argparse.Namespace) -> None:
    emit(client.accounts.retrieve(args.account_id))
