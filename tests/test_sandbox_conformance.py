"""Every sandbox response conforms to openapi/waycore.yaml.

Two independent checks: schemathesis fuzzes every operation (positive and negative inputs)
and validates status, content type, headers and body against the spec; and a deterministic
walk through the whole lifecycle validates each response with jsonschema against the spec's
own schemas. A last group proves that validator rejects broken payloads, so a passing walk
means something.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
import requests
import schemathesis
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_schema_validator import OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from waycore.testing import Sandbox
from waycore.testing._registry import RESOURCES

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "waycore.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SPEC_URI = "urn:waycore:openapi"
REGISTRY: Registry[Any] = Registry().with_resource(
    SPEC_URI, Resource.from_contents(SPEC, default_specification=DRAFT202012)
)
SCHEMAS = SPEC["components"]["schemas"]

# The spec's Error schema accepts any JSON on purpose (other servers vary); the sandbox
# promises the one shape the SDK parses first, so that is checked as well.
SANDBOX_ERROR_SHAPE: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "additionalProperties": False,
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "requestId"],
            "additionalProperties": False,
            "properties": {
                "code": {"type": "string", "pattern": "^[a-z_]+$"},
                "message": {"type": "string", "minLength": 1},
                "requestId": {"type": "string", "pattern": "^req_[0-9a-f]+$"},
            },
        }
    },
}


def spec_validator(ref: str) -> OAS31Validator:
    """A validator for ``#/components/...`` of the spec, with formats checked."""
    assert ref.startswith("#/"), ref
    return OAS31Validator(
        {"$ref": SPEC_URI + ref},
        registry=REGISTRY,
        format_checker=OAS31Validator.FORMAT_CHECKER,
    )


CONNECTION = spec_validator("#/components/schemas/ConnectionResource")
CONNECTION_LIST = spec_validator("#/components/schemas/ConnectionList")


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def assert_conforms(response: httpx2.Response, method: str, template: str) -> Any:
    """Fail unless ``response`` is one the spec documents for ``method template``.

    Returns the parsed body (or None for an empty one).
    """
    responses = SPEC["paths"][template][method.lower()]["responses"]
    status = str(response.status_code)
    assert status in responses, f"{method} {template}: undocumented status {status}"
    assert response.headers["x-request-id"].startswith("req_")
    declared = _resolve(responses[status])
    for name, header in declared.get("headers", {}).items():
        if name in response.headers:
            assert _resolve(header["schema"])["type"] == "string"
    content = declared.get("content")
    if content is None:
        assert response.content == b"", f"{status} documents no body"
        assert "content-type" not in response.headers
        return None
    media_type = response.headers["content-type"].split(";")[0].strip()
    assert media_type in content, f"{status}: content type {media_type} not documented"
    body = response.json()
    schema_ref = content[media_type]["schema"]["$ref"]
    errors = [e.message for e in spec_validator(schema_ref).iter_errors(body)]
    assert not errors, f"{method} {template} {status}: {errors}"
    if response.status_code >= 400:
        shape_errors = [e.message for e in OAS31Validator(SANDBOX_ERROR_SHAPE).iter_errors(body)]
        assert not shape_errors, shape_errors
        assert body["error"]["requestId"] == response.headers["x-request-id"]
    return body


def assert_exact_fields(connection: dict[str, Any]) -> None:
    """Every property of the connection's shape is present, and nothing else."""
    shape = "ReadyConnection" if connection.get("kind", "ready") == "ready" else "SetupConnection"
    assert set(connection) == set(SCHEMAS[shape]["properties"]), shape
    if shape == "SetupConnection":
        setup = connection["setup"]
        assert set(setup) == set(SCHEMAS["ConnectionSetup"]["properties"])
        assert set(setup["instructions"]) == set(SCHEMAS["SetupInstructions"]["properties"])


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sb:
        yield sb


def client_for(sandbox: Sandbox, **headers: str) -> httpx2.Client:
    return httpx2.Client(
        base_url=sandbox.base_url,
        headers=headers or {"Authorization": f"Bearer {sandbox.api_key}"},
        trust_env=False,
        timeout=5.0,
    )


# -- schemathesis --------------------------------------------------------------------------

