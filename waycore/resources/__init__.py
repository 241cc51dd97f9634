"""One module per API resource: the sync and async resource classes, over the pure call
builders and `Operation` records in the matching `_<resource>_calls` module."""

from __future__ import annotations

from .._operation import Operation
from . import (
    _accounts_calls,
    _balances_calls,
    _connection_calls,
    _entities_calls,
    _institutions_calls,
    _transactions_calls,
    _transfers_calls,
    _webhooks_calls,
)

# Every endpoint the SDK calls; the spec drift check compares them with openapi/waycore.yaml.
OPERATIONS: tuple[Operation, ...] = (
    *_connection_calls.OPERATIONS,
    *_entities_calls.OPERATIONS,
    *_institutions_calls.OPERATIONS,
    *_accounts_calls.OPERATIONS,
    *_balances_calls.OPERATIONS,
    *_transactions_calls.OPERATIONS,
    *_transfers_calls.OPERATIONS,
    *_webhooks_calls.OPERATIONS,
)
