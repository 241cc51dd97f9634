"""The read side against the local server: a transaction list walk and a change-feed run.

- ``txlist``: `transactions.list(limit=500)` walking `DEFAULT_LIST_PAGES` pages of 500
  transactions (parsed by the declarative engine into `Transaction`: `Decimal` amounts,
  `datetime.date` / aware `datetime` fields, open enums) vs raw httpx2 `get().json()` following
  the cursors;
- ``feed``: `TransactionFeed.run(apply)` over `FEED_EVENTS` change events, from a head cursor
  saved beforehand in a `MemoryCursorStore` (so it follows the feed and never bootstraps
  through `list()`), `apply` upserting and deleting in a dict; vs a raw loop of httpx2
  `get("/transactions/sync?cursor=...").json()` doing the same dict work on the raw dicts.

Both tables hold the A/A control of the others: a second raw httpx2 client interleaved with the
first, walks (or runs) alternating one by one in a freshly shuffled order.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable
from typing import Any

import httpx2

import waycore

from ._harness import REFERENCE, Result, Row, Settings, interleave_timed, timed
from ._http_benches import AUTH, control, scaled
from ._payloads import (
    API_KEY,
    DEFAULT_LIST_PAGES,
    FEED_DEFAULT_LIMIT,
    FEED_EVENTS,
    PAGE_SIZE,
    feed,
)
from ._server import ServerProcess


def bench_txlist(server: ServerProcess, settings: Settings) -> list[Row]:
    """Walking 10 pages of 500 transactions: `transactions.list(limit=500)` vs raw httpx2."""
    url = server.base_url + "/transactions"
    expected = DEFAULT_LIST_PAGES * PAGE_SIZE
    with (
        waycore.Waycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        httpx2.Client(timeout=60.0) as raw,
        httpx2.Client(timeout=60.0) as twin,
    ):

        def sdk_walk() -> int:
            count = 0
            for _txn in sdk.transactions.list(limit=PAGE_SIZE):
                count += 1
            return count

        def raw_walker(client: httpx2.Client) -> Callable[[], int]:
            def walk() -> int:
                count = 0
                params: dict[str, str | int] = {"limit": PAGE_SIZE}
                while True:
                    page = client.get(url, params=params, headers=AUTH).json()
                    for _item in page["data"]:
                        count += 1
                    pagination = page["pagination"]
                    if not pagination["hasMore"]:
                        return count
                    params = {"limit": PAGE_SIZE, "cursor": pagination["nextCursor"]}

            return walk

        # Untimed: the SDK reads what raw httpx2 reads, as typed models (the engine's parse).
        parsed = list(sdk.transactions.list(limit=PAGE_SIZE))
        assert [txn.id for txn in parsed] == _raw_ids(raw, url)
        assert all(type(txn) is waycore.Transaction for txn in parsed)
        assert all(type(txn.amount) is decimal.Decimal for txn in parsed)
        assert all(type(txn.updated_at) is datetime.datetime for txn in parsed)
        assert {type(txn.posted_date) for txn in parsed} == {datetime.date, type(None)}
        walks = {"sdk": sdk_walk, "raw": raw_walker(raw), "raw-aa": raw_walker(twin)}
        for walk in walks.values():
            assert walk() == expected
        n = settings.walks
        samples = scaled(
            interleave_timed(
                {name: timed(walk) for name, walk in walks.items()},
                rounds=settings.rounds,
                per_round=n,
                chunks=n,
            ),
            1e6,
        )
    notes = {
        "walks_per_sample": n,
        "items_per_walk": expected,
        "pages_per_walk": DEFAULT_LIST_PAGES,
    }
    return [
        Result(
            name="txlist",
            title=(
                f"transactions.list(limit=500) walking {DEFAULT_LIST_PAGES} pages of transactions"
                " (Transaction models: Decimal, dates) vs raw httpx2 + json()"
            ),
            unit="ms/walk",
            subject="sdk",
            baseline="raw httpx2",
            subject_samples=samples["sdk"],
            baseline_samples=samples["raw"],
            notes=notes,
            group="txlist",
            kind=REFERENCE,
        ),
        control("txlist", "ms/walk", samples, notes=notes),
    ]


def _raw_ids(client: httpx2.Client, url: str) -> list[str]:
    ids: list[str] = []
    params: dict[str, str | int] = {"limit": PAGE_SIZE}
    while True:
        page = client.get(url, params=params, headers=AUTH).json()
        ids.extend(item["id"] for item in page["data"])
        if not page["pagination"]["hasMore"]:
            return ids
        params = {"limit": PAGE_SIZE, "cursor": page["pagination"]["nextCursor"]}


def _sdk_apply(mirror: dict[str, waycore.Transaction]) -> Callable[[Any], None]:
    """The `apply` of `TransactionFeed`'s docstring: upsert by id, delete on removed."""
    upserts = (waycore.TransactionAdded, waycore.TransactionModified)

    def apply(page: waycore.TransactionSyncPage) -> None:
        for event in page.events:
            if isinstance(event, upserts):
                mirror[event.transaction.id] = event.transaction
            elif isinstance(event, waycore.TransactionRemoved):
                mirror.pop(event.transaction_id, None)

    return apply


