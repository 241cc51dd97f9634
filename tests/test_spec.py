"""openapi/waycore.yaml: valid OpenAPI 3.1, and equal to the documented API.

The expected values come from tests/_spec_facts.py, which is copied from the API docs, never
from the spec. Comparisons are exact wherever the docs are complete, so a drift in the spec
(a field added, dropped, retyped or made nullable) fails here.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import _spec_facts as docs
import pytest
import yaml
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from openapi_spec_validator.versions.shortcuts import get_spec_version
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi" / "waycore.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}

# Base URI under which the spec is registered, so "#/components/..." refs resolve.
SPEC_URI = "https://waycore.test/openapi/waycore.yaml"
REGISTRY: Registry = Registry().with_resource(
    SPEC_URI, Resource.from_contents(SPEC, default_specification=DRAFT202012)
)


def _ref(name: str) -> str:
    return f"#/components/schemas/{name}"


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow local `$ref`s (``#/a/b``) until a node without one."""
    while "$ref" in node:
        target: Any = SPEC
        assert node["$ref"].startswith("#/"), node["$ref"]
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def _operations() -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method, path): op
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    }


def _fact(prop: dict[str, Any]) -> tuple[str, bool, str | None]:
    """A property schema as the (type, nullable, format) triple used in _spec_facts."""
    if "$ref" in prop:
        return ("ref", False, None)
    types = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
    non_null = [t for t in types if t != "null"]
    assert len(non_null) == 1, f"expected one non-null type, got {types}"
    return (non_null[0], "null" in types, prop.get("format"))


def _facts(schema_name: str) -> dict[str, tuple[str, bool, str | None]]:
    return {name: _fact(prop) for name, prop in SCHEMAS[schema_name]["properties"].items()}


def _validator(schema_name: str) -> OAS31Validator:
    return OAS31Validator(
        {"$ref": f"{SPEC_URI}#/components/schemas/{schema_name}"},
        registry=REGISTRY,
        format_checker=OAS31Validator.FORMAT_CHECKER,
    )


def _errors(schema_name: str, instance: Any) -> list[str]:
    return [e.message for e in _validator(schema_name).iter_errors(instance)]


def _example(name: str) -> dict[str, Any]:
    return copy.deepcopy(SPEC["components"]["examples"][name]["value"])


# --- the document as a whole -------------------------------------------------------------


def test_spec_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"].startswith("3.1.")
    assert str(get_spec_version(SPEC)) == "OpenAPIV3.1"
    errors = [e.message for e in OpenAPIV31SpecValidator(SPEC).iter_errors()]
    assert errors == []
    validate(SPEC, cls=OpenAPIV31SpecValidator)


def test_spec_validator_is_not_vacuous() -> None:
    """The validator used above does reject a broken copy of this very spec."""
    broken = copy.deepcopy(SPEC)
    del broken["paths"]["/connections/{connectionId}/sync"]["put"]["responses"]["202"][
        "description"
    ]
    with pytest.raises(OpenAPIValidationError):
        validate(broken, cls=OpenAPIV31SpecValidator)


def test_server_url_is_the_documented_base_url() -> None:
    assert [server["url"] for server in SPEC["servers"]] == [docs.BASE_URL]


def test_bearer_security_applies_globally() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert len(schemes) == 1
    (name, scheme) = next(iter(schemes.items()))
    assert {k: scheme[k] for k in docs.SECURITY_SCHEME} == docs.SECURITY_SCHEME
    assert SPEC["security"] == [{name: []}]
    # No operation opts out of (or replaces) the global requirement.
    overriding = {key for key, op in _operations().items() if "security" in op}
    assert overriding == set()


def test_every_schema_has_a_title_and_a_description() -> None:
    missing = {
        name
        for name, schema in SCHEMAS.items()
        if not str(schema.get("title", "")).strip()
        or not str(schema.get("description", "")).strip()
    }
    assert missing == set()
    assert {name for name, schema in SCHEMAS.items() if schema["title"] != name} == set()


# --- operations ------------------------------------------------------------------------


def test_the_six_documented_operations_exist_and_no_others() -> None:
    assert set(_operations()) == docs.OPERATIONS


def test_every_operation_has_a_unique_operation_id_and_a_description() -> None:
    ops = _operations()
    ids = [op.get("operationId") for op in ops.values()]
    assert all(isinstance(i, str) and i for i in ids), ids
    assert len(set(ids)) == len(ids)
    undescribed = {key for key, op in ops.items() if not str(op.get("description", "")).strip()}
    assert undescribed == set()


