"""`client.webhooks`: requests, the unwrapped create, the hidden secret, partial updates and
the retry policy of the two POSTs that are not safe to repeat."""

from __future__ import annotations

import copy
import datetime
import json
import pickle
from typing import Any

import httpx2
import pytest

import waycore
from waycore._types import NOT_GIVEN
from waycore.types.webhook import Webhook, WebhookEventType

SECRET = "5f8d2a9c4b7e1f3a6d0c9b8e7f2a1d4c"
MASKED = "****************9f2c"
URL = "https://hooks.acme.example/waycore"


def webhook_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": "wh_123",
        "url": URL,
        "events": ["connection.status_changed", "transactions.sync_available"],
        "secret": MASKED,
        "active": True,
        "createdAt": "2023-11-07T05:31:56Z",
        "updatedAt": "2023-11-07T05:31:56Z",
        "metadata": {"team": "treasury"},
    }
    payload.update(overrides)
    return payload


def created_payload(**overrides: Any) -> dict[str, Any]:
    return {"webhook": webhook_payload(secret=SECRET, **overrides), "meta": {"requestId": "req_1"}}


def _body(request: httpx2.Request) -> Any:
    return json.loads(request.content) if request.content else None


@pytest.fixture
def created(recorder):
    return recorder(httpx2.Response(201, json=created_payload()))


@pytest.fixture
def bare(recorder):
    return recorder(httpx2.Response(200, json=webhook_payload()))


def create(client: Any, **overrides: Any) -> Any:
    kwargs: dict[str, Any] = {
        "url": URL,
        "events": ["connection.status_changed", "transactions.sync_available"],
    }
    kwargs.update(overrides)
    return client.webhooks.create(**kwargs)


# --- create ---------------------------------------------------------------------------------


def test_create_request_and_unwrapped_response(api, created):
    hook = api.run(
        create(
            api.client(created),
            events=[WebhookEventType.CONNECTION_STATUS_CHANGED, "test"],
            metadata={"team": "treasury"},
        )
    )
    (request,) = created.requests
    assert request.method == "POST"
    assert request.url.path == "/v1/webhooks"
    assert _body(request) == {
        "url": URL,
        "events": ["connection.status_changed", "test"],
        "metadata": {"team": "treasury"},
    }
    assert "Idempotency-Key" not in request.headers
    assert isinstance(hook, Webhook)
    assert hook.id == "wh_123" and hook.secret == SECRET
    assert hook.events == [
        WebhookEventType.CONNECTION_STATUS_CHANGED,
        WebhookEventType.TRANSACTIONS_SYNC_AVAILABLE,
    ]
    assert hook.metadata == {"team": "treasury"}
    assert hook.created_at == datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)


def test_create_without_metadata_omits_it(api, created):
    api.run(create(api.client(created), events=("test",)))
    assert _body(created.requests[0]) == {"url": URL, "events": ["test"]}


def test_create_accepts_200_too(api, recorder):
    handler = recorder(httpx2.Response(200, json=created_payload()))
    assert api.run(create(api.client(handler))).secret == SECRET


def test_secret_hidden_in_repr_but_complete_in_to_dict(api, created):
    hook = api.run(create(api.client(created)))
    for text in (repr(hook), str(hook), f"{hook}", repr([hook])):
        assert SECRET not in text
        assert "secret='***'" in text
    assert hook.to_dict()["secret"] == SECRET
    assert hook.to_dict() == created_payload()["webhook"]
    assert pickle.loads(pickle.dumps(hook)).secret == SECRET


def test_raw_create_keeps_wrapper_request_id(api, created):
    raw = api.run(create(api.client(created).with_raw_response))
    assert raw.status_code == 201
    assert raw.request_id == "req_1"
    assert raw.parse().secret == SECRET


@pytest.mark.parametrize(
    "body",
    [
        webhook_payload(secret=SECRET),  # bare, not wrapped
        {"webhook": webhook_payload(secret=None), "meta": {}},
        {"webhook": None, "meta": {}},
        [created_payload()],
    ],
    ids=["bare", "null-secret", "null-webhook", "array"],
)
def test_create_bad_body_keeps_it(api, recorder, body):
    handler = recorder(httpx2.Response(201, json=body))
    with pytest.raises(waycore.APIResponseValidationError) as info:
        api.run(create(api.client(handler)))
    assert info.value.body == body  # the caller still gets the id and secret
    assert handler.calls == 1


