"""The Waycore API as documented, written down independently of openapi/waycore.yaml.

Every list here is copied from the API reference notes (shared/waycore-api.md, read off
https://docs.waycore.com), NOT from the spec: tests/test_spec.py compares the spec against
these facts, so a drift in either direction fails a test. Change a fact only when the
documentation changes.

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
OPERATIONS: Final = {
    ("post", "/connections"),
    ("get", "/connections"),
    ("get", "/connections/{connectionId}"),
    ("put", "/connections/{connectionId}/credentials"),
    ("put", "/connections/{connectionId}/setupCompletion"),
    ("put", "/connections/{connectionId}/sync"),
}

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
