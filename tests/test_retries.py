"""The retry matrix through both clients, and the pure functions in `waycore._retry`."""

from __future__ import annotations

import datetime
import email.utils
import time

import httpx2
import pytest

import waycore
from waycore._retry import backoff_delay, decide_retry, is_retryable_status, parse_retry_after

RETRYABLE = [408, 429, 500, 502, 503, 504, 520]
FINAL = [400, 401, 403, 404, 409, 422]
# Backoff bounds per retry: 0.5 s doubling, capped at 8 s, less up to 25 % jitter.
BOUNDS = [(0.375, 0.5), (0.75, 1.0), (1.5, 2.0), (3.0, 4.0), (6.0, 8.0), (6.0, 8.0)]


def _http_date(seconds_from_now: float) -> str:
    when = datetime.datetime.fromtimestamp(time.time() + seconds_from_now, tz=datetime.UTC)
    return email.utils.format_datetime(when, usegmt=True)


def _retrieve(api, client):
    return api.run(client.connections.retrieve("conn_123"))


# --- through the clients ---------------------------------------------------------------------


@pytest.mark.parametrize("status", RETRYABLE)
def test_retryable_status_retried_max_retries_times(api, recorder, status):
    handler = recorder(httpx2.Response(status, json={"message": "try later"}))
    client = api.client(handler, max_retries=3)
    with pytest.raises(waycore.APIStatusError) as info:
        _retrieve(api, client)
    assert info.value.status_code == status
    assert handler.calls == 4
    assert len(api.sleeps) == 3
    for delay, (low, high) in zip(api.sleeps, BOUNDS, strict=False):
        assert low <= delay <= high


@pytest.mark.parametrize("status", FINAL)
def test_final_status_not_retried(api, recorder, status):
    handler = recorder(httpx2.Response(status, json={"message": "no"}))
    client = api.client(handler, max_retries=5)
    with pytest.raises(waycore.APIStatusError) as info:
        _retrieve(api, client)
    assert info.value.status_code == status
    assert handler.calls == 1
    assert api.sleeps == []


def test_final_status_with_retry_after_not_retried(api, recorder):
    handler = recorder(httpx2.Response(400, headers={"Retry-After": "1"}))
    with pytest.raises(waycore.BadRequestError):
        _retrieve(api, api.client(handler, max_retries=3))
    assert handler.calls == 1 and api.sleeps == []


@pytest.mark.parametrize("max_retries", [0, 1, 2, 4])
def test_connection_error_retried_then_raised(api, recorder, max_retries):
    handler = recorder(httpx2.ConnectError("connection refused"))
    client = api.client(handler, max_retries=max_retries)
    with pytest.raises(waycore.APIConnectionError) as info:
        _retrieve(api, client)
    assert type(info.value) is waycore.APIConnectionError
    assert isinstance(info.value.__cause__, httpx2.ConnectError)
    assert info.value.request.url.path == "/v1/connections/conn_123"
    assert handler.calls == max_retries + 1
    assert len(api.sleeps) == max_retries


@pytest.mark.parametrize("max_retries", [0, 2])
def test_timeout_retried_then_raised(api, recorder, max_retries):
    handler = recorder(httpx2.ReadTimeout("read timed out"))
    client = api.client(handler, max_retries=max_retries)
    with pytest.raises(waycore.APITimeoutError) as info:
        _retrieve(api, client)
    assert isinstance(info.value.__cause__, httpx2.ReadTimeout)
    assert handler.calls == max_retries + 1
    assert len(api.sleeps) == max_retries


def test_other_transport_errors_retried(api, recorder, ready_payload):
    handler = recorder(
        httpx2.RemoteProtocolError("server disconnected"),
        httpx2.ConnectTimeout("connect timed out"),
        httpx2.Response(200, json=ready_payload()),
    )
    conn = _retrieve(api, api.client(handler, max_retries=2))
    assert conn.id == "conn_123" and handler.calls == 3


@pytest.mark.parametrize("status", [503, 429])
def test_max_retries_zero_means_one_attempt(api, recorder, status):
    handler = recorder(httpx2.Response(status))
    with pytest.raises(waycore.APIStatusError):
        _retrieve(api, api.client(handler, max_retries=0))
    assert handler.calls == 1 and api.sleeps == []


