"""`wait_until_ready`: polling cadence, deadline, hopeless states, argument checks."""

from __future__ import annotations

import math

import httpx2
import pytest

import waycore
from waycore._polling import next_interval, request_timeout


def _answers(*payloads):
    return [httpx2.Response(200, json=p) for p in payloads]


def _wait(api, client, **kwargs):
    return api.run(client.connections.wait_until_ready("conn_123", **kwargs))


def test_ready_on_third_poll(api, recorder, ready_payload):
    handler = recorder(
        *_answers(
            ready_payload(status="pendingActivation"),
            ready_payload(status="pendingActivation"),
            ready_payload(status="active", institutionName="Chase"),
        )
    )
    ready = _wait(api, api.client(handler), timeout=900, poll_interval=2)
    assert isinstance(ready, waycore.ReadyConnection)
    assert ready.status == "active" and ready.institution_name == "Chase"
    assert api.sleeps == [2.0, 3.0]
    assert handler.calls == 3
    assert all(r.url.path == "/v1/connections/conn_123" for r in handler.requests)


def test_ready_at_once_does_not_sleep(api, recorder, ready_payload):
    handler = recorder(*_answers(ready_payload()))
    assert _wait(api, api.client(handler)).id == "conn_123"
    assert api.sleeps == [] and handler.calls == 1


def test_setup_to_ready_transition(api, recorder, ready_payload, setup_payload):
    handler = recorder(
        *_answers(
            setup_payload(id="conn_123", status="draft"),
            setup_payload(id="conn_123", status="pendingActivation"),
            ready_payload(status="pendingActivation"),
            ready_payload(status="active"),
        )
    )
    ready = _wait(api, api.client(handler), poll_interval=1)
    assert isinstance(ready, waycore.ReadyConnection) and ready.kind == "ready"
    assert api.sleeps == [1.0, 1.5, 2.25]


def test_active_setup_connection_is_not_ready(api, recorder, ready_payload, setup_payload):
    handler = recorder(
        *_answers(setup_payload(id="conn_123", status="active"), ready_payload(status="active"))
    )
    assert isinstance(_wait(api, api.client(handler)), waycore.ReadyConnection)
    assert handler.calls == 2


def test_waits_grow_and_cap_at_60(api, recorder, ready_payload):
    handler = recorder(
        *_answers(*[ready_payload(status="pendingActivation")] * 12, ready_payload())
    )
    _wait(api, api.client(handler), timeout=10_000, poll_interval=10)
    expected, interval = [], 10.0
    for _ in range(12):
        expected.append(interval)
        interval = min(interval * 1.5, 60.0)
    assert api.sleeps == pytest.approx(expected)
    assert api.sleeps[:5] == pytest.approx([10, 15, 22.5, 33.75, 50.625])
    assert api.sleeps[5:] == [60.0] * 7


@pytest.mark.parametrize(("timeout", "poll_interval"), [(30, 2), (10, 3), (5, 10), (100, 7)])
def test_deadline_never_overslept(api, recorder, ready_payload, timeout, poll_interval):
    pending = ready_payload(status="pendingActivation")
    handler = recorder(httpx2.Response(200, json=pending))
    with pytest.raises(waycore.WaitTimeoutError) as info:
        _wait(api, api.client(handler), timeout=timeout, poll_interval=poll_interval)
    assert sum(api.sleeps) == pytest.approx(timeout)
    assert sum(api.sleeps) <= timeout + 1e-9
    assert all(s > 0 for s in api.sleeps)
    assert api.sleeps[0] == min(poll_interval, timeout)
    # Every wait but the last one follows the 1.5x schedule; the last is cut at the deadline.
    for prev, cur in zip(api.sleeps, api.sleeps[1:-1], strict=False):
        assert cur == pytest.approx(min(prev * 1.5, 60))
    err = info.value
    assert isinstance(err.connection, waycore.ReadyConnection)
    assert err.connection.status == "pendingActivation"
    assert handler.calls == len(api.sleeps) + 1
    assert "conn_123" in str(err)


def test_timeout_exact_schedule(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload(status="draft")))
    with pytest.raises(waycore.WaitTimeoutError):
        _wait(api, api.client(handler), timeout=10, poll_interval=2)
    assert api.sleeps == [2.0, 3.0, 4.5, 0.5]
    assert handler.calls == 5


