"""Options every method takes (`extra_*`, `deadline`), `with_raw_response`, and the per-call
retry policy and idempotency key, through both clients."""

from __future__ import annotations

import json
import pickle

import httpx2
import pytest

import waycore
from waycore._operation import Operation, RequestOptions, Retry
from waycore._response import ignore_body

CONN = "conn_123"


def _body(request: httpx2.Request) -> object:
    return json.loads(request.content) if request.content else None


# --- extra_headers / extra_query / extra_body ---------------------------------------------


def test_extra_headers_reach_the_wire(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler)
    api.run(client.connections.retrieve(CONN, extra_headers={"X-Trace": "t-1"}))
    assert handler.requests[0].headers["X-Trace"] == "t-1"


@pytest.mark.parametrize("name", ["Authorization", "authorization", "AUTHORIZATION"])
def test_extra_headers_cannot_replace_auth(api, recorder, ready_payload, name):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler)
    api.run(client.connections.retrieve(CONN, extra_headers={name: "Bearer stolen"}))
    assert handler.requests[0].headers.get_list("authorization") == [
        f"Bearer {client._config.api_key}"
    ]


def test_extra_headers_cannot_replace_auth_on_own_pool(recorder, ready_payload, monkeypatch):
    # The SDK's own pool carries the auth header at client level; a request-level header
    # would override it in httpx2, so it must be dropped before.
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    real_client = httpx2.Client

    def with_mock(**kwargs):
        return real_client(transport=httpx2.MockTransport(handler), **kwargs)

    monkeypatch.setattr(waycore.Waycore, "_http_client_class", staticmethod(with_mock))
    client = waycore.Waycore("way_test_own", base_url="https://api.test.example/v1")
    client.connections.retrieve(CONN, extra_headers={"Authorization": "Bearer stolen"})
    assert handler.requests[0].headers["authorization"] == "Bearer way_test_own"


def test_extra_query_and_body_merged(api, recorder, ready_payload, entity_id):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler)
    api.run(
        client.connections.create(
            entity_id=entity_id,
            institution_id="chase",
            extra_query={"fields": "id"},
            extra_body={"nickname": "ops"},
        )
    )
    request = handler.requests[0]
    assert request.url.params["fields"] == "id"
    assert _body(request) == {"entityId": entity_id, "institutionId": "chase", "nickname": "ops"}


def test_extra_query_repeated_on_every_page(api, recorder, ready_payload):
    def page(cursor, more):
        return {
            "data": [ready_payload(id=f"c_{cursor}")],
            "pagination": {"hasMore": more, "nextCursor": "n1" if more else None},
        }

    handler = recorder(
        httpx2.Response(200, json=page(0, True)), httpx2.Response(200, json=page(1, False))
    )
    client = api.client(handler)
    api.collect(client.connections.list(status="active", extra_query={"fields": "id"}))
    assert [dict(r.url.params) for r in handler.requests] == [
        {"status": "active", "fields": "id"},
        {"status": "active", "fields": "id", "cursor": "n1"},
    ]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("extra_headers", {"X-A": "a\r\nInjected: 1"}),
        ("extra_headers", {"bad name": "v"}),
        ("extra_headers", ["X-A"]),
        ("extra_query", "fields=id"),
        ("extra_body", {1: "x"}),
    ],
)
def test_bad_extras_rejected_before_sending(api, recorder, ready_payload, option, value):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler)
    with pytest.raises(ValueError, match=option):
        api.run(client.connections.retrieve(CONN, **{option: value}))
    assert handler.calls == 0


# --- with_raw_response ----------------------------------------------------------------------


