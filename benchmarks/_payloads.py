"""Canned request and response bodies shared by the server and the benchmarks.

Shapes follow the examples in ``openapi/waycore.yaml``. Every body is built once, as bytes.
"""

from __future__ import annotations

import datetime
import functools
import json
import random
import uuid
from dataclasses import dataclass
from typing import Any, Final

ENTITY_ID: Final = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
INSTITUTION_ID: Final = "chase"
CONNECTION_ID: Final = "conn_123"
API_KEY: Final = "way_bench_0123456789abcdef"
PAGE_SIZE: Final = 500
# The chain walked by the `list` benchmark.
DEFAULT_LIST_PAGES: Final = 10
# One list item in SETUP_EVERY is a setup connection, the others ready ones.
SETUP_EVERY: Final = 10

# What raw httpx2 posts: the same JSON body the SDK builds for create().
CREATE_PAYLOAD: Final[dict[str, str]] = {"entityId": ENTITY_ID, "institutionId": INSTITUTION_ID}


def _dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def ready_connection(conn_id: str = CONNECTION_ID) -> dict[str, Any]:
    return {
        "id": conn_id,
        "entityId": ENTITY_ID,
        "institutionId": INSTITUTION_ID,
        "status": "active",
        "syncStatus": "idle",
        "createdAt": "2023-11-07T05:31:56Z",
        "updatedAt": "2023-11-07T05:31:56Z",
        "kind": "ready",
        "portalUrl": "https://secure.chase.com/web/auth/dashboard",
        "institutionName": "Chase",
        "lastSyncedAt": "2023-11-07T05:31:56Z",
        "errorCode": None,
        "errorMessage": None,
        "metadata": {"team": "treasury"},
    }


def setup_connection(conn_id: str = CONNECTION_ID) -> dict[str, Any]:
    return {
        "id": conn_id,
        "entityId": ENTITY_ID,
        "institutionId": INSTITUTION_ID,
        "status": "draft",
        "createdAt": "2023-11-07T05:31:56Z",
        "updatedAt": "2023-11-07T05:31:56Z",
        "kind": "setup",
        "portalUrl": "https://secure.chase.com/web/auth/dashboard",
        "institutionName": "Chase",
        "metadata": {},
        "setup": {
            "status": "awaitingDelegatedUserCreation",
            "instructions": {
                "firstName": "Waycore",
                "lastName": "Delegate",
                "address": "123 Market St, San Francisco, CA 94105",
                "email": "acme.delegate@users.waycore.com",
                "username": "acme_waycore",
                "phoneNumber": "+14155550123",
                "emailProvisioningStatus": "pending",
                "phoneNumberProvisioningStatus": "pending",
            },
            "credentialsPresent": False,
            "actionRequiredBy": "endUser",
            "nextAction": "createDelegatedUser",
        },
    }


# POST /v1/connections answers with a new connection in onboarding (the usual case).
CREATE_BODY: Final = _dumps(setup_connection())
# GET /v1/connections/{id} answers with a live connection.
RETRIEVE_BODY: Final = _dumps(ready_connection())


# Peers (see `_peers.py`), each with its own documented example payload.
OPENAI_MODEL_ID: Final = "gpt-bench"
# GET /openai/v1/models/{id}: openai-python's `client.models.retrieve(id)`.
OPENAI_MODEL_BODY: Final = _dumps(
    {"id": OPENAI_MODEL_ID, "object": "model", "created": 1686935002, "owned_by": "openai"}
)
STRIPE_CUSTOMER_ID: Final = "cus_NffrFeUfNV2Hib"
STRIPE_API_KEY: Final = "sk_test_bench_0123456789abcdef"
# GET /stripe/v1/customers/{id}: stripe-python's `StripeClient.v1.customers.retrieve(id)`.
STRIPE_CUSTOMER_BODY: Final = _dumps(
    {
        "id": STRIPE_CUSTOMER_ID,
        "object": "customer",
        "address": None,
        "balance": 0,
        "created": 1680893993,
        "currency": None,
        "default_source": None,
        "delinquent": False,
        "description": None,
        "email": "jennyrosen@example.com",
        "invoice_prefix": "0759376C",
        "invoice_settings": {
            "custom_fields": None,
            "default_payment_method": None,
            "footer": None,
            "rendering_options": None,
        },
        "livemode": False,
        "metadata": {},
        "name": "Jenny Rosen",
        "next_invoice_sequence": 1,
        "phone": None,
        "preferred_locales": [],
        "shipping": None,
        "tax_exempt": "none",
        "test_clock": None,
    }
)


