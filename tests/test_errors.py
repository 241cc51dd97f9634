"""Error mapping: status -> class, body shapes -> code/message/request_id, bad 2xx bodies."""

from __future__ import annotations

import json

import httpx2
import pytest

import waycore

STATUS_CLASSES = [
    (400, waycore.BadRequestError),
    (401, waycore.AuthenticationError),
    (403, waycore.PermissionDeniedError),
    (404, waycore.NotFoundError),
    (409, waycore.ConflictError),
    (422, waycore.UnprocessableEntityError),
    (429, waycore.RateLimitError),
    (500, waycore.InternalServerError),
    (502, waycore.InternalServerError),
    (503, waycore.InternalServerError),
    (504, waycore.InternalServerError),
    (520, waycore.InternalServerError),
]


def _raise(api, client, call=lambda c: c.connections.retrieve("conn_123")):
    with pytest.raises(waycore.WaycoreError) as info:
        api.run(call(client))
    return info.value


def test_hierarchy():
    for _, cls in STATUS_CLASSES:
        assert issubclass(cls, waycore.APIStatusError)
    assert issubclass(waycore.APIStatusError, waycore.APIError)
    assert issubclass(waycore.APITimeoutError, waycore.APIConnectionError)
    assert issubclass(waycore.APIConnectionError, waycore.APIError)
    assert issubclass(waycore.APIResponseValidationError, waycore.APIError)
    assert issubclass(waycore.APIError, waycore.WaycoreError)
    assert issubclass(waycore.ConnectionStateError, waycore.WaycoreError)
    assert issubclass(waycore.WaitTimeoutError, waycore.WaycoreError)


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES)
def test_status_maps_to_class(api, recorder, status, cls):
    body = {"error": {"code": "some_code", "message": "it failed", "requestId": "req_1"}}
    handler = recorder(httpx2.Response(status, json=body))
    client = api.client(handler, max_retries=0)
    err = _raise(api, client)
    assert type(err) is cls
    assert err.status_code == status
    assert err.code == "some_code"
    assert err.message == "it failed"
    assert err.request_id == "req_1"
    assert err.body == body
    assert isinstance(err.response, httpx2.Response) and err.response.status_code == status
    assert err.request.url.path == "/v1/connections/conn_123"
    assert str(err) == f"Error code: {status} - some_code: it failed (request_id=req_1)"
    assert handler.calls == 1


def test_unknown_status_is_base_status_error(api, recorder):
    handler = recorder(httpx2.Response(418, json={"code": "teapot", "message": "short and stout"}))
    err = _raise(api, api.client(handler, max_retries=0))
    assert type(err) is waycore.APIStatusError
    assert (err.status_code, err.code, err.message) == (418, "teapot", "short and stout")


@pytest.mark.parametrize(
    ("body", "code", "message", "request_id"),
    [
        ({"error": {"code": "not_found", "message": "No such", "requestId": "r9"}}, "not_found",
         "No such", "r9"),
        ({"code": "invalid_cursor", "message": "Cursor is bad"}, "invalid_cursor",
         "Cursor is bad", None),
        ({"detail": "Not authenticated"}, None, "Not authenticated", None),
        ({"error": "plain string error"}, None, "plain string error", None),
        ({"code": "x", "message": "m", "meta": {"requestId": "meta_req"}}, "x", "m", "meta_req"),
        ({"error": {"code": "x", "message": "m"}, "meta": {"requestId": "meta_req"}}, "x", "m",
         "meta_req"),
    ],
)  # fmt: skip
def test_body_shapes(api, recorder, body, code, message, request_id):
    handler = recorder(httpx2.Response(404, json=body))
    err = _raise(api, api.client(handler))
    assert isinstance(err, waycore.NotFoundError)
    assert (err.code, err.message, err.request_id) == (code, message, request_id)
    assert err.body == body


def test_detail_list_is_rendered_as_json(api, recorder):
    detail = [{"loc": ["body", "entityId"], "msg": "field required", "type": "missing"}]
    handler = recorder(httpx2.Response(422, json={"detail": detail}))
    err = _raise(api, api.client(handler))
    assert isinstance(err, waycore.UnprocessableEntityError)
    assert json.loads(err.message) == detail
    assert err.body == {"detail": detail}
    assert "field required" in str(err)


