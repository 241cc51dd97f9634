"""The transaction mirror (`waycore._feed`): bootstrap, follow, crash safety, cursor stores.

Most tests drive the feed with a fake transactions resource (a scripted change feed and a
list of transactions) and a dict mirror, and assert the mirror's contents, the cursors saved
and the exact order of fetches, applies and saves.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx2
import pytest

from waycore._cursor_stores import CursorStore, MemoryCursorStore, SQLiteCursorStore
from waycore._exceptions import CursorExpiredError, InvalidCursorError, WaycoreError
from waycore._feed import (
    AsyncTransactionFeed,
    FeedRunSummary,
    TransactionFeed,
    feed_steps,
    stream_key,
)
from waycore._pagination import AsyncPager, Page, Pager
from waycore.types.transaction import (
    Transaction,
    TransactionAdded,
    TransactionModified,
    TransactionRemoved,
    TransactionSyncPage,
    UnknownTransactionEvent,
)

# --- Fakes ---------------------------------------------------------------------------------


def txn(id: str, amount: str = "-1.00", description: str = "COFFEE") -> Transaction:
    return Transaction.from_dict(
        {
            "id": id,
            "connectionId": "conn_1",
            "accountId": "acct_1",
            "status": "posted",
            "postedDate": "2024-05-01",
            "updatedAt": "2024-05-01T10:00:00Z",
            "amount": amount,
            "currency": "USD",
            "entryType": "debit" if amount.startswith("-") else "credit",
            "description": description,
            "rail": "card",
        }
    )


def added(t: Transaction) -> TransactionAdded:
    return TransactionAdded(transaction=t, event_id=f"evt_add_{t.id}")


def modified(t: Transaction) -> TransactionModified:
    return TransactionModified(transaction=t, event_id=f"evt_mod_{t.id}")


def removed(id: str) -> TransactionRemoved:
    return TransactionRemoved(transaction_id=id)


def sync_page(events: list[Any], next_cursor: str | None, has_more: bool) -> TransactionSyncPage:
    return TransactionSyncPage(events, next_cursor, has_more, request_id="req_sync")


def describe(page: TransactionSyncPage) -> tuple[tuple[str, str], ...]:
    """A page as ((event type, transaction id), ...) for the call log."""
    out = []
    for event in page.events:
        if isinstance(event, TransactionRemoved):
            out.append(("removed", event.transaction_id))
        elif isinstance(event, UnknownTransactionEvent):
            out.append((event.type, "?"))
        else:
            out.append((event.type, event.transaction.id))
    return tuple(out)


class FakeTransactions:
    """A duck-typed `client.transactions`: `sync`, `sync_pages`, `list().pages()`.

    `feed` maps a cursor to the sync page (or exception) the server answers for it; a sync
    without a cursor answers the head `head`. `listing` holds the pages `list()` walks.
    Every call is appended to `log`, shared with the store and `apply`.
    """

    def __init__(
        self,
        log: list[Any],
        *,
        head: str | None = "h0",
        listing: list[list[Transaction]] | None = None,
        feed: dict[str, Any] | None = None,
    ) -> None:
        self.log = log
        self.head = head
        self.listing = listing if listing is not None else []
        self.feed = feed if feed is not None else {}
        self.filters: list[tuple[str | None, str | None]] = []

    def sync(
        self,
        *,
        cursor: str | None = None,
        account_id: str | None = None,
        connection_id: str | None = None,
    ) -> TransactionSyncPage:
        self.log.append(("sync", cursor))
        self.filters.append((account_id, connection_id))
        # A feed that loops would otherwise hang the test run.
        assert len(self.filters) < 100, "the feed keeps calling the API"
        if cursor is None:
            return sync_page([], self.head, False)
        answer = self.feed[cursor]
        if isinstance(answer, Exception):
            raise answer
        assert isinstance(answer, TransactionSyncPage)
        return answer

    def sync_pages(self, *, cursor: str | None = None, **filters: Any) -> Iterator[Any]:
        while True:
            page = self.sync(cursor=cursor, **filters)
            yield page
            if not page.has_more:
                return
            cursor = page.next_cursor

    def _list_page(self, cursor: str | None) -> Page[Transaction]:
        index = 0 if cursor is None else int(cursor.removeprefix("lc"))
        self.log.append(("list_page", index))
        more = index + 1 < len(self.listing)
        data = self.listing[index] if self.listing else []
        return Page(data, more, f"lc{index + 1}" if more else None, f"req_list_{index}")

    def list(
        self, *, account_id: str | None = None, connection_id: str | None = None
    ) -> Pager[Transaction]:
        self.log.append(("list",))
        self.filters.append((account_id, connection_id))
        return Pager(self._list_page)


class AsyncFakeTransactions(FakeTransactions):
    """The same server behind the async resource's signatures."""

    async def sync(self, **kwargs: Any) -> TransactionSyncPage:  # type: ignore[override]
        await asyncio.sleep(0)
        return FakeTransactions.sync(self, **kwargs)

    async def sync_pages(self, *, cursor: str | None = None, **filters: Any) -> AsyncIterator[Any]:  # type: ignore[override]
        while True:
            page = await self.sync(cursor=cursor, **filters)
            yield page
            if not page.has_more:
                return
            cursor = page.next_cursor

    def list(self, **kwargs: Any) -> AsyncPager[Transaction]:  # type: ignore[override]
        self.log.append(("list",))
        self.filters.append((kwargs.get("account_id"), kwargs.get("connection_id")))

        async def fetch(cursor: str | None) -> Page[Transaction]:
            return self._list_page(cursor)

        return AsyncPager(fetch)