def test_create_without_meta_still_returns_webhook(api, recorder):
    handler = recorder(httpx2.Response(201, json={"webhook": webhook_payload(secret=SECRET)}))
    assert api.run(create(api.client(handler))).secret == SECRET


# --- retry policy ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        httpx2.Response(503),
        httpx2.Response(500),
        httpx2.RemoteProtocolError("server disconnected"),
        httpx2.ReadTimeout("read timed out"),
    ],
    ids=["503", "500", "dropped", "read-timeout"],
)
@pytest.mark.parametrize("method", ["create", "send_test_event"])
def test_unsafe_posts_sent_once_when_they_may_have_been_processed(api, recorder, failure, method):
    handler = recorder(failure, httpx2.Response(201, json=created_payload()))
    client = api.client(handler, max_retries=3)
    with pytest.raises(waycore.APIError):
        if method == "create":
            api.run(create(client))
        else:
            api.run(client.webhooks.send_test_event("wh_123"))
    assert handler.calls == 1
    assert api.sleeps == []


@pytest.mark.parametrize(
    "failure",
    [
        httpx2.Response(429),
        httpx2.ConnectError("connection refused"),
        httpx2.ConnectTimeout("no route"),
    ],
    ids=["429", "connect-error", "connect-timeout"],
)
@pytest.mark.parametrize("method", ["create", "send_test_event"])
def test_unsafe_posts_retried_when_surely_not_processed(api, recorder, failure, method):
    handler = recorder(failure, httpx2.Response(201, json=created_payload()))
    client = api.client(handler, max_retries=3)
    if method == "create":
        assert api.run(create(client)).secret == SECRET
    else:
        assert api.run(client.webhooks.send_test_event("wh_123")) is None
    assert handler.calls == 2
    assert handler.requests[0].content == handler.requests[1].content


def test_update_and_delete_are_retried_after_503(api, recorder):
    handler = recorder(httpx2.Response(503), httpx2.Response(200, json=webhook_payload()))
    client = api.client(handler, max_retries=3)
    api.run(client.webhooks.update("wh_123", active=False))
    assert handler.calls == 2
    handler2 = recorder(httpx2.RemoteProtocolError("dropped"), httpx2.Response(204))
    api.run(api.client(handler2, max_retries=3).webhooks.delete("wh_123"))
    assert handler2.calls == 2


# --- argument checks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8080/hooks",
        "http://127.0.0.1:9000/",
        "http://[::1]:9000/w",
        "http://receiver.localhost/w",
        "https://hooks.example.com/" + "a" * (2048 - len("https://hooks.example.com/")),
        "HTTPS://HOOKS.EXAMPLE.COM/w",
    ],
)
def test_accepted_urls(api, created, url):
    api.run(create(api.client(created), url=url))
    assert _body(created.requests[0])["url"] == url


@pytest.mark.parametrize(
    ("overrides", "error", "param"),
    [
        ({"url": "http://hooks.example.com/w"}, ValueError, "url"),
        ({"url": "http://10.0.0.5/w"}, ValueError, "url"),
        ({"url": "ftp://hooks.example.com/w"}, ValueError, "url"),
        ({"url": "hooks.example.com/w"}, ValueError, "url"),
        ({"url": "https://"}, ValueError, "url"),
        ({"url": "https://hooks.example.com/a b"}, ValueError, "url"),
        ({"url": "https://hooks.example.com/\n"}, ValueError, "url"),
        ({"url": "https://hooks.example.com/" + "a" * 2048}, ValueError, "url"),
        ({"url": ""}, ValueError, "url"),
        ({"url": None}, ValueError, "url"),
        ({"url": b"https://hooks.example.com"}, TypeError, "url"),
        ({"events": "connection.status_changed"}, TypeError, "events"),
        ({"events": WebhookEventType.TEST}, TypeError, "events"),
        ({"events": []}, ValueError, "events"),
        ({"events": ()}, ValueError, "events"),
        ({"events": None}, TypeError, "events"),
        ({"events": {"test": True}}, TypeError, "events"),
        ({"events": [1]}, TypeError, "events"),
        ({"events": [None]}, TypeError, "events"),
        ({"events": [""]}, ValueError, "events"),
        ({"metadata": "team=treasury"}, TypeError, "metadata"),
        ({"metadata": {1: "x"}}, TypeError, "metadata"),
    ],
)
def test_create_bad_arguments_send_nothing(api, created, overrides, error, param):
    with pytest.raises(error, match=param):
        api.run(create(api.client(created), **overrides))
    assert created.calls == 0