def test_success_after_two_503s(api, recorder, ready_payload):
    handler = recorder(
        httpx2.Response(503), httpx2.Response(503), httpx2.Response(200, json=ready_payload())
    )
    conn = _retrieve(api, api.client(handler, max_retries=2))
    assert isinstance(conn, waycore.ReadyConnection) and conn.id == "conn_123"
    assert handler.calls == 3
    assert len(api.sleeps) == 2
    assert 0.375 <= api.sleeps[0] <= 0.5 and 0.75 <= api.sleeps[1] <= 1.0


def test_create_retried_with_same_body(api, recorder, ready_payload, entity_id):
    handler = recorder(httpx2.ConnectError("reset"), httpx2.Response(201, json=ready_payload()))
    client = api.client(handler)
    conn = api.run(client.connections.create(entity_id=entity_id, institution_id="chase"))
    assert conn.id == "conn_123"
    bodies = [r.content for r in handler.requests]
    assert len(bodies) == 2 and bodies[0] == bodies[1] and b"chase" in bodies[0]


def test_backoff_grows_and_caps_at_8(api, recorder):
    handler = recorder(httpx2.Response(500))
    with pytest.raises(waycore.InternalServerError):
        _retrieve(api, api.client(handler, max_retries=6))
    assert handler.calls == 7
    assert len(api.sleeps) == 6
    for delay, (low, high) in zip(api.sleeps, BOUNDS, strict=True):
        assert low <= delay <= high
    assert max(api.sleeps) <= 8.0


@pytest.mark.parametrize("value", ["1", "3", "60", " 4 "])
def test_retry_after_seconds_honoured_exactly(api, recorder, ready_payload, value):
    handler = recorder(
        httpx2.Response(429, headers={"Retry-After": value}),
        httpx2.Response(200, json=ready_payload()),
    )
    conn = _retrieve(api, api.client(handler))
    assert conn.id == "conn_123"
    assert api.sleeps == [float(value)]


def test_retry_after_on_503_honoured(api, recorder, ready_payload):
    handler = recorder(
        httpx2.Response(503, headers={"retry-after": "2"}),
        httpx2.Response(503, headers={"retry-after": "4"}),
        httpx2.Response(200, json=ready_payload()),
    )
    assert _retrieve(api, api.client(handler)).id == "conn_123"
    assert api.sleeps == [2.0, 4.0]


def test_retry_after_http_date_honoured(api, recorder, ready_payload):
    handler = recorder(
        httpx2.Response(429, headers={"Retry-After": _http_date(10)}),
        httpx2.Response(200, json=ready_payload()),
    )
    assert _retrieve(api, api.client(handler)).id == "conn_123"
    assert len(api.sleeps) == 1
    assert 8.0 <= api.sleeps[0] <= 12.0


@pytest.mark.parametrize("value", ["0", "__past__"])
def test_retry_after_now_still_backs_off(api, recorder, ready_payload, value):
    # "Retry now" (0 or a past date) must not turn into a burst of immediate retries.
    value = _http_date(-30) if value == "__past__" else value
    handler = recorder(
        httpx2.Response(503, headers={"Retry-After": value}),
        httpx2.Response(200, json=ready_payload()),
    )
    assert _retrieve(api, api.client(handler)).id == "conn_123"
    assert len(api.sleeps) == 1 and 0.375 <= api.sleeps[0] <= 0.5


@pytest.mark.parametrize("value", ["61", "3600", "__date_120__", "9" * 40])
def test_retry_after_over_60s_raises_at_once(api, recorder, value):
    if value == "__date_120__":
        value = _http_date(120)
    handler = recorder(httpx2.Response(429, headers={"Retry-After": value}, json={"code": "slow"}))
    with pytest.raises(waycore.RateLimitError) as info:
        _retrieve(api, api.client(handler, max_retries=5))
    assert info.value.code == "slow"
    assert handler.calls == 1
    assert api.sleeps == []


@pytest.mark.parametrize(
    "value", ["soon", "", "nan", "inf", "-5", "7.5", "1_0", "1e3", "Mon, 99 Foo 2024"]
)
def test_unreadable_retry_after_falls_back_to_backoff(api, recorder, ready_payload, value):
    handler = recorder(
        httpx2.Response(503, headers={"Retry-After": value}),
        httpx2.Response(200, json=ready_payload()),
    )
    assert _retrieve(api, api.client(handler)).id == "conn_123"
    assert len(api.sleeps) == 1 and 0.375 <= api.sleeps[0] <= 0.5


