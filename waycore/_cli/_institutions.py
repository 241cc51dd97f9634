"""`waycore institutions ...`: the banks a connection can be made to."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ._args import add_limit, text
from ._output import emit, emit_each
from ._parser import Commands

if TYPE_CHECKING:
    from .._client import Waycore


def register(commands: Commands) -> None:
    group = commands.group("institutions", help="look up the banks you can connect")

    listing = group.command(
        "list", help="print every matching institution, one per line", run=_list
    )
    listing.add_argument(
        "--query",
        type=text,
        metavar="TEXT",
        help="only institutions matching this name, id, portal URL or domain",
    )
    add_limit(listing, "institutions")

    get = group.command("get", help="print one institution", run=_get)
    get.add_argument("institution_id", type=text, help="the institution's id, e.g. chase")


def _list(client: Waycore, args: argparse.Namespace) -> None:
    emit_each(client.institutions.list(query=args.query, limit=args.limit))


def _get(client: Waycore, args: argparse.Namespace) -> None:
    emit(client.institutions.retrieve(args.institution_id))
