"""Scenarios of `client.connections` (the first resource), and the HTTP-level ones: retries,
Retry-After, error mapping and a wrong API key, all shown on connection calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import waycore

from ._base import BANK_PASSWORD, ENTITY, OTHER_ENTITY, Scenario, Steps, error, op


def _summary(conn: waycore.Connection | None) -> dict[str, Any]:
    if conn is None:
        return {"none": True}
    return {
        "type": type(conn).__name__,
        "id": conn.id,
        "kind": conn.kind,
        "status": str(getattr(conn, "status", "")),
    }


def create_by_institution() -> Steps:
    conn = yield op("create", entity_id=ENTITY, institution_id="chase")
    assert isinstance(conn, waycore.SetupConnection)
    assert conn.setup.instructions is not None and conn.setup.instructions.email
    assert conn.institution_id == "chase"
    return _summary(conn)


def create_by_portal_url() -> Steps:
    conn = yield op("create", entity_id=ENTITY, portal_url="https://secure.examplebank.com/login")
    assert isinstance(conn, waycore.SetupConnection)
    assert conn.institution_id is None
    return _summary(conn)


def create_returns_existing() -> Steps:
    first = yield op("create", entity_id=ENTITY, institution_id="chase")
    again = yield op("create", entity_id=ENTITY, institution_id="chase")
    assert again.id == first.id
    return {"first": _summary(first), "again": _summary(again)}


def onboarding_to_ready() -> Steps:
    conn = yield op("create", entity_id=ENTITY, institution_id="chase")
    updated = yield op(
        "update_credentials", connection_id=conn.id, bank_username="acme", password=BANK_PASSWORD
    )
    assert isinstance(updated, waycore.SetupConnection) and updated.setup.credentials_present
    completed = yield op("complete_setup", connection_id=conn.id)
    fetched = yield op("retrieve", connection_id=conn.id)
    assert fetched.status == "pendingActivation"
    ready = yield op("wait_until_ready", connection_id=conn.id, timeout=30, poll_interval=0.05)
    assert isinstance(ready, waycore.ReadyConnection) and ready.status == "active"
    return {
        "updated": _summary(updated),
        "completed": _summary(completed),
        "fetched": _summary(fetched),
        "ready": _summary(ready),
    }


def list_pages() -> Steps:
    for institution in ("chase", "bofa", "wells_fargo", "svb"):
        yield op("create", entity_id=OTHER_ENTITY, institution_id=institution)
    yield op("create", entity_id=OTHER_ENTITY, portal_url="https://bank.example.com/login")
    listed = yield op("list", entity_id=OTHER_ENTITY, limit=2)
    assert len(listed) == 5 and len({c.id for c in listed}) == 5
    return {"ids": [c.id for c in listed]}


def sync_and_conflict() -> Steps:
    conn = yield op("create", entity_id=ENTITY, institution_id="chase")
    yield op("sandbox.set_state", connection_id=conn.id, kind="ready", status="active")
    first = yield op("sync", connection_id=conn.id)
    assert first is None
    try:
        yield op("sync", connection_id=conn.id)
    except waycore.ConflictError as exc:
        return {"first": first, "second": error(exc)}
    raise AssertionError("a sync while one runs must raise ConflictError")


def complete_setup_without_credentials() -> Steps:
    conn = yield op("create", entity_id=ENTITY, institution_id="chase")
    try:
        yield op("complete_setup", connection_id=conn.id)
    except waycore.ConflictError as exc:
        return error(exc)
    raise AssertionError("completing setup before credentials must raise ConflictError")


def not_found() -> Steps:
    try:
        yield op("retrieve", connection_id="conn_does_not_exist")
    except waycore.NotFoundError as exc:
        assert exc.code == "not_found" and exc.request_id
        return error(exc)
    raise AssertionError("an unknown id must raise NotFoundError")


def bad_api_key() -> Steps:
    try:
        yield op("retrieve", connection_id="conn_any")
    except waycore.AuthenticationError as exc:
        return error(exc)
    raise AssertionError("a wrong key must raise AuthenticationError")


def _fault_then_error(status: int, expected: type[waycore.APIStatusError]) -> Callable[[], Steps]:
    def steps() -> Steps:
        yield op("sandbox.inject_fault", status=status, count=3)
        try:
            yield op("retrieve", connection_id="conn_any")
        except expected as exc:
            return error(exc)
        raise AssertionError(f"status {status} must raise {expected.__name__}")

    return steps


def retry_after_503() -> Steps:
    yield op("sandbox.inject_fault", status=503, retry_after="0", count=1)
    conn = yield op("create", entity_id=ENTITY, institution_id="chase")
    return _summary(conn)


def rate_limited_then_ok() -> Steps:
    yield op("sandbox.inject_fault", status=429, retry_after="0", count=2)
    conn = yield op("create", entity_id=ENTITY, institution_id="bofa")
    return _summary(conn)


SCENARIOS = [
    Scenario("create_by_institution", create_by_institution),
    Scenario("create_by_portal_url", create_by_portal_url),
    Scenario("create_returns_existing", create_returns_existing),
    Scenario("onboarding_to_ready", onboarding_to_ready),
    Scenario("list_pages", list_pages),
    Scenario("sync_and_conflict", sync_and_conflict, drives_sandbox=True),
    Scenario("complete_setup_without_credentials", complete_setup_without_credentials),
    Scenario("not_found", not_found),
    Scenario("bad_api_key", bad_api_key, api_key="way_test_not_a_real_key"),
    *(
        Scenario(f"error_{status}", _fault_then_error(status, expected), drives_sandbox=True)
        for status, expected in [
            (400, waycore.BadRequestError),
            (403, waycore.PermissionDeniedError),
            (422, waycore.UnprocessableEntityError),
            (500, waycore.InternalServerError),
        ]
    ),
    Scenario("retry_after_503", retry_after_503, drives_sandbox=True),
    Scenario("rate_limited_then_ok", rate_limited_then_ok, drives_sandbox=True),
]
