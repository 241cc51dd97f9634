"""Where transfers meet the sandbox's accounts: account lookups, and money moving on completion.

The accounts, balances and transactions live in the ledger (``_ledger``, the read side). When
the ledger is registered, a transfer's accounts must exist and share the amount's currency,
and a completed transfer posts a transaction on each account (a debit on the source, a credit
on the destination of an internal transfer), which also shows in ``GET /transactions``, the
change feed, the accounts' balances and their daily balance rows. Without a ledger (a sandbox
built with fewer resources), account ids are only checked for shape and no money moves.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Final

from . import _ledger
from ._common import validation_error
from ._ledger_records import AccountRecord, TransactionRecord
from ._routes import Stores
from ._transfer_record import TransferRecord, TransferRequest

__all__ = ["check_accounts", "find_ledger", "reverse", "settle"]

# The spec's TransactionRail list (truncated in the docs) has no instant-payment value.
_RAILS: Final = {
    "internal": "internalTransfer",
    "ach": "ach",
    "wire": "wire",
    "swift": "swift",
    "sepa": "sepaCredit",
}


def find_ledger(stores: Stores) -> _ledger.Ledger | None:
    """The sandbox's ledger, or ``None`` when it is not one of its resources."""
    try:
        return stores.get(_ledger.resource)
    except KeyError:
        return None


def _find_account(stores: Stores, account_id: str, name: str) -> AccountRecord | None:
    """The account; ``None`` without a ledger (ids are then taken on trust); 422 if unknown."""
    ledger = find_ledger(stores)
    if ledger is None:
        return None
    account = ledger.accounts.get(account_id)
    if account is None:
        raise validation_error(f"{name} does not name an account of this organization.")
    return account


def check_accounts(stores: Stores, request: TransferRequest) -> None:
    """422 unless the request's accounts exist, are open and hold its currency."""
    accounts = [("sourceAccountId", request.source_account_id)]
    if request.destination_account_id is not None:
        accounts.append(("destination.accountId", request.destination_account_id))
    for name, account_id in accounts:
        account = _find_account(stores, account_id, name)
        if account is None:
            continue
        if account.status != "open":
            raise validation_error(f"{name} names an account that is not open.")
        if account.currency != request.currency:
            raise validation_error(
                f"amount.currency is {request.currency} but {name} holds {account.currency}."
            )


def settle(stores: Stores, transfer: TransferRecord, now: datetime) -> str | None:
    """Move the money of a transfer that completes now; the failure reason if it cannot.

    Balances are not checked: the generated ones are arbitrary (a few are negative), and a
    transfer that fails at random would make tests flaky. ``Sandbox.fail_transfer`` makes
    the failures a test needs.
    """
    ledger = find_ledger(stores)
    if ledger is None:
        return None
    req = transfer.request
    source = ledger.accounts.get(req.source_account_id)
    destination = (
        None
        if req.destination_account_id is None
        else ledger.accounts.get(req.destination_account_id)
    )
    if source is None or (req.destination_account_id is not None and destination is None):
        return "An account of this transfer no longer exists."
    _post(ledger, source, -req.amount, transfer, now, returned=False)
    if destination is not None:
        _post(ledger, destination, req.amount, transfer, now, returned=False)
    return None


def reverse(stores: Stores, transfer: TransferRecord, now: datetime) -> None:
    """Give the money of a returned transfer back (the accounts that still exist)."""
    ledger = find_ledger(stores)
    if ledger is None:
        return
    req = transfer.request
    source = ledger.accounts.get(req.source_account_id)
    if source is not None:
        _post(ledger, source, req.amount, transfer, now, returned=True)
    if req.destination_account_id is not None:
        destination = ledger.accounts.get(req.destination_account_id)
        if destination is not None:
            _post(ledger, destination, -req.amount, transfer, now, returned=True)


def _post(
    ledger: _ledger.Ledger,
    account: AccountRecord,
    amount: Decimal,
    transfer: TransferRecord,
    now: datetime,
    *,
    returned: bool,
) -> None:
    req = transfer.request
    if req.destination_account_id is not None:
        other_id = req.source_account_id if amount > 0 else req.destination_account_id
        other = ledger.accounts.get(other_id)
        counterparty = other.name if other is not None else "Own account"
    else:
        counterparty = str(req.destination.get("name") or "External payee")
    direction = "FROM" if amount > 0 else "TO"
    prefix = "RETURNED TRANSFER" if returned else "TRANSFER"
    transaction = TransactionRecord(
        id=str(uuid.uuid4()),
        connection_id=account.connection_id,
        account_id=account.id,
        status="posted",
        posted_date=now.date(),
        updated_at=now,
        amount=amount,
        currency=account.currency,
        description=f"{prefix} {direction} {counterparty.upper()}",
        rail=_RAILS.get(req.transfer_type, "ach"),
        payment_reference=req.client_reference,
        bank_reference=transfer.id,
        category="transfer",
        counterparty_name=counterparty,
    )
    ledger.transactions[transaction.id] = transaction
    ledger.feed.append("added", transaction, now)
    # SEAM (read side): the ledger recomputes an account's balance rows and balances from its
    # transactions; if it grows a public posting function, call that instead of these lines.
    ledger._refresh_balances(account, now)
