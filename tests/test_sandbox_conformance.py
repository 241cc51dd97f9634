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
from _conformance_write import write_side_strategies
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


READ_SIDE = {
    "POST /entities",
    "GET /entities",
    "GET /entities/{entityId}",
    "PATCH /entities/{entityId}",
    "DELETE /entities/{entityId}",
    "GET /institutions",
    "GET /institutions/{institutionId}",
    "GET /accounts",
    "GET /accounts/{accountId}",
    "GET /balances",
    "GET /transactions",
    "GET /transactions/sync",
    "GET /transactions/{transactionId}",
}


# Success needs ids inside the body that belong together (two accounts of one currency),
# which generated bodies never hold; the transfer tests cover that path.
NO_GENERATED_SUCCESS = {"POST /transfers"}


def test_schemathesis_sees_every_operation() -> None:
    connections = {
        "POST /connections",
        "GET /connections",
        "GET /connections/{connectionId}",
        "PUT /connections/{connectionId}/credentials",
        "PUT /connections/{connectionId}/setupCompletion",
        "PUT /connections/{connectionId}/sync",
    }
    assert connections | READ_SIDE <= set(OPERATIONS)
    assert connections | READ_SIDE <= SERVED
    # Every route the sandbox serves is an operation of the spec (same path template).
    assert set(OPERATIONS) >= SERVED, SERVED - set(OPERATIONS)


def _created_id(response: httpx2.Response, *path: str) -> list[str]:
    # Best effort: a refused create leaves its operation without a real id.
    if not response.is_success:
        return []
    value: Any = response.json()
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return [value] if isinstance(value, str) else []