ST_SCHEMA = schemathesis.openapi.from_path(SPEC_PATH)
OPERATIONS = {result.ok().label: result.ok() for result in ST_SCHEMA.get_all_operations()}
# What the sandbox routes; the spec may document more while resources are being added.
SERVED = {f"{route.method} {route.pattern}" for res in RESOURCES for route in res.routes}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def test_schemathesis_sees_every_operation() -> None:
    connections = {
        "POST /connections",
        "GET /connections",
        "GET /connections/{connectionId}",
        "PUT /connections/{connectionId}/credentials",
        "PUT /connections/{connectionId}/setupCompletion",
        "PUT /connections/{connectionId}/sync",
    }
    assert connections <= set(OPERATIONS)
    assert connections <= SERVED
    # Every route the sandbox serves is an operation of the spec (same path template).
    assert set(OPERATIONS) >= SERVED, SERVED - set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
@pytest.mark.parametrize("label", sorted(SERVED))
def test_generated_requests_get_conforming_responses(
    sandbox: Sandbox, label: str, mode: GenerationMode
) -> None:
    operation = OPERATIONS[label]
    with client_for(sandbox) as http:
        # Real ids in both shapes, so generated cases reach the success paths too.
        setup_id = http.post(
            "/connections", json={"entityId": str(uuid.uuid4()), "institutionId": "chase"}
        ).json()["id"]
        ready_id = http.post(
            "/connections", json={"entityId": str(uuid.uuid4()), "portalUrl": "https://b.test/"}
        ).json()["id"]
    sandbox.set_state(ready_id, kind="ready", status="active")

    strategy = operation.as_strategy(generation_mode=mode)
    if "{connectionId}" in label:
        strategy = st.one_of(
            strategy,
            *(
                operation.as_strategy(generation_mode=mode, path_parameters={"connectionId": cid})
                for cid in (setup_id, ready_id)
            ),
        )
    session = requests.Session()
    session.trust_env = False  # never route loopback traffic through an environment proxy
    auth = {"Authorization": f"Bearer {sandbox.api_key}"}
    statuses: list[int] = []

    @settings(
        max_examples=25,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=strategy)
    def run(case: schemathesis.Case) -> None:
        response = case.call_and_validate(
            base_url=sandbox.base_url, session=session, headers=auth, checks=CHECKS
        )
        statuses.append(response.status_code)

    try:
        run()
    finally:
        session.close()
    assert len(statuses) >= 10
    assert all(status < 500 for status in statuses)
    if mode == GenerationMode.POSITIVE:
        assert any(200 <= status < 300 for status in statuses), statuses


# -- deterministic lifecycle walk ----------------------------------------------------------


