"""Scenarios recorded into cassettes (`scripts/record-cassettes`) and replayed by
`test_cassettes.py`, for the sync and async clients alike.

A scenario is a generator of operations: `("create", kwargs)` calls that method of
`client.connections` (`("entities.create", kwargs)` names another resource) and sends back
its result, a list pager walked to a list (or throws its `WaycoreError` back in);
`("sandbox.<method>", kwargs)` drives the sandbox while recording and is skipped on replay,
where the cassette already holds what the sandbox answered. It returns a summary that the
sync and async replays must agree on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import vcr

import waycore

CASSETTES = Path(__file__).parent / "cassettes"
ENTITY = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
OTHER_ENTITY = "5f1e2d3c-4b5a-4968-8776-655443322110"
# Used while recording and replaying; scrubbed from every cassette at record time.
BANK_PASSWORD = "correct-horse-battery-staple"
REDACTED = "<REDACTED>"

Op = tuple[str, dict[str, Any]]
Steps = Generator[Op, Any, dict[str, Any]]


@dataclass(frozen=True)
class Scenario:
    name: str
    steps: Callable[[], Steps]
    api_key: str | None = None  # None: the sandbox's valid key
    drives_sandbox: bool = False  # uses sandbox.* controls, so it cannot run on the real API


def op(name: str, **kwargs: Any) -> Op:
    return name, kwargs


def _summary(conn: waycore.Connection | None) -> dict[str, Any]:
    if conn is None:
        return {"none": True}
    return {
        "type": type(conn).__name__,
        "id": conn.id,
        "kind": conn.kind,
        "status": str(getattr(conn, "status", "")),
    }


def _error(exc: waycore.APIStatusError) -> dict[str, Any]:
    return {"error": type(exc).__name__, "status": exc.status_code, "code": exc.code}


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
        return {"first": first, "second": _error(exc)}
    raise AssertionError("a sync while one runs must raise ConflictError")


def complete_setup_without_credentials() -> Steps:
    conn = yield op("create", entity_id=ENTITY, institution_id="chase")
    try:
        yield op("complete_setup", connection_id=conn.id)
    except waycore.ConflictError as exc:
        return _error(exc)
    raise AssertionError("completing setup before credentials must raise ConflictError")


def not_found() -> Steps:
    try:
        yield op("retrieve", connection_id="conn_does_not_exist")
    except waycore.NotFoundError as exc:
        assert exc.code == "not_found" and exc.request_id
        return _error(exc)
    raise AssertionError("an unknown id must raise NotFoundError")


def bad_api_key() -> Steps:
    try:
        yield op("retrieve", connection_id="conn_any")
    except waycore.AuthenticationError as exc:
        return _error(exc)
    raise AssertionError("a wrong key must raise AuthenticationError")


def _fault_then_error(status: int, expected: type[waycore.APIStatusError]) -> Callable[[], Steps]:
    def steps() -> Steps:
        yield op("sandbox.inject_fault", status=status, count=3)
        try:
            yield op("retrieve", connection_id="conn_any")
        except expected as exc:
            return _error(exc)
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
        Scenario(f"error_{status}", _fault_then_error(status, error), drives_sandbox=True)
        for status, error in [
            (400, waycore.BadRequestError),
            (403, waycore.PermissionDeniedError),
            (422, waycore.UnprocessableEntityError),
            (500, waycore.InternalServerError),
        ]
    ),
    Scenario("retry_after_503", retry_after_503, drives_sandbox=True),
    Scenario("rate_limited_then_ok", rate_limited_then_ok, drives_sandbox=True),
]


def _method(client: Any, name: str) -> Any:
    """`"create"` is `client.connections.create`; `"entities.create"` names the resource."""
    resource, _, method = name.rpartition(".")
    return getattr(getattr(client, resource or "connections"), method)


def run_sync(scenario: Scenario, client: waycore.Waycore, sandbox: Any = None) -> dict[str, Any]:
    """Drive a scenario with the sync client (`sandbox` only while recording)."""
    steps = scenario.steps()
    result: Any = None
    error: BaseException | None = None
    while True:
        try:
            name, kwargs = steps.send(result) if error is None else steps.throw(error)
        except StopIteration as done:
            summary: dict[str, Any] = done.value
            return summary
        result, error = None, None
        if name.startswith("sandbox."):
            if sandbox is not None:
                getattr(sandbox, name.removeprefix("sandbox."))(**kwargs)
            continue
        try:
            result = _method(client, name)(**kwargs)
            if isinstance(result, waycore.Pager):
                result = list(result)
        except waycore.WaycoreError as exc:
            error = exc


async def run_async(
    scenario: Scenario, client: waycore.AsyncWaycore, sandbox: Any = None
) -> dict[str, Any]:
    """Drive a scenario with the async client."""
    steps = scenario.steps()
    result: Any = None
    error: BaseException | None = None
    while True:
        try:
            name, kwargs = steps.send(result) if error is None else steps.throw(error)
        except StopIteration as done:
            summary: dict[str, Any] = done.value
            return summary
        result, error = None, None
        if name.startswith("sandbox."):
            if sandbox is not None:
                getattr(sandbox, name.removeprefix("sandbox."))(**kwargs)
            continue
        try:
            result = _method(client, name)(**kwargs)
            if isinstance(result, waycore.AsyncPager):
                result = [item async for item in result]
            else:
                result = await result
        except waycore.WaycoreError as exc:
            error = exc


_PASSWORD_FIELD = re.compile(r'("password"\s*:\s*)"(?:[^"\\]|\\.)*"')


def _scrub_body(body: bytes | str | None) -> bytes | str | None:
    if not body:
        return body
    text = body.decode() if isinstance(body, bytes) else body
    try:
        data = json.loads(text)
    except ValueError:
        scrubbed = _PASSWORD_FIELD.sub(rf'\1"{REDACTED}"', text)
    else:
        if isinstance(data, dict) and "password" in data:
            data["password"] = REDACTED
        scrubbed = json.dumps(data, separators=(",", ":"))
    return scrubbed.encode() if isinstance(body, bytes) else scrubbed


def _scrub_request(request: Any) -> Any:
    # vcrpy applies this both when recording and before matching on replay, so the live
    # request's password is replaced the same way and bodies still match.
    request.body = _scrub_body(request.body)
    return request


def make_vcr(record_mode: str, directory: Path = CASSETTES) -> vcr.VCR:
    """The one VCR configuration used to record and to replay."""
    return vcr.VCR(
        cassette_library_dir=str(directory),
        record_mode=record_mode,
        match_on=["method", "path", "query", "body"],
        filter_headers=[("authorization", f"Bearer {REDACTED}")],
        before_record_request=_scrub_request,
        decode_compressed_response=True,
    )