class LoggingStore(MemoryCursorStore):
    def __init__(self, log: list[Any]) -> None:
        super().__init__()
        self.log = log

    def save(self, key: str, cursor: str) -> None:
        self.log.append(("save", cursor))
        super().save(key, cursor)


class Mirror:
    """A dict-backed mirror: added/modified upsert by id, removed deletes."""

    def __init__(self, log: list[Any]) -> None:
        self.rows: dict[str, Transaction] = {}
        self.log = log
        self.pages: list[TransactionSyncPage] = []

    def __call__(self, page: TransactionSyncPage) -> None:
        self.log.append(("apply", describe(page)))
        self.pages.append(page)
        for event in page.events:
            if isinstance(event, TransactionAdded | TransactionModified):
                self.rows[event.transaction.id] = event.transaction
            elif isinstance(event, TransactionRemoved):
                self.rows.pop(event.transaction_id, None)

    def amounts(self) -> dict[str, str]:
        return {id: str(t.amount) for id, t in sorted(self.rows.items())}


def setup(**kwargs: Any) -> tuple[list[Any], FakeTransactions, LoggingStore, Mirror]:
    log: list[Any] = []
    return log, FakeTransactions(log, **kwargs), LoggingStore(log), Mirror(log)


T1, T2, T3 = txn("t1", "-1.00"), txn("t2", "-2.00"), txn("t3", "3.00")
KEY = "transactions:account=*:connection=*"


# --- Bootstrap -----------------------------------------------------------------------------


def test_bootstrap_syncs_head_then_backfills_then_saves_head_then_follows() -> None:
    t2_changed = txn("t2", "-2.50")
    log, fake, store, mirror = setup(
        head="h0",
        listing=[[T1, T2], [T3]],
        feed={"h0": sync_page([modified(t2_changed), removed("t1")], "c1", False)},
    )
    summary = TransactionFeed(fake, store).run(mirror)

    assert log == [
        ("sync", None),  # the stream head first: nothing may slip between head and backfill
        ("list",),
        ("list_page", 0),
        ("apply", (("added", "t1"), ("added", "t2"))),
        ("list_page", 1),
        ("apply", (("added", "t3"),)),
        ("save", "h0"),  # the head cursor, only once the whole backfill is applied
        ("sync", "h0"),
        ("apply", (("modified", "t2"), ("removed", "t1"))),
        ("save", "c1"),
    ]
    assert mirror.amounts() == {"t2": "-2.50", "t3": "3.00"}
    assert store.load(KEY) == "c1"
    assert summary == FeedRunSummary(
        pages=3, events=5, cursor="c1", bootstrapped=True, caught_up=True
    )
    # Backfill pages are real sync pages of TransactionAdded, with no cursor to save.
    backfill = mirror.pages[:2]
    assert all(type(page) is TransactionSyncPage for page in backfill)
    assert all(type(event) is TransactionAdded for page in backfill for event in page.events)
    first = backfill[0].events[0]
    assert isinstance(first, TransactionAdded) and first.transaction is T1
    assert [(p.next_cursor, p.has_more, p.request_id) for p in backfill] == [
        (None, True, "req_list_0"),
        (None, False, "req_list_1"),
    ]


def test_bootstrap_with_an_empty_account_still_saves_the_head() -> None:
    log, fake, store, mirror = setup(head="h0", listing=[], feed={"h0": sync_page([], "h0", False)})
    summary = TransactionFeed(fake, store).run(mirror)
    assert log == [
        ("sync", None),
        ("list",),
        ("list_page", 0),
        ("apply", ()),
        ("save", "h0"),
        ("sync", "h0"),
        ("apply", ()),
        ("save", "h0"),
    ]
    assert summary.cursor == "h0" and summary.bootstrapped and mirror.rows == {}


