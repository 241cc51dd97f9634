"""The transaction mirror: `client.transactions.feed(store).run(apply)`.

A feed keeps a mirror of transactions current by following the change feed
(`GET /transactions/sync`) the way the API prescribes:

1. No cursor saved for the stream → **bootstrap**: `sync()` without a cursor for the stream
   head; a backfill of every matching transaction through `list()`, handed to `apply` as pages
   of `TransactionAdded` events; then the head cursor is saved.
2. From the saved cursor, **follow** `sync_pages()`: for each page, `apply(page)`, then save
   `page.next_cursor`. An exception from `apply` propagates unchanged and leaves the cursor
   where it was, so the same page comes again on the next run: nothing is lost.
3. **`cursor_expired`** while following → bootstrap again (upserts make the repeat harmless).

`run` returns once caught up, or after `max_pages` sync pages; it never waits or polls: call it
again on a schedule, or when a `transactions.sync_available` webhook arrives.

Every decision lives in `feed_steps()`, a generator without I/O that both feeds drive (the
pattern of `_polling.py` and `_attempts.py`). It yields a step: `Head` (send back the page of
`sync()`), `Backfill` / `Follow` (open that stream; send back `None`), `Next` (send back the
next page of the open stream, or `None` once it ends), `Apply` and `Save` (do it; send back
`None`). An error raised by `Head`, `Backfill`, `Follow` or `Next` is thrown into the generator,
which restarts on `CursorExpiredError` and re-raises anything else; errors from `apply` and
from the store are never thrown in: they simply end the run.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from . import _validation as check
from ._cursor_stores import CursorStore, MemoryCursorStore, SQLiteCursorStore
from ._exceptions import CursorExpiredError, WaycoreError

if TYPE_CHECKING:
    from ._pagination import Page
    from .types.transaction import Transaction, TransactionSyncPage

__all__ = [
    "AsyncTransactionFeed",
    "CursorStore",
    "FeedRunSummary",
    "MemoryCursorStore",
    "SQLiteCursorStore",
    "TransactionFeed",
    "feed_steps",
    "stream_key",
]


@attrs.frozen(slots=True)
class FeedRunSummary:
    """What one `feed.run()` did.

    - `pages`, `events`: pages (and the events in them) handed to `apply`, backfill included.
    - `cursor`: the cursor saved when the run ended, where the next run resumes.
    - `bootstrapped`: the run started the stream over (no cursor was saved, or it had expired).
    - `caught_up`: the run ended on a page with `has_more == False`; `False` when it stopped
      at `max_pages` with more changes waiting.
    """

    pages: int
    events: int
    cursor: str
    bootstrapped: bool
    caught_up: bool = True


# The steps `feed_steps()` yields (see the module docstring).
@attrs.frozen(slots=True)
class Head:
    """Call `transactions.sync()` (filters, no cursor); send back the page."""


@attrs.frozen(slots=True)
class Reset:
    """Call `on_reset()`, if given: a backfill follows, so the mirror forgets the stream."""


@attrs.frozen(slots=True)
class Backfill:
    """Open `transactions.list(filters).pages()`."""


@attrs.frozen(slots=True)
class Follow:
    """Open `transactions.sync_pages(cursor=cursor, filters)`."""

    cursor: str


@attrs.frozen(slots=True)
class Next:
    """Send back the next page of the open stream, or `None` when it has ended."""


@attrs.frozen(slots=True)
class Apply:
    """Call `apply(page)`."""

    page: Any


@attrs.frozen(slots=True)
class Save:
    """Call `store.save(key, cursor)`."""

    cursor: str


Step = Head | Reset | Backfill | Follow | Next | Apply | Save
_HEAD, _RESET, _BACKFILL, _NEXT = Head(), Reset(), Backfill(), Next()


def stream_key(account_id: object = None, connection_id: object = None) -> str:
    """The store key of the stream these filters define (a cursor is bound to its filters):
    `"transactions:account=<account_id>:connection=<connection_id>"`, each id percent-encoded
    (so a `:` in an id cannot make two streams collide) and `*` for a filter not given, e.g.
    `"transactions:account=acct_1:connection=*"`. The format is stable across releases."""
    parts = []
    for name, value in (("account", account_id), ("connection", connection_id)):
        text = "*" if value is None else check.connection_id_segment(value, f"{name}_id")
        parts.append(f"{name}={text}")
    return "transactions:" + ":".join(parts)


def backfill_page(listed: Page[Transaction]) -> TransactionSyncPage:
    """One `list()` page as the sync page `apply` receives: a `TransactionAdded` per
    transaction, `next_cursor=None` (there is no cursor to save after a backfill page) and
    the list page's `has_more` and `request_id`."""
    from .types.transaction import TransactionAdded, TransactionSyncPage

    return TransactionSyncPage(
        events=[TransactionAdded(transaction=transaction) for transaction in listed.data],
        next_cursor=None,
        has_more=listed.has_more,
        request_id=listed.request_id,
    )


