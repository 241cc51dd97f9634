"""The API key and the bank password never show in repr, str, exceptions or logs."""

from __future__ import annotations

import logging

import httpx2
import pytest

import waycore

API_KEY = "way_live_key1_SUPERSECRET"
PASSWORD = "hunter2-pass"
SECRETS = (API_KEY, PASSWORD, "SUPERSECRET")


def _assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def _exception_texts(exc: BaseException) -> list[str]:
    texts = []
    while exc is not None:
        texts += [str(exc), repr(exc), *(str(a) for a in exc.args)]
        exc = exc.__cause__ or exc.__context__
    return texts


def test_client_repr_hides_key(api, recorder):
    client = api.client(recorder(httpx2.Response(200)), api_key=API_KEY)
    assert "api.test.example" in repr(client)
    _assert_clean(repr(client))
    _assert_clean(str(client))
    _assert_clean(repr(client.with_options(timeout=5, max_retries=0)))
    _assert_clean(repr(client.with_options(default_headers={"X-A": "1"})))
    _assert_clean(repr(client._config))
    _assert_clean(repr(client.connections))


def test_bad_key_error_does_not_echo_it(api):
    with pytest.raises(ValueError) as info:
        waycore.Waycore(API_KEY + " \n")
    for text in _exception_texts(info.value):
        _assert_clean(text)


@pytest.mark.parametrize(
    "body",
    [
        {"error": {"code": "bad_password", "message": f"password {PASSWORD} rejected"}},
        {"message": f"key {API_KEY} is revoked; password was {PASSWORD}"},
        {"detail": f"Invalid credentials: {PASSWORD}"},
        {"detail": [{"msg": "bad", "input": PASSWORD}]},
        f"<html>Bad password {PASSWORD} for key {API_KEY}</html>",
    ],
)
@pytest.mark.parametrize("status", [400, 401, 422, 500])
def test_echoed_secrets_masked_in_errors(api, recorder, status, body):
    response = (
        httpx2.Response(status, text=body)
        if isinstance(body, str)
        else httpx2.Response(status, json=body)
    )
    handler = recorder(response)
    client = api.client(handler, api_key=API_KEY, max_retries=0)
    with pytest.raises(waycore.APIStatusError) as info:
        api.run(client.connections.update_credentials("conn_1", password=PASSWORD))
    for text in _exception_texts(info.value):
        _assert_clean(text)
    assert "***" in str(info.value)
    # The password really was sent (the test would prove nothing otherwise).
    assert PASSWORD.encode() in handler.requests[0].content


def test_secret_cut_by_truncation_not_leaked(api, recorder):
    message = "x" * 494 + PASSWORD  # the cap falls inside the password
    handler = recorder(httpx2.Response(400, json={"message": message}))
    client = api.client(handler, api_key=API_KEY)
    with pytest.raises(waycore.BadRequestError) as info:
        api.run(client.connections.update_credentials("conn_1", password=PASSWORD))
    assert PASSWORD[:6] not in str(info.value)


def test_connection_errors_hide_secrets(api, recorder):
    handler = recorder(httpx2.ConnectError("refused"))
    client = api.client(handler, api_key=API_KEY, max_retries=1)
    with pytest.raises(waycore.APIConnectionError) as info:
        api.run(client.connections.update_credentials("conn_1", password=PASSWORD))
    for text in [*_exception_texts(info.value), repr(info.value.request)]:
        _assert_clean(text)


def test_validation_error_hides_secrets(api, recorder):
    handler = recorder(httpx2.Response(200, json={"id": "conn_1", "status": 5}))
    client = api.client(handler, api_key=API_KEY)
    with pytest.raises(waycore.APIResponseValidationError) as info:
        api.run(client.connections.update_credentials("conn_1", password=PASSWORD))
    for text in _exception_texts(info.value):
        _assert_clean(text)


def test_logs_hold_no_secrets_across_retries(api, recorder, waycore_log_debug, caplog):
    handler = recorder(
        httpx2.Response(503, json={"message": f"overloaded, {PASSWORD}"},
                       headers={"x-request-id": "req_a"}),
        httpx2.ConnectError(f"reset while sending {PASSWORD}"),
        httpx2.Response(500, text=f"boom {API_KEY}"),
    )  # fmt: skip
    with caplog.at_level(logging.DEBUG):
        client = api.client(handler, api_key=API_KEY, max_retries=2)
        assert logging.getLogger("waycore").level == logging.DEBUG
        with pytest.raises(waycore.InternalServerError) as info:
            api.run(client.connections.update_credentials("conn_1", password=PASSWORD))
    assert handler.calls == 3
    waycore_records = [r for r in caplog.records if r.name.startswith("waycore")]
    # Something was logged: one line per attempt and one per retry.
    assert len(waycore_records) >= 5
    assert any("req_a" in r.getMessage() for r in waycore_records)
    for record in caplog.records:
        _assert_clean(record.getMessage())
        _assert_clean(repr(record.args))
    _assert_clean(caplog.text)
    for text in _exception_texts(info.value):
        _assert_clean(text)


def test_list_and_wait_logs_hold_no_key(api, recorder, ready_payload, waycore_log_debug, caplog):
    handler = recorder(
        httpx2.Response(429, headers={"Retry-After": "1"}),
        httpx2.Response(200, json={"data": [], "pagination": {"hasMore": False}}),
        httpx2.Response(200, json=ready_payload(id="conn_1")),
    )
    with caplog.at_level(logging.DEBUG):
        client = api.client(handler, api_key=API_KEY)
        api.collect(client.connections.list(status="active"))
        api.run(client.connections.wait_until_ready("conn_1"))
    assert caplog.records
    _assert_clean(caplog.text)