def test_filters_reach_every_call_and_name_the_key() -> None:
    _log, fake, store, mirror = setup(listing=[[T1], [T2]], feed={"h0": sync_page([], "c1", False)})
    feed = TransactionFeed(fake, store, account_id="acct_1", connection_id="conn_1")
    feed.run(mirror)
    assert fake.filters == [("acct_1", "conn_1")] * 3  # head sync, list, follow
    assert feed.key == "transactions:account=acct_1:connection=conn_1"
    assert store.load(feed.key) == "c1" and store.load(KEY) is None


def test_head_without_a_cursor_is_an_error_and_saves_nothing() -> None:
    log, fake, store, mirror = setup(head=None)
    with pytest.raises(WaycoreError, match="no nextCursor"):
        TransactionFeed(fake, store).run(mirror)
    assert log == [("sync", None)] and store.load(KEY) is None


def test_events_on_the_head_page_are_applied_before_the_backfill() -> None:
    log, fake, store, mirror = setup(listing=[[T1]], feed={"h1": sync_page([], "h1", False)})
    fake.sync = lambda **kw: (  # type: ignore[method-assign]
        sync_page([removed("gone")], "h1", False)
        if kw.get("cursor") is None
        else FakeTransactions.sync(fake, **kw)
    )
    mirror.rows["gone"] = T3
    summary = TransactionFeed(fake, store).run(mirror)
    assert [entry for entry in log if entry[0] == "apply"][:2] == [
        ("apply", (("removed", "gone"),)),
        ("apply", (("added", "t1"),)),
    ]
    assert mirror.amounts() == {"t1": "-1.00"} and summary.cursor == "h1"


# --- Following from a saved cursor ---------------------------------------------------------


def test_resume_follows_from_the_saved_cursor_saving_after_each_apply() -> None:
    log, fake, store, mirror = setup(
        feed={
            "c5": sync_page([added(T1), added(T2)], "c6", True),
            "c6": sync_page([modified(txn("t1", "-9.00")), removed("t2")], "c7", False),
        }
    )
    store.save(KEY, "c5")
    log.clear()
    summary = TransactionFeed(fake, store).run(mirror)
    assert log == [
        ("sync", "c5"),
        ("apply", (("added", "t1"), ("added", "t2"))),
        ("save", "c6"),  # before the next page is fetched
        ("sync", "c6"),
        ("apply", (("modified", "t1"), ("removed", "t2"))),
        ("save", "c7"),
    ]
    assert mirror.amounts() == {"t1": "-9.00"}
    assert summary == FeedRunSummary(2, 4, "c7", bootstrapped=False, caught_up=True)


def test_cursor_is_saved_only_after_apply_returns() -> None:
    _log, fake, store, _ = setup(
        feed={
            "c1": sync_page([added(T1)], "c2", True),
            "c2": sync_page([added(T2)], "c3", False),
        }
    )
    store.save(KEY, "c1")
    seen_during_apply: list[str | None] = []
    TransactionFeed(fake, store).run(lambda page: seen_during_apply.append(store.load(KEY)))
    assert seen_during_apply == ["c1", "c2"]
    assert store.load(KEY) == "c3"


def test_a_crash_in_apply_propagates_keeps_the_cursor_and_the_next_run_loses_nothing() -> None:
    log, fake, store, mirror = setup(
        feed={
            "c1": sync_page([added(T1)], "c2", True),
            "c2": sync_page([added(T2), removed("t1")], "c3", True),
            "c3": sync_page([added(T3)], "c4", False),
        }
    )
    store.save(KEY, "c1")
    boom = RuntimeError("database is down")
    calls = 0

    def flaky(page: TransactionSyncPage) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise boom
        mirror(page)

    with pytest.raises(RuntimeError) as caught:
        TransactionFeed(fake, store).run(flaky)
    assert caught.value is boom  # unchanged, not wrapped
    assert store.load(KEY) == "c2"  # the failed page's cursor was not saved
    assert mirror.amounts() == {"t1": "-1.00"}
    assert ("sync", "c3") not in log  # nothing fetched after the failure

    log.clear()
    summary = TransactionFeed(fake, store).run(mirror)
    assert log[0] == ("sync", "c2")  # the failed page comes again
    assert mirror.amounts() == {"t2": "-2.00", "t3": "3.00"}
    assert summary == FeedRunSummary(2, 3, "c4", bootstrapped=False, caught_up=True)


def test_a_crash_during_the_backfill_saves_no_cursor_and_the_next_run_bootstraps() -> None:
    _log, fake, store, mirror = setup(
        listing=[[T1], [T2], [T3]], feed={"h0": sync_page([], "h1", False)}
    )

    def flaky(page: TransactionSyncPage) -> None:
        if describe(page) == (("added", "t2"),):
            raise OSError("disk full")
        mirror(page)

    with pytest.raises(OSError, match="disk full"):
        TransactionFeed(fake, store).run(flaky)
    assert store.load(KEY) is None
    summary = TransactionFeed(fake, store).run(mirror)
    assert summary.bootstrapped and summary.cursor == "h1"
    assert mirror.amounts() == {"t1": "-1.00", "t2": "-2.00", "t3": "3.00"}


