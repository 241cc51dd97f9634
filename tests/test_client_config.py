"""Client construction, per-call options, `with_options`, lifetime, headers and logging."""

from __future__ import annotations

import asyncio
import logging
import math

import httpx2
import pytest

import waycore

BASE = "https://api.test.example/v1"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WAYCORE_API_KEY", "WAYCORE_BASE_URL", "WAYCORE_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def client_cls(
    request: pytest.FixtureRequest,
) -> type[waycore.Waycore] | type[waycore.AsyncWaycore]:
    return waycore.AsyncWaycore if request.param == "async" else waycore.Waycore


# --- api_key -----------------------------------------------------------------------------


def test_api_key_from_argument(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler, api_key="way_live_abc_arg")
    api.run(client.connections.retrieve("conn_123"))
    assert handler.requests[0].headers["Authorization"] == "Bearer way_live_abc_arg"


def test_api_key_from_env(api, recorder, ready_payload, monkeypatch):
    monkeypatch.setenv("WAYCORE_API_KEY", "way_live_abc_env")
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler, api_key=None)
    api.run(client.connections.retrieve("conn_123"))
    assert handler.requests[0].headers["Authorization"] == "Bearer way_live_abc_env"


def test_api_key_argument_wins_over_env(api, recorder, ready_payload, monkeypatch):
    monkeypatch.setenv("WAYCORE_API_KEY", "way_live_abc_env")
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler, api_key="way_live_abc_arg")
    api.run(client.connections.retrieve("conn_123"))
    assert handler.requests[0].headers["Authorization"] == "Bearer way_live_abc_arg"


@pytest.mark.parametrize("env_value", [None, ""])
@pytest.mark.parametrize("arg", [None, ""])
def test_missing_or_empty_api_key_raises(client_cls, monkeypatch, arg, env_value):
    if env_value is not None:
        monkeypatch.setenv("WAYCORE_API_KEY", env_value)
    with pytest.raises(waycore.WaycoreError, match="WAYCORE_API_KEY"):
        client_cls(arg)


# --- base_url ----------------------------------------------------------------------------


def test_base_url_default(client_cls):
    assert client_cls("k").base_url == "https://api.waycore.com/v1"


def test_base_url_from_env(client_cls, monkeypatch):
    monkeypatch.setenv("WAYCORE_BASE_URL", "https://sandbox.example.com/v1")
    assert client_cls("k").base_url == "https://sandbox.example.com/v1"


def test_base_url_argument_wins_over_env(client_cls, monkeypatch):
    monkeypatch.setenv("WAYCORE_BASE_URL", "https://sandbox.example.com/v1")
    assert client_cls("k", base_url="https://other.example/v2").base_url == (
        "https://other.example/v2"
    )


@pytest.mark.parametrize(
    "url",
    ["http://api.waycore.com/v1", "http://10.0.0.1/v1", "http://localhost.evil.example/v1"],
)
def test_plain_http_non_loopback_refused(client_cls, url):
    with pytest.raises(ValueError, match="base_url"):
        client_cls("k", base_url=url)


def test_plain_http_non_loopback_from_env_refused(client_cls, monkeypatch):
    monkeypatch.setenv("WAYCORE_BASE_URL", "http://api.waycore.com/v1")
    with pytest.raises(ValueError, match="base_url"):
        client_cls("k")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/v1",
        "http://localhost:4010/v1",
        "http://[::1]:4010/v1",
        "http://LOCALHOST/v1",
    ],
)
def test_plain_http_loopback_accepted(client_cls, url):
    assert client_cls("k", base_url=url).base_url == url


@pytest.mark.parametrize("url", ["ftp://api.example/v1", "api.waycore.com/v1", "https://"])
def test_base_url_not_absolute_http_refused(client_cls, url):
    with pytest.raises(ValueError, match="base_url"):
        client_cls("k", base_url=url)


