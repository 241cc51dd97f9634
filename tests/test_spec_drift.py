"""The SDK cannot drift from `openapi/waycore.yaml` (design.md, "How the spec reaches users").

The check itself lives in `tests/_drift.py` (pure functions over the decoded spec; its
docstring states the rules, including requiredness and defaults). Here it runs on the real
spec (`$WAYCORE_SPEC` overrides the path), and on mutated copies, to prove every kind of
drift is caught and reported as exactly one problem naming the line to change. A mutation
test counts only the problems the mutation adds, so a real drift fails the two real-spec
tests (with every problem listed) rather than every test in this module.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import _drift
import pytest

import waycore
from waycore._operation import Operation
from waycore.resources import OPERATIONS

CONNECTION_FILE = "waycore/types/connection.py"
ENUMS_FILE = "waycore/types/enums.py"
CALLS_FILE = "waycore/resources/_connection_calls.py"


@pytest.fixture(scope="module", autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    _drift.close_clients()


@pytest.fixture
def spec() -> dict[str, Any]:
    """A fresh copy of the spec under test, safe to mutate."""
    return _drift.load_spec()


def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = spec["components"]["schemas"]
    return result


@functools.cache
def _baseline() -> tuple[frozenset[str], frozenset[str]]:
    spec = _drift.load_spec()
    return frozenset(_drift.schema_problems(spec)), frozenset(_drift.operation_problems(spec))


def schema_drift(spec: dict[str, Any], **kwargs: Any) -> list[str]:
    """The schema problems a mutation adds to those of the unmutated spec (normally none):
    so a drift in the real tree fails the two real-spec tests, not every test here."""
    return [p for p in _drift.schema_problems(spec, **kwargs) if p not in _baseline()[0]]


def operation_drift(spec: dict[str, Any], **kwargs: Any) -> list[str]:
    """The operation problems a mutation adds to those of the unmutated spec."""
    return [p for p in _drift.operation_problems(spec, **kwargs) if p not in _baseline()[1]]


def only(problems: list[str], *fragments: str) -> str:
    """The one problem found; it must contain every fragment."""
    assert len(problems) == 1, "\n".join(problems) or "no problem found"
    (problem,) = problems
    for fragment in fragments:
        assert fragment in problem, f"{fragment!r} not in {problem!r}"
    return problem


# ---------------------------------------------------------------------------------------------
# The real spec


def test_models_agree_with_the_spec(spec: dict[str, Any]) -> None:
    problems = _drift.schema_problems(spec)
    if problems:
        pytest.fail(
            f"{len(problems)} model(s) drifted from {_drift.spec_path()}:\n" + "\n".join(problems),
            pytrace=False,
        )


def test_operations_agree_with_the_spec(spec: dict[str, Any]) -> None:
    problems = _drift.operation_problems(spec)
    if problems:
        pytest.fail(
            f"{len(problems)} operation(s) drifted from {_drift.spec_path()}:\n"
            + "\n".join(problems),
            pytrace=False,
        )


def test_the_check_sees_the_connection_models_and_operations() -> None:
    names = {m._schema_name for m in _drift.discover_models()}
    assert {"ReadyConnection", "SetupConnection", "ConnectionSetup", "SetupInstructions"} <= names
    assert waycore.UnknownConnection not in _drift.discover_models()  # no schema of its own
    ids = {op.operation_id for op in OPERATIONS}
    assert {"createConnection", "listConnections", "syncConnection"} <= ids


# ---------------------------------------------------------------------------------------------
# Schemas <-> models: each mutation is reported as exactly one problem


def test_a_property_the_model_lacks(spec: dict[str, Any]) -> None:
    schemas(spec)["ReadyConnection"]["properties"]["nickname"] = {"type": ["string", "null"]}
    only(
        schema_drift(spec),
        "ReadyConnection.nickname",
        "optional nullable string",
        '"nickname: str | None = None"',
        f"class ReadyConnection in {CONNECTION_FILE}:",
    )


def test_a_required_property_the_model_lacks(spec: dict[str, Any]) -> None:
    schema = schemas(spec)["SetupConnection"]
    schema["properties"]["onboardedAt"] = {"type": "string", "format": "date-time"}
    schema["required"].append("onboardedAt")
    only(
        schema_drift(spec),
        "SetupConnection.onboardedAt",
        '"onboarded_at: datetime.datetime"',
    )


def test_a_model_field_the_spec_lacks(spec: dict[str, Any]) -> None:
    del schemas(spec)["ReadyConnection"]["properties"]["errorMessage"]
    only(
        schema_drift(spec),
        "ReadyConnection.errorMessage",
        "the spec does not have it",
        f'remove "error_message: str | None = None" from {CONNECTION_FILE}:',
    )


def test_a_renamed_property_is_a_wire_name_change(spec: dict[str, Any]) -> None:
    props = schemas(spec)["ReadyConnection"]["properties"]
    props["portal_url"] = props.pop("portalUrl")
    only(
        schema_drift(spec),
        "ReadyConnection.portal_url",
        "wire name differ",
        '"portal_url: str | None = wire("portal_url", default=None)"',
    )


def test_a_property_renamed_beyond_recognition(spec: dict[str, Any]) -> None:
    props = schemas(spec)["SetupInstructions"]["properties"]
    props["givenName"] = props.pop("firstName")
    problems = schema_drift(spec)
    assert len(problems) == 2, problems
    assert any("SetupInstructions.givenName: the spec has it" in p for p in problems)
    assert any(
        "SetupInstructions.firstName: the model SetupInstructions reads it" in p for p in problems
    )


def test_an_enum_value_the_sdk_enum_lacks(spec: dict[str, Any]) -> None:
    schemas(spec)["ConnectionStatus"]["enum"].append("archived")
    # One problem although two models use the enum.
    only(
        schema_drift(spec),
        "ConnectionStatus: the spec lists 'archived'",
        "ReadyConnection.status, SetupConnection.status",
        f'add "ARCHIVED = "archived"" to class ConnectionStatus in {ENUMS_FILE}:',
    )


def test_extra_sdk_enum_members_are_allowed(spec: dict[str, Any]) -> None:
    schemas(spec)["SyncStatus"]["enum"].remove("syncing")
    assert schema_drift(spec) == []


def test_a_changed_format(spec: dict[str, Any]) -> None:
    schemas(spec)["ReadyConnection"]["properties"]["createdAt"]["format"] = "date"
    only(
        schema_drift(spec),
        "ReadyConnection.createdAt",
        "required string (date)",
        "(type differ)",
        '"created_at: datetime.datetime" to "created_at: datetime.date"',
    )


@pytest.mark.parametrize(
    ("fmt", "annotation"), [("decimal", "Decimal"), ("date-time", "datetime.datetime")]
)
def test_a_format_added_to_a_plain_string(spec: dict[str, Any], fmt: str, annotation: str) -> None:
    schemas(spec)["ReadyConnection"]["properties"]["errorCode"]["format"] = fmt
    only(schema_drift(spec), f'"error_code: {annotation} | None = None"')


def test_a_changed_type(spec: dict[str, Any]) -> None:
    schemas(spec)["ConnectionSetup"]["properties"]["credentialsPresent"] = {"type": "integer"}
    only(
        schema_drift(spec),
        "ConnectionSetup.credentialsPresent",
        '"credentials_present: bool | None = None" to "credentials_present: int | None = None"',
    )


def test_a_field_made_nullable(spec: dict[str, Any]) -> None:
    schemas(spec)["ReadyConnection"]["properties"]["institutionId"]["type"] = ["string", "null"]
    only(
        schema_drift(spec),
        "ReadyConnection.institutionId: the spec says required nullable string",
        "(nullability differ)",
        f'change "institution_id: str" to "institution_id: str | None" in {CONNECTION_FILE}:',
    )


def test_a_field_made_nullable_the_openapi_3_0_way(spec: dict[str, Any]) -> None:
    schemas(spec)["SetupConnection"]["properties"]["entityId"]["nullable"] = True
    only(schema_drift(spec), "SetupConnection.entityId", '"entity_id: str | None"')


def test_a_nullable_ref_through_any_of(spec: dict[str, Any]) -> None:
    props = schemas(spec)["SetupConnection"]["properties"]
    props["setup"] = {"anyOf": [{"$ref": "#/components/schemas/ConnectionSetup"}, {"type": "null"}]}
    only(schema_drift(spec), "SetupConnection.setup", '"setup: ConnectionSetup | None"')


def test_a_required_field_made_optional(spec: dict[str, Any]) -> None:
    schemas(spec)["ReadyConnection"]["required"].remove("syncStatus")
    only(
        schema_drift(spec),
        "ReadyConnection.syncStatus: the spec says optional SyncStatus enum",
        "(requiredness differ)",
        '"sync_status: SyncStatus" to "sync_status: SyncStatus | None = None"',
    )


def test_an_optional_field_made_required(spec: dict[str, Any]) -> None:
    schemas(spec)["SetupConnection"]["required"].append("institutionName")
    # Required but still nullable in the spec: the model keeps `| None` and loses the default.
    only(
        schema_drift(spec),
        "SetupConnection.institutionName",
        '"institution_name: str | None = None" to "institution_name: str | None"',
    )


def test_documented_always_present_containers_may_have_defaults(spec: dict[str, Any]) -> None:
    # `metadata` (factory=dict) and `instructions` (a model) have container defaults: allowed
    # whether the spec marks them required or not.
    schemas(spec)["ReadyConnection"]["required"].append("metadata")
    schemas(spec)["ConnectionSetup"]["required"] = ["instructions"]
    assert schema_drift(spec) == []


def test_a_default_that_hides_absence_is_refused(spec: dict[str, Any]) -> None:
    # A scalar with a non-None default would hide that the server sent nothing.
    import attrs

    from waycore._models import Model

    @attrs.frozen
    class Flagged(Model):
        _schema_name = "Flagged"
        enabled: bool = False

    schemas(spec)["Flagged"] = {"type": "object", "properties": {"enabled": {"type": "boolean"}}}
    problems = schema_drift(spec, models=[*_drift.discover_models(), Flagged])
    only(problems, "Flagged.enabled", "(requiredness differ)", '"enabled: bool | None = None"')


def test_a_changed_union_tag(spec: dict[str, Any]) -> None:
    schemas(spec)["SetupConnection"]["properties"]["kind"]["const"] = "onboarding"
    only(
        schema_drift(spec),
        "SetupConnection.kind",
        '"kind: Literal["setup"] = "setup"" to "kind: Literal["onboarding"] = "onboarding""',
    )


def test_a_tag_without_const(spec: dict[str, Any]) -> None:
    del schemas(spec)["ReadyConnection"]["properties"]["kind"]["const"]
    only(schema_drift(spec), "ReadyConnection.kind", "(type differ)")


def test_a_new_union_variant(spec: dict[str, Any]) -> None:
    new = dict(schemas(spec)["SetupConnection"], title="PausedConnection")
    new["properties"] = dict(new["properties"], kind={"type": "string", "const": "paused"})
    schemas(spec)["PausedConnection"] = new
    schemas(spec)["ConnectionResource"]["oneOf"].append(
        {"$ref": "#/components/schemas/PausedConnection"}
    )
    problems = schema_drift(spec)
    assert any(p.startswith("PausedConnection: the spec's schema") for p in problems), problems
    assert any(
        p.startswith("ConnectionResource: the spec's variants are") and "Connection has" in p
        for p in problems
    ), problems
    assert len(problems) == 2, problems


def test_a_changed_discriminator(spec: dict[str, Any]) -> None:
    schemas(spec)["ConnectionResource"]["discriminator"]["propertyName"] = "shape"
    only(schema_drift(spec), "ConnectionResource", "tag='kind' to tag='shape'")


def test_a_list_envelope_is_checked_against_page(spec: dict[str, Any]) -> None:
    schemas(spec)["Pagination"]["properties"]["hasMore"] = {"type": "string"}
    only(
        schema_drift(spec),
        "Pagination.hasMore: the spec says required string",
        "waycore/_pagination.py",
    )


def test_a_list_envelope_property_page_drops(spec: dict[str, Any]) -> None:
    schemas(spec)["ConnectionList"]["properties"]["totalCount"] = {"type": "integer"}
    only(schema_drift(spec), "ConnectionList.totalCount", "Page has no field for")


def test_a_wrapper_response_needs_no_model(spec: dict[str, Any]) -> None:
    schemas(spec)["ReadyConnectionResponse"] = {
        "type": "object",
        "required": ["connection", "meta"],
        "properties": {
            "connection": {"$ref": "#/components/schemas/ReadyConnection"},
            "meta": {"$ref": "#/components/schemas/ResponseMeta"},
        },
    }
    content = spec["components"]["responses"]["Connection"]["content"]["application/json"]
    content["schema"] = {"$ref": "#/components/schemas/ReadyConnectionResponse"}
    assert schema_drift(spec) == []
    # ...but what it wraps is still checked.
    schemas(spec)["ReadyConnection"]["properties"]["nickname"] = {"type": "string"}
    only(schema_drift(spec), "ReadyConnection.nickname")


def test_a_response_schema_without_a_model(spec: dict[str, Any]) -> None:
    content = spec["components"]["responses"]["Connection"]["content"]["application/json"]
    content["schema"] = {"$ref": "#/components/schemas/Receipt"}
    schemas(spec)["Receipt"] = {"type": "object", "properties": {"id": {"type": "string"}}}
    only(schema_drift(spec), "Receipt: the spec's schema", "has no model")


def test_a_model_naming_a_schema_the_spec_lacks(spec: dict[str, Any]) -> None:
    schemas(spec)["ConnectionSetupState"] = schemas(spec).pop("ConnectionSetup")
    ref = {"$ref": "#/components/schemas/ConnectionSetupState"}
    schemas(spec)["SetupConnection"]["properties"]["setup"] = ref
    problems = schema_drift(spec)
    assert any(p.startswith("ConnectionSetup: the model ConnectionSetup names") for p in problems)
    assert any(p.startswith("ConnectionSetupState: the spec's schema") for p in problems)
    assert any(p.startswith("SetupConnection.setup:") for p in problems)


# ---------------------------------------------------------------------------------------------
# Operations <-> methods


def paths(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = spec["paths"]
    return result


def test_an_operation_the_sdk_lacks(spec: dict[str, Any]) -> None:
    paths(spec)["/connections/{connectionId}/pause"] = {
        "parameters": [{"$ref": "#/components/parameters/ConnectionId"}],
        "put": {
            "tags": ["connections"],
            "operationId": "pauseConnection",
            "responses": {"202": {"description": "Paused."}},
        },
    }
    only(
        operation_drift(spec),
        "pauseConnection (PUT /connections/{connectionId}/pause): the SDK has no Operation",
        'PAUSE_CONNECTION = Operation("pauseConnection", "PUT", '
        '"/connections/{connectionId}/pause", "connections.pause")',
        "waycore/resources/_connections_calls.py",
    )


def test_an_operation_the_spec_lacks(spec: dict[str, Any]) -> None:
    del paths(spec)["/connections/{connectionId}/sync"]
    only(
        operation_drift(spec),
        "syncConnection (PUT /connections/{connectionId}/sync): the Operation record names an "
        "operation the spec does not have",
        f"{CALLS_FILE}:",
    )


def test_an_added_query_parameter(spec: dict[str, Any]) -> None:
    paths(spec)["/connections"]["get"]["parameters"].append(
        {"name": "createdAfter", "in": "query", "schema": {"type": "string"}}
    )
    only(
        operation_drift(spec),
        "listConnections (GET /connections): query parameters differ",
        "the spec has ['createdAfter'] the SDK lacks",
        'change "query=("entityId", "institutionId", "status", "limit"),"',
        '"query=("entityId", "institutionId", "status", "limit", "createdAfter"),"',
        f"at {CALLS_FILE}:",
    )


def test_cursor_is_covered_by_the_pager_only(spec: dict[str, Any]) -> None:
    # A list without `cursor` in the spec: the pager would send one the spec does not know.
    params = paths(spec)["/connections"]["get"]["parameters"]
    params[:] = [p for p in params if p.get("name") != "cursor"]
    only(operation_drift(spec), "listConnections", "the SDK has ['cursor'] the spec lacks")


def test_a_cursor_on_a_method_without_a_pager(spec: dict[str, Any]) -> None:
    paths(spec)["/connections/{connectionId}"]["get"]["parameters"] = [
        {"name": "cursor", "in": "query", "schema": {"type": "string"}}
    ]
    only(
        operation_drift(spec),
        "getConnection (GET /connections/{connectionId}): query parameters differ",
        'add "query=("cursor",),"',
    )


def test_a_changed_path(spec: dict[str, Any]) -> None:
    paths(spec)["/connections/{connectionId}/synchronisation"] = paths(spec).pop(
        "/connections/{connectionId}/sync"
    )
    only(
        operation_drift(spec),
        "syncConnection (PUT /connections/{connectionId}/synchronisation): the Operation record "
        "says PUT /connections/{connectionId}/sync",
        f'the Operation("syncConnection", ...) at {CALLS_FILE}:',
    )


def test_a_changed_method(spec: dict[str, Any]) -> None:
    item = paths(spec)["/connections/{connectionId}/credentials"]
    item["patch"] = item.pop("put")
    only(
        operation_drift(spec),
        "updateConnectionCredentials (PATCH /connections/{connectionId}/credentials)",
        '"PUT", "/connections/{connectionId}/credentials" to "PATCH"',
    )


def test_an_added_body_property(spec: dict[str, Any]) -> None:
    schemas(spec)["CreateConnectionRequest"]["properties"]["metadata"] = {"type": "object"}
    only(
        operation_drift(spec),
        "createConnection (POST /connections): body properties differ",
        "the spec has ['metadata'] the SDK lacks",
        '"body=("entityId", "institutionId", "portalUrl", "metadata"),"',
    )


def test_a_one_of_body_is_the_union_of_its_variants(spec: dict[str, Any]) -> None:
    props = schemas(spec)["UpdateCredentialsRequest"]["properties"]
    schemas(spec)["ByUsername"] = {
        "type": "object",
        "properties": {"bankUsername": props["bankUsername"], "password": props["password"]},
    }
    schemas(spec)["ByCustomerId"] = {
        "type": "object",
        "properties": {"bankCustomerId": props["bankCustomerId"], "password": props["password"]},
    }
    schemas(spec)["UpdateCredentialsRequest"] = {
        "oneOf": [
            {"$ref": "#/components/schemas/ByUsername"},
            {"$ref": "#/components/schemas/ByCustomerId"},
        ]
    }
    assert operation_drift(spec) == []
    del schemas(spec)["ByCustomerId"]["properties"]["bankCustomerId"]
    only(operation_drift(spec), "updateConnectionCredentials", "['bankCustomerId']")


def test_an_idempotency_key_header(spec: dict[str, Any]) -> None:
    paths(spec)["/connections"]["post"]["parameters"] = [
        {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}
    ]
    only(
        operation_drift(spec),
        "createConnection",
        "Idempotency-Key",
        'add "idempotency_key=True"',
    )


def test_an_sdk_method_missing_on_a_client(spec: dict[str, Any]) -> None:
    broken = [
        Operation(op.operation_id, op.method, op.path, "connections.reconnect", op.query, op.body)
        if op.operation_id == "getConnection"
        else op
        for op in OPERATIONS
    ]
    only(
        operation_drift(spec, operations=broken),
        "getConnection",
        "'connections.reconnect' is not a method of Waycore and AsyncWaycore",
    )
