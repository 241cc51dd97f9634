"""Scenarios recorded into cassettes (`scripts/record-cassettes`) and replayed by
`test_cassettes.py`, for the sync and async clients alike, with the one VCR configuration
both use (and its scrubbers).

The scenarios live in `tests/scenarios/`, one module per resource (`scenarios._base` says
what a scenario is); this module collects them and runs them.
"""

from __future__ import annotations

import json
import re
import types
from pathlib import Path
from typing import Any

import vcr
from scenarios import (
    accounts,
    balances,
    connections,
    entities,
    institutions,
    transactions,
    transfers,
    webhooks,
)
from scenarios._base import BANK_PASSWORD, ENTITY, OTHER_ENTITY, REDACTED, Op, Scenario, Steps, op

import waycore

__all__ = [
    "BANK_PASSWORD",
    "CASSETTES",
    "ENTITY",
    "OTHER_ENTITY",
    "REDACTED",
    "SCENARIOS",
    "Op",
    "Scenario",
    "Steps",
    "make_vcr",
    "op",
    "run_async",
    "run_sync",
]

CASSETTES = Path(__file__).parent / "cassettes"

SCENARIOS: list[Scenario] = [
    *connections.SCENARIOS,
    *entities.SCENARIOS,
    *institutions.SCENARIOS,
    *accounts.SCENARIOS,
    *balances.SCENARIOS,
    *transactions.SCENARIOS,
    *transfers.SCENARIOS,
    *webhooks.SCENARIOS,
]
assert len({s.name for s in SCENARIOS}) == len(SCENARIOS), "scenario names name cassettes"


def _method(client: Any, name: str) -> Any:
    """`"create"` is `client.connections.create`; a dotted name is walked from the client
    (`"entities.create"`, `"with_raw_response.transfers.create_internal"`)."""
    target = client
    for part in name.split(".") if "." in name else ["connections", name]:
        target = getattr(target, part)
    return target


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
            if isinstance(result, waycore.Pager | types.GeneratorType):  # sync_pages: a generator
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
            if isinstance(result, waycore.AsyncPager | types.AsyncGeneratorType):
                result = [item async for item in result]
            else:
                result = await result
        except waycore.WaycoreError as exc:
            error = exc


# -- scrubbing: applied before anything is written ---------------------------------------

#: Body fields whose values are secrets wherever they appear: the bank password sent with
#: credentials, the webhook signing secret `POST /webhooks` returns once. A masked secret
#: (`"****...abcd"`, what later reads return) is not one and is kept.
_SECRET_FIELDS = frozenset({"password", "secret"})
_API_KEY = re.compile(r"way_(?:live|test)_[A-Za-z0-9_\-]+")
_FIELD = re.compile(r'("(?:password|secret)"\s*:\s*)"(?:[^"\\]|\\.)*"')
_LOOPBACK = re.compile(r"^http://(?:127\.0\.0\.1|localhost|\[::1\]):\d+(?=/)")
#: Where loopback recordings say they went: the sandbox (its port changes every run).
SANDBOX_ORIGIN = "http://sandbox.localhost"


def _scrub_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: REDACTED
            if key in _SECRET_FIELDS and isinstance(item, str) and not item.startswith("*")
            else _scrub_value(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_scrub_value(item) for item in value]
    if isinstance(value, str):
        return _API_KEY.sub(REDACTED, value)
    return value


def _scrub_text(text: str) -> str:
    """`text` with every secret replaced; unchanged (byte for byte) when it holds none."""
    try:
        data = json.loads(text)
    except ValueError:
        return _API_KEY.sub(REDACTED, _FIELD.sub(rf'\1"{REDACTED}"', text))
    scrubbed = _scrub_value(data)
    return text if scrubbed == data else json.dumps(scrubbed, separators=(",", ":"))


def _scrub_body(body: bytes | str | None) -> bytes | str | None:
    if not body:
        return body
    try:
        text = body.decode() if isinstance(body, bytes) else body
    except UnicodeDecodeError:
        return body
    scrubbed = _scrub_text(text)
    return scrubbed.encode() if isinstance(body, bytes) else scrubbed


def _scrub_request(request: Any) -> Any:
    # vcrpy applies this when recording and, before matching, to every replayed request
    # too, so a live request's secrets are replaced the same way and bodies still match.
    request.body = _scrub_body(request.body)
    origin = _LOOPBACK.match(request.uri)
    if origin is not None:
        request.uri = SANDBOX_ORIGIN + request.uri[origin.end() :]
        for name in [n for n in request.headers if n.lower() == "host"]:
            request.headers[name] = SANDBOX_ORIGIN.removeprefix("http://")
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    body = response["body"]["string"]
    scrubbed = _scrub_body(body)
    if scrubbed is not body and scrubbed != body:
        response["body"]["string"] = scrubbed
        for name in response["headers"]:
            if name.lower() == "content-length":
                size = len(scrubbed.encode() if isinstance(scrubbed, str) else scrubbed or b"")
                response["headers"][name] = [str(size)]
    return response


def make_vcr(record_mode: str, directory: Path = CASSETTES) -> vcr.VCR:
    """The one VCR configuration used to record and to replay."""
    return vcr.VCR(
        cassette_library_dir=str(directory),
        record_mode=record_mode,
        match_on=["method", "path", "query", "body"],
        filter_headers=[("authorization", f"Bearer {REDACTED}")],
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )
