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


def test_the_documented_operations_exist_and_no_others() -> None:
    assert set(_operations()) == docs.OPERATIONS


def test_every_operation_has_a_unique_operation_id_a_summary_and_a_description() -> None:
    ops = _operations()
    ids = [op.get("operationId") for op in ops.values()]
    assert all(isinstance(i, str) and i for i in ids), ids
    assert len(set(ids)) == len(ids)
    for field in ("summary", "description"):
        missing = {key for key, op in ops.items() if not str(op.get(field, "")).strip()}
        assert missing == set(), field


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


# --- every schema: an example, and the example is valid -------------------------------------


def test_every_schema_has_an_example_that_it_accepts() -> None:
    missing = {name for name, schema in SCHEMAS.items() if "example" not in schema}
    assert missing == set()
    invalid = {
        name: errors
        for name, schema in SCHEMAS.items()
        if (errors := _errors(name, copy.deepcopy(schema["example"])))
    }
    assert invalid == {}


def test_every_component_example_is_valid() -> None:
    targets = {"ReadyConnection": "ConnectionResource", "SetupConnection": "ConnectionResource"}
    for name in SPEC["components"]["examples"]:
        assert _errors(targets.get(name, name), _example(name)) == [], name


def test_operation_examples_are_valid() -> None:
    for (method, path), op in _operations().items():
        content = op.get("requestBody", {}).get("content", {}).get("application/json")
        if content is None:
            continue
        schema = content["schema"]["$ref"].rsplit("/", 1)[1]
        values = [content["example"]] if "example" in content else []
        values += [_resolve(e)["value"] for e in content.get("examples", {}).values()]
        assert values, (method, path)
        for value in values:
            assert _errors(schema, value) == [], (method, path)


# --- the other resources: operations ---------------------------------------------------------


def _params(method: str, path: str) -> dict[str, dict[str, Any]]:
    item = SPEC["paths"][path]
    params = [*item.get("parameters", []), *item[method].get("parameters", [])]
    return {p["name"]: p for p in map(_resolve, params)}


def _success(method: str, path: str) -> dict[str, dict[str, Any]]:
    responses = SPEC["paths"][path][method]["responses"]
    return {code: r for code, r in responses.items() if code.startswith("2")}


def test_path_parameters_match_the_path_templates() -> None:
    seen = set()
    for (method, path), _op in _operations().items():
        names = {part[1:-1] for part in path.split("/") if part.startswith("{")}
        in_path = {name: p for name, p in _params(method, path).items() if p["in"] == "path"}
        assert set(in_path) == names, (method, path)
        for name, param in in_path.items():
            assert param["required"] is True
            assert param["schema"]["type"] == "string"
            assert param["schema"].get("format") == docs.PATH_PARAM_FORMATS[name], name
            seen.add(name)
    assert seen == set(docs.PATH_PARAM_FORMATS)


@pytest.mark.parametrize(("method", "path"), sorted(docs.LIST_QUERY), ids=" ".join)
def test_list_query_parameter_names(method: str, path: str) -> None:
    params = _params(method, path)
    assert set(params) == docs.LIST_QUERY[(method, path)]
    assert {(p["in"], p.get("required", False)) for p in params.values()} == {("query", False)}
    limit = params["limit"]["schema"]
    assert (limit["type"], limit["minimum"], limit["maximum"]) == (
        "integer",
        docs.LIST_LIMIT_MIN,
        docs.LIST_LIMIT_MAX,
    )
    if (method, path) in docs.LIMIT_DEFAULT_DOCUMENTED:
        assert limit["default"] == docs.LIST_LIMIT_DEFAULT
    else:
        assert "default" not in limit
    assert params["cursor"]["schema"] == {"type": "string"}
    for name in docs.DATE_QUERY_PARAMS.get((method, path), set()):
        assert params[name]["schema"] == {"type": "string", "format": "date"}, name


