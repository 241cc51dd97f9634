"""The Waycore API as documented, written down independently of openapi/waycore.yaml.

Every list here is copied from the API reference notes (shared/waycore-api.md and
shared/waycore-api-resources.md, read off https://docs.waycore.com), NOT from the spec:
tests/test_spec.py compares the spec against these facts, so a drift in either direction
fails a test. Change a fact only when the documentation changes.

Field facts are ``(type, nullable, format)`` triples: ``type`` is the JSON type (``"ref"``
for a nested schema), ``nullable`` says whether ``null`` is allowed, ``format`` is the JSON
Schema format or ``None``.
"""

from __future__ import annotations

from typing import Final

BASE_URL: Final = "https://api.waycore.com/v1"

# Authorization: Bearer <api key> on every request.
SECURITY_SCHEME: Final = {"type": "http", "scheme": "bearer"}

# (method, path under the base URL): the connections resource.
CONNECTION_OPERATIONS: Final = {
    ("post", "/connections"),
    ("get", "/connections"),
    ("get", "/connections/{connectionId}"),
    ("put", "/connections/{connectionId}/credentials"),
    ("put", "/connections/{connectionId}/setupCompletion"),
    ("put", "/connections/{connectionId}/sync"),
}
# The other resources (waycore-api-resources.md §2-§8; the endpoints named only in guides
# included: list/delete entity, institutions, balances, list/delete/test webhook).
RESOURCE_OPERATIONS: Final = {
    ("post", "/entities"),
    ("get", "/entities"),
    ("get", "/entities/{entityId}"),
    ("patch", "/entities/{entityId}"),
    ("delete", "/entities/{entityId}"),
    ("get", "/institutions"),
    ("get", "/institutions/{institutionId}"),
    ("get", "/accounts"),
    ("get", "/accounts/{accountId}"),
    ("get", "/balances"),
    ("get", "/transactions"),
    ("get", "/transactions/{transactionId}"),
    ("get", "/transactions/sync"),
    ("post", "/transfers"),
    ("post", "/transfers/{transferId}/retry"),
    ("get", "/transfers"),
    ("get", "/transfers/{transferId}"),
    ("post", "/webhooks"),
    ("get", "/webhooks"),
    ("get", "/webhooks/{webhookId}"),
    ("patch", "/webhooks/{webhookId}"),
    ("delete", "/webhooks/{webhookId}"),
    ("post", "/webhooks/{webhookId}/test"),
}
OPERATIONS: Final = CONNECTION_OPERATIONS | RESOURCE_OPERATIONS

# "a new connection may come back as 200 or 201 — accept both"
CREATE_SUCCESS_STATUSES: Final = {"200", "201"}
# sync: "202 when queued; 409 if one is already running"
SYNC_SUCCESS_STATUS: Final = "202"
SYNC_CONFLICT_STATUS: Final = "409"
# get one: "404 with code not_found if missing or not visible"
GET_NOT_FOUND_STATUS: Final = "404"

CONNECTION_STATUS: Final = [
    "draft",
    "pendingActivation",
    "active",
    "reauthRequired",
    "errored",
    "paused",
    "revoked",
]
SYNC_STATUS: Final = ["idle", "syncing"]

# POST /v1/connections request body.
CREATE_REQUEST_FIELDS: Final = {
    "entityId": ("string", False, "uuid"),
    "institutionId": ("string", False, None),
    "portalUrl": ("string", True, None),
}
# institutionId is optional in the model (portalUrl alone is allowed for uncatalogued banks).
CREATE_REQUEST_REQUIRED: Final = {"entityId"}

# PUT .../credentials body: "all optional string-or-null".
CREDENTIALS_REQUEST_FIELDS: Final = {
    "bankUsername": ("string", True, None),
    "bankCustomerId": ("string", True, None),
    "password": ("string", True, None),
}