def head_cursor(page: TransactionSyncPage) -> str:
    cursor = page.next_cursor
    if not cursor:
        raise WaycoreError("transactions.sync() without a cursor answered no nextCursor")
    return cursor


def feed_steps(saved: str | None, *, max_pages: int | None) -> Generator[Step, Any, FeedRunSummary]:
    """The decisions of one `run`, from the cursor `saved` for the stream (`None`: none)."""
    cursor = saved
    pages = events = followed = 0
    bootstrapped = False

    def summary(caught_up: bool) -> FeedRunSummary:
        assert cursor is not None
        return FeedRunSummary(pages, events, cursor, bootstrapped, caught_up)

    while True:
        if cursor is None:
            bootstrapped = True
            head = yield _HEAD
            start = head_cursor(head)
            if head.events:  # the API answers none by design; apply them if it ever does
                yield Apply(head)
                pages, events = pages + 1, events + len(head.events)
            # After an expired cursor, removals made meanwhile are never reported: a mirror
            # that forgets the stream before the backfill converges (see `run(on_reset=)`).
            yield _RESET
            yield _BACKFILL
            while (listed := (yield _NEXT)) is not None:
                page = backfill_page(listed)
                yield Apply(page)
                pages, events = pages + 1, events + len(page.events)
            # Saved only now: a run that dies during the backfill bootstraps again.
            yield Save(start)
            cursor = start
        try:
            yield Follow(cursor)
            while True:
                page = yield _NEXT
                if page is None:  # the stream ended without a last page (not expected)
                    return summary(True)
                yield Apply(page)
                pages, events, followed = pages + 1, events + len(page.events), followed + 1
                if page.next_cursor:
                    cursor = page.next_cursor
                    yield Save(cursor)
                if not page.has_more:
                    return summary(True)
                if max_pages is not None and followed >= max_pages:
                    return summary(False)
        except CursorExpiredError:
            # A cursor this run's own bootstrap produced cannot have expired: a second
            # bootstrap would only loop, so the error goes to the caller.
            if bootstrapped:
                raise
            cursor = None


def _check_store(store: object) -> CursorStore:
    if not (callable(getattr(store, "load", None)) and callable(getattr(store, "save", None))):
        raise check.ArgumentTypeError(
            f"store must have load(key) and save(key, cursor) methods, not {type(store).__name__}"
        )
    return store  # type: ignore[return-value]