def test_unknown_event_type_string_is_passed_through(api, created):
    api.run(create(api.client(created), events=["account.created", "brand.new_event"]))
    assert _body(created.requests[0])["events"] == ["account.created", "brand.new_event"]


@pytest.mark.parametrize("bad_id", ["", ".", "..", None, 12])
@pytest.mark.parametrize("method", ["retrieve", "delete", "send_test_event", "update"])
def test_bad_webhook_id_sends_nothing(api, bare, bad_id, method):
    client = api.client(bare)
    fn = getattr(client.webhooks, method)
    with pytest.raises(ValueError, match="webhook_id"):
        api.run(fn(bad_id, active=True) if method == "update" else fn(bad_id))
    assert bare.calls == 0


def test_ids_percent_encoded(api, recorder):
    handler = recorder(httpx2.Response(200, json=webhook_payload()))
    client = api.client(handler)
    api.run(client.webhooks.retrieve("wh/1?x"))
    api.run(client.webhooks.update("wh/1?x", active=True))
    api.run(client.webhooks.delete("wh/1?x"))
    api.run(client.webhooks.send_test_event("wh/1?x"))
    paths = [r.url.raw_path for r in handler.requests]
    assert paths[:3] == [b"/v1/webhooks/wh%2F1%3Fx"] * 3
    assert paths[3] == b"/v1/webhooks/wh%2F1%3Fx/test"


# --- retrieve, list, update, delete, test ---------------------------------------------------


def test_retrieve_bare_with_masked_secret(api, bare):
    hook = api.run(api.client(bare).webhooks.retrieve("wh_123"))
    assert bare.requests[0].method == "GET"
    assert bare.requests[0].url.path == "/v1/webhooks/wh_123"
    assert hook.secret == MASKED and MASKED not in repr(hook)


def test_parse_round_trips_and_keeps_unknowns():
    payload = webhook_payload(events=["test", "payout.settled"], deliveryVersion=2)
    del payload["metadata"]
    hook = Webhook.from_dict(copy.deepcopy(payload))
    assert hook.events[1] == "payout.settled" and not hook.events[1].is_known
    assert isinstance(hook.events[1], WebhookEventType)
    assert hook.metadata == {}
    assert hook.extra == {"deliveryVersion": 2}
    assert hook.to_dict() == {**payload, "metadata": {}}  # absent metadata reads as {}


def _page(items: list[dict[str, Any]], cursor: str | None) -> httpx2.Response:
    return httpx2.Response(
        200, json={"data": items, "pagination": {"hasMore": bool(cursor), "nextCursor": cursor}}
    )


def test_list_walks_pages(api, recorder):
    handler = recorder(
        _page([webhook_payload(id="wh_1")], "cur_2"), _page([webhook_payload(id="wh_2")], None)
    )
    hooks = api.collect(api.client(handler).webhooks.list(limit=1))
    assert [h.id for h in hooks] == ["wh_1", "wh_2"]
    assert [dict(r.url.params) for r in handler.requests] == [
        {"limit": "1"},
        {"limit": "1", "cursor": "cur_2"},
    ]


def test_list_without_limit_sends_no_query(api, recorder):
    handler = recorder(_page([], None))
    assert api.collect(api.client(handler).webhooks.list()) == []
    assert handler.requests[0].url.query == b""


@pytest.mark.parametrize("limit", [0, 501, "5", True])
def test_list_bad_limit_raises_at_call(api, bare, limit):
    with pytest.raises(ValueError, match="limit"):
        api.client(bare).webhooks.list(limit=limit)
    assert bare.calls == 0


