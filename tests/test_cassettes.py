"""Replays the recorded cassettes with the network blocked, for the sync and async clients,
and proves no cassette holds a secret."""

from __future__ import annotations

import asyncio
import json
import re
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from cassette_scenarios import (
    BANK_PASSWORD,
    CASSETTES,
    REDACTED,
    SCENARIOS,
    Scenario,
    make_vcr,
    run_async,
    run_sync,
)
from vcr.errors import CannotOverwriteExistingCassetteException

import waycore
from waycore.resources import OPERATIONS
from waycore.testing import Sandbox

REPLAY_URL = "https://api.waycore.com/v1"
REPLAY_KEY = "way_test_replay_key"


def _refuse(self: socket.socket, address: Any) -> None:
    raise AssertionError(f"a cassette test tried to reach the network: {address!r}")


def _block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a real connection fails the test."""
    _block_network(monkeypatch)


async def _no_sleep(seconds: float) -> None:
    return None


def _replay_sync(scenario: Scenario, directory: Path = CASSETTES) -> dict[str, Any]:
    with make_vcr("none", directory).use_cassette(f"{scenario.name}.yaml") as cassette:
        with waycore.Waycore(scenario.api_key or REPLAY_KEY, base_url=REPLAY_URL) as client:
            client._sleep = lambda seconds: None
            summary = run_sync(scenario, client)
        assert cassette.all_played, "the SDK sent fewer requests than were recorded"
    return summary


def _replay_async(scenario: Scenario, directory: Path = CASSETTES) -> dict[str, Any]:
    async def main() -> dict[str, Any]:
        async with waycore.AsyncWaycore(scenario.api_key or REPLAY_KEY, base_url=REPLAY_URL) as c:
            c._sleep = _no_sleep
            return await run_async(scenario, c)

    with make_vcr("none", directory).use_cassette(f"{scenario.name}.yaml") as cassette:
        summary = asyncio.run(main())
        assert cassette.all_played, "the SDK sent fewer requests than were recorded"
    return summary


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_replay_sync_and_async_agree(scenario: Scenario) -> None:
    assert (CASSETTES / f"{scenario.name}.yaml").is_file(), "run scripts/record-cassettes"
    sync_summary = _replay_sync(scenario)
    async_summary = _replay_async(scenario)
    assert sync_summary == async_summary
    assert sync_summary  # every scenario reports what it saw


@pytest.mark.usefixtures("no_network")
def test_a_request_not_in_the_cassette_is_refused() -> None:
    scenario = next(s for s in SCENARIOS if s.name == "not_found")
    with make_vcr("none").use_cassette(f"{scenario.name}.yaml"):
        client = waycore.Waycore(REPLAY_KEY, base_url=REPLAY_URL, max_retries=0)
        with client, pytest.raises(CannotOverwriteExistingCassetteException):
            client.connections.retrieve("conn_never_recorded")


def _interactions() -> list[dict[str, Any]]:
    return [
        interaction
        for path in sorted(CASSETTES.glob("*.yaml"))
        for interaction in yaml.safe_load(path.read_text())["interactions"]
    ]


def _route(template: str) -> re.Pattern[str]:
    return re.compile("^/v1" + re.sub(r"\{[^/}]+\}", "[^/]+", template) + "$")


def test_every_endpoint_of_the_sdk_is_recorded() -> None:
    # Each recorded request counts for the most specific endpoint it matches, so
    # `GET /transactions/sync` does not also count as `GET /transactions/{transactionId}`.
    operations = sorted(OPERATIONS, key=lambda operation: operation.path.count("{"))
    routes = [(operation, _route(operation.path)) for operation in operations]
    recorded: set[str] = set()
    for interaction in _interactions():
        request = interaction["request"]
        path = urlsplit(request["uri"]).path
        for operation, route in routes:
            if operation.method == request["method"] and route.match(path):
                recorded.add(operation.operation_id)
                break
    missing = sorted({o.operation_id for o in OPERATIONS} - recorded)
    assert missing == [], "add a scenario for these endpoints"


def test_both_connection_shapes_and_both_transfer_kinds_are_recorded() -> None:
    kinds: set[str] = set()
    transfer_types: set[str] = set()
    for interaction in _interactions():
        request = interaction["request"]
        kinds.update(re.findall(r'"kind":\s*"(\w+)"', interaction["response"]["body"]["string"]))
        if request["method"] == "POST" and request["uri"].endswith("/v1/transfers"):
            transfer_types.add(json.loads(request["body"])["type"])
    assert kinds >= {"ready", "setup"}
    assert transfer_types == {"internal", "external"}


def test_every_cassette_belongs_to_a_scenario() -> None:
    assert {path.stem for path in CASSETTES.glob("*.yaml")} == {s.name for s in SCENARIOS}


_SECRET_PATTERNS = [
    # Any token after "Bearer" but the mask (`WWW-Authenticate: Bearer realm=...` is fine).
    re.compile(r"bearer\s+(?!" + re.escape(REDACTED) + r")[\w.~+/-]{8,}", re.IGNORECASE),
    re.compile(r"way_(live|test)_[A-Za-z0-9]"),
    re.compile(re.escape(BANK_PASSWORD)),
    re.compile(r'"password"\s*:\s*"(?!' + re.escape(REDACTED) + r")"),
    re.compile(r"whsec_[A-Za-z0-9]"),  # a webhook signing secret
    # A webhook's secret must be scrubbed or masked ("****" and its last four characters).
    re.compile(r'"secret"\s*:\s*"(?!' + re.escape(REDACTED) + r'"|\*{4})'),
]


def _secrets_in(text: str) -> list[str]:
    return [p.pattern for p in _SECRET_PATTERNS if p.search(text)]


def test_no_committed_cassette_holds_a_secret() -> None:
    files = sorted(CASSETTES.glob("*.yaml"))
    assert len(files) >= len(SCENARIOS)
    for path in files:
        text = path.read_text()
        assert _secrets_in(text) == [], path.name
        assert f"Bearer {REDACTED}" in text, f"{path.name}: authorization was not scrubbed"


def test_recording_scrubs_the_key_and_password(tmp_path: Path) -> None:
    # Record a real exchange with the sandbox on loopback: the file must already be clean.
    scenario = next(s for s in SCENARIOS if s.name == "onboarding_to_ready")
    with (
        Sandbox(activation_polls=1) as sandbox,
        make_vcr("all", tmp_path).use_cassette("live.yaml"),
        sandbox.client() as client,
    ):
        run_sync(scenario, client, sandbox)
        key = sandbox.api_key
    text = (tmp_path / "live.yaml").read_text()
    assert key not in text
    assert BANK_PASSWORD not in text
    assert _secrets_in(text) == []
    assert f'"password":"{REDACTED}"' in text  # the body was recorded, with the value masked


def _replay_webhook(directory: Path) -> waycore.Webhook:
    with make_vcr("none", directory).use_cassette("hook.yaml") as cassette:
        with waycore.Waycore(REPLAY_KEY, base_url=REPLAY_URL) as client:
            created = client.webhooks.create(url="https://hooks.example.com/w", events=["test"])
            fetched = client.webhooks.retrieve(created.id)
        assert cassette.all_played
    assert fetched.id == created.id and fetched.secret.startswith("*")
    return created


def test_recording_scrubs_webhook_secrets_and_the_cassette_still_replays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with (
        Sandbox() as sandbox,
        make_vcr("all", tmp_path).use_cassette("hook.yaml"),
        sandbox.client() as client,
    ):
        hook = client.webhooks.create(url="https://hooks.example.com/w", events=["test"])
        client.webhooks.retrieve(hook.id)
        key = sandbox.api_key
    assert hook.secret.startswith("whsec_")  # the live answer held it in full
    text = (tmp_path / "hook.yaml").read_text()
    assert hook.secret not in text and key not in text
    assert _secrets_in(text) == []
    assert f'"secret":"{REDACTED}"' in text
    # Offline, the scrubbed cassette still answers (its Content-Length fixed to the new body).
    _block_network(monkeypatch)
    assert _replay_webhook(tmp_path).secret == REDACTED


def test_the_secret_check_would_catch_a_leak() -> None:
    leaked = 'authorization: [Bearer way_live_abc_123]\nbody: \'{"password":"hunter2"}\''
    assert len(_secrets_in(leaked)) >= 2
    assert _secrets_in("authorization: [Bearer sk_0123456789abcdef]")  # a key of any shape
    assert _secrets_in('{"webhook":{"secret":"whsec_8f14e45fceea167a5a36dedd4bea2543"}}')
    assert _secrets_in('{"secret":"s3cr3t-value"}')  # a secret field neither masked nor scrubbed
    assert not _secrets_in('{"secret":"****************2543"}')
    assert not _secrets_in('www-authenticate: [Bearer realm="waycore"]')