def _page_item(index: int) -> dict[str, Any]:
    conn_id = f"conn_{index:06d}"
    if index % SETUP_EVERY == SETUP_EVERY - 1:
        return setup_connection(conn_id)
    return ready_connection(conn_id)


# Every list page carries the same 500 items; only the pagination envelope differs.
PAGE_HEAD: Final = b'{"data":['
PAGE_ITEMS: Final = b",".join(_dumps(_page_item(i)) for i in range(PAGE_SIZE))


def cursor_for(index: int) -> str:
    """The cursor of the page at `index` (0-based); page 0 is fetched without one."""
    return f"c{index}"


def page_tail(index: int, pages: int) -> bytes:
    """The end of page `index` in a chain of `pages` pages (cursor to the next, or the end)."""
    has_more = index + 1 < pages
    pagination = {
        "hasMore": has_more,
        "nextCursor": cursor_for(index + 1) if has_more else None,
    }
    meta = {"requestId": f"req_page_{index}"}
    return b"]," + _dumps({"pagination": pagination, "meta": meta})[1:]


def page_body(index: int = 0, pages: int = DEFAULT_LIST_PAGES) -> bytes:
    """One whole list page as the server sends it."""
    return PAGE_HEAD + PAGE_ITEMS + page_tail(index, pages)


# --- Transactions (the `txlist` and `feed` benchmarks) ----------------------------------------
# Shapes follow `Transaction`, `TransactionList` and `TransactionSyncPage` in the spec. Built on
# first use (the other benchmarks pay nothing), deterministically (a fixed seed).

# The change feed the `feed` benchmark follows, and its page size: `feed()` sends no `limit`,
# so the API's default of 100 events a page applies (100 pages).
FEED_EVENTS: Final = 10_000
FEED_DEFAULT_LIMIT: Final = 100
FEED_MAX_LIMIT: Final = 500
SYNC_CURSOR_PREFIX: Final = "sync_cur_"

# (connectionId, accountId, currency): transactions of one currency land in its account.
_ACCOUNTS: Final = {
    "USD": (("conn_8f2d1c", "acct_usd_operating"), ("conn_8f2d1c", "acct_usd_payroll")),
    "EUR": (("conn_41b7e0", "acct_eur_operating"),),
    "GBP": (("conn_41b7e0", "acct_gbp_operating"),),
}
# One kind of transaction a line: description | rail | entryType | currency | cents from | to |
# category | subcategory | merchant (cards) or counterparty | mcc (cards) or BAI code; "-": none.
_TEMPLATE_TABLE: Final = """
AMAZON WEB SERVICES | card | debit | USD | 500 | 900000 | software | cloud | Amazon AWS | 5734
UBER   *TRIP | card | debit | USD | 700 | 12000 | travel | rideshare | Uber | 4121
DELTA AIR LINES | card | debit | USD | 15000 | 240000 | travel | airfare | Delta Air Lines | 3058
GUSTO PAYROLL | ach | debit | USD | 500000 | 9000000 | payroll | - | Gusto | 451
STRIPE TRANSFER | ach | credit | USD | 10000 | 5000000 | revenue | payouts | Stripe | 165
WEWORK MEMBERSHIP | ach | debit | USD | 250000 | 1500000 | rent | - | WeWork | 451
INCOMING WIRE | wire | credit | USD | 1000000 | 50000000 | revenue | - | Globex Corporation | 195
OUTGOING WIRE | wire | debit | USD | 500000 | 20000000 | vendors | - | Initech LLC | 495
INTERNAL TRANSFER | internalTransfer | credit | USD | 100000 | 10000000 | transfer | - | - | -
SEPA CREDIT TRANSFER | sepaCredit | credit | EUR | 5000 | 3000000 | revenue | - | Umbrella GmbH | -
SEPA DIRECT DEBIT | sepaDebit | debit | EUR | 1000 | 400000 | utilities | energy | Vattenfall | -
SWIFT MT103 | swift | credit | EUR | 2000000 | 80000000 | revenue | - | Soylent S.A. | -
FASTER PAYMENT | fasterPayments | debit | GBP | 2000 | 800000 | vendors | - | Hooli Ltd | -
"""
_Template = tuple[str, str, str, str, int, int, str, str | None, str | None, str | None]