# kind = "ready": the doc's table, field by field.
READY_FIELDS: Final = {
    "id": ("string", False, None),
    "entityId": ("string", False, None),
    "institutionId": ("string", False, None),
    "status": ("ref", False, None),
    "syncStatus": ("ref", False, None),
    "createdAt": ("string", False, "date-time"),
    "updatedAt": ("string", False, "date-time"),
    "kind": ("string", False, None),
    "portalUrl": ("string", True, None),
    "institutionName": ("string", True, None),
    "lastSyncedAt": ("string", True, "date-time"),
    "errorCode": ("string", True, None),
    "errorMessage": ("string", True, None),
    "metadata": ("object", False, None),
}
READY_REQUIRED: Final = {
    "id",
    "entityId",
    "institutionId",
    "status",
    "syncStatus",
    "createdAt",
    "updatedAt",
}

# kind = "setup": "same id, entityId, status, createdAt, updatedAt, portalUrl,
# institutionName, metadata; institutionId is string-or-null here; no syncStatus,
# lastSyncedAt, errorCode, errorMessage. Plus a setup object."
SETUP_FIELDS: Final = {
    "id": ("string", False, None),
    "entityId": ("string", False, None),
    "institutionId": ("string", True, None),
    "status": ("ref", False, None),
    "createdAt": ("string", False, "date-time"),
    "updatedAt": ("string", False, "date-time"),
    "kind": ("string", False, None),
    "portalUrl": ("string", True, None),
    "institutionName": ("string", True, None),
    "metadata": ("object", False, None),
    "setup": ("ref", False, None),
}
# The ready-only fields the doc says a setup connection does not have.
READY_ONLY_FIELDS: Final = {"syncStatus", "lastSyncedAt", "errorCode", "errorMessage"}
# A setup connection is always identified by its kind and always carries its setup object
# (the shared fields are required as on the ready shape).
SETUP_REQUIRED_AT_LEAST: Final = {"id", "entityId", "status", "createdAt", "updatedAt", "kind"}

# The setup object. Values of status / actionRequiredBy / nextAction are only examples:
# "full enum unknown — keep open".
CONNECTION_SETUP_FIELDS: Final = {
    "status": ("string", False, None),
    "instructions": ("ref", False, None),
    "credentialsPresent": ("boolean", False, None),
    "actionRequiredBy": ("string", False, None),
    "nextAction": ("string", False, None),
}
CONNECTION_SETUP_OPEN_STRINGS: Final = {"status", "actionRequiredBy", "nextAction"}

# "Strings may be null while provisioning".
SETUP_INSTRUCTIONS_FIELDS: Final = {
    name: ("string", True, None)
    for name in (
        "firstName",
        "lastName",
        "address",
        "email",
        "username",
        "phoneNumber",
        "emailProvisioningStatus",
        "phoneNumberProvisioningStatus",
    )
}

# GET /v1/connections query parameters.
LIST_QUERY_PARAMS: Final = {"cursor", "limit", "status", "institutionId", "entityId"}
LIST_LIMIT_MIN: Final = 1
LIST_LIMIT_MAX: Final = 500
LIST_LIMIT_DEFAULT: Final = 100

# {"data": [...], "pagination": {"hasMore": bool, "nextCursor": string|null},
#  "meta": {"requestId": string}}
LIST_ENVELOPE_FIELDS: Final = {"data", "pagination", "meta"}
PAGINATION_FIELDS: Final = {
    "hasMore": ("boolean", False, None),
    "nextCursor": ("string", True, None),
}
RESPONSE_META_FIELDS: Final = {"requestId": ("string", False, None)}

# Error bodies "all occur in the wild" and must be accepted by the (lenient) Error schema.
ERROR_BODIES_IN_THE_WILD: Final = [
    {"error": {"code": "not_found", "message": "Connection not found.", "requestId": "req_1"}},
    {"code": "invalid_cursor", "message": "The cursor is invalid."},
    {"detail": "Not Found"},
    {"detail": [{"loc": ["query", "limit"], "msg": "too large"}]},
    "Bad Gateway",
    [],
    None,
]


# ---- the other resources (waycore-api-resources.md) ------------------------------------------

# Signed decimal strings (Current/Newest pattern; accounts' balances, transaction amount).
DECIMAL_PATTERN: Final = r"^(?!^[-+.]*$)[+-]?0*\d*\.?\d*$"
# Legacy transaction amount pattern: NOT the one to use (contradiction #5).
LEGACY_AMOUNT_PATTERN: Final = r"^-?\d+(?:\.\d{1,18})?$"
CURRENCY_PATTERN: Final = "^[A-Z0-9]{3,12}$"

