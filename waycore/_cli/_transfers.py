"""`waycore transfers ...`: move money between accounts, or pay out.

Every create and retry carries an `Idempotency-Key`: `--idempotency-key`, or one made for
the run. When the outcome is unknown (the API could not be reached, did not answer, or
answered 5xx), the error names the key so the same command can be run again with it: the
API then answers with the first transfer instead of making a second one.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from .._exceptions import APIConnectionError, APIResponseValidationError, APIStatusError
from ..types.transfer import Transfer, TransferType
from ._args import add_limit, amount, iso_date, json_object, known_values, text
from ._errors import CliError, describe
from ._output import emit, emit_each
from ._parser import Commands

if TYPE_CHECKING:
    from .._client import Waycore


def register(commands: Commands) -> None:
    group = commands.group(
        "transfers", help="move money between accounts or pay out, safely retried"
    )

    internal = group.command(
        "create-internal",
        help="move money between two connected accounts at the same bank; print the transfer",
        run=_create_internal,
    )
    _money_options(internal)
    internal.add_argument(
        "--destination",
        "--destination-account-id",
        dest="destination_account_id",
        required=True,
        type=text,
        metavar="ACCOUNT_ID",
        help="the account credited",
    )
    _create_options(internal)

    external = group.command(
        "create-external",
        help="pay out over a rail such as ACH or wire; print the transfer (it waits for the "
        "end user's approval in the bank portal)",
        run=_create_external,
    )
    _money_options(external)
    external.add_argument(
        "--transfer-type",
        required=True,
        type=text,
        metavar="RAIL",
        help=f"the rail: {known_values(TransferType)} (or any newer value)",
    )
    external.add_argument(
        "--destination-json",
        required=True,
        type=json_object,
        metavar="JSON",
        help='the beneficiary as a JSON object, sent as given, e.g. \'{"paymentIdentifier": '
        '{"scheme": "us_ach", "accountNumber": "...", "routingNumber": "..."}, "name": "..."}\'',
    )
    _create_options(external)

    retry = group.command(
        "retry",
        help="try a failed transfer again and print it (exit code 5 if it cannot be)",
        run=_retry,
    )
    retry.add_argument("transfer_id", type=text, help="the transfer's id")
    _idempotency_option(retry)

    get = group.command("get", help="print one transfer", run=_get)
    get.add_argument("transfer_id", type=text, help="the transfer's id")

    listing = group.command("list", help="print every transfer, one per line", run=_list)
    listing.add_argument(
        "--account-id", type=text, metavar="ID", help="only transfers from or to this account"
    )
    add_limit(listing, "transfers")


def _money_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--amount",
        required=True,
        type=amount,
        help="a positive decimal amount such as 12.50 (read exactly, never as a float)",
    )
    parser.add_argument(
        "--currency", required=True, type=text, metavar="CODE", help="the currency, e.g. USD"
    )
    parser.add_argument(
        "--source",
        "--source-account-id",
        dest="source_account_id",
        required=True,
        type=text,
        metavar="ACCOUNT_ID",
        help="the account debited",
    )


def _create_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--client-reference",
        required=True,
        type=text,
        metavar="REF",
        help="your payment reference, 1-140 characters",
    )
    parser.add_argument(
        "--execution-date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="when to execute it (default: the earliest date)",
    )
    parser.add_argument("--memo", type=text, help="a note, at most 500 characters")
    parser.add_argument(
        "--skip-preflight",
        action="store_true",
        default=None,
        help="skip the API's preflight checks",
    )
    _idempotency_option(parser)


def _idempotency_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--idempotency-key",
        type=text,
        metavar="KEY",
        help="1-255 printable ASCII characters, e.g. your invoice id (default: a new UUID); "
        "the same key with the same request never makes a second transfer",
    )


def _create_internal(client: Waycore, args: argparse.Namespace) -> None:
    def create(key: str) -> Transfer:
        return client.transfers.create_internal(
            amount=args.amount,
            currency=args.currency,
            source_account_id=args.source_account_id,
            destination_account_id=args.destination_account_id,
            client_reference=args.client_reference,
            execution_date=args.execution_date,
            memo=args.memo,
            skip_preflight=args.skip_preflight,
            idempotency_key=key,
        )

    emit(_idempotent(args, create))


def _create_external(client: Waycore, args: argparse.Namespace) -> None:
    def create(key: str) -> Transfer:
        return client.transfers.create_external(
            amount=args.amount,
            currency=args.currency,
            source_account_id=args.source_account_id,
            transfer_type=args.transfer_type,
            destination=args.destination_json,
            client_reference=args.client_reference,
            execution_date=args.execution_date,
            memo=args.memo,
            skip_preflight=args.skip_preflight,
            idempotency_key=key,
        )

    emit(_idempotent(args, create))


def _retry(client: Waycore, args: argparse.Namespace) -> None:
    emit(
        _idempotent(args, lambda key: client.transfers.retry(args.transfer_id, idempotency_key=key))
    )


def _get(client: Waycore, args: argparse.Namespace) -> None:
    emit(client.transfers.retrieve(args.transfer_id))


def _list(client: Waycore, args: argparse.Namespace) -> None:
    emit_each(client.transfers.list(account_id=args.account_id, limit=args.limit))


def _idempotent(args: argparse.Namespace, call: Callable[[str], Transfer]) -> Transfer:
    """`call(key)` with the run's idempotency key; an unknown outcome names the key."""
    key: str = args.idempotency_key or str(uuid.uuid4())
    try:
        return call(key)
    except (APIConnectionError, APIResponseValidationError, APIStatusError) as exc:
        if isinstance(exc, APIStatusError) and exc.status_code < 500:
            raise  # a definite answer: nothing was made
        code, message = describe(exc)
        raise CliError(
            f"{message}; the transfer may have been made: run the same command with "
            f"--idempotency-key {key} to finish it without making a second one",
            code,
        ) from None