@pytest.mark.parametrize(("method", "path"), sorted(docs.LISTS), ids=" ".join)
def test_every_list_returns_its_own_envelope(method: str, path: str) -> None:
    envelope_name, item_name = docs.LISTS[(method, path)]
    success = _success(method, path)
    assert set(success) == {"200"}
    assert _success_schema_ref(success["200"]) == _ref(envelope_name)
    envelope = SCHEMAS[envelope_name]
    assert envelope["type"] == "object"
    assert set(envelope["properties"]) == docs.LIST_ENVELOPE_FIELDS
    assert envelope["properties"]["data"]["type"] == "array"
    assert envelope["properties"]["data"]["items"] == {"$ref": _ref(item_name)}
    assert envelope["properties"]["pagination"] == {"$ref": _ref("Pagination")}
    assert envelope["properties"]["meta"] == {"$ref": _ref("ResponseMeta")}
    assert set(envelope["required"]) == {"data", "pagination"}


def test_the_list_envelope_is_one_per_resource() -> None:
    envelopes = [envelope for envelope, _item in docs.LISTS.values()]
    assert len(set(envelopes)) == len(envelopes)


@pytest.mark.parametrize(("method", "path"), sorted(docs.SINGLE_OBJECT_RESPONSES), ids=" ".join)
def test_single_object_responses(method: str, path: str) -> None:
    success = _success(method, path)
    assert success
    expected = _ref(docs.SINGLE_OBJECT_RESPONSES[(method, path)])
    assert {code: _success_schema_ref(r) for code, r in success.items()} == dict.fromkeys(
        success, expected
    )


@pytest.mark.parametrize(("method", "path"), sorted(docs.NO_BODY_OPERATIONS), ids=" ".join)
def test_undocumented_success_bodies_are_not_promised(method: str, path: str) -> None:
    op = SPEC["paths"][path][method]
    assert "requestBody" not in op
    success = _success(method, path)
    assert {"200", "204"} <= set(success)
    assert {code for code, r in success.items() if _success_schema_ref(r) is not None} == set()


@pytest.mark.parametrize(("method", "path"), sorted(docs.DOCUMENTED_STATUSES), ids=" ".join)
def test_documented_statuses_are_listed(method: str, path: str) -> None:
    assert docs.DOCUMENTED_STATUSES[(method, path)] <= set(SPEC["paths"][path][method]["responses"])


@pytest.mark.parametrize(
    ("method", "path", "schema"),
    [
        ("post", "/entities", "CreateEntityRequest"),
        ("patch", "/entities/{entityId}", "UpdateEntityRequest"),
        ("post", "/transfers", "CreateTransferRequest"),
        ("post", "/webhooks", "CreateWebhookRequest"),
        ("patch", "/webhooks/{webhookId}", "UpdateWebhookRequest"),
    ],
)
def test_request_bodies(method: str, path: str, schema: str) -> None:
    body = SPEC["paths"][path][method]["requestBody"]
    assert body["required"] is True
    assert body["content"]["application/json"]["schema"] == {"$ref": _ref(schema)}


def test_only_the_documented_writes_take_a_body() -> None:
    with_body = {key for key, op in _operations().items() if "requestBody" in op}
    assert with_body == {
        ("post", "/connections"),
        ("put", "/connections/{connectionId}/credentials"),
        ("post", "/entities"),
        ("patch", "/entities/{entityId}"),
        ("post", "/transfers"),
        ("post", "/webhooks"),
        ("patch", "/webhooks/{webhookId}"),
    }


# --- the other resources: schemas ------------------------------------------------------------