def test_trailing_slash_stripped_and_paths_join(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler, base_url="https://api.test.example/v1/")
    assert client.base_url == "https://api.test.example/v1"
    api.run(client.connections.retrieve("conn_123"))
    assert str(handler.requests[0].url) == "https://api.test.example/v1/connections/conn_123"


# --- max_retries / timeout validation ---------------------------------------------------


@pytest.mark.parametrize("value", [-1, -10, True, False, 1.5, "2", None])
def test_bad_max_retries_refused(client_cls, value):
    with pytest.raises(ValueError, match="max_retries"):
        client_cls("k", max_retries=value)


def test_max_retries_zero_accepted(client_cls):
    assert client_cls("k", max_retries=0).max_retries == 0


@pytest.mark.parametrize("value", [None, 0, 0.0, -1, -0.5, math.inf, math.nan, True, "5"])
def test_bad_timeout_refused(client_cls, value):
    with pytest.raises(ValueError, match="timeout"):
        client_cls("k", timeout=value)


@pytest.mark.parametrize(
    "value",
    [httpx2.Timeout(None), httpx2.Timeout(5.0, connect=None), httpx2.Timeout(5.0, read=0)],
)
def test_httpx_timeout_with_no_limit_refused(client_cls, value):
    with pytest.raises(ValueError, match="timeout"):
        client_cls("k", timeout=value)


def test_float_timeout_becomes_httpx_timeout(client_cls):
    assert client_cls("k", timeout=7).timeout == httpx2.Timeout(7.0)
    assert client_cls("k").timeout == httpx2.Timeout(60.0)


def test_httpx_timeout_accepted_and_sent(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    timeout = httpx2.Timeout(10.0, connect=3.0)
    client = api.client(handler, timeout=timeout)
    assert client.timeout == timeout
    api.run(client.connections.retrieve("conn_123"))
    assert handler.requests[0].extensions["timeout"] == {
        "connect": 3.0,
        "read": 10.0,
        "write": 10.0,
        "pool": 10.0,
    }


def test_client_timeout_used_when_call_omits_it(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler, timeout=12.5)
    api.run(client.connections.retrieve("conn_123"))
    assert handler.requests[0].extensions["timeout"] == dict.fromkeys(
        ("connect", "read", "write", "pool"), 12.5
    )


def test_per_call_timeout_reaches_request(api, recorder, ready_payload, entity_id):
    handler = recorder(
        lambda request: httpx2.Response(
            202 if request.url.path.endswith("/sync") else 200,
            json={"data": [], "pagination": {"hasMore": False}}
            if request.method == "GET" and request.url.path.endswith("/connections")
            else ready_payload(),
        )
    )
    client = api.client(handler, timeout=60)
    conns = client.connections
    api.run(conns.retrieve("conn_123", timeout=1.5))
    api.run(conns.create(entity_id=entity_id, institution_id="chase", timeout=2.5))
    api.run(conns.update_credentials("conn_123", bank_username="u", timeout=3.5))
    api.run(conns.complete_setup("conn_123", timeout=4.5))
    api.run(conns.sync("conn_123", timeout=httpx2.Timeout(5.5, connect=1.0)))
    api.collect(conns.list(timeout=6.5))
    reads = [r.extensions["timeout"]["read"] for r in handler.requests]
    assert reads == [1.5, 2.5, 3.5, 4.5, 5.5, 6.5]
    assert handler.requests[4].extensions["timeout"]["connect"] == 1.0


@pytest.mark.parametrize("value", [None, 0, -1, math.inf])
def test_bad_per_call_timeout_refused_before_sending(api, recorder, ready_payload, value):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler)
    with pytest.raises(ValueError, match="timeout"):
        api.run(client.connections.retrieve("conn_123", timeout=value))
    assert handler.calls == 0


# --- with_options -------------------------------------------------------------------------


