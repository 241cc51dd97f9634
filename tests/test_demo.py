"""`scripts/demo`'s program runs end to end against its own sandbox (the main job works)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_demo_walks_every_flow() -> None:
    proc = subprocess.run(  # noqa: S603 - fixed interpreter and script
        [sys.executable, str(ROOT / "examples" / "demo.py")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    for expected in (
        "Onboard a bank connection (chase)",
        "Read its accounts, balances and recent transactions",
        "identical to the API's list",
        "Idempotent-Replayed: true",
        "status                   completed",
        "verified delivery",
    ):
        assert expected in out, expected
    assert "demo-password-not-real" not in out + proc.stderr
    assert "secret in its repr       False" in out
