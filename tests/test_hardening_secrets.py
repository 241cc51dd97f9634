"""Issue 11, items 3, 4 and 16: secrets echoed by a server in any encoding stay masked in
errors, pickles and logs; `WAYCORE_LOG` prints each line once and `debug` says more."""

from __future__ import annotations

import html
import json
import logging
import pickle
from urllib.parse import quote, quote_plus

import httpx2
import pytest

import waycore
from waycore import _logging

API_KEY = "way_live_key9_HARDENKEY"
# JSON-special, HTML-special and non-ASCII, between two markers that survive every encoding:
# if any piece of the password leaks, one of them shows.
PASSWORD = "Zq9\"pä\\ss<&> wörd'Xk7"
MARKERS = ("Zq9", "Xk7", "HARDENKEY")
CONN = "conn_1"


def _leaks(text: str) -> list[str]:
    return [marker for marker in MARKERS if marker in text]


def _texts(exc: BaseException) -> list[str]:
    texts = [str(exc), repr(exc), *(str(a) for a in exc.args)]
    for name in ("message", "request_id", "code"):
        value = getattr(exc, name, None)
        if value is not None:
            texts.append(str(value))
    if hasattr(exc, "body"):
        body = exc.body
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        texts += [json.dumps(body), json.dumps(body, ensure_ascii=False)]
    return texts


def _assert_masked(exc: BaseException) -> None:
    for text in _texts(exc):
        assert not _leaks(text), text
    assert not any(marker.encode() in pickle.dumps(exc) for marker in MARKERS)


# --- item 3: the password echoed in every encoding -------------------------------------------

ECHOES = {
    "json-ascii": lambda: httpx2.Response(422, json={"detail": f"bad password {PASSWORD}"}),
    "json-utf8": lambda: httpx2.Response(
        422,
        content=json.dumps({"detail": f"bad {PASSWORD}"}, ensure_ascii=False).encode(),
        headers={"Content-Type": "application/json"},
    ),
    "json-nested": lambda: httpx2.Response(
        422, json={"detail": [{"loc": ["body", "password"], "input": PASSWORD, PASSWORD: 1}]}
    ),
    "html": lambda: httpx2.Response(500, html=f"<p>Login {html.escape(PASSWORD)} failed</p>"),
    "html-noquote": lambda: httpx2.Response(
        500, html=f"<p>Login {html.escape(PASSWORD, quote=False)} failed</p>"
    ),
    "url-encoded": lambda: httpx2.Response(400, text=f"password={quote(PASSWORD, safe='')}"),
    "form-encoded": lambda: httpx2.Response(400, text=f"password={quote_plus(PASSWORD)}"),
    "repr": lambda: httpx2.Response(400, text=f"ValueError({PASSWORD!r})"),
    "key-everywhere": lambda: httpx2.Response(
        401, json={"message": f"key {API_KEY} / {json.dumps(API_KEY)} / {quote(API_KEY)}"}
    ),
}


@pytest.mark.parametrize("echo", list(ECHOES))
def test_echoed_password_masked_in_every_encoding(api, recorder, echo, waycore_log_debug, caplog):
    handler = recorder(ECHOES[echo]())
    with caplog.at_level(logging.DEBUG):
        client = api.client(handler, api_key=API_KEY, max_retries=1)
        with pytest.raises(waycore.APIStatusError) as info:
            api.run(client.connections.update_credentials(CONN, password=PASSWORD))
    assert "***" in str(info.value)
    _assert_masked(info.value)
    assert caplog.records
    for record in caplog.records:
        assert not _leaks(record.getMessage())
    # The password really went out (else the test would prove nothing).
    assert json.loads(handler.requests[0].content)["password"] == PASSWORD


def test_unexpected_2xx_shape_names_fields_never_values(api, recorder, ready_payload):
    payload = ready_payload(entityId=PASSWORD, status=987654321, syncStatus=["VAL-UNIQUE-1"])
    handler = recorder(httpx2.Response(200, json=payload))
    client = api.client(handler, api_key=API_KEY)
    with pytest.raises(waycore.APIResponseValidationError) as info:
        api.run(client.connections.update_credentials(CONN, password=PASSWORD))
    message = str(info.value)
    assert "unexpected shape" in message
    for value in ("987654321", "VAL-UNIQUE-1", "Zq9", "Xk7"):
        assert value not in message
    # `.body` keeps the payload for recovery, with the echoed password masked (pickle too).
    assert info.value.body["id"] == "conn_123"
    _assert_masked(info.value)


def test_unparseable_2xx_body_masks_the_echo(api, recorder):
    handler = recorder(httpx2.Response(200, text=f"not json: {PASSWORD} {API_KEY}"))
    client = api.client(handler, api_key=API_KEY)
    with pytest.raises(waycore.APIResponseValidationError) as info:
        api.run(client.connections.update_credentials(CONN, password=PASSWORD))
    _assert_masked(info.value)