def test_last_poll_timeout_shortened_to_deadline(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload(status="draft")))
    with pytest.raises(waycore.WaitTimeoutError):
        _wait(api, api.client(handler, timeout=60), timeout=10, poll_interval=4)
    reads = [r.extensions["timeout"]["read"] for r in handler.requests]
    # 10 s left, then 6 s, then 0 s (floored to 0.1 s so the last poll can be sent).
    assert reads == [10.0, 6.0, 0.1]


@pytest.mark.parametrize("status", ["revoked", "reauthRequired"])
def test_hopeless_state_raises_at_once(api, recorder, ready_payload, status):
    handler = recorder(
        *_answers(ready_payload(status="pendingActivation"), ready_payload(status=status))
    )
    with pytest.raises(waycore.ConnectionStateError) as info:
        _wait(api, api.client(handler))
    err = info.value
    assert isinstance(err, waycore.WaycoreError)
    assert isinstance(err.connection, waycore.ReadyConnection)
    assert err.connection.status == status
    assert api.sleeps == [2.0]
    assert handler.calls == 2
    assert status in str(err)


def test_hopeless_setup_connection_raises(api, recorder, setup_payload):
    handler = recorder(*_answers(setup_payload(id="conn_123", status="revoked")))
    with pytest.raises(waycore.ConnectionStateError) as info:
        _wait(api, api.client(handler))
    assert isinstance(info.value.connection, waycore.SetupConnection)
    assert api.sleeps == []


@pytest.mark.parametrize("status", ["errored", "paused", "draft", "archived"])
def test_recoverable_states_keep_waiting(api, recorder, ready_payload, status):
    handler = recorder(*_answers(ready_payload(status=status), ready_payload()))
    assert _wait(api, api.client(handler)).status == "active"
    assert api.sleeps == [2.0]


def test_unknown_kind_keeps_waiting(api, recorder, ready_payload):
    handler = recorder(*_answers({"id": "conn_123", "kind": "migrating"}, ready_payload()))
    assert _wait(api, api.client(handler)).id == "conn_123"
    assert handler.calls == 2


def test_api_error_during_wait_propagates(api, recorder, ready_payload):
    handler = recorder(
        *_answers(ready_payload(status="draft")), httpx2.Response(404, json={"code": "not_found"})
    )
    with pytest.raises(waycore.NotFoundError):
        _wait(api, api.client(handler))


def test_transient_error_during_wait_is_retried(api, recorder, ready_payload):
    handler = recorder(
        httpx2.Response(200, json=ready_payload(status="draft")),
        httpx2.Response(503),
        httpx2.Response(200, json=ready_payload()),
    )
    assert _wait(api, api.client(handler), poll_interval=5).status == "active"
    assert api.sleeps[0] == 5.0
    assert len(api.sleeps) == 2 and 0.375 <= api.sleeps[1] <= 0.5


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"timeout": 0}, "timeout"),
        ({"timeout": -5}, "timeout"),
        ({"timeout": math.inf}, "timeout"),
        ({"timeout": math.nan}, "timeout"),
        ({"timeout": None}, "timeout"),
        ({"timeout": "10"}, "timeout"),
        ({"timeout": True}, "timeout"),
        ({"poll_interval": 0}, "poll_interval"),
        ({"poll_interval": -1}, "poll_interval"),
        ({"poll_interval": math.inf}, "poll_interval"),
        ({"poll_interval": None}, "poll_interval"),
    ],
)
def test_bad_arguments_before_any_request(api, recorder, ready_payload, kwargs, param):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    with pytest.raises(ValueError, match=param):
        _wait(api, api.client(handler), **kwargs)
    assert handler.calls == 0 and api.sleeps == []


def test_pure_helpers():
    assert next_interval(2.0) == 3.0
    assert next_interval(50.0) == 60.0
    assert next_interval(60.0) == 60.0
    client_timeout = httpx2.Timeout(60.0)
    assert request_timeout(client_timeout, 120.0) is client_timeout
    assert request_timeout(client_timeout, 5.0) == httpx2.Timeout(5.0)
    assert request_timeout(client_timeout, -3.0) == httpx2.Timeout(0.1)
