"""`waycore webhooks ...`: webhook registrations, and `listen`, a local receiver."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ..types.webhook import WebhookEventType
from ._args import add_limit, json_object, known_values, text
from ._errors import UsageError
from ._listen import register_listen
from ._output import emit, emit_each
from ._parser import Commands

if TYPE_CHECKING:
    from .._client import Waycore

_EVENT_HELP = f"an event type to deliver: {known_values(WebhookEventType)}; repeat it for several"


def register(commands: Commands) -> None:
    group = commands.group("webhooks", help="manage webhook registrations and receive deliveries")

    create = group.command(
        "create",
        help="register a URL for events; print the webhook with its signing secret (shown "
        "in full only now)",
        run=_create,
    )
    create.add_argument(
        "--url",
        required=True,
        type=text,
        help="where to POST events: https://, or http:// to a loopback address",
    )
    create.add_argument(
        "--event", dest="events", action="append", required=True, type=text, help=_EVENT_HELP
    )
    create.add_argument(
        "--metadata-json",
        type=json_object,
        metavar="JSON",
        help="metadata to store with it, as a JSON object",
    )

    listing = group.command("list", help="print every webhook, one per line", run=_list)
    add_limit(listing, "webhooks")

    get = group.command("get", help="print one webhook (its secret masked)", run=_get)
    get.add_argument("webhook_id", type=text, help="the webhook's id (wh_...)")

    update = group.command(
        "update", help="change the given fields (at least one) and print the webhook", run=_update
    )
    update.add_argument("webhook_id", type=text, help="the webhook's id (wh_...)")
    update.add_argument("--url", type=text, help="the new URL")
    update.add_argument(
        "--event",
        dest="events",
        action="append",
        type=text,
        help=_EVENT_HELP + "; they replace the current ones",
    )
    active = update.add_mutually_exclusive_group()
    active.add_argument(
        "--active", dest="active", action="store_const", const=True, help="resume deliveries"
    )
    active.add_argument(
        "--inactive", dest="active", action="store_const", const=False, help="pause deliveries"
    )
    metadata = update.add_mutually_exclusive_group()
    metadata.add_argument(
        "--metadata-json",
        type=json_object,
        metavar="JSON",
        help="replace the metadata with this JSON object",
    )
    metadata.add_argument(
        "--clear-metadata", action="store_true", help="remove the metadata (sends null)"
    )

    delete = group.command("delete", help="delete a webhook; deliveries to it stop", run=_delete)
    delete.add_argument("webhook_id", type=text, help="the webhook's id (wh_...)")

    test = group.command(
        "test",
        help="queue a `test` delivery to the webhook (it must be active and subscribed to `test`)",
        run=_test,
    )
    test.add_argument("webhook_id", type=text, help="the webhook's id (wh_...)")

    register_listen(group)


def _create(client: Waycore, args: argparse.Namespace) -> None:
    emit(client.webhooks.create(url=args.url, events=args.events, metadata=args.metadata_json))


def _list(client: Waycore, args: argparse.Namespace) -> None:
    emit_each(client.webhooks.list(limit=args.limit))


def _get(client: Waycore, args: argparse.Namespace) -> None:
    emit(client.webhooks.retrieve(args.webhook_id))


def _update(client: Waycore, args: argparse.Namespace) -> None:
    changes: dict[str, Any] = {}
    if args.url is not None:
        changes["url"] = args.url
    if args.events is not None:
        changes["events"] = args.events
    if args.active is not None:
        changes["active"] = args.active
    if args.clear_metadata:
        changes["metadata"] = None
    elif args.metadata_json is not None:
        changes["metadata"] = args.metadata_json
    if not changes:
        raise UsageError(
            "webhooks update needs at least one of --url, --event, --active, --inactive, "
            "--metadata-json, --clear-metadata"
        )
    emit(client.webhooks.update(args.webhook_id, **changes))


def _delete(client: Waycore, args: argparse.Namespace) -> None:
    client.webhooks.delete(args.webhook_id)
    emit({"id": args.webhook_id, "deleted": True})


def _test(client: Waycore, args: argparse.Namespace) -> None:
    client.webhooks.send_test_event(args.webhook_id)
    emit({"id": args.webhook_id, "test": "queued"})
