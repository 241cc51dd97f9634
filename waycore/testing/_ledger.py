"""The bank data behind every active connection: accounts, daily balances, transactions, feed.

A resource without routes: ``_accounts``, ``_balances`` and ``_transactions`` serve
views of it. It follows the connection store:

- when a ready connection becomes ``active`` for the first time it gets an operating
  (``checking``) and a reserve (``savings``) account in two currencies, 30 days of posted
  transactions plus a few pending ones, and a balance row per account and day; every new
  transaction is an ``added`` event of the change feed;
- when a sync of it completes, it gets three new transactions (two pending, one posted
  today), its two oldest pending ones post today and one more transaction is removed: the
  feed gets exactly those events, in that order (added, modified, removed), and the balances
  and accounts follow;
- when its entity is deleted, its data goes and each transaction gets a ``removed`` event.

Generated data is deterministic given the connection id (and the day), so tests reproduce.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Final

from . import _connections
from ._catalog import CATALOG
from ._common import utcnow
from ._connection_record import ConnectionRecord
from ._fakedata import HISTORY_DAYS, make_account, make_transaction, seeded
from ._feed import ChangeFeed
from ._ledger_records import AccountRecord, BalanceRow, TransactionRecord
from ._routes import Resource, Stores

__all__ = ["Ledger", "LedgerView", "resource"]

#: Per sync: new transactions, pending ones that post, transactions removed.
SYNC_ADDED: Final = 3
SYNC_POSTED: Final = 2
SYNC_REMOVED: Final = 1
_PENDING_AT_ACTIVATION: Final = {"checking": 3, "savings": 1}
_POSTED_AT_ACTIVATION: Final = {"checking": (20, 26), "savings": (4, 6)}


class Ledger:
    """Accounts, balances, transactions and the change feed of one sandbox."""

    def __init__(self, *, clock: Callable[[], datetime] = utcnow) -> None:
        """Empty; ``clock`` gives "now" and "today"."""
        self._clock = clock
        self.accounts: dict[str, AccountRecord] = {}
        self.transactions: dict[str, TransactionRecord] = {}
        self.balances: dict[tuple[str, date], BalanceRow] = {}
        self.feed = ChangeFeed(clock)
        self._syncs: dict[str, int] = {}
        self._next_account_seq = 1

    def reset(self) -> None:
        """Forget all data; the feed's earlier cursors expire."""
        self.accounts.clear()
        self.transactions.clear()
        self.balances.clear()
        self._syncs.clear()
        self.feed.reset()

    def attach(self, stores: Stores) -> None:
        """Follow the connections: activations and completed syncs."""
        stores.get(_connections.resource).listeners.append(self.on_connection_event)

    def on_connection_event(
        self, event: str, record: ConnectionRecord, previous_status: str | None
    ) -> None:
        """A connection listener (see ``ConnectionStore.listeners``)."""
        if event == "status_changed" and record.status == "active" and record.kind == "ready":
            self.ensure_generated(record)
        elif event == "sync_completed":
            self.apply_sync(record)

    # -- queries --------------------------------------------------------------------------

    def accounts_of(self, connection_id: str) -> list[AccountRecord]:
        """The accounts of a connection, in creation order."""
        return [a for a in self.accounts.values() if a.connection_id == connection_id]

    def transactions_of(self, connection_id: str) -> list[TransactionRecord]:
        """The current transactions of a connection, oldest change first."""
        found = [t for t in self.transactions.values() if t.connection_id == connection_id]
        return sorted(found, key=lambda t: (t.updated_at, t.id))

    # -- changes --------------------------------------------------------------------------

    def ensure_generated(self, record: ConnectionRecord) -> None:
        """Give a connection its accounts, history and balances, once."""
        if self.accounts_of(record.id):
            return
        now = self._clock()
        start = now.date() - timedelta(days=HISTORY_DAYS - 1)
        institution = CATALOG.get(record.institution_id or "")
        currencies = institution.currencies if institution else ("USD", "EUR")
        rng = seeded(record.id, "activation")
        created: list[TransactionRecord] = []
        for kind, currency in zip(("checking", "savings"), currencies, strict=True):
            account = make_account(
                rng,
                seq=self._next_account_seq,
                kind=kind,
                currency=currency,
                connection_id=record.id,
                entity_id=record.entity_id,
                institution=institution,
                created_at=record.created_at,
                history_start=start,
            )
            self._next_account_seq += 1
            self.accounts[account.id] = account
            low, high = _POSTED_AT_ACTIVATION[kind]
            for _ in range(rng.randint(low, high)):
                day = start + timedelta(days=rng.randrange(HISTORY_DAYS))
                created.append(make_transaction(rng, account, posted_date=day, now=now))
            for _ in range(_PENDING_AT_ACTIVATION[kind]):
                created.append(make_transaction(rng, account, posted_date=None, now=now))
        for transaction in sorted(created, key=lambda t: (t.updated_at, t.id)):
            self.transactions[transaction.id] = transaction
            self.feed.append("added", transaction, now)
        for account in self.accounts_of(record.id):
            self.refresh_balances(account, now)

    def apply_sync(self, record: ConnectionRecord) -> None:
        """What a completed sync of ``record`` found at the bank (see the module docstring)."""
        accounts = self.accounts_of(record.id)
        if not accounts:
            self.ensure_generated(record)
            return
        count = self._syncs[record.id] = self._syncs.get(record.id, 0) + 1
        rng = seeded(record.id, "sync", count)
        now = self._clock()
        before = self.transactions_of(record.id)
        pending = [t for t in before if t.status == "pending"]
        posting = pending[:SYNC_POSTED]
        removing = pending[SYNC_POSTED : SYNC_POSTED + SYNC_REMOVED]
        if len(removing) < SYNC_REMOVED:
            posted = [t for t in before if t.status == "posted" and t not in posting]
            removing += posted[: SYNC_REMOVED - len(removing)]

        for index in range(SYNC_ADDED):
            account = accounts[0] if index < SYNC_ADDED - 1 else rng.choice(accounts)
            day = now.date() if index == SYNC_ADDED - 1 else None
            transaction = make_transaction(rng, account, posted_date=day, now=now)
            transaction.updated_at = now
            self.transactions[transaction.id] = transaction
            self.feed.append("added", transaction, now)
        for transaction in posting:
            transaction.status = "posted"
            transaction.posted_date = now.date()
            transaction.updated_at = now
            self.feed.append("modified", transaction, now)
        for transaction in removing:
            del self.transactions[transaction.id]
            self.feed.append("removed", transaction, now)
        for account in accounts:
            self.refresh_balances(account, now)

    def add_transaction(self, transaction: TransactionRecord, at: datetime) -> None:
        """Store a new transaction (a completed transfer's, say), report it ``added`` on the
        feed and bring its account's balances up to date."""
        self.transactions[transaction.id] = transaction
        self.feed.append("added", transaction, at)
        account = self.accounts.get(transaction.account_id)
        if account is not None:
            self.refresh_balances(account, at)

    def forget_connection(self, connection_id: str) -> None:
        """Drop a deleted connection's data; each transaction gets a ``removed`` event."""
        now = self._clock()
        for transaction in self.transactions_of(connection_id):
            del self.transactions[transaction.id]
            self.feed.append("removed", transaction, now)
        for account in self.accounts_of(connection_id):
            del self.accounts[account.id]
            for key in [k for k in self.balances if k[0] == account.id]:
                del self.balances[key]
        self._syncs.pop(connection_id, None)

    def refresh_balances(self, account: AccountRecord, now: datetime) -> None:
        """Recompute every balance row of ``account``; rows that change get a new updatedAt.

        ``ledgerBalance`` of a day is the opening balance plus every posted amount up to that
        day; ``postedTransactionDelta`` the posted amounts of that day (pending excluded).
        Weekday rows are ``bankProvided``, weekend ones ``derived``.
        """
        deltas: defaultdict[date, Decimal] = defaultdict(Decimal)
        pending_out = Decimal(0)
        for transaction in self.transactions.values():
            if transaction.account_id != account.id:
                continue
            if transaction.status == "posted" and transaction.posted_date is not None:
                deltas[transaction.posted_date] += transaction.amount
            elif transaction.status == "pending" and transaction.amount < 0:
                pending_out += transaction.amount
        last = max([now.date(), *deltas])
        ledger = account.opening_balance + sum(
            (amount for day, amount in deltas.items() if day < account.history_start),
            Decimal(0),
        )
        day = account.history_start
        while day <= last:
            delta = deltas.get(day, Decimal(0))
            ledger += delta
            row = self.balances.get((account.id, day))
            if row is None:
                self.balances[(account.id, day)] = BalanceRow(
                    account_id=account.id,
                    connection_id=account.connection_id,
                    entity_id=account.entity_id,
                    date=day,
                    ledger_balance=ledger,
                    posted_transaction_delta=delta,
                    source="derived" if day.weekday() >= 5 else "bankProvided",
                    updated_at=now,
                )
            elif (row.ledger_balance, row.posted_transaction_delta) != (ledger, delta):
                row.ledger_balance, row.posted_transaction_delta = ledger, delta
                row.updated_at = now
            day += timedelta(days=1)
        account.current_balance = ledger
        account.available_balance = ledger + pending_out
        account.balance_as_of = now

    # The name callers used before it was public.
    _refresh_balances = refresh_balances


class LedgerView:
    """The store of a resource that serves part of the :class:`Ledger` (which it finds in
    ``attach``); it holds nothing itself."""

    ledger: Ledger

    def attach(self, stores: Stores) -> None:
        """Find the ledger."""
        self.ledger = stores.get(resource)

    def reset(self) -> None:
        """Nothing to forget: the ledger resets itself."""


resource: Final = Resource("ledger", lambda options: Ledger(clock=options.clock))
