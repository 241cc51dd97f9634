"""`waycore entities ...`: the customers (legal entities) connections belong to."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ._args import add_limit, json_object, text
from ._output import emit, emit_each
from ._parser import Commands

if TYPE_CHECKING:
    from .._client import Waycore


def register(commands: Commands) -> None:
    group = commands.group("entities", help="manage entities (the customers you connect)")

    create = group.command("create", help="create an entity and print it", run=_create)
    create.add_argument(
        "--external-entity-id",
        required=True,
        type=text,
        metavar="ID",
        help="your own stable id for the customer",
    )
    create.add_argument("--name", type=text, help="a display name")
    create.add_argument(
        "--metadata-json",
        type=json_object,
        metavar="JSON",
        help="metadata to store with it, as a JSON object",
    )

    get = group.command("get", help="print one entity", run=_get)
    get.add_argument("entity_id", type=text, help="the entity's id (a UUID)")

    listing = group.command(
        "list", help="print every entity (or the matching one), one per line", run=_list
    )
    listing.add_argument(
        "--external-entity-id", type=text, metavar="ID", help="only the entity with this id"
    )
    add_limit(listing, "entities")

    update = group.command(
        "update",
        help="replace the entity's contact emails (the people told when a connection needs "
        "attention) and print it",
        run=_update,
    )
    update.add_argument("entity_id", type=text, help="the entity's id (a UUID)")
    emails = update.add_mutually_exclusive_group(required=True)
    emails.add_argument(
        "--contact-email",
        dest="contact_emails",
        action="append",
        type=text,
        metavar="EMAIL",
        help="a contact email; repeat it for several (at most 100); they replace the current ones",
    )
    emails.add_argument(
        "--clear-contact-emails",
        action="store_true",
        help="remove every contact email",
    )

    delete = group.command(
        "delete",
        help="delete the entity with its connections, accounts and transactions (exit code 5 "
        "while one of its connections syncs)",
        run=_delete,
    )
    delete.add_argument("entity_id", type=text, help="the entity's id (a UUID)")


def _create(client: Waycore, args: argparse.Namespace) -> None:
    emit(
        client.entities.create(
            external_entity_id=args.external_entity_id,
            name=args.name,
            metadata=args.metadata_json,
        )
    )


def _get(client: Waycore, args: argparse.Namespace) -> None:
    emit(client.entities.retrieve(args.entity_id))


def _list(client: Waycore, args: argparse.Namespace) -> None:
    emit_each(client.entities.list(external_entity_id=args.external_entity_id, limit=args.limit))


def _update(client: Waycore, args: argparse.Namespace) -> None:
    emails: list[str] = [] if args.clear_contact_emails else args.contact_emails
    emit(client.entities.update(args.entity_id, contact_emails=emails))


def _delete(client: Waycore, args: argparse.Namespace) -> None:
    client.entities.delete(args.entity_id)
    emit({"id": args.entity_id, "deleted": True})