def test_a_crash_in_the_store_propagates() -> None:
    log, fake, store, mirror = setup(feed={"c1": sync_page([added(T1)], "c2", True)})
    store.save(KEY, "c1")
    log.clear()
    err = sqlite3.OperationalError("database is locked")

    def broken_save(key: str, cursor: str) -> None:
        raise err

    store.save = broken_save  # type: ignore[method-assign]
    with pytest.raises(sqlite3.OperationalError) as caught:
        TransactionFeed(fake, store).run(mirror)
    assert caught.value is err and store.load(KEY) == "c1"
    assert [entry[0] for entry in log] == ["sync", "apply"]


def test_other_api_errors_propagate_unchanged_and_keep_the_cursor() -> None:
    err = api_error(InvalidCursorError, "invalid_cursor")
    log, fake, store, mirror = setup(feed={"c1": err})
    store.save(KEY, "c1")
    with pytest.raises(InvalidCursorError) as caught:
        TransactionFeed(fake, store).run(mirror)
    assert caught.value is err and store.load(KEY) == "c1"
    assert ("list",) not in log  # only cursor_expired starts over


# --- max_pages -----------------------------------------------------------------------------


def chain(n: int) -> dict[str, Any]:
    """c0 → c1 → … → cn, one added event per page, has_more until the last."""
    return {f"c{i}": sync_page([added(txn(f"t{i}"))], f"c{i + 1}", i + 1 < n) for i in range(n)}


def test_max_pages_stops_after_that_many_sync_pages_without_fetching_more() -> None:
    log, fake, store, mirror = setup(feed=chain(5))
    store.save(KEY, "c0")
    summary = TransactionFeed(fake, store).run(mirror, max_pages=2)
    assert [entry for entry in log if entry[0] == "sync"] == [("sync", "c0"), ("sync", "c1")]
    assert summary == FeedRunSummary(2, 2, "c2", bootstrapped=False, caught_up=False)
    summary = TransactionFeed(fake, store).run(mirror, max_pages=10)
    assert summary == FeedRunSummary(3, 3, "c5", bootstrapped=False, caught_up=True)
    assert sorted(mirror.rows) == ["t0", "t1", "t2", "t3", "t4"]


def test_backfill_pages_do_not_count_toward_max_pages() -> None:
    feed = chain(3)
    feed["h0"] = sync_page([added(T1)], "c0", True)
    log, fake, store, mirror = setup(listing=[[T1], [T2], [T3]], feed=feed)
    summary = TransactionFeed(fake, store).run(mirror, max_pages=2)
    # 3 backfill pages, then 2 sync pages (h0, c0); c1 is waiting but not fetched.
    assert summary == FeedRunSummary(5, 5, "c1", bootstrapped=True, caught_up=False)
    assert [e for e in log if e[0] in ("sync", "save")] == [
        ("sync", None),
        ("save", "h0"),
        ("sync", "h0"),
        ("save", "c0"),
        ("sync", "c0"),
        ("save", "c1"),
    ]


@pytest.mark.parametrize(
    ("value", "error"),
    [(0, ValueError), (-1, ValueError), (True, TypeError), (1.5, TypeError), ("2", TypeError)],
)
def test_bad_max_pages_is_refused_before_anything_happens(value: Any, error: type) -> None:
    log, fake, store, mirror = setup()
    with pytest.raises(error, match="max_pages"):
        TransactionFeed(fake, store).run(mirror, max_pages=value)
    assert log == []


def test_bad_apply_and_store_are_refused() -> None:
    log, fake, store, _ = setup()
    with pytest.raises(TypeError, match="apply must be callable"):
        TransactionFeed(fake, store).run("upsert")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="store must have load"):
        TransactionFeed(fake, {})  # type: ignore[arg-type]
    store.save(KEY, "c1")
    store.load = lambda key: 42  # type: ignore[method-assign, assignment, return-value]
    with pytest.raises(TypeError, match=r"store.load\(\) must return a str or None"):
        TransactionFeed(fake, store).run(lambda page: None)
    assert ("sync", "c1") not in log


# --- cursor_expired ------------------------------------------------------------------------


def api_error(cls: type[Any], code: str) -> Any:
    request = httpx2.Request("GET", "https://api.test.example/v1/transactions/sync")
    body = {"error": {"code": code, "message": code}}
    response = httpx2.Response(400, json=body, request=request)
    return cls(code, response=response, body=body, code=code, request_id="req_err")