FIELD_FACTS = {
    "Entity": (docs.ENTITY_FIELDS, docs.ENTITY_REQUIRED),
    "CreateEntityRequest": (docs.CREATE_ENTITY_REQUEST_FIELDS, docs.CREATE_ENTITY_REQUEST_REQUIRED),
    "UpdateEntityRequest": (docs.UPDATE_ENTITY_REQUEST_FIELDS, docs.UPDATE_ENTITY_REQUEST_REQUIRED),
    "Institution": (docs.INSTITUTION_FIELDS, docs.INSTITUTION_REQUIRED),
    "Account": (docs.ACCOUNT_FIELDS, docs.ACCOUNT_REQUIRED),
    "Balance": (docs.BALANCE_FIELDS, docs.BALANCE_REQUIRED),
    "Transaction": (docs.TRANSACTION_FIELDS, docs.TRANSACTION_REQUIRED),
    "TransactionSyncPage": (docs.SYNC_PAGE_FIELDS, {"events", "nextCursor", "hasMore"}),
    "Money": (docs.MONEY_FIELDS, set()),
    "InternalAccountDestination": (docs.INTERNAL_DESTINATION_FIELDS, set()),
    "InternalTransferRequest": (
        docs.INTERNAL_TRANSFER_REQUEST_FIELDS,
        docs.INTERNAL_TRANSFER_REQUEST_REQUIRED,
    ),
    "Transfer": (docs.TRANSFER_FIELDS, docs.TRANSFER_REQUIRED),
    "TransferFailureReason": (docs.FAILURE_REASON_FIELDS, set()),
    "Webhook": (docs.WEBHOOK_FIELDS, docs.WEBHOOK_REQUIRED),
    "CreateWebhookRequest": (
        docs.CREATE_WEBHOOK_REQUEST_FIELDS,
        docs.CREATE_WEBHOOK_REQUEST_REQUIRED,
    ),
    "UpdateWebhookRequest": (docs.UPDATE_WEBHOOK_REQUEST_FIELDS, set()),
    "CreateWebhookResponse": (docs.CREATE_WEBHOOK_RESPONSE_FIELDS, {"webhook", "meta"}),
    "WebhookEventEnvelope": (docs.WEBHOOK_ENVELOPE_FIELDS, docs.WEBHOOK_ENVELOPE_REQUIRED),
    "ConnectionStatusChangedData": (docs.CONNECTION_STATUS_CHANGED_DATA_FIELDS, set()),
    "TransactionsSyncAvailableData": (docs.TRANSACTIONS_SYNC_AVAILABLE_DATA_FIELDS, set()),
}


@pytest.mark.parametrize("name", sorted(FIELD_FACTS))
def test_schema_fields_and_required(name: str) -> None:
    fields, required = FIELD_FACTS[name]
    schema = SCHEMAS[name]
    assert schema["type"] == "object"
    assert _facts(name) == fields
    assert set(schema.get("required", [])) == required


ENUM_FACTS = {
    "AccountType": docs.ACCOUNT_TYPE,
    "AccountStatus": docs.ACCOUNT_STATUS,
    "BalanceSource": docs.BALANCE_SOURCE,
    "TransactionStatus": docs.TRANSACTION_STATUS,
    "EntryType": docs.ENTRY_TYPE,
    "TransactionRail": docs.TRANSACTION_RAIL_SHOWN,
    "TransactionSort": docs.TRANSACTION_SORT,
    "TransferStatus": docs.TRANSFER_STATUS,
    "TransferDirection": docs.TRANSFER_DIRECTION,
    "TransferType": docs.TRANSFER_TYPE,
    "WebhookEventType": docs.WEBHOOK_EVENT_TYPES,
}


@pytest.mark.parametrize("name", sorted(ENUM_FACTS))
def test_enum_is_exactly_the_documented_list_in_order(name: str) -> None:
    assert SCHEMAS[name]["type"] == "string"
    assert SCHEMAS[name]["enum"] == ENUM_FACTS[name]


def test_enum_properties_reference_their_enums() -> None:
    expected = {
        ("Account", "type"): "AccountType",
        ("Account", "status"): "AccountStatus",
        ("Balance", "source"): "BalanceSource",
        ("Transaction", "status"): "TransactionStatus",
        ("Transaction", "entryType"): "EntryType",
        ("Transaction", "rail"): "TransactionRail",
        ("Transfer", "status"): "TransferStatus",
        ("Transfer", "type"): "TransferDirection",
        ("Transfer", "transferType"): "TransferType",
        ("ExternalTransferRequest", "transferType"): "TransferType",
        ("WebhookEventEnvelope", "type"): "WebhookEventType",
        ("ConnectionStatusChangedData", "status"): "ConnectionStatus",
        ("ConnectionStatusChangedData", "previousStatus"): "ConnectionStatus",
    }
    for (schema, prop), enum in expected.items():
        assert SCHEMAS[schema]["properties"][prop] == {"$ref": _ref(enum)}, (schema, prop)
    for schema in ("Webhook", "CreateWebhookRequest", "UpdateWebhookRequest"):
        items = SCHEMAS[schema]["properties"]["events"]["items"]
        assert items == {"$ref": _ref("WebhookEventType")}, schema
    filters = {
        ("get", "/accounts", "type"): "AccountType",
        ("get", "/accounts", "status"): "AccountStatus",
        ("get", "/transactions", "status"): "TransactionStatus",
        ("get", "/transactions", "rail"): "TransactionRail",
        ("get", "/transactions", "sort"): "TransactionSort",
    }
    for (method, path, name), enum in filters.items():
        assert _params(method, path)[name]["schema"] == {"$ref": _ref(enum)}
    assert SCHEMAS["TransactionSort"]["default"] == docs.TRANSACTION_SORT_DEFAULT