def _success_schema_ref(response: dict[str, Any]) -> str | None:
    content = _resolve(response).get("content")
    if not content:
        return None
    return content["application/json"]["schema"].get("$ref")


def test_create_accepts_200_and_201_with_a_connection() -> None:
    responses = SPEC["paths"]["/connections"]["post"]["responses"]
    success = {code for code in responses if code.startswith("2")}
    assert success == docs.CREATE_SUCCESS_STATUSES
    for code in success:
        assert _success_schema_ref(responses[code]) == _ref("ConnectionResource")


def test_create_request_body() -> None:
    body = SPEC["paths"]["/connections"]["post"]["requestBody"]
    assert body["required"] is True
    assert body["content"]["application/json"]["schema"] == {
        "$ref": _ref("CreateConnectionRequest")
    }
    assert _facts("CreateConnectionRequest") == docs.CREATE_REQUEST_FIELDS
    assert set(SCHEMAS["CreateConnectionRequest"]["required"]) == docs.CREATE_REQUEST_REQUIRED


def test_credentials_request_body() -> None:
    op = SPEC["paths"]["/connections/{connectionId}/credentials"]["put"]
    schema = op["requestBody"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": _ref("UpdateCredentialsRequest")}
    assert _facts("UpdateCredentialsRequest") == docs.CREDENTIALS_REQUEST_FIELDS
    assert SCHEMAS["UpdateCredentialsRequest"].get("required", []) == []


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/connections/{connectionId}"), ("put", "/connections/{connectionId}/credentials")],
)
def test_single_object_operations_return_a_connection(method: str, path: str) -> None:
    responses = SPEC["paths"][path][method]["responses"]
    assert {code for code in responses if code.startswith("2")} == {"200"}
    assert _success_schema_ref(responses["200"]) == _ref("ConnectionResource")


def test_get_documents_404() -> None:
    responses = SPEC["paths"]["/connections/{connectionId}"]["get"]["responses"]
    assert docs.GET_NOT_FOUND_STATUS in responses


def test_sync_is_202_without_a_body_and_documents_409() -> None:
    responses = SPEC["paths"]["/connections/{connectionId}/sync"]["put"]
    assert "requestBody" not in responses
    responses = responses["responses"]
    assert {code for code in responses if code.startswith("2")} == {docs.SYNC_SUCCESS_STATUS}
    assert _success_schema_ref(responses[docs.SYNC_SUCCESS_STATUS]) is None
    assert docs.SYNC_CONFLICT_STATUS in responses


def test_setup_completion_sends_no_body_and_accepts_a_connection_or_an_empty_2xx() -> None:
    op = SPEC["paths"]["/connections/{connectionId}/setupCompletion"]["put"]
    assert "requestBody" not in op
    success = {code: r for code, r in op["responses"].items() if code.startswith("2")}
    with_body = {code for code, r in success.items() if _success_schema_ref(r) is not None}
    assert with_body == {"200"}
    assert _success_schema_ref(success["200"]) == _ref("ConnectionResource")
    assert set(success) - with_body, "an empty 2xx must be accepted too"


def test_connection_id_path_parameter() -> None:
    for path, item in SPEC["paths"].items():
        if "{connectionId}" not in path:
            continue
        params = [_resolve(p) for p in item.get("parameters", [])]
        assert [(p["name"], p["in"], p["required"]) for p in params] == [
            ("connectionId", "path", True)
        ], path
        assert params[0]["schema"]["type"] == "string"


def test_every_error_response_uses_the_lenient_error_schema() -> None:
    offenders = {
        (method, path, code)
        for (method, path), op in _operations().items()
        for code, response in op["responses"].items()
        if code[0] in "45" and response != {"$ref": "#/components/responses/Error"}
    }
    assert offenders == set()
    error = SPEC["components"]["responses"]["Error"]
    assert error["content"]["application/json"]["schema"] == {"$ref": _ref("Error")}
    assert "Retry-After" in error["headers"]
    # Every operation documents rate limiting and server errors (the SDK retries them).
    for key, op in _operations().items():
        assert {"429", "500", "502", "503", "504"} <= set(op["responses"]), key


@pytest.mark.parametrize("body", docs.ERROR_BODIES_IN_THE_WILD, ids=repr)
def test_error_schema_accepts_every_body_seen_in_the_wild(body: Any) -> None:
    assert _errors("Error", body) == []