def expired() -> CursorExpiredError:
    return api_error(CursorExpiredError, "cursor_expired")  # type: ignore[no-any-return]


def test_cursor_expired_bootstraps_again() -> None:
    log, fake, store, mirror = setup(
        head="h9",
        listing=[[T1, txn("t2", "-2.22")]],
        feed={"old": expired(), "h9": sync_page([added(T3)], "c10", False)},
    )
    mirror.rows = {"t1": T1, "t2": T2}  # applied by earlier runs
    store.save(KEY, "old")
    log.clear()
    summary = TransactionFeed(fake, store).run(mirror)
    assert log == [
        ("sync", "old"),
        ("sync", None),
        ("list",),
        ("list_page", 0),
        ("apply", (("added", "t1"), ("added", "t2"))),
        ("save", "h9"),
        ("sync", "h9"),
        ("apply", (("added", "t3"),)),
        ("save", "c10"),
    ]
    assert mirror.amounts() == {"t1": "-1.00", "t2": "-2.22", "t3": "3.00"}
    assert summary == FeedRunSummary(2, 3, "c10", bootstrapped=True, caught_up=True)


def test_cursor_expired_mid_follow_keeps_what_was_applied_and_starts_over() -> None:
    log, fake, store, mirror = setup(
        head="h1",
        listing=[[T1, T2]],
        feed={
            "c0": sync_page([added(T1)], "c1", True),
            "c1": expired(),
            "h1": sync_page([], "h1", False),
        },
    )
    store.save(KEY, "c0")
    log.clear()
    summary = TransactionFeed(fake, store).run(mirror)
    assert [e for e in log if e[0] in ("sync", "save")] == [
        ("sync", "c0"),
        ("save", "c1"),
        ("sync", "c1"),
        ("sync", None),
        ("save", "h1"),
        ("sync", "h1"),
        ("save", "h1"),
    ]
    assert summary.bootstrapped and summary.cursor == "h1"
    assert mirror.amounts() == {"t1": "-1.00", "t2": "-2.00"}


def test_a_fresh_head_that_expires_at_once_is_not_retried_forever() -> None:
    log, fake, store, mirror = setup(head="h0", listing=[[T1]], feed={"old": expired()})
    fake.feed["h0"] = fake.feed["old"]
    store.save(KEY, "old")
    with pytest.raises(CursorExpiredError):
        TransactionFeed(fake, store).run(mirror)
    assert [e for e in log if e[0] == "sync"] == [("sync", "old"), ("sync", None), ("sync", "h0")]
    assert store.load(KEY) == "h0"  # the backfill was applied: the head it belongs to is kept


# --- The decisions, without I/O ------------------------------------------------------------


def test_feed_steps_without_io() -> None:
    steps = feed_steps("c1", max_pages=None)
    assert repr(next(steps)) == "Follow(cursor='c1')"
    assert repr(steps.send(None)) == "Next()"
    page = sync_page([added(T1)], "c2", False)
    assert repr(steps.send(page)).startswith("Apply(")
    assert repr(steps.send(None)) == "Save(cursor='c2')"
    with pytest.raises(StopIteration) as done:
        steps.send(None)
    assert done.value.value == FeedRunSummary(1, 1, "c2", bootstrapped=False, caught_up=True)


def test_a_page_without_next_cursor_keeps_the_previous_one() -> None:
    _log, fake, store, mirror = setup(feed={"c1": sync_page([added(T1)], None, False)})
    store.save(KEY, "c1")
    summary = TransactionFeed(fake, store).run(mirror)
    assert summary.cursor == "c1" and store.load(KEY) == "c1" and "t1" in mirror.rows


# --- Keys ----------------------------------------------------------------------------------


def test_stream_key_names_the_filters() -> None:
    assert stream_key() == "transactions:account=*:connection=*"
    assert stream_key("acct_1") == "transactions:account=acct_1:connection=*"
    assert stream_key(None, "conn_1") == "transactions:account=*:connection=conn_1"
    # Percent-encoded, so ids holding the separators cannot collide with other filters.
    assert stream_key("a:connection=b") == "transactions:account=a%3Aconnection%3Db:connection=*"
    assert stream_key("*") != stream_key()
    with pytest.raises(ValueError, match="account_id"):
        stream_key("")
    with pytest.raises(TypeError, match="connection_id"):
        stream_key(None, 7)


def test_feeds_with_different_filters_keep_separate_cursors() -> None:
    log, fake, store, mirror = setup(feed={"h0": sync_page([], "c1", False)})
    fake_b = FakeTransactions(log, head="hB", feed={"hB": sync_page([], "cB", False)})
    a = TransactionFeed(fake, store, account_id="acct_1")
    b = TransactionFeed(fake_b, store, account_id="acct_2")
    a.run(mirror)
    b.run(mirror)
    assert a.key != b.key
    assert (store.load(a.key), store.load(b.key)) == ("c1", "cB")
    assert "acct_1" in repr(a)


