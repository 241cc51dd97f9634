"""Re-record the cassettes in tests/cassettes (run through `scripts/record-cassettes`).

Records against `$WAYCORE_BASE_URL` with `$WAYCORE_API_KEY` when both are set (a real test
key: scenarios that drive the sandbox are skipped), else against a fresh local sandbox per
scenario. Give scenario names to re-record only those. Each cassette is written to a
temporary folder first and moved into place only when its scenario ran to the end, so a
failure never leaves a half-recorded cassette behind.

Against the local sandbox, the random values of the recording process (the sandbox's ids,
the SDK's Idempotency-Keys) are drawn from a generator seeded with the scenario's name, so
re-recording an unchanged scenario changes only timestamps and dates (and what the sandbox
derives from them, such as its sync cursors). Never against the real API: it would see the
same idempotency keys run after run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import secrets
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

# Run as a script, so this folder is on sys.path already.
from cassette_scenarios import CASSETTES, SCENARIOS, Scenario, make_vcr, run_sync

import waycore
from waycore.testing import Sandbox


@contextlib.contextmanager
def seeded_randomness(seed: str) -> Iterator[None]:
    """`secrets.token_hex` and `uuid.uuid4` (all the sandbox's ids, the SDK's keys) made
    reproducible from `seed` for the block. Only ever for recording against the sandbox."""
    rng = random.Random(seed)

    def token_hex(nbytes: int | None = None) -> str:
        size = 32 if nbytes is None else nbytes
        return rng.getrandbits(size * 8).to_bytes(size, "big").hex() if size else ""

    def uuid4() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    with (
        mock.patch.object(secrets, "token_hex", token_hex),
        mock.patch.object(uuid, "uuid4", uuid4),
    ):
        yield


def record(scenario: Scenario, scratch: Path) -> None:
    base_url, key = os.environ.get("WAYCORE_BASE_URL"), os.environ.get("WAYCORE_API_KEY")
    real_api = bool(base_url and key)
    if real_api and scenario.drives_sandbox:
        print(f"kept     {scenario.name} (needs the sandbox's controls)")
        return
    name = f"{scenario.name}.yaml"
    (scratch / name).unlink(missing_ok=True)
    randomness = contextlib.nullcontext() if real_api else seeded_randomness(scenario.name)
    with (
        randomness,
        make_vcr("all", scratch).use_cassette(name),
        Sandbox(activation_polls=2) as sandbox,
    ):
        url, valid_key = (base_url, key) if real_api else (sandbox.base_url, sandbox.api_key)
        with waycore.Waycore(scenario.api_key or valid_key, base_url=url) as client:
            summary = run_sync(scenario, client, None if real_api else sandbox)
    (scratch / name).replace(CASSETTES / name)
    print(f"recorded {scenario.name}: {summary}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="scenarios to re-record (default: all)")
    args = parser.parse_args(argv)
    known = {scenario.name: scenario for scenario in SCENARIOS}
    unknown = [name for name in args.names if name not in known]
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(unknown)}; known: {', '.join(known)}")
    CASSETTES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="waycore-cassettes-") as scratch:
        for scenario in [known[name] for name in args.names] or SCENARIOS:
            record(scenario, Path(scratch))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
