"""One module per API resource: the sync and async resource classes, over the pure call
builders and `Operation` records in the matching `_<resource>_calls` module."""

from __future__ import annotations

from .._operation import Operation
from . import _connection_calls

# Every endpoint the SDK calls; the spec drift check compares them with openapi/waycore.yaml.
OPERATIONS: tuple[Operation, ...] = (*_connection_calls.OPERATIONS,)