def _templates() -> tuple[_Template, ...]:
    rows: list[_Template] = []
    for line in _TEMPLATE_TABLE.strip().splitlines():
        desc, rail, entry, currency, low, high, category, sub, party, code = (
            cell.strip() for cell in line.split("|")
        )
        sub_, party_, code_ = (None if cell == "-" else cell for cell in (sub, party, code))
        rows.append(
            (desc, rail, entry, currency, int(low), int(high), category, sub_, party_, code_)
        )
    return tuple(rows)


_TEMPLATES: Final = _templates()


def _money(cents: int, entry_type: str) -> str:
    sign = "-" if entry_type == "debit" else ""
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def _timestamp(rng: random.Random, day: datetime.date, after_hours: int = 0) -> str:
    moment = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)
    moment += datetime.timedelta(seconds=rng.randrange(86_400) + after_hours * 3600)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    # A quarter carry milliseconds, as some banks' timestamps do.
    return f"{text}.{rng.randrange(1000):03d}Z" if rng.random() < 0.25 else text + "Z"


def _optional(txn: dict[str, Any], rng: random.Random, key: str, value: str | None) -> None:
    """An optional string: the value, or (when there is none) `null` or no key at all."""
    if value is not None or rng.random() < 0.5:
        txn[key] = value


def transaction(rng: random.Random, *, pending: bool | None = None) -> dict[str, Any]:
    """One realistic transaction as the API sends it (varied by `rng`)."""
    desc, rail, entry, currency, low, high, category, sub, party, code = rng.choice(_TEMPLATES)
    conn_id, acct_id = rng.choice(_ACCOUNTS[currency])
    if pending is None:
        pending = rng.random() < 0.12
    day = datetime.date(2023, 10, 1) + datetime.timedelta(days=rng.randrange(38))
    cents = rng.randint(low, high)
    reference = f"{rail.upper()[:4]}-{day:%Y%m%d}-{rng.randrange(10**6):06d}"
    txn: dict[str, Any] = {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "connectionId": conn_id,
        "accountId": acct_id,
        "status": "pending" if pending else "posted",
        "postedDate": None if pending else day.isoformat(),
        "updatedAt": _timestamp(rng, day, after_hours=24),
        "amount": _money(cents, entry),
        "currency": currency,
        "entryType": entry,
        "description": desc,
        "rail": rail,
    }
    card = rail == "card"
    _optional(txn, rng, "rawDescription", f"{desc} {reference} {conn_id[-4:].upper()}")
    _optional(txn, rng, "paymentReference", None if card else reference)
    _optional(txn, rng, "bankReference", f"{day:%y%m%d}{rng.randrange(10**9):09d}")
    _optional(txn, rng, "baiCode", None if card else code)
    _optional(txn, rng, "category", category)
    _optional(txn, rng, "subcategory", sub)
    _optional(txn, rng, "mcc", code if card else None)
    _optional(txn, rng, "merchantName", party if card else None)
    _optional(txn, rng, "counterpartyName", None if card else party)
    masked = None if card or party is None else f"****{rng.randrange(10**4):04d}"
    _optional(txn, rng, "counterpartyAccountMasked", masked)
    return txn