def test_html_body(api, recorder):
    html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    handler = recorder(httpx2.Response(502, text=html, headers={"content-type": "text/html"}))
    err = _raise(api, api.client(handler, max_retries=0))
    assert isinstance(err, waycore.InternalServerError)
    assert err.body == html
    assert err.message == html
    assert err.code is None
    assert "502 Bad Gateway" in str(err)


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "Not Found"), (403, "Forbidden"), (500, "Internal Server Error")]
)
def test_empty_body_message_is_reason_phrase(api, recorder, status, reason):
    handler = recorder(httpx2.Response(status))
    err = _raise(api, api.client(handler, max_retries=0))
    assert err.body is None
    assert err.message == reason
    assert err.code is None
    assert str(err) == f"Error code: {status} - {reason}"


def test_request_id_header_fallback(api, recorder):
    handler = recorder(
        httpx2.Response(404, json={"code": "not_found"}, headers={"x-request-id": "hdr_req"})
    )
    err = _raise(api, api.client(handler))
    assert err.request_id == "hdr_req"
    assert "(request_id=hdr_req)" in str(err)


def test_body_request_id_wins_over_header(api, recorder):
    handler = recorder(
        httpx2.Response(
            404,
            json={"error": {"code": "not_found", "requestId": "body_req"}},
            headers={"x-request-id": "hdr_req"},
        )
    )
    assert _raise(api, api.client(handler)).request_id == "body_req"


def test_long_body_capped_in_message(api, recorder):
    long_text = "x" * 5000
    handler = recorder(httpx2.Response(400, json={"message": long_text}))
    err = _raise(api, api.client(handler))
    assert err.body == {"message": long_text}  # the raw body is kept whole
    assert len(str(err)) < 600
    assert len(err.message) <= 501 and err.message.endswith("…")
    assert len(repr(err)) < 700


def test_long_html_capped_in_message(api, recorder):
    html = "<html>" + "y" * 10_000 + "</html>"
    handler = recorder(httpx2.Response(400, text=html))
    err = _raise(api, api.client(handler))
    assert err.body == html
    assert len(str(err)) < 600


# --- 2xx bodies the SDK cannot read ---------------------------------------------------------


def test_invalid_json_on_2xx(api, recorder):
    handler = recorder(httpx2.Response(200, text="<html>oops</html>"))
    err = _raise(api, api.client(handler))
    assert type(err) is waycore.APIResponseValidationError
    assert err.body == "<html>oops</html>"
    assert err.status_code == 200
    assert err.response.status_code == 200
    assert "not valid JSON" in str(err)


def test_empty_body_on_2xx_where_one_is_required(api, recorder):
    handler = recorder(httpx2.Response(200))
    err = _raise(api, api.client(handler))
    assert type(err) is waycore.APIResponseValidationError
    assert err.body is None


@pytest.mark.parametrize("status", [200, 201])
def test_create_with_wrong_shape_keeps_new_id(api, recorder, ready_payload, entity_id, status):
    payload = ready_payload(id="conn_new_42")
    del payload["createdAt"]
    handler = recorder(httpx2.Response(status, json=payload))
    client = api.client(handler)
    err = _raise(
        api,
        client,
        lambda c: c.connections.create(entity_id=entity_id, institution_id="chase"),
    )
    assert type(err) is waycore.APIResponseValidationError
    assert err.body["id"] == "conn_new_42"
    assert err.body == payload
    assert "createdAt" in str(err)
    assert handler.calls == 1  # a 2xx is never retried


def test_list_page_with_wrong_shape(api, recorder):
    body = {"data": "nope", "pagination": {"hasMore": False}}
    handler = recorder(httpx2.Response(200, json=body))
    client = api.client(handler)
    with pytest.raises(waycore.APIResponseValidationError) as info:
        api.collect(client.connections.list())
    assert info.value.body == body


def test_json_array_on_2xx(api, recorder):
    handler = recorder(httpx2.Response(200, json=[1, 2, 3]))
    err = _raise(api, api.client(handler))
    assert type(err) is waycore.APIResponseValidationError
    assert err.body == [1, 2, 3]


@pytest.mark.parametrize("status", [200, 400, 500])
def test_deeply_nested_json_body_raises_sdk_error(api, recorder, status):
    deep = b"[" * 100_000 + b"]" * 100_000
    handler = recorder(httpx2.Response(status, content=deep))
    with pytest.raises(waycore.APIError):
        api.run(api.client(handler, max_retries=0).connections.retrieve("conn_123"))