def test_with_options_returns_configured_copy_sharing_pool(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(500), httpx2.Response(200, json=ready_payload()))
    client = api.client(handler, timeout=30, max_retries=4)
    fast = client.with_options(timeout=5, max_retries=0)
    assert type(fast) is type(client) and fast is not client
    assert (fast.timeout, fast.max_retries) == (httpx2.Timeout(5.0), 0)
    assert (client.timeout, client.max_retries) == (httpx2.Timeout(30.0), 4)
    assert fast._http is client._http
    assert fast.base_url == client.base_url
    # The copy really uses its settings: no retry on the 500, 5 s timeout on the wire.
    with pytest.raises(waycore.InternalServerError):
        api.run(fast.connections.retrieve("conn_123"))
    assert handler.calls == 1
    assert handler.requests[0].extensions["timeout"]["read"] == 5.0
    assert handler.requests[0].headers["Authorization"] == f"Bearer {client._config.api_key}"


def test_with_options_keeps_fake_sleep(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(503), httpx2.Response(200, json=ready_payload()))
    client = api.client(handler, max_retries=0)
    copy = client.with_options(max_retries=1)
    conn = api.run(copy.connections.retrieve("conn_123"))
    assert conn.id == "conn_123"
    assert len(api.sleeps) == 1 and 0.375 <= api.sleeps[0] <= 0.5


def test_with_options_validates(client_cls):
    client = client_cls("k")
    with pytest.raises(ValueError, match="timeout"):
        client.with_options(timeout=0)
    with pytest.raises(ValueError, match="max_retries"):
        client.with_options(max_retries=-1)


def test_with_options_default_headers_merge(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler, default_headers={"X-A": "1", "X-B": "1"})
    copy = client.with_options(default_headers={"X-B": "2"})
    api.run(copy.connections.retrieve("conn_123"))
    sent = handler.requests[0].headers
    assert (sent["X-A"], sent["X-B"]) == ("1", "2")


def test_closing_copy_does_not_close_pool_sync():
    client = waycore.Waycore("k")
    copy = client.with_options(timeout=5)
    copy.close()
    assert not client._http.is_closed
    with client.with_options(max_retries=0):
        pass
    assert not client._http.is_closed
    client.close()
    assert client._http.is_closed


def test_closing_copy_does_not_close_pool_async():
    async def scenario() -> None:
        client = waycore.AsyncWaycore("k")
        copy = client.with_options(timeout=5)
        await copy.close()
        async with client.with_options(max_retries=0):
            pass
        assert not client._http.is_closed
        await client.close()
        assert client._http.is_closed

    asyncio.run(scenario())


# --- lifetime -----------------------------------------------------------------------------


def test_close_never_closes_user_http_client_sync():
    http = httpx2.Client()
    client = waycore.Waycore("k", http_client=http)
    client.close()
    with waycore.Waycore("k", http_client=http):
        pass
    assert not http.is_closed
    http.close()


def test_close_never_closes_user_http_client_async():
    async def scenario() -> None:
        http = httpx2.AsyncClient()
        client = waycore.AsyncWaycore("k", http_client=http)
        await client.close()
        async with waycore.AsyncWaycore("k", http_client=http):
            pass
        assert not http.is_closed
        await http.aclose()

    asyncio.run(scenario())


def test_context_manager_closes_owned_pool_sync():
    with waycore.Waycore("k") as client:
        assert isinstance(client, waycore.Waycore)
        assert not client._http.is_closed
    assert client._http.is_closed


def test_context_manager_closes_owned_pool_async():
    async def scenario() -> waycore.AsyncWaycore:
        async with waycore.AsyncWaycore("k") as client:
            assert isinstance(client, waycore.AsyncWaycore)
            assert not client._http.is_closed
        return client

    assert asyncio.run(scenario())._http.is_closed


def test_context_manager_usable_with_mock_transport(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler)

    if api.is_async:

        async def scenario() -> str:
            async with client as c:
                return (await c.connections.retrieve("conn_123")).id

        assert api.run(scenario()) == "conn_123"
    else:
        with client as c:
            assert c.connections.retrieve("conn_123").id == "conn_123"