def test_lifecycle_walk_conforms_to_the_spec() -> None:
    with Sandbox(activation_polls=1) as sb, client_for(sb) as http:
        entity = str(uuid.uuid4())
        one = "/connections/{connectionId}"

        created = assert_conforms(
            http.post("/connections", json={"entityId": entity, "institutionId": "chase"}),
            "POST",
            "/connections",
        )
        assert created["kind"] == "setup"
        assert_exact_fields(created)
        conn_id = created["id"]
        again = http.post("/connections", json={"entityId": entity, "institutionId": "chase"})
        assert again.status_code == 200
        assert assert_conforms(again, "POST", "/connections") == created

        portal = assert_conforms(
            http.post(
                "/connections", json={"entityId": entity, "portalUrl": "https://bank.test/login"}
            ),
            "POST",
            "/connections",
        )
        assert portal["institutionId"] is None
        assert_exact_fields(portal)

        for bad in (
            http.post("/connections", json={"entityId": "x", "institutionId": "chase"}),
            http.post("/connections", json={"entityId": entity}),
            http.post("/connections", content=b"{", headers={"Content-Type": "application/json"}),
        ):
            assert bad.status_code in (400, 422)
            assert_conforms(bad, "POST", "/connections")
        with client_for(sb, Authorization="Bearer wrong") as intruder:
            assert_conforms(intruder.post("/connections", json={}), "POST", "/connections")
            assert_conforms(intruder.get("/connections"), "GET", "/connections")
            assert_conforms(intruder.get(f"/connections/{conn_id}"), "GET", one)
            for action in ("credentials", "setupCompletion", "sync"):
                response = intruder.put(f"/connections/{conn_id}/{action}", json={})
                assert response.status_code == 401
                assert_conforms(response, "PUT", one + "/" + action)

        page = assert_conforms(http.get("/connections"), "GET", "/connections")
        assert [c["id"] for c in page["data"]] == [portal["id"], conn_id]
        for params in ({"limit": "0"}, {"cursor": "bad"}, {"entityId": "x"}):
            response = http.get("/connections", params=params)
            assert response.status_code == 400
            assert_conforms(response, "GET", "/connections")

        creds_path = one + "/credentials"
        missing = http.put(f"/connections/{portal['id']}/setupCompletion")
        assert missing.status_code == 409
        assert_conforms(missing, "PUT", one + "/setupCompletion")
        wrong = http.put(f"/connections/{conn_id}/credentials", json={"password": 1})
        assert wrong.status_code == 422
        assert_conforms(wrong, "PUT", creds_path)
        unknown = http.put("/connections/conn_nope/credentials", json={})
        assert unknown.status_code == 404
        assert_conforms(unknown, "PUT", creds_path)
        with_creds = assert_conforms(
            http.put(
                f"/connections/{conn_id}/credentials",
                json={"bankUsername": "u", "bankCustomerId": None, "password": "s3cret"},
            ),
            "PUT",
            creds_path,
        )
        assert with_creds["setup"]["credentialsPresent"] is True

        ready = assert_conforms(
            http.put(f"/connections/{conn_id}/setupCompletion"), "PUT", one + "/setupCompletion"
        )
        assert (ready["kind"], ready["status"]) == ("ready", "pendingActivation")
        assert_exact_fields(ready)
        not_yet = http.put(f"/connections/{conn_id}/sync")
        assert not_yet.status_code == 409
        assert_conforms(not_yet, "PUT", one + "/sync")
        assert assert_conforms(http.get(f"/connections/{conn_id}"), "GET", one)["status"] == (
            "pendingActivation"
        )
        active = assert_conforms(http.get(f"/connections/{conn_id}"), "GET", one)
        assert active["status"] == "active"
        assert_conforms(http.get("/connections/conn_nope"), "GET", one)

        queued = http.put(f"/connections/{conn_id}/sync")
        assert queued.status_code == 202
        assert_conforms(queued, "PUT", one + "/sync")
        busy = http.put(f"/connections/{conn_id}/sync")
        assert busy.status_code == 409
        assert_conforms(busy, "PUT", one + "/sync")
        assert assert_conforms(http.get(f"/connections/{conn_id}"), "GET", one)["syncStatus"] == (
            "syncing"
        )
        synced = assert_conforms(http.get(f"/connections/{conn_id}"), "GET", one)
        assert synced["lastSyncedAt"] is not None

        sb.set_state(portal["id"], kind="ready", status="errored", error_code="mfa_changed")
        sb.set_state(portal["id"], error_message="The bank asked for a new code.")
        mixed = assert_conforms(
            http.get("/connections", params={"entityId": entity, "limit": 1}),
            "GET",
            "/connections",
        )
        assert mixed["pagination"]["hasMore"] is True
        rest = assert_conforms(
            http.get(
                "/connections",
                params={
                    "entityId": entity,
                    "limit": 1,
                    "cursor": mixed["pagination"]["nextCursor"],
                },
            ),
            "GET",
            "/connections",
        )
        assert rest["pagination"] == {"hasMore": False, "nextCursor": None}
        both = mixed["data"] + rest["data"]
        assert [c["kind"] for c in both] == ["ready", "ready"]
        assert both[0]["errorCode"] == "mfa_changed"
        for connection in both:
            assert_exact_fields(connection)

        setup_again = assert_conforms(
            http.post("/connections", json={"entityId": entity, "institutionId": "svb"}),
            "POST",
            "/connections",
        )
        listing = assert_conforms(http.get("/connections"), "GET", "/connections")
        assert {c["kind"] for c in listing["data"]} == {"setup", "ready"}
        assert setup_again["id"] == listing["data"][0]["id"]

        sb.inject_fault(status=503, retry_after="2")
        outage = http.get("/connections")
        assert outage.headers["retry-after"] == "2"
        assert_conforms(outage, "GET", "/connections")


# -- the validator has teeth ---------------------------------------------------------------