# Lists: (method, path) -> (envelope schema, item schema). The envelope is the common one
# ({data, pagination, meta}); where it was never shown, "use the same envelope but keep meta
# optional".
LISTS: Final = {
    ("get", "/connections"): ("ConnectionList", "ConnectionResource"),
    ("get", "/entities"): ("EntityList", "Entity"),
    ("get", "/institutions"): ("InstitutionList", "Institution"),
    ("get", "/accounts"): ("AccountList", "Account"),
    ("get", "/balances"): ("BalanceList", "Balance"),
    ("get", "/transactions"): ("TransactionList", "Transaction"),
    ("get", "/transfers"): ("TransferList", "Transfer"),
    ("get", "/webhooks"): ("WebhookList", "Webhook"),
}
# Query parameters of every list (api-surface.md fixes the wire names).
LIST_QUERY: Final = {
    ("get", "/connections"): LIST_QUERY_PARAMS,
    ("get", "/entities"): {"externalEntityId", "limit", "cursor"},
    ("get", "/institutions"): {"query", "limit", "cursor"},
    ("get", "/accounts"): {"connectionId", "type", "currency", "status", "limit", "cursor"},
    ("get", "/balances"): {
        "entityId",
        "connectionId",
        "accountId",
        "dateGte",
        "dateLt",
        "limit",
        "cursor",
    },
    ("get", "/transactions"): {
        "accountId",
        "connectionId",
        "status",
        "rail",
        "postedDateGte",
        "postedDateLt",
        "sort",
        "limit",
        "cursor",
    },
    ("get", "/transactions/sync"): {"cursor", "limit", "accountId", "connectionId"},
    ("get", "/transfers"): {"accountId", "limit", "cursor"},
    ("get", "/webhooks"): {"limit", "cursor"},
}
# limit "1 <= x <= 500", default 100, is printed on these pages only; the others say only
# "cursor-paginated" (or nothing), so their default is left undocumented.
LIMIT_DEFAULT_DOCUMENTED: Final = {
    ("get", "/connections"),
    ("get", "/accounts"),
    ("get", "/transactions"),
    ("get", "/transactions/sync"),
    ("get", "/transfers"),
}
# Filters whose values are dates without time.
DATE_QUERY_PARAMS: Final = {
    ("get", "/balances"): {"dateGte", "dateLt"},
    ("get", "/transactions"): {"postedDateGte", "postedDateLt"},
}

# Path parameters: name -> JSON Schema format ("entityId string<uuid>"; the others plain
# strings: accounts "uuid format is not shown", transactions "do not enforce it").
PATH_PARAM_FORMATS: Final = {
    "connectionId": None,
    "entityId": "uuid",
    "institutionId": None,
    "accountId": None,
    "transactionId": None,
    "transferId": None,
    "webhookId": None,
}

# Single-object reads and writes: (method, path) -> response schema (2xx with a body).
SINGLE_OBJECT_RESPONSES: Final = {
    ("post", "/entities"): "Entity",
    ("get", "/entities/{entityId}"): "Entity",
    ("patch", "/entities/{entityId}"): "Entity",
    ("get", "/institutions/{institutionId}"): "Institution",
    ("get", "/accounts/{accountId}"): "Account",
    ("get", "/transactions/{transactionId}"): "Transaction",
    ("get", "/transactions/sync"): "TransactionSyncPage",
    ("post", "/transfers"): "Transfer",
    ("post", "/transfers/{transferId}/retry"): "Transfer",
    ("get", "/transfers/{transferId}"): "Transfer",
    ("post", "/webhooks"): "CreateWebhookResponse",
    ("get", "/webhooks/{webhookId}"): "Webhook",
    ("patch", "/webhooks/{webhookId}"): "Webhook",
}
# "Success code and body unknown": no 2xx may promise a body.
NO_BODY_OPERATIONS: Final = {
    ("delete", "/entities/{entityId}"),
    ("delete", "/webhooks/{webhookId}"),
    ("post", "/webhooks/{webhookId}/test"),
}
# Statuses the docs name.
DOCUMENTED_STATUSES: Final = {
    ("delete", "/entities/{entityId}"): {"409"},  # while a connection syncs
    ("get", "/accounts/{accountId}"): {"200", "404"},  # 404 not_found
    ("post", "/transfers"): {"202", "409"},  # guide: 202 Accepted; reused key -> 409
}

