"""Scenarios of `client.entities`: create, retrieve, list (by page and by external id),
update the contact emails, delete, and the errors of a taken external id and a deleted entity."""

from __future__ import annotations

from typing import Any

import waycore

from ._base import Scenario, Steps, expect_error, op


def _entity(entity: waycore.Entity) -> dict[str, Any]:
    return {
        "id": entity.entity_id,
        "external_id": entity.external_entity_id,
        "name": entity.name,
        "default": entity.is_default_org_entity,
        "contact_emails": entity.contact_emails,
        "metadata": entity.metadata,
    }


def entities_lifecycle() -> Steps:
    created = yield op(
        "entities.create", external_entity_id="cust_1042", name="Acme Corp", metadata={"tier": "a"}
    )
    other = yield op("entities.create", external_entity_id="cust_1043", name="Globex")
    taken = yield from expect_error(
        waycore.ConflictError, "entities.create", external_entity_id="cust_1042"
    )
    fetched = yield op("entities.retrieve", entity_id=created.entity_id)
    assert fetched.entity_id == created.entity_id
    # The default entity and the two new ones, two per page: the pager walks two pages.
    everyone = yield op("entities.list", limit=2)
    assert len(everyone) == 3 and sum(e.is_default_org_entity for e in everyone) == 1
    by_external_id = yield op("entities.list", external_entity_id="cust_1043")
    assert [e.entity_id for e in by_external_id] == [other.entity_id]
    updated = yield op(
        "entities.update",
        entity_id=created.entity_id,
        contact_emails=["treasury@acme.example", "cfo@acme.example"],
    )
    deleted = yield op("entities.delete", entity_id=created.entity_id)
    assert deleted is None
    gone = yield from expect_error(
        waycore.NotFoundError, "entities.retrieve", entity_id=created.entity_id
    )
    remaining = yield op("entities.list")
    return {
        "created": _entity(created),
        "taken": taken,
        "listed": [e.external_entity_id for e in everyone],
        "by_external_id": [_entity(e) for e in by_external_id],
        "updated": _entity(updated),
        "deleted": gone,
        "remaining": [e.external_entity_id for e in remaining],
    }


SCENARIOS = [Scenario("entities_lifecycle", entities_lifecycle)]
