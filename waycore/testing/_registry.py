"""Every resource the sandbox serves. Adding a resource is one line in ``RESOURCES``."""

from __future__ import annotations

from typing import Any, Final

from . import (
    _accounts,
    _balances,
    _connections,
    _entities,
    _institutions,
    _ledger,
    _transactions,
    _transfers,
    _webhooks,
)
from ._routes import Resource

__all__ = ["RESOURCES"]

RESOURCES: Final[tuple[Resource[Any], ...]] = (
    _connections.resource,
    _entities.resource,
    _institutions.resource,
    _ledger.resource,  # no routes: the data that accounts, balances and transactions serve
    _accounts.resource,
    _balances.resource,
    _transactions.resource,
    _transfers.resource,  # moves the ledger's money when a transfer completes
    _webhooks.resource,  # turns connection changes into signed deliveries
)
