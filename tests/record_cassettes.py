"""Re-record every cassette in tests/cassettes (run through `scripts/record-cassettes`).

Records against `$WAYCORE_BASE_URL` with `$WAYCORE_API_KEY` when both are set (a real test
key: scenarios that drive the sandbox are skipped), else against a fresh local sandbox per
scenario.
"""

from __future__ import annotations

import os

# Run as a script, so this folder is on sys.path already.
from cassette_scenarios import CASSETTES, SCENARIOS, Scenario, make_vcr, run_sync

import waycore
from waycore.testing import Sandbox


def record(scenario: Scenario) -> None:
    base_url, key = os.environ.get("WAYCORE_BASE_URL"), os.environ.get("WAYCORE_API_KEY")
    real_api = bool(base_url and key)
    if real_api and scenario.drives_sandbox:
        print(f"kept     {scenario.name} (needs the sandbox's controls)")
        return
    path = CASSETTES / f"{scenario.name}.yaml"
    path.unlink(missing_ok=True)
    with make_vcr("all").use_cassette(path.name), Sandbox(activation_polls=2) as sandbox:
        url, valid_key = (base_url, key) if real_api else (sandbox.base_url, sandbox.api_key)
        with waycore.Waycore(scenario.api_key or valid_key, base_url=url) as client:
            summary = run_sync(scenario, client, None if real_api else sandbox)
    print(f"recorded {scenario.name}: {summary}")


def main() -> int:
    CASSETTES.mkdir(exist_ok=True)
    for scenario in SCENARIOS:
        record(scenario)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