def _saved(value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise check.ArgumentTypeError(
            f"store.load() must return a str or None, not {type(value).__name__}"
        )
    return value


def _check_run(apply: object, max_pages: object) -> int | None:
    if not callable(apply):
        raise check.ArgumentTypeError(f"apply must be callable, not {type(apply).__name__}")
    return None if max_pages is None else check.positive_int(max_pages, "max_pages")


class _Feed:
    def __init__(
        self,
        transactions: Any,
        store: CursorStore,
        *,
        account_id: str | None = None,
        connection_id: str | None = None,
    ) -> None:
        self.key = stream_key(account_id, connection_id)
        self.store = _check_store(store)
        self.account_id = account_id
        self.connection_id = connection_id
        self._transactions = transactions
        self._filters: dict[str, Any] = {"account_id": account_id, "connection_id": connection_id}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(key={self.key!r}, store={self.store!r})"


class TransactionFeed(_Feed):
    """Keeps a mirror of transactions current; built by `client.transactions.feed(store)`.

    `key` names the stream (its filters; see `stream_key`): the store keeps one cursor per key,
    so feeds with different filters never share a cursor. Runs of one feed must not overlap.

    Example, a dict-backed mirror::

        mirror: dict[str, waycore.Transaction] = {}

        def apply(page: waycore.TransactionSyncPage) -> None:
            for event in page.events:
                if isinstance(event, (waycore.TransactionAdded, waycore.TransactionModified)):
                    mirror[event.transaction.id] = event.transaction      # upsert by id
                elif isinstance(event, waycore.TransactionRemoved):
                    mirror.pop(event.transaction_id, None)                # delete
                # an UnknownTransactionEvent (a type this SDK does not know) is skipped

        store = waycore.SQLiteCursorStore("cursors.db")
        feed = client.transactions.feed(store, account_id="acct_123")
        summary = feed.run(apply)       # bootstraps on the first run, then follows
        print(summary.pages, summary.events, summary.cursor, summary.bootstrapped)

    A real mirror upserts into a database; see `waycore.CursorStore` for saving the cursor in
    the same transaction as the rows.
    """

    def run(
        self,
        apply: Callable[[TransactionSyncPage], object],
        *,
        max_pages: int | None = None,
        on_reset: Callable[[], object] | None = None,
    ) -> FeedRunSummary:
        """Bring the mirror up to date and return what was done (a `FeedRunSummary`).

        Calls `apply(page)` for each page in order and saves `page.next_cursor` after `apply`
        returns, before the next page is fetched. Returns after the first sync page with
        `has_more == False`, or after `max_pages` sync pages (backfill pages do not count).
        An exception from `apply`, the store or the API (other than `CursorExpiredError`,
        which starts the stream over) propagates unchanged; the cursor stays where it was.

        `on_reset()`, if given, is called before every backfill (the first run's, and again
        after an expired cursor): clear the stream's rows there, since transactions removed
        while the cursor was expired are never reported, and every live one comes again.
        """
        limit = _check_run(apply, max_pages)
        steps = feed_steps(_saved(self.store.load(self.key)), max_pages=limit)
        stream: Iterator[Any] | None = None
        sent: Any = None
        error: Exception | None = None
        try:
            while True:
                try:
                    step = steps.send(sent) if error is None else steps.throw(error)
                except StopIteration as done:
                    return done.value  # type: ignore[no-any-return]
                sent = error = None
                if isinstance(step, Apply):
                    apply(step.page)
                elif isinstance(step, Reset):
                    if on_reset is not None:
                        on_reset()
                elif isinstance(step, Save):
                    self.store.save(self.key, step.cursor)
                else:
                    try:
                        if isinstance(step, Next):
                            assert stream is not None
                            sent = next(stream, None)
                        elif isinstance(step, Head):
                            sent = self._transactions.sync(**self._filters)
                        else:
                            _close(stream)
                            stream = iter(self._open(step))
                    except Exception as exc:
                        error = exc
        finally:
            steps.close()
            _close(stream)

    def _open(self, step: Backfill | Follow) -> Any:
        if isinstance(step, Follow):
            return self._transactions.sync_pages(cursor=step.cursor, **self._filters)
        return self._transactions.list(**self._filters).pages()


def _close(stream: object) -> None:
    close = getattr(stream, "close", None)
    if close is not None:
        close()


class AsyncTransactionFeed(_Feed):
    """`TransactionFeed` over `AsyncWaycore`: `await feed.run(apply)`, where `apply` is an
    `async def` (a plain function works too). See `TransactionFeed` for the behaviour.

    Example::

        async def apply(page):
            async with db.transaction():
                for event in page.events:
                    ...

        summary = await aclient.transactions.feed(store).run(apply)
    """

    async def run(
        self,
        apply: Callable[[TransactionSyncPage], Awaitable[object] | object],
        *,
        max_pages: int | None = None,
        on_reset: Callable[[], Awaitable[object] | object] | None = None,
    ) -> FeedRunSummary:
        """Bring the mirror up to date; see `TransactionFeed.run` (`on_reset` may be async)."""
        limit = _check_run(apply, max_pages)
        steps = feed_steps(_saved(self.store.load(self.key)), max_pages=limit)
        stream: AsyncIterator[Any] | None = None
        sent: Any = None
        error: Exception | None = None
        try:
            while True:
                try:
                    step = steps.send(sent) if error is None else steps.throw(error)
                except StopIteration as done:
                    return done.value  # type: ignore[no-any-return]
                sent = error = None
                if isinstance(step, Apply):
                    await _maybe_await(apply(step.page))
                elif isinstance(step, Reset):
                    if on_reset is not None:
                        await _maybe_await(on_reset())
                elif isinstance(step, Save):
                    self.store.save(self.key, step.cursor)
                else:
                    try:
                        if isinstance(step, Next):
                            assert stream is not None
                            sent = await anext(stream, None)
                        elif isinstance(step, Head):
                            sent = await self._transactions.sync(**self._filters)
                        else:
                            await _aclose(stream)
                            stream = aiter(await _maybe_await(self._open(step)))
                    except Exception as exc:
                        error = exc
        finally:
            steps.close()
            await _aclose(stream)

    def _open(self, step: Backfill | Follow) -> Any:
        if isinstance(step, Follow):
            return self._transactions.sync_pages(cursor=step.cursor, **self._filters)
        return self._transactions.list(**self._filters).pages()


async def _maybe_await(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def _aclose(stream: object) -> None:
    aclose = getattr(stream, "aclose", None)
    if aclose is not None:
        await aclose()
