"""`client.entities`: request building, argument checks, retries, parsing, pagination."""

from __future__ import annotations

import datetime
import json
import pickle
import uuid

import httpx2
import pytest

import waycore
from waycore.types.entity import Entity

ENTITY = "3c90c3cc-0d44-4b50-8888-8dd25736052a"

# The spec's example (schemas.Entity.example), plus a field this SDK does not know.
PAYLOAD = {
    "entityId": ENTITY,
    "externalEntityId": "acme-corp-001",
    "isDefaultOrgEntity": False,
    "createdAt": "2023-11-07T05:31:56Z",
    "updatedAt": "2023-11-07T05:31:56Z",
    "name": "Acme Corp",
    "metadata": {"crmId": "0015g00000XyZ"},
    "contactEmails": ["treasury@acme.example"],
    "tier": "gold",
}


def _body(request: httpx2.Request) -> object:
    return json.loads(request.content) if request.content else None


def _page(ids, cursor=None, request_id=None):
    body = {
        "data": [{**PAYLOAD, "entityId": i} for i in ids],
        "pagination": {"hasMore": cursor is not None, "nextCursor": cursor},
    }
    if request_id:
        body["meta"] = {"requestId": request_id}
    return httpx2.Response(200, json=body)


@pytest.fixture
def ok(recorder):
    return recorder(httpx2.Response(200, json=PAYLOAD))


# --- create ---------------------------------------------------------------------------------


def test_create_sends_the_documented_body(api, recorder):
    handler = recorder(httpx2.Response(201, json=PAYLOAD))
    entity = api.run(
        api.client(handler).entities.create(
            external_entity_id="acme-corp-001", name="Acme Corp", metadata={"crmId": "x"}
        )
    )
    assert isinstance(entity, Entity) and entity.entity_id == ENTITY
    (request,) = handler.requests
    assert (request.method, request.url.path) == ("POST", "/v1/entities")
    assert _body(request) == {
        "externalEntityId": "acme-corp-001",
        "name": "Acme Corp",
        "metadata": {"crmId": "x"},
    }


def test_create_omits_arguments_left_as_none(api, ok):
    api.run(api.client(ok).entities.create(external_entity_id="acme"))
    assert _body(ok.requests[0]) == {"externalEntityId": "acme"}
    assert b"null" not in ok.requests[0].content


@pytest.mark.parametrize(
    ("kwargs", "param", "error"),
    [
        ({"external_entity_id": ""}, "external_entity_id", ValueError),
        ({"external_entity_id": None}, "external_entity_id", TypeError),
        ({"external_entity_id": 7}, "external_entity_id", TypeError),
        ({"external_entity_id": "a", "name": 7}, "name", TypeError),
        ({"external_entity_id": "a", "metadata": "crm"}, "metadata", TypeError),
        ({"external_entity_id": "a", "metadata": {1: "x"}}, "metadata", TypeError),
        ({"external_entity_id": "a", "metadata": {"x": object()}}, "metadata", TypeError),
        ({"external_entity_id": "a", "metadata": {"x": float("nan")}}, "metadata", TypeError),
    ],
)
def test_create_bad_arguments_send_nothing(api, ok, kwargs, param, error):
    with pytest.raises(error, match=param):
        api.run(api.client(ok).entities.create(**kwargs))
    assert ok.calls == 0


def test_create_is_not_retried_after_a_5xx(api, recorder):
    # It may have been created: repeating the POST could make a second entity.
    handler = recorder(
        httpx2.Response(503, json={"code": "unavailable"}), httpx2.Response(200, json=PAYLOAD)
    )
    with pytest.raises(waycore.InternalServerError):
        api.run(api.client(handler).entities.create(external_entity_id="acme"))
    assert handler.calls == 1


def test_create_is_retried_on_429_and_connect_errors(api, recorder):
    handler = recorder(
        httpx2.Response(429, headers={"Retry-After": "1"}),
        httpx2.ConnectError("refused"),
        httpx2.Response(201, json=PAYLOAD),
    )
    entity = api.run(api.client(handler).entities.create(external_entity_id="acme"))
    assert entity.external_entity_id == "acme-corp-001"
    assert handler.calls == 3


def test_create_conflict(api, recorder):
    handler = recorder(httpx2.Response(409, json={"error": {"code": "conflict", "message": "dup"}}))
    with pytest.raises(waycore.ConflictError) as info:
        api.run(api.client(handler).entities.create(external_entity_id="acme"))
    assert info.value.code == "conflict"
    assert handler.calls == 1


# --- retrieve / ids -------------------------------------------------------------------------