# --- item 4: the API key reflected in request ids ---------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        {"error": {"code": "unauthorized", "requestId": f"req-{API_KEY}"}},
        {"message": "no", "meta": {"requestId": f"req-{API_KEY}"}},
        {"message": "no"},
    ],
    ids=["error.requestId", "meta.requestId", "header-only"],
)
def test_key_reflected_in_request_id_masked(api, recorder, body, caplog):
    handler = recorder(httpx2.Response(401, json=body, headers={"x-request-id": f"h-{API_KEY}"}))
    with caplog.at_level(logging.INFO, logger="waycore"):
        client = api.client(handler, api_key=API_KEY)
        with pytest.raises(waycore.AuthenticationError) as info:
            api.run(client.connections.retrieve(CONN))
    assert info.value.request_id in ("req-***", "h-***")
    assert "request_id=" in str(info.value)
    _assert_masked(info.value)
    lines = [r.getMessage() for r in caplog.records if r.name == "waycore"]
    assert any("request_id=h-***" in line for line in lines)
    assert not any(_leaks(line) for line in lines)


def test_key_reflected_on_success_masked_in_log(api, recorder, ready_payload, caplog):
    handler = recorder(
        httpx2.Response(200, json=ready_payload(), headers={"x-request-id": API_KEY})
    )
    with caplog.at_level(logging.INFO, logger="waycore"):
        api.run(api.client(handler, api_key=API_KEY).connections.retrieve(CONN))
    assert "request_id=***" in caplog.text
    assert not _leaks(caplog.text)


# --- item 16: WAYCORE_LOG -----------------------------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def bare_logging(waycore_log_debug, monkeypatch):
    """Call it first thing in the test: no handler anywhere (pytest adds its own to the root
    logger when the test starts) and no stderr handler left over from an earlier test, as
    in a fresh process. The `waycore_log_debug` fixture restores the logger afterwards."""

    def isolate() -> logging.Logger:
        root = logging.getLogger()
        monkeypatch.setattr(root, "handlers", [])
        monkeypatch.setattr(_logging, "_handler", None)
        waycore_log_debug.handlers[:] = []
        return root

    return isolate


@pytest.mark.parametrize("configured", ["before", "after"])
def test_info_printed_once_with_app_logging(
    api, recorder, ready_payload, bare_logging, monkeypatch, capsys, configured
):
    # Observed: every line twice, once by the app's handler and once by ours.
    root = bare_logging()
    monkeypatch.setenv("WAYCORE_LOG", "info")
    app = _Collect()
    if configured == "before":
        root.addHandler(app)
    handler = recorder(httpx2.Response(503), httpx2.Response(200, json=ready_payload()))
    client = api.client(handler)
    if configured == "after":  # logging configured once the client exists
        root.addHandler(app)
    api.run(client.connections.retrieve(CONN))
    ours = [line for line in capsys.readouterr().err.splitlines() if " waycore " in line]
    printed = app.lines + ours
    assert len(app.lines) == 3  # two attempts and one retry decision
    assert len(printed) == len(set(printed)) == 3


def test_info_printed_by_our_handler_without_app_logging(
    api, recorder, ready_payload, bare_logging, monkeypatch, capsys
):
    bare_logging()
    monkeypatch.setenv("WAYCORE_LOG", "info")
    handler = recorder(httpx2.Response(200, json=ready_payload()))
    api.run(api.client(handler).connections.retrieve(CONN))
    err = [line for line in capsys.readouterr().err.splitlines() if " waycore " in line]
    assert len(err) == 1
    assert "GET /v1/connections/conn_1 -> 200" in err[0] and "INFO" in err[0]


def test_debug_adds_request_and_response_detail(
    api, recorder, ready_payload, bare_logging, monkeypatch
):
    root = bare_logging()
    app = _Collect()
    root.addHandler(app)
    answers = [
        httpx2.Response(503, json={"message": PASSWORD}, headers={"x-echo": API_KEY}),
        httpx2.Response(200, json=ready_payload(), headers={"x-request-id": "req_ok"}),
    ]

    def run(level: str) -> list[str]:
        app.lines.clear()
        monkeypatch.setenv("WAYCORE_LOG", level)
        client = api.client(recorder(*answers), api_key=API_KEY)
        api.run(client.connections.update_credentials(CONN, password=PASSWORD))
        return list(app.lines)

    info, debug = run("info"), run("debug")
    assert len(debug) > len(info)
    detail = "\n".join(line for line in debug if line not in info)
    assert "authorization: ***" in detail.lower()
    assert "bytes" in detail  # request and response sizes
    assert "x-echo: ***" in detail  # a response header echoing the key
    assert "retrying PUT" in "\n".join(debug)
    for line in debug:
        assert not _leaks(line), line


def test_debug_logs_the_decision_not_to_retry(api, recorder, bare_logging, monkeypatch):
    root = bare_logging()
    app = _Collect()
    root.addHandler(app)
    monkeypatch.setenv("WAYCORE_LOG", "debug")
    client = api.client(recorder(httpx2.Response(500)), api_key=API_KEY, max_retries=0)
    with pytest.raises(waycore.InternalServerError):
        api.run(client.connections.retrieve(CONN))
    assert any(line.startswith("not retrying GET") for line in app.lines)


def test_repeated_cursor_echoing_the_key_masked(api, recorder, ready_payload):
    # Found by test_hardening_properties.py: the error quoted the server's cursor.
    page = {"data": [ready_payload()], "pagination": {"hasMore": True, "nextCursor": API_KEY}}
    handler = recorder(httpx2.Response(200, json=page))
    with pytest.raises(waycore.WaycoreError, match="did not advance") as info:
        api.collect(api.client(handler, api_key=API_KEY).connections.list())
    assert not _leaks(str(info.value))