def bench_feed(server: ServerProcess, settings: Settings) -> list[Row]:
    """`TransactionFeed.run(apply)` over 10,000 events vs a raw httpx2 sync loop, in events/s."""
    url = server.base_url + "/transactions/sync"
    expected = feed()  # the events the server sends, and the mirror they leave
    with (
        waycore.Waycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        httpx2.Client(timeout=60.0) as raw,
        httpx2.Client(timeout=60.0) as twin,
    ):
        # Untimed: the stream head, which every run starts from.
        head = sdk.transactions.sync().next_cursor
        assert head and raw.get(url, headers=AUTH).json()["nextCursor"] == head
        key = sdk.transactions.feed(waycore.MemoryCursorStore()).key
        mirrors: dict[str, dict[str, Any]] = {}

        def sdk_run() -> waycore.FeedRunSummary:
            store = waycore.MemoryCursorStore()
            store.save(key, head)  # a saved cursor: the run follows, it does not bootstrap
            mirror: dict[str, waycore.Transaction] = {}
            mirrors["sdk"] = mirror
            return sdk.transactions.feed(store).run(_sdk_apply(mirror))

        def raw_runner(client: httpx2.Client, name: str) -> Callable[[], int]:
            def run() -> int:
                store = {key: head}  # the same work as the SDK's: load, apply, save per page
                mirror: dict[str, dict[str, Any]] = {}
                mirrors[name] = mirror
                pages = 0
                while True:
                    page = client.get(url, params={"cursor": store[key]}, headers=AUTH).json()
                    for event in page["events"]:
                        kind = event["type"]
                        if kind == "added" or kind == "modified":
                            txn = event["transaction"]
                            mirror[txn["id"]] = txn
                        elif kind == "removed":
                            txn_id = event.get("transactionId") or event["transaction"]["id"]
                            mirror.pop(txn_id, None)
                    pages += 1
                    if page["nextCursor"]:
                        store[key] = page["nextCursor"]
                    if not page["hasMore"]:
                        return pages

            return run

        summary = sdk_run()
        assert not summary.bootstrapped and summary.caught_up, summary
        assert summary.events == FEED_EVENTS, summary
        runs = {"sdk": sdk_run, "raw": raw_runner(raw, "raw"), "raw-aa": raw_runner(twin, "raw-aa")}
        assert runs["raw"]() == runs["raw-aa"]() == summary.pages
        for name in runs:
            assert mirrors[name].keys() == expected.live_ids, name
        n = settings.feed_runs
        elapsed = interleave_timed(
            {name: timed(run) for name, run in runs.items()},
            rounds=settings.rounds,
            per_round=n,
            chunks=n,
        )
    # Nanoseconds per run → events per second.
    samples = {
        name: [FEED_EVENTS / (ns / 1e9) for ns in values] for name, values in elapsed.items()
    }
    notes = {
        "runs_per_sample": n,
        "events_per_run": FEED_EVENTS,
        "pages_per_run": summary.pages,
        "events_per_page": FEED_DEFAULT_LIMIT,
        "event_mix": expected.counts,
        "mirror_size_after": len(expected.live_ids),
        "start": "head cursor saved in the store beforehand: follows, never bootstraps",
    }
    return [
        Result(
            name="feed",
            title=(
                f"TransactionFeed.run(apply) from a saved head cursor (follows, no bootstrap) over"
                f" {FEED_EVENTS:,} events, MemoryCursorStore, dict mirror vs raw httpx2 sync loop"
            ),
            unit="events/s",
            subject="sdk",
            baseline="raw httpx2",
            subject_samples=samples["sdk"],
            baseline_samples=samples["raw"],
            higher_is_better=True,
            notes=notes,
            group="feed",
            kind=REFERENCE,
        ),
        control("feed", "events/s", samples, notes=notes, higher_is_better=True),
    ]