# --- the connection shapes ---------------------------------------------------------------


def test_connection_status_enum_is_exactly_the_documented_list_in_order() -> None:
    assert SCHEMAS["ConnectionStatus"]["type"] == "string"
    assert SCHEMAS["ConnectionStatus"]["enum"] == docs.CONNECTION_STATUS


def test_sync_status_enum() -> None:
    assert SCHEMAS["SyncStatus"]["type"] == "string"
    assert SCHEMAS["SyncStatus"]["enum"] == docs.SYNC_STATUS


def test_ready_connection_fields() -> None:
    ready = SCHEMAS["ReadyConnection"]
    assert ready["type"] == "object"
    assert _facts("ReadyConnection") == docs.READY_FIELDS
    assert set(ready["required"]) == docs.READY_REQUIRED
    props = ready["properties"]
    assert props["kind"]["const"] == "ready"
    assert props["kind"]["default"] == "ready"
    assert props["status"] == {"$ref": _ref("ConnectionStatus")}
    assert props["syncStatus"] == {"$ref": _ref("SyncStatus")}
    assert props["metadata"].get("additionalProperties", True) is not False
    assert "enum" not in props["errorCode"]


def test_setup_connection_fields() -> None:
    setup = SCHEMAS["SetupConnection"]
    assert setup["type"] == "object"
    assert _facts("SetupConnection") == docs.SETUP_FIELDS
    assert docs.READY_ONLY_FIELDS.isdisjoint(setup["properties"])
    required = set(setup["required"])
    assert docs.SETUP_REQUIRED_AT_LEAST <= required <= set(setup["properties"])
    props = setup["properties"]
    assert props["kind"]["const"] == "setup"
    assert props["status"] == {"$ref": _ref("ConnectionStatus")}
    assert props["setup"] == {"$ref": _ref("ConnectionSetup")}
    assert props["metadata"].get("additionalProperties", True) is not False


def test_connection_setup_fields() -> None:
    assert _facts("ConnectionSetup") == docs.CONNECTION_SETUP_FIELDS
    props = SCHEMAS["ConnectionSetup"]["properties"]
    assert props["instructions"] == {"$ref": _ref("SetupInstructions")}
    # The docs show single example values only: these must stay open strings.
    closed = {
        name
        for name in docs.CONNECTION_SETUP_OPEN_STRINGS
        if {"enum", "const", "pattern"} & set(props[name])
    }
    assert closed == set()


def test_setup_instructions_fields_are_all_string_or_null() -> None:
    assert _facts("SetupInstructions") == docs.SETUP_INSTRUCTIONS_FIELDS


def test_connection_resource_is_a_one_of_discriminated_by_kind() -> None:
    resource = SCHEMAS["ConnectionResource"]
    assert resource["oneOf"] == [
        {"$ref": _ref("ReadyConnection")},
        {"$ref": _ref("SetupConnection")},
    ]
    assert resource["discriminator"]["propertyName"] == "kind"
    mapping = resource["discriminator"]["mapping"]
    assert mapping == {"ready": _ref("ReadyConnection"), "setup": _ref("SetupConnection")}
    # The generator ignores the discriminator, so each variant must pin its kind with const.
    for kind, ref in mapping.items():
        assert _resolve({"$ref": ref})["properties"]["kind"]["const"] == kind


# --- list ---------------------------------------------------------------------------------


def test_list_query_parameters() -> None:
    params = {
        p["name"]: p for p in map(_resolve, SPEC["paths"]["/connections"]["get"]["parameters"])
    }
    assert set(params) == docs.LIST_QUERY_PARAMS
    assert {(p["in"], p.get("required", False)) for p in params.values()} == {("query", False)}
    limit = params["limit"]["schema"]
    assert (limit["type"], limit["minimum"], limit["maximum"], limit["default"]) == (
        "integer",
        docs.LIST_LIMIT_MIN,
        docs.LIST_LIMIT_MAX,
        docs.LIST_LIMIT_DEFAULT,
    )
    assert params["entityId"]["schema"] == {"type": "string", "format": "uuid"}
    assert params["institutionId"]["schema"] == {"type": "string"}
    assert params["cursor"]["schema"] == {"type": "string"}
    assert params["status"]["schema"] == {"$ref": _ref("ConnectionStatus")}


