"""The sandbox's transaction change feed (``GET /transactions/sync``), driven with raw httpx2.

Head cursor, pages, exactly the events of a sync in order, cursors bound to their filters,
garbage and expired cursors, and a mirror that replays the feed into the transactions list.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx2
import pytest
from test_sandbox_read import Api

from waycore.testing import Sandbox
from waycore.testing._feed import ChangeFeed
from waycore.testing._ledger_records import TransactionRecord

FEED = "/transactions/sync"


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(activation_polls=1)


@pytest.fixture
def api(sandbox: Sandbox) -> Iterator[Api]:
    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    with httpx2.Client(
        transport=sandbox.transport(), base_url=Sandbox.IN_PROCESS_BASE_URL, headers=headers
    ) as http:
        yield Api(sandbox, http)


def walk(api: Api, cursor: str, **params: Any) -> tuple[list[dict[str, Any]], str, int]:
    """Every event after ``cursor``: (events, the cursor to keep, pages read)."""
    events: list[dict[str, Any]] = []
    pages = 0
    while True:
        page = api.get(FEED, cursor=cursor, **params)
        pages += 1
        assert set(page) == {"events", "nextCursor", "hasMore", "meta"}
        assert isinstance(page["nextCursor"], str)
        events += page["events"]
        if not page["events"]:
            assert page["nextCursor"] == cursor
            assert page["hasMore"] is False
        cursor = page["nextCursor"]
        if not page["hasMore"]:
            return events, cursor, pages


def head(api: Api, **params: Any) -> str:
    page = api.get(FEED, **params)
    assert (page["events"], page["hasMore"]) == ([], False)
    return str(page["nextCursor"])


def test_sync_without_a_cursor_answers_zero_events_and_the_head(api: Api) -> None:
    api.active()
    first = api.get(FEED)
    assert first["events"] == []
    assert first["hasMore"] is False
    assert first["meta"]["requestId"].startswith("req_")
    cursor = first["nextCursor"]
    # Nothing happened since: no events, and the same cursor back.
    again = api.get(FEED, cursor=cursor)
    assert (again["events"], again["hasMore"], again["nextCursor"]) == ([], False, cursor)


def test_activation_backfill_is_reported_as_added_events(api: Api) -> None:
    start = head(api)
    conn_id = api.active()
    events, _, _ = walk(api, start, limit=500)
    assert {e["type"] for e in events} == {"added"}
    assert [e["transaction"] for e in events] == sorted(
        api.transactions(connectionId=conn_id), key=lambda t: (t["updatedAt"], t["id"])
    )


def test_pages_respect_the_limit(api: Api) -> None:
    start = head(api)
    api.active()
    total = len(api.transactions())
    events, cursor, pages = walk(api, start, limit=5)
    assert len(events) == total
    assert pages == -(-total // 5)  # the last page says hasMore: false, no empty page after
    assert events == api.get(FEED, cursor=start, limit=500)["events"]
    ids = [e["eventId"] for e in events]
    assert len(set(ids)) == len(ids) and ids == sorted(ids)  # ascending positions
    first = api.get(FEED, cursor=start, limit=5)
    assert first["hasMore"] is True and len(first["events"]) == 5
    assert api.get(FEED, cursor=first["nextCursor"], limit=500)["events"] == events[5:]
    assert api.get(FEED, cursor=cursor)["events"] == []
    api.error("GET", FEED, 400, "invalid_limit", params={"cursor": start, "limit": 0})


def test_a_sync_reports_exactly_its_changes_in_order(api: Api) -> None:
    conn_id = api.active()
    other = api.active()
    before = {t["id"]: t for t in api.transactions(connectionId=conn_id)}
    pending = sorted(
        (t for t in before.values() if t["status"] == "pending"),
        key=lambda t: (t["updatedAt"], t["id"]),
    )
    cursor = head(api)
    api.complete_sync(conn_id)
    events, cursor, _ = walk(api, cursor, limit=2)
    assert [e["type"] for e in events] == ["added"] * 3 + ["modified"] * 2 + ["removed"]
    after = {t["id"]: t for t in api.transactions(connectionId=conn_id)}
    today = max(t["postedDate"] for t in after.values() if t["postedDate"])

    added = [e["transaction"] for e in events[:3]]
    assert all(t["id"] not in before and after[t["id"]] == t for t in added)
    assert [t["status"] for t in added] == ["pending", "pending", "posted"]
    modified = [e["transaction"] for e in events[3:5]]
    assert [t["id"] for t in modified] == [t["id"] for t in pending[:2]]
    for t in modified:
        assert (t["status"], t["postedDate"]) == ("posted", today)
        assert after[t["id"]] == t
        assert t["updatedAt"] > before[t["id"]]["updatedAt"]
    removed = events[5]
    assert removed["transactionId"] == pending[2]["id"]
    assert "transaction" not in removed
    assert removed["transactionId"] not in after
    api.error("GET", f"/transactions/{removed['transactionId']}", 404, "not_found")
    assert set(after) == (set(before) | {t["id"] for t in added}) - {removed["transactionId"]}
    for event in events:
        assert event["eventId"].startswith("evt_")
        assert event["eventAt"].endswith("Z")
        assert event.get("transaction", {"connectionId": conn_id})["connectionId"] == conn_id
    # The other connection did not change; a second sync reports its own changes only.
    api.complete_sync(other)
    second, _, _ = walk(api, cursor, limit=500)
    assert len(second) == 6
    assert {e["transaction"]["connectionId"] for e in second if "transaction" in e} == {other}


def test_a_sync_updates_the_balances(api: Api) -> None:
    conn_id = api.active()
    rows_before = api.every("/balances", connectionId=conn_id, limit=500)
    accounts_before = api.accounts(conn_id)
    api.complete_sync(conn_id)
    rows_after = api.every("/balances", connectionId=conn_id, limit=500)
    assert len(rows_after) == len(rows_before)
    today = rows_after[0]["date"]
    for account in api.accounts(conn_id):
        posted_today = [
            t
            for t in api.transactions(accountId=account["id"], status="posted")
            if t["postedDate"] == today
        ]
        row = next(r for r in rows_after if r["accountId"] == account["id"] and r["date"] == today)
        delta = sum((Decimal(t["amount"]) for t in posted_today), Decimal(0))
        assert Decimal(row["postedTransactionDelta"]) == delta
        assert account["currentBalance"] == row["ledgerBalance"]
    assert rows_after != rows_before
    assert api.accounts(conn_id) != accounts_before


def test_the_feed_filters_by_connection_and_account(api: Api) -> None:
    first, second = api.active(), api.active()
    account_id = api.accounts(first)[0]["id"]
    account_of = {t["id"]: t["accountId"] for t in api.transactions()}
    by_connection = head(api, connectionId=first)
    by_account = head(api, accountId=account_id)
    both = head(api, connectionId=first, accountId=account_id)
    api.complete_sync(first)
    api.complete_sync(second)
    mine, _, _ = walk(api, by_connection, connectionId=first, limit=2)
    assert len(mine) == 6
    assert {e["transaction"]["connectionId"] for e in mine if "transaction" in e} == {first}
    in_account, _, _ = walk(api, by_account, accountId=account_id)
    assert in_account == [
        e
        for e in mine
        if (e["transaction"]["accountId"] if "transaction" in e else account_of[e["transactionId"]])
        == account_id
    ]
    assert len(in_account) >= 2  # a sync adds two pending transactions to the checking account
    assert walk(api, both, connectionId=first, accountId=account_id)[0] == in_account


@pytest.mark.parametrize(
    "other_filters",
    [{"connectionId": "conn_other"}, {"accountId": "acct_other"}, {}],
)
def test_a_cursor_used_with_other_filters_is_invalid(api: Api, other_filters: Any) -> None:
    conn_id = api.active()
    cursor = head(api, connectionId=conn_id)
    if not other_filters:
        other_filters = {"connectionId": conn_id, "accountId": api.accounts(conn_id)[0]["id"]}
    params = {"cursor": cursor, **other_filters}
    message = api.error("GET", FEED, 400, "invalid_cursor", params=params)
    assert "filters" in message
    assert api.get(FEED, cursor=cursor, connectionId=conn_id)["events"] == []


def _tampered(cursor: str) -> str:
    body, _, checksum = cursor.removeprefix("sync_").partition(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["p"] = 0  # replay from the very start
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    return f"sync_{forged}.{checksum}"


@pytest.mark.parametrize(
    "garbage",
    ["garbage", "", "sync_", "sync_e30.0000", "sync_!!!.abc", "bnVsbA", "0", "sync_" + "A" * 40],
)
def test_a_garbage_cursor_is_invalid(api: Api, garbage: str) -> None:
    api.error("GET", FEED, 400, "invalid_cursor", params={"cursor": garbage})


def test_altered_and_list_cursors_are_invalid(api: Api) -> None:
    api.active()
    cursor = head(api)
    api.error("GET", FEED, 400, "invalid_cursor", params={"cursor": _tampered(cursor)})
    api.error("GET", FEED, 400, "invalid_cursor", params={"cursor": cursor[:-1]})
    list_cursor = api.get("/transactions", limit=1)["pagination"]["nextCursor"]
    api.error("GET", FEED, 400, "invalid_cursor", params={"cursor": list_cursor})
    api.error("GET", "/transactions", 400, "invalid_cursor", params={"cursor": cursor})


def test_expire_cursors_makes_every_earlier_cursor_expire(api: Api) -> None:
    conn_id = api.active()
    plain, filtered = head(api), head(api, connectionId=conn_id)
    api.complete_sync(conn_id)
    middle = api.get(FEED, cursor=plain, limit=2)["nextCursor"]
    api.sandbox.expire_cursors()
    for cursor, params in ((plain, {}), (middle, {}), (filtered, {"connectionId": conn_id})):
        message = api.error("GET", FEED, 410, "cursor_expired", params={"cursor": cursor, **params})
        assert "sync without a cursor" in message
    # Start over: a new head works, and later changes arrive on it.
    fresh = head(api)
    assert api.get(FEED, cursor=fresh)["events"] == []
    api.complete_sync(conn_id)
    assert len(walk(api, fresh)[0]) == 6


def test_reset_expires_cursors(api: Api) -> None:
    api.active()
    cursor = head(api)
    api.sandbox.reset()
    api.error("GET", FEED, 410, "cursor_expired", params={"cursor": cursor})
    assert api.get(FEED, cursor=head(api))["events"] == []


def test_cursors_expire_after_90_days() -> None:
    now = [datetime(2024, 1, 1, tzinfo=UTC)]
    feed = ChangeFeed(lambda: now[0])
    cursor = feed.page({}, "req_1")["nextCursor"]
    feed.append("added", _transaction(), now[0])
    now[0] += timedelta(days=89)
    assert len(feed.page({"cursor": cursor}, "req_2")["events"]) == 1
    now[0] += timedelta(days=2)
    with pytest.raises(Exception, match="expired") as raised:
        feed.page({"cursor": cursor}, "req_3")
    assert getattr(raised.value, "status", None) == 410


def _transaction() -> TransactionRecord:
    return TransactionRecord(
        id="t1",
        connection_id="conn_1",
        account_id="acct_1",
        status="pending",
        posted_date=None,
        updated_at=datetime(2024, 1, 1, tzinfo=UTC),
        amount=Decimal("-1.00"),
        currency="USD",
        description="X",
        rail="card",
    )


def apply(mirror: dict[str, dict[str, Any]], events: list[dict[str, Any]]) -> None:
    for event in events:
        if event["type"] in ("added", "modified"):
            mirror[event["transaction"]["id"]] = event["transaction"]
        else:
            mirror.pop(event["transactionId"], None)


def test_a_mirror_that_replays_the_feed_equals_the_transactions_list(api: Api) -> None:
    first = api.active(api.entity())
    # Bootstrap as documented: head cursor, then backfill through the list.
    cursor = head(api)
    mirror = {t["id"]: t for t in api.every("/transactions", limit=9)}
    second = api.active(institution="deutsche_bank")  # after the head: arrives as events
    doomed_entity = api.entity()
    doomed = api.active(doomed_entity)
    for _ in range(3):
        for conn_id in (first, second, doomed):
            api.complete_sync(conn_id)
        events, cursor, _ = walk(api, cursor, limit=7)
        apply(mirror, events)
        assert mirror == {t["id"]: t for t in api.transactions()}
    assert api.http.delete(f"/entities/{doomed_entity}").status_code == 204
    events, cursor, _ = walk(api, cursor, limit=50)
    apply(mirror, events)
    assert mirror == {t["id"]: t for t in api.transactions()}
    assert {t["connectionId"] for t in mirror.values()} == {first, second}


def test_a_mirror_started_before_anything_replays_everything(api: Api) -> None:
    cursor = head(api)
    conn_id = api.active()
    api.complete_sync(conn_id)
    api.complete_sync(conn_id)
    mirror: dict[str, dict[str, Any]] = {}
    events, _, _ = walk(api, cursor)
    apply(mirror, events)
    assert mirror == {t["id"]: t for t in api.transactions()}


def test_the_feed_over_loopback() -> None:
    with Sandbox() as sandbox:
        headers = {"Authorization": f"Bearer {sandbox.api_key}"}
        with httpx2.Client(
            base_url=sandbox.base_url, headers=headers, trust_env=False, timeout=5.0
        ) as http:
            api = Api(sandbox, http)
            conn_id = api.active()
            cursor = head(api, connectionId=conn_id)
            api.complete_sync(conn_id)
            events, _, _ = walk(api, cursor, connectionId=conn_id, limit=4)
            assert [e["type"] for e in events] == ["added"] * 3 + ["modified"] * 2 + ["removed"]
            sandbox.expire_cursors()
            api.error(
                "GET",
                FEED,
                410,
                "cursor_expired",
                params={"cursor": cursor, "connectionId": conn_id},
            )
