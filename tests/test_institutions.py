"""`client.institutions`: catalog search, retrieval and the open `Institution` model."""

from __future__ import annotations

import pickle

import httpx2
import pytest

import waycore
from waycore.types.institution import Institution

CHASE = {"institutionId": "chase", "name": "Chase"}


def _page(items, cursor=None, request_id=None):
    body = {"data": items, "pagination": {"hasMore": cursor is not None, "nextCursor": cursor}}
    if request_id:
        body["meta"] = {"requestId": request_id}
    return httpx2.Response(200, json=body)


@pytest.fixture
def ok(recorder):
    return recorder(httpx2.Response(200, json=CHASE))


def test_retrieve(api, ok):
    bank = api.run(api.client(ok).institutions.retrieve("chase"))
    assert bank == Institution(institution_id="chase", name="Chase")
    (request,) = ok.requests
    assert (request.method, request.url.path) == ("GET", "/v1/institutions/chase")


@pytest.mark.parametrize(
    ("given", "raw_path"),
    [("bank of/x", b"/v1/institutions/bank%20of%2Fx"), ("...", b"/v1/institutions/...")],
)
def test_retrieve_encodes_the_id(api, ok, given, raw_path):
    api.run(api.client(ok).institutions.retrieve(given))
    assert ok.requests[0].url.raw_path == raw_path


@pytest.mark.parametrize("bad", ["", ".", "..", None, 3])
def test_retrieve_bad_id_sends_nothing(api, ok, bad):
    with pytest.raises(ValueError, match="institution_id"):
        api.run(api.client(ok).institutions.retrieve(bad))
    assert ok.calls == 0


def test_retrieve_not_found(api, recorder):
    handler = recorder(httpx2.Response(404, json={"code": "not_found", "message": "no bank"}))
    with pytest.raises(waycore.NotFoundError):
        api.run(api.client(handler).institutions.retrieve("nope"))


@pytest.mark.parametrize("body", [{"institutionId": 5, "name": "x"}, {"name": ["Chase"]}, "Chase"])
def test_a_2xx_with_a_bad_body_keeps_the_body(api, recorder, body):
    handler = recorder(httpx2.Response(200, json=body))
    with pytest.raises(waycore.APIResponseValidationError) as info:
        api.run(api.client(handler).institutions.retrieve("chase"))
    assert info.value.body == body


def test_model_keeps_undocumented_portal_fields():
    payload = {
        **CHASE,
        "portalUrl": "https://secure.chase.com",
        "additionalPortalUrls": ["https://jpm.example"],
    }
    bank = Institution.from_dict(payload)
    assert bank.extra == {
        "portalUrl": "https://secure.chase.com",
        "additionalPortalUrls": ["https://jpm.example"],
    }
    assert bank.to_dict() == payload
    assert pickle.loads(pickle.dumps(bank)) == bank


def test_model_fields_are_optional():
    bank = Institution.from_dict({})
    assert (bank.institution_id, bank.name, bank.extra) == (None, None, {})
    assert bank.to_dict() == {}
    assert Institution.from_dict({"institutionId": "x", "name": None}).name is None


def test_list_searches_and_repeats_the_query_on_every_page(api, recorder):
    handler = recorder(
        _page([CHASE], "cur_a", "req_1"),
        _page([{"institutionId": "chase_jpm", "name": "J.P. Morgan"}], None, "req_2"),
    )
    pager = api.client(handler).institutions.list(query="chase", limit=1)
    assert handler.calls == 0
    pages = api.pages(pager)
    assert [[b.institution_id for b in p.data] for p in pages] == [["chase"], ["chase_jpm"]]
    assert [p.request_id for p in pages] == ["req_1", "req_2"]
    assert [dict(r.url.params) for r in handler.requests] == [
        {"query": "chase", "limit": "1"},
        {"query": "chase", "limit": "1", "cursor": "cur_a"},
    ]
    assert all(r.url.path == "/v1/institutions" for r in handler.requests)


@pytest.mark.parametrize("query", [None, ""])
def test_list_without_a_search(api, recorder, query):
    handler = recorder(_page([CHASE]))
    assert [b.name for b in api.collect(api.client(handler).institutions.list(query=query))] == [
        "Chase"
    ]
    assert handler.requests[0].url.query == b""


@pytest.mark.parametrize(
    ("kwargs", "param", "error"),
    [
        ({"query": 5}, "query", TypeError),
        ({"limit": 0}, "limit", ValueError),
        ({"limit": 501}, "limit", ValueError),
        ({"limit": 2.0}, "limit", TypeError),
    ],
)
def test_list_bad_arguments_raise_at_call(api, ok, kwargs, param, error):
    with pytest.raises(error, match=param):
        api.client(ok).institutions.list(**kwargs)
    assert ok.calls == 0


def test_list_repeated_cursor_stops(api, recorder):
    handler = recorder(_page([CHASE], "same"), _page([CHASE], "same"))
    with pytest.raises(waycore.WaycoreError, match="did not advance"):
        api.collect(api.client(handler).institutions.list())
    assert handler.calls == 2


def test_raw_responses(api, recorder):
    handler = recorder(
        httpx2.Response(200, json=CHASE, headers={"x-request-id": "req_h"}),
        _page([CHASE], None, "req_l"),
    )
    client = api.client(handler)
    raw = api.run(client.with_raw_response.institutions.retrieve("chase"))
    assert (raw.status_code, raw.request_id, raw.parse().name) == (200, "req_h", "Chase")
    raw_page = api.run(client.with_raw_response.institutions.list(query="ch"))
    assert raw_page.request_id == "req_l"
    assert raw_page.parse().data == [Institution(institution_id="chase", name="Chase")]
