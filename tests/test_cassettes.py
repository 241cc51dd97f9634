"""Replays the recorded cassettes with the network blocked, for the sync and async clients,
and proves no cassette holds a secret."""

from __future__ import annotations

import asyncio
import re
import socket
from pathlib import Path
from typing import Any

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
from waycore.testing import Sandbox

REPLAY_URL = "https://api.waycore.com/v1"
REPLAY_KEY = "way_test_replay_key"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a real connection fails the test."""

    def refuse(self: socket.socket, address: Any) -> None:
        raise AssertionError(f"a cassette test tried to reach the network: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


async def _no_sleep(seconds: float) -> None:
    return None


def _replay_sync(scenario: Scenario) -> dict[str, Any]:
    with make_vcr("none").use_cassette(f"{scenario.name}.yaml") as cassette:
        with waycore.Waycore(scenario.api_key or REPLAY_KEY, base_url=REPLAY_URL) as client:
            client._sleep = lambda seconds: None
            summary = run_sync(scenario, client)
        assert cassette.all_played, "the SDK sent fewer requests than were recorded"
    return summary


def _replay_async(scenario: Scenario) -> dict[str, Any]:
    async def main() -> dict[str, Any]:
        async with waycore.AsyncWaycore(scenario.api_key or REPLAY_KEY, base_url=REPLAY_URL) as c:
            c._sleep = _no_sleep
            return await run_async(scenario, c)

    with make_vcr("none").use_cassette(f"{scenario.name}.yaml") as cassette:
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


def test_every_public_method_and_both_shapes_are_recorded() -> None:
    methods: set[str] = set()
    kinds: set[str] = set()
    for path in CASSETTES.glob("*.yaml"):
        for interaction in yaml.safe_load(path.read_text())["interactions"]:
            request = interaction["request"]
            route = re.sub(r"/connections/[^/?]+", "/connections/{id}", request["uri"])
            methods.add(f"{request['method']} {route.split('/v1', 1)[1].split('?')[0]}")
            kinds.update(
                re.findall(r'"kind":\s*"(\w+)"', interaction["response"]["body"]["string"])
            )
    assert methods >= {
        "POST /connections",
        "GET /connections",
        "GET /connections/{id}",
        "PUT /connections/{id}/credentials",
        "PUT /connections/{id}/setupCompletion",
        "PUT /connections/{id}/sync",
    }
    assert kinds >= {"ready", "setup"}


_SECRET_PATTERNS = [
    re.compile(r"bearer\s+way_", re.IGNORECASE),
    re.compile(r"way_(live|test)_[A-Za-z0-9]"),
    re.compile(re.escape(BANK_PASSWORD)),
    re.compile(r'"password"\s*:\s*"(?!' + re.escape(REDACTED) + r")"),
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


def test_the_secret_check_would_catch_a_leak() -> None:
    leaked = 'authorization: [Bearer way_live_abc_123]\nbody: \'{"password":"hunter2"}\''
    assert len(_secrets_in(leaked)) >= 2
