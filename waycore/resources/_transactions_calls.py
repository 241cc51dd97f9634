"""The transactions endpoints (`Operation` records) and the pure builders of their calls, shared
by the sync and async resources."""

from __future__ import annotations

from .._operation import Operation

OPERATIONS: tuple[Operation, ...] = ()