# -- entities (§2) --
ENTITY_FIELDS: Final = {
    "entityId": ("string", False, None),
    "externalEntityId": ("string", False, None),
    "isDefaultOrgEntity": ("boolean", False, None),
    "createdAt": ("string", False, "date-time"),
    "updatedAt": ("string", False, "date-time"),
    "name": ("string", True, None),
    "metadata": ("object", False, None),
    # "model it as an optional array of string"
    "contactEmails": ("array", False, None),
}
ENTITY_REQUIRED: Final = {
    "entityId",
    "externalEntityId",
    "isDefaultOrgEntity",
    "createdAt",
    "updatedAt",
}
CREATE_ENTITY_REQUEST_FIELDS: Final = {
    "externalEntityId": ("string", False, None),
    "name": ("string", True, None),
    "metadata": ("object", False, None),
}
CREATE_ENTITY_REQUEST_REQUIRED: Final = {"externalEntityId"}
EXTERNAL_ENTITY_ID_MIN_LENGTH: Final = 1
# Field name inferred (matches the response field); whether it is required is not visible.
UPDATE_ENTITY_REQUEST_FIELDS: Final = {"contactEmails": ("array", False, None)}
UPDATE_ENTITY_REQUEST_REQUIRED: Final = set()
CONTACT_EMAILS_MAX_ITEMS: Final = 100

# -- institutions (§3): only institutionId and name can be modelled; portal URLs unnamed --
INSTITUTION_FIELDS: Final = {
    "institutionId": ("string", False, None),
    "name": ("string", False, None),
}
INSTITUTION_REQUIRED: Final = set()

# -- accounts (§4) --
ACCOUNT_TYPE: Final = [
    "checking",
    "savings",
    "moneyMarket",
    "creditCard",
    "loan",
    "investment",
    "wallet",
    "other",
    "unknown",
]
ACCOUNT_STATUS: Final = ["open", "closed", "unknown"]
ACCOUNT_FIELDS: Final = {
    "id": ("string", False, None),
    "connectionId": ("string", False, None),
    "type": ("ref", False, None),
    "currency": ("string", False, None),
    "name": ("string", False, None),
    "status": ("ref", False, None),
    "createdAt": ("string", False, "date-time"),
    "updatedAt": ("string", False, "date-time"),
    "officialName": ("string", True, None),
    "maskedNumber": ("string", True, None),
    "accountNumber": ("string", True, None),
    "routingNumber": ("string", True, None),
    "swiftBic": ("string", True, None),
    "currentBalance": ("string", True, "decimal"),
    "availableBalance": ("string", True, "decimal"),
    "balanceAsOf": ("string", True, "date-time"),
    "metadata": ("object", False, None),
}
ACCOUNT_REQUIRED: Final = {
    "id",
    "connectionId",
    "type",
    "currency",
    "name",
    "status",
    "createdAt",
    "updatedAt",
}

# -- balances (§5): no reference page; types, requiredness and nullability undocumented --
BALANCE_SOURCE: Final = ["bankProvided", "derived"]
BALANCE_FIELDS: Final = {
    "accountId": ("string", False, None),
    "connectionId": ("string", False, None),
    "entityId": ("string", False, None),
    "date": ("string", False, "date"),
    "ledgerBalance": ("string", True, "decimal"),
    "postedTransactionDelta": ("string", True, "decimal"),
    "source": ("ref", False, None),
    "updatedAt": ("string", False, "date-time"),
}
BALANCE_REQUIRED: Final = set()

