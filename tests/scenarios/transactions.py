"""Scenarios of `client.transactions`: list with filters, retrieve, the change feed's head
cursor, a walk of the feed over several pages after a connection sync, and the cursor errors."""

from __future__ import annotations

from typing import Any

import waycore

from ._base import Scenario, Steps, active_connection, expect_error, op


def _page(page: waycore.TransactionSyncPage) -> dict[str, Any]:
    return {
        "events": [(event.type, event.event_id) for event in page.events],
        "has_more": page.has_more,
        "next_cursor": page.next_cursor,
    }


def transactions_list_and_retrieve() -> Steps:
    connection_id = yield from active_connection()
    posted = yield op(
        "transactions.list",
        connection_id=connection_id,
        status="posted",
        sort="postedDate",
        limit=10,
    )
    assert len(posted) > 10 and all(t.status == "posted" for t in posted)
    # The date range comes from the recorded transactions, never from today's date.
    days = sorted({t.posted_date for t in posted if t.posted_date is not None})
    start, end = days[1], days[-2]
    account_id = posted[0].account_id
    window = yield op(
        "transactions.list",
        account_id=account_id,
        posted_date_gte=start,
        posted_date_lt=end.isoformat(),
        sort="-postedDate",
        limit=5,
    )
    assert all(t.posted_date and start <= t.posted_date < end for t in window)
    assert all(t.account_id == account_id for t in window)
    fetched = yield op("transactions.retrieve", transaction_id=posted[0].id)
    assert fetched.id == posted[0].id
    missing = yield from expect_error(
        waycore.NotFoundError, "transactions.retrieve", transaction_id="txn_does_not_exist"
    )
    return {
        "posted": len(posted),
        "window": [(t.id, str(t.posted_date), str(t.amount)) for t in window],
        "fetched": {"id": fetched.id, "amount": str(fetched.amount), "rail": str(fetched.rail)},
        "missing": missing,
    }


def transactions_sync_head() -> Steps:
    connection_id = yield from active_connection()
    head = yield op("transactions.sync", connection_id=connection_id)
    assert head.events == [] and not head.has_more and head.next_cursor
    # Nothing changed since: the feed answers no events and hands the same cursor back.
    again = yield op("transactions.sync", connection_id=connection_id, cursor=head.next_cursor)
    assert again.events == [] and again.next_cursor == head.next_cursor
    return {"head": _page(head), "again": _page(again)}


def transactions_sync_pages() -> Steps:
    connection_id = yield from active_connection()
    head = yield op("transactions.sync", connection_id=connection_id)
    # A bank sync adds three transactions, posts two pending ones and removes one. The
    # sandbox finishes it on the second read of the connection after it started.
    yield op("sync", connection_id=connection_id)
    for _ in range(5):
        conn = yield op("retrieve", connection_id=connection_id)
        if conn.sync_status == "idle":
            break
    assert conn.sync_status == "idle" and conn.last_synced_at is not None
    pages = yield op(
        "transactions.sync_pages", connection_id=connection_id, cursor=head.next_cursor, limit=2
    )
    assert len(pages) == 3 and [p.has_more for p in pages] == [True, True, False]
    kinds = [event.type for page in pages for event in page.events]
    assert kinds == ["added"] * 3 + ["modified"] * 2 + ["removed"], kinds
    # Caught up: one more call from the last cursor answers nothing new.
    after = yield op(
        "transactions.sync", connection_id=connection_id, cursor=pages[-1].next_cursor, limit=2
    )
    assert after.events == [] and not after.has_more
    return {"pages": [_page(page) for page in pages], "after": _page(after)}


def transactions_invalid_cursor() -> Steps:
    return (
        yield from expect_error(
            waycore.InvalidCursorError, "transactions.sync", cursor="sync_not-a-cursor.0000"
        )
    )


def transactions_cursor_expired() -> Steps:
    head = yield op("transactions.sync")
    yield op("sandbox.expire_cursors")
    one_call = yield from expect_error(
        waycore.CursorExpiredError, "transactions.sync", cursor=head.next_cursor
    )
    walk = yield from expect_error(
        waycore.CursorExpiredError, "transactions.sync_pages", cursor=head.next_cursor
    )
    return {"sync": one_call, "sync_pages": walk}


SCENARIOS = [
    Scenario("transactions_list_and_retrieve", transactions_list_and_retrieve, drives_sandbox=True),
    Scenario("transactions_sync_head", transactions_sync_head, drives_sandbox=True),
    Scenario("transactions_sync_pages", transactions_sync_pages, drives_sandbox=True),
    Scenario("transactions_invalid_cursor", transactions_invalid_cursor),
    Scenario("transactions_cursor_expired", transactions_cursor_expired, drives_sandbox=True),
]
