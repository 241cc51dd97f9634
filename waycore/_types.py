"""Small shared types: the "argument not given" sentinel and timeout aliases."""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

import httpx2


class NotGiven:
    """Marks an argument the caller left out (distinct from an explicit `None`)."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

Timeout = httpx2.Timeout
"""`waycore.Timeout(10.0, connect=2.0)`: per-phase timeouts without importing httpx2."""

TimeoutTypes: TypeAlias = float | httpx2.Timeout
"""Seconds for every phase, or a `waycore.Timeout` with connect/read/write/pool set."""