# -- transactions (§6) --
TRANSACTION_STATUS: Final = ["pending", "posted", "reversed", "cancelled", "unknown"]
ENTRY_TYPE: Final = ["credit", "debit"]
# "begins internalTransfer, card, ach, sepaCredit, sepaDebit, wire, swift, fasterPayments, c…":
# truncated; only the values actually shown are listed.
TRANSACTION_RAIL_SHOWN: Final = [
    "internalTransfer",
    "card",
    "ach",
    "sepaCredit",
    "sepaDebit",
    "wire",
    "swift",
    "fasterPayments",
]
TRANSACTION_SORT: Final = ["postedDate", "-postedDate", "updatedAt", "-updatedAt"]
TRANSACTION_SORT_DEFAULT: Final = "-postedDate"
# Optional strings: "nullable: not shown", so null is accepted.
TRANSACTION_OPTIONAL_STRINGS: Final = (
    "rawDescription",
    "paymentReference",
    "customerReference",
    "bankReference",
    "baiCode",
    "category",
    "subcategory",
    "mcc",
    "merchantName",
    "counterpartyName",
    "counterpartyAccountMasked",
)
TRANSACTION_FIELDS: Final = {
    "id": ("string", False, None),
    "connectionId": ("string", False, None),
    "accountId": ("string", False, None),
    "status": ("ref", False, None),
    "postedDate": ("string", True, "date"),
    "updatedAt": ("string", False, "date-time"),
    "amount": ("string", False, "decimal"),
    "currency": ("string", False, None),
    "entryType": ("ref", False, None),
    "description": ("string", False, None),
    "rail": ("ref", False, None),
    **{name: ("string", True, None) for name in TRANSACTION_OPTIONAL_STRINGS},
}
TRANSACTION_REQUIRED: Final = {
    "id",
    "connectionId",
    "accountId",
    "status",
    "postedDate",
    "updatedAt",
    "amount",
    "currency",
    "entryType",
    "description",
    "rail",
}
# The change feed: {events, nextCursor, hasMore, meta}, no pagination wrapper.
SYNC_PAGE_FIELDS: Final = {
    "events": ("array", False, None),
    "nextCursor": ("string", True, None),
    "hasMore": ("boolean", False, None),
    "meta": ("ref", False, None),
}
SYNC_EVENT_SCHEMAS: Final = {
    "added": "TransactionAdded",
    "modified": "TransactionModified",
    "removed": "TransactionRemoved",
}
# eventId / eventAt: Current and Newest only (absent in Legacy), so optional.
SYNC_EVENT_COMMON_FIELDS: Final = {
    "type": ("string", False, None),
    "eventId": ("string", False, None),
    "eventAt": ("string", False, "date-time"),
}

# -- transfers (§7) --
IDEMPOTENCY_KEY_MIN_LENGTH: Final = 1
IDEMPOTENCY_KEY_MAX_LENGTH: Final = 255
IDEMPOTENCY_KEY_PATTERN: Final = r"^\S(?:.*\S)?$"
IDEMPOTENT_OPERATIONS: Final = {
    ("post", "/transfers"),
    ("post", "/transfers/{transferId}/retry"),
}
TRANSFER_TYPE: Final = ["internal", "ach", "wire", "swift", "fednow", "rtp", "sepa", "local"]
TRANSFER_STATUS: Final = [
    "queued",
    "executing",
    "pending_bank_approval",
    "completed",
    "failed",
    "returned",
    "cancelled",
    "unknown",
]
TRANSFER_DIRECTION: Final = ["internal", "external"]
MONEY_FIELDS: Final = {
    "type": ("string", False, None),
    "value": ("string", False, "decimal"),
    "currency": ("string", False, None),
}
INTERNAL_TRANSFER_REQUEST_FIELDS: Final = {
    "type": ("string", False, None),
    "amount": ("ref", False, None),
    "sourceAccountId": ("string", False, None),
    "destination": ("ref", False, None),
    "transferType": ("string", False, None),
    "clientReference": ("string", False, None),
    "executionDate": ("string", False, "date"),
    "memo": ("string", False, None),
    "skipPreflight": ("boolean", False, None),
}
# "(Inferred) the first six are required, including clientReference."
INTERNAL_TRANSFER_REQUEST_REQUIRED: Final = {
    "type",
    "amount",
    "sourceAccountId",
    "destination",
    "transferType",
    "clientReference",
}
CLIENT_REFERENCE_LENGTH: Final = (1, 140)
MEMO_MAX_LENGTH: Final = 500
INTERNAL_DESTINATION_FIELDS: Final = {
    "type": ("string", False, None),
    "accountId": ("string", False, None),
}
# The Newest Transfer object; requiredness "inferred from Mintlify's required-first ordering";
# status, direction (type) and transferType: "present in the spec but tolerate their absence".
TRANSFER_FIELDS: Final = {
    "id": ("string", False, None),
    "status": ("ref", False, None),
    "type": ("ref", False, None),
    "requestedAmount": ("ref", False, None),
    "executedAmount": ("ref", False, None),
    "sourceAccountId": ("string", False, None),
    "destination": ("object", False, None),
    "transferType": ("ref", False, None),
    "clientReference": ("string", False, None),
    "executionDate": ("string", True, "date"),
    "memo": ("string", False, None),
    "failureReason": ("ref", False, None),
    "createdAt": ("string", False, "date-time"),
    "updatedAt": ("string", False, "date-time"),
}
TRANSFER_REQUIRED: Final = {
    "id",
    "requestedAmount",
    "sourceAccountId",
    "destination",
    "clientReference",
    "createdAt",
    "updatedAt",
}
FAILURE_REASON_FIELDS: Final = {"message": ("string", False, None)}
# Legacy-only fields the GET pages' description must name (contradiction #7).
LEGACY_TRANSFER_FIELDS: Final = {"batchId", "rail", "pendingBankApproval", "counterparty"}

