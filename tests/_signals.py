"""Helpers for tests that stop a child process with Ctrl-C (SIGINT)."""

from __future__ import annotations

import signal


def ctrl_c_restored() -> None:
    """`preexec_fn` for a child that must see Ctrl-C: a shell running commands in the
    background (as some CI runners do) starts them with SIGINT ignored, and Python then
    installs no KeyboardInterrupt handler; the default disposition brings it back."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