@pytest.mark.parametrize("given", [ENTITY, ENTITY.upper(), uuid.UUID(ENTITY)])
def test_retrieve_normalises_the_uuid(api, ok, given):
    entity = api.run(api.client(ok).entities.retrieve(given))
    assert entity.name == "Acme Corp"
    (request,) = ok.requests
    assert (request.method, request.url.path) == ("GET", f"/v1/entities/{ENTITY}")


@pytest.mark.parametrize("bad", ["", None, "acme-corp-001", "../x", 42, b"id"])
@pytest.mark.parametrize(
    "method",
    [
        lambda e, i: e.retrieve(i),
        lambda e, i: e.update(i, contact_emails=[]),
        lambda e, i: e.delete(i),
    ],
    ids=["retrieve", "update", "delete"],
)
def test_bad_entity_id_sends_nothing(api, ok, bad, method):
    with pytest.raises(ValueError, match="entity_id"):
        api.run(method(api.client(ok).entities, bad))
    assert ok.calls == 0


def test_retrieve_not_found(api, recorder):
    handler = recorder(httpx2.Response(404, json={"code": "not_found", "message": "No entity"}))
    with pytest.raises(waycore.NotFoundError) as info:
        api.run(api.client(handler).entities.retrieve(ENTITY))
    assert info.value.code == "not_found"


def test_retrieve_unprocessable(api, recorder):
    handler = recorder(httpx2.Response(422, json={"detail": "bad uuid"}))
    with pytest.raises(waycore.UnprocessableEntityError):
        api.run(api.client(handler).entities.retrieve(ENTITY))


@pytest.mark.parametrize(
    "body",
    [
        {**PAYLOAD, "isDefaultOrgEntity": "no"},
        {k: v for k, v in PAYLOAD.items() if k != "externalEntityId"},
        {**PAYLOAD, "contactEmails": "a@b.example"},
        {**PAYLOAD, "createdAt": "yesterday"},
        [PAYLOAD],
    ],
)
def test_a_2xx_with_a_bad_body_keeps_the_body(api, recorder, body):
    handler = recorder(httpx2.Response(200, json=body))
    with pytest.raises(waycore.APIResponseValidationError) as info:
        api.run(api.client(handler).entities.retrieve(ENTITY))
    assert info.value.body == body


# --- model ----------------------------------------------------------------------------------


def test_entity_model_from_the_spec_example():
    entity = Entity.from_dict(PAYLOAD)
    assert entity.entity_id == ENTITY
    assert entity.external_entity_id == "acme-corp-001"
    assert entity.is_default_org_entity is False
    assert entity.created_at == datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)
    assert entity.contact_emails == ["treasury@acme.example"]
    assert entity.metadata == {"crmId": "0015g00000XyZ"}
    assert entity.extra == {"tier": "gold"}
    assert entity.to_dict() == PAYLOAD
    assert pickle.loads(pickle.dumps(entity)) == entity


def test_entity_absent_optional_fields():
    minimal = {k: PAYLOAD[k] for k in ("entityId", "externalEntityId", "isDefaultOrgEntity",
                                       "createdAt", "updatedAt")}  # fmt: skip
    entity = Entity.from_dict({**minimal, "name": None})
    assert entity.name is None
    assert entity.contact_emails == []
    assert entity.metadata == {}
    assert entity.extra == {}
    assert entity.to_dict() == {**minimal, "contactEmails": [], "metadata": {}}


def test_entity_is_frozen():
    entity = Entity.from_dict(PAYLOAD)
    with pytest.raises(AttributeError):
        entity.name = "x"  # type: ignore[misc]


# --- list -----------------------------------------------------------------------------------


def test_list_walks_pages_repeating_filters(api, recorder):
    handler = recorder(_page(["e1", "e2"], "cur_a", "req_1"), _page(["e3"], None, "req_2"))
    pager = api.client(handler).entities.list(external_entity_id="acme-corp-001", limit=2)
    assert handler.calls == 0
    items = api.collect(pager)
    assert [e.entity_id for e in items] == ["e1", "e2", "e3"]
    assert all(isinstance(e, Entity) for e in items)
    filters = {"externalEntityId": "acme-corp-001", "limit": "2"}
    assert [dict(r.url.params) for r in handler.requests] == [
        filters,
        {**filters, "cursor": "cur_a"},
    ]
    assert all((r.method, r.url.path) == ("GET", "/v1/entities") for r in handler.requests)


def test_list_without_filters_sends_no_query(api, recorder):
    handler = recorder(_page(["e1"]))
    pages = api.pages(api.client(handler).entities.list())
    assert handler.requests[0].url.query == b""
    assert [(p.has_more, p.next_cursor) for p in pages] == [(False, None)]