def test_every_metadata_object_is_open() -> None:
    for name, schema in SCHEMAS.items():
        prop = schema.get("properties", {}).get("metadata")
        if prop is not None:
            assert prop["additionalProperties"] is True, name


def test_decimal_strings_and_patterns() -> None:
    decimals = {
        (name, prop)
        for name, schema in SCHEMAS.items()
        for prop, sub in schema.get("properties", {}).items()
        if sub.get("format") == "decimal"
    }
    assert decimals == {
        ("Account", "currentBalance"),
        ("Account", "availableBalance"),
        ("Balance", "ledgerBalance"),
        ("Balance", "postedTransactionDelta"),
        ("Transaction", "amount"),
        ("Money", "value"),
    }
    with_pattern = {("Account", "currentBalance"), ("Account", "availableBalance")}
    with_pattern.add(("Transaction", "amount"))
    for name, prop in decimals:
        sub = SCHEMAS[name]["properties"][prop]
        assert sub.get("pattern") == (
            docs.DECIMAL_PATTERN if (name, prop) in with_pattern else None
        )
    assert SCHEMAS["Transaction"]["properties"]["amount"]["pattern"] != docs.LEGACY_AMOUNT_PATTERN
    for name in ("Account", "Transaction"):
        assert SCHEMAS[name]["properties"]["currency"]["pattern"] == docs.CURRENCY_PATTERN
    currency = _params("get", "/accounts")["currency"]["schema"]
    assert currency == {"type": "string", "pattern": docs.CURRENCY_PATTERN}


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        *[("1234.56", True), ("-250.00", True), ("+0.5", True), ("7", True), (".5", True)],
        *[("", False), ("-", False), (".", False), ("1e5", False), ("12,50", False)],
        (12.5, False),
    ],
)
def test_decimal_pattern_accepts_signed_decimals_only(value: Any, ok: bool) -> None:
    account = copy.deepcopy(SCHEMAS["Account"]["example"])
    account["currentBalance"] = value
    assert (_errors("Account", account) == []) is ok


def test_entity_constraints() -> None:
    create = SCHEMAS["CreateEntityRequest"]["properties"]["externalEntityId"]
    assert create["minLength"] == docs.EXTERNAL_ENTITY_ID_MIN_LENGTH
    emails = SCHEMAS["UpdateEntityRequest"]["properties"]["contactEmails"]
    assert emails["maxItems"] == docs.CONTACT_EMAILS_MAX_ITEMS
    assert emails["items"] == {"type": "string"}
    assert SCHEMAS["Entity"]["properties"]["contactEmails"]["items"] == {"type": "string"}
    assert _errors("UpdateEntityRequest", {"contactEmails": []}) == []
    too_many = {"contactEmails": [f"u{i}@acme.example" for i in range(101)]}
    assert _errors("UpdateEntityRequest", too_many) != []
    assert _errors("CreateEntityRequest", {"externalEntityId": ""}) != []


def test_institution_keeps_undocumented_portal_fields() -> None:
    assert SCHEMAS["Institution"]["additionalProperties"] is True
    value = {"institutionId": "chase", "name": "Chase", "portalUrls": ["https://chase.com"]}
    assert _errors("Institution", value) == []


@pytest.mark.parametrize(
    ("field", "bad"),
    [
        ("type", "brokerage"),
        ("status", "frozen"),
        ("currency", "usd"),
        ("createdAt", "yesterday"),
        ("currentBalance", 1234.56),
        ("metadata", []),
    ],
)
def test_schema_rejects_a_broken_account(field: str, bad: Any) -> None:
    value = copy.deepcopy(SCHEMAS["Account"]["example"])
    value[field] = bad
    assert _errors("Account", value) != []


@pytest.mark.parametrize("field", sorted(docs.TRANSACTION_REQUIRED), ids=lambda f: f"without-{f}")
def test_transaction_missing_a_required_field_is_rejected(field: str) -> None:
    value = copy.deepcopy(SCHEMAS["Transaction"]["example"])
    del value[field]
    assert _errors("Transaction", value) != []