def test_retry_after_ignored_once_retries_exhausted(api, recorder):
    handler = recorder(httpx2.Response(429, headers={"Retry-After": "1"}))
    with pytest.raises(waycore.RateLimitError):
        _retrieve(api, api.client(handler, max_retries=2))
    assert handler.calls == 3
    assert api.sleeps == [1.0, 1.0]


def test_list_page_retried_mid_walk(api, recorder, ready_payload):
    pages = [
        httpx2.Response(
            200,
            json={
                "data": [ready_payload(id="c1")],
                "pagination": {"hasMore": True, "nextCursor": "cur1"},
            },
        ),
        httpx2.Response(502),
        httpx2.Response(
            200, json={"data": [ready_payload(id="c2")], "pagination": {"hasMore": False}}
        ),
    ]
    handler = recorder(*pages)
    ids = [c.id for c in api.collect(api.client(handler).connections.list())]
    assert ids == ["c1", "c2"]
    assert [r.url.params.get("cursor") for r in handler.requests] == [None, "cur1", "cur1"]


# --- the pure functions ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [*RETRYABLE, 599, 501])
def test_is_retryable_status_true(status):
    assert is_retryable_status(status)


@pytest.mark.parametrize("status", [*FINAL, 418, 200, 301])
def test_is_retryable_status_false(status):
    assert not is_retryable_status(status)


NOW = 1_700_000_000.0


def _date_at(posix: float) -> str:
    return email.utils.format_datetime(
        datetime.datetime.fromtimestamp(posix, tz=datetime.UTC), usegmt=True
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("5", 5.0),
        (" 5 ", 5.0),
        ("0", 0.0),
        ("2.5", None),
        ("-3", None),
        ("1_0", None),
        ("+5", None),
        ("1e2", None),
        ("9" * 30, float("inf")),
        ("abc", None),
        ("", None),
        ("inf", None),
        ("nan", None),
        (_date_at(NOW + 30), 30.0),
        (_date_at(NOW - 30), 0.0),
        (_date_at(NOW + 3600), 3600.0),
        ("Tue, 14 Nov 2023 22:13:50", None),  # no zone: not an RFC 9110 date
    ],
)
def test_parse_retry_after(value, expected):
    assert parse_retry_after(value, now=NOW) == expected


@pytest.mark.parametrize(("retries_done", "bounds"), list(enumerate(BOUNDS)))
def test_backoff_delay_bounds(retries_done, bounds):
    low, high = bounds
    assert backoff_delay(retries_done, jitter=0.0) == high
    assert backoff_delay(retries_done, jitter=0.999999) == pytest.approx(low, rel=1e-5)
    assert low <= backoff_delay(retries_done, jitter=0.5) <= high


def test_backoff_delay_capped():
    assert backoff_delay(30, jitter=0.0) == 8.0
    assert backoff_delay(1000, jitter=0.0) == 8.0


def _decide(**overrides):
    args = {
        "retries_done": 0,
        "max_retries": 2,
        "status_code": 503,
        "retry_after": None,
        "now": NOW,
        "jitter": 0.0,
    }
    args.update(overrides)
    return decide_retry(**args)


def test_decide_retry_backoff():
    assert _decide() == 0.5
    assert _decide(retries_done=1, jitter=0.5) == 1.0 * (1 - 0.125)


def test_decide_retry_connection_error_retried():
    assert _decide(status_code=None) == 0.5


def test_decide_retry_stops_at_max_retries():
    assert _decide(retries_done=2, max_retries=2) is None
    assert _decide(retries_done=0, max_retries=0) is None
    assert _decide(retries_done=0, max_retries=0, status_code=None) is None


@pytest.mark.parametrize("status", FINAL)
def test_decide_retry_final_status(status):
    assert _decide(status_code=status) is None
    assert _decide(status_code=status, retry_after="1") is None


def test_decide_retry_retry_after():
    assert _decide(retry_after="12") == 12.0
    assert _decide(retry_after="60") == 60.0
    assert _decide(retry_after="60.5") == 0.5  # not delta-seconds: ignored, backoff
    assert _decide(retry_after="61") is None
    assert _decide(retry_after="0") == 0.5
    assert _decide(retry_after=_date_at(NOW + 20)) == 20.0
    assert _decide(retry_after=_date_at(NOW + 61)) is None
    assert _decide(retry_after="garbage") == 0.5