@pytest.fixture(scope="module")
def samples(sandbox: Sandbox) -> dict[str, Any]:
    with client_for(sandbox) as http:
        entity = str(uuid.uuid4())
        setup = http.post("/connections", json={"entityId": entity, "institutionId": "bofa"})
        ready_id = http.post(
            "/connections", json={"entityId": entity, "institutionId": "chase"}
        ).json()["id"]
        sandbox.set_state(ready_id, kind="ready", status="active")
        ready = http.get(f"/connections/{ready_id}")
        page = http.get("/connections", params={"entityId": entity, "limit": 1})
        return {"setup": setup.json(), "ready": ready.json(), "list": page.json()}


def test_real_samples_are_valid(samples: dict[str, Any]) -> None:
    assert CONNECTION.is_valid(samples["setup"])
    assert CONNECTION.is_valid(samples["ready"])
    assert CONNECTION_LIST.is_valid(samples["list"])
    # A ready payload without "kind" is still a ready connection.
    without_kind = {k: v for k, v in samples["ready"].items() if k != "kind"}
    assert CONNECTION.is_valid(without_kind)


def _set(path: str, value: Any) -> Any:
    def mutate(payload: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = payload
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[last] = value

    return mutate


def _delete(path: str) -> Any:
    def mutate(payload: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = payload
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        del target[last]

    return mutate


@pytest.mark.parametrize(
    ("sample", "mutate"),
    [
        ("ready", _delete("createdAt")),
        ("ready", _delete("id")),
        ("ready", _delete("syncStatus")),
        ("ready", _set("status", "bogus")),
        ("ready", _set("syncStatus", "running")),
        ("ready", _set("createdAt", "yesterday")),
        ("ready", _set("lastSyncedAt", "2024-01-01 noon")),
        ("ready", _set("institutionId", None)),
        ("ready", _set("kind", "other")),
        ("ready", _set("metadata", [])),
        ("ready", _set("errorCode", 5)),
        ("setup", _delete("setup")),
        ("setup", _delete("kind")),
        ("setup", _delete("updatedAt")),
        ("setup", _set("status", "bogus")),
        ("setup", _set("setup.credentialsPresent", "yes")),
        ("setup", _set("setup.instructions.email", 42)),
        ("setup", _set("entityId", None)),
    ],
)
def test_validator_rejects_broken_connections(
    samples: dict[str, Any], sample: str, mutate: Any
) -> None:
    payload = copy.deepcopy(samples[sample])
    assert CONNECTION.is_valid(payload)
    mutate(payload)
    assert not CONNECTION.is_valid(payload)


@pytest.mark.parametrize(
    "mutate",
    [
        _delete("pagination"),
        _delete("data"),
        _set("pagination.hasMore", "no"),
        _delete("pagination.hasMore"),
        _set("pagination.nextCursor", 3),
        _set("meta.requestId", 1),
        _delete("data.0.createdAt"),
        _set("data.0.status", "bogus"),
        _set("data", {"id": "conn_1"}),
    ],
)
def test_validator_rejects_broken_lists(samples: dict[str, Any], mutate: Any) -> None:
    payload = copy.deepcopy(samples["list"])
    assert CONNECTION_LIST.is_valid(payload)
    mutate(payload)
    assert not CONNECTION_LIST.is_valid(payload)


def _fake(status: int, body: bytes, content_type: str | None = "application/json") -> Any:
    headers = {"x-request-id": "req_abc"}
    if content_type is not None:
        headers["content-type"] = content_type
    return httpx2.Response(status, content=body, headers=headers)


@pytest.mark.parametrize(
    ("response", "method", "template"),
    [
        (_fake(418, b'{"error":{}}'), "GET", "/connections"),  # undocumented status
        (_fake(400, b"{}"), "GET", "/connections/{connectionId}"),  # 400 not documented here
        (_fake(200, b"<html/>", "text/html"), "GET", "/connections/{connectionId}"),
        (_fake(200, b'{"data":[]}'), "GET", "/connections"),  # no pagination
        (_fake(202, b'{"queued":true}'), "PUT", "/connections/{connectionId}/sync"),
        (_fake(404, b'{"detail":"nope"}'), "GET", "/connections/{connectionId}"),  # not our shape
        (
            _fake(404, b'{"error":{"code":"not_found","message":"x","requestId":"req_other"}}'),
            "GET",
            "/connections/{connectionId}",
        ),  # body and header request ids disagree
    ],
)
def test_conformance_helper_rejects_off_spec_responses(
    response: httpx2.Response, method: str, template: str
) -> None:
    with pytest.raises(AssertionError):
        assert_conforms(response, method, template)
