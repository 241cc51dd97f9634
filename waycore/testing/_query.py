"""Reading and checking list filters from a query string, the same way for every resource.

Every refusal is a 400 ``invalid_parameter`` naming the parameter, like the connections list.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date
from typing import Final

from ._common import ApiError, is_uuid

__all__ = ["CURRENCY_RE", "date_param", "date_range", "enum_param", "pattern_param", "uuid_param"]

CURRENCY_RE: Final = re.compile(r"\A[A-Z0-9]{3,12}\Z")
# RFC 3339 full-date only: date.fromisoformat() also takes "20240105" and week dates.
_DATE_RE: Final = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def invalid(name: str, message: str) -> ApiError:
    """A 400 ``invalid_parameter`` about query parameter ``name``."""
    return ApiError(400, "invalid_parameter", f"{name} {message}")


def enum_param(query: Mapping[str, str], name: str, allowed: Collection[str]) -> str | None:
    """``query[name]`` when it is one of ``allowed``; None when absent."""
    value = query.get(name)
    if value is not None and value not in allowed:
        raise invalid(name, "must be one of " + ", ".join(allowed) + ".")
    return value


def pattern_param(
    query: Mapping[str, str], name: str, pattern: re.Pattern[str], what: str
) -> str | None:
    """``query[name]`` when it matches ``pattern`` (described as ``what``); None when absent."""
    value = query.get(name)
    if value is not None and not pattern.match(value):
        raise invalid(name, f"must be {what}.")
    return value


def uuid_param(query: Mapping[str, str], name: str) -> str | None:
    """``query[name]`` lower-cased when it is a UUID; None when absent."""
    value = query.get(name)
    if value is None:
        return None
    if not is_uuid(value):
        raise invalid(name, "must be a UUID.")
    return value.lower()


def date_param(query: Mapping[str, str], name: str) -> date | None:
    """``query[name]`` as a date when it is an ISO ``YYYY-MM-DD`` date; None when absent."""
    value = query.get(name)
    if value is None:
        return None
    try:
        if not _DATE_RE.match(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise invalid(name, "must be a date in YYYY-MM-DD form.") from None


def date_range(
    query: Mapping[str, str], gte_name: str, lt_name: str
) -> tuple[date | None, date | None]:
    """The ``[gte, lt)`` date filters; 400 when the start is after the end."""
    gte, lt = date_param(query, gte_name), date_param(query, lt_name)
    if gte is not None and lt is not None and gte > lt:
        raise invalid(gte_name, f"must not be after {lt_name}.")
    return gte, lt


def in_range(value: date | None, gte: date | None, lt: date | None) -> bool:
    """Whether ``value`` is inside ``[gte, lt)``; a missing value is inside only an open range."""
    if gte is None and lt is None:
        return True
    if value is None:
        return False
    return (gte is None or value >= gte) and (lt is None or value < lt)
