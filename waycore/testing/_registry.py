"""Every resource the sandbox serves. Adding a resource is one line in ``RESOURCES``."""

from __future__ import annotations

from typing import Any, Final

from . import _connections
from ._routes import Resource

__all__ = ["RESOURCES"]

RESOURCES: Final[tuple[Resource[Any], ...]] = (_connections.resource,)