def real_ids(sandbox: Sandbox) -> dict[str, list[str]]:
    """Real ids for every path parameter, so generated cases reach the success paths too."""
    with client_for(sandbox) as http:
        setup_id = http.post(
            "/connections", json={"entityId": str(uuid.uuid4()), "institutionId": "chase"}
        ).json()["id"]
        ready = [
            http.post(
                "/connections", json={"entityId": str(uuid.uuid4()), "portalUrl": url}
            ).json()["id"]
            for url in ("https://b.test/", "https://c.test/")
        ]
        for conn_id in ready:
            sandbox.set_state(conn_id, kind="ready", status="active")  # gets accounts
        entity = http.post("/entities", json={"externalEntityId": f"fuzz-{uuid.uuid4()}"})
        accounts = http.get("/accounts", params={"connectionId": ready[0]}).json()["data"]
        checking = [
            http.get("/accounts", params={"connectionId": c, "type": "checking"}).json()["data"]
            for c in ready
        ]
        transactions = http.get("/transactions", params={"connectionId": ready[0], "limit": 1})
        webhook = http.post(
            "/webhooks", json={"url": "https://hooks.example.com/waycore", "events": ["test"]}
        )
        transfer = http.post(
            "/transfers",
            json={
                "type": "internal",
                "amount": {"type": "money", "value": "10.00", "currency": "USD"},
                "sourceAccountId": checking[0][0]["id"],
                "destination": {"type": "internal", "accountId": checking[1][0]["id"]},
                "transferType": "internal",
                "clientReference": "FUZZ-1",
            },
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
    transfer_ids = _created_id(transfer, "id")
    for transfer_id in transfer_ids:
        sandbox.fail_transfer(transfer_id)  # so a retry of it can succeed
    return {
        "connectionId": [setup_id, ready[0]],
        "entityId": [*_created_id(entity, "entityId"), Sandbox.DEFAULT_ENTITY_ID],
        "institutionId": ["chase", "deutsche_bank"],
        "accountId": [account["id"] for account in accounts],
        "transactionId": [t["id"] for t in transactions.json()["data"]],
        "webhookId": _created_id(webhook, "webhook", "id"),
        "transferId": transfer_ids,
    }


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
@pytest.mark.parametrize("label", sorted(SERVED))
def test_generated_requests_get_conforming_responses(
    sandbox: Sandbox, label: str, mode: GenerationMode
) -> None:
    operation = OPERATIONS[label]
    strategy = operation.as_strategy(generation_mode=mode)
    for name, ids in real_ids(sandbox).items():
        if "{" + name + "}" in label:
            strategy = st.one_of(
                strategy,
                *(
                    operation.as_strategy(generation_mode=mode, path_parameters={name: value})
                    for value in ids
                ),
            )
    # Transfers need a valid body or a failed transfer to succeed (tests/_conformance_write.py).
    strategy = st.one_of(strategy, *write_side_strategies(sandbox, operation, label, mode))
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
    if mode == GenerationMode.POSITIVE and label not in NO_GENERATED_SUCCESS:
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


def assert_all_properties(payload: dict[str, Any], schema: str) -> None:
    """The sandbox renders every property the spec names for ``schema`` (and maybe more)."""
    assert set(SCHEMAS[schema]["properties"]) <= set(payload), schema


def test_read_side_walk_conforms_to_the_spec() -> None:
    with Sandbox(activation_polls=1) as sb, client_for(sb) as http:
        entities, entity_path = "/entities", "/entities/{entityId}"
        listing = assert_conforms(http.get(entities), "GET", entities)
        assert [e["isDefaultOrgEntity"] for e in listing["data"]] == [True]
        assert_all_properties(listing["data"][0], "Entity")
        created = http.post(entities, json={"externalEntityId": "acme-1", "name": "Acme"})
        assert created.status_code == 201
        entity = assert_conforms(created, "POST", entities)
        assert_all_properties(entity, "Entity")
        entity_id = entity["entityId"]
        for bad, status in (
            (http.post(entities, json={"externalEntityId": "acme-1"}), 409),
            (http.post(entities, json={"name": "no external id"}), 422),
            (http.post(entities, json={"externalEntityId": ""}), 422),
            (http.post(entities, content=b"[", headers={"Content-Type": "application/json"}), 400),
            (http.patch(f"{entities}/{entity_id}", json={"contactEmails": ["nobody"]}), 422),
            (http.patch(f"{entities}/{entity_id}", json={"contactEmails": "a@b.test"}), 422),
            (http.patch(f"{entities}/{entity_id}", json={"contactEmails": ["a@b.c"] * 101}), 422),
            (http.get(f"{entities}/{uuid.uuid4()}"), 404),
            (http.delete(f"{entities}/{Sandbox.DEFAULT_ENTITY_ID}"), 409),
        ):
            assert bad.status_code == status, bad.text
            method = bad.request.method
            template = entities if bad.request.url.path.endswith("/entities") else entity_path
            assert_conforms(bad, method, template)
        patched = assert_conforms(
            http.patch(f"{entities}/{entity_id}", json={"contactEmails": ["cfo@acme.test"]}),
            "PATCH",
            entity_path,
        )
        assert patched["contactEmails"] == ["cfo@acme.test"]
        found = assert_conforms(
            http.get(entities, params={"externalEntityId": "acme-1"}), "GET", entities
        )
        assert [e["entityId"] for e in found["data"]] == [entity_id]
        assert assert_conforms(http.get(f"{entities}/{entity_id}"), "GET", entity_path) == patched

        institutions = assert_conforms(
            http.get("/institutions", params={"query": "chase.com"}), "GET", "/institutions"
        )
        assert [i["institutionId"] for i in institutions["data"]] == ["chase"]
        assert_all_properties(institutions["data"][0], "Institution")
        one = "/institutions/{institutionId}"
        assert assert_conforms(http.get("/institutions/chase"), "GET", one)["name"] == "Chase"
        assert_conforms(http.get("/institutions/nope"), "GET", one)
        assert_conforms(http.get("/institutions", params={"limit": "0"}), "GET", "/institutions")

        # Onboarding as usual: the connection gets its accounts when it becomes active.
        conn_id = http.post(
            "/connections", json={"entityId": entity_id, "institutionId": "chase"}
        ).json()["id"]
        http.put(f"/connections/{conn_id}/credentials", json={"bankUsername": "u", "password": "p"})
        http.put(f"/connections/{conn_id}/setupCompletion")
        assert http.get("/accounts").json()["data"] == []
        http.get(f"/connections/{conn_id}")  # the poll that uses up activation_polls
        assert http.get(f"/connections/{conn_id}").json()["status"] == "active"

        accounts = assert_conforms(http.get("/accounts"), "GET", "/accounts")["data"]
        assert {(a["type"], a["currency"]) for a in accounts} == {
            ("checking", "USD"),
            ("savings", "EUR"),
        }
        for account in accounts:
            assert_all_properties(account, "Account")
        account_path = "/accounts/{accountId}"
        assert_conforms(http.get(f"/accounts/{accounts[0]['id']}"), "GET", account_path)
        assert_conforms(http.get("/accounts/acct_nope"), "GET", account_path)
        for params in ({"currency": "usd"}, {"type": "bogus"}, {"status": "x"}, {"cursor": "x"}):
            response = http.get("/accounts", params=params)
            assert response.status_code == 400
            assert_conforms(response, "GET", "/accounts")

        balances = assert_conforms(
            http.get("/balances", params={"entityId": entity_id, "limit": 500}), "GET", "/balances"
        )["data"]
        assert len(balances) == 60
        assert_all_properties(balances[0], "Balance")
        for params in (
            {"dateGte": "2024-02-30"},
            {"dateGte": "2024-03-02", "dateLt": "2024-03-01"},
            {"entityId": "not-a-uuid"},
        ):
            response = http.get("/balances", params=params)
            assert response.status_code == 400
            assert_conforms(response, "GET", "/balances")

        for sort in ("postedDate", "-postedDate", "updatedAt", "-updatedAt"):
            page = assert_conforms(
                http.get("/transactions", params={"sort": sort, "limit": 5}), "GET", "/transactions"
            )
            for transaction in page["data"]:
                assert_all_properties(transaction, "Transaction")
        for params in ({"sort": "amount"}, {"rail": "carrier-pigeon"}, {"postedDateLt": "soon"}):
            response = http.get("/transactions", params=params)
            assert response.status_code == 400
            assert_conforms(response, "GET", "/transactions")
        txn_path = "/transactions/{transactionId}"
        assert_conforms(http.get(f"/transactions/{page['data'][0]['id']}"), "GET", txn_path)
        assert_conforms(http.get(f"/transactions/{uuid.uuid4()}"), "GET", txn_path)

        feed = "/transactions/sync"
        head = assert_conforms(http.get(feed), "GET", feed)
        assert (head["events"], head["hasMore"]) == ([], False)
        http.put(f"/connections/{conn_id}/sync")
        busy = http.delete(f"{entities}/{entity_id}")
        assert busy.status_code == 409
        assert_conforms(busy, "DELETE", entity_path)
        http.get(f"/connections/{conn_id}")
        http.get(f"/connections/{conn_id}")  # the sync completes
        cursor, types = head["nextCursor"], []
        while True:
            page = assert_conforms(
                http.get(feed, params={"cursor": cursor, "limit": 4}), "GET", feed
            )
            types += [event["type"] for event in page["events"]]
            cursor = page["nextCursor"]
            if not page["hasMore"]:
                break
        assert types == ["added"] * 3 + ["modified"] * 2 + ["removed"]
        for params, status in (
            ({"cursor": "garbage"}, 400),
            ({"cursor": cursor, "connectionId": conn_id}, 400),
            ({"limit": "501"}, 400),
        ):
            response = http.get(feed, params=params)
            assert response.status_code == status
            assert_conforms(response, "GET", feed)
        sb.expire_cursors()
        expired = http.get(feed, params={"cursor": cursor})
        assert (expired.status_code, expired.json()["error"]["code"]) == (410, "cursor_expired")
        assert_conforms(expired, "GET", feed)

        deleted = http.delete(f"{entities}/{entity_id}")
        assert deleted.status_code == 204
        assert_conforms(deleted, "DELETE", entity_path)
        assert_conforms(http.delete(f"{entities}/{entity_id}"), "DELETE", entity_path)
        assert assert_conforms(http.get("/accounts"), "GET", "/accounts")["data"] == []

        with client_for(sb, Authorization="Bearer wrong") as intruder:
            for label in sorted(READ_SIDE):
                method, template = label.split(" ")
                path = template.replace("{entityId}", entity_id).replace("{", "").replace("}", "")
                response = intruder.request(method, path, json={} if method != "GET" else None)
                assert response.status_code == 401, label
                assert_conforms(response, method, template)


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


@pytest.fixture(scope="module")
def read_samples(sandbox: Sandbox) -> dict[str, Any]:
    with client_for(sandbox) as http:
        conn_id = http.post(
            "/connections", json={"entityId": str(uuid.uuid4()), "institutionId": "bofa"}
        ).json()["id"]
        head = http.get("/transactions/sync", params={"connectionId": conn_id}).json()
        sandbox.set_state(conn_id, kind="ready", status="active")
        http.put(f"/connections/{conn_id}/sync")
        http.get(f"/connections/{conn_id}")
        http.get(f"/connections/{conn_id}")
        feed = http.get(
            "/transactions/sync",
            params={"connectionId": conn_id, "cursor": head["nextCursor"], "limit": 500},
        ).json()
        return {
            "Account": http.get("/accounts", params={"connectionId": conn_id}).json()["data"][0],
            "Balance": http.get("/balances", params={"connectionId": conn_id}).json()["data"][0],
            "Transaction": http.get("/transactions", params={"connectionId": conn_id}).json()[
                "data"
            ][0],
            "TransactionSyncPage": feed,
            "Entity": http.get("/entities").json()["data"][-1],
        }


@pytest.mark.parametrize(
    ("schema", "mutate"),
    [
        ("Account", _delete("currency")),
        ("Account", _set("currency", "usd")),
        ("Account", _set("type", "piggyBank")),
        ("Account", _set("currentBalance", 12.5)),
        ("Account", _set("currentBalance", "1,234.56")),
        ("Account", _set("createdAt", "today")),
        ("Balance", _set("source", "bank")),
        ("Balance", _set("date", "2024-13-01")),
        ("Transaction", _delete("postedDate")),
        ("Transaction", _set("amount", "12.00 USD")),
        ("Transaction", _set("entryType", "both")),
        ("Transaction", _set("rail", 3)),
        ("TransactionSyncPage", _delete("nextCursor")),
        ("TransactionSyncPage", _set("hasMore", "no")),
        ("TransactionSyncPage", _set("events.0.type", "upserted")),
        ("TransactionSyncPage", _delete("events.0.transaction")),
        ("TransactionSyncPage", _delete("events.-1.transactionId")),
        ("Entity", _delete("isDefaultOrgEntity")),
        ("Entity", _set("contactEmails", "a@b.test")),
    ],
)
def test_validator_rejects_broken_read_side_payloads(
    read_samples: dict[str, Any], schema: str, mutate: Any
) -> None:
    validator = spec_validator(f"#/components/schemas/{schema}")
    payload = copy.deepcopy(read_samples[schema])
    assert validator.is_valid(payload)
    mutate(payload)
    assert not validator.is_valid(payload)