def test_raw_response_single_object(api, recorder, ready_payload):
    handler = recorder(
        httpx2.Response(
            200,
            json={**ready_payload(), "meta": {"requestId": "req_body"}},
            headers={"x-request-id": "req_header", "Idempotent-Replayed": "true"},
        )
    )
    client = api.client(handler)
    raw = api.run(client.with_raw_response.connections.retrieve(CONN))
    assert isinstance(raw, waycore.APIResponse)
    assert raw.status_code == 200
    assert raw.headers["idempotent-replayed"] == "true"
    assert raw.request_id == "req_body"
    assert isinstance(raw.http_response, httpx2.Response)
    conn = raw.parse()
    assert isinstance(conn, waycore.ReadyConnection) and conn.id == CONN


def test_raw_response_request_id_from_header(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload(), headers={"x-request-id": "r9"}))
    raw = api.run(api.client(handler).with_raw_response.connections.retrieve(CONN))
    assert raw.request_id == "r9"


def test_raw_response_sync_returns_none_when_parsed(api, recorder):
    handler = recorder(httpx2.Response(202))
    raw = api.run(api.client(handler).with_raw_response.connections.sync(CONN))
    assert raw.status_code == 202 and raw.parse() is None


def test_raw_response_list_is_first_page(api, recorder, ready_payload):
    body = {
        "data": [ready_payload()],
        "pagination": {"hasMore": True, "nextCursor": "n1"},
        "meta": {"requestId": "req_p1"},
    }
    handler = recorder(httpx2.Response(200, json=body))
    raw = api.run(api.client(handler).with_raw_response.connections.list(limit=1))
    page = raw.parse()
    assert isinstance(page, waycore.Page)
    assert (page.has_more, page.next_cursor, page.request_id) == (True, "n1", "req_p1")
    assert handler.calls == 1


def test_raw_response_does_not_leak_into_normal_calls(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler)
    api.run(client.with_raw_response.connections.retrieve(CONN))
    assert isinstance(api.run(client.connections.retrieve(CONN)), waycore.ReadyConnection)


def test_raw_response_errors_still_raise(api, recorder):
    handler = recorder(httpx2.Response(404, json={"error": {"code": "not_found"}}))
    with pytest.raises(waycore.NotFoundError):
        api.run(api.client(handler).with_raw_response.connections.retrieve(CONN))


def test_raw_list_checks_arguments_at_call(api, recorder):
    handler = recorder(httpx2.Response(500))
    with pytest.raises(ValueError, match="limit"):
        api.run(api.client(handler).with_raw_response.connections.list(limit=0))
    assert handler.calls == 0


# --- retry policy and idempotency keys ------------------------------------------------------

UNSAFE_POST = Operation("createThing", "POST", "/things", "things.create", body=("name",),
                        retry=Retry.UNSAFE)  # fmt: skip
KEYED_POST = Operation("createTransferLike", "POST", "/transfers", "transfers.create_internal",
                       body=("name",), retry=Retry.SAFE, idempotency_key=True)  # fmt: skip


def _send(api, client, call, **options: object):
    opts: RequestOptions = options  # type: ignore[assignment]
    return api.run(client._request(call, ignore_body, opts))


@pytest.mark.parametrize(
    "failure",
    [
        httpx2.Response(503),
        httpx2.Response(500),
        httpx2.Response(408),
        httpx2.ReadTimeout("slow"),
        httpx2.RemoteProtocolError("dropped"),
        httpx2.ReadError("reset"),
    ],
    ids=["503", "500", "408", "read-timeout", "dropped", "reset"],
)
def test_unsafe_post_sent_once_when_it_may_have_been_processed(api, recorder, failure):
    handler = recorder(failure, httpx2.Response(201))
    client = api.client(handler, max_retries=3)
    with pytest.raises(waycore.APIError):
        _send(api, client, UNSAFE_POST.call(json={"name": "x"}))
    assert handler.calls == 1
    assert api.sleeps == []


@pytest.mark.parametrize(
    "failure",
    [
        httpx2.Response(429),
        httpx2.ConnectError("refused"),
        httpx2.ConnectTimeout("no route"),
    ],
    ids=["429", "connect-error", "connect-timeout"],
)
def test_unsafe_post_retried_when_surely_not_processed(api, recorder, failure):
    handler = recorder(failure, httpx2.Response(201))
    client = api.client(handler, max_retries=3)
    _send(api, client, UNSAFE_POST.call(json={"name": "x"}))
    assert handler.calls == 2


