"""Canned request and response bodies shared by the server and the benchmarks.

Shapes follow the examples in ``openapi/waycore.yaml``. Every body is built once, as bytes.
"""

from __future__ import annotations

import json
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
