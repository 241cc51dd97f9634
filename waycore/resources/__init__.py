"""One module per API resource: the sync and async resource classes, over the pure call
builders and `Operation` records in the matching `_<resource>_calls` module.

`OPERATIONS` (every endpoint the SDK calls; the spec drift check compares them with
openapi/waycore.yaml) is assembled on first access, so importing one resource does not load
all of them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._operation import Operation

    OPERATIONS: tuple[Operation, ...]

_CALL_MODULES = (
    "_connection_calls",
    "_entities_calls",
    "_institutions_calls",
    "_accounts_calls",
    "_balances_calls",
    "_transactions_calls",
    "_transfers_calls",
    "_webhooks_calls",
)


def __getattr__(name: str) -> Any:
    if name != "OPERATIONS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return tuple(
        operation
        for module in _CALL_MODULES
        for operation in importlib.import_module(f"{__name__}.{module}").OPERATIONS
    )