@pytest.mark.parametrize(
    "failure",
    [httpx2.Response(503), httpx2.ReadTimeout("slow"), httpx2.RemoteProtocolError("dropped")],
    ids=["503", "read-timeout", "dropped"],
)
def test_keyed_post_retried_with_the_same_key(api, recorder, failure):
    handler = recorder(failure, failure, httpx2.Response(201))
    client = api.client(handler, max_retries=3)
    _send(api, client, KEYED_POST.call(json={"name": "x"}))
    keys = [r.headers["Idempotency-Key"] for r in handler.requests]
    assert len(keys) == 3 and len(set(keys)) == 1 and keys[0]


def test_keyed_post_new_key_per_call_and_callers_key_kept(api, recorder):
    handler = recorder(httpx2.Response(201))
    client = api.client(handler)
    _send(api, client, KEYED_POST.call(json={"name": "x"}))
    _send(api, client, KEYED_POST.call(json={"name": "x"}))
    _send(api, client, KEYED_POST.call(json={"name": "x"}, idempotency_key="order-42"))
    keys = [r.headers["Idempotency-Key"] for r in handler.requests]
    assert keys[0] != keys[1]
    assert keys[2] == "order-42"


def test_connection_create_is_retried_after_a_5xx(api, recorder, ready_payload, entity_id):
    # create-or-return: repeating it is safe, so it keeps the normal retry rules.
    handler = recorder(httpx2.Response(503), httpx2.Response(200, json=ready_payload()))
    client = api.client(handler)
    api.run(client.connections.create(entity_id=entity_id, institution_id="chase"))
    assert handler.calls == 2


def test_operation_refuses_undeclared_names():
    with pytest.raises(AssertionError, match="body"):
        UNSAFE_POST.call(json={"other": 1})
    with pytest.raises(AssertionError, match="query"):
        UNSAFE_POST.call(params={"other": 1})


# --- redirects --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_redirect_never_followed_even_if_the_http_client_would(recorder, status, entity_id):
    handler = recorder(httpx2.Response(status, headers={"Location": "https://evil.example/x"}))
    http = httpx2.Client(transport=httpx2.MockTransport(handler), follow_redirects=True)
    client = waycore.Waycore("way_k", base_url="https://api.test.example/v1", http_client=http)
    with pytest.raises(waycore.APIStatusError) as info:
        client.connections.update_credentials(CONN, password="hunter2")
    assert info.value.status_code == status
    assert [r.url.host for r in handler.requests] == ["api.test.example"]


# --- pickling -------------------------------------------------------------------------------


def test_status_error_survives_pickle_without_secrets(api, recorder):
    body = {"error": {"code": "invalid", "message": "bad", "requestId": "req_1"}}
    handler = recorder(httpx2.Response(422, json=body))
    client = api.client(handler, api_key="way_test_PICKLEKEY")
    with pytest.raises(waycore.UnprocessableEntityError) as info:
        api.run(client.connections.update_credentials(CONN, password="pw-PICKLEPW"))
    data = pickle.dumps(info.value)
    assert b"PICKLEKEY" not in data and b"PICKLEPW" not in data
    copy = pickle.loads(data)
    assert type(copy) is waycore.UnprocessableEntityError
    assert (copy.status_code, copy.code, copy.message, copy.request_id) == (
        422,
        "invalid",
        "bad",
        "req_1",
    )
    assert copy.body == body and copy.response is None
    assert str(copy) == str(info.value)


def test_models_survive_pickle(ready_payload, setup_payload):
    parse = waycore.ReadyConnection.from_dict
    conn = parse(ready_payload(extraField=1))
    assert pickle.loads(pickle.dumps(conn)) == conn
    setup = waycore.SetupConnection.from_dict(setup_payload())
    assert pickle.loads(pickle.dumps(setup)) == setup
