"""Connections: their state machine and their routes. No sockets, no threads, no timers.

Every transition is driven by a request (or by the test-control API), never by the wall
clock, so a test that replays the same calls always sees the same states. The store is not
thread-safe on its own: the app holds its lock around every call into it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final, Literal

from ._catalog import CATALOG, normalize_portal_url, portal_slug
from ._common import (
    UNSET,
    ApiError,
    Reply,
    Unset,
    is_uuid,
    json_reply,
    new_id,
    paginate,
    utcnow,
    validation_error,
)
from ._connection_record import ConnectionRecord, delegate_instructions
from ._routes import ApiRequest, Resource

__all__ = ["CONNECTION_STATUSES", "ConnectionRecord", "ConnectionStore", "resource"]

CONNECTION_STATUSES: Final = (
    "draft",
    "pendingActivation",
    "active",
    "reauthRequired",
    "errored",
    "paused",
    "revoked",
)


ConnectionListener = Callable[[str, "ConnectionRecord", "str | None"], None]
"""``listener(event, record, previous_status)``, called under the app's lock when a connection
changes: ``"status_changed"`` (with the previous status) or ``"sync_completed"``."""


class ConnectionStore:
    """All connections of one sandbox, and every state transition the API allows.

    Other stores follow connections through ``listeners`` (accounts appear when a connection
    becomes active; a finished sync changes transactions; webhooks are delivered).
    """

    def __init__(
        self, *, activation_polls: int = 1, clock: Callable[[], datetime] = utcnow
    ) -> None:
        """``activation_polls``: reads that still see ``pendingActivation`` after completion."""
        if activation_polls < 0:
            raise ValueError("activation_polls must be >= 0")
        self.activation_polls = activation_polls
        self._clock = clock
        self._connections: dict[str, ConnectionRecord] = {}
        # Never reset, so a cursor from before reset() cannot point into the new data.
        self._next_seq = 1
        self.listeners: list[ConnectionListener] = []

    def _set_status(self, record: ConnectionRecord, status: str) -> None:
        previous = record.status
        record.status = status
        if previous != status:
            for listener in list(self.listeners):
                listener("status_changed", record, previous)

    # -- test control ---------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every connection."""
        self._connections.clear()

    def __contains__(self, connection_id: object) -> bool:
        """Whether a connection with this id exists."""
        return connection_id in self._connections

    def records(self) -> list[ConnectionRecord]:
        """Every connection, oldest first (a new list; the records themselves are live)."""
        return list(self._connections.values())

    def remove(self, connection_id: str) -> ConnectionRecord:
        """Forget one connection (its entity was deleted); ``KeyError`` when unknown."""
        return self._connections.pop(connection_id)

    def peek(self, connection_id: str) -> dict[str, Any]:
        """Render a connection without counting as a GET."""
        return self._get_record(connection_id).to_json()

    def set_state(
        self,
        connection_id: str,
        *,
        status: str | None = None,
        kind: Literal["setup", "ready"] | None = None,
        sync_status: str | None = None,
        error_code: str | Unset | None = UNSET,
        error_message: str | Unset | None = UNSET,
        last_synced_at: datetime | Unset | None = UNSET,
        metadata: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Force a connection into a state; see :meth:`waycore.testing.Sandbox.set_state`."""
        record = self._get_record(connection_id)
        if kind is not None:
            if kind == "ready":
                self._make_ready(record)
            elif kind == "setup":
                if record.kind != "setup":
                    raise ValueError("a ready connection cannot go back to kind='setup'")
            else:
                raise ValueError(f"kind must be 'setup' or 'ready', not {kind!r}")
        if sync_status is not None:
            if record.kind != "ready":
                raise ValueError("only kind='ready' connections have a syncStatus")
            record.sync_status = sync_status
            record.sync_countdown = None
        if not isinstance(error_code, Unset):
            record.error_code = error_code
        if not isinstance(error_message, Unset):
            record.error_message = error_message
        if not isinstance(last_synced_at, Unset):
            if last_synced_at is not None and last_synced_at.tzinfo is None:
                raise ValueError("last_synced_at must be timezone-aware")
            record.last_synced_at = last_synced_at
        if metadata is not None:
            record.metadata = dict(metadata)
        if status is not None:
            # Last, so listeners (webhook events) see the error fields set in the same call.
            self._set_status(record, status)
            record.activation_countdown = None
        self._touch(record)
        return record.to_json()

    # -- API operations -------------------------------------------------------------------

    def create(self, body: object) -> tuple[int, dict[str, Any]]:
        """``POST /connections``: (201, new connection) or (200, the existing one)."""
        if not isinstance(body, dict):
            raise validation_error("The request body must be a JSON object.")
        entity_id = body.get("entityId")
        if not isinstance(entity_id, str) or not is_uuid(entity_id):
            raise validation_error("entityId is required and must be a UUID string.")
        entity_id = entity_id.lower()

        institution_id: str | None = None
        if "institutionId" in body:
            raw_institution = body["institutionId"]
            if not isinstance(raw_institution, str) or not raw_institution:
                raise validation_error("institutionId must be a non-empty string.")
            institution_id = raw_institution

        portal_url: str | None = None
        raw_portal = body.get("portalUrl")
        if raw_portal is not None:
            if not isinstance(raw_portal, str):
                raise validation_error("portalUrl must be a string or null.")
            portal_url = normalize_portal_url(raw_portal)
            if portal_url is None:
                raise validation_error("portalUrl must be an absolute https URL.")

        if institution_id is None and portal_url is None:
            raise validation_error("Either institutionId or portalUrl is required.")

        for record in self._connections.values():
            if record.entity_id != entity_id:
                continue
            if institution_id is not None:
                if not record.created_from_portal and record.institution_id == institution_id:
                    return 200, record.to_json()
            elif record.created_from_portal and record.portal_url == portal_url:
                return 200, record.to_json()

        catalog_entry = CATALOG.get(institution_id) if institution_id is not None else None
        if portal_url is None and catalog_entry is not None:
            portal_url = catalog_entry.portal_url
        connection_id = new_id("conn")
        now = self._clock()
        record = ConnectionRecord(
            seq=self._next_seq,
            id=connection_id,
            entity_id=entity_id,
            institution_id=institution_id,
            portal_url=portal_url,
            institution_name=catalog_entry.name if catalog_entry is not None else None,
            created_from_portal=institution_id is None,
            created_at=now,
            updated_at=now,
            instructions=delegate_instructions(connection_id),
        )
        self._next_seq += 1
        self._connections[connection_id] = record
        return 201, record.to_json()

    def list(self, query: Mapping[str, str], request_id: str) -> dict[str, Any]:
        """``GET /connections``: one page, newest first (as the spec says)."""
        status = query.get("status")
        if status is not None and status not in CONNECTION_STATUSES:
            raise ApiError(
                400, "invalid_parameter", "status must be one of " + ", ".join(CONNECTION_STATUSES)
            )
        entity_id = query.get("entityId")
        if entity_id is not None:
            if not is_uuid(entity_id):
                raise ApiError(400, "invalid_parameter", "entityId must be a UUID.")
            entity_id = entity_id.lower()
        institution_id = query.get("institutionId")
        matching = (
            record
            for record in reversed(self._connections.values())
            if (status is None or record.status == status)
            and (institution_id is None or record.institution_id == institution_id)
            and (entity_id is None or record.entity_id == entity_id)
        )
        return paginate(
            matching,
            query=query,
            filters=(status, institution_id, entity_id),
            key=lambda record: -record.seq,
            render=self._observe,
            request_id=request_id,
        )

    def retrieve(self, connection_id: str) -> dict[str, Any]:
        """``GET /connections/{id}``; a read advances pending activations and syncs."""
        return self._observe(self._get_record(connection_id))

    def update_credentials(self, connection_id: str, body: object) -> dict[str, Any]:
        """``PUT /connections/{id}/credentials``: store them; a ready connection is unchanged."""
        record = self._get_record(connection_id)
        if not isinstance(body, dict):
            raise validation_error("The request body must be a JSON object.")
        updates: dict[str, str | None] = {}
        for name in ("bankUsername", "bankCustomerId", "password"):
            if name in body:
                value = body[name]
                if value is not None and not isinstance(value, str):
                    raise validation_error(f"{name} must be a string or null.")
                updates[name] = value
        # A field left out keeps its value; an explicit null clears it.
        if "bankUsername" in updates:
            record.bank_username = updates["bankUsername"]
        if "bankCustomerId" in updates:
            record.bank_customer_id = updates["bankCustomerId"]
        if "password" in updates:
            record.password = updates["password"]
        if record.kind == "setup" and updates:
            record.next_action = (
                "completeSetup" if record.credentials_present else "createDelegatedUser"
            )
            self._touch(record)
        return record.to_json()

    def complete_setup(self, connection_id: str) -> dict[str, Any]:
        """``PUT /connections/{id}/setupCompletion``: ready, ``pendingActivation``."""
        record = self._get_record(connection_id)
        if record.kind == "ready":
            return record.to_json()
        if not record.credentials_present:
            raise ApiError(
                409, "credentials_missing", "Provide the bank credentials before completing setup."
            )
        self._make_ready(record)
        self._set_status(record, "pendingActivation")
        record.activation_countdown = self.activation_polls
        self._touch(record)
        rendered = record.to_json()
        self._advance(record)
        return rendered

    def sync(self, connection_id: str) -> None:
        """``PUT /connections/{id}/sync``: start a sync that ends after the next read."""
        record = self._get_record(connection_id)
        if record.kind != "ready" or record.status != "active":
            raise ApiError(
                409, "connection_not_ready", "Only active, ready connections can be synced."
            )
        if record.sync_status == "syncing":
            raise ApiError(409, "sync_in_progress", "A sync is already running.")
        record.sync_status = "syncing"
        record.sync_countdown = 1
        self._touch(record)

    # -- internals ------------------------------------------------------------------------

    def _get_record(self, connection_id: str) -> ConnectionRecord:
        record = self._connections.get(connection_id)
        if record is None:
            raise ApiError(404, "not_found", "Connection not found.")
        return record

    def _touch(self, record: ConnectionRecord) -> None:
        record.updated_at = max(self._clock(), record.created_at)

    def _make_ready(self, record: ConnectionRecord) -> None:
        if record.kind == "ready":
            return
        record.kind = "ready"
        if record.institution_id is None:
            # ReadyConnection requires an institution id; the sandbox "matches" the portal.
            record.institution_id = portal_slug(record.portal_url or "")
        record.sync_status = "idle"
        record.last_synced_at = None
        record.error_code = None
        record.error_message = None

    def _observe(self, record: ConnectionRecord) -> dict[str, Any]:
        # Render first, then advance: the read that uses up a countdown still sees the old
        # state, and the change is visible to every later request.
        rendered = record.to_json()
        for attribute in ("activation_countdown", "sync_countdown"):
            countdown = getattr(record, attribute)
            if countdown is not None and countdown > 0:
                setattr(record, attribute, countdown - 1)
        self._advance(record)
        return rendered

    def _advance(self, record: ConnectionRecord) -> None:
        if record.activation_countdown == 0:
            record.activation_countdown = None
            if record.status == "pendingActivation":
                self._set_status(record, "active")
                self._touch(record)
        if record.sync_countdown == 0:
            record.sync_countdown = None
            if record.sync_status == "syncing":
                record.sync_status = "idle"
                record.last_synced_at = self._clock()
                self._touch(record)
                for listener in list(self.listeners):
                    listener("sync_completed", record, None)


# -- routes ---------------------------------------------------------------------------------

resource: Final = Resource(
    "connections",
    lambda options: ConnectionStore(activation_polls=options.activation_polls, clock=options.clock),
)


@resource.route("POST", "/connections")
def _create(store: ConnectionStore, request: ApiRequest) -> Reply:
    status, connection = store.create(request.json())
    return json_reply(status, connection)


@resource.route("GET", "/connections")
def _list(store: ConnectionStore, request: ApiRequest) -> Reply:
    return json_reply(200, store.list(request.query, request.request_id))


@resource.route("GET", "/connections/{connectionId}")
def _retrieve(store: ConnectionStore, request: ApiRequest) -> Reply:
    return json_reply(200, store.retrieve(request.params["connectionId"]))


@resource.route("PUT", "/connections/{connectionId}/credentials")
def _update_credentials(store: ConnectionStore, request: ApiRequest) -> Reply:
    body = request.json()
    return json_reply(200, store.update_credentials(request.params["connectionId"], body))


@resource.route("PUT", "/connections/{connectionId}/setupCompletion")
def _complete_setup(store: ConnectionStore, request: ApiRequest) -> Reply:
    return json_reply(200, store.complete_setup(request.params["connectionId"]))


@resource.route("PUT", "/connections/{connectionId}/sync")
def _sync(store: ConnectionStore, request: ApiRequest) -> Reply:
    store.sync(request.params["connectionId"])
    return Reply(202)