# -- webhooks (§8) --
WEBHOOK_EVENT_TYPES: Final = [
    "connection.status_changed",
    "account.created",
    "account.updated",
    "transactions.sync_available",
    "transfer.status_changed",
    "test",
]
WEBHOOK_URL_MAX_LENGTH: Final = 2048
WEBHOOK_URL_PATTERN: Final = "^https://.+"
WEBHOOK_FIELDS: Final = {
    "id": ("string", False, None),
    "url": ("string", False, "uri"),
    "events": ("array", False, None),
    "secret": ("string", False, None),
    "active": ("boolean", False, None),
    "createdAt": ("string", False, "date-time"),
    "updatedAt": ("string", False, "date-time"),
    "metadata": ("object", False, None),
}
WEBHOOK_REQUIRED: Final = {"id", "url", "events", "secret", "active", "createdAt", "updatedAt"}
CREATE_WEBHOOK_REQUEST_FIELDS: Final = {
    "url": ("string", False, "uri"),
    "events": ("array", False, None),
    "metadata": ("object", False, None),
}
CREATE_WEBHOOK_REQUEST_REQUIRED: Final = {"url", "events"}
# Legacy types every field "| null"; Current: omit to leave unchanged, metadata null clears.
UPDATE_WEBHOOK_REQUEST_FIELDS: Final = {
    "url": ("string", True, "uri"),
    "events": ("array", True, None),
    "active": ("boolean", True, None),
    "metadata": ("object", True, None),
}
CREATE_WEBHOOK_RESPONSE_FIELDS: Final = {
    "webhook": ("ref", False, None),
    "meta": ("ref", False, None),
}
WEBHOOK_ENVELOPE_FIELDS: Final = {
    "id": ("string", False, None),
    "type": ("ref", False, None),
    "createdAt": ("string", False, "date-time"),
    "data": ("object", False, None),
}
WEBHOOK_ENVELOPE_REQUIRED: Final = {"id", "type", "createdAt", "data"}
# The events whose payload is documented (an example or a guide sentence), with their schemas.
WEBHOOK_EVENT_SCHEMAS: Final = {
    "connection.status_changed": "ConnectionStatusChangedEvent",
    "transactions.sync_available": "TransactionsSyncAvailableEvent",
    "test": "WebhookTestEvent",
}
# {"connectionId", "previousStatus", "status", "errorCode", "errorMessage"}: types not expanded.
CONNECTION_STATUS_CHANGED_DATA_FIELDS: Final = {
    "connectionId": ("string", False, None),
    "previousStatus": ("ref", False, None),
    "status": ("ref", False, None),
    "errorCode": ("string", True, None),
    "errorMessage": ("string", True, None),
}
# "accountId is currently null"; connectionId inferred.
TRANSACTIONS_SYNC_AVAILABLE_DATA_FIELDS: Final = {
    "connectionId": ("string", False, None),
    "accountId": ("string", True, None),
}
# The request header of every delivery: t=<unix>,v1=<hex>.
SIGNATURE_HEADER: Final = "Waycore-Signature"