def test_transaction_accepts_a_pending_row_and_null_optional_strings() -> None:
    value = copy.deepcopy(SCHEMAS["Transaction"]["example"])
    value.update(dict.fromkeys(docs.TRANSACTION_OPTIONAL_STRINGS), postedDate=None)
    assert _errors("Transaction", value) == []


def test_balance_rows_are_fully_permissive() -> None:
    assert _errors("Balance", {}) == []
    assert _errors("Balance", {"ledgerBalance": None, "postedTransactionDelta": None}) == []
    assert _errors("Balance", {"source": "estimated"}) != []


# --- unions: every variant pins its tag with const (the generator ignores the discriminator) --

UNIONS = {
    "ConnectionResource": ("kind", {"ready": "ReadyConnection", "setup": "SetupConnection"}),
    "TransactionSyncEvent": ("type", docs.SYNC_EVENT_SCHEMAS),
    "CreateTransferRequest": (
        "type",
        {"internal": "InternalTransferRequest", "external": "ExternalTransferRequest"},
    ),
    "WebhookEvent": ("type", docs.WEBHOOK_EVENT_SCHEMAS),
}


@pytest.mark.parametrize("name", sorted(UNIONS))
def test_union_is_a_one_of_with_const_tags(name: str) -> None:
    tag, variants = UNIONS[name]
    union = SCHEMAS[name]
    assert union["oneOf"] == [{"$ref": _ref(schema)} for schema in variants.values()]
    assert union["discriminator"]["propertyName"] == tag
    assert union["discriminator"]["mapping"] == {
        value: _ref(schema) for value, schema in variants.items()
    }
    for value, schema in variants.items():
        assert SCHEMAS[schema]["properties"][tag]["const"] == value, schema
        if name != "ConnectionResource":  # a ready connection may omit its kind
            assert tag in SCHEMAS[schema]["required"], schema
    every_union = {n for n, s in SCHEMAS.items() if "oneOf" in s or "anyOf" in s}
    assert every_union == set(UNIONS)


@pytest.mark.parametrize("event_type", sorted(docs.SYNC_EVENT_SCHEMAS))
def test_sync_event_fields(event_type: str) -> None:
    schema = docs.SYNC_EVENT_SCHEMAS[event_type]
    facts = _facts(schema)
    assert {k: facts[k] for k in docs.SYNC_EVENT_COMMON_FIELDS} == docs.SYNC_EVENT_COMMON_FIELDS
    assert facts["transaction"] == ("ref", False, None)
    assert SCHEMAS[schema]["properties"]["transaction"] == {"$ref": _ref("Transaction")}
    if event_type == "removed":
        assert facts.keys() - docs.SYNC_EVENT_COMMON_FIELDS.keys() == {
            "transaction",
            "transactionId",
        }
        assert SCHEMAS[schema]["required"] == ["type"]
    else:
        assert set(facts) == {*docs.SYNC_EVENT_COMMON_FIELDS, "transaction"}
        assert set(SCHEMAS[schema]["required"]) == {"type", "transaction"}


def test_removed_event_carries_a_transaction_or_its_id() -> None:
    transaction = copy.deepcopy(SCHEMAS["Transaction"]["example"])
    assert _errors("TransactionSyncEvent", {"type": "removed", "transactionId": "t1"}) == []
    assert _errors("TransactionSyncEvent", {"type": "removed", "transaction": transaction}) == []
    assert _errors("TransactionSyncEvent", {"type": "removed"}) != []
    assert _errors("TransactionSyncEvent", {"type": "added", "transactionId": "t1"}) != []
    assert _errors("TransactionSyncEvent", {"type": "renamed", "transactionId": "t1"}) != []


def test_sync_page_has_no_pagination_wrapper() -> None:
    page = SCHEMAS["TransactionSyncPage"]
    assert "pagination" not in page["properties"]
    assert page["properties"]["events"]["items"] == {"$ref": _ref("TransactionSyncEvent")}
    assert page["properties"]["meta"] == {"$ref": _ref("ResponseMeta")}
    head = {"events": [], "nextCursor": "cur_head", "hasMore": False}
    assert _errors("TransactionSyncPage", head) == []


