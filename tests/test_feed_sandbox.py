"""The transaction mirror against the sandbox: a bootstrap, several syncs adding, modifying
and removing transactions, a crash inside `apply`, an expired cursor, and in the end the
mirrored rows equal the API's transactions."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

import waycore
from waycore.testing import Sandbox


class Mirror:
    """A dict of transactions kept by upserts and deletes, as a user's table would be."""

    def __init__(self) -> None:
        self.rows: dict[str, waycore.Transaction] = {}
        self.applied_pages = 0
        self.resets = 0
        self.crash_on_page: int | None = None

    def reset(self) -> None:
        self.resets += 1
        self.rows.clear()

    def apply(self, page: waycore.TransactionSyncPage) -> None:
        self.applied_pages += 1
        if self.crash_on_page == self.applied_pages:
            raise RuntimeError("the database went away")
        for event in page.events:
            if isinstance(event, waycore.TransactionAdded | waycore.TransactionModified):
                self.rows[event.transaction.id] = event.transaction
            elif isinstance(event, waycore.TransactionRemoved):
                self.rows.pop(event.transaction_id, None)


@pytest.fixture
def world() -> Iterator[tuple[Sandbox, waycore.Waycore, str]]:
    sandbox = Sandbox()
    with sandbox.client(in_process=True) as client:
        conn = client.connections.create(
            entity_id=Sandbox.DEFAULT_ENTITY_ID, institution_id="chase"
        )
        sandbox.set_state(conn.id, kind="ready", status="active")
        yield sandbox, client, conn.id


def _sync(client: waycore.Waycore, connection_id: str) -> None:
    client.connections.sync(connection_id)
    while True:  # each read moves the sandbox's sync along
        conn = client.connections.retrieve(connection_id)
        if isinstance(conn, waycore.ReadyConnection) and conn.sync_status == "idle":
            return


def _api_rows(client: waycore.Waycore, connection_id: str) -> dict[str, waycore.Transaction]:
    return {t.id: t for t in client.transactions.list(connection_id=connection_id, limit=500)}


def test_mirror_follows_bootstrap_syncs_crash_and_expiry(
    world: tuple[Sandbox, waycore.Waycore, str], tmp_path: Path
) -> None:
    sandbox, client, connection_id = world
    mirror = Mirror()
    with waycore.SQLiteCursorStore(tmp_path / "cursors.sqlite3") as store:
        feed = client.transactions.feed(store, connection_id=connection_id)

        first = feed.run(mirror.apply, on_reset=mirror.reset)
        assert first.bootstrapped and first.events == len(mirror.rows) > 0
        assert mirror.rows == _api_rows(client, connection_id)
        head = store.load(feed.key)
        assert head is not None

        _sync(client, connection_id)
        second = feed.run(mirror.apply)
        assert not second.bootstrapped and second.events == 6  # 3 added, 2 modified, 1 removed
        assert mirror.rows == _api_rows(client, connection_id)

        # A crash inside apply: the cursor stays, and the same page comes again next run.
        _sync(client, connection_id)
        saved = store.load(feed.key)
        mirror.crash_on_page = mirror.applied_pages + 1
        with pytest.raises(RuntimeError, match="database went away"):
            feed.run(mirror.apply)
        assert store.load(feed.key) == saved
        mirror.crash_on_page = None
        third = feed.run(mirror.apply)
        assert third.events == 6 and store.load(feed.key) != saved
        assert mirror.rows == _api_rows(client, connection_id)

        # An expired cursor: the feed starts over (head, reset, backfill). Without on_reset a
        # transaction removed meanwhile would stay in the mirror: the feed cannot report it.
        _sync(client, connection_id)
        sandbox.expire_cursors()
        fourth = feed.run(mirror.apply, on_reset=mirror.reset)
        assert fourth.bootstrapped and mirror.resets == 2  # the first run's, and this one
        assert mirror.rows == _api_rows(client, connection_id)


def test_async_mirror_matches_the_api() -> None:
    asyncio.run(_async_mirror())


async def _async_mirror() -> None:
    sandbox = Sandbox()
    async with sandbox.async_client(in_process=True) as client:
        conn = await client.connections.create(
            entity_id=Sandbox.DEFAULT_ENTITY_ID, institution_id="bofa"
        )
        sandbox.set_state(conn.id, kind="ready", status="active")
        mirror = Mirror()

        async def apply(page: waycore.TransactionSyncPage) -> None:
            mirror.apply(page)

        feed = client.transactions.feed(waycore.MemoryCursorStore(), connection_id=conn.id)
        summary = await feed.run(apply)
        assert summary.bootstrapped
        listed = {t.id async for t in client.transactions.list(connection_id=conn.id)}
        assert set(mirror.rows) == listed