# --- Stores --------------------------------------------------------------------------------


def test_memory_store() -> None:
    store = MemoryCursorStore()
    assert isinstance(store, CursorStore)
    assert store.load("k") is None
    store.save("k", "c1")
    store.save("k", "c2")
    assert store.load("k") == "c2" and store.load("other") is None
    with pytest.raises(ValueError, match="cursor"):
        store.save("k", "")
    with pytest.raises(TypeError, match="key"):
        store.load(1)  # type: ignore[arg-type]


def test_sqlite_store_persists_across_instances(tmp_path: Any) -> None:
    path = tmp_path / "cursors.db"
    with SQLiteCursorStore(path) as store:
        assert isinstance(store, CursorStore)
        assert store.load(KEY) is None
        store.save(KEY, "c1")
        store.save(KEY, "c2")
        store.save("other", "x")
    with pytest.raises(sqlite3.ProgrammingError):
        store.load(KEY)  # closed by the with block
    reopened = SQLiteCursorStore(str(path))
    assert reopened.load(KEY) == "c2" and reopened.load("other") == "x"
    reopened.close()
    reopened.close()  # idempotent
    # The documented table, readable with plain sqlite3.
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT key, cursor, updated_at FROM waycore_cursors ORDER BY key")
        table = rows.fetchall()
        columns = [c[1:3] for c in raw.execute("PRAGMA table_info(waycore_cursors)")]
    raw.close()
    assert [(k, c) for k, c, _ in table] == [("other", "x"), (KEY, "c2")]
    assert all(updated.endswith("+00:00") for _, _, updated in table)
    assert columns == [("key", "TEXT"), ("cursor", "TEXT"), ("updated_at", "TEXT")]


def test_sqlite_store_commits_each_save_at_once(tmp_path: Any) -> None:
    path = tmp_path / "cursors.db"
    store = SQLiteCursorStore(path)
    store.save(KEY, "c1")
    # Another connection (another process) sees it without the store being closed.
    other = sqlite3.connect(path)
    assert other.execute("SELECT cursor FROM waycore_cursors").fetchall() == [("c1",)]
    other.close()
    store.close()


def test_sqlite_store_in_memory_and_from_threads() -> None:
    store = SQLiteCursorStore(":memory:")
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(50):
                store.save(f"k{n}", f"c{i}")
                store.save("shared", f"{n}-{i}")
                assert store.load(f"k{n}") == f"c{i}"
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [store.load(f"k{n}") for n in range(8)] == ["c49"] * 8
    shared = store.load("shared")
    assert shared is not None and shared.endswith("-49")
    store.close()


def test_sqlite_store_rejects_a_bad_path() -> None:
    with pytest.raises(TypeError, match="path"):
        SQLiteCursorStore(3)  # type: ignore[arg-type]


def test_a_mirror_resumes_across_processes_through_sqlite(tmp_path: Any) -> None:
    path = tmp_path / "cursors.db"
    log, fake, _, mirror = setup(
        listing=[[T1]],
        feed={
            "h0": sync_page([added(T2)], "c1", False),
            "c1": sync_page([removed("t1")], "c2", False),
        },
    )
    with SQLiteCursorStore(path) as store:
        first = TransactionFeed(fake, store, connection_id="conn_1").run(mirror)
    with SQLiteCursorStore(path) as store:
        log.clear()
        second = TransactionFeed(fake, store, connection_id="conn_1").run(mirror)
        assert store.load("transactions:account=*:connection=conn_1") == "c2"
    assert (first.bootstrapped, first.cursor) == (True, "c1")
    assert (second.bootstrapped, second.cursor) == (False, "c2")
    assert log[0] == ("sync", "c1")  # no second bootstrap
    assert mirror.amounts() == {"t2": "-2.00"}


# --- Async ---------------------------------------------------------------------------------


def async_setup(**kwargs: Any) -> tuple[list[Any], AsyncFakeTransactions, LoggingStore, Mirror]:
    log: list[Any] = []
    return log, AsyncFakeTransactions(log, **kwargs), LoggingStore(log), Mirror(log)