# --- transfers -----------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path"), sorted(docs.IDEMPOTENT_OPERATIONS), ids=" ".join)
def test_transfer_writes_take_an_idempotency_key(method: str, path: str) -> None:
    header = _params(method, path)["Idempotency-Key"]
    assert (header["in"], header.get("required", False)) == ("header", False)
    schema = header["schema"]
    assert (schema["type"], schema["minLength"], schema["maxLength"], schema["pattern"]) == (
        "string",
        docs.IDEMPOTENCY_KEY_MIN_LENGTH,
        docs.IDEMPOTENCY_KEY_MAX_LENGTH,
        docs.IDEMPOTENCY_KEY_PATTERN,
    )
    assert "409" in SPEC["paths"][path][method]["responses"]
    for response in _success(method, path).values():
        assert "Idempotent-Replayed" in _resolve(response)["headers"]


def test_only_transfer_writes_take_headers() -> None:
    with_headers = {
        key for key in _operations() if any(p["in"] == "header" for p in _params(*key).values())
    }
    assert with_headers == docs.IDEMPOTENT_OPERATIONS


def test_internal_transfer_request_constraints() -> None:
    props = SCHEMAS["InternalTransferRequest"]["properties"]
    assert props["transferType"]["const"] == "internal"
    assert props["amount"] == {"$ref": _ref("Money")}
    assert props["destination"] == {"$ref": _ref("InternalAccountDestination")}
    reference = props["clientReference"]
    assert (reference["minLength"], reference["maxLength"]) == docs.CLIENT_REFERENCE_LENGTH
    assert props["memo"]["maxLength"] == docs.MEMO_MAX_LENGTH
    assert props["skipPreflight"]["default"] is False
    body = copy.deepcopy(SCHEMAS["InternalTransferRequest"]["example"])
    assert _errors("CreateTransferRequest", body) == []
    for field, bad in [
        ("clientReference", ""),
        ("clientReference", "x" * 141),
        ("memo", "m" * 501),
    ]:
        assert _errors("InternalTransferRequest", {**body, field: bad}) != [], field


def test_external_transfer_request_is_permissive() -> None:
    schema = SCHEMAS["ExternalTransferRequest"]
    assert schema["additionalProperties"] is True
    assert schema["required"] == ["type"]
    assert "part" in schema["description"]
    for name in ("ExternalTransferDestination", "PaymentIdentifier"):
        assert SCHEMAS[name]["additionalProperties"] is True
    props = schema["properties"]
    assert props["destination"] == {"$ref": _ref("ExternalTransferDestination")}
    payment = {
        "type": "external",
        "transferType": "sepa",
        "destination": {
            "paymentIdentifier": {"scheme": "iban", "iban": "DE89370400440532013000"},
            "name": "Muster GmbH",
            "address": {"line1": "Hauptstr. 1", "city": "Berlin", "country": "DE"},
        },
        "someFutureField": 1,
    }
    assert _errors("CreateTransferRequest", payment) == []
    assert _errors("CreateTransferRequest", {**payment, "type": "domestic"}) != []


def test_transfer_describes_the_newest_shape_and_names_the_legacy_one() -> None:
    transfer = SCHEMAS["Transfer"]
    assert transfer["additionalProperties"] is True
    assert transfer["properties"]["requestedAmount"] == {"$ref": _ref("Money")}
    assert transfer["properties"]["executedAmount"] == {"$ref": _ref("Money")}
    assert transfer["properties"]["failureReason"] == {"$ref": _ref("TransferFailureReason")}
    assert transfer["properties"]["destination"]["additionalProperties"] is True
    for path in ("/transfers", "/transfers/{transferId}"):
        op = SPEC["paths"][path]["get"]
        assert op["x-waycore-generation"] == "legacy"
        assert all(field in op["description"] for field in docs.LEGACY_TRANSFER_FIELDS), path
    # The response sample omits status, direction and transferType: tolerated.
    minimal = copy.deepcopy(transfer["example"])
    for field in ("status", "type", "transferType"):
        del minimal[field]
    assert _errors("Transfer", minimal) == []
    legacy_extra = {**transfer["example"], "batchId": "b_1", "rail": "internalTransfer"}
    assert _errors("Transfer", legacy_extra) == []


# --- webhooks ------------------------------------------------------------------------------