@pytest.mark.parametrize(
    ("kwargs", "param", "error"),
    [
        ({"external_entity_id": ""}, "external_entity_id", ValueError),
        ({"external_entity_id": 7}, "external_entity_id", TypeError),
        ({"limit": 0}, "limit", ValueError),
        ({"limit": 501}, "limit", ValueError),
        ({"limit": "5"}, "limit", TypeError),
    ],
)
def test_list_bad_arguments_raise_at_call(api, ok, kwargs, param, error):
    with pytest.raises(error, match=param):
        api.client(ok).entities.list(**kwargs)
    assert ok.calls == 0


# --- update ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("emails", "sent"),
    [
        (
            ["treasury@acme.example", "cfo@acme.example"],
            ["treasury@acme.example", "cfo@acme.example"],
        ),
        (("a@b.example",), ["a@b.example"]),
        ([], []),
        (["x@y"] * 100, ["x@y"] * 100),
    ],
)
def test_update_replaces_contact_emails(api, ok, emails, sent):
    entity = api.run(api.client(ok).entities.update(ENTITY, contact_emails=emails))
    assert isinstance(entity, Entity)
    (request,) = ok.requests
    assert (request.method, request.url.path) == ("PATCH", f"/v1/entities/{ENTITY}")
    assert _body(request) == {"contactEmails": sent}


@pytest.mark.parametrize(
    ("emails", "error", "match"),
    [
        ("treasury@acme.example", TypeError, "not a string"),
        (None, TypeError, "contact_emails"),
        ({"a@b.example"}, TypeError, "contact_emails"),
        (["a@b.example", 5], TypeError, r"contact_emails\[1\]"),
        (["a@b.example", "not-an-email"], ValueError, r"contact_emails\[1\]"),
        (["x@y"] * 101, ValueError, "at most 100"),
    ],
)
def test_update_bad_contact_emails_send_nothing(api, ok, emails, error, match):
    with pytest.raises(error, match=match) as info:
        api.run(api.client(ok).entities.update(ENTITY, contact_emails=emails))
    assert "not-an-email" not in str(info.value)  # personal data is not echoed
    assert ok.calls == 0


def test_update_contact_emails_is_required(api, ok):
    with pytest.raises(TypeError):
        api.run(api.client(ok).entities.update(ENTITY))  # type: ignore[call-arg]
    assert ok.calls == 0


# --- delete ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [httpx2.Response(204), httpx2.Response(200, json={"deleted": True}), httpx2.Response(202),
     httpx2.Response(200, content=b"not json")],
)  # fmt: skip
def test_delete_returns_none(api, recorder, response):
    handler = recorder(response)
    assert api.run(api.client(handler).entities.delete(uuid.UUID(ENTITY))) is None
    (request,) = handler.requests
    assert (request.method, request.url.path) == ("DELETE", f"/v1/entities/{ENTITY}")
    assert request.content == b""


def test_delete_conflict_while_syncing(api, recorder):
    body = {"error": {"code": "sync_in_progress", "message": "A connection is syncing"}}
    handler = recorder(httpx2.Response(409, json=body))
    with pytest.raises(waycore.ConflictError) as info:
        api.run(api.client(handler).entities.delete(ENTITY))
    assert info.value.status_code == 409 and info.value.code == "sync_in_progress"
    assert handler.calls == 1


# --- raw responses and call options ---------------------------------------------------------


def test_raw_retrieve(api, recorder):
    handler = recorder(
        httpx2.Response(200, json={**PAYLOAD, "meta": {"requestId": "req_9"}},
                        headers={"x-request-id": "hdr"})
    )  # fmt: skip
    raw = api.run(api.client(handler).with_raw_response.entities.retrieve(ENTITY))
    assert raw.status_code == 200
    assert raw.request_id == "req_9"
    entity = raw.parse()
    assert isinstance(entity, Entity) and entity.extra["meta"] == {"requestId": "req_9"}


def test_raw_list_and_delete(api, recorder):
    handler = recorder(
        _page(["e1"], None, "req_1"), httpx2.Response(204, headers={"x-request-id": "req_2"})
    )
    client = api.client(handler)
    raw_page = api.run(client.with_raw_response.entities.list(limit=1))
    assert raw_page.request_id == "req_1"
    assert [e.entity_id for e in raw_page.parse().data] == ["e1"]
    raw_delete = api.run(client.with_raw_response.entities.delete(ENTITY))
    assert (raw_delete.status_code, raw_delete.request_id, raw_delete.parse()) == (
        204,
        "req_2",
        None,
    )


def test_extra_options_are_merged(api, ok):
    api.run(
        api.client(ok).entities.create(
            external_entity_id="acme",
            extra_body={"region": "eu"},
            extra_query={"dryRun": "1"},
            extra_headers={"X-Trace": "t1"},
        )
    )
    (request,) = ok.requests
    assert _body(request) == {"externalEntityId": "acme", "region": "eu"}
    assert request.url.params["dryRun"] == "1"
    assert request.headers["X-Trace"] == "t1"