def test_wrong_http_client_type_refused():
    with pytest.raises(TypeError, match="http_client"):
        waycore.Waycore("k", http_client=httpx2.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="http_client"):
        waycore.AsyncWaycore("k", http_client=httpx2.Client())  # type: ignore[arg-type]


# --- headers -------------------------------------------------------------------------------


def test_standard_headers(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler, api_key="way_live_k_s")
    api.run(client.connections.retrieve("conn_123"))
    sent = handler.requests[0].headers
    assert sent["User-Agent"] == f"waycore-python/{waycore.__version__}"
    assert sent["Accept"] == "application/json"
    assert sent.get_list("Authorization") == ["Bearer way_live_k_s"]


def test_default_headers_sent_on_every_call(api, recorder, ready_payload, entity_id):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(handler, default_headers={"X-Team": "payments"})
    api.run(client.connections.retrieve("conn_123"))
    api.run(client.connections.create(entity_id=entity_id, institution_id="chase"))
    assert [r.headers["X-Team"] for r in handler.requests] == ["payments", "payments"]


def test_default_headers_cannot_override_authorization(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(
        handler, api_key="way_live_k_s", default_headers={"Authorization": "Bearer evil"}
    )
    api.run(client.connections.retrieve("conn_123"))
    assert handler.requests[0].headers.get_list("Authorization") == ["Bearer way_live_k_s"]


def test_lowercase_default_authorization_header_cannot_override(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    client = api.client(
        handler, api_key="way_live_k_s", default_headers={"authorization": "Bearer evil"}
    )
    api.run(client.connections.retrieve("conn_123"))
    assert handler.requests[0].headers.get_list("Authorization") == ["Bearer way_live_k_s"]


def test_user_http_client_headers_do_not_override_auth(api, recorder, ready_payload):
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    transport = httpx2.MockTransport(handler)
    http = (
        httpx2.AsyncClient(transport=transport, headers={"Authorization": "Bearer other"})
        if api.is_async
        else httpx2.Client(transport=transport, headers={"Authorization": "Bearer other"})
    )
    api._http.append(http)
    client = api.client(handler, api_key="way_live_k_s", http_client=http)
    api.run(client.connections.retrieve("conn_123"))
    assert handler.requests[0].headers.get_list("Authorization") == ["Bearer way_live_k_s"]


# --- logging -------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "level"), [("debug", logging.DEBUG), ("INFO", logging.INFO)])
def test_waycore_log_env_sets_logger_level(
    client_cls, waycore_log_debug, monkeypatch, value, level
):
    monkeypatch.setenv("WAYCORE_LOG", value)
    waycore_log_debug.setLevel(logging.NOTSET)
    client_cls("k")
    assert waycore_log_debug.level == level
    assert any(isinstance(h, logging.StreamHandler) for h in waycore_log_debug.handlers)


def test_logger_untouched_without_env(client_cls, waycore_log_debug, monkeypatch):
    monkeypatch.delenv("WAYCORE_LOG")
    waycore_log_debug.setLevel(logging.WARNING)
    client_cls("k")
    assert waycore_log_debug.level == logging.WARNING


def test_request_logged_with_status_and_attempt(api, recorder, ready_payload, caplog):
    handler = recorder(
        httpx2.Response(503),
        httpx2.Response(200, json=ready_payload(), headers={"x-request-id": "r1"}),
    )
    client = api.client(handler)
    with caplog.at_level(logging.INFO, logger="waycore"):
        api.run(client.connections.retrieve("conn_123"))
    messages = [r.getMessage() for r in caplog.records if r.name == "waycore"]
    assert any("GET /v1/connections/conn_123 -> 503" in m and "attempt 1" in m for m in messages)
    assert any("retrying GET /v1/connections/conn_123" in m for m in messages)
    assert any("-> 200" in m and "attempt 2" in m and "request_id=r1" in m for m in messages)


def test_repr_shows_settings(client_cls):
    client = client_cls("k", base_url=BASE, max_retries=3, timeout=9)
    text = repr(client)
    assert client_cls.__name__ in text and BASE in text and "max_retries=3" in text
