"""Entities: the organization's default entity and the integrator's customers.

The default entity (:data:`DEFAULT_ENTITY_ID`, ``isDefaultOrgEntity: true``) exists from the
start and cannot be deleted. Deleting another entity deletes its connections and their data
(accounts, balances, transactions: the change feed reports each transaction ``removed``), and
answers 409 ``sync_in_progress`` while one of them is syncing. Connections may still name any
UUID as their ``entityId``: the API does not say it must be a known entity.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from . import _connections, _ledger
from ._common import ApiError, Reply, format_timestamp, json_reply, paginate, validation_error
from ._connections import ConnectionStore
from ._routes import ApiRequest, Resource, Stores

__all__ = ["DEFAULT_ENTITY_ID", "EntityStore", "resource"]

#: The id of the organization's default entity, the same in every sandbox.
DEFAULT_ENTITY_ID: Final = "00000000-0000-4000-8000-000000000001"
DEFAULT_EXTERNAL_ID: Final = "org_default"
MAX_CONTACT_EMAILS: Final = 100


@dataclass(eq=False)
class EntityRecord:
    """One entity."""

    seq: int
    id: str
    external_id: str
    name: str | None
    created_at: datetime
    updated_at: datetime
    metadata: dict[str, Any] = field(default_factory=dict)
    contact_emails: list[str] = field(default_factory=list)
    is_default: bool = False

    def to_json(self) -> dict[str, Any]:
        """The entity as the API returns it."""
        return {
            "entityId": self.id,
            "externalEntityId": self.external_id,
            "isDefaultOrgEntity": self.is_default,
            "createdAt": format_timestamp(self.created_at),
            "updatedAt": format_timestamp(self.updated_at),
            "name": self.name,
            "metadata": dict(self.metadata),
            "contactEmails": list(self.contact_emails),
        }


class EntityStore:
    """Every entity of one sandbox."""

    def __init__(self, *, clock: Callable[[], datetime]) -> None:
        """Only the default entity."""
        self._clock = clock
        self._entities: dict[str, EntityRecord] = {}
        self._next_seq = 1
        self._connections: ConnectionStore | None = None
        self._ledger: _ledger.Ledger | None = None
        self.reset()

    def attach(self, stores: Stores) -> None:
        """Find the connections (deleted with their entity) and the ledger (their data)."""
        self._connections = stores.get(_connections.resource)
        self._ledger = stores.get(_ledger.resource)

    def reset(self) -> None:
        """Forget every entity but the default one (created afresh)."""
        self._entities.clear()
        now = self._clock()
        self._add(
            EntityRecord(
                seq=0,
                id=DEFAULT_ENTITY_ID,
                external_id=DEFAULT_EXTERNAL_ID,
                name="Sandbox Organization",
                created_at=now,
                updated_at=now,
                is_default=True,
            )
        )

    def _add(self, record: EntityRecord) -> EntityRecord:
        record.seq = self._next_seq
        self._next_seq += 1
        self._entities[record.id] = record
        return record

    def get(self, entity_id: str) -> EntityRecord:
        """The entity; 404 ``not_found`` when there is none with this id."""
        record = self._entities.get(entity_id.lower())
        if record is None:
            raise ApiError(404, "not_found", "Entity not found.")
        return record

    def create(self, body: object) -> EntityRecord:
        """``POST /entities``; 409 ``entity_exists`` when the external id is taken."""
        if not isinstance(body, dict):
            raise validation_error("The request body must be a JSON object.")
        external_id = body.get("externalEntityId")
        if not isinstance(external_id, str) or not external_id:
            raise validation_error("externalEntityId is required and must be a non-empty string.")
        name = body.get("name")
        if name is not None and not isinstance(name, str):
            raise validation_error("name must be a string or null.")
        metadata = body.get("metadata", {})
        if not isinstance(metadata, dict):
            raise validation_error("metadata must be an object.")
        for record in self._entities.values():
            if record.external_id == external_id:
                raise ApiError(
                    409,
                    "entity_exists",
                    f"An entity with this externalEntityId exists: {record.id}.",
                )
        now = self._clock()
        return self._add(
            EntityRecord(
                seq=0,
                id=str(uuid.uuid4()),
                external_id=external_id,
                name=name,
                created_at=now,
                updated_at=now,
                metadata=dict(metadata),
            )
        )

    def list(self, query: Mapping[str, str], request_id: str) -> dict[str, Any]:
        """``GET /entities``: newest first, optionally one ``externalEntityId``."""
        external_id = query.get("externalEntityId")
        matching = (
            record
            for record in reversed(self._entities.values())
            if external_id is None or record.external_id == external_id
        )
        return paginate(
            matching,
            query=query,
            filters=(external_id,),
            key=lambda record: -record.seq,
            render=lambda record: record.to_json(),
            request_id=request_id,
        )

    def update(self, entity_id: str, body: object) -> EntityRecord:
        """``PATCH /entities/{id}``: replace ``contactEmails`` (deduplicated, order kept)."""
        record = self.get(entity_id)
        if not isinstance(body, dict):
            raise validation_error("The request body must be a JSON object.")
        if "contactEmails" not in body:
            return record
        emails = body["contactEmails"]
        if not isinstance(emails, list) or len(emails) > MAX_CONTACT_EMAILS:
            raise validation_error(
                f"contactEmails must be a list of at most {MAX_CONTACT_EMAILS} email addresses."
            )
        kept: dict[str, str] = {}
        for email in emails:
            if not isinstance(email, str) or "@" not in email.strip("@"):
                raise validation_error("Every contactEmails item must be an email address.")
            kept.setdefault(email.casefold(), email)
        if list(kept.values()) != record.contact_emails:
            record.contact_emails = list(kept.values())
            record.updated_at = max(self._clock(), record.created_at)
        return record

    def delete(self, entity_id: str) -> None:
        """``DELETE /entities/{id}``, with its connections and their data."""
        record = self.get(entity_id)
        if record.is_default:
            raise ApiError(
                409, "default_entity", "The organization's default entity cannot be deleted."
            )
        assert self._connections is not None and self._ledger is not None
        owned = [c for c in self._connections.records() if c.entity_id == record.id]
        if any(c.kind == "ready" and c.sync_status == "syncing" for c in owned):
            raise ApiError(
                409,
                "sync_in_progress",
                "A connection of this entity is syncing; delete it once the sync is over.",
            )
        for connection in owned:
            self._connections.remove(connection.id)
            self._ledger.forget_connection(connection.id)
        del self._entities[record.id]


# -- routes ---------------------------------------------------------------------------------

resource: Final = Resource("entities", lambda options: EntityStore(clock=options.clock))


@resource.route("POST", "/entities")
def _create(store: EntityStore, request: ApiRequest) -> Reply:
    return json_reply(201, store.create(request.json()).to_json())


@resource.route("GET", "/entities")
def _list(store: EntityStore, request: ApiRequest) -> Reply:
    return json_reply(200, store.list(request.query, request.request_id))


@resource.route("GET", "/entities/{entityId}")
def _retrieve(store: EntityStore, request: ApiRequest) -> Reply:
    return json_reply(200, store.get(request.params["entityId"]).to_json())


@resource.route("PATCH", "/entities/{entityId}")
def _update(store: EntityStore, request: ApiRequest) -> Reply:
    store.get(request.params["entityId"])  # 404 before looking at the body
    return json_reply(200, store.update(request.params["entityId"], request.json()).to_json())


@resource.route("DELETE", "/entities/{entityId}")
def _delete(store: EntityStore, request: ApiRequest) -> Reply:
    store.delete(request.params["entityId"])
    return Reply(204)
