"""What every scenario module shares: the `Scenario` record, `op`, fixed ids and summaries.

A scenario is a generator of operations. `op("create", ...)` calls that method of
`client.connections`; a dotted name walks from the client (`op("entities.create", ...)`,
`op("with_raw_response.transfers.create_internal", ...)`). The runner sends back the result
(a pager or a page iterator walked to a list) or throws the `WaycoreError` back in.
`op("sandbox.<control>", ...)` drives the sandbox while recording and is skipped on replay
(its result is never sent back: the cassette already holds what the sandbox answered). The
generator returns a summary the sync and async replays must agree on.

Everything a request carries must be the same on replay as when recorded (cassettes match
method, path, query and body): fixed literals, or values read from earlier responses (the
cassette replays those). Never `date.today()`, random values or the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

import waycore

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


def op(name: str, /, **kwargs: Any) -> Op:
    return name, kwargs


def error(exc: waycore.APIStatusError) -> dict[str, Any]:
    return {"error": type(exc).__name__, "status": exc.status_code, "code": exc.code}


def expect_error(
    expected: type[waycore.APIStatusError], name: str, /, **kwargs: Any
) -> Generator[Op, Any, dict[str, Any]]:
    """`yield from` it: run one call that must raise `expected`; its summary."""
    try:
        result = yield op(name, **kwargs)
    except expected as exc:
        assert exc.request_id, "every API error carries a request id"
        return error(exc)
    raise AssertionError(f"{name} must raise {expected.__name__}, returned {result!r}")


def active_connection(
    entity_id: str = ENTITY, institution_id: str = "chase"
) -> Generator[Op, Any, str]:
    """`yield from` it: a connection made `active` through the sandbox controls (so it has
    accounts, 30 days of balances and transactions); its id."""
    conn = yield op("create", entity_id=entity_id, institution_id=institution_id)
    yield op("sandbox.set_state", connection_id=conn.id, kind="ready", status="active")
    connection_id: str = conn.id
    return connection_id
