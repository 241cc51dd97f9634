"""The connections endpoints and the pure builders of their calls, shared by the sync and
async resources.

Each builder validates its arguments (raising `ValueError` naming the parameter, before
anything is sent) and returns a `Call`. Request bodies are built with the generated models, so
wire names come from the spec; arguments left as `None` are omitted, never sent as `null`.
"""

from __future__ import annotations

import functools
import uuid
from typing import TYPE_CHECKING, Any

from .. import _validation as check
from .._operation import Call, Operation, Retry

if TYPE_CHECKING:
    from waycore_raw.models.create_connection_request import CreateConnectionRequest
    from waycore_raw.models.update_credentials_request import UpdateCredentialsRequest

_ONE = "/connections/{connectionId}"

CREATE = Operation(
    "createConnection",
    "POST",
    "/connections",
    "connections.create",
    body=("entityId", "institutionId", "portalUrl"),
    retry=Retry.SAFE,  # create-or-return: repeating it returns the same connection
)
RETRIEVE = Operation("getConnection", "GET", _ONE, "connections.retrieve")
LIST = Operation(
    "listConnections",
    "GET",
    "/connections",
    "connections.list",
    query=("entityId", "institutionId", "status", "limit"),
)
UPDATE_CREDENTIALS = Operation(
    "updateConnectionCredentials",
    "PUT",
    f"{_ONE}/credentials",
    "connections.update_credentials",
    body=("bankUsername", "bankCustomerId", "password"),
)
COMPLETE_SETUP = Operation(
    "completeConnectionSetup", "PUT", f"{_ONE}/setupCompletion", "connections.complete_setup"
)
# A 409 on a retry means the sync a lost first attempt started is running: what was asked.
SYNC = Operation(
    "syncConnection", "PUT", f"{_ONE}/sync", "connections.sync", repeat_conflict_ok=True
)

OPERATIONS = (CREATE, RETRIEVE, LIST, UPDATE_CREDENTIALS, COMPLETE_SETUP, SYNC)


@functools.cache
def _generated() -> tuple[type[CreateConnectionRequest], type[UpdateCredentialsRequest], Any]:
    """The generated request models and their "omit" sentinel, loaded on first use.

    Not at `import waycore`: the generated package loads every model it has, and only
    create() and update_credentials() need two of them.
    """
    from waycore_raw.models.create_connection_request import CreateConnectionRequest
    from waycore_raw.models.update_credentials_request import UpdateCredentialsRequest
    from waycore_raw.types import UNSET

    return CreateConnectionRequest, UpdateCredentialsRequest, UNSET


def _or_unset(value: str | None, unset: Any) -> Any:
    # UNSET means "omit" to the generated models; it never leaves this module.
    return unset if value is None else value


def create(
    *, entity_id: str | uuid.UUID, institution_id: str | None, portal_url: str | None
) -> Call:
    entity = check.entity_uuid(entity_id)
    institution = check.optional_str(institution_id, "institution_id")
    portal = check.https_url(portal_url, "portal_url")
    if institution is None and portal is None:
        raise ValueError("create() needs institution_id or portal_url (or both)")
    request_model, _, unset = _generated()
    body = request_model(
        entity_id=entity,
        institution_id=_or_unset(institution, unset),
        portal_url=_or_unset(portal, unset),
    ).to_dict()
    return CREATE.call(json=body)


def retrieve(connection_id: str) -> Call:
    return RETRIEVE.call(check.connection_id_segment(connection_id))


def list_filters(
    *,
    entity_id: str | uuid.UUID | None,
    institution_id: str | None,
    status: str | None,
    limit: int | None,
) -> dict[str, str | int]:
    """The query every page repeats (a cursor is only valid for the same query)."""
    params: dict[str, str | int] = {}
    if entity_id is not None and entity_id != "":
        params["entityId"] = str(check.entity_uuid(entity_id))
    institution = check.optional_str(institution_id, "institution_id")
    if institution is not None:
        params["institutionId"] = institution
    status_value = check.status_filter(status)
    if status_value is not None:
        params["status"] = status_value
    limit_value = check.list_limit(limit)
    if limit_value is not None:
        params["limit"] = limit_value
    return params


def update_credentials(
    connection_id: str,
    *,
    bank_username: str | None,
    bank_customer_id: str | None,
    password: str | None,
) -> Call:
    segment = check.connection_id_segment(connection_id)
    username = check.optional_str(bank_username, "bank_username")
    customer_id = check.optional_str(bank_customer_id, "bank_customer_id")
    secret = check.optional_str(password, "password")
    if username is None and customer_id is None and secret is None:
        raise ValueError(
            "update_credentials() needs at least one of bank_username, bank_customer_id, password"
        )
    _, request_model, unset = _generated()
    body = request_model(
        bank_username=_or_unset(username, unset),
        bank_customer_id=_or_unset(customer_id, unset),
        password=_or_unset(secret, unset),
    ).to_dict()
    return UPDATE_CREDENTIALS.call(segment, json=body, secrets=(secret,) if secret else ())


def complete_setup(connection_id: str) -> Call:
    # The docs describe no request body: send none.
    return COMPLETE_SETUP.call(check.connection_id_segment(connection_id))


def sync(connection_id: str) -> Call:
    return SYNC.call(check.connection_id_segment(connection_id))