def test_webhook_url_constraints() -> None:
    for name in ("Webhook", "CreateWebhookRequest", "UpdateWebhookRequest"):
        url = SCHEMAS[name]["properties"]["url"]
        assert (url["maxLength"], url["pattern"]) == (
            docs.WEBHOOK_URL_MAX_LENGTH,
            docs.WEBHOOK_URL_PATTERN,
        ), name
    events = SCHEMAS["CreateWebhookRequest"]["properties"]["events"]
    assert events["minItems"] == 1
    assert SCHEMAS["UpdateWebhookRequest"]["properties"]["events"]["minItems"] == 1
    good = copy.deepcopy(SCHEMAS["CreateWebhookRequest"]["example"])
    assert _errors("CreateWebhookRequest", good) == []
    for field, bad in [
        ("url", "http://hooks.acme.example/waycore"),
        ("url", "https://" + "a" * 2048),
        ("events", []),
        ("events", ["transfer.created"]),
    ]:
        assert _errors("CreateWebhookRequest", {**good, field: bad}) != [], (field, bad)


def test_webhook_update_allows_null_and_omission() -> None:
    assert _errors("UpdateWebhookRequest", {}) == []
    assert _errors("UpdateWebhookRequest", {"metadata": None}) == []
    assert _errors("UpdateWebhookRequest", {"active": False, "url": None}) == []


def test_webhook_create_is_wrapped_and_get_is_bare() -> None:
    created = SCHEMAS["CreateWebhookResponse"]["properties"]
    assert created["webhook"] == {"$ref": _ref("Webhook")}
    assert created["meta"] == {"$ref": _ref("ResponseMeta")}


@pytest.mark.parametrize("event_type", sorted(docs.WEBHOOK_EVENT_SCHEMAS))
def test_webhook_event_variants(event_type: str) -> None:
    name = docs.WEBHOOK_EVENT_SCHEMAS[event_type]
    schema = SCHEMAS[name]
    assert set(schema["properties"]) == set(docs.WEBHOOK_ENVELOPE_FIELDS)
    assert set(schema["required"]) == docs.WEBHOOK_ENVELOPE_REQUIRED
    envelope = docs.WEBHOOK_ENVELOPE_FIELDS
    facts = _facts(name)
    assert {k: facts[k] for k in ("id", "createdAt")} == {
        k: envelope[k] for k in ("id", "createdAt")
    }
    assert facts["type"] == ("string", False, None)
    assert facts["data"] == ("ref", False, None)
    example = copy.deepcopy(schema["example"])
    assert _errors("WebhookEventEnvelope", example) == []
    assert _errors("WebhookEvent", example) == []


def test_webhook_event_payloads() -> None:
    assert _facts("ConnectionStatusChangedData") == docs.CONNECTION_STATUS_CHANGED_DATA_FIELDS
    assert _facts("TransactionsSyncAvailableData") == docs.TRANSACTIONS_SYNC_AVAILABLE_DATA_FIELDS
    assert SCHEMAS["WebhookTestEventData"]["additionalProperties"] is True
    reserved = {"type": "account.created", "id": "evt_1", "createdAt": "2023-11-07T05:31:56Z"}
    reserved["data"] = {"accountId": "acct_1"}
    assert _errors("WebhookEventEnvelope", reserved) == []
    assert _errors("WebhookEvent", reserved) != []  # reserved: no documented payload yet


def test_top_level_webhooks_describe_the_documented_deliveries() -> None:
    hooks = SPEC["webhooks"]
    assert set(hooks) == set(docs.WEBHOOK_EVENT_SCHEMAS)
    ids = set()
    for event_type, item in hooks.items():
        op = item["post"]
        ids.add(op["operationId"])
        assert str(op["summary"]).strip() and str(op["description"]).strip()
        params = [_resolve(p) for p in op["parameters"]]
        assert [(p["name"], p["in"], p["required"]) for p in params] == [
            (docs.SIGNATURE_HEADER, "header", True)
        ]
        content = op["requestBody"]["content"]["application/json"]
        schema = docs.WEBHOOK_EVENT_SCHEMAS[event_type]
        assert content["schema"] == {"$ref": _ref(schema)}
        assert content["examples"]
        for example in content["examples"].values():
            value = _resolve(example)["value"]
            assert value["type"] == event_type
            assert _errors(schema, value) == []
        assert {code for code in op["responses"] if code.startswith("2")} == {"200"}
    assert ids.isdisjoint(op.get("operationId") for op in _operations().values())