def test_list_envelope() -> None:
    responses = SPEC["paths"]["/connections"]["get"]["responses"]
    assert {code for code in responses if code.startswith("2")} == {"200"}
    assert _success_schema_ref(responses["200"]) == _ref("ConnectionList")
    envelope = SCHEMAS["ConnectionList"]
    assert set(envelope["properties"]) == docs.LIST_ENVELOPE_FIELDS
    assert envelope["properties"]["data"]["type"] == "array"
    assert envelope["properties"]["data"]["items"] == {"$ref": _ref("ConnectionResource")}
    assert envelope["properties"]["pagination"] == {"$ref": _ref("Pagination")}
    assert envelope["properties"]["meta"] == {"$ref": _ref("ResponseMeta")}
    assert {"data", "pagination"} <= set(envelope["required"])
    assert _facts("Pagination") == docs.PAGINATION_FIELDS
    assert "hasMore" in SCHEMAS["Pagination"]["required"]
    assert _facts("ResponseMeta") == docs.RESPONSE_META_FIELDS


# --- the documented examples validate against their schemas ---------------------------------


def test_connection_response_examples_are_the_component_examples() -> None:
    examples = SPEC["components"]["responses"]["Connection"]["content"]["application/json"][
        "examples"
    ]
    assert examples == {
        "ready": {"$ref": "#/components/examples/ReadyConnection"},
        "setup": {"$ref": "#/components/examples/SetupConnection"},
    }


@pytest.mark.parametrize(
    ("example", "schema", "other"),
    [
        ("ReadyConnection", "ReadyConnection", "SetupConnection"),
        ("SetupConnection", "SetupConnection", "ReadyConnection"),
    ],
)
def test_example_validates_against_its_schema_only(example: str, schema: str, other: str) -> None:
    value = _example(example)
    assert _errors(schema, value) == []
    assert _errors("ConnectionResource", value) == []  # oneOf: exactly one variant matched
    assert _errors(other, value) != []


def test_ready_payload_without_kind_is_still_a_ready_connection() -> None:
    value = _example("ReadyConnection")
    del value["kind"]
    assert _errors("ReadyConnection", value) == []
    assert _errors("ConnectionResource", value) == []


@pytest.mark.parametrize(
    ("field", "bad"),
    [
        ("status", "suspended"),
        ("syncStatus", "busy"),
        ("kind", "setup"),
        ("createdAt", "yesterday"),
        ("institutionId", None),
        ("metadata", []),
    ],
)
def test_schema_rejects_a_broken_ready_payload(field: str, bad: Any) -> None:
    value = _example("ReadyConnection")
    value[field] = bad
    assert _errors("ReadyConnection", value) != []


@pytest.mark.parametrize("field", sorted(docs.READY_REQUIRED), ids=lambda f: f"without-{f}")
def test_ready_payload_missing_a_required_field_is_rejected(field: str) -> None:
    value = _example("ReadyConnection")
    del value[field]
    assert _errors("ReadyConnection", value) != []


def test_setup_payload_accepts_nulls_while_provisioning() -> None:
    value = _example("SetupConnection")
    value["institutionId"] = None
    value["setup"]["instructions"] = dict.fromkeys(value["setup"]["instructions"])
    assert _errors("SetupConnection", value) == []
    assert _errors("ConnectionResource", value) == []


def test_request_and_list_examples_validate() -> None:
    create = SPEC["paths"]["/connections"]["post"]["requestBody"]["content"]["application/json"]
    assert set(create["examples"]) == {"byInstitution", "byPortal"}
    for example in create["examples"].values():
        assert _errors("CreateConnectionRequest", example["value"]) == []
    bad = {**create["examples"]["byInstitution"]["value"], "entityId": "not-a-uuid"}
    assert _errors("CreateConnectionRequest", bad) != []

    creds = SPEC["paths"]["/connections/{connectionId}/credentials"]["put"]["requestBody"]
    assert (
        _errors("UpdateCredentialsRequest", creds["content"]["application/json"]["example"]) == []
    )

    assert _errors("ConnectionList", SCHEMAS["ConnectionList"]["example"]) == []
    page = {
        "data": [_example("ReadyConnection"), _example("SetupConnection")],
        "pagination": {"hasMore": True, "nextCursor": "cur_2"},
        "meta": {"requestId": "req_1"},
    }
    assert _errors("ConnectionList", page) == []
    page["data"].append({"id": "conn_9", "kind": "mystery"})
    assert _errors("ConnectionList", page) != []