def test_async_feed_bootstraps_and_follows_with_an_async_apply() -> None:
    log, fake, store, mirror = async_setup(
        listing=[[T1, T2], [T3]],
        feed={
            "h0": sync_page([modified(txn("t3", "4.00"))], "c1", True),
            "c1": sync_page([removed("t1")], "c2", False),
        },
    )

    async def apply(page: TransactionSyncPage) -> None:
        await asyncio.sleep(0)
        mirror(page)

    summary = asyncio.run(AsyncTransactionFeed(fake, store).run(apply))
    assert log == [
        ("sync", None),
        ("list",),
        ("list_page", 0),
        ("apply", (("added", "t1"), ("added", "t2"))),
        ("list_page", 1),
        ("apply", (("added", "t3"),)),
        ("save", "h0"),
        ("sync", "h0"),
        ("apply", (("modified", "t3"),)),
        ("save", "c1"),
        ("sync", "c1"),
        ("apply", (("removed", "t1"),)),
        ("save", "c2"),
    ]
    assert mirror.amounts() == {"t2": "-2.00", "t3": "4.00"}
    assert summary == FeedRunSummary(4, 5, "c2", bootstrapped=True, caught_up=True)


def test_async_feed_crash_max_pages_and_expiry() -> None:
    feed = chain(4)
    feed["h0"] = sync_page([], "c3", True)
    _log, fake, store, mirror = async_setup(head="h0", listing=[[T1, txn("t2")]], feed=feed)
    store.save(KEY, "c0")
    boom = ValueError("bad row")

    async def failing(page: TransactionSyncPage) -> None:
        if describe(page) == (("added", "t1"),):
            raise boom
        mirror(page)

    async def main() -> None:
        with pytest.raises(ValueError) as caught:
            await AsyncTransactionFeed(fake, store).run(failing)
        assert caught.value is boom and store.load(KEY) == "c1"
        # A plain (sync) apply is accepted too.
        summary = await AsyncTransactionFeed(fake, store).run(mirror, max_pages=1)
        assert summary == FeedRunSummary(1, 1, "c2", bootstrapped=False, caught_up=False)
        fake.feed["c2"] = expired()
        summary = await AsyncTransactionFeed(fake, store).run(mirror)
        assert (summary.bootstrapped, summary.cursor, summary.caught_up) == (True, "c4", True)

    asyncio.run(main())
    assert sorted(mirror.rows) == ["t0", "t1", "t2", "t3"]
    assert store.load(KEY) == "c4"


def test_async_feed_closes_the_stream_it_abandons() -> None:
    _log, fake, store, mirror = async_setup(feed=chain(3))
    store.save(KEY, "c0")
    closed: list[bool] = []
    original = fake.sync_pages

    async def tracked(**kwargs: Any) -> AsyncIterator[Any]:
        try:
            async for page in original(**kwargs):
                yield page
        finally:
            closed.append(True)

    fake.sync_pages = tracked  # type: ignore[method-assign]
    summary = asyncio.run(AsyncTransactionFeed(fake, store).run(mirror, max_pages=1))
    assert summary.caught_up is False and closed == [True]


# --- Through the real clients over httpx2.MockTransport ------------------------------------


def wire_txn(id: str, amount: str) -> dict[str, Any]:
    return txn(id, amount).to_dict()


class SyncServer:
    """`GET /transactions` and `GET /transactions/sync` of a fake API.

    `listing`: the pages of the list (cursor `lc<n>` names page n). `feed`: the sync answer
    per cursor, a wire payload or an `httpx2.Response`; no cursor answers the head `h0`.
    """

    def __init__(self, listing: list[list[dict[str, Any]]], feed: dict[str, Any]) -> None:
        self.listing = listing
        self.feed = feed
        self.requests: list[tuple[str, dict[str, str]]] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        query = dict(request.url.params)
        path = request.url.path.removeprefix("/v1")
        assert request.method == "GET"
        self.requests.append((path, query))
        cursor = query.get("cursor")
        if path == "/transactions/sync":
            if cursor is None:
                body = {"events": [], "nextCursor": "h0", "hasMore": False}
                return httpx2.Response(200, json={**body, "meta": {"requestId": "req_head"}})
            answer = self.feed[cursor]
            return (
                answer if isinstance(answer, httpx2.Response) else httpx2.Response(200, json=answer)
            )
        assert path == "/transactions"
        index = 0 if cursor is None else int(cursor.removeprefix("lc"))
        more = index + 1 < len(self.listing)
        return httpx2.Response(
            200,
            json={
                "data": self.listing[index],
                "pagination": {"hasMore": more, "nextCursor": f"lc{index + 1}" if more else None},
                "meta": {"requestId": f"req_list_{index}"},
            },
        )


def wire_page(events: list[dict[str, Any]], next_cursor: str, has_more: bool) -> dict[str, Any]:
    return {"events": events, "nextCursor": next_cursor, "hasMore": has_more}


def run_feed(api: Any, feed: Any, mirror: Mirror, **kwargs: Any) -> FeedRunSummary:
    if api.is_async:

        async def apply(page: TransactionSyncPage) -> None:
            await asyncio.sleep(0)
            mirror(page)

        return api.run(feed.run(apply, **kwargs))  # type: ignore[no-any-return]
    return feed.run(mirror, **kwargs)  # type: ignore[no-any-return]