@functools.cache
def transaction_page_items() -> tuple[bytes, ...]:
    """The items of each `GET /v1/transactions` page (`DEFAULT_LIST_PAGES` × `PAGE_SIZE`
    distinct transactions), each page's items joined by commas."""
    rng = random.Random(9)
    return tuple(
        b",".join(_dumps(transaction(rng)) for _ in range(PAGE_SIZE))
        for _ in range(DEFAULT_LIST_PAGES)
    )


def transaction_page_body(index: int) -> bytes:
    """Transactions page `index` of the `DEFAULT_LIST_PAGES` chain, as the server sends it."""
    return PAGE_HEAD + transaction_page_items()[index] + page_tail(index, DEFAULT_LIST_PAGES)


def _modified(rng: random.Random, txn: dict[str, Any]) -> dict[str, Any]:
    """The transaction after a change: pending → posted, else an enriched category."""
    changed = dict(txn)
    updated = datetime.date.fromisoformat(txn["updatedAt"][:10])
    if txn["status"] == "pending":
        changed.update(status="posted", postedDate=updated.isoformat())
    else:
        changed.update(category=rng.choice(("software", "travel", "vendors", "office")))
    changed["updatedAt"] = _timestamp(rng, updated + datetime.timedelta(days=1))
    return changed


@dataclass(frozen=True)
class Feed:
    """The change feed: each event's JSON, and what a mirror holds after applying them all."""

    events: tuple[bytes, ...]
    live_ids: frozenset[str]
    counts: dict[str, int]


@functools.cache
def feed() -> Feed:
    """`FEED_EVENTS` events, about 60% added, 30% modified and 10% removed (of transactions
    added earlier; a removed event carries only `transactionId`)."""
    rng = random.Random(10)
    live: dict[str, dict[str, Any]] = {}
    order: list[str] = []  # the ids in `live`, to pick one at random
    events: list[bytes] = []
    counts = dict.fromkeys(("added", "modified", "removed"), 0)
    start = datetime.datetime(2023, 11, 7, 6, 0, tzinfo=datetime.UTC)
    for index in range(FEED_EVENTS):
        roll = rng.random()
        kind = "added" if roll < 0.6 or len(order) < 10 else "modified" if roll < 0.9 else "removed"
        event: dict[str, Any] = {
            "type": kind,
            "eventId": f"evt_txn_{index:06d}",
            "eventAt": f"{start + datetime.timedelta(seconds=7 * index):%Y-%m-%dT%H:%M:%SZ}",
        }
        if kind == "added":
            txn = transaction(rng, pending=rng.random() < 0.3)
            live[txn["id"]] = txn
            order.append(txn["id"])
            event["transaction"] = txn
        else:
            at = rng.randrange(len(order))
            txn_id = order[at]
            if kind == "modified":
                live[txn_id] = event["transaction"] = _modified(rng, live[txn_id])
            else:
                order[at] = order[-1]
                order.pop()
                del live[txn_id]
                event["transactionId"] = txn_id
        counts[kind] += 1
        events.append(_dumps(event))
    return Feed(tuple(events), frozenset(live), counts)


def sync_cursor(offset: int) -> str:
    """The cursor after `offset` events of the feed (`offset` 0: the head)."""
    return f"{SYNC_CURSOR_PREFIX}{offset}"


def sync_page_body(offset: int | None, limit: int) -> bytes:
    """`GET /v1/transactions/sync`: without a cursor (`offset` None) the head, no events;
    else up to `limit` events from `offset`, `hasMore` until the feed's last event is sent."""
    events = feed().events
    if offset is None:
        start = end = 0
        has_more = False
    else:
        start = min(offset, len(events))
        end = min(start + limit, len(events))
        has_more = end < len(events)
    meta = {"requestId": f"req_sync_{start}_{end}"}
    tail = {"nextCursor": sync_cursor(end), "hasMore": has_more, "meta": meta}
    return b'{"events":[' + b",".join(events[start:end]) + b"]," + _dumps(tail)[1:]
