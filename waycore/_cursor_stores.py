"""Where a transaction mirror keeps its change-feed cursor between runs.

`TransactionFeed` needs only two methods of its store, `load(key)` and `save(key, cursor)`
(the `CursorStore` protocol). Two stores ship with the SDK: `MemoryCursorStore` (one process,
tests) and `SQLiteCursorStore` (a file; stdlib `sqlite3`, each save committed).

**Saving the cursor in the same transaction as the rows.** When the mirror lives in your own
database, let `apply` write the rows without committing and let the store's `save` write the
cursor and commit: rows and cursor then become durable together, and a crash in between loses
neither (the page simply comes again). `save` is called right after `apply` returns for each
sync page, so the two run back to back on one connection::

    class MirrorStore:  # a CursorStore over the mirror's own connection (psycopg, sqlite3, ...)
        def __init__(self, conn):
            self.conn = conn

        def load(self, key):
            row = self.conn.execute(
                "SELECT cursor FROM waycore_cursors WHERE key = %s", (key,)).fetchone()
            return row[0] if row else None

        def save(self, key, cursor):
            self.conn.execute(
                "INSERT INTO waycore_cursors (key, cursor, updated_at) VALUES (%s, %s, now()) "
                "ON CONFLICT (key) DO UPDATE SET cursor = excluded.cursor, "
                "updated_at = excluded.updated_at", (key, cursor))
            self.conn.commit()          # the page's rows and its cursor, in one transaction

    def apply(page):                    # writes rows; does not commit
        try:
            for event in page.events:
                ...                     # INSERT ... ON CONFLICT (id) DO UPDATE / DELETE
        except BaseException:
            conn.rollback()             # the page comes again on the next run
            raise

    client.transactions.feed(MirrorStore(conn)).run(apply)

Backfill pages (during a bootstrap) are not followed by a `save` each: their rows then commit
with the head cursor once the whole backfill has been applied. Committing them earlier is
also safe (upserts are idempotent and the head cursor is saved only after the backfill); a
backfill page is recognisable by `page.next_cursor is None`.
"""

from __future__ import annotations

import datetime
import os
import sqlite3
import threading
from types import TracebackType
from typing import Protocol, runtime_checkable

from ._validation import ArgumentTypeError

__all__ = ["CursorStore", "MemoryCursorStore", "SQLiteCursorStore"]


@runtime_checkable
class CursorStore(Protocol):
    """Anything with `load(key) -> str | None` and `save(key, cursor)`.

    `key` names one change-feed stream (see `TransactionFeed.key`); `load` returns the cursor
    last saved under it, or `None` when there is none (the feed then bootstraps). `save` must
    make the cursor durable before it returns: the feed saves a page's cursor only after that
    page was applied, and relies on the store to remember it.
    """

    def load(self, key: str) -> str | None: ...

    def save(self, key: str, cursor: str) -> None: ...


def _check(key: object, cursor: object = "-") -> None:
    if not isinstance(key, str):
        raise ArgumentTypeError(f"key must be a string, not {type(key).__name__}")
    if not isinstance(cursor, str):
        raise ArgumentTypeError(f"cursor must be a string, not {type(cursor).__name__}")
    if not cursor:
        raise ValueError("cursor must be a non-empty string")


class MemoryCursorStore:
    """Cursors in a dict: forgotten when the process ends (tests, short-lived mirrors).

    Example::

        store = waycore.MemoryCursorStore()
        feed = client.transactions.feed(store)
        feed.run(apply)
        store.load(feed.key)   # the cursor the next run resumes from
    """

    def __init__(self) -> None:
        self._cursors: dict[str, str] = {}
        self._lock = threading.Lock()

    def load(self, key: str) -> str | None:
        """The cursor saved under `key`, or `None`."""
        _check(key)
        with self._lock:
            return self._cursors.get(key)

    def save(self, key: str, cursor: str) -> None:
        """Remember `cursor` under `key` (replacing the previous one)."""
        _check(key, cursor)
        with self._lock:
            self._cursors[key] = cursor

    def __repr__(self) -> str:
        return f"MemoryCursorStore(keys={sorted(self._cursors)!r})"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS waycore_cursors (
    key TEXT PRIMARY KEY,
    cursor TEXT NOT NULL,
    updated_at TEXT
)
"""

_UPSERT = """
INSERT INTO waycore_cursors (key, cursor, updated_at) VALUES (?, ?, ?)
ON CONFLICT (key) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at
"""


class SQLiteCursorStore:
    """Cursors in an SQLite database (stdlib `sqlite3`): one row per stream in the table
    `waycore_cursors(key TEXT PRIMARY KEY, cursor TEXT NOT NULL, updated_at TEXT)`, created
    if missing. `updated_at` is the UTC time of the last save, in ISO 8601.

    `path` is a file path (the file is created if needed) or `":memory:"`. Each `save` is
    committed before it returns. One connection is shared by every thread, behind a lock, so
    a store may be used from several threads (and a `":memory:"` database stays one database).
    Several processes may share a file: SQLite serialises their writes.

    Example::

        with waycore.SQLiteCursorStore("mirror-cursors.db") as store:
            client.transactions.feed(store, account_id="acct_123").run(apply)
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        if not isinstance(path, str | os.PathLike):
            raise ArgumentTypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
        self.path = os.fspath(path)
        self._lock = threading.Lock()
        # Autocommit (isolation_level=None): each statement is its own committed transaction.
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            self._conn.execute(_SCHEMA)
        except BaseException:
            self._conn.close()
            raise

    def load(self, key: str) -> str | None:
        """The cursor saved under `key`, or `None`."""
        _check(key)
        with self._lock:
            row = self._conn.execute(
                "SELECT cursor FROM waycore_cursors WHERE key = ?", (key,)
            ).fetchone()
        return None if row is None else str(row[0])

    def save(self, key: str, cursor: str) -> None:
        """Store `cursor` under `key` and commit."""
        _check(key, cursor)
        now = datetime.datetime.now(datetime.UTC).isoformat()
        with self._lock:
            self._conn.execute(_UPSERT, (key, cursor, now))

    def close(self) -> None:
        """Close the database connection (idempotent); the store cannot be used afterwards."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SQLiteCursorStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteCursorStore({self.path!r})"
