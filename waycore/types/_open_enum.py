"""A str enum that accepts values it does not know yet."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

# Pseudo-members are cached so the same unknown value is the same object, like real members.
# Bounded, so a server sending endless distinct values cannot grow memory without limit.
_MAX_UNKNOWN = 256
_unknown: dict[tuple[type, str], StrEnum] = {}


class OpenStrEnum(StrEnum):
    """A `StrEnum` whose unknown values become pseudo-members instead of raising.

    The server may add a value before the SDK knows it; such a value is kept as-is, is an
    instance of the enum, and compares equal to its raw string::

        >>> ConnectionStatus("archived") == "archived"
        True
        >>> ConnectionStatus("archived").is_known
        False
    """

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        key = (cls, value)
        member = _unknown.get(key)
        if member is None:
            member = str.__new__(cls, value)
            member._name_ = value
            member._value_ = value
            if len(_unknown) < _MAX_UNKNOWN:
                _unknown[key] = member
        return member  # type: ignore[return-value]

    @property
    def is_known(self) -> bool:
        """Whether this SDK version knows the value (`False` for a value the server added)."""
        return self._value_ in type(self)._value2member_map_