@pytest.mark.parametrize(
    ("kwargs", "body"),
    [
        ({"active": False}, {"active": False}),
        ({"url": "https://new.example/w"}, {"url": "https://new.example/w"}),
        ({"events": [WebhookEventType.TEST]}, {"events": ["test"]}),
        ({"metadata": None}, {"metadata": None}),
        ({"metadata": {}}, {"metadata": {}}),
        ({"metadata": {"a": 1}}, {"metadata": {"a": 1}}),
        (
            {"url": "http://localhost:9000/w", "events": ("test",), "active": True},
            {"url": "http://localhost:9000/w", "events": ["test"], "active": True},
        ),
        ({"active": False, "url": NOT_GIVEN}, {"active": False}),
    ],
)
def test_update_sends_only_given_fields(api, bare, kwargs, body):
    hook = api.run(api.client(bare).webhooks.update("wh_123", **kwargs))
    (request,) = bare.requests
    assert request.method == "PATCH"
    assert request.url.path == "/v1/webhooks/wh_123"
    assert _body(request) == body
    assert isinstance(hook, Webhook)


def test_update_metadata_none_sends_json_null(api, bare):
    api.run(api.client(bare).webhooks.update("wh_123", metadata=None))
    assert bare.requests[0].content.replace(b" ", b"") == b'{"metadata":null}'


@pytest.mark.parametrize(
    ("kwargs", "error", "param"),
    [
        ({}, ValueError, "at least one"),
        ({"url": NOT_GIVEN}, ValueError, "at least one"),
        ({"url": None}, ValueError, "url"),
        ({"events": None}, ValueError, "events"),
        ({"active": None}, ValueError, "active"),
        ({"active": "false"}, TypeError, "active"),
        ({"active": 0}, TypeError, "active"),
        ({"url": "http://hooks.example.com"}, ValueError, "url"),
        ({"events": "test"}, TypeError, "events"),
        ({"events": []}, ValueError, "events"),
        ({"metadata": ["a"]}, TypeError, "metadata"),
    ],
)
def test_update_bad_arguments_send_nothing(api, bare, kwargs, error, param):
    with pytest.raises(error, match=param):
        api.run(api.client(bare).webhooks.update("wh_123", **kwargs))
    assert bare.calls == 0


@pytest.mark.parametrize(
    "response",
    [httpx2.Response(204), httpx2.Response(200, json={"deleted": True}), httpx2.Response(202)],
)
def test_delete_returns_none(api, recorder, response):
    handler = recorder(response)
    assert api.run(api.client(handler).webhooks.delete("wh_123")) is None
    (request,) = handler.requests
    assert request.method == "DELETE" and request.url.path == "/v1/webhooks/wh_123"


@pytest.mark.parametrize(
    "response",
    [httpx2.Response(202), httpx2.Response(200, json={"queued": True}), httpx2.Response(204)],
)
def test_send_test_event(api, recorder, response):
    handler = recorder(response)
    assert api.run(api.client(handler).webhooks.send_test_event("wh_123")) is None
    (request,) = handler.requests
    assert request.method == "POST"
    assert request.url.path == "/v1/webhooks/wh_123/test"
    assert request.content == b""


def test_send_test_event_errors(api, recorder):
    handler = recorder(httpx2.Response(409, json={"error": {"message": "not subscribed"}}))
    with pytest.raises(waycore.ConflictError, match="not subscribed"):
        api.run(api.client(handler).webhooks.send_test_event("wh_123"))


def test_raw_responses(api, recorder):
    handler = recorder(httpx2.Response(204, headers={"x-request-id": "req_del"}))
    client = api.client(handler)
    raw = api.run(client.with_raw_response.webhooks.delete("wh_123"))
    assert raw.status_code == 204 and raw.request_id == "req_del" and raw.parse() is None
    raw_test = api.run(client.with_raw_response.webhooks.send_test_event("wh_123"))
    assert raw_test.parse() is None
    handler2 = recorder(httpx2.Response(200, json=webhook_payload()))
    raw_update = api.run(api.client(handler2).with_raw_response.webhooks.update("w", active=True))
    assert raw_update.parse().id == "wh_123"
