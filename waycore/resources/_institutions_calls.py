"""The institutions endpoints (`Operation` records) and the pure builders of their calls,
shared by the sync and async resources."""

from __future__ import annotations

from .. import _validation as check
from .._operation import Call, Operation

LIST = Operation(
    "listInstitutions", "GET", "/institutions", "institutions.list", query=("query", "limit")
)
RETRIEVE = Operation(
    "getInstitution", "GET", "/institutions/{institutionId}", "institutions.retrieve"
)

OPERATIONS = (LIST, RETRIEVE)


def list_filters(*, query: str | None, limit: int | None) -> dict[str, str | int]:
    """The query every page repeats (a cursor is only valid for the same query)."""
    params: dict[str, str | int] = {}
    # An empty search is no search: both list the whole catalog.
    text = check.optional_str(query, "query")
    if text is not None:
        params["query"] = text
    limit_value = check.list_limit(limit)
    if limit_value is not None:
        params["limit"] = limit_value
    return params


def retrieve(institution_id: str) -> Call:
    return RETRIEVE.call(check.connection_id_segment(institution_id, "institution_id"))
