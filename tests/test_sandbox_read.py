"""The sandbox's read side: entities, institutions, accounts, balances and transactions.

Driven with raw httpx2 (not the SDK), mostly in-process; the change feed is in
``test_sandbox_read_feed.py``, which reuses the helpers below.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx2
import pytest

from waycore.testing import Sandbox
from waycore.testing._connection_record import ConnectionRecord
from waycore.testing._ledger import Ledger

AMOUNT_RE = re.compile(r"\A-?[0-9]+\.[0-9]{2}\Z")


class Api:
    """An in-process client of one sandbox, with the few steps every test repeats."""

    def __init__(self, sandbox: Sandbox, http: httpx2.Client) -> None:
        self.sandbox = sandbox
        self.http = http

    def ok(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.http.request(method, path, **kwargs)
        assert response.is_success, response.text
        return response.json() if response.content else None

    def error(self, method: str, path: str, status: int, code: str, **kwargs: Any) -> str:
        response = self.http.request(method, path, **kwargs)
        assert response.status_code == status, response.text
        error = response.json()["error"]
        assert error["code"] == code
        assert error["requestId"] == response.headers["x-request-id"]
        return str(error["message"])

    def get(self, path: str, **params: Any) -> Any:
        return self.ok("GET", path, params=params)

    def entity(self, external_id: str | None = None, **body: Any) -> str:
        body["externalEntityId"] = external_id or f"ext-{uuid.uuid4()}"
        return str(self.ok("POST", "/entities", json=body)["entityId"])

    def connection(self, entity_id: str | None = None, institution: str = "chase") -> str:
        body = {"entityId": entity_id or str(uuid.uuid4()), "institutionId": institution}
        return str(self.ok("POST", "/connections", json=body)["id"])

    def active(self, entity_id: str | None = None, institution: str = "chase") -> str:
        """A new connection, ready and active (so with accounts and transactions)."""
        conn_id = self.connection(entity_id, institution)
        self.sandbox.set_state(conn_id, kind="ready", status="active")
        return conn_id

    def complete_sync(self, conn_id: str) -> None:
        """``PUT .../sync``, then the reads that let it finish."""
        assert self.http.put(f"/connections/{conn_id}/sync").status_code == 202
        for _ in range(2):
            self.get(f"/connections/{conn_id}")
        assert self.sandbox.peek(conn_id)["syncStatus"] == "idle"

    def every(self, path: str, **params: Any) -> list[dict[str, Any]]:
        """Every item of a list, page after page."""
        items: list[dict[str, Any]] = []
        while True:
            page = self.get(path, **params)
            items += page["data"]
            if not page["pagination"]["hasMore"]:
                assert page["pagination"]["nextCursor"] is None
                return items
            params["cursor"] = page["pagination"]["nextCursor"]

    def accounts(self, conn_id: str) -> list[dict[str, Any]]:
        return self.every("/accounts", connectionId=conn_id)

    def transactions(self, **params: Any) -> list[dict[str, Any]]:
        return self.every("/transactions", limit=500, **params)


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(activation_polls=1)  # in-process: never started


@pytest.fixture
def api(sandbox: Sandbox) -> Iterator[Api]:
    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    with httpx2.Client(
        transport=sandbox.transport(), base_url=Sandbox.IN_PROCESS_BASE_URL, headers=headers
    ) as http:
        yield Api(sandbox, http)


# -- entities ------------------------------------------------------------------------------


def test_the_default_entity_is_there_from_the_start_and_after_reset(
    sandbox: Sandbox, api: Api
) -> None:
    page = api.get("/entities")
    assert [e["entityId"] for e in page["data"]] == [Sandbox.DEFAULT_ENTITY_ID]
    default = page["data"][0]
    assert default["isDefaultOrgEntity"] is True
    assert default["externalEntityId"] == "org_default"
    assert default["contactEmails"] == []
    assert api.get(f"/entities/{Sandbox.DEFAULT_ENTITY_ID}") == default
    api.entity("acme")
    sandbox.reset()
    assert [e["entityId"] for e in api.get("/entities")["data"]] == [Sandbox.DEFAULT_ENTITY_ID]


def test_create_list_and_get_entities(api: Api) -> None:
    created = api.http.post(
        "/entities",
        json={"externalEntityId": "acme-001", "name": "Acme", "metadata": {"crm": "42"}},
    )
    assert created.status_code == 201
    acme = created.json()
    assert uuid.UUID(acme["entityId"]).version == 4
    assert acme["isDefaultOrgEntity"] is False
    assert (acme["name"], acme["metadata"], acme["contactEmails"]) == ("Acme", {"crm": "42"}, [])
    assert acme["createdAt"] == acme["updatedAt"]
    globex = api.entity("globex-002")
    assert api.get(f"/entities/{acme['entityId']}") == acme
    assert api.get(f"/entities/{acme['entityId'].upper()}") == acme
    newest_first = [e["entityId"] for e in api.every("/entities", limit=1)]
    assert newest_first == [globex, acme["entityId"], Sandbox.DEFAULT_ENTITY_ID]
    only = api.get("/entities", externalEntityId="acme-001")["data"]
    assert [e["entityId"] for e in only] == [acme["entityId"]]
    assert api.get("/entities", externalEntityId="nobody")["data"] == []


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"externalEntityId": ""},
        {"externalEntityId": 7},
        {"externalEntityId": "x", "name": 3},
        {"externalEntityId": "x", "metadata": []},
        ["externalEntityId"],
    ],
)
def test_create_entity_refuses_a_bad_body_with_422(api: Api, body: Any) -> None:
    api.error("POST", "/entities", 422, "validation_error", json=body)


def test_create_entity_with_a_taken_external_id_is_409(api: Api) -> None:
    first = api.entity("acme")
    message = api.error(
        "POST", "/entities", 409, "entity_exists", json={"externalEntityId": "acme"}
    )
    assert first in message


@pytest.mark.parametrize("entity_id", [str(uuid.uuid4()), "not-a-uuid"])
def test_unknown_entities_are_404(api: Api, entity_id: str) -> None:
    api.error("GET", f"/entities/{entity_id}", 404, "not_found")
    api.error("PATCH", f"/entities/{entity_id}", 404, "not_found", json={"contactEmails": []})
    api.error("DELETE", f"/entities/{entity_id}", 404, "not_found")


def test_patch_replaces_the_contact_emails(api: Api) -> None:
    entity_id = api.entity()
    before = api.get(f"/entities/{entity_id}")
    emails = ["cfo@acme.test", "Ops@Acme.test", "CFO@acme.test", "ops@acme.test", "ar@acme.test"]
    patched = api.ok("PATCH", f"/entities/{entity_id}", json={"contactEmails": emails})
    # Duplicates go (case-insensitively), the first spelling and the order stay.
    assert patched["contactEmails"] == ["cfo@acme.test", "Ops@Acme.test", "ar@acme.test"]
    assert patched["updatedAt"] >= before["updatedAt"]
    assert api.get(f"/entities/{entity_id}") == patched
    assert api.ok("PATCH", f"/entities/{entity_id}", json={}) == patched  # nothing to change
    cleared = api.ok("PATCH", f"/entities/{entity_id}", json={"contactEmails": []})
    assert cleared["contactEmails"] == []
    most = [f"user{i}@acme.test" for i in range(100)]
    full = api.ok("PATCH", f"/entities/{entity_id}", json={"contactEmails": most})
    assert full["contactEmails"] == most


@pytest.mark.parametrize(
    "emails",
    [
        "cfo@acme.test",
        [f"user{i}@acme.test" for i in range(101)],
        ["cfo@acme.test", "not an email"],
        ["@"],
        [None],
        {"cfo": "cfo@acme.test"},
    ],
)
def test_patch_refuses_bad_contact_emails_with_422(api: Api, emails: Any) -> None:
    entity_id = api.entity()
    api.error(
        "PATCH", f"/entities/{entity_id}", 422, "validation_error", json={"contactEmails": emails}
    )
    assert api.get(f"/entities/{entity_id}")["contactEmails"] == []


def test_delete_entity_cascades_to_its_connections_and_their_data(api: Api) -> None:
    doomed = api.entity()
    kept = api.entity()
    ready = api.active(doomed)
    setup = api.connection(doomed, "bofa")
    survivor = api.active(kept)
    doomed_transactions = api.transactions(connectionId=ready)
    assert doomed_transactions
    head = api.get("/transactions/sync")["nextCursor"]

    assert api.http.delete(f"/entities/{doomed}").status_code == 204
    api.error("GET", f"/entities/{doomed}", 404, "not_found")
    for conn_id in (ready, setup):
        api.error("GET", f"/connections/{conn_id}", 404, "not_found")
    assert api.accounts(ready) == []
    assert api.transactions(connectionId=ready) == []
    assert api.get("/balances", connectionId=ready)["data"] == []
    api.error("GET", f"/transactions/{doomed_transactions[0]['id']}", 404, "not_found")
    # A mirror learns that every transaction of the deleted connection is gone.
    events = api.get("/transactions/sync", cursor=head, limit=500)["events"]
    assert {e["type"] for e in events} == {"removed"}
    assert {e["transactionId"] for e in events} == {t["id"] for t in doomed_transactions}
    # The other entity keeps everything.
    assert api.get(f"/connections/{survivor}")["status"] == "active"
    assert len(api.accounts(survivor)) == 2
    # Connections may still name the deleted entity's id, as any UUID.
    assert api.http.post(
        "/connections", json={"entityId": doomed, "institutionId": "chase"}
    ).status_code in (200, 201)


def test_delete_entity_is_409_while_one_of_its_connections_syncs(api: Api) -> None:
    entity_id = api.entity()
    conn_id = api.active(entity_id)
    api.active(entity_id, "wells_fargo")
    assert api.http.put(f"/connections/{conn_id}/sync").status_code == 202
    api.error("DELETE", f"/entities/{entity_id}", 409, "sync_in_progress")
    assert api.get(f"/entities/{entity_id}")["entityId"] == entity_id
    assert len(api.accounts(conn_id)) == 2
    api.get(f"/connections/{conn_id}")
    api.get(f"/connections/{conn_id}")  # the sync is over
    assert api.http.delete(f"/entities/{entity_id}").status_code == 204


def test_the_default_entity_cannot_be_deleted(api: Api) -> None:
    api.active(Sandbox.DEFAULT_ENTITY_ID)
    api.error("DELETE", f"/entities/{Sandbox.DEFAULT_ENTITY_ID}", 409, "default_entity")
    assert api.get(f"/entities/{Sandbox.DEFAULT_ENTITY_ID}")["isDefaultOrgEntity"] is True


def test_connections_accept_any_entity_uuid(api: Api) -> None:
    stranger = str(uuid.uuid4())
    conn_id = api.connection(stranger)
    assert api.get(f"/connections/{conn_id}")["entityId"] == stranger
    api.error("GET", f"/entities/{stranger}", 404, "not_found")


# -- institutions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Bank of", ["bofa"]),  # name, case-insensitive
        ("CHASE", ["chase"]),
        ("wells", ["wells_fargo"]),  # id
        ("deutsche_bank", ["deutsche_bank"]),
        ("bankofamerica.com", ["bofa"]),  # portal domain
        ("secure.chase.com", ["chase"]),
        ("https://online.svb.com/login", ["svb"]),  # a whole portal URL
        ("HTTPS://MABANQUE.BNPPARIBAS/anything", ["bnp_paribas"]),
        ("bank", ["bofa", "citi", "deutsche_bank", "svb"]),
        ("no such bank", []),
    ],
)
def test_institution_search(api: Api, query: str, expected: list[str]) -> None:
    found = api.every("/institutions", query=query)
    assert [i["institutionId"] for i in found] == expected


def test_institution_list_get_and_404(api: Api) -> None:
    everything = api.every("/institutions", limit=3)
    ids = [i["institutionId"] for i in everything]
    assert ids == sorted(ids)
    assert {"chase", "bofa", "wells_fargo", "deutsche_bank"} <= set(ids)
    assert api.every("/institutions", query="") == everything
    chase = api.get("/institutions/chase")
    assert chase["name"] == "Chase"
    assert chase["portalUrl"].startswith("https://secure.chase.com/")
    assert chase["portalDomain"] == "secure.chase.com"
    api.error("GET", "/institutions/nope", 404, "not_found")
    api.error("GET", "/institutions", 400, "invalid_limit", params={"limit": 0})


# -- accounts ------------------------------------------------------------------------------


def test_activation_gives_a_connection_two_accounts(api: Api) -> None:
    conn_id = api.connection()
    assert api.accounts(conn_id) == []  # not before activation
    api.sandbox.set_state(conn_id, kind="ready", status="active")
    checking, savings = api.accounts(conn_id)
    assert (checking["type"], checking["currency"]) == ("checking", "USD")
    assert (savings["type"], savings["currency"]) == ("savings", "EUR")
    for account in (checking, savings):
        assert account["connectionId"] == conn_id
        assert account["status"] == "open"
        assert account["maskedNumber"] == "****" + account["accountNumber"][-4:]
        assert account["swiftBic"] == "CHASUS33"
        assert AMOUNT_RE.match(account["currentBalance"])
        assert account["updatedAt"] == account["balanceAsOf"]
        assert api.get(f"/accounts/{account['id']}") == account
    assert checking["routingNumber"] == "021000021"
    assert re.fullmatch(r"[0-9]{12}", checking["accountNumber"])
    assert savings["routingNumber"] is None  # an IBAN, no ABA number
    assert re.fullmatch(r"DE[0-9]{20}", savings["accountNumber"])
    # Going active again (after a reauth) keeps the same accounts.
    api.sandbox.set_state(conn_id, status="reauthRequired")
    api.sandbox.set_state(conn_id, status="active")
    assert api.accounts(conn_id) == [checking, savings]


def test_accounts_appear_through_the_normal_onboarding(api: Api) -> None:
    conn_id = api.connection(institution="deutsche_bank")
    api.ok("PUT", f"/connections/{conn_id}/credentials", json={"bankUsername": "u"})
    assert api.ok("PUT", f"/connections/{conn_id}/setupCompletion")["status"] == (
        "pendingActivation"
    )
    assert api.accounts(conn_id) == []
    # The read that uses up activation_polls still sees pendingActivation; the connection is
    # active (with accounts) for every later request.
    assert api.get(f"/connections/{conn_id}")["status"] == "pendingActivation"
    assert len(api.accounts(conn_id)) == 2
    assert api.get(f"/connections/{conn_id}")["status"] == "active"
    accounts = api.accounts(conn_id)
    assert [(a["type"], a["currency"]) for a in accounts] == [
        ("checking", "EUR"),
        ("savings", "USD"),
    ]
    assert accounts[0]["swiftBic"] == "DEUTDEFF"


def test_a_setup_connection_marked_active_gets_no_accounts(api: Api) -> None:
    conn_id = api.connection()
    api.sandbox.set_state(conn_id, status="active")  # still kind="setup"
    assert api.accounts(conn_id) == []


def test_account_filters(api: Api) -> None:
    first, second = api.active(), api.active(institution="bnp_paribas")
    assert len(api.every("/accounts")) == 4
    assert [a["connectionId"] for a in api.accounts(second)] == [second, second]
    assert {a["connectionId"] for a in api.every("/accounts", currency="EUR")} == {first, second}
    assert [a["currency"] for a in api.every("/accounts", currency="GBP")] == ["GBP"]
    assert {a["type"] for a in api.every("/accounts", type="savings")} == {"savings"}
    assert api.every("/accounts", type="loan") == []
    assert len(api.every("/accounts", status="open")) == 4
    assert api.every("/accounts", status="closed") == []
    assert api.every("/accounts", connectionId=first, type="checking", currency="EUR") == []
    paged = api.every("/accounts", limit=1)
    assert paged == api.every("/accounts")


@pytest.mark.parametrize(
    "params",
    [{"currency": "usd"}, {"currency": "US"}, {"type": "piggyBank"}, {"status": "frozen"}],
)
def test_bad_account_filters_are_400(api: Api, params: dict[str, str]) -> None:
    api.error("GET", "/accounts", 400, "invalid_parameter", params=params)


def test_unknown_account_is_404(api: Api) -> None:
    api.error("GET", "/accounts/acct_nope", 404, "not_found")


def test_generated_data_is_deterministic_given_the_connection_id() -> None:
    now = datetime(2024, 3, 15, 12, 0, tzinfo=UTC)

    def generate() -> tuple[list[Any], list[Any], list[Any]]:
        ledger = Ledger(clock=lambda: now)
        record = ConnectionRecord(
            seq=1,
            id="conn_0123456789abcdef01234567",
            entity_id=str(uuid.UUID(int=1)),
            institution_id="chase",
            portal_url=None,
            institution_name="Chase",
            created_from_portal=False,
            created_at=now,
            updated_at=now,
            instructions={},
            kind="ready",
            status="active",
        )
        ledger.ensure_generated(record)
        ledger.apply_sync(record)
        return (
            [a.to_json() for a in ledger.accounts.values()],
            [t.to_json() for t in ledger.transactions.values()],
            [b.to_json() for b in ledger.balances.values()],
        )

    assert generate() == generate()


# -- balances ------------------------------------------------------------------------------


def _dec(value: str) -> Decimal:
    assert AMOUNT_RE.match(value), value
    return Decimal(value)


def test_balances_cover_30_days_and_agree_with_the_transactions(api: Api) -> None:
    conn_id = api.active()
    rows = api.every("/balances", connectionId=conn_id, limit=7)
    assert len(rows) == 60
    # Newest date first, then by account id.
    assert rows == sorted(
        rows, key=lambda r: (-date.fromisoformat(r["date"]).toordinal(), r["accountId"])
    )
    for account in api.accounts(conn_id):
        mine = sorted((r for r in rows if r["accountId"] == account["id"]), key=lambda r: r["date"])
        days = [date.fromisoformat(r["date"]) for r in mine]
        assert days == [days[0] + timedelta(days=i) for i in range(30)]
        transactions = api.transactions(accountId=account["id"])
        for previous, row in itertools.pairwise(mine):
            posted = sum(
                (
                    _dec(t["amount"])
                    for t in transactions
                    if t["status"] == "posted" and t["postedDate"] == row["date"]
                ),
                Decimal(0),
            )
            assert _dec(row["postedTransactionDelta"]) == posted
            assert _dec(row["ledgerBalance"]) == _dec(previous["ledgerBalance"]) + posted
        assert {r["source"] for r in mine} == {"bankProvided", "derived"}
        assert all(r["entityId"] == api.get(f"/connections/{conn_id}")["entityId"] for r in mine)
        assert _dec(account["currentBalance"]) == _dec(mine[-1]["ledgerBalance"])
        pending_out = sum(
            (
                _dec(t["amount"])
                for t in transactions
                if t["status"] == "pending" and t["amount"][0] == "-"
            ),
            Decimal(0),
        )
        assert _dec(account["availableBalance"]) == _dec(account["currentBalance"]) + pending_out


def test_balance_filters(api: Api) -> None:
    entity_id = api.entity()
    conn_id = api.active(entity_id)
    other = api.active()
    account_id = api.accounts(conn_id)[0]["id"]
    assert len(api.every("/balances", limit=500)) == 120
    assert {r["connectionId"] for r in api.every("/balances", entityId=entity_id)} == {conn_id}
    assert {r["connectionId"] for r in api.every("/balances", connectionId=other)} == {other}
    just_one = api.every("/balances", accountId=account_id)
    assert len(just_one) == 30 and {r["accountId"] for r in just_one} == {account_id}
    newest = date.fromisoformat(just_one[0]["date"])
    week = api.every(
        "/balances",
        accountId=account_id,
        dateGte=(newest - timedelta(days=7)).isoformat(),
        dateLt=newest.isoformat(),
    )
    assert [r["date"] for r in week] == [
        (newest - timedelta(days=i)).isoformat() for i in range(1, 8)
    ]  # dateLt is exclusive, dateGte inclusive
    assert api.every("/balances", dateGte=newest.isoformat(), dateLt=newest.isoformat()) == []


@pytest.mark.parametrize(
    "params",
    [
        {"entityId": "acme"},
        {"dateGte": "2024-02-30"},
        {"dateLt": "20240301"},
        {"dateGte": "yesterday"},
        {"dateGte": "2024-03-02", "dateLt": "2024-03-01"},
    ],
)
def test_bad_balance_filters_are_400(api: Api, params: dict[str, str]) -> None:
    api.error("GET", "/balances", 400, "invalid_parameter", params=params)


# -- transactions --------------------------------------------------------------------------


def test_transactions_look_like_a_bank_statement(api: Api) -> None:
    conn_id = api.active()
    accounts = {a["id"]: a for a in api.accounts(conn_id)}
    transactions = api.transactions(connectionId=conn_id)
    assert len(transactions) >= 28
    statuses = {t["status"] for t in transactions}
    assert statuses == {"pending", "posted"}
    assert {t["entryType"] for t in transactions} == {"credit", "debit"}
    assert len({t["rail"] for t in transactions}) >= 3
    for t in transactions:
        assert AMOUNT_RE.match(t["amount"])
        assert t["entryType"] == ("debit" if t["amount"].startswith("-") else "credit")
        assert t["currency"] == accounts[t["accountId"]]["currency"]
        assert (t["postedDate"] is None) == (t["status"] == "pending")
        assert t["description"] and t["rawDescription"] and t["bankReference"]
        assert uuid.UUID(t["id"]).version == 4
        assert api.get(f"/transactions/{t['id']}") == t
    rails = {t["rail"]: t for t in transactions}
    if "card" in rails:
        assert rails["card"]["mcc"] and rails["card"]["merchantName"]
    eur = [t for t in transactions if t["currency"] == "EUR"]
    assert eur and all(t["rail"] == "internalTransfer" for t in eur)  # the reserve account


def _sort_key(sort: str) -> Any:
    def key(t: dict[str, Any]) -> Any:
        if sort.endswith("postedDate"):
            pending = t["postedDate"] is None
            day = date.fromisoformat(t["postedDate"]).toordinal() if not pending else 0
            if sort.startswith("-"):
                return (not pending, -day, t["id"])
            return (pending, day, t["id"])
        stamp = datetime.fromisoformat(t["updatedAt"].replace("Z", "+00:00")).timestamp()
        return (-stamp if sort.startswith("-") else stamp, t["id"])

    return key


@pytest.mark.parametrize("sort", ["-postedDate", "postedDate", "updatedAt", "-updatedAt"])
def test_transaction_sort_orders_and_pages(api: Api, sort: str) -> None:
    api.active()
    api.active(institution="bnp_paribas")
    everything = api.transactions(sort=sort)
    assert everything == sorted(everything, key=_sort_key(sort))
    assert api.every("/transactions", sort=sort, limit=7) == everything
    if sort == "-postedDate":
        assert api.transactions() == everything  # the default
        assert everything[0]["postedDate"] is None  # pending first


def test_transaction_filters(api: Api) -> None:
    conn_id = api.active()
    other = api.active(institution="deutsche_bank")
    everything = api.transactions()
    mine = api.transactions(connectionId=conn_id)
    assert {t["connectionId"] for t in mine} == {conn_id}
    assert len(mine) + len(api.transactions(connectionId=other)) == len(everything)
    account_id = api.accounts(conn_id)[0]["id"]
    assert {t["accountId"] for t in api.transactions(accountId=account_id)} == {account_id}
    pending = api.transactions(status="pending")
    assert pending and all(t["status"] == "pending" for t in pending)
    assert api.transactions(status="reversed") == []
    for rail in {t["rail"] for t in everything}:
        assert {t["rail"] for t in api.transactions(rail=rail)} == {rail}
    days = sorted({t["postedDate"] for t in everything if t["postedDate"]})
    middle = days[len(days) // 2]
    before = api.transactions(postedDateLt=middle)
    since = api.transactions(postedDateGte=middle)
    assert all(t["postedDate"] < middle for t in before)
    assert all(t["postedDate"] >= middle for t in since)
    assert len(before) + len(since) == len(everything) - len(pending)  # pending have no date
    combined = api.transactions(connectionId=conn_id, status="posted", postedDateGte=middle)
    assert combined == [t for t in since if t["connectionId"] == conn_id]


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "amount"},
        {"sort": "-id"},
        {"status": "settled"},
        {"rail": "pigeon"},
        {"postedDateGte": "2024-1-5"},
        {"postedDateGte": "2024-03-02", "postedDateLt": "2024-03-01"},
    ],
)
def test_bad_transaction_filters_are_400(api: Api, params: dict[str, str]) -> None:
    api.error("GET", "/transactions", 400, "invalid_parameter", params=params)


def test_a_list_cursor_is_bound_to_its_filters_and_sort(api: Api) -> None:
    api.active()
    page = api.get("/transactions", limit=2, sort="postedDate")
    cursor = page["pagination"]["nextCursor"]
    api.error("GET", "/transactions", 400, "invalid_cursor", params={"cursor": cursor, "limit": 2})
    assert api.get("/transactions", limit=2, sort="postedDate", cursor=cursor)["data"]


def test_unknown_transaction_is_404(api: Api) -> None:
    api.error("GET", f"/transactions/{uuid.uuid4()}", 404, "not_found")


def test_the_read_side_over_loopback() -> None:
    with Sandbox() as sandbox:
        headers = {"Authorization": f"Bearer {sandbox.api_key}"}
        with httpx2.Client(
            base_url=sandbox.base_url, headers=headers, trust_env=False, timeout=5.0
        ) as http:
            api = Api(sandbox, http)
            conn_id = api.active(api.entity("loopback"))
            assert len(api.accounts(conn_id)) == 2
            assert len(api.every("/balances", connectionId=conn_id, limit=500)) == 60
            assert api.transactions(connectionId=conn_id)
            assert api.get("/institutions", query="chase")["data"][0]["institutionId"] == "chase"