def test_real_client_bootstraps_backfills_and_resumes(api: Any) -> None:
    server = SyncServer(
        listing=[[wire_txn("t1", "-1.00"), wire_txn("t2", "-2.00")], [wire_txn("t3", "3.00")]],
        feed={
            "h0": wire_page(
                [
                    {"type": "modified", "eventId": "e1", "transaction": wire_txn("t2", "-2.50")},
                    {"type": "removed", "eventId": "e2", "transactionId": "t1"},
                    {"type": "brandNew", "eventId": "e3", "whatever": 1},
                ],
                "c1",
                False,
            ),
            "c1": wire_page(
                [{"type": "added", "transaction": wire_txn("t4", "4.00")}], "c2", False
            ),
        },
    )
    client = api.client(server)
    store = MemoryCursorStore()
    mirror = Mirror([])
    feed = client.transactions.feed(store, account_id="acct_1")
    assert isinstance(feed, AsyncTransactionFeed if api.is_async else TransactionFeed)
    assert feed.key == "transactions:account=acct_1:connection=*"

    summary = run_feed(api, feed, mirror)
    assert server.requests == [
        ("/transactions/sync", {"accountId": "acct_1"}),
        ("/transactions", {"accountId": "acct_1"}),
        ("/transactions", {"accountId": "acct_1", "cursor": "lc1"}),
        ("/transactions/sync", {"accountId": "acct_1", "cursor": "h0"}),
    ]
    assert mirror.amounts() == {"t2": "-2.50", "t3": "3.00"}
    assert isinstance(mirror.pages[-1].events[2], UnknownTransactionEvent)
    assert [p.request_id for p in mirror.pages[:2]] == ["req_list_0", "req_list_1"]
    assert summary == FeedRunSummary(3, 6, "c1", bootstrapped=True, caught_up=True)
    assert store.load(feed.key) == "c1"

    server.requests.clear()
    again = client.transactions.feed(store, account_id="acct_1")
    summary = run_feed(api, again, mirror)
    assert server.requests == [("/transactions/sync", {"accountId": "acct_1", "cursor": "c1"})]
    assert mirror.amounts() == {"t2": "-2.50", "t3": "3.00", "t4": "4.00"}
    assert summary == FeedRunSummary(1, 1, "c2", bootstrapped=False, caught_up=True)


def test_real_client_cursor_expired_starts_over(api: Any) -> None:
    expired_body = {"error": {"code": "cursor_expired", "message": "cursor expired"}}
    server = SyncServer(
        listing=[[wire_txn("t1", "-1.00")]],
        feed={"old": httpx2.Response(400, json=expired_body), "h0": wire_page([], "c1", False)},
    )
    client = api.client(server)
    store = MemoryCursorStore()
    store.save(KEY, "old")
    mirror = Mirror([])
    summary = run_feed(api, client.transactions.feed(store), mirror)
    assert [(path, q.get("cursor")) for path, q in server.requests] == [
        ("/transactions/sync", "old"),
        ("/transactions/sync", None),
        ("/transactions", None),
        ("/transactions/sync", "h0"),
    ]
    assert summary == FeedRunSummary(2, 1, "c1", bootstrapped=True, caught_up=True)
    assert mirror.amounts() == {"t1": "-1.00"} and store.load(KEY) == "c1"


def test_real_client_max_pages_and_a_crash_in_apply(api: Any) -> None:
    server = SyncServer(
        listing=[[]],
        feed={
            f"c{i}": wire_page(
                [{"type": "added", "transaction": wire_txn(f"t{i}", "1.00")}], f"c{i + 1}", i < 3
            )
            for i in range(4)
        },
    )
    client = api.client(server)
    store = MemoryCursorStore()
    store.save(KEY, "c0")
    mirror = Mirror([])
    summary = run_feed(api, client.transactions.feed(store), mirror, max_pages=2)
    assert summary == FeedRunSummary(2, 2, "c2", bootstrapped=False, caught_up=False)
    assert len(server.requests) == 2

    def failing(page: TransactionSyncPage) -> None:
        raise KeyError("no such table")

    with pytest.raises(KeyError, match="no such table"):
        api.run(client.transactions.feed(store).run(failing))
    assert store.load(KEY) == "c2" and server.requests[-1][1]["cursor"] == "c2"
    summary = run_feed(api, client.transactions.feed(store), mirror)
    assert summary == FeedRunSummary(2, 2, "c4", bootstrapped=False, caught_up=True)
    assert sorted(mirror.rows) == ["t0", "t1", "t2", "t3"]
